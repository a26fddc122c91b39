"""Build benchmarks/relations.json from the relations a careful reader listed.

    python benchmarks/build_relations.py [../shared/realdev/relations.json]

The source lists, per document, the numbers of a relation that holds (as
written) and one place in the text. Here each number is located (its span,
nearest to that place), and the arithmetic is recovered: the simplest
expression over the numbers that holds within their written rounding
(benchmarks/relation_math.py). Only offsets, the numbers and the arithmetic are
stored, no document text. A relation whose arithmetic cannot be recovered is
kept with "expr": null (mutated all the same: its reader says it holds).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from relation_math import find_relation, parse

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("REPORTMINE_SHARED", ROOT.parent / "shared"))


def doc_path(name: str) -> Path:
    return SHARED / "seeds" / name[len("../seeds/"):] if name.startswith("../seeds/") else SHARED / "realdev" / "docs" / name


def locate(text: str, written: str, near: int, taken: set, snippet: int = 0, window: int = 400) -> tuple[int, int] | None:
    """The occurrence of `written` nearest to `near`, not already taken by
    another number of the same relation (3分 + 3分: two places, not one twice).
    Tried in turn: a whole number (not the 3 of 2023 or the 0 of 0.2) inside
    the reader's place (`snippet` characters from `near`), any occurrence
    there (fused OCR figures such as 64.8100%), a whole number nearby, any."""
    n = len(written)
    tiers = ((near, near + snippet - n, True), (near, near + snippet - n, False),
             (near - window, near + window, True), (near - window, near + window, False))
    for lo, hi, whole in tiers:
        best = None
        i = text.find(written, max(0, lo))
        while 0 <= i <= hi:
            if (not whole or _whole(text, i, i + n)) and i not in taken \
                    and (best is None or abs(i - near) < abs(best - near)):
                best = i
            i = text.find(written, i + 1)
        if best is not None:
            taken.add(best)
            return best, best + len(written)
    return None


def _whole(text: str, s: int, e: int) -> bool:
    before = text[s - 1] if s else ""
    after = text[e:e + 2]
    if before.isdigit() or (before in ".．" and s >= 2 and text[s - 2].isdigit()):
        return False
    if text[e - 1].isdigit() and (after[:1].isdigit() or (after[:1] in ".．" and after[1:2].isdigit())):
        return False
    return True


def build(entries: list[dict]) -> list[dict]:
    out = []
    for e in entries:
        text = doc_path(e["doc"]).read_text(encoding="utf-8")
        near = text.find(e["from"])
        taken: set = set()
        spans = [locate(text, w, near, taken, len(e["from"])) for w in e["numbers"]]
        if near < 0 or any(s is None for s in spans):
            continue
        numbers = [parse(text[s:t]) for s, t in spans]
        if any(n is None for n in numbers):
            continue
        found = find_relation(numbers)
        out.append({"doc": e["doc"].replace("../seeds/", "seeds/"), "kind": e.get("kind", "other"),
                    "spans": [list(s) for s in spans],
                    "numbers": [text[s:t].replace("\n", " ") for s, t in spans],
                    "expr": found[0] if found else None, "stated": found[1] if found else None})
    return out


def main(argv=None):
    argv = argv if argv is not None else sys.argv[1:]
    src = Path(argv[0]) if argv else SHARED / "realdev" / "relations.json"
    rels = build(json.loads(src.read_text(encoding="utf-8")))
    dest = Path(__file__).resolve().parent / "relations.json"
    dest.write_text(json.dumps(rels, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    known = sum(1 for r in rels if r["expr"])
    print(f"{len(rels)} relations written to {dest} ({known} with recovered arithmetic)")


if __name__ == "__main__":
    main()
