"""The per-file unit of work: a task (a file's bytes) and settings in, an outcome out.

``analyze_task(task, settings)`` is all an engine runs, in this process, in a
worker process or on a remote Dask worker: the task carries the file's bytes
and the settings carry the contents of the user's catalog, targets and rules,
so no shared disk is needed. Everything in a :class:`Task`, :class:`Settings`
and :class:`Outcome` is a plain value (picklable; an Outcome is also JSON).

Nothing about a file raises out of :func:`analyze_task`: bad input becomes its
reader's code, anything unexpected E804 with the exception's type.
"""

from __future__ import annotations

import hashlib
import io
import os
import time
from dataclasses import dataclass, field, fields

from ..errors import Problem, ReportmineError

DOC_JSON_EXTRA = ("page_starts",)     # kept in the stored outcome, not in documents/<name>.json


@dataclass(frozen=True)
class Settings:
    """What changes the analysis of a file, with a stable :attr:`fingerprint`."""

    version: str
    max_bytes: int
    role_model: bool = False
    catalog: tuple[str, bytes] | None = None      # (file name, contents)
    targets: tuple[str, bytes] | None = None
    rules: tuple[str, bytes] | None = None
    limits: tuple[tuple[str, int], ...] = ()      # reader limits, (name, value) sorted

    @property
    def fingerprint(self) -> str:
        h = hashlib.sha256()
        for part in (self.version, str(self.max_bytes), str(self.role_model), repr(self.limits)):
            h.update(part.encode("utf-8") + b"\0")
        for item in (self.catalog, self.targets, self.rules):
            h.update(b"-\0" if item is None else item[0].encode("utf-8") + b"\0" + _sha(item[1]).encode() + b"\0")
        return h.hexdigest()

    @classmethod
    def from_options(cls, max_bytes: int, catalog=None, targets=None, rules=None, role_model: bool = False,
                     limits=()) -> "Settings":
        """Settings from the CLI's options; the files are read here (E008 when one cannot be)."""
        from .version import code_version

        return cls(version=code_version(), max_bytes=int(max_bytes), role_model=bool(role_model),
                   catalog=_file(catalog), targets=_file(targets), rules=_file(rules),
                   limits=tuple(sorted((str(k), int(v)) for k, v in dict(limits).items())))


def _file(path) -> tuple[str, bytes] | None:
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            return os.path.basename(str(path)), fh.read()
    except OSError as exc:
        raise ReportmineError("E008", path=str(path), reason=exc.strerror or type(exc).__name__) from None


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def result_key(fingerprint: str, doc_sha256: str, path: str) -> str:
    """The cache key of a file's outcome. The path is part of it: the file name
    feeds the analysis (the reporting unit, the format sniffer)."""
    return _sha(f"{fingerprint}\0{doc_sha256}\0{path}".encode("utf-8", "surrogateescape"))


@dataclass
class Task:
    index: int          # position in the batch: outputs follow it whatever the engine
    path: str           # as discovered (may hold surrogate escapes); the name is its last part
    data: bytes | None = field(repr=False)      # None: the worker reads ``path`` itself (shared disk)
    doc_sha256: str = ""
    key: str = ""


def make_task(index: int, path: str, data: bytes, settings: Settings) -> Task:
    sha = _sha(data)
    return Task(index, path, data, sha, result_key(settings.fingerprint, sha, path))


_HEADER = ("index", "path", "doc", "status", "key", "doc_sha256", "error", "document_row", "seconds")


