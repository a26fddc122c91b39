"""Data derived from shipped data and installed packages, kept on disk between processes.

Some structures take far longer to build than to read back (jieba's dictionary
with the catalog's words: ~0.5 s to build, a few milliseconds to read). The
first process builds them and writes them here; later processes read them.

A file is named for what it holds and a hash of everything it was built from
(``<name>-<sha256>.bin``), so a new catalog or package version never reads a
stale file. Files are written to a temporary name and renamed, so processes
started together never see half a file; a file that fails its checksum is
ignored. Reading or writing never raises: the caller builds in memory instead.

The folder is ``$REPORTMINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/reportmine``,
else ``~/.cache/reportmine``; ``REPORTMINE_CACHE_DIR=off`` turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zlib
from pathlib import Path

_OFF = ("off", "0", "none")


def cache_folder() -> Path | None:
    """Where derived data is kept, or None when the cache is off."""
    chosen = os.environ.get("REPORTMINE_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in _OFF or not chosen.strip() else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "reportmine"


def cache_key(*parts: bytes | str) -> str:
    """A hash of the inputs a derived structure was built from."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def _path(name: str, key: str) -> Path | None:
    folder = cache_folder()
    return None if folder is None else folder / f"{name}-{key}.bin"


def read_cached(name: str, key: str) -> memoryview | None:
    """The bytes written under ``name`` and ``key`` (a view, not a copy), or None
    (absent, unreadable, corrupt)."""
    path = _path(name, key)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    view = memoryview(data)
    return view[:-4] if _intact(view) else None


def _intact(view: memoryview) -> bool:
    """Whether the body's checksum (the last 4 bytes) holds."""
    return len(view) >= 4 and zlib.crc32(view[:-4]).to_bytes(4, "little") == view[-4:]


def map_cached(name: str, key: str) -> memoryview | None:
    """As :func:`read_cached`, but the file is mapped instead of read: after the
    checksum its pages are handed back to the system (``MADV_DONTNEED``, where
    there is one) and come back, from the page cache, only where the view is
    read. For a large structure read piece by piece (jieba's tables, one per
    first character): the process holds the pieces it used, not the file."""
    import mmap

    path = _path(name, key)
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):       # missing, unreadable, or empty (nothing to map)
        return None
    view = memoryview(mapped)
    if not _intact(view):
        view.release()
        mapped.close()
        return None
    if hasattr(mapped, "madvise") and hasattr(mmap, "MADV_DONTNEED"):
        mapped.madvise(mmap.MADV_DONTNEED)
    return view[:-4]


def write_cached(name: str, key: str, body: bytes) -> bool:
    """Keep ``body`` under ``name`` and ``key``; False when it could not be written."""
    path = _path(name, key)
    if path is None:
        return False
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(body)
            f.write(zlib.crc32(body).to_bytes(4, "little"))
        os.replace(tmp, path)
        return True
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return False
