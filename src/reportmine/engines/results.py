"""Outcomes kept under ``--out``, one JSON file per document, keyed by content.

``DIR/.reportmine/results/<key>.json``: the key is the sha256 of the
settings' fingerprint, the file's bytes' sha256 and its path
(:func:`work.result_key`), so a rerun finds a file's outcome again when none
of them changed. Each is written to a temporary file and renamed: a kill
leaves whole files or none. The JSON has a piece per line
(:func:`..json_stream.write_lines`) and is read back a line at a time. Failures that depend on the run rather than on
the file (E8…: timeout, memory, a dead worker, interruption) are not kept, so
a rerun tries those files again.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..json_stream import read_lines
from .work import Outcome

STATE_DIR = ".reportmine"


def keeps(outcome: Outcome) -> bool:
    """Whether an outcome is stored for reuse: analyzed files and files refused
    for what they are (reader codes), not failures of the run (E8…)."""
    return bool(outcome.key) and (outcome.ok or not (outcome.code or "").startswith("E8"))


class ResultStore:
    def __init__(self, out_dir: str | Path):
        self.dir = Path(out_dir) / STATE_DIR / "results"
        self.dir.mkdir(parents=True, exist_ok=True)

    def path(self, key: str, ok: bool = True) -> Path:
        """An analyzed file's outcome is ``<key>.json``, a refused one's ``<key>.error.json``
        (so a rerun knows which files failed without reading them)."""
        return self.dir / (f"{key}.json" if ok else f"{key}.error.json")

    def status(self, key: str) -> str | None:
        """"ok", "error" or None (nothing stored)."""
        if not key:
            return None
        if self.path(key).is_file():
            return "ok"
        return "error" if self.path(key, ok=False).is_file() else None

    def has(self, key: str) -> bool:
        return self.status(key) is not None

    def put(self, outcome: Outcome) -> None:
        target = self.path(outcome.key, outcome.ok)
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        if outcome.encoded is not None:         # encoded by a worker: written as it came
            with open(tmp, "wb") as fh:
                fh.write(outcome.encoded)
        else:                                   # analyzed here: streamed, never one string
            from ..json_stream import write_lines

            with open(tmp, "w", encoding="utf-8", errors="surrogateescape", newline="\n") as fh:
                write_lines(fh, outcome.to_dict())
        tmp.replace(target)

    def get(self, key: str, convert=None) -> Outcome | None:
        """The stored outcome, or None when it is missing or unreadable (then the
        file is simply analyzed again). ``convert``: see json_stream.read_lines
        (e.g. :func:`work.document_spans`)."""
        try:
            status = self.status(key)
            with open(self.path(key, status == "ok"), "rb") as fh:
                return Outcome.from_dict(read_lines(fh, "surrogateescape", convert))
        except (OSError, ValueError, TypeError):
            return None

    def prune(self, keep: set[str]) -> int:
        """Remove the outcomes (and leftover temporary files) of files that are no
        longer in the batch; returns how many went."""
        removed = 0
        for path in self.dir.iterdir():
            key = path.name.split(".", 1)[0]
            if path.suffix == ".tmp" or key not in keep:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