@dataclass
class Outcome:
    """Everything the end of a run needs of one file, as plain values."""

    index: int
    path: str
    doc: str
    status: str                              # "ok" | "error"
    key: str | None = None
    doc_sha256: str | None = None
    error: dict | None = None                # errors.Problem.to_dict()
    document: dict | None = None             # Document.to_dict(text=True) + page_starts
    records: list[dict] = field(default_factory=list)
    flags: list[dict] = field(default_factory=list)
    document_row: dict = field(default_factory=dict)
    claims: list[dict] = field(default_factory=list)     # checks.batch.claims_of, for --batch-checks
    seconds: float = 0.0
    # the outcome as stored (UTF-8 JSON), when a worker already encoded it: kept so that
    # the main process writes it as it came instead of encoding it again
    encoded: bytes | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def code(self) -> str | None:
        return self.error["code"] if self.error else None

    @property
    def message(self) -> str | None:
        return self.error["message"] if self.error else None

    def to_dict(self) -> dict:
        """The fields as they are (no deep copy: the values are plain already)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "encoded"}

    def to_json(self) -> bytes:
        """UTF-8 JSON as the result store keeps it (:func:`..json_stream.write_lines`:
        a piece per line, each encoded by the C encoder); a path that is not valid
        UTF-8 keeps its bytes through ``surrogateescape``."""
        if self.encoded is None:
            from ..json_stream import write_lines

            out = io.StringIO()
            write_lines(out, self.to_dict())
            self.encoded = out.getvalue().encode("utf-8", "surrogateescape")
        return self.encoded

    @classmethod
    def from_dict(cls, data: dict) -> "Outcome":
        return cls(**data)

    def __reduce__(self):
        # pickled (to a Dask client, say) as its stored JSON: compact, and the
        # receiver writes the very bytes it got
        # a file read well is not decoded by the receiver (see received)
        return (Outcome.received, (self.to_json(), self.header()))

    def header(self) -> dict:
        """The fields a run needs while files are still being analyzed (counts,
        progress, where to store it): everything but the document and its rows."""
        return {name: getattr(self, name) for name in _HEADER}

    @classmethod
    def received(cls, data: bytes, header: dict | None) -> "Outcome":
        """An outcome a worker sent as its stored JSON and its header. A file read
        well is only stored as it came (its document is read back from the store
        at the end of the run), so it is not decoded here: decoding every outcome
        in the main process took the CPU the workers need. Anything else is
        decoded whole."""
        if header is not None and header.get("status") == "ok" and header.get("key"):
            return cls(**header, encoded=data)
        return cls.from_json(data)

    @classmethod
    def from_json(cls, data: bytes) -> "Outcome":
        from ..json_stream import read_lines

        outcome = cls.from_dict(read_lines(io.BytesIO(data), "surrogateescape"))
        outcome.encoded = data
        return outcome


def document_spans(path: tuple, items: list) -> list:
    """How a stored outcome is read for the end of a run (json_stream.read_lines'
    ``convert``): the document's spans as Quantity, Flag… objects, never all as dicts."""
    if len(path) == 2 and path[0] == "document":
        from ..document import SPAN_KINDS

        kind = SPAN_KINDS.get(path[1])
        if kind is not None:
            return [kind(**item) for item in items]
    return items


def display_name(path: str) -> str:
    from ..filenames import base_name

    return base_name(path)


def error_outcome(index: int, path: str, code: str, key: str | None = None, doc_sha256: str | None = None,
                  elapsed: float = 0.0, /, **details) -> Outcome:
    """The outcome of a file that failed with ``code`` (``details`` fill its message)."""
    return _failed(index, path, ReportmineError(code, **details).problem, key, doc_sha256, elapsed)


def _failed(index, path, problem: Problem, key, doc_sha256, seconds) -> Outcome:
    from ..records import DOCUMENT_NAMES

    from ..filenames import display_path

    name, shown = display_name(path), display_path(path)
    row = dict.fromkeys(DOCUMENT_NAMES)
    row.update(doc=name, path=shown, status="error", error_code=problem.code,
               error_message=problem.message, quantities=0, records=0, flags=0)
    return Outcome(index, shown, name, "error", key, doc_sha256, problem.to_dict(), document_row=row,
                   seconds=seconds)


_PIPELINES: dict[str, tuple] = {}     # fingerprint -> (Pipeline, catalog): loaded once per process


def pipeline_for(settings: Settings):
    """The Pipeline (and the merged catalog records link names from) for these
    settings, built once per process; the user's files are written to a private
    temporary folder because the loaders read paths."""
    found = _PIPELINES.get(settings.fingerprint)
    if found is None:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="reportmine-settings-") as folder:
            found = _PIPELINES[settings.fingerprint] = _build(settings, folder)
    return found


