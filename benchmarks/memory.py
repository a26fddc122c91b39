"""Peak memory of `reportmine analyze` on one big file.

    python benchmarks/memory.py [--mb 10] [--pdf FILE]

writes a text of about --mb megabytes (UTF-8) from corpora/samples, each
copy with its digits varied so that no two copies are the same text, and runs
``reportmine analyze FILE --out DIR --workers 1 -q --no-html`` on it in a
fresh process; prints the characters, the wall time and the peak resident
memory of that process (``ru_maxrss`` of the children). ``--pdf FILE`` does the
same for a PDF (e.g. the 300-page one ``benchmarks/limits_headroom.py DIR
--pages 300`` writes).
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


def measure(path: Path) -> tuple[float, int]:
    """Wall seconds and peak resident KB of one analyze process."""
    out = Path(tempfile.mkdtemp(prefix="rm-memory-"))
    exe = shutil.which("reportmine", path=str(Path(sys.executable).parent)) or "reportmine"
    started = time.perf_counter()
    subprocess.run([exe, "analyze", str(path), "--out", str(out), "--workers", "1", "-q", "--no-html",
                    "--max-bytes", str(max(path.stat().st_size + 1, 50 * 1024 * 1024))], check=True)
    seconds = time.perf_counter() - started
    shutil.rmtree(out, ignore_errors=True)
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--pdf", type=Path)
    args = ap.parse_args()
    if args.pdf:
        path, chars = args.pdf, None
    else:
        text = big_text(args.mb)
        path = Path(tempfile.mkdtemp(prefix="rm-memory-")) / "big.txt"
        path.write_text(text, encoding="utf-8")
        chars = len(text)
    seconds, peak_kb = measure(path)
    size = path.stat().st_size
    what = f"{chars:,} characters" if chars else "PDF"
    print(f"{path.name}: {size:,} bytes, {what}; analyze {seconds:.1f} s wall, peak resident {peak_kb / 1024:.0f} MB"
          + (f" ({peak_kb * 1024 / chars:.0f} bytes per character, the loaded pipeline included)" if chars else ""))


if __name__ == "__main__":
    main()
