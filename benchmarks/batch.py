"""Batch throughput, in one run: engines x worker counts on a txt corpus and a
mixed one, PDF pages/s beside bare pdfplumber, and an unchanged rerun.

Each batch is a real ``reportmine analyze CORPUS --out OUT --no-html -q``
process, timed from its start. For every run the table gives:

* ``wall``: the whole command (start-up, analysis, every output but
  report.html, the run database);
* ``analysis``: from the command's start to the last stored per-file result
  (start-up included; the final assembly of records.*, flags.csv, errors.csv
  and the database excluded); ``docs/s`` and ``chars/s`` are over this time
  (characters of the documents read, from the run database);
* ``cpu s``: CPU seconds (user + system) of the command and every process it
  waited for (workers, Dask's processes): the cost, whatever the machine's load;
* ``x1``: docs/s divided by the same engine's 1-worker docs/s.

The mixed corpus has 5% broken files (make_corpus.py --broken): every one of
them must be in errors.csv with a code, and the run must go on (checked and
printed). The rerun is the txt batch again on the same --out (local engine,
the largest worker count): nothing changed, so nothing is analyzed.

PDF pages/s: the mixed corpus's PDF files read one after another in this
process by bare pdfplumber (``page.extract_text()`` of every page), by
reportmine's reader alone, and by reportmine's whole pipeline.

    python benchmarks/batch.py                       # 2,000 files per corpus, local and dask, 1 and 2 workers
    python benchmarks/batch.py --size 60 --json batch.json
    python benchmarks/batch.py --engines local --workers 1,2,4 --work /tmp/bench
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import DEFAULT_MIX, make_corpus, read_manifest  # noqa: E402

CORPORA = {"txt": ({"txt": 1.0}, 0.0), "mixed": (DEFAULT_MIX, 0.05)}


def ensure_corpus(folder: Path, size: int, seed: int, kind: str) -> list[dict]:
    """The corpus in ``folder``: reused when its manifest has ``size`` files, else written."""
    mix, broken = CORPORA[kind]
    if (folder / "MANIFEST.tsv").is_file() and len(read_manifest(folder)) == size:
        return read_manifest(folder)
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    rows = make_corpus(folder, n=size, seed=seed, mix=mix, broken=broken, jobs=min(2, os.cpu_count() or 1))
    print(f"# {kind} corpus: {size} files written in {time.perf_counter() - started:.1f} s -> {folder}",
          file=sys.stderr)
    return [{k: str(v) for k, v in r.items()} for r in rows]


def reportmine_command() -> list[str]:
    return [sys.executable, "-m", "reportmine.cli", "analyze"]


def run_batch(corpus: Path, out: Path, engine: str, workers: int, fresh: bool = True) -> dict:
    """One timed `reportmine analyze` process, and what its outputs say."""
    if fresh:
        shutil.rmtree(out, ignore_errors=True)
    args = [str(corpus), "--out", str(out), "--no-html", "-q", "--workers", str(workers), "--engine", engine]
    import resource

    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started_wall, started = time.time(), time.perf_counter()
    proc = subprocess.run(reportmine_command() + args, capture_output=True)
    wall = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
    results = list((out / ".reportmine" / "results").glob("*.json"))
    last = max((p.stat().st_mtime for p in results), default=started_wall)
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    chars, pages = _read_totals(out / "reportmine.db")
    return {"engine": engine, "workers": workers, "exit": proc.returncode, "wall": wall, "cpu": cpu,
            "analysis": max(1e-6, last - started_wall) if run["counts"]["analyzed"] else None,
            "files": run["counts"]["files"], "analyzed": run["counts"]["analyzed"],
            "cached": run["counts"]["cached"], "errors": run.get("errors"), "chars": chars, "pages": pages,
            "stderr": proc.stderr.decode("utf-8", "replace")[-2000:] if proc.returncode not in (0, 1) else ""}


def _read_totals(db: Path) -> tuple[int, int]:
    conn = sqlite3.connect(db)
    try:
        row = conn.execute("SELECT SUM(length), SUM(pages) FROM documents").fetchone()
    finally:
        conn.close()
    return int(row[0] or 0), int(row[1] or 0)


def check_broken(corpus: Path, out: Path, manifest: list[dict]) -> dict:
    """Every broken file of the manifest is in errors.csv with a code; nothing else is."""
    import csv

    broken = {r["path"] for r in manifest if r["kind"] != "report"}
    with open(out / "errors.csv", encoding="utf-8-sig", newline="") as fh:
        rows = {os.path.relpath(r["path"], corpus): r["code"] for r in csv.DictReader(fh)}
    codes = {}
    for code in rows.values():
        codes[code] = codes.get(code, 0) + 1
    return {"broken": len(broken), "listed": len(broken & set(rows)), "unexpected": sorted(set(rows) - broken),
            "codes": codes}


def pdf_rates(corpus: Path, manifest: list[dict], limit: int | None) -> dict:
    """Pages/s of bare pdfplumber, reportmine's reader and its pipeline on the corpus's good PDFs."""
    import pdfplumber

    from reportmine.pipeline import Pipeline
    from reportmine.readers import read_bytes

    files = [corpus / r["path"] for r in manifest if r["format"] == "pdf" and r["kind"] == "report"][:limit]
    blobs = [(str(p), p.read_bytes()) for p in files]
    if not blobs:
        return {}
    pipeline = Pipeline()
    pipeline(read_bytes(blobs[0][1], blobs[0][0]))          # loads outside the timing
    timings = {}

    def plumber(path, data):
        import io

        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                page.extract_text()
            return len(pdf.pages)

    for name, fn in (("pdfplumber extract_text", plumber),
                     ("reportmine reader", lambda path, data: read_bytes(data, path).pages),
                     ("reportmine pipeline", lambda path, data: pipeline(read_bytes(data, path)).pages)):
        started = time.perf_counter()
        pages = sum(fn(path, data) for path, data in blobs)
        seconds = time.perf_counter() - started
        timings[name] = {"files": len(blobs), "pages": pages, "seconds": seconds, "pages_per_s": pages / seconds}
    return timings


def rate_columns(run: dict, base: dict | None) -> list[str]:
    seconds = run["analysis"]
    if not seconds:
        return ["-", "-", "-"]
    docs = run["analyzed"] / seconds
    ratio = f"{docs / (base['analyzed'] / base['analysis']):.2f}" if base and base.get("analysis") else "-"
    return [f"{docs:.1f}", f"{run['chars'] / seconds / 1000:.0f}k", ratio]


def print_table(runs: list[dict]) -> None:
    head = ["corpus", "engine", "workers", "files", "chars", "wall s", "cpu s", "analysis s", "docs/s", "chars/s",
            "x1"]
    lines = [head]
    ones = {(r["corpus"], r["engine"]): r for r in runs if r["workers"] == 1 and r["kind"] == "first"}
    for r in runs:
        label = r["corpus"] if r["kind"] == "first" else f"{r['corpus']} (rerun)"
        lines.append([label, r["engine"], str(r["workers"]), str(r["files"]), f"{r['chars']:,}",
                      f"{r['wall']:.1f}", f"{r['cpu']:.1f}", f"{r['analysis']:.1f}" if r["analysis"] else "-",
                      *rate_columns(r, ones.get((r["corpus"], r["engine"])))])
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    for line in lines:
        print("  ".join(cell.rjust(w) for cell, w in zip(line, widths)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="批量分析的吞吐量基准。例：python benchmarks/batch.py --size 60")
    parser.add_argument("--size", type=int, default=2000, help="每个语料的文件数（默认 2000）")
    parser.add_argument("--workers", default="1,2", help="工作进程数列表（默认 1,2）")
    parser.add_argument("--engines", default="local,dask", help="引擎列表（默认 local,dask）")
    parser.add_argument("--corpora", default="txt,mixed", help="语料（txt、mixed）")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--work", help="语料与输出所在文件夹（默认临时文件夹；语料可复用）")
    parser.add_argument("--pdf-files", type=int, default=None, help="PDF 速度只取前 N 个 PDF")
    parser.add_argument("--json", help="把全部数字写入该 JSON 文件")
    args = parser.parse_args(argv)
    work = Path(args.work or tempfile.mkdtemp(prefix="reportmine-bench-"))
    workers = [int(w) for w in args.workers.split(",")]
    engines = args.engines.split(",")
    runs, extra = [], {}
    for corpus_kind in args.corpora.split(","):
        folder = work / f"corpus-{corpus_kind}-{args.size}"
        manifest = ensure_corpus(folder, args.size, args.seed, corpus_kind)
        for engine in engines:
            for n in workers:
                out = work / f"out-{corpus_kind}-{engine}-{n}"
                runs.append({"corpus": corpus_kind, "kind": "first", **run_batch(folder, out, engine, n)})
                print(f"# {corpus_kind} {engine} x{n}: {runs[-1]['wall']:.1f} s (exit {runs[-1]['exit']})"
                      f"{' ' + runs[-1]['stderr'] if runs[-1]['stderr'] else ''}", file=sys.stderr)
        if corpus_kind == "mixed":
            extra["broken"] = check_broken(folder, out, manifest)
            extra["pdf"] = pdf_rates(folder, manifest, args.pdf_files)
        if corpus_kind == "txt" and "local" in engines:
            out = work / f"out-txt-local-{max(workers)}"
            runs.append({"corpus": "txt", "kind": "rerun", **run_batch(folder, out, "local", max(workers), fresh=False)})
    report(runs, extra, args)
    if args.json:
        Path(args.json).write_text(json.dumps({"runs": runs, **extra}, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def report(runs: list[dict], extra: dict, args) -> None:
    print(f"reportmine batch benchmark: {args.size} files per corpus, seed {args.seed}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end")
    print_table(runs)
    first = {(r["corpus"], r["engine"], r["workers"]): r for r in runs if r["kind"] == "first"}
    for r in runs:
        if r["kind"] == "rerun":
            base = first.get(("txt", "local", r["workers"]))
            if base:
                print(f"unchanged rerun (txt, local x{r['workers']}): {r['wall']:.1f} s = "
                      f"{100 * r['wall'] / base['wall']:.1f}% of the first run's {base['wall']:.1f} s "
                      f"({r['cached']} reused, {r['analyzed']} analyzed)")
    for (corpus, engine, n), r in sorted(first.items()):
        local = first.get((corpus, "local", n))
        if engine == "dask" and local and r["analysis"] and local["analysis"]:
            print(f"dask / local ({corpus}, {n} workers): docs/s {local['analysis'] / r['analysis']:.2f}, "
                  f"wall {r['wall'] / local['wall']:.2f}x")
    if "broken" in extra:
        b = extra["broken"]
        print(f"broken files (mixed): {b['listed']}/{b['broken']} in errors.csv, codes {b['codes']}, "
              f"unexpected {len(b['unexpected'])}")
    for name, t in extra.get("pdf", {}).items():
        print(f"PDF {name}: {t['pages']} pages of {t['files']} files in {t['seconds']:.2f} s = "
              f"{t['pages_per_s']:.1f} pages/s")


if __name__ == "__main__":
    sys.exit(main())
