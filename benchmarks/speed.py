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
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
