"""`reportmine analyze` on PDF and DOCX beside the bare libraries, whole processes.

    python benchmarks/pdf.py                       # 20 PDFs (~70 pages, 4 of them fake bold), 20 DOCX, 3 runs
    python benchmarks/pdf.py --pdf 30 --docx 30 --runs 5 --json pdf_bench.json

Writes a corpus with benchmarks/make_corpus.py (invented report texts laid
out by corpora/tools/render.py; the last --bold PDFs are made fake bold:
every page drawn a second time 0.3 pt to the right, as some PDFs draw bold
type) and times, as separate processes with start-up included, each run
against the same files:

- ``reportmine analyze FILES --out NEW_DIR --workers 1`` (every output);
- PDF: a python process that opens each file with pdfplumber and calls
  ``extract_text()`` and ``extract_tables()`` on every page;
- DOCX: a python process that opens each file with python-docx and reads the
  text of every paragraph and of every cell of every table.

and then, in this one process after a warm-up, reportmine's reader alone
(``reportmine.readers.read`` of each file) against the same bare code.

The sides run in turn (A B A B ...) ``--runs`` times; the median CPU seconds
(user + system of the process and the processes it waited for; in one
process: its CPU time) and the median wall seconds of each side are printed
with pages/s (DOCX: files/s) and the ratio reportmine / bare (1.0: as fast
as the bare library). Before
timing, each fake-bold PDF's text (as reportmine reads it) is checked to be
that of the same PDF drawn once: the doubled glyphs are removed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import make_corpus  # noqa: E402

# what the bare side does with `files` (a list of paths): run as a process
# (the import first) and, for the reader-alone figures, in this process
BARE = {
    "pdf": ("pdfplumber", """
for f in files:
    with pdfplumber.open(f) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()
            page.close()
"""),
    "docx": ("docx", """
for f in files:
    d = docx.Document(f)
    for p in d.paragraphs:
        p.text
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                cell.text
"""),
}
BOLD_SHIFT = 0.3


def fake_bold(src: Path, dst: Path) -> None:
    """Every page drawn twice, the second time BOLD_SHIFT pt to the right."""
    from pypdf import PdfReader, PdfWriter, Transformation

    writer = PdfWriter()
    for page in PdfReader(src).pages:
        twice = writer.add_page(page)
        twice.merge_transformed_page(PdfReader(src).pages[page.page_number],
                                     Transformation().translate(BOLD_SHIFT, 0))
    with dst.open("wb") as f:
        writer.write(f)


def make_files(work: Path, n_pdf: int, n_docx: int, bold: int) -> tuple[list[Path], list[Path], dict]:
    """The PDF and DOCX files to time, and {fake-bold PDF: its original}."""
    make_corpus(work / "pdf", n=n_pdf, mix={"pdf": 1.0})
    make_corpus(work / "docx", n=n_docx, mix={"docx": 1.0})
    pdfs = sorted((work / "pdf").rglob("*.pdf"))
    docx = sorted((work / "docx").rglob("*.docx"))
    (work / "single").mkdir()
    originals = {}
    for path in pdfs[len(pdfs) - bold:] if bold else []:
        original = work / "single" / path.name
        shutil.move(path, original)
        fake_bold(original, path)
        originals[path] = original
    return pdfs, docx, originals


def check_glyphs(originals: dict) -> list[str]:
    """Problems: a fake-bold PDF not really doubled, or read otherwise than its original."""
    import pdfplumber

    from reportmine.readers import read

    problems = []
    for bold, original in originals.items():
        with pdfplumber.open(bold) as a, pdfplumber.open(original) as b:
            drawn, once = (sum(len(p.chars) for p in pdf.pages) for pdf in (a, b))
        if drawn < 2 * once:
            problems.append(f"{bold.name}: {drawn} chars drawn, {once} once: not doubled")
        if read(bold).text != read(original).text:
            problems.append(f"{bold.name}: text differs from the same PDF drawn once")
    return problems


def run(cmd: list[str]) -> tuple[float, float]:
    """(wall, cpu) seconds of one process and the processes it waited for."""
    start = time.perf_counter()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}   # compiled modules kept, as installed
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd[:3])} ...\n{err[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime


def reportmine_cmd(files: list[Path], work: Path) -> list[str]:
    exe = Path(sys.executable).with_name("reportmine")
    out = Path(tempfile.mkdtemp(prefix="out_", dir=work))
    shutil.rmtree(out)                         # a new folder each run: nothing reused
    return [str(exe), "analyze", *map(str, files), "--out", str(out), "--workers", "1"]


def bare_cmd(fmt: str, files: list[Path]) -> list[str]:
    module, code = BARE[fmt]
    return [sys.executable, "-c", f"import sys, {module}\nfiles = sys.argv[1:]\n{code}", *map(str, files)]


def medians(times: dict) -> dict:
    return {side: {"wall": statistics.median(w for w, _ in pairs),
                   "cpu": statistics.median(c for _, c in pairs),
                   "runs": [{"wall": round(w, 3), "cpu": round(c, 3)} for w, c in pairs]}
            for side, pairs in times.items()}


def compare(fmt: str, files: list[Path], runs: int, work: Path) -> dict:
    """Both sides as processes, in turn, runs times each; the medians."""
    times = {"reportmine": [], "bare": []}
    for _ in range(runs):
        times["reportmine"].append(run(reportmine_cmd(files, work)))
        times["bare"].append(run(bare_cmd(fmt, files)))
    return medians(times)


def compare_readers(fmt: str, files: list[Path], runs: int) -> dict:
    """reportmine's reader alone against the bare code, in this process, after a warm-up."""
    import importlib

    from reportmine.readers import read

    module, code = BARE[fmt]
    bare = compile(code, f"<bare {fmt}>", "exec")
    scope = {module: importlib.import_module(module), "files": [str(f) for f in files]}

    def reader():
        for f in files:
            read(f)

    def timed(fn) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        return time.perf_counter() - wall, time.process_time() - cpu

    reader(), exec(bare, scope)
    times = {"reportmine": [], "bare": []}
    for _ in range(runs):
        times["reportmine"].append(timed(reader))
        times["bare"].append(timed(lambda: exec(bare, scope)))
    return medians(times)


