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
from dataclasses import dataclass, field

from ..errors import ReportmineError
from .results import ResultStore
from .work import Outcome, Settings, error_outcome, make_task, result_key


@dataclass
class Entry:
    index: int
    path: str
    key: str | None = None          # the cache key (None until the bytes are hashed)
    outcome: Outcome | None = None  # known before any analysis (an unreadable file)
    cached: bool = False
    cached_error: bool = False      # its stored outcome is a refusal (a reader's code)


@dataclass
class Plan:
    entries: list[Entry] = field(default_factory=list)

    @property
    def todo(self) -> list[Entry]:
        return [e for e in self.entries if e.outcome is None and not e.cached]


def discover(paths) -> list[tuple[str, ReportmineError | None]]:
    """(path, problem or None) for every input file, in a stable order
    (:mod:`reportmine.discovery`: a broken link, a folder that cannot be listed… are problems)."""
    from ..discovery import discover as walk

    return list(walk(list(paths)))


def make_plan(found, settings: Settings, store: ResultStore, force: bool = False) -> Plan:
    plan = Plan()
    for index, (path, problem) in enumerate(found):
        entry = Entry(index, str(path))
        if problem is not None:
            entry.outcome = error_outcome(index, entry.path, problem.code, **problem.problem.details)
        else:
            _hash_entry(entry, settings)
            status = store.status(entry.key) if entry.key and not force and entry.outcome is None else None
            entry.cached, entry.cached_error = status is not None, status == "error"
        plan.entries.append(entry)
    return plan


def _hash_entry(entry: Entry, settings: Settings) -> None:
    """The entry's key from its bytes, or its coded outcome (a missing, looping,
    unreadable or oversized file; a FIFO or device, which is never opened)."""
    from ..readers.files import open_regular

    try:
        with open_regular(entry.path) as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > settings.max_bytes:
                raise ReportmineError("E003", path=entry.path, size=size, limit=settings.max_bytes)
            entry.key = result_key(settings.fingerprint, _file_sha(fh), entry.path)
    except ReportmineError as exc:
        entry.outcome = error_outcome(entry.index, entry.path, exc.code, **exc.problem.details)
    except OSError as exc:
        entry.outcome = error_outcome(entry.index, entry.path, "E008", path=entry.path,
                                      reason=exc.strerror or type(exc).__name__)


def _file_sha(fh) -> str:
    h = hashlib.sha256()
    while chunk := fh.read(1 << 20):
        h.update(chunk)
    return h.hexdigest()


def tasks(entries: list[Entry], settings: Settings, on_unreadable):
    """The tasks of ``entries``, reading each file's bytes as the engine asks
    for it; a file that cannot be read now goes to ``on_unreadable(outcome)``."""
    from ..readers.files import open_regular

    for entry in entries:
        try:
            with open_regular(entry.path) as fh:
                data = fh.read(settings.max_bytes + 1)
        except ReportmineError as exc:
            on_unreadable(error_outcome(entry.index, entry.path, exc.code, **exc.problem.details))
            continue
        except OSError as exc:
            on_unreadable(error_outcome(entry.index, entry.path, "E008", path=entry.path,
                                        reason=exc.strerror or type(exc).__name__))
            continue
        if len(data) > settings.max_bytes:
            on_unreadable(error_outcome(entry.index, entry.path, "E003", path=entry.path,
                                        size=len(data), limit=settings.max_bytes))
            continue
        task = make_task(entry.index, entry.path, data, settings)
        del data                       # (the task holds the bytes: a worker may let them go once read)
        entry.key = task.key           # the bytes may have changed since they were hashed
        yield task
