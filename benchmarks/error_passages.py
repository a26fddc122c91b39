"""Inconsistency flags on passages with one known error, or none.

    python benchmarks/error_passages.py FILE.jsonl [--show N] [--json OUT]

FILE holds one passage per line, written for this benchmark (never taken
from a report): ``{"id", "text", "errors": [{"quote", "kind"}], "note"}``.
``errors`` lists the numbers that are wrong as written (a part that breaks its
sum, a rate that is not its counts' ratio, ‰ written as %, one indicator
given two values, an impossible value, a direction word against the levels);
an empty list is a clean passage, every number of it consistent.

Each passage is analyzed alone, as a one-paragraph .txt. Printed, per kind
and in all:
- caught: error passages with at least one inconsistency flag;
- on the number: of those, a flag whose span overlaps the wrong number's or
  lies within 4 characters of it (GUIDE.md's flag matching) or whose evidence
  holds it;
- false alarms: flags on clean passages (every one is wrong), and the clean
  passages that have any.
With --show N, the first N missed errors and false alarms with their notes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

SLACK = 4


def load(path: Path) -> list[dict]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = json.loads(line)
        for e in item.get("errors", []):
            if item["text"].count(e["quote"]) != 1:
                raise SystemExit(f"{path}:{n}: {e['quote']!r} does not occur exactly once in its text")
        items.append(item)
    return items


def _on(flag, start: int, end: int) -> bool:
    if flag.start < end + SLACK and start < flag.end + SLACK:
        return True
    return any(isinstance(ev, dict) and ev.get("start") is not None and ev["start"] < end and start < ev["end"]
               for ev in flag.evidence or [])


def run(items: list[dict]) -> dict:
    from reportmine.pipeline import Pipeline

    pipeline = Pipeline()
    rows = []
    for item in items:
        text = item["text"]
        doc = pipeline.analyze_bytes((text + "\n").encode("utf-8"), "passage.txt")
        flags = [f for f in doc.flags if f.type == "inconsistency"]
        errors = item.get("errors", [])
        spans = [(text.index(e["quote"]), text.index(e["quote"]) + len(e["quote"])) for e in errors]
        rows.append({"id": item.get("id"), "kind": errors[0]["kind"] if errors else "clean",
                     "flags": [f.message for f in flags], "note": item.get("note", ""),
                     "on": any(_on(f, s, e) for f in flags for s, e in spans), "text": text})
    return {"rows": rows}


def report(rows: list[dict], show: int = 0) -> None:
    kinds = Counter(r["kind"] for r in rows if r["kind"] != "clean")
    caught = Counter(r["kind"] for r in rows if r["kind"] != "clean" and r["flags"])
    on = Counter(r["kind"] for r in rows if r["kind"] != "clean" and r["on"])
    for kind in sorted(kinds):
        print(f"{kind:16} caught {caught[kind]:3} / {kinds[kind]:3}   on the number {on[kind]:3}")
    n = sum(kinds.values())
    print(f"{'all errors':16} caught {sum(caught.values()):3} / {n:3}   on the number {sum(on.values()):3}")
    clean = [r for r in rows if r["kind"] == "clean"]
    alarms = [r for r in clean if r["flags"]]
    print(f"clean passages   {len(clean)}: {sum(len(r['flags']) for r in clean)} flags (false alarms) "
          f"on {len(alarms)} of them")
    if show:
        missed = [r for r in rows if r["kind"] != "clean" and not r["flags"]]
        for r in missed[:show]:
            print(f"  MISSED {r['id']} {r['kind']}: {r['note']}\n    {r['text']}")
        for r in alarms[:show]:
            print(f"  FALSE ALARM {r['id']}: {'; '.join(r['flags'])}\n    {r['text']}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    rows = run(load(args.file))["rows"]
    report(rows, args.show)
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
