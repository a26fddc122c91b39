"""Mutation benchmark for the inconsistency checks: relations from a careful
reading, not from the checker.

    python benchmarks/mutate.py [--shared DIR] [--relations FILE] [--docs a01.txt ...]
                                [--closed-loop] [--examples N] [--json OUT]

1. benchmarks/relations.json lists relations that hold in ../shared/realdev and
   the seeds (built by benchmarks/build_relations.py from the reader's list:
   the numbers' offsets, and the arithmetic where it could be recovered).
2. For each relation, each of its numbers is changed once per perturbation
   (a typo in the last digit, the last two digits swapped, 10% off). A change
   after which the arithmetic still holds within the written rounding is not
   counted. The changed document is analyzed; the change is caught when an
   inconsistency flag overlaps (4 characters of slack) a number of the relation,
   or when a flag elsewhere cites the changed number in its evidence (a share
   flagged after its whole was changed); the second way is counted apart.
3. False alarms: inconsistency flags on the unchanged documents (every realdev
   document and seed) that the gold does not have, per 20,000 characters of
   non-boilerplate text.
--closed-loop adds the old source as a second one: relations the checker
itself verified (doc.meta["verified"]) in the same documents, reported apart.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from relation_math import holds, parse  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DIGITS = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")
KINDS = ("last_digit", "swap", "ten_percent")


def perturbations(number: str):
    """(kind, new text) for the digits of a number as written."""
    digits = [i for i, ch in enumerate(number) if ch.isdigit()]
    nonzero = [i for i in digits if number[i] != "0"] or digits
    last = nonzero[-1]
    yield "last_digit", number[:last] + str((int(number[last]) + 3) % 10 or 3) + number[last + 1:]
    if len(digits) >= 2 and number[digits[-1]] != number[digits[-2]]:
        a, b = digits[-2], digits[-1]
        chars = list(number)
        chars[a], chars[b] = chars[b], chars[a]
        yield "swap", "".join(chars)
    value = float(number.replace(",", ""))
    decimals = len(number.split(".")[1]) if "." in number else 0
    bumped = f"{value * 1.1:.{decimals}f}"
    if bumped != number.replace(",", ""):
        yield "ten_percent", bumped


def mutations(text: str, rel: dict):
    """(kind, mutated text, moved spans) for each number of a relation; changes
    that leave the arithmetic holding are skipped."""
    spans = [tuple(s) for s in rel["spans"]]
    for k, (s, e) in enumerate(spans):
        m = DIGITS.search(text, s, e)
        if not m:
            continue
        for kind, new in perturbations(m.group()):
            mutated = text[:m.start()] + new + text[m.end():]
            shift = len(new) - len(m.group())
            moved = [(a + (shift if a > m.start() else 0), b + (shift if b >= m.end() else 0)) for a, b in spans]
            if rel.get("expr"):
                numbers = [parse(mutated[a:b]) for a, b in moved]
                if None in numbers or holds(rel["expr"], rel["stated"], numbers):
                    continue
            yield kind, mutated, moved, k


def overlaps(flag, spans, slack=4) -> bool:
    return any(flag.start < e + slack and s < flag.end + slack for s, e in spans)


def cites(flag, span) -> bool:
    """The changed number is among the flag's evidence (a flag on a share whose
    whole was changed names the whole): the change is shown to the reviewer
    even though the flag's own span is elsewhere."""
    s, e = span
    return any(ev["start"] < e and s < ev["end"] for ev in flag.evidence)


def doc_path(shared: Path, name: str) -> Path:
    return shared / "seeds" / name[len("seeds/"):] if name.startswith("seeds/") else shared / "realdev" / "docs" / name


def gold_flags(shared: Path, name: str) -> list[dict]:
    g = shared / "gold" / (name[len("seeds/"):] + ".gold.json") if name.startswith("seeds/") else \
        shared / "realdev" / "gold" / (name + ".gold.json")
    return json.loads(g.read_text(encoding="utf-8"))["flags"] if g.exists() else []


def run_relations(pipeline, shared: Path, rels: list[dict], stats: Counter, examples: list,
                  per_relation: list | None = None) -> None:
    texts, verified = {}, {}
    for rel in rels:
        text = texts.setdefault(rel["doc"], doc_path(shared, rel["doc"]).read_text(encoding="utf-8"))
        n, hit = 0, 0
        for kind, mutated, moved, k in mutations(text, rel):
            got = pipeline.analyze_bytes(mutated.encode("utf-8"), Path(rel["doc"]).name)
            flags = [f for f in got.flags if f.type == "inconsistency"]
            caught = any(overlaps(f, moved) for f in flags)
            if not caught and any(cites(f, moved[k]) for f in flags):
                stats[("evidence", rel["kind"], kind)] += 1
                caught = True
            stats[(rel["kind"], kind, caught)] += 1
            n, hit = n + 1, hit + caught
            if not caught:
                examples.append(f"{rel['doc']} {rel['kind']}/{kind}: {rel['expr'] or '?'} over {rel['numbers']}")
        if per_relation is not None and n:
            if rel["doc"] not in verified:
                doc = pipeline.analyze_bytes(text.encode("utf-8"), Path(rel["doc"]).name)
                verified[rel["doc"]] = [v["spans"] for v in doc.meta.get("verified", [])]
            spans = [tuple(s) for s in rel["spans"]]
            seen = max((sum(any(a < e and s < b for a, b in v) for s, e in spans) for v in verified[rel["doc"]]),
                       default=0)
            per_relation.append({"doc": rel["doc"], "kind": rel["kind"], "numbers": rel["numbers"],
                                 "caught": hit, "total": n, "verified_numbers": seen})


