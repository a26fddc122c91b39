"""The code version that results are keyed by: the release number and a hash
of the package's own files (code, language data, models, templates), so that
a changed rule or model never reuses a stored result."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

SKIP_DIRS = {"__pycache__"}
SUFFIXES = {".py", ".yaml", ".yml", ".json", ".txt", ".tsv", ".j2", ".ini", ".mako", ".csv"}


@lru_cache(maxsize=1)
def code_version() -> str:
    from .. import __version__

    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in SUFFIXES and path.is_file() and not SKIP_DIRS.intersection(path.parts):
            h.update(path.relative_to(root).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return f"{__version__}+{h.hexdigest()[:16]}"