def count_pages(pdfs: list[Path]) -> int:
    import pdfplumber

    total = 0
    for path in pdfs:
        with pdfplumber.open(path) as pdf:
            total += len(pdf.pages)
    return total


def report(name: str, unit: str, amount: int, result: dict) -> None:
    print(f"\n{name}: {amount} {unit}, median of {len(result['bare']['runs'])} runs each, sides in turn")
    print(f"  {'side':<12}{'cpu s':>8}{'wall s':>8}{unit + '/s cpu':>16}{unit + '/s wall':>17}")
    for side in ("reportmine", "bare"):
        r = result[side]
        print(f"  {side:<12}{r['cpu']:>8.2f}{r['wall']:>8.2f}{amount / r['cpu']:>16.1f}{amount / r['wall']:>17.1f}")
    cpu = result["bare"]["cpu"] / result["reportmine"]["cpu"]
    wall = result["bare"]["wall"] / result["reportmine"]["wall"]
    result.update(amount=amount, unit=unit, ratio_cpu=round(cpu, 3), ratio_wall=round(wall, 3))
    print(f"  ratio reportmine/bare ({unit}/s): cpu {cpu:.2f}x, wall {wall:.2f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="reportmine analyze 与 pdfplumber / python-docx 的整进程速度比")
    parser.add_argument("--pdf", type=int, default=20, help="PDF 文件数（默认 20，约 70 页）")
    parser.add_argument("--docx", type=int, default=20, help="DOCX 文件数（默认 20）")
    parser.add_argument("--bold", type=int, default=4, help="其中做成伪粗体（每页画两遍）的 PDF 数（默认 4）")
    parser.add_argument("--runs", type=int, default=3, help="每边运行次数，取中位数（默认 3）")
    parser.add_argument("--json", help="结果另存为 JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="reportmine_pdfbench_") as tmp:
        work = Path(tmp)
        pdfs, docx, originals = make_files(work, args.pdf, args.docx, min(args.bold, args.pdf))
        problems = check_glyphs(originals)
        for problem in problems:
            print("glyph check FAILED:", problem)
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
              f"fake-bold PDFs read as drawn once: {len(originals) - len(problems)}/{len(originals)}")
        results = {}
        for fmt, files in (("pdf", pdfs), ("docx", docx)):
            results[fmt] = compare(fmt, files, args.runs, work)
            results[fmt + "_reader"] = compare_readers(fmt, files, args.runs)
        pages = count_pages(pdfs)
        report(f"PDF, whole processes ({len(pdfs)} files)", "pages", pages, results["pdf"])
        report("PDF, reader alone in one process", "pages", pages, results["pdf_reader"])
        report("DOCX, whole processes", "files", len(docx), results["docx"])
        report("DOCX, reader alone in one process", "files", len(docx), results["docx_reader"])
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
