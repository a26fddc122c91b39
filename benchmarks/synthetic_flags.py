"""The inconsistency checks on a synthetic corpus whose broken sentences are known.

    python benchmarks/synthetic_flags.py CORPUS [--formats txt,docx,pdf] [--show N]

CORPUS is a folder written by ``benchmarks/make_corpus.py`` (its PLANTED.jsonl
lists each report's sentences and table rows broken on purpose, as written).
Every report of the chosen formats is analyzed in this process; each planted
sentence is looked up in the document's text (spaces and line breaks ignored,
as PDF and DOCX readers may add them). An inconsistency flag that overlaps a
planted sentence is counted right. One that overlaps none is a false alarm
when all its evidence stands in one sentence (the generator computes every
figure of a sentence from the same rounded values, so such a flag is wrong);
when its evidence spans sentences it is counted apart ("across"): the
generator draws an indicator's figures anew for each sentence, so two
sentences about one indicator (新增线路17条，完成全年计划的89.5% … 年度目标为
14条) may contradict each other, and a flag there may be right. Printed: per
flag code, flags, right, false alarms, across; planted sentences found (at
least one flag on them) of those located; with --show N, the first N false
alarms with their arithmetic and the text around them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

PLANTED = "PLANTED.jsonl"


def squeezed(text: str) -> tuple[str, list[int]]:
    """The text without whitespace, and each kept character's offset in it."""
    keep = [i for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(text[i] for i in keep), keep


def locate(text: str, sentences: list[str]) -> list[tuple[int, int] | None]:
    """Each sentence's span in ``text`` (whitespace ignored), or None."""
    flat, where = squeezed(text)
    spans, at = [], 0
    for sentence in sentences:
        needle = "".join(sentence.split())
        i = flat.find(needle, at)
        if i < 0:
            i = flat.find(needle)
        if i < 0 or not needle:
            spans.append(None)
            continue
        spans.append((where[i], where[i + len(needle) - 1] + 1))
        at = i + len(needle)
    return spans


def overlaps(a: tuple[int, int], start: int, end: int) -> bool:
    return start < a[1] and a[0] < end


def sentence(text: str, pos: int) -> tuple[int, int]:
    """The sentence holding pos (between 。, ；, ！, ？ or line breaks)."""
    start = max(text.rfind(ch, 0, pos) for ch in "。；！？\n") + 1
    ends = [i for i in (text.find(ch, pos) for ch in "。；！？\n") if i >= 0]
    return start, min(ends) if ends else len(text)


def one_sentence(text: str, f) -> bool:
    lo, hi = sentence(text, f.start)
    return all(lo <= e["start"] and e["end"] <= hi + 1 for e in f.evidence or [])


def score(corpus: Path, formats: set[str], show: int = 0) -> dict:
    from reportmine.errors import ReportmineError
    from reportmine.pipeline import Pipeline

    pipeline = Pipeline()
    flags, right, across, located, planted, found, unread = Counter(), Counter(), Counter(), 0, 0, 0, 0
    shown = []
    for line in (corpus / PLANTED).read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        path = corpus / entry["path"]
        if path.suffix.lstrip(".") not in formats:
            continue
        try:
            doc = pipeline.analyze(path)
        except ReportmineError:
            unread += 1
            continue
        spans = locate(doc.text, entry["planted"])
        planted += len(spans)
        spans = [s for s in spans if s is not None]
        located += len(spans)
        incs = [f for f in doc.flags if f.type == "inconsistency"]
        for f in incs:
            code = getattr(f, "code", None) or f.subtype
            flags[code] += 1
            if any(overlaps(s, f.start, f.end) for s in spans):
                right[code] += 1
            elif not one_sentence(doc.text, f):
                across[code] += 1
            elif len(shown) < show:
                lo, hi = max(0, f.start - 60), min(len(doc.text), f.end + 20)
                shown.append((entry["path"], code, f.message, doc.text[lo:hi].replace("\n", "⏎")))
        found += sum(1 for s in spans if any(overlaps(s, f.start, f.end) for f in incs))
    return {"flags": flags, "right": right, "across": across, "planted": planted, "located": located, "found": found,
            "unread": unread, "shown": shown}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--formats", default="txt,docx,pdf")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print the first N false alarms")
    args = ap.parse_args(argv)
    if not (args.corpus / PLANTED).is_file():
        print(f"{args.corpus / PLANTED} 不存在：请用 benchmarks/make_corpus.py 重新生成语料", file=sys.stderr)
        return 2
    r = score(args.corpus, set(args.formats.split(",")), args.show)
    total, right, across = (sum(r[k].values()) for k in ("flags", "right", "across"))
    print(f"{'code':6} {'flags':>6} {'right':>6} {'false':>6} {'across':>6}")
    for code in sorted(r["flags"]):
        n, ok, x = r["flags"][code], r["right"][code], r["across"][code]
        print(f"{code:6} {n:6d} {ok:6d} {n - ok - x:6d} {x:6d}")
    false = total - right - across
    print(f"{'all':6} {total:6d} {right:6d} {false:6d} {across:6d}   "
          f"precision within sentences {right / (right + false) if right + false else 1:.3f}")
    print(f"planted sentences: {r['planted']}, located in the text: {r['located']}, "
          f"flagged: {r['found']} (recall {r['found'] / r['located'] if r['located'] else 0:.3f})"
          + (f"; {r['unread']} files unread" if r["unread"] else ""))
    for path, code, message, around in r["shown"]:
        print(f"\n{path} {code}: {message}\n    {around}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