def false_alarms(pipeline, shared: Path, names: list[str]) -> tuple[int, int, list]:
    alarms, chars, listed = 0, 0, []
    for name in names:
        doc = pipeline.analyze_bytes(doc_path(shared, name).read_bytes(), Path(name).name)
        gold = [f for f in gold_flags(shared, name) if f["type"] == "inconsistency"]
        for f in doc.flags:
            if f.type == "inconsistency" and not any(f.start < g["end"] + 4 and g["start"] < f.end + 4 for g in gold):
                alarms += 1
                listed.append(f"{name}: {f.subtype} {f.text!r}")
        chars += sum(e - s for s, e in doc.content_spans())
    return alarms, chars, listed


def closed_loop(pipeline, shared: Path, names: list[str], stats: Counter) -> None:
    """The old source: relations the checker verified, each number perturbed."""
    for name in names:
        text = doc_path(shared, name).read_text(encoding="utf-8")
        doc = pipeline.analyze_bytes(text.encode("utf-8"), Path(name).name)
        for v in doc.meta.get("verified", []):
            for kind, mutated, moved, _ in mutations(text, {"spans": v["spans"]}):
                got = pipeline.analyze_bytes(mutated.encode("utf-8"), Path(name).name)
                stats[(v["kind"], kind, any(f.type == "inconsistency" and overlaps(f, moved) for f in got.flags))] += 1


def table(stats: Counter, title: str) -> tuple[int, int]:
    cited = Counter({k[1:]: n for k, n in stats.items() if k[0] == "evidence"})
    stats = Counter({k: n for k, n in stats.items() if k[0] != "evidence"})
    print(f"\n{title}\n{'relation':12s} {'perturbation':12s} {'caught':>7s} {'total':>6s}  (of them by evidence only)")
    for rel in sorted({k[0] for k in stats}):
        for kind in KINDS:
            t = stats[(rel, kind, True)] + stats[(rel, kind, False)]
            if t:
                print(f"{rel:12s} {kind:12s} {stats[(rel, kind, True)]:7d} {t:6d}  {cited[(rel, kind)]:5d}")
    total = sum(stats.values())
    caught = sum(n for (_, _, c), n in stats.items() if c)
    spans = caught - sum(cited.values())
    print(f"caught {caught}/{total} = {caught / total if total else 0:.1%} "
          f"(a flag on a number of the relation: {spans}/{total} = {spans / total if total else 0:.1%}; "
          f"a flag elsewhere that cites the changed number: {sum(cited.values())})")
    return caught, total


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("REPORTMINE_SHARED", ROOT.parent / "shared")))
    ap.add_argument("--relations", type=Path, default=Path(__file__).resolve().parent / "relations.json")
    ap.add_argument("--docs", nargs="*", help="only these documents (e.g. the held-out half)")
    ap.add_argument("--closed-loop", action="store_true", help="also perturb the relations the checker verified")
    ap.add_argument("--examples", type=int, default=0, help="print N changes that were not caught")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--per-relation", type=Path, help="write each relation's caught/total and how many of its "
                    "numbers the checker verified together on the unchanged text (JSON lines)")
    args = ap.parse_args(argv)
    if not (args.shared / "realdev").is_dir():
        raise SystemExit(f"{args.shared}/realdev not found: pass --shared DIR or set REPORTMINE_SHARED")
    from reportmine.pipeline import Pipeline

    pipeline = Pipeline()
    rels = json.loads(args.relations.read_text(encoding="utf-8"))
    names = sorted(p.name for p in (args.shared / "realdev" / "docs").glob("*.txt")) + \
        sorted("seeds/" + p.name for p in (args.shared / "seeds").glob("*.txt"))
    if args.docs:
        rels = [r for r in rels if Path(r["doc"]).name in args.docs]
        names = [n for n in names if Path(n).name in args.docs]
    stats, examples, per_relation = Counter(), [], ([] if args.per_relation else None)
    run_relations(pipeline, args.shared, rels, stats, examples, per_relation)
    if args.per_relation:
        args.per_relation.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in per_relation),
                                     encoding="utf-8")
    caught, total = table(stats, f"relations from the reading ({len(rels)} relations, {args.relations.name})")
    alarms, chars, listed = false_alarms(pipeline, args.shared, names)
    per20k = alarms / (chars / 20000) if chars else 0.0
    print(f"false inconsistency flags on the unchanged documents: {alarms} in {chars:,} characters "
          f"= {per20k:.2f} per 20,000 characters")
    for line in listed:
        print("  FALSE", line)
    if args.closed_loop:
        loop = Counter()
        closed_loop(pipeline, args.shared, names, loop)
        table(loop, "second source: relations the checker verified (closed loop)")
    for line in examples[:args.examples]:
        print("  MISSED", line)
    if args.json:
        args.json.write_text(json.dumps({"caught": caught, "total": total, "rate": caught / total if total else 0,
                                         "false_alarms": alarms, "characters": chars, "per_20000": per20k,
                                         "by_kind": {f"{k[0]}/{k[1]}/{k[2]}": n for k, n in stats.items()}},
                                        indent=1))


if __name__ == "__main__":
    main()
