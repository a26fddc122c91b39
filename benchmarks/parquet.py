"""records.parquet: reportmine's own writer beside pyarrow's, on the same records.

    python benchmarks/parquet.py [--records 50000] [--runs 3] [--seed 7]

Two figures, each side run in turn (A B A B ...), medians of --runs:

- in this process, records already made: ``exporters.parquet.write`` (Python,
  GZIP level 1) against pyarrow (``Table.from_pylist`` with the same schema,
  then ``parquet.write_table``, its defaults: dictionary pages, Snappy), CPU
  seconds and file size; each file read back by pyarrow and compared;
- a fresh process writing 100 records (a short report's), start-up included:
  ``python -c 'import the writer; write'`` for each side, wall seconds: what a
  one-file ``reportmine analyze`` pays for records.parquet. ``from_pylist``
  imports pandas (to ask whether a value is a pandas object), which
  reportmine's earlier pyarrow writer avoided (Arrow buffers made by hand), so
  a third side imports pyarrow and pyarrow.parquet alone: the least any
  pyarrow writer pays.

The records are invented: every column of ``records.COLUMNS`` filled with
values of its type (texts of a few repeated words, nulls in a share of the
optional cells, 0-2 flag codes), seeded.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

WORDS = ["城镇新增就业", "万人", "完成率", "目标任务", "同比增长", "一般公共预算收入", "亿元", "个百分点"]


def records(n: int, seed: int) -> list[dict]:
    from reportmine.records import COLUMNS

    rng = random.Random(seed)
    out = []
    for i in range(n):
        row = {}
        for c in COLUMNS:
            empty = c.nullable and rng.random() < 0.4
            if c.type == "string":
                row[c.name] = None if empty else "".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))
            elif c.type == "number":
                row[c.name] = None if empty else round(rng.random() * 10_000, rng.randint(0, 4))
            elif c.type == "integer":
                row[c.name] = None if empty else rng.randint(0, 10**6)
            else:
                row[c.name] = [f"W{rng.randint(600, 620)}" for _ in range(rng.randint(0, 2))]
        row["record_id"] = f"{i:016x}"
        out.append(row)
    return out


def write_ours(rows: list[dict], path: Path) -> None:
    from reportmine.exporters import parquet

    parquet.write(SimpleNamespace(records=rows), path)


def write_pyarrow(rows: list[dict], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from reportmine.records import COLUMNS, SCHEMA_ID

    kinds = {"string": pa.string(), "number": pa.float64(), "integer": pa.int64(),
             "strings": pa.list_(pa.string())}
    schema = pa.schema([pa.field(c.name, kinds[c.type], nullable=c.nullable) for c in COLUMNS],
                       metadata={"schema": SCHEMA_ID})
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)


SIDES = {"reportmine": write_ours, "pyarrow": write_pyarrow}


def in_process(rows: list[dict], runs: int) -> None:
    import pyarrow.parquet as pq

    cpu: dict[str, list[float]] = {name: [] for name in SIDES}
    size = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs + 1):                       # round 0 warms both up
            for name in (SIDES if i % 2 else reversed(list(SIDES))):
                path = Path(tmp) / f"{name}.parquet"
                t = time.process_time()
                SIDES[name](rows, path)
                if i:
                    cpu[name].append(time.process_time() - t)
                size[name] = path.stat().st_size
        same = pq.read_table(Path(tmp) / "reportmine.parquet").to_pylist() == \
            pq.read_table(Path(tmp) / "pyarrow.parquet").to_pylist()
    print(f"{len(rows):,} records in this process, median of {runs} (CPU s), files read back equal: {same}")
    for name in SIDES:
        print(f"  {name:11s} {statistics.median(cpu[name]):7.3f} s   {size[name] / 1e6:6.2f} MB")


def fresh_process(runs: int, seed: int) -> None:
    code = ("import json, sys; sys.path.insert(0, {bench!r}); import parquet as b\n"
            "if sys.argv[2] == 'pyarrow import only':\n    import pyarrow, pyarrow.parquet\n"
            "else:\n    rows = json.load(open(sys.argv[1], encoding='utf-8'))\n"
            "    b.SIDES[sys.argv[2]](rows, sys.argv[3])")
    code = code.format(bench=str(Path(__file__).resolve().parent))
    sides = [*SIDES, "pyarrow import only"]
    wall: dict[str, list[float]] = {name: [] for name in sides}
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "rows.json"
        source.write_text(json.dumps(records(100, seed), ensure_ascii=False), encoding="utf-8")
        for i in range(runs + 1):
            for name in (sides if i % 2 else reversed(sides)):
                t = time.perf_counter()
                subprocess.run([sys.executable, "-c", code, str(source), name, str(Path(tmp) / "out.parquet")],
                               check=True)
                if i:
                    wall[name].append(time.perf_counter() - t)
    print(f"a fresh process writing 100 records, start-up included, median of {runs} (wall s):")
    for name in sides:
        print(f"  {name:19s} {statistics.median(wall[name]):7.3f} s")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=50_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    in_process(records(args.records, args.seed), args.runs)
    fresh_process(max(args.runs, 5), args.seed)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
