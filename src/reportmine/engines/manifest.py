"""What the last assembly wrote, so that an unchanged rerun need not write it again.

``DIR/.reportmine/outputs.json`` holds a digest of everything the outputs are
built from (each file's result key or error, in order; the options that shape
the outputs; the database URL), the files written (name, size, mtime) and
run.json's per-file results. It is removed before an assembly starts and
written after its last file, so it only ever describes a finished one. When a
run analyzed nothing, its digest is the same and every file listed is still
there as written, the outputs are left as they are (they would come out
byte-identical) and only run.json and the run's rows in the database are new.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .results import STATE_DIR

NAME = "outputs.json"


def digest(parts: list, options: dict) -> str:
    text = json.dumps([options, parts], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def _stat(path: Path) -> list[int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


class Manifest:
    def __init__(self, out_dir: str | Path):
        self.out = Path(out_dir)
        self.path = self.out / STATE_DIR / NAME

    def load(self) -> dict | None:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def current(self, key: str) -> dict | None:
        """The manifest when its digest is ``key`` and its files are all as written."""
        data = self.load()
        if not data or data.get("digest") != key:
            return None
        for name, seen in data["files"].items():
            if _stat(self.out / name) != seen:
                return None
        return data

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)

    def save(self, key: str, written: list[Path], results: list[dict], documents: dict, extra: dict) -> None:
        files = {}
        for path in written:
            seen = _stat(path)
            if seen is not None:
                files[path.relative_to(self.out).as_posix()] = seen
        data = {"digest": key, "files": files, "results": results, "documents": documents, **extra}
        tmp = self.path.with_name(f"{NAME}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data), encoding="ascii")        # \u escapes: any path survives
        tmp.replace(self.path)
