"""How the figures hold when real reports are written differently: the gold
documents rewritten the ways real files differ, each scored like the originals.

    python benchmarks/transforms.py [--shared DIR] [--sets realdev,seeds]
                                    [--only wrap,spaces,...] [--keep DIR] [--json OUT]

Each transform rewrites every gold document's text and moves the gold spans
with it (an offset map from the original text to the new one), so the same
GUIDE.md scorer (../shared/gold/score.py) reads both. The rewrites are the
surface forms the issues name for real reports, none of them tied to a
document:

- wrap:        a line break after every 36th character, never inside a run of
               digits (PDF text: one printed line per line of text);
- wrap-any:    the same at every 36th character wherever it falls, inside
               numbers and units too (text copied from a narrow PDF column);
- spaces:      a space on each side of every number (PDF conversion,
               `新建校舍 3200 平方米`, `增长 12.5 %`), its decimal point and
               thousands commas inside it;
- traditional: every character that has a traditional form in data/t2s.tsv
               written in it (the first traditional character listed for it;
               gold indicators rewritten alike);
- fullwidth:   ASCII digits, `.` and `%` as full-width characters (`２０２３年`,
               `１２．５％`, as some word processors write them);
- halfwidth:   Chinese punctuation as ASCII (`，；：（）` -> `,;:()`, web pages);
- pages:       a page footer line (`— 3 —`) every 600 characters, wherever it
               falls but never inside a number (a PDF's pages copied as text);
- synonyms:    cue phrases written another common way (比上年增长 -> 较上年增长,
               年度目标 -> 全年目标, 力争 -> 争取, …: SYNONYMS below; gold
               indicators rewritten alike): whether the cue words cover the
               ways reports say the same thing;
- cnnum:       whole numbers 1-99 before a count unit written in Chinese
               numerals (12个 -> 十二个, 3项 -> 三项), as reports write small counts;
- crlf:        Windows line ends (\r\n), as a txt saved by Notepad;
- gb18030:     the same text written in GB18030 instead of UTF-8 (offsets count
               characters, so the gold does not move);
- docx, pdf:   the text laid out as a real file by corpora/tools/render.py
               after a title line 工作报告 (一、 lines headings, lines of | cells
               a real table; the PDF wrapped on
               A4 with the title as a running header and `- N -` footers); the
               gold spans are moved onto the reader's text by aligning the
               two texts character by character (difflib), so a gold number
               the layout broke or dropped counts as missed.

The pipeline is the installed `reportmine analyze` (one process per set and
transform). Printed: score.py's summary per set and transform, and the
change against the original text. A transform that lowers a figure shows a
form the readers do not yet handle; it is not a fitted test set (nothing is
tuned on it), and a document's gold is only moved, never edited.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDTH = 36
FIGURES = ("qF1", "role", "ind", "claimR", "ph", "miss", "inc")


def _rewrite(text: str, piece) -> tuple[str, list[int]]:
    """Apply ``piece(i, ch) -> str`` to each character; returns the new text
    and where each original offset (and the end) lands in it."""
    out, where, n = [], [], 0
    for i, ch in enumerate(text):
        where.append(n)
        s = piece(i, ch)
        out.append(s)
        n += len(s)
    where.append(n)
    return "".join(out), where


def wrap(text: str, any_place: bool = False) -> tuple[str, list[int]]:
    col = 0

    def piece(i, ch):
        nonlocal col
        if ch == "\n":
            col = 0
            return ch
        col += 1
        nxt = text[i + 1:i + 2]
        if col >= WIDTH and nxt and nxt != "\n" and (any_place or not (ch.isdigit() and (nxt.isdigit() or nxt == "."))):
            col = 0
            return ch + "\n"
        return ch
    return _rewrite(text, piece)


def spaces(text: str) -> tuple[str, list[int]]:
    def piece(i, ch):
        prev, nxt = text[i - 1:i], text[i + 1:i + 2]
        s = ch
        # a number's decimal point and thousands commas are inside it (a PDF does not split 24,978.12)
        digit_like = ch.isdigit() or (ch in ".," and prev.isdigit() and nxt.isdigit())
        if digit_like and not (prev.isdigit() or prev in ".,") and prev not in ("", " ", "\n"):
            s = " " + s
        if digit_like and not (nxt.isdigit() or nxt in ".,") and nxt not in ("", " ", "\n"):
            s = s + " "
        return s
    return _rewrite(text, piece)


def _s2t() -> dict[str, str]:
    """Each simplified character's first traditional form in data/t2s.tsv."""
    from reportmine.script import t2s_table

    table: dict[str, str] = {}
    for trad, simp in t2s_table().items():
        table.setdefault(simp, chr(trad))
    return table


def traditional(text: str) -> tuple[str, list[int]]:
    table = _s2t()
    return _rewrite(text, lambda i, ch: table.get(ch, ch))


