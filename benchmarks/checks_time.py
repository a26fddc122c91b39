"""CPU time of the relation search (find_inconsistencies) over realdev + seeds.

    python benchmarks/checks_time.py [--shared DIR] [--runs 9]

Each document is analyzed once; then find_inconsistencies runs over all of
them, --runs times, in one process, and the best CPU time (time.process_time)
is printed. To compare with another commit, run the same script with
PYTHONPATH set to that commit's src, alternating with this one (the machine's
load moves both).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("REPORTMINE_SHARED", ROOT.parent / "shared")))
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args(argv)
    from reportmine.checks.relations import find_inconsistencies
    from reportmine.pipeline import Pipeline

    files = sorted((args.shared / "realdev" / "docs").glob("*.txt")) + sorted((args.shared / "seeds").glob("*.txt"))
    if not files:
        raise SystemExit(f"no documents under {args.shared}: pass --shared DIR or set REPORTMINE_SHARED")
    pipeline = Pipeline()
    docs = [pipeline.analyze_bytes(f.read_bytes(), f.name) for f in files]
    times = []
    for _ in range(args.runs):
        start = time.process_time()
        for doc in docs:
            find_inconsistencies(doc)
        times.append(time.process_time() - start)
    print(f"find_inconsistencies over {len(docs)} documents: best {min(times) * 1000:.1f} ms CPU "
          f"(runs: {', '.join(f'{t * 1000:.1f}' for t in times)})")


if __name__ == "__main__":
    main()
