"""Write a synthetic corpus of work reports (txt, docx, pdf) for the batch benchmark.

The texts are invented (benchmarks/corpus_texts.yaml, see corpus_text.py):
numbers, placeholders (x%, 20xx年, 控制在%以内, XX万元 …) and arithmetic that
is sometimes broken on purpose. Everything follows from --seed: file i is made
from random.Random(f"{seed}:{i}") alone, so the same seed writes the same
bytes (docx entries get a fixed timestamp; PDFs are written in reportlab's
invariant mode), and corpora of different sizes share their first files.

Default mix: 70% txt (of which 15% GB18030, 5% UTF-8 with BOM, 20% CRLF),
15% docx, 15% pdf, in folders of 250 files. ``--broken 0.05`` replaces 5% of
the files (chosen by the seed) with broken ones, in turn: a corrupt docx, a
truncated pdf, binary junk named .txt and an empty file; every other file is
byte-identical to the clean corpus of the same seed. MANIFEST.tsv lists every
file (path, format, kind, characters, checked and broken sums, placeholders);
PLANTED.jsonl gives each report's broken sentences and table rows as written
(``benchmarks/synthetic_flags.py`` scores the checks against them).

    python benchmarks/make_corpus.py /tmp/corpus --n 2000
    python benchmarks/make_corpus.py /tmp/txt --n 2000 --mix txt=1
    python benchmarks/make_corpus.py /tmp/broken --n 2000 --broken 0.05 --jobs 2
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import os
import random
import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_text import ReportWriter, load_material  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MIX = {"txt": 0.70, "docx": 0.15, "pdf": 0.15}
BROKEN_KINDS = ("corrupt_docx", "truncated_pdf", "junk_txt", "empty")
FOLDER_SIZE = 250
MANIFEST = "MANIFEST.tsv"
PLANTED = "PLANTED.jsonl"
COLUMNS = ("path", "format", "kind", "chars", "checked", "broken_sums", "placeholders")
_render = None


def renderer():
    """corpora/tools/render.py (real docx and pdf layouts), imported by path once."""
    global _render
    if _render is None:
        spec = importlib.util.spec_from_file_location("reportmine_render_tool",
                                                      ROOT / "corpora" / "tools" / "render.py")
        _render = sys.modules[spec.name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(_render)
    return _render


def parse_mix(text: str) -> dict[str, float]:
    """'txt=0.7,docx=0.15,pdf=0.15' (weights, normalised) -> {format: share}."""
    mix = {}
    for part in text.split(","):
        fmt, _, weight = part.partition("=")
        if fmt.strip() not in DEFAULT_MIX or not weight:
            raise argparse.ArgumentTypeError(f"bad --mix part {part!r} (formats: txt, docx, pdf)")
        mix[fmt.strip()] = float(weight)
    total = sum(mix.values())
    return {fmt: w / total for fmt, w in mix.items() if w > 0}


def plan(n: int, seed: int, mix: dict[str, float], broken: float) -> list[tuple[int, str, str]]:
    """(index, format, kind) of every file; kind is 'report' or one of BROKEN_KINDS."""
    picker = random.Random(f"{seed}:formats")
    formats = list(mix)
    chosen = [picker.choices(formats, weights=[mix[f] for f in formats])[0] for _ in range(n)]
    n_broken = round(n * broken)
    bad = sorted(random.Random(f"{seed}:broken").sample(range(n), n_broken)) if n_broken else []
    kinds = {i: BROKEN_KINDS[k % len(BROKEN_KINDS)] for k, i in enumerate(bad)}
    return [(i, chosen[i], kinds.get(i, "report")) for i in range(n)]


def relative_path(index: int, fmt: str, domain: str) -> str:
    return f"part{index // FOLDER_SIZE:02d}/r{index:05d}_{domain}.{fmt}"


def report_bytes(text: str, fmt: str, rng: random.Random) -> bytes:
    """The text as a file of the format: txt in a varied encoding, docx or pdf rendered."""
    if fmt == "txt":
        pick = rng.random()
        if rng.random() < 0.2:
            text = text.replace("\n", "\r\n")
        if pick < 0.15:
            return text.encode("gb18030")
        return text.encode("utf-8-sig" if pick < 0.2 else "utf-8")
    import tempfile

    with tempfile.TemporaryDirectory(prefix="reportmine-corpus-") as tmp:
        path = Path(tmp) / f"report.{fmt}"
        if fmt == "docx":
            renderer().render_docx(text, path)
            return fixed_zip_times(path.read_bytes())
        renderer().render_pdf(text, path)
        return path.read_bytes()


def fixed_zip_times(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01 (python-docx stamps the time of writing)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info))
    return out.getvalue()


def broken_bytes(kind: str, rng: random.Random, writer: ReportWriter) -> tuple[str, bytes]:
    """(format, bytes) of a broken file of the kind."""
    if kind == "empty":
        return rng.choice(["txt", "docx", "pdf"]), b""
    if kind == "junk_txt":
        return "txt", bytes(rng.getrandbits(8) for _ in range(rng.randint(2000, 20000)))
    fmt = "docx" if kind == "corrupt_docx" else "pdf"
    good = report_bytes(writer.report(rng)[1], fmt, rng)
    if kind == "truncated_pdf":
        return fmt, good[: len(good) * 2 // 5]
    start = len(good) // 3                      # deflated parts overwritten with junk
    junk = bytes(rng.getrandbits(8) for _ in range(len(good) // 3))
    return fmt, good[:start] + junk + good[start + len(junk):]


def make_file(out: Path, seed: int, item: tuple[int, str, str], writer: ReportWriter) -> dict:
    index, fmt, kind = item
    rng = random.Random(f"{seed}:{index}")
    domain, text, stats = writer.report(rng)
    row = {"format": fmt, "kind": kind, "chars": len(text), "checked": stats.checked,
           "broken_sums": stats.broken, "placeholders": stats.placeholders, "planted": stats.planted}
    if kind == "report":
        data = report_bytes(text, fmt, rng)
    else:
        fmt, data = broken_bytes(kind, rng, writer)
        row.update(format=fmt, chars=0, checked=0, broken_sums=0, placeholders=0, planted=[])
    path = relative_path(index, fmt, domain if kind == "report" else "broken")
    target = out / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return {"path": path, **row}


_WORKER: dict = {}


def _init_worker(out: str, seed: int) -> None:
    _WORKER.update(out=Path(out), seed=seed, writer=ReportWriter(load_material()))


def _make_one(item):
    return make_file(_WORKER["out"], _WORKER["seed"], item, _WORKER["writer"])


def make_corpus(out: str | os.PathLike, n: int = 2000, seed: int = 13, mix: dict | None = None,
                broken: float = 0.0, jobs: int = 1) -> list[dict]:
    """Write the corpus into ``out`` and its MANIFEST.tsv; return the manifest rows."""
    items = plan(n, seed, mix or DEFAULT_MIX, broken)
    Path(out).mkdir(parents=True, exist_ok=True)
    if jobs > 1:
        from multiprocessing import Pool

        with Pool(jobs, initializer=_init_worker, initargs=(str(out), seed)) as pool:
            rows = pool.map(_make_one, items, chunksize=16)
    else:
        _init_worker(str(out), seed)
        rows = [_make_one(item) for item in items]
    lines = ["\t".join(COLUMNS)] + ["\t".join(str(r[c]) for c in COLUMNS) for r in rows]
    (Path(out) / MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")
    planted = [json.dumps({"path": r["path"], "planted": r["planted"]}, ensure_ascii=False) for r in rows]
    (Path(out) / PLANTED).write_text("\n".join(planted) + "\n", encoding="utf-8")
    return rows


def read_manifest(folder: str | os.PathLike) -> list[dict]:
    lines = (Path(folder) / MANIFEST).read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="生成批量基准用的合成报告语料（txt/docx/pdf）。"
                    "例：python benchmarks/make_corpus.py /tmp/corpus --n 2000 --broken 0.05")
    parser.add_argument("out", help="输出文件夹")
    parser.add_argument("--n", type=int, default=2000, help="文件数（默认 2000）")
    parser.add_argument("--seed", type=int, default=13, help="随机种子（默认 13）")
    parser.add_argument("--mix", type=parse_mix, default=DEFAULT_MIX,
                        help="格式比例，如 txt=0.7,docx=0.15,pdf=0.15（默认）或 txt=1")
    parser.add_argument("--broken", type=float, default=0.0, help="损坏文件的比例，如 0.05")
    parser.add_argument("--jobs", type=int, default=1, help="并行进程数")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    rows = make_corpus(args.out, args.n, args.seed, args.mix, args.broken, args.jobs)
    counts = {}
    for r in rows:
        key = r["format"] if r["kind"] == "report" else r["kind"]
        counts[key] = counts.get(key, 0) + 1
    print(f"{len(rows)} files in {args.out} ({time.perf_counter() - started:.1f} s): "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