_FULL = {**{str(d): chr(0xFF10 + d) for d in range(10)}, ".": "．", "%": "％"}
_HALF = {"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "！": "!", "？": "?"}


def fullwidth(text: str) -> tuple[str, list[int]]:
    return _rewrite(text, lambda i, ch: _FULL.get(ch, ch))


def halfwidth(text: str) -> tuple[str, list[int]]:
    return _rewrite(text, lambda i, ch: _HALF.get(ch, ch))


PAGE = 600


def pages(text: str) -> tuple[str, list[int]]:
    count, since = 1, 0

    def piece(i, ch):
        nonlocal count, since
        since += 1
        nxt = text[i + 1:i + 2]
        if since >= PAGE and nxt and not (ch.isdigit() or nxt.isdigit() or nxt in ".%"):
            since, count = 0, count + 1
            return f"{ch}\n— {count - 1} —\n"
        return ch
    return _rewrite(text, piece)


# each phrase -> a phrase reports use for the same thing (longest first when they overlap)
SYNONYMS = {
    "比上年同期增长": "较去年同期增长", "同比增长": "比上年同期增长", "比上年增长": "较上年增长",
    "同比下降": "较上年同期下降", "比上年下降": "较去年下降", "同比减少": "比去年同期减少",
    "同比提高": "较上年提高", "比上年提高": "较上年提高",
    "完成年度目标": "完成全年目标", "完成年度任务": "完成全年任务", "年度目标任务": "全年目标任务",
    "年度目标": "全年目标", "年度任务": "全年任务", "目标任务的": "目标的",
    "力争": "争取", "确保": "力争", "达到": "达",
    "累计完成": "共完成",
}


def _substitute(text: str, rx, replacement) -> tuple[str, list[int]]:
    """Each match of ``rx`` replaced by ``replacement(match)``; the offset map
    sends a replaced run's characters to the start of what replaced it."""
    out, where, n, pos = [], [], 0, 0
    for m in rx.finditer(text):
        where.extend(range(n, n + m.start() - pos))
        out.append(text[pos:m.start()])
        n += m.start() - pos
        new = replacement(m)
        where.extend([n] * (m.end() - m.start()))
        out.append(new)
        n += len(new)
        pos = m.end()
    where.extend(range(n, n + len(text) - pos))
    out.append(text[pos:])
    where.append(n + len(text) - pos)
    return "".join(out), where


def _phrases(table: dict[str, str]):
    rx = re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True))))
    return lambda text: _substitute(text, rx, lambda m: table[m.group()])


_CN = "零一二三四五六七八九"
_COUNT = re.compile(r"(?<![0-9.．,，%％])([1-9][0-9]?)(?=[个项家人户次件所座名条])")


def _cn(n: int) -> str:
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _CN[tens]) + "十" if tens else "") + (_CN[ones] if ones else "")


def cnnum(text: str) -> tuple[str, list[int]]:
    return _substitute(text, _COUNT, lambda m: _cn(int(m.group(1))))


TRANSFORMS = {
    "wrap": wrap,
    "wrap-any": lambda t: wrap(t, any_place=True),
    "spaces": spaces,
    "traditional": traditional,
    "fullwidth": fullwidth,
    "halfwidth": halfwidth,
    "pages": pages,
    "synonyms": _phrases(SYNONYMS),
    "cnnum": cnnum,
    "crlf": lambda t: _rewrite(t, lambda i, ch: "\r\n" if ch == "\n" else ch),
    "gb18030": lambda t: _rewrite(t, lambda i, ch: ch),
}
ENCODINGS = {"gb18030": "gb18030"}


FILE_REWRITES = ("docx", "pdf")
TITLE = "工作报告"


def aligned(old: str, new: str) -> list[int]:
    """Where each offset of ``old`` (and its end) lands in ``new``, by a
    character alignment of the two; a character ``new`` lacks lands where the
    next aligned one does."""
    where = [-1] * (len(old) + 1)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for a, b, n in matcher.get_matching_blocks():
        for k in range(n):
            where[a + k] = b + k
    where[len(old)] = len(new)
    for i in range(len(old) - 1, -1, -1):
        if where[i] < 0:
            where[i] = where[i + 1]
    return where


def _as_table_row(line: str) -> str:
    """A line of | cells as render.py's table row (tab-separated): the file
    then holds a real table, as a report's would."""
    if line.count("|") < 2:
        return line
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    return "\t".join(c if c else " " for c in cells)


def render(kind: str, text: str, out: Path) -> Path:
    sys.path.insert(0, str(ROOT / "corpora" / "tools"))
    import render as layout

    src = out.with_suffix(".src.txt")
    # a title line of its own (render.py lays out the first line as the title and
    # repeats it as the PDF's running header; an excerpt starts with its body)
    src.write_text(TITLE + "\n" + "\n".join(_as_table_row(line) for line in text.split("\n")), encoding="utf-8")
    made = (layout.render_docx if kind == "docx" else layout.render_pdf)(src, out)
    src.unlink()
    return made