def _build(settings: Settings, folder: str) -> tuple:
    """The loaders read the files while the pipeline is built; the folder goes after."""
    from ..batch import merged_catalog
    from ..pipeline import Pipeline

    paths = {}
    for name in ("catalog", "targets", "rules"):
        item = getattr(settings, name)
        if item is not None:
            paths[name] = os.path.join(folder, f"{name}-{item[0]}")
            with open(paths[name], "wb") as fh:
                fh.write(item[1])
    pipeline = Pipeline(max_bytes=settings.max_bytes, role_model=settings.role_model, **paths)
    return pipeline, merged_catalog(paths.get("catalog"))


LAZY_KEEP_ROWS = 2_000      # a lazy outcome's records held as dicts; past that, on disk until stored
WARM_UP = "一、全年完成投资1.2亿元，同比增长5%，完成目标任务的105%。\n"


def warm_up(settings: Settings) -> None:
    """Load the pipeline and run it once on a line of text, so that what its
    stages load on first use (dictionaries, models) is not charged to the first
    file's time limit; a stage with a ``for_batch`` method is told the process
    will analyze many documents."""
    from ..readers import read_bytes
    from ..records import build_tables

    pipeline, catalog = pipeline_for(settings)
    for stage in pipeline.stages or ():
        prepare = getattr(stage, "for_batch", None)
        if prepare is not None:
            prepare()       # a worker analyzes many documents (the linker: numpy from the start)
    build_tables(pipeline(read_bytes(WARM_UP.encode("utf-8"), "warm-up.txt")), catalog)


def analyze_task(task: Task, settings: Settings, lazy: bool = False) -> Outcome:
    """Analyze one file: never raises for anything about the file itself.
    ``lazy``: the outcome's document lists are made into dicts only as it is
    written (:meth:`Document.to_dict`; for an outcome stored in this process,
    which then holds no second copy of a large document): not plain data; and
    the task's bytes are let go once read (this process made the task and will
    not send it again)."""
    started = time.perf_counter()
    try:
        return _analyze(task, settings, started, lazy)
    except ReportmineError as exc:
        return _failed(task.index, task.path, exc.problem, task.key, task.doc_sha256,
                       time.perf_counter() - started)
    except MemoryError:
        return error_outcome(task.index, task.path, "E802", task.key, task.doc_sha256,
                             time.perf_counter() - started, path=task.path)
    except RecursionError as exc:
        return _internal(task, exc, started)
    except Exception as exc:  # noqa: BLE001 - a defect on one file must not stop the batch
        return _internal(task, exc, started)


def _internal(task: Task, exc: BaseException, started: float) -> Outcome:
    reason = f"{type(exc).__name__}: {str(exc)[:200]}"
    return error_outcome(task.index, task.path, "E804", task.key, task.doc_sha256,
                         time.perf_counter() - started, path=task.path, reason=reason)


def _analyze(task: Task, settings: Settings, started: float, lazy: bool = False) -> Outcome:
    from ..checks.batch import claims_of
    from ..gcpause import paused_gc
    from ..batch import _document_row
    from ..readers import read, read_bytes
    from ..records import build_tables
    from ..records.spool import RowSpool

    pipeline, catalog = pipeline_for(settings)
    if task.data is None:          # the file itself, read here (a FIFO or device is refused, E012)
        doc = read(task.path, max_bytes=settings.max_bytes)
    else:
        doc = read_bytes(task.data, task.path, max_bytes=settings.max_bytes)
        if lazy:                   # (in the process that made the task: its bytes are not needed again,
            task.data = None       # and a big file's would be held through the analysis)
    doc = pipeline(doc)
    with paused_gc():
        # stored in this process, then dropped: a large document's records wait on disk, not as dicts
        records, flags = build_tables(doc, catalog, RowSpool(keep=LAZY_KEEP_ROWS) if lazy else None)
        document = doc.to_dict(text=True, lazy=lazy)
    document["page_starts"] = list(doc.page_starts)
    return Outcome(task.index, doc.path, doc.name, "ok", task.key, doc.id, None, document, records, flags,
                   _document_row(doc, len(records), len(flags)), claims_of(doc),
                   time.perf_counter() - started)
