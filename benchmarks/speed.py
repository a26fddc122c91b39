"""Throughput of reportmine's pipeline beside jieba's segmentation.

    python benchmarks/speed.py [--sources DIR ...] [--warmup DIR] [--runs 3] [--stages N] [--unpack-tables]
                               [--repeated-source DIR] [--mb 5] [--repeat 3] [--real-only]

Real, non-repeating text (the figure that counts): each .txt of --sources
(default ../shared/realdev/docs and ../shared/seeds beside the repository)
analyzed ONCE, one document per file, after a warm-up of both contenders on
other text (--warmup, default corpora/samples). Each of --runs runs is a fresh
process (so no phrase cache carries over from an earlier run): warm-up, then
the pipeline and jieba.lcut on the same files, in alternating order; CPU time
(time.process_time) of each, best of the runs, and the ratio of the bests.

Repeated text (beside it, labelled as such): the seed reports (or
--repeated-source) repeated to about --mb megabytes, as one document; the
linker's phrase cache is warm from the second copy on, so this flatters the
pipeline. Each contender runs --repeat times; best wall time. Contenders:
- recognizer: reportmine.quantities.recognize over the whole text;
- pipeline:   the full analysis pipeline on the text as one in-memory document;
- jieba:      jieba.lcut on the same text (a reference for "fast enough").

Then the cost of analyze's table outputs, side by side with analyze without
them, on the same repeated text as one document: the pipeline, the document
JSON (what analyze wrote before records), the records (claims -> rows) and all
writer of analyze (records.jsonl/.csv/.xlsx/.parquet, flags.csv, report.html)
and the run database; each step's best of --repeat in wall and in CPU seconds
(CPU is the steadier figure on a shared machine), and the outputs' share of
analyze's time by each.

Last, analyze whole as the CLI runs it with --workers 1 (engines.driver.run_batch
in this process) on the same text as one file, with the outputs and without them
(RunOptions(html=False, tables=False) and no database: documents/*.json and
run.json only), the two in turn, each into a new folder; CPU seconds, best of
--repeat after a warm-up round. There the records are built by the worker either
way (they are part of the stored outcome), and the outputs also pay for turning
the stored outcome back into a Document for report.html and the database.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _shared() -> Path:
    """../shared beside the repository (or beside the worktrees' folder)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared").is_dir():
            return base / "shared"
    return ROOT.parent / "shared"


SHARED = _shared()
DEFAULT_SOURCES = [SHARED / "realdev" / "docs", SHARED / "seeds"]
DEFAULT_WARMUP = ROOT / "corpora" / "samples"


def load_text(sources: Path, mb: float) -> str:
    files = sorted(sources.glob("*.txt"))
    if not files:
        raise SystemExit(f"no .txt files in {sources}")
    base = "\n".join(f.read_text(encoding="utf-8") for f in files)
    times = max(1, int(mb * 1_000_000 // len(base.encode("utf-8"))) + 1)
    return "\n".join([base] * times)


def best_of(fn, repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def contenders(text: str):
    from reportmine.pipeline import Pipeline
    from reportmine.quantities import recognize

    pipeline = Pipeline()
    data = text.encode("utf-8")
    yield "reportmine recognizer", lambda: len(recognize(text))
    yield "reportmine pipeline", lambda: len(pipeline.analyze_bytes(data, "bench.txt").quantities)
    try:
        import jieba
    except ImportError:
        return
    jieba.setLogLevel(60)
    jieba.initialize()
    yield "jieba.lcut", lambda: len(jieba.lcut(text))


def read_texts(folders) -> list[str]:
    files = [f for folder in folders for f in sorted(Path(folder).glob("*.txt"))]
    if not files:
        raise SystemExit(f"no .txt files in {', '.join(map(str, folders))}")
    return [f.read_text(encoding="utf-8") for f in files]


def one_real_run(sources, warmup, index: int, unpack: bool = False) -> dict:
    """In this process: warm both contenders up on ``warmup``, then CPU seconds of each
    on every text of ``sources`` once (pipeline first on even runs, jieba first on odd).
    ``unpack``: after the warm-up, every table of the pipeline's word list is unpacked
    (claims/segment.py unpacks a table when a text first has its character; jieba's
    own dictionary is whole after its warm-up)."""
    import jieba

    from reportmine.pipeline import Pipeline

    jieba.setLogLevel(60)
    pipeline, texts = Pipeline(), read_texts(sources)
    data = [t.encode("utf-8") for t in texts]

    def run_pipeline(docs):
        return sum(len(pipeline.analyze_bytes(d, "bench.txt").quantities) for d in docs)

    def run_jieba(docs):
        return sum(len(jieba.lcut(t)) for t in docs)

    warm = read_texts([warmup])
    run_pipeline([t.encode("utf-8") for t in warm])
    run_jieba(warm)
    if unpack:
        from reportmine.claims.segment import tokenizer

        tokenizer().FREQ.load_all()
    seconds = {}
    order = [("pipeline", run_pipeline, data), ("jieba", run_jieba, texts)]
    for name, fn, docs in order[::-1] if index % 2 else order:
        t = time.process_time()
        fn(docs)
        seconds[name] = time.process_time() - t
    return {"chars": sum(map(len, texts)), "files": len(texts), "seconds": seconds}


def real_text(sources, warmup, runs: int, unpack: bool = False) -> dict:
    """Best of ``runs`` fresh processes of ``one_real_run``; prints and returns the figures."""
    cmd = [sys.executable, __file__, "--warmup", str(warmup), "--sources", *map(str, sources),
           *(["--unpack-tables"] if unpack else []), "--one-real-run"]
    results = [json.loads(subprocess.run(cmd + [str(i)], check=True, capture_output=True, text=True).stdout)
               for i in range(runs)]
    chars = results[0]["chars"]
    best = {k: min(r["seconds"][k] for r in results) for k in ("pipeline", "jieba")}
    print(f"real text, not repeated: {results[0]['files']} files, {chars:,} characters, each once, "
          f"after a warm-up on {warmup.name}; CPU seconds, best of {runs} fresh processes")
    print(f"{'contender':26s} {'seconds':>8s} {'chars/s':>14s}")
    for name, label in (("pipeline", "reportmine pipeline"), ("jieba", "jieba.lcut")):
        print(f"{label:26s} {best[name]:8.3f} {chars / best[name]:14,.0f}")
    ratio = best["jieba"] / best["pipeline"]
    print(f"pipeline / jieba.lcut chars/s on real text: {ratio:.2f}x")
    return {"name": "real text", "chars": chars, "seconds": best, "ratio": ratio}


def stage_times(sources, warmup, rounds: int) -> dict:
    """CPU milliseconds of the reader and of each pipeline stage over ``sources``
    (each file once), best of ``rounds`` in this process after a warm-up on
    ``warmup``; the linker's phrase cache and the trimmed phrases kept are emptied
    before each round."""
    from reportmine.catalog.linker import default_linker
    from reportmine.claims import indicators
    from reportmine.pipeline import Pipeline
    from reportmine.readers import read_bytes

    pipeline, spent = Pipeline(), {}
    names = [getattr(s, "__name__", type(s).__name__) for s in pipeline.stages]

    def timed(name, stage):
        def run(doc):
            t = time.process_time()
            doc = stage(doc)
            spent[name] += time.process_time() - t
            return doc
        return run

    try:        # the text the stages read (a checkout before folds.py and compact.py has neither)
        from reportmine.compact import compaction, removals
        from reportmine.folds import folded
    except ImportError:
        folded = None
    pipeline.stages = [timed(n, s) for n, s in zip(names, pipeline.stages)]
    spent.update(dict.fromkeys(["read", *(["fold", "compact"] if folded else []), *names], 0.0))
    for text in read_texts([warmup]):
        pipeline(read_bytes(text.encode("utf-8"), "warm.txt"))
    data, best = [t.encode("utf-8") for t in read_texts(sources)], {}
    linker = default_linker()
    forget = getattr(linker, "forget", None) or linker._cache.clear     # (a checkout before Linker.forget)
    forget_trimmed = getattr(indicators, "forget", lambda: None)        # (a checkout before trimmed phrases were kept)
    for _ in range(rounds):
        spent.update(dict.fromkeys(spent, 0.0))
        forget()
        forget_trimmed()
        for d in data:
            t = time.process_time()
            doc = read_bytes(d, "bench.txt")
            spent["read"] += time.process_time() - t
            if folded:      # timed apart on the same text (the pipeline makes it again, untimed, before its stages)
                t = time.process_time()
                text = folded(doc.text)
                spent["fold"] += time.process_time() - t
                t = time.process_time()
                compaction(text, removals(text, doc.format))
                spent["compact"] += time.process_time() - t
            pipeline(doc)
        best = {k: min(best.get(k, v), v) for k, v in spent.items()}
    print(f"\nstages on the same text: CPU ms, best of {rounds} rounds in one process (phrase caches emptied)")
    print("  " + "  ".join(f"{k} {v * 1000:.1f}" for k, v in best.items())
          + f"  total {sum(best.values()) * 1000:.1f}"
          + ("  (fold, compact: the text the stages read, made by the pipeline before them; timed apart here)"
             if "fold" in best else ""))
    return {"name": "stages", "cpu_seconds": best}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=Path, nargs="+", default=DEFAULT_SOURCES)
    ap.add_argument("--warmup", type=Path, default=DEFAULT_WARMUP)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--repeated-source", type=Path, default=SHARED / "seeds")
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--real-only", action="store_true", help="skip the repeated-text figures")
    ap.add_argument("--stages", type=int, default=0, metavar="N",
                    help="also each stage's CPU ms on the real text, best of N rounds in one process")
    ap.add_argument("--unpack-tables", action="store_true",
                    help="unpack all of the pipeline's word tables after the warm-up (as jieba's dictionary is)")
    ap.add_argument("--one-real-run", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    if args.one_real_run is not None:
        print(json.dumps(one_real_run(args.sources, args.warmup, args.one_real_run, args.unpack_tables)))
        return
    rows = [real_text(args.sources, args.warmup, args.runs, args.unpack_tables)]
    if args.stages:
        rows.append(stage_times(args.sources, args.warmup, args.stages))
    if not args.real_only:
        rows += repeated_text(args.repeated_source, args.mb, args.repeat)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


def repeated_text(source: Path, mb: float, repeat: int) -> list[dict]:
    text = load_text(source, mb)
    print(f"\nrepeated text (beside the figure above, flatters the pipeline: the linker's phrase cache "
          f"is warm from the second copy on): {source.name} repeated to {len(text):,} characters, "
          f"{len(text.encode('utf-8')) / 1e6:.1f} MB UTF-8, one document, best of {repeat}")
    print(f"{'contender':26s} {'seconds':>8s} {'chars/s':>14s} {'items':>10s}")
    rows = []
    for name, fn in contenders(text):
        seconds, items = best_of(fn, repeat)
        rows.append({"name": name + " (repeated text)", "seconds": seconds,
                     "chars_per_second": len(text) / seconds, "items": items})
        print(f"{name:26s} {seconds:8.3f} {len(text) / seconds:14,.0f} {items:10,}")
    rows.append(outputs_overhead(text, repeat))
    rows.append(whole_analyze(text, repeat))
    return rows


def outputs_overhead(text: str, repeat: int) -> dict:
    """Seconds of each analyze step (best of ``repeat``, wall and CPU) and the exports' overhead."""
    import tempfile

    from reportmine.batch import Result
    from reportmine.exporters import WRITERS, write_all
    from reportmine.output import DocumentWriter
    from reportmine.pipeline import Pipeline
    from reportmine.store import write_result

    pipeline, data = Pipeline(), text.encode("utf-8")
    best: dict[str, float] = {}
    cpu: dict[str, float] = {}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            clock = _Clock()
            doc = pipeline.analyze_bytes(data, "bench.txt")
            clock.lap("pipeline")
            DocumentWriter(tmp).write(doc)
            clock.lap("document JSON")
            result = Result()
            result.add(doc)
            clock.lap("records")
            outcomes = []
            for name in WRITERS:
                outcomes += write_all(result, tmp, (name,))
                clock.lap(name)
            write_result(result, f"sqlite:///{tmp}/reportmine.db")   # a new file: schema included
            clock.lap("run database")
        for k, v in clock.wall.items():
            best[k] = min(best.get(k, v), v)
            cpu[k] = min(cpu.get(k, clock.cpu[k]), clock.cpu[k])
    print(f"\nanalyze outputs on the same text ({len(result.records):,} records, "
          f"{sum(o.ok for o in outcomes)}/{len(outcomes)} files written), best of {repeat}:")
    shares = print_shares(best, cpu, ["records", *WRITERS, "run database"])
    return {"name": "analyze outputs", "seconds": best, "cpu_seconds": cpu, "records": len(result.records),
            "overhead": shares["wall"], "cpu_overhead": shares["CPU"]}


def whole_analyze(text: str, repeat: int) -> dict:
    """analyze as the CLI runs it with --workers 1 (engines.driver.run_batch in this process: the
    pipeline, the stored outcome, documents/*.json, run.json) on the text as one file, with the
    outputs (records.*, flags.csv, errors.csv, report.html, a new run database) and without them;
    each run into a new folder, the two in turn (which goes first alternates); CPU seconds."""
    import tempfile

    from reportmine.cli.analyze_run import prepare_out
    from reportmine.engines.driver import RunOptions, run_batch
    from reportmine.engines.local import LocalEngine
    from reportmine.engines.progress import choose
    from reportmine.engines.work import Settings
    from reportmine.readers import DEFAULT_MAX_BYTES
    from reportmine.store.run import RunWriter

    settings = Settings.from_options(max_bytes=DEFAULT_MAX_BYTES)
    cpu: dict[str, list[float]] = {"on": [], "off": []}
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "bench.txt"
        source.write_text(text, encoding="utf-8")
        for i in range(repeat + 1):                 # round 0 warms both up (imports, caches)
            for mode in ("on", "off") if i % 2 else ("off", "on"):
                on, out = mode == "on", prepare_out(f"{tmp}/{mode}{i}")
                t = time.process_time()
                db = RunWriter(None, out) if on else None
                run_batch([str(source)], out, settings, LocalEngine(workers=1, timeout=0),
                          RunOptions(html=on, tables=on), db=db, progress=choose(True))
                if i:
                    cpu[mode].append(time.process_time() - t)
    on, off = min(cpu["on"]), min(cpu["off"])
    print(f"\nanalyze as the CLI runs it (--workers 1, in this process), the same text as one file, "
          f"CPU seconds, best of {repeat} after a warm-up round:")
    print(f"  without the outputs (documents/*.json, run.json) {off:8.3f}   "
          f"runs: {' '.join(f'{x:.3f}' for x in cpu['off'])}")
    print(f"  with them                                        {on:8.3f}   "
          f"runs: {' '.join(f'{x:.3f}' for x in cpu['on'])}")
    print(f"  the outputs add {on - off:.3f} s (+{100 * (on - off) / off:.1f}%)")
    return {"name": "analyze with and without outputs", "cpu_on": cpu["on"], "cpu_off": cpu["off"],
            "overhead": (on - off) / off}


def print_shares(best: dict, cpu: dict, added_steps: list[str]) -> dict[str, float]:
    """Each step's wall and CPU seconds, and the outputs' share of analyze by each."""
    print(f"  {'step':24s} {'wall s':>8s} {'CPU s':>8s}")
    for k, v in best.items():
        print(f"  {k:24s} {v:8.3f} {cpu[k]:8.3f}")
    shares = {}
    for label, t in (("wall", best), ("CPU", cpu)):
        before = t["pipeline"] + t["document JSON"]
        added = sum(t[k] for k in added_steps)
        shares[label] = added / before
        print(f"  {label:4s} analyze without records {before:8.3f} s, outputs {added:6.3f} s, "
              f"with records {before + added:8.3f} s   (+{100 * added / before:.1f}%)")
    return shares


class _Clock:
    """Wall (perf_counter) and CPU (process_time) seconds of consecutive steps."""

    def __init__(self):
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self._w, self._c = time.perf_counter(), time.process_time()

    def lap(self, name: str) -> None:
        w, c = time.perf_counter(), time.process_time()
        self.wall[name], self.cpu[name] = w - self._w, c - self._c
        self._w, self._c = time.perf_counter(), time.process_time()

if __name__ == "__main__":
    main()
