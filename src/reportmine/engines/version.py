"""The code version that results are keyed by: the release number and a hash
of the package's own files (code, language data, models, templates), so that
a changed rule or model never reuses a stored result.

Reading and hashing the ~3 MB of files takes ~40 ms, most of a short run's
bookkeeping; the hash is kept in the cache of derived data under a key made of
every file's path, size and modification time (``os.stat``: ~8 ms), so a later
process reads it back unless a file was added, removed or written since."""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

SKIP_DIRS = {"__pycache__"}
SUFFIXES = {".py", ".yaml", ".yml", ".json", ".txt", ".tsv", ".j2", ".ini", ".mako", ".csv"}


def _files(root: Path) -> list[tuple[str, Path]]:
    """The package's files that make its version: (path from ``root``, path), sorted."""
    found = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
        for name in names:
            if os.path.splitext(name)[1] in SUFFIXES:
                path = Path(folder, name)
                found.append((path.relative_to(root).as_posix(), path))
    return sorted(found)


def content_hash(files: list[tuple[str, Path]]) -> str:
    h = hashlib.sha256()
    for rel, path in files:
        h.update(rel.encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def code_version() -> str:
    from .. import __version__

    return f"{__version__}+{tree_hash(Path(__file__).resolve().parent.parent)}"


def tree_hash(root: Path) -> str:
    """The hash of the files under ``root``, read back from the cache when no
    file's path, size or modification time changed."""
    from ..derived_cache import cache_key, read_cached, write_cached

    files = _files(root)
    try:
        stamps = [f"{rel}\t{st.st_size}\t{st.st_mtime_ns}" for rel, st in ((r, p.stat()) for r, p in files)]
    except OSError:
        return content_hash(files)
    key = cache_key("code-version/1", str(root), *stamps)
    kept = read_cached("code-version", key)
    if kept is not None:
        digest = bytes(kept).decode("ascii", "replace")
        if len(digest) == 16 and all(c in "0123456789abcdef" for c in digest):
            return digest
    digest = content_hash(files)
    write_cached("code-version", key, digest.encode("ascii"))
    return digest
