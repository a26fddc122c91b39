"""Make gold for a rendering (docx/pdf) of a sample from the sample's own gold.

    python corpora/tools/align_gold.py corpora/samples/X.txt corpora/samples/X.docx

Every gold quantity and flag of X.txt is found again, in order, in the
rendering's canonical text (what `reportmine text` prints), and written to
corpora/gold/X.docx.gold.json with the new offsets. The annotation itself
(values, roles, indicators, notes) is unchanged: only the offsets move.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = HERE.parent


def align(items: list[dict], source: str, target: str) -> list[dict]:
    out, pos = [], 0
    for item in sorted(items, key=lambda x: x["start"]):
        before = source[max(0, item["start"] - 6):item["start"]].strip()
        hits, at = [], target.find(item["text"], pos)
        while at >= 0 and len(hits) < 5:
            hits.append(at)
            at = target.find(item["text"], at + 1)
        if not hits:
            raise SystemExit(f"not found in the rendering: {item['text']!r} at {item['start']}")
        best = next((h for h in hits if target[max(0, h - len(before)):h] == before), hits[0])
        moved = dict(item, start=best, end=best + len(item["text"]))
        out.append(moved)
        pos = best + 1
    return out


def main(argv):
    source_path, rendering = Path(argv[1]), Path(argv[2])
    from reportmine.readers import read

    gold = json.loads((CORPORA / "gold" / (source_path.name + ".gold.json")).read_text(encoding="utf-8"))
    source = source_path.read_bytes().decode("utf-8")
    target = read(rendering).text
    new = dict(gold, doc=rendering.name, sha256=hashlib.sha256(rendering.read_bytes()).hexdigest(),
               quantities=align(gold["quantities"], source, target), flags=align(gold["flags"], source, target))
    out = CORPORA / "gold" / (rendering.name + ".gold.json")
    out.write_text(json.dumps(new, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: {len(new['quantities'])} quantities, {len(new['flags'])} flags")


if __name__ == "__main__":
    main(sys.argv)