def move_gold(gold: dict, where: list[int], new_text: str, name: str) -> dict:
    """The gold with every span moved by ``where`` (a span keeps what was
    inserted inside it) and its text read from the new text."""
    table = _s2t() if name == "traditional" else None
    out = dict(gold)
    for key in ("quantities", "flags"):
        moved = []
        for item in gold.get(key, []):
            item = dict(item)
            s, e = item["start"], item["end"]
            first = new_text[where[s]:where[s + 1]] if s < len(where) - 1 else ""
            item["start"] = where[s] + len(first) - len(first.lstrip("\n "))
            last = new_text[where[e - 1]:where[e]] if e > s else ""
            # the span's last character (after what was put before it, not what came after)
            item["end"] = where[e - 1] + len(last) - len(last.lstrip("\n ")) + 1 if e > s else item["start"]
            item["text"] = new_text[item["start"]:item["end"]]
            if table and item.get("indicator"):
                item["indicator"] = "".join(table.get(c, c) for c in item["indicator"])
            if name == "synonyms" and item.get("indicator"):
                item["indicator"] = _phrases(SYNONYMS)(item["indicator"])[0]
            moved.append(item)
        out[key] = moved
    return out


def score(gold_dir: Path, pred_dir: Path, scorer: Path) -> dict[str, float]:
    res = subprocess.run([sys.executable, str(scorer), str(gold_dir), str(pred_dir)],
                         capture_output=True, text=True, check=True)
    line = [l for l in res.stdout.splitlines() if l.startswith("SUMMARY")][-1]
    return {k: float(v) for k, v in (part.split("=") for part in line.split()[1:])}


def run_set(docs: dict[str, str], golds: dict[str, dict], work: Path, label: str, scorer: Path,
            reportmine: list[str], kind: str | None = None) -> dict[str, float]:
    src, gold_dir, out = work / label / "docs", work / label / "gold", work / label / "out"
    for d in (src, gold_dir):
        d.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        gold = golds[name]
        if kind in FILE_REWRITES:
            from reportmine.readers import read

            path = render(kind, text, src / f"{name}.{kind}")
            new_text = read(path).text
            gold = move_gold(gold, aligned(text, new_text), new_text, kind)
            gold["doc"] = path.name
        else:
            path = src / name
            path.write_bytes(text.encode(ENCODINGS.get(kind or "", "utf-8")))
        (gold_dir / f"{path.name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    subprocess.run([*reportmine, "analyze", str(src), "--out", str(out), "-q", "--no-html"],
                   check=True, stdout=subprocess.DEVNULL)
    return score(gold_dir, out / "documents", scorer)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("REPORTMINE_SHARED", ROOT.parent / "shared")))
    ap.add_argument("--sets", default="realdev,seeds")
    ap.add_argument("--only", default=",".join([*TRANSFORMS, *FILE_REWRITES]))
    ap.add_argument("--keep", type=Path, help="write the rewritten documents, gold and outputs here")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    scorer = args.shared / "gold" / "score.py"
    reportmine = [sys.executable, "-m", "reportmine"]
    work = args.keep or Path(tempfile.mkdtemp(prefix="rm-transforms-"))
    results = {}
    try:
        for set_name in args.sets.split(","):
            if set_name == "seeds":
                gold_files, text_dir = sorted((args.shared / "gold").glob("*.gold.json")), args.shared / "seeds"
            else:
                gold_files, text_dir = sorted((args.shared / set_name / "gold").glob("*.gold.json")), \
                    args.shared / set_name / "docs"
            golds = {}
            texts = {}
            for g in gold_files:
                data = json.loads(g.read_text(encoding="utf-8"))
                golds[data["doc"]] = data
                texts[data["doc"]] = (text_dir / data["doc"]).read_bytes().decode("utf-8")
            base = run_set(texts, golds, work, f"{set_name}/original", scorer, reportmine)
            results[(set_name, "original")] = base
            print(f"{set_name:8s} {'original':12s} " + " ".join(f"{k}={base[k]:.3f}" for k in FIGURES), flush=True)
            for name in args.only.split(","):
                if name in FILE_REWRITES:
                    got = run_set(texts, golds, work, f"{set_name}/{name}", scorer, reportmine, kind=name)
                    results[(set_name, name)] = got
                    print(f"{set_name:8s} {name:12s} " + " ".join(f"{k}={got[k]:.3f}({got[k] - base[k]:+.3f})"
                                                             for k in FIGURES), flush=True)
                    continue
                fn = TRANSFORMS[name]
                new_texts, new_golds = {}, {}
                for doc, text in texts.items():
                    new, where = fn(text)
                    new_texts[doc] = new
                    new_golds[doc] = move_gold(golds[doc], where, new, name)
                got = run_set(new_texts, new_golds, work, f"{set_name}/{name}", scorer, reportmine, kind=name)
                results[(set_name, name)] = got
                print(f"{set_name:8s} {name:12s} " + " ".join(f"{k}={got[k]:.3f}({got[k] - base[k]:+.3f})" for k in FIGURES),
                      flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps({f"{s}/{t}": v for (s, t), v in results.items()}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
