"""Mutation benchmark for the inconsistency checks.

    python benchmarks/mutate.py [--sources DIR ...] [--gold DIR ...]

1. Every document is analyzed; the relations that hold in it (a part list that
   adds up, a rate that matches its counts, a completion rate that matches
   actual/target, a difference, a growth) are read from doc.meta["verified"].
2. For each relation, each number in it is perturbed once per perturbation
   kind (a typo in the last digit, two digits swapped, 10% off), the document
   is analyzed again, and the perturbation is caught when an inconsistency
   flag touches the relation.
3. False alarms: inconsistency flags on the unperturbed documents that the
   gold does not have (documents without gold: every inconsistency flag
   counts), per 20,000 characters of non-boilerplate text.

Defaults: the seeds (../shared) and the project's corpora/samples, with their gold.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NUMBER = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?")


def perturbations(number: str):
    """(kind, new text) for a number as written."""
    digits = [i for i, ch in enumerate(number) if ch.isdigit()]
    nonzero = [i for i in digits if number[i] != "0"] or digits
    last = nonzero[-1]
    new_digit = (int(number[last]) + 3) % 10 or 3
    # a typo in the last significant digit (5000 -> 8000, 2,402 -> 2,405)
    yield "last_digit", number[:last] + str(new_digit) + number[last + 1:]
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


def overlaps(flag, spans, slack=4):
    return any(flag.start < e + slack and s < flag.end + slack for s, e in spans)


def mutate_doc(pipeline, text: str, name: str, stats: Counter, examples: list):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), name)
    for rel in doc.meta.get("verified", []):
        spans = [tuple(s) for s in rel["spans"]]
        for s, e in spans:
            m = NUMBER.search(text, s, e)
            if not m:
                continue
            for kind, new in perturbations(m.group()):
                mutated = text[:m.start()] + new + text[m.end():]
                shift = len(new) - len(m.group())
                moved = [(a + (shift if a > m.start() else 0), b + (shift if b > m.start() else 0))
                         for a, b in spans]
                got = pipeline.analyze_bytes(mutated.encode("utf-8"), name)
                caught = any(f.type == "inconsistency" and overlaps(f, moved) for f in got.flags)
                stats[(rel["kind"], kind, caught)] += 1
                if not caught and len(examples) < 40:
                    examples.append(f"{name}: {rel['kind']}/{kind}: {m.group()} -> {new} in "
                                    f"{text[spans[0][0]:spans[-1][1]]!r}")
    return doc


def false_alarms(doc, gold_flags) -> int:
    gold = [f for f in gold_flags if f["type"] == "inconsistency"]
    return sum(1 for f in doc.flags if f.type == "inconsistency"
               and not any(f.start < g["end"] + 4 and g["start"] < f.end + 4 for g in gold))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=Path, nargs="*",
                    default=[ROOT.parent / "shared" / "seeds", ROOT / "corpora" / "samples"])
    ap.add_argument("--gold", type=Path, nargs="*",
                    default=[ROOT.parent / "shared" / "gold", ROOT / "corpora" / "gold"])
    ap.add_argument("--json", type=Path)
    ap.add_argument("--examples", action="store_true", help="print perturbations that were not caught")
    args = ap.parse_args(argv)
    from reportmine.pipeline import Pipeline

    pipeline = Pipeline()
    stats, examples = Counter(), []
    chars = alarms = 0
    for src in args.sources:
        if not src.is_dir():
            print(f"skipping {src}: not found")
            continue
        for path in sorted(src.glob("*.txt")):
            text = path.read_bytes().decode("utf-8")
            doc = mutate_doc(pipeline, text, path.name, stats, examples)
            gold_flags = []
            for gdir in args.gold:
                gp = gdir / (path.name + ".gold.json")
                if gp.exists():
                    gold_flags = json.loads(gp.read_text(encoding="utf-8"))["flags"]
            alarms += false_alarms(doc, gold_flags)
            chars += sum(e - s for s, e in doc.content_spans())
    total = sum(stats.values())
    caught = sum(n for (_, _, c), n in stats.items() if c)
    print(f"{'relation':12s} {'perturbation':12s} {'caught':>7s} {'total':>6s}")
    for rel in sorted({k[0] for k in stats}):
        for kind in ("last_digit", "swap", "ten_percent"):
            t = stats[(rel, kind, True)] + stats[(rel, kind, False)]
            if t:
                print(f"{rel:12s} {kind:12s} {stats[(rel, kind, True)]:7d} {t:6d}")
    rate = caught / total if total else 0.0
    per20k = alarms / (chars / 20000) if chars else 0.0
    print(f"caught {caught}/{total} perturbations = {rate:.1%}")
    print(f"false inconsistency flags on unperturbed text: {alarms} in {chars:,} characters "
          f"= {per20k:.2f} per 20,000 characters")
    if args.examples:
        print("\n".join(examples))
    if args.json:
        args.json.write_text(json.dumps({"caught": caught, "total": total, "rate": rate, "false_alarms": alarms,
                                         "characters": chars, "per_20000": per20k}, indent=1))


if __name__ == "__main__":
    main()
