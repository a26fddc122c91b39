"""Real batches for the engine tests: report texts written here, real
`reportmine analyze` processes, and the outputs compared table by table."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

PARAGRAPH = ("{year}年，我局全年新增城镇就业岗位{jobs}个，完成年度目标任务的{rate}%；培训农村劳动力{train}人次，"
             "比上年增长{growth}%。三个乡镇分别完成{a}个、{b}个和{c}个，合计{total}个。")
COMPARED = ("records.csv", "records.jsonl", "flags.csv", "errors.csv")


def report(seed: int, paragraphs: int = 3) -> str:
    """A work report of ``paragraphs`` numbered paragraphs, its numbers varied by ``seed``."""
    lines = []
    for i in range(paragraphs):
        a, b, c = 100 + seed, 90 + i, 70 + (seed * 7 + i) % 20
        lines.append(f"{i + 1}、" + PARAGRAPH.format(year=2020 + (seed + i) % 4, jobs=1000 + seed * 13 + i,
                                                    rate=100 + seed % 9, train=300 + i, growth=5 + seed % 7,
                                                    a=a, b=b, c=c, total=a + b + c + (seed % 3 == 0)))
    return "\n".join(lines) + "\n"


def write_batch(folder: Path, n: int, paragraphs: int = 3) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"report_{i:02d}.txt"
        path.write_text(report(i, paragraphs), encoding="utf-8")
        paths.append(path)
    return paths


def command(*args) -> list[str]:
    return [sys.executable, "-m", "reportmine.cli", "analyze", *map(str, args)]


def interruptible() -> None:
    """preexec_fn for a batch a test interrupts with Ctrl-C: SIGINT back to its
    default in the child. A test run started in the background by a shell
    without job control (``(cmd &)``, nohup, some CI runners) inherits SIGINT
    ignored, and a Python started with it ignored never raises
    KeyboardInterrupt: the batch would run to its end whatever the test sends."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def analyze(*args, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run(command(*args), capture_output=True, timeout=timeout)


def run_json(out: Path) -> dict:
    return json.loads((out / "run.json").read_text(encoding="utf-8"))


def stored_results(out: Path) -> int:
    folder = out / ".reportmine" / "results"
    return sum(1 for p in folder.glob("*.json")) if folder.is_dir() else 0


def wait_for(predicate, limit: float = 120.0, step: float = 0.02) -> bool:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(step)
    return False


def db_tables(path: Path) -> dict[str, list]:
    """Every table of a run database, rows sorted, without run ids and times."""
    conn = sqlite3.connect(path)
    out = {}
    for table in ("documents", "quantities", "flags", "records", "record_flags", "run_files"):
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                   if r[1] not in ("analyzed_at", "run_id")]
        out[table] = sorted(map(repr, conn.execute(f"SELECT {', '.join(columns)} FROM {table}")))
    conn.close()
    return out


def same_outputs(a: Path, b: Path) -> None:
    for name in COMPARED:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    docs_a = sorted(p.name for p in (a / "documents").iterdir())
    assert docs_a == sorted(p.name for p in (b / "documents").iterdir())
    for name in docs_a:
        assert (a / "documents" / name).read_bytes() == (b / "documents" / name).read_bytes(), name
    assert db_tables(a / "reportmine.db") == db_tables(b / "reportmine.db")
