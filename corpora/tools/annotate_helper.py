#!/usr/bin/env python3
"""Build and check the gold annotations of corpora/samples (schema reportmine-gold/1).

The sample texts are written in a small inline markup (".ann"); this script strips
the markup, writes the plain UTF-8 text to corpora/samples/<name>.txt and the gold
file to corpora/gold/<name>.txt.gold.json, with offsets computed from the stripped
text, so offsets can never drift.  The markup can be regenerated from an existing
gold file with ``export`` (so the .ann sources need not be kept).

Markup
------
quantity   ⟦TEXT|role|indicator|period|opts⟧
           role: actual completion_rate target basic_target full_target forecast
                 growth difference other, or the short forms a c t b f p g d o
           indicator / period: '-' or empty -> null, '^' -> same as the previous
           quantity; period may be left out.
           opts: ';'-separated overrides v=VALUE u=UNIT nv=NORM nu=NORMUNIT ap=APPROX
           (u=- means the unit was lost: unit null).
flag       ⟨CONTENT⟩⟮type|subtype|note⟯   CONTENT may contain quantities.
           type: placeholder missing_number inconsistency, or ph mn inc
tab        ⇥ stands for a TAB character.

Commands
--------
  annotate_helper.py build FILE.ann [...]     write sample text + gold
  annotate_helper.py export GOLD.json         print the markup for a gold file
  annotate_helper.py check [GOLD.json ...]    re-verify gold files (default: all)
  annotate_helper.py unannotated FILE.txt     list digit/numeral runs outside gold spans
  annotate_helper.py stats                    per-file counts
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]          # corpora/
SAMPLES = ROOT / "samples"
GOLD = ROOT / "gold"
SCHEMA = "reportmine-gold/1"

ROLES = ("actual", "completion_rate", "target", "basic_target", "full_target",
         "forecast", "growth", "difference", "other")
ROLE_SHORT = {"a": "actual", "c": "completion_rate", "t": "target", "b": "basic_target",
              "f": "full_target", "p": "forecast", "g": "growth", "d": "difference",
              "o": "other"}
FLAG_TYPES = ("placeholder", "missing_number", "inconsistency")
FLAG_SHORT = {"ph": "placeholder", "mn": "missing_number", "inc": "inconsistency"}
APPROX = (None, "more", "less", "about")

Q_OPEN, Q_CLOSE = "⟦", "⟧"
F_OPEN, F_CLOSE = "⟨", "⟩"
M_OPEN, M_CLOSE = "⟮", "⟯"
TAB_MARK = "⇥"

# ---------------------------------------------------------------- numbers

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10_000, "亿": 100_000_000}
FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

PREFIX_APPROX = [("不少于", "more"), ("超过", "more"), ("不到", "less"), ("不足", "less"), ("将近", "less"),
                 ("约", "about"), ("近", "less")]
SUFFIX_APPROX = [("以上", "more"), ("以内", "less"), ("以下", "less"), ("左右", "about")]
INNER_APPROX = {"多": "more", "余": "more"}


def cn_to_int(s: str) -> int:
    """Chinese numeral (一万二千, 三百, 十一, 两千) -> int."""
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            section += (1 if digit is None else digit) * CN_UNITS[ch]
            digit = None
        elif ch in CN_BIG:
            section += digit or 0
            total += (section or 1) * CN_BIG[ch]
            section, digit = 0, None
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    section += digit or 0
    return total + section


ARABIC = r"[0-9０-９][0-9０-９,，.．]*"
CN_NUM = r"[零〇一二两三四五六七八九十百千万亿]+"


def parse_quantity(text: str):
    """'300多名' -> (Decimal(300), '名', 'more'); returns (value, unit, approx)."""
    s, approx = text, None
    for p, a in PREFIX_APPROX:
        if s.startswith(p):
            s, approx = s[len(p):], a
            break
    for p, a in SUFFIX_APPROX:
        if s.endswith(p):
            s, approx = s[: -len(p)], a
            break
    m = re.match(r"百分之(" + CN_NUM + r"|" + ARABIC + r")(多|余)?$", s)
    if m:
        num = m.group(1)
        v = Decimal(num.translate(FULLWIDTH).replace(",", "")) if num[0].isdigit() or num[0] in "０１２３４５６７８９" else Decimal(cn_to_int(num))
        return v, "%", INNER_APPROX.get(m.group(2), approx) if m.group(2) else approx
    # mixed 1万2千
    m = re.match(r"([0-9]+)万([0-9]+)千(.*)$", s)
    if m:
        return Decimal(int(m.group(1)) * 10000 + int(m.group(2)) * 1000), m.group(3), approx
    m = re.match(ARABIC, s)
    if m:
        num = m.group(0).translate(FULLWIDTH).replace(",", "").replace("，", "")
        value = Decimal(num)
        rest = s[m.end():]
    else:
        m = re.match(CN_NUM, s)
        if not m:
            raise ValueError(f"no number in {text!r}")
        raw = m.group(0)
        rest = s[m.end():]
        # trailing 万/亿 of a Chinese numeral stays in the number (一万二千, 两千)
        value = Decimal(cn_to_int(raw))
    # 2万多人, 15万余人次 -> unit 万人 / 万人次, approx more
    if len(rest) >= 2 and rest[0] in "万亿" and rest[1] in INNER_APPROX:
        approx = INNER_APPROX[rest[1]]
        rest = rest[0] + rest[2:]
    elif rest[:1] in INNER_APPROX:
        approx = INNER_APPROX[rest[0]]
        rest = rest[1:]
    unit = rest or None
    return value, unit, approx


SIMPLE_FACTORS = {"%": (Decimal("0.01"), "ratio"), "‰": (Decimal("0.001"), "ratio"),
                  "个百分点": (Decimal("0.01"), "ratio_point"), "成": (Decimal("0.1"), "ratio")}


def normalize(value, unit):
    """(Decimal value, unit) -> (Decimal norm_value, norm_unit) following GUIDE.md."""
    if unit is None:
        return value, None
    if unit in SIMPLE_FACTORS:
        f, nu = SIMPLE_FACTORS[unit]
        return value * f, nu
    if unit[0] in CN_BIG and len(unit) > 1:
        return value * CN_BIG[unit[0]], unit[1:]
    if unit.startswith("千") and len(unit) > 1 and unit[1:] in ("元", "克"):
        return value * 1000, unit[1:]
    return value, unit


def num_out(d: Decimal):
    d = d.normalize() if d != 0 else Decimal(0)
    if d == d.to_integral_value():
        return int(d)
    return float(d)


# ---------------------------------------------------------------- markup

def parse_ann(src: str):
    """Return (plain text, quantities, flags)."""
    src = src.replace(TAB_MARK, "\t")
    out: list[str] = []
    pos = 0
    quantities, flags = [], []
    fstack = []
    prev = {"indicator": None, "period": None}
    i = 0
    while i < len(src):
        ch = src[i]
        if ch == Q_OPEN:
            j = src.index(Q_CLOSE, i)
            body = src[i + 1: j]
            if Q_OPEN in body or F_OPEN in body:
                raise ValueError(f"nested markup near {src[i:i + 40]!r}")
            parts = body.split("|")
            text = parts[0]
            q = make_quantity(text, parts[1:], prev, pos)
            quantities.append(q)
            out.append(text)
            pos += len(text)
            i = j + 1
        elif ch == F_OPEN:
            fstack.append(pos)
            i += 1
        elif ch == F_CLOSE:
            start = fstack.pop()
            if src[i + 1] != M_OPEN:
                raise ValueError(f"flag without meta near {src[i - 20:i + 20]!r}")
            j = src.index(M_CLOSE, i)
            meta = src[i + 2: j].split("|")
            if len(meta) != 3:
                raise ValueError(f"flag meta needs type|subtype|note: {meta}")
            ftype = FLAG_SHORT.get(meta[0], meta[0])
            if ftype not in FLAG_TYPES:
                raise ValueError(f"bad flag type {meta[0]!r}")
            flags.append({"start": start, "end": pos, "text": None, "type": ftype,
                          "subtype": meta[1], "note": meta[2]})
            i = j + 1
        elif ch in (Q_CLOSE, M_OPEN, M_CLOSE):
            raise ValueError(f"stray markup {ch!r} near {src[i - 30:i + 30]!r}")
        else:
            out.append(ch)
            pos += 1
            i += 1
    if fstack:
        raise ValueError("unclosed flag")
    text = "".join(out)
    for f in flags:
        f["text"] = text[f["start"]:f["end"]]
    return text, quantities, flags


def make_quantity(text, fields, prev, start):
    fields = list(fields) + [""] * (4 - len(fields))
    role_s, ind, per, opts = fields[0], fields[1], fields[2], "|".join(fields[3:]).strip("|")
    role = ROLE_SHORT.get(role_s, role_s)
    if role not in ROLES:
        raise ValueError(f"bad role {role_s!r} for {text!r}")
    if ind == "^":
        ind = prev["indicator"]
    elif ind in ("", "-"):
        ind = None
    if per == "^":
        per = prev["period"]
    elif per in ("", "-"):
        per = None
    value, unit, approx = parse_quantity(text)
    over = {}
    for kv in filter(None, opts.split(";")):
        k, v = kv.split("=", 1)
        over[k.strip()] = v.strip()
    if "v" in over:
        value = Decimal(over["v"])
    if "u" in over:
        unit = None if over["u"] == "-" else over["u"]
    if "ap" in over:
        approx = None if over["ap"] == "-" else over["ap"]
    nv, nu = normalize(value, unit)
    if "nv" in over:
        nv = Decimal(over["nv"])
    if "nu" in over:
        nu = None if over["nu"] == "-" else over["nu"]
    if role == "other" and ind is not None:
        raise ValueError(f"role other with indicator for {text!r}")
    prev["indicator"], prev["period"] = ind, per
    return {"start": start, "end": start + len(text), "text": text,
            "value": num_out(value), "unit": unit, "norm_value": num_out(nv),
            "norm_unit": nu, "approx": approx, "role": role, "indicator": ind,
            "period": per}


def build(ann_path: Path):
    src = ann_path.read_text(encoding="utf-8")
    text, qs, fs = parse_ann(src)
    name = ann_path.name[: -len(".ann")] if ann_path.name.endswith(".ann") else ann_path.stem
    if not name.endswith(".txt"):
        name += ".txt"
    txt_path = SAMPLES / name
    data = text.encode("utf-8")
    txt_path.write_bytes(data)
    gold = {"schema": SCHEMA, "doc": name, "sha256": hashlib.sha256(data).hexdigest(),
            "quantities": sorted(qs, key=lambda q: (q["start"], q["end"])),
            "flags": sorted(fs, key=lambda f: (f["start"], f["end"]))}
    problems = verify(gold, text)
    gpath = GOLD / (name + ".gold.json")
    gpath.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{name}: {len(text)} chars, {len(qs)} quantities, {len(fs)} flags -> {gpath}")
    for p in problems:
        print("  PROBLEM", p)
    return gold, text


# ---------------------------------------------------------------- checks

def verify(gold, text):
    problems = []
    last_end = -1
    for q in gold["quantities"]:
        if text[q["start"]:q["end"]] != q["text"]:
            problems.append(f"span mismatch {q}")
        if q["start"] < last_end:
            problems.append(f"overlapping quantity {q['text']} at {q['start']}")
        last_end = q["end"]
        if q["role"] not in ROLES or q["approx"] not in APPROX:
            problems.append(f"bad vocab {q}")
        if any(c in q["text"] for c in "\n\t"):
            problems.append(f"quantity crosses a line {q}")
        try:
            v, u, a = parse_quantity(q["text"])
            nv, nu = normalize(Decimal(str(q["value"])), q["unit"])
            if abs(float(nv) - float(q["norm_value"])) > 1e-9 * max(1.0, abs(float(nv))):
                problems.append(f"norm_value {q['norm_value']} != {nv} for {q['text']}")
        except ValueError as e:
            problems.append(str(e))
    for f in gold["flags"]:
        if text[f["start"]:f["end"]] != f["text"]:
            problems.append(f"flag span mismatch {f}")
        if f["type"] not in FLAG_TYPES or not f["note"]:
            problems.append(f"bad flag {f}")
    return problems


def unannotated(text, gold, show=True):
    spans = [(q["start"], q["end"]) for q in gold["quantities"]]
    spans += [(f["start"], f["end"]) for f in gold["flags"]]
    hits = []
    pat = re.compile(r"[0-9０-９]+(?:[.,．][0-9０-９]+)*|[一二两三四五六七八九十百千万]+")
    for m in pat.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        ctx = text[max(0, m.start() - 12): m.end() + 8].replace("\n", "/").replace("\t", "→")
        hits.append((m.start(), m.group(0), ctx))
        if show:
            print(f"{m.start():6d} {m.group(0):>8s}  {ctx}")
    return hits


def export(gold_path: Path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (SAMPLES / gold["doc"]).read_text(encoding="utf-8")
    inv_role = {v: k for k, v in ROLE_SHORT.items()}
    inv_flag = {v: k for k, v in FLAG_SHORT.items()}
    events = []  # (pos, order, string)
    for q in gold["quantities"]:
        v, u, a = parse_quantity(q["text"])
        opts = []
        if num_out(v) != q["value"]:
            opts.append(f"v={q['value']}")
        if u != q["unit"]:
            opts.append(f"u={q['unit'] or '-'}")
        if a != q["approx"]:
            opts.append(f"ap={q['approx'] or '-'}")
        nv, nu = normalize(Decimal(str(q["value"])), q["unit"])
        if num_out(nv) != q["norm_value"]:
            opts.append(f"nv={q['norm_value']}")
        if nu != q["norm_unit"]:
            opts.append(f"nu={q['norm_unit'] or '-'}")
        meta = "|".join([inv_role[q["role"]], q["indicator"] or "-", q["period"] or "-"]
                        + ([";".join(opts)] if opts else []))
        # at one position: close quantities, close flags, open flags, open quantities
        events.append((q["start"], 2, Q_OPEN))
        events.append((q["end"], -2, "|" + meta + Q_CLOSE))
    for f in gold["flags"]:
        events.append((f["start"], 1, F_OPEN))
        events.append((f["end"], -1, F_CLOSE + M_OPEN + "|".join(
            [inv_flag[f["type"]], f["subtype"], f["note"]]) + M_CLOSE))
    events.sort(key=lambda e: (e[0], e[1]))
    out, pos = [], 0
    for p, _, s in events:
        out.append(text[pos:p])
        out.append(s)
        pos = p
    out.append(text[pos:])
    return "".join(out).replace("\t", TAB_MARK)


def stats(paths):
    for gp in paths:
        gold = json.loads(Path(gp).read_text(encoding="utf-8"))
        text = (SAMPLES / gold["doc"]).read_text(encoding="utf-8")
        cjk = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
        roles = Counter(q["role"] for q in gold["quantities"])
        ftypes = Counter(f["type"] for f in gold["flags"])
        print(f"{gold['doc']}: {len(text)} chars ({cjk} CJK), {len(gold['quantities'])} quantities "
              f"{dict(roles)}, {len(gold['flags'])} flags {dict(ftypes)}")


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    cmd, args = argv[1], argv[2:]
    if cmd == "build":
        for a in args:
            build(Path(a))
    elif cmd == "export":
        sys.stdout.write(export(Path(args[0])))
    elif cmd == "check":
        paths = [Path(a) for a in args] or sorted(GOLD.glob("*.gold.json"))
        bad = 0
        for gp in paths:
            gold = json.loads(gp.read_text(encoding="utf-8"))
            data = (SAMPLES / gold["doc"]).read_bytes()
            probs = verify(gold, data.decode("utf-8"))
            if hashlib.sha256(data).hexdigest() != gold["sha256"]:
                probs.append("sha256 mismatch")
            for p in probs:
                print(gp.name, "PROBLEM", p)
            bad += len(probs)
        print("ok" if not bad else f"{bad} problems")
        return 1 if bad else 0
    elif cmd == "unannotated":
        for a in args:
            p = Path(a)
            gold = json.loads((GOLD / (p.name + ".gold.json")).read_text(encoding="utf-8"))
            unannotated(p.read_text(encoding="utf-8"), gold)
    elif cmd == "stats":
        stats(args or sorted(GOLD.glob("*.gold.json")))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
