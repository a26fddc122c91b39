"""Start-up: one 10 KB report analyzed by a fresh process, start-up included.

    python benchmarks/startup.py [--file F] [--runs 7] [--against SRC] [--what pipeline,cli]

Two commands, each run --runs times after one warm-up run (which also fills
the cache of derived data, see README "Start-up"):
- pipeline: ``python -c "from reportmine.pipeline import analyze; analyze(F)"``;
- cli:      ``reportmine analyze F --out <fresh folder>`` (every output file
  written: records in four formats, flags, report.html, the run database),
  through the console script's entry ``reportmine.cli.run``.
For each: wall seconds and CPU seconds (user + system, from the operating
system's accounting of the finished child), median and range. With
``--against SRC`` the same commands run with ``PYTHONPATH=SRC`` (another
checkout's ``src``) in turn with ours (A B A B ...), and the ratio of the medians.

The children run without ``PYTHONDONTWRITEBYTECODE``: the warm-up run writes
the compiled modules, as an installed package has them (pip compiles at
install); with it set, every run compiled again each module without them.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT / "corpora" / "samples" / "environment_energy_self_check.txt"


def command(what: str, path: Path, out: str) -> list[str]:
    if what == "pipeline":
        return [sys.executable, "-c", f"from reportmine.pipeline import analyze; analyze({str(path)!r})"]
    # the console script's entry (cli.run), or main() for a checkout from before it
    return [sys.executable, "-c", "import sys; from reportmine import cli; "
            "cli.run() if hasattr(cli, 'run') else sys.exit(cli.main())",
            "analyze", str(path), "--out", out, "-q"]


def one_run(cmd: list[str], src: str | None) -> tuple[float, float]:
    """Wall and CPU seconds of one finished child process."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if src:
        env["PYTHONPATH"] = src
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure(what: str, path: Path, runs: int, sources: dict[str, str | None]) -> dict:
    figures: dict[str, list[tuple[float, float]]] = {name: [] for name in sources}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs + 1):                       # run 0: the warm-up, not counted
            for name, src in sources.items():
                out = os.path.join(tmp, f"{name}-{i}")  # a fresh folder: nothing reused from a run before
                wall_cpu = one_run(command(what, path, out), src)
                if i:
                    figures[name].append(wall_cpu)
    return figures


def report(what: str, figures: dict) -> None:
    medians = {}
    for name, runs in figures.items():
        wall, cpu = [w for w, _ in runs], [c for _, c in runs]
        medians[name] = statistics.median(wall), statistics.median(cpu)
        print(f"{what:9s} {name:8s} wall {medians[name][0]:6.3f} s ({min(wall):.3f}-{max(wall):.3f})   "
              f"cpu {medians[name][1]:6.3f} s ({min(cpu):.3f}-{max(cpu):.3f})   {len(runs)} runs")
    if "against" in medians:
        print(f"{what:9s} ours / against: wall {medians['ours'][0] / medians['against'][0]:.2f}x, "
              f"cpu {medians['ours'][1] / medians['against'][1]:.2f}x")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--file", type=Path, default=DEFAULT_FILE)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--against", help="another checkout's src folder, run in turn with ours")
    ap.add_argument("--what", default="pipeline,cli")
    args = ap.parse_args(argv)
    sources = {"ours": None} | ({"against": args.against} if args.against else {})
    print(f"{args.file.name}: {args.file.stat().st_size:,} bytes; load average {os.getloadavg()[0]:.2f}")
    for what in args.what.split(","):
        report(what, measure(what, args.file, args.runs, sources))
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
