"""Find the files of a batch, and say what was met and not read.

``discover(paths)`` walks the folders it is given (sorted by name, so the
order is stable) and returns a :class:`Found`: the files to analyze and the
problems met on the way, each a :class:`Skipped` with a coded
:class:`~reportmine.errors.ReaderError` (E009 symlink loop, E010 broken link,
E011 folder that cannot be listed, E012 not a regular file, E013 no
permission), so a batch can record them beside the files that failed to read
instead of leaving them out without a trace.

Files given by name are passed on as they are (the reader codes a missing,
looping or unreadable one the same way). Inside folders, hidden names
(".x") are left out, files keep the report suffixes (:data:`SUFFIXES`),
linked files are followed and linked folders are not entered (no loops, no
leaving the tree).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field

from .errors import ReaderError
from .filenames import display_path
from .readers.files import kind_of, stat_error

SUFFIXES = {".txt", ".text", ".docx", ".pdf", ".doc", ".wps"}

@dataclass(frozen=True)
class Skipped:
    """A path met during discovery and not analyzed, with its coded error."""

    path: str               # as found: may hold surrogate escapes (opens the file)
    error: ReaderError

    @property
    def shown(self) -> str:
        return display_path(self.path)


@dataclass
class Found:
    """Everything discovery met, in a stable order: ``entries`` are
    ``(path, None)`` for a file to analyze and ``(path, ReaderError)`` for one
    met and not analyzed."""

    entries: list[tuple[str, ReaderError | None]] = field(default_factory=list)
    _seen: set[str] = field(default_factory=set, repr=False, compare=False)

    @property
    def files(self) -> list[str]:
        return [path for path, error in self.entries if error is None]

    @property
    def problems(self) -> list[Skipped]:
        return [Skipped(path, error) for path, error in self.entries if error is not None]

    def file(self, path: str) -> None:
        self._add(path, None)

    def problem(self, path: str, error: ReaderError) -> None:
        self._add(path, error)

    def _add(self, path: str, error: ReaderError | None) -> None:
        """Each path once (a file named and inside a named folder), where first met."""
        key = os.path.normpath(path)
        if key not in self._seen:
            self._seen.add(key)
            self.entries.append((path, error))

    def __iter__(self):
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


def _as_list(paths) -> list:
    if isinstance(paths, (str, bytes, os.PathLike)):
        return [paths]
    return list(paths)


def discover(paths: str | bytes | os.PathLike | Iterable[str | bytes | os.PathLike]) -> Found:
    """Files as given; folders recursively, keeping report-like suffixes."""
    if isinstance(paths, Found):
        return paths
    found = Found()
    for p in _as_list(paths):
        path = os.fsdecode(p)
        if os.path.isdir(path):
            _walk(path, found)
        else:
            found.file(path)
    return found


def _walk(folder: str, found: Found) -> None:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        found.problem(folder, ReaderError("E011", path=folder, reason=reason))
        return
    for entry in entries:
        if not entry.name.startswith("."):
            _visit(entry, found)


def _wanted(name: str, unresolved: bool = False) -> bool:
    suffix = os.path.splitext(name)[1].lower()
    return suffix in SUFFIXES or (unresolved and not suffix)


def _visit(entry: os.DirEntry, found: Found) -> None:
    path = entry.path
    try:
        if entry.is_dir(follow_symlinks=False):
            _walk(path, found)
            return
        mode = os.stat(path).st_mode              # follows a link to its file
    except OSError as exc:
        if _wanted(entry.name, unresolved=True):
            found.problem(path, stat_error(path, exc))
        return
    if stat.S_ISDIR(mode) or not _wanted(entry.name):
        return                                     # a linked folder is not entered
    kind = kind_of(mode)
    if kind is not None:
        found.problem(path, ReaderError("E012", path=path, kind=kind))
    elif not os.access(path, os.R_OK):
        found.problem(path, ReaderError("E013", path=path))
    else:
        found.file(path)
