"""Throughput of reportmine's stages beside jieba's segmentation, in one run.

    python benchmarks/speed.py [--sources DIR] [--mb 5] [--repeat 3]

The text is the seed reports (or any folder of .txt files) repeated to about
--mb megabytes of UTF-8. Each contender runs --repeat times on the same text
in this process, on one core; the best time is reported as characters per
second. Contenders:
- recognizer: reportmine.quantities.recognize over the whole text;
- pipeline:   the full analysis pipeline (structure + quantities + later stages)
              on the text as one in-memory document;
- jieba:      jieba.lcut on the same text (a reference for "fast enough").

Then the cost of analyze's table outputs, side by side with analyze without
them, on the same text as one document: the pipeline, the document JSON
(what analyze wrote before records), the records (claims -> rows) and all
writer of analyze (records.jsonl/.csv/.xlsx/.parquet, flags.csv, report.html);
each step's best of --repeat, and the outputs' share of analyze's time.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = ROOT.parent / "shared" / "seeds"


def load_text(sources: Path, mb: float) -> str:
    files = sorted(sources.glob("*.txt"))
    if not files:
        raise SystemExit(f"no .txt files in {sources}")
    base = "\n".join(f.read_text(encoding="utf-8") for f in files)
    times = max(1, int(mb * 1_000_000 // len(base.encode("utf-8"))) + 1)
    return "\n".join([base] * times)


def best_of(fn, repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def contenders(text: str):
    from reportmine.pipeline import Pipeline
    from reportmine.quantities import recognize

    pipeline = Pipeline()
    data = text.encode("utf-8")
    yield "reportmine recognizer", lambda: len(recognize(text))
    yield "reportmine pipeline", lambda: len(pipeline.analyze_bytes(data, "bench.txt").quantities)
    try:
        import jieba
    except ImportError:
        return
    jieba.setLogLevel(60)
    jieba.initialize()
    yield "jieba.lcut", lambda: len(jieba.lcut(text))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    text = load_text(args.sources, args.mb)
    print(f"text: {len(text):,} characters, {len(text.encode('utf-8')) / 1e6:.1f} MB UTF-8, best of {args.repeat}")
    print(f"{'contender':26s} {'seconds':>8s} {'chars/s':>14s} {'items':>10s}")
    rows = []
    for name, fn in contenders(text):
        seconds, items = best_of(fn, args.repeat)
        rows.append({"name": name, "seconds": seconds, "chars_per_second": len(text) / seconds, "items": items})
        print(f"{name:26s} {seconds:8.3f} {len(text) / seconds:14,.0f} {items:10,}")
    rows.append(outputs_overhead(text, args.repeat))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


def outputs_overhead(text: str, repeat: int) -> dict:
    """Seconds of each analyze step (best of ``repeat``) and the exports' overhead."""
    import tempfile

    from reportmine.batch import Result
    from reportmine.exporters import WRITERS, write_all
    from reportmine.output import DocumentWriter
    from reportmine.pipeline import Pipeline
    from reportmine.store import write_result

    pipeline, data = Pipeline(), text.encode("utf-8")
    best: dict[str, float] = {}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            times, t = {}, time.perf_counter()
            doc = pipeline.analyze_bytes(data, "bench.txt")
            times["pipeline"], t = time.perf_counter() - t, time.perf_counter()
            DocumentWriter(tmp).write(doc)
            times["document JSON"], t = time.perf_counter() - t, time.perf_counter()
            result = Result()
            result.add(doc)
            times["records"], t = time.perf_counter() - t, time.perf_counter()
            outcomes = []
            for name in WRITERS:
                outcomes += write_all(result, tmp, (name,))
                times[name], t = time.perf_counter() - t, time.perf_counter()
            write_result(result, f"sqlite:///{tmp}/reportmine.db")   # a new file: migrations included
            times["run database"] = time.perf_counter() - t
        for k, v in times.items():
            best[k] = min(best.get(k, v), v)
    before = best["pipeline"] + best["document JSON"]
    added = best["records"] + sum(best[name] for name in WRITERS) + best["run database"]
    print(f"\nanalyze outputs on the same text ({len(result.records):,} records, "
          f"{sum(o.ok for o in outcomes)}/{len(outcomes)} files written), best of {repeat}:")
    for k, v in best.items():
        print(f"  {k:24s} {v:8.3f} s")
    print(f"  analyze without records  {before:8.3f} s")
    print(f"  analyze with records     {before + added:8.3f} s   (+{100 * added / before:.1f}%)")
    return {"name": "analyze outputs", "seconds": best, "records": len(result.records),
            "overhead": added / before}


if __name__ == "__main__":
    main()
