"""Time of writing report.html beside the time of analyzing, on the speed text.

    python benchmarks/report_html.py [--sources DIR] [--mb 5] [--repeat 3]

The text is the one benchmarks/speed.py uses (the seed reports repeated to
about --mb megabytes), analyzed as one document; records are built once.
Each step runs --repeat times after one warm-up; the best time is reported.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from speed import DEFAULT_SOURCES, load_text


def best(fn, repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main(argv=None):
    from reportmine.exporters.html import write_html
    from reportmine.pipeline import Pipeline
    from reportmine.records import build_records

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    text = load_text(args.sources, args.mb)
    data = text.encode("utf-8")
    pipeline = Pipeline()
    doc = pipeline.analyze_bytes(data, "bench.txt")
    records = build_records(doc)
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "report.html"
        analyze = best(lambda: pipeline.analyze_bytes(data, "bench.txt"), args.repeat)
        html = best(lambda: write_html(target, [doc], records), args.repeat)
        size = target.stat().st_size
    print(f"text: {len(text):,} characters; {len(doc.quantities):,} quantities, {len(doc.flags):,} flags, "
          f"{len(records):,} records; best of {args.repeat}")
    print(f"analyze      {analyze:7.3f} s")
    print(f"report.html  {html:7.3f} s  ({html / analyze:.1%} of analyze, {size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
