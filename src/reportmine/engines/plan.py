"""A batch's plan: every input file in order, with what to do about it.

For each file (in the order discovery gives) the plan holds its cache key
when its bytes could be hashed: a stored outcome with that key is reused; a
file that cannot be read gets its coded outcome here, without a worker. The
bytes are read once to hash them and again, one file at a time, when the
engine asks for the tasks, so a batch never holds its files in memory.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field

from ..errors import ReportmineError
from .results import ResultStore
from .work import Outcome, Settings, Task, error_outcome, make_task, result_key


@dataclass
class Entry:
    index: int
    path: str
    key: str | None = None          # None: not hashed (not a regular file), always analyzed
    outcome: Outcome | None = None  # known before any analysis (an unreadable file)
    cached: bool = False


@dataclass
class Plan:
    entries: list[Entry] = field(default_factory=list)

    @property
    def todo(self) -> list[Entry]:
        return [e for e in self.entries if e.outcome is None and not e.cached]


def discover(paths) -> list[tuple[str, ReportmineError | None]]:
    """(path, problem or None) for every input file, in a stable order."""
    from ..batch import expand_paths

    return [(p, None) for p in expand_paths(list(paths))]


def make_plan(found, settings: Settings, store: ResultStore, force: bool = False) -> Plan:
    plan = Plan()
    for index, (path, problem) in enumerate(found):
        entry = Entry(index, str(path))
        if problem is not None:
            entry.outcome = error_outcome(index, entry.path, problem.code, **problem.problem.details)
        else:
            _hash_entry(entry, settings)
            entry.cached = bool(entry.key) and not force and entry.outcome is None and store.has(entry.key)
        plan.entries.append(entry)
    return plan


def _hash_entry(entry: Entry, settings: Settings) -> None:
    try:
        info = os.stat(entry.path)
        if not stat.S_ISREG(info.st_mode):
            if stat.S_ISDIR(info.st_mode):
                entry.outcome = error_outcome(entry.index, entry.path, "E008", path=entry.path,
                                              reason="这是一个目录")
            return                   # a FIFO or a device: the worker reads it, under the time limit
        if info.st_size > settings.max_bytes:
            entry.outcome = error_outcome(entry.index, entry.path, "E003", path=entry.path,
                                          size=info.st_size, limit=settings.max_bytes)
            return
        entry.key = result_key(settings.fingerprint, _file_sha(entry.path), entry.path)
    except FileNotFoundError:
        entry.outcome = error_outcome(entry.index, entry.path, "E001", path=entry.path)
    except OSError as exc:
        entry.outcome = error_outcome(entry.index, entry.path, "E008", path=entry.path,
                                      reason=exc.strerror or type(exc).__name__)


def _file_sha(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def tasks(entries: list[Entry], settings: Settings, on_unreadable):
    """The tasks of ``entries``, reading each file's bytes as the engine asks
    for it; a file that cannot be read now goes to ``on_unreadable(outcome)``."""
    for entry in entries:
        if entry.key is None:
            yield Task(entry.index, entry.path, None)
            continue
        try:
            with open(entry.path, "rb") as fh:
                data = fh.read(settings.max_bytes + 1)
        except OSError as exc:
            on_unreadable(error_outcome(entry.index, entry.path, "E008", path=entry.path,
                                        reason=exc.strerror or type(exc).__name__))
            continue
        if len(data) > settings.max_bytes:
            on_unreadable(error_outcome(entry.index, entry.path, "E003", path=entry.path,
                                        size=len(data), limit=settings.max_bytes))
            continue
        task = make_task(entry.index, entry.path, data, settings)
        entry.key = task.key           # the bytes may have changed since they were hashed
        yield task
