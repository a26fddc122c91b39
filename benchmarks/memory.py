"""Peak memory of `reportmine analyze` on one big file.

    python benchmarks/memory.py [--mb 10] [--pdf FILE]

writes a text of about --mb megabytes (UTF-8) from corpora/samples, each
copy with its digits varied so that no two copies are the same text, and runs
``reportmine analyze FILE --out DIR --workers 1 -q --no-html`` on it in a
fresh process; prints the characters, the wall time and the peak resident
memory of that process (``ru_maxrss`` of the children). ``--pdf FILE`` does the
same for a PDF (e.g. the 300-page one ``benchmarks/limits_headroom.py DIR
--pages 300`` writes).

``--batch DIR [DIR ...]`` instead analyzes every file of the folders in turn
in this process (one Pipeline, as a worker does) and prints the resident
memory after them and how many words of jieba's table the process holds.

``--phases`` also prints the peak the process had reached when the
analysis was over and the assembly of the outputs began (noted by the
console entry run through a few lines that wrap the driver's last step):
the file read, analyzed and its outcome stored, without the outputs.

The same command on a tiny file (one line) runs first, in its own process:
its peak is what the loaded pipeline takes whatever the input, and the
figure "above the tiny file" is (peak - tiny peak) / characters, the memory
the input itself costs. ``--max-bytes`` is raised to the file's size, so a
100 MB text runs (``--mb 100``); ``--memory-limit`` is analyze's default
(3072 MiB of address space), which with ``--workers 1`` holds in this process
while the file is analyzed: a text that needs more fails with E802 and this
script stops with the command's exit status.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIGITS = str.maketrans("0123456789", "1234567890")


def big_text(megabytes: float) -> str:
    samples = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora" / "samples").glob("*.txt")))
    out, size, text = [], 0, samples
    while size < megabytes * 1_000_000:
        out.append(text)
        size += len(text.encode("utf-8"))
        text = text.translate(DIGITS)
    return "\n".join(out)


# --phases: the console entry run by this code instead, which notes the process's
# peak so far when the analysis is over and the assembly of the outputs begins
PHASES = """
import resource, sys
from reportmine.engines import driver
finish = driver._Run.finish
def noted(self, *args, **kwargs):
    print("analysis-peak-kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr, flush=True)
    return finish(self, *args, **kwargs)
driver._Run.finish = noted
from reportmine.cli import run
run()
"""


def measure(path: Path, phases: bool = False) -> tuple[float, int, int | None]:
    """Wall seconds, peak resident KB of one analyze process (run through a
    small Python parent of its own, so that each peak is that process's) and,
    with ``phases``, its peak KB up to the end of the analysis (before the
    outputs are assembled; else None)."""
    out = Path(tempfile.mkdtemp(prefix="rm-memory-"))
    exe = shutil.which("reportmine", path=str(Path(sys.executable).parent)) or "reportmine"
    entry = [sys.executable, "-c", PHASES] if phases else [exe]
    command = [*entry, "analyze", str(path), "--out", str(out), "--workers", "1", "-q", "--no-html",
               "--timeout", "3600", "--max-bytes", str(max(path.stat().st_size + 1, 50 * 1024 * 1024))]
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", probe, *command], check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    shutil.rmtree(out, ignore_errors=True)
    noted = [int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("analysis-peak-kb ")]
    return seconds, int(done.stdout.split()[-1]), (noted[-1] if noted else None)


def batch(folders: list[Path]) -> None:
    from reportmine.claims.segment import tokenizer
    from reportmine.errors import ReportmineError
    from reportmine.pipeline import Pipeline

    pipeline = Pipeline()
    files = sorted(p for folder in folders for p in folder.rglob("*")
                   if p.suffix.lower() in (".txt", ".docx", ".pdf"))
    started = time.process_time()
    for path in files:
        try:
            pipeline.analyze(path)
        except ReportmineError:
            pass
    with open("/proc/self/status") as fh:
        resident = next(int(line.split()[1]) for line in fh if line.startswith("VmRSS"))
    print(f"{len(files)} files in one process: resident {resident / 1024:.0f} MB after them, "
          f"peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; "
          f"jieba's table: {len(tokenizer().FREQ):,} words held; {time.process_time() - started:.1f} s CPU")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--pdf", type=Path)
    ap.add_argument("--batch", type=Path, nargs="+")
    ap.add_argument("--phases", action="store_true",
                    help="also the peak at the end of the analysis, before the outputs are assembled")
    args = ap.parse_args()
    if args.batch:
        batch(args.batch)
        return
    if args.pdf:
        path, chars = args.pdf, None
    else:
        text = big_text(args.mb)
        path = Path(tempfile.mkdtemp(prefix="rm-memory-")) / "big.txt"
        path.write_text(text, encoding="utf-8")
        chars = len(text)
    tiny = path.with_name("tiny.txt")
    tiny.write_text("一、全年完成投资1.2亿元，同比增长5%，完成目标任务的105%。\n", encoding="utf-8")
    _, tiny_kb, tiny_analysis = measure(tiny, args.phases)
    seconds, peak_kb, analysis_kb = measure(path, args.phases)
    size = path.stat().st_size
    what = f"{chars:,} characters" if chars else "PDF"
    print(f"tiny file: peak resident {tiny_kb / 1024:.0f} MB (the loaded pipeline)")
    print(f"{path.name}: {size:,} bytes, {what}; analyze {seconds:.1f} s wall, peak resident {peak_kb / 1024:.0f} MB")
    if chars:
        print(f"  {peak_kb * 1024 / chars:.1f} bytes per character (the loaded pipeline included), "
              f"{(peak_kb - tiny_kb) * 1024 / chars:.1f} bytes per character above the tiny file")
    if analysis_kb is not None:
        print(f"  up to the end of the analysis (the file analyzed and its outcome stored, before the outputs): "
              f"{analysis_kb / 1024:.0f} MB (tiny file {tiny_analysis / 1024:.0f} MB)"
              + (f", {analysis_kb * 1024 / chars:.1f} bytes per character" if chars else ""))


if __name__ == "__main__":
    main()
