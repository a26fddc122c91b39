"""One batch run over ``--out``: plan, analyze what changed, rebuild the outputs.

``run_batch`` is what ``reportmine analyze`` (and the benchmarks) call with an
engine: files whose outcome is stored under ``--out`` are not sent to it; the
others are, and each outcome is stored as it arrives. ``run.json`` is
rewritten (atomically) every few seconds while the run goes on, so a killed
run leaves a valid one saying ``running``; at the end every output is rebuilt
from the stored outcomes. Ctrl-C stops the engine, marks the files not done
E805 and still rebuilds consistent outputs (status ``interrupted``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .manifest import Manifest, digest
from .plan import Entry, discover, make_plan, tasks
from .results import ResultStore, keeps
from .runfile import RunFile
from .work import Outcome, Settings, document_spans, error_outcome


@dataclass
class RunOptions:
    with_text: bool = False
    batch_checks: bool = False
    html: bool = True
    tables: bool = True     # records.*, flags.csv, errors.csv (benchmarks/speed.py turns them off)
    force: bool = False
    strict: bool = False


@dataclass
class RunSummary:
    status: str                      # complete / interrupted / stopped (--strict)
    files: int = 0
    analyzed: int = 0
    cached: int = 0
    failed: list[Outcome] = field(default_factory=list)
    records: int = 0
    outputs: list = field(default_factory=list)
    batch_flags: int | None = None   # R308 flags added by --batch-checks (None: not rebuilt this run)

    @property
    def exit_code(self) -> int:
        if self.status == "interrupted":
            return 130
        return 1 if self.failed else 0


class _Stop(Exception):
    """--strict: the first failure stops the run."""


def run_batch(paths, out_dir: str | Path, settings: Settings, engine, options: RunOptions | None = None,
              *, db=None, progress=None, found=None) -> RunSummary:
    """``found``: (path, problem or None) pairs from discovery (default: the paths expanded)."""
    options = options or RunOptions()
    out = Path(out_dir)
    store = ResultStore(out)
    plan = make_plan(found if found is not None else discover(paths), settings, store, options.force)
    run = _Run(plan.entries, store, RunFile(out, settings.fingerprint), progress, options.strict)
    status = run.execute(engine, settings, plan.todo)
    try:
        return run.finish(status, out, options, db)
    except KeyboardInterrupt:      # a second Ctrl-C while the outputs are rebuilt: the next run rebuilds them
        run.runfile.progress("interrupted", run.counts(), run.failed, force=True)
        raise


class _Run:
    def __init__(self, entries: list[Entry], store: ResultStore, runfile: RunFile, progress, strict: bool):
        self.entries, self.store, self.runfile, self.progress, self.strict = entries, store, runfile, progress, strict
        self.done: dict[int, Outcome] = {}         # outcomes not kept in the store (failures, uncached)
        self.finished: set[int] = set()
        self.analyzed = 0
        self.failed: list[Outcome] = []
        for e in entries:
            if e.outcome is not None:
                self._record(e.outcome, fresh=False)
            elif e.cached:
                self.finished.add(e.index)
        self.cached = sum(e.cached for e in entries)
        self.failed_before = sum(e.cached_error for e in entries)     # refused in an earlier run

    def execute(self, engine, settings: Settings, todo: list[Entry]) -> str:
        self._report("running", force=True)
        if self.progress:
            self.progress.start(len(self.entries), len(self.entries) - len(todo),
                                len(self.failed) + self.failed_before, self.cached)
        try:
            if todo:
                if hasattr(engine, "size_hint"):
                    engine.size_hint(len(todo))
                engine.run(tasks(todo, settings, self.on_outcome), settings, self.on_outcome)
            return "complete"
        except KeyboardInterrupt:
            return "interrupted"
        except _Stop:
            return "stopped"
        finally:
            if hasattr(engine, "close"):       # its workers (a Dask cluster) are not needed to rebuild the outputs:
                engine.close()                 # stopped now, they take no CPU from it
            if self.progress:
                self.progress.stop()

    def on_outcome(self, outcome: Outcome) -> None:
        self.analyzed += 1
        if keeps(outcome):
            self.store.put(outcome)
        self._record(outcome, fresh=True)
        if self.progress:
            self.progress.advance(outcome)
        self._report("running")
        if self.strict and not outcome.ok:
            raise _Stop()

    def _record(self, outcome: Outcome, fresh: bool) -> None:
        self.finished.add(outcome.index)
        if not keeps(outcome):
            self.done[outcome.index] = outcome
        else:
            self.done.pop(outcome.index, None)
        if not outcome.ok:
            self.failed.append(outcome)

    def _report(self, status: str, force: bool = False) -> None:
        self.runfile.progress(status, self.counts(), self.failed, force=force)

    def counts(self) -> dict:
        return {"files": len(self.entries), "analyzed": self.analyzed, "cached": self.cached,
                "failed": len(self.failed) + self.failed_before, "pending": len(self.entries) - len(self.finished)}

    def outcomes(self, convert=document_spans):
        """Every file's outcome in input order (``convert``: how stored ones are
        read, see json_stream.read_lines)."""
        for e in self.entries:
            outcome = self.done.get(e.index)
            if outcome is None and e.index in self.finished and e.key:
                outcome = self.store.get(e.key, convert=convert)
                if outcome is not None and not outcome.ok and e.cached:
                    self.failed.append(outcome)      # a file refused in an earlier run still is
            if outcome is None:          # not done (interrupted) or its stored outcome vanished
                outcome = error_outcome(e.index, e.path, "E805", e.key, None, 0.0, path=e.path)
                self.failed.append(outcome)
            yield outcome

    def digest(self, options: RunOptions, db) -> str:
        """What the outputs are built from: each file's stored key or its error."""
        parts = [(e.path, e.key if e.index not in self.done else self.done[e.index].code) for e in self.entries]
        extra = {} if options.tables else {"tables": False}       # (keys of earlier runs unchanged)
        return digest(parts, {"with_text": options.with_text, "batch_checks": options.batch_checks,
                              "html": options.html, "db": db.url if db is not None else None, **extra})

    def finish(self, status: str, out: Path, options: RunOptions, db) -> RunSummary:
        from .assemble import assemble

        manifest, key = Manifest(out), self.digest(options, db)
        previous = manifest.load()
        if status == "complete" and not self.analyzed:
            same = manifest.current(key)
            if same is not None and (db is None or db.store.has_documents(_shas(same["results"]))):
                return self._unchanged(same, db)
        manifest.clear()
        pending = self.counts()["pending"]
        expected = len(self.entries) - len(self.failed) - self.failed_before - pending
        done = assemble(self.outcomes, out, with_text=options.with_text, html=options.html,
                        tables=options.tables, batch_checks=options.batch_checks, db=db, expected=expected,
                        previous=(previous or {}).get("documents"))
        _close_db(db)
        self.failed_before = 0           # the assembly has read them into self.failed
        counts = self.counts()
        counts["pending"] = pending
        outputs = _outputs(done.outputs)
        self.runfile.final(status, counts, done.results, len(done.result.records), done.removed, outputs)
        if status == "complete":
            self.store.prune({e.key for e in self.entries if e.key})
            manifest.save(key, done.written, done.results, done.documents,
                          {"records": len(done.result.records), "outputs": outputs})
        return RunSummary(status, len(self.entries), self.analyzed, self.cached, self.failed,
                          len(done.result.records), done.outputs, done.batch_flags)

    def _unchanged(self, same: dict, db) -> RunSummary:
        """Nothing analyzed and the outputs are as the last assembly left them: only
        run.json and the run's rows in the database are written."""
        results = same["results"]
        failed = [Outcome(i, r["path"], r["doc"], "error", error=r["error"])
                  for i, r in enumerate(results) if r["status"] == "error"]
        if db is not None:
            db.store.write_run_files(db.run_id, [_run_file(r) for r in results])
        _close_db(db)
        self.runfile.final("complete", self.counts(), results, same["records"], 0, same["outputs"])
        return RunSummary("complete", len(self.entries), 0, self.cached, failed, same["records"],
                          [_Written(**o) for o in same["outputs"]])


@dataclass
class _Written:
    """An output as run.json lists it (the exporters' Outcome, for a run that wrote none)."""

    file: str
    written: bool
    code: str | None = None
    message: str | None = None

    @property
    def ok(self) -> bool:
        return self.written


def _outputs(outcomes) -> list[dict]:
    return [{"file": o.path.name, "written": o.ok, "code": o.code, "message": o.message} for o in outcomes]


def _shas(results: list[dict]) -> set[str]:
    return {r["id"] for r in results if r["status"] == "ok"}


def _run_file(r: dict) -> dict:
    if r["status"] == "ok":
        return {"path": r["path"], "doc": r["doc"], "doc_sha256": r["id"], "status": "ok"}
    return {"path": r["path"], "doc": r["doc"], "doc_sha256": None, "status": "error",
            "error_code": r["error"]["code"], "error_message": r["error"]["message"]}


def _close_db(db) -> None:
    if db is not None:
        db.store.finish_run(db.run_id)
        db.store.close()
