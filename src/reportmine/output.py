"""Write analysis results: one JSON per input document plus a run summary."""

from __future__ import annotations

import json
from pathlib import Path

from .document import Document
from .errors import ReportmineError
from .filenames import base_name, display_path
from .gcpause import paused_gc
from .json_stream import Items

SCHEMA = "reportmine-document/1"


class DocumentWriter:
    """Writes ``DIR/documents/<file name>.json``; never overwrites a name twice
    in one run (a second ``report.txt`` from another folder gets its hash)."""

    def __init__(self, out_dir: str | Path, include_text: bool = False):
        self.out_dir = Path(out_dir)
        self.docs_dir = self.out_dir / "documents"
        self.docs_dir.mkdir(parents=True, exist_ok=True)
        self.include_text = include_text
        self.used: set[str] = set()
        self.results: list[dict] = []

    def _target(self, name: str, key: str) -> Path:
        fname = f"{name}.json"
        if fname in self.used:
            fname = f"{name}~{key[:8]}.json"
        self.used.add(fname)
        return self.docs_dir / fname

    def write(self, doc: Document) -> Path:
        target = self._target(doc.name, doc.id)
        with paused_gc():                  # tens of thousands of small dicts, no cycles
            data = doc.to_dict(text=self.include_text)
        _dump(target, data)
        self.results.append({"path": doc.path, "doc": doc.name, "id": doc.id, "output": display_path(target),
                             "status": "ok", "quantities": len(doc.quantities), "flags": len(doc.flags),
                             "warnings": [w.code for w in doc.warnings]})
        return target

    def write_error(self, path: str, exc: ReportmineError) -> Path:
        key, name, path = _path_key(path), base_name(path), display_path(path)
        target = self._target(name, key)
        _dump(target, {"schema": SCHEMA, "doc": name, "path": path, "error": exc.problem.to_dict(),
                       "quantities": [], "flags": []})
        self.results.append({"path": path, "doc": name, "output": display_path(target), "status": "error",
                             "error": exc.problem.to_dict()})
        return target

    def close(self, records: int | None = None, outputs=()) -> dict:
        """Write run.json; ``outputs`` are the exporters' outcomes (file, written or why not)."""
        summary = {"schema": "reportmine-run/1",
                   "documents": len(self.results),
                   "ok": sum(r["status"] == "ok" for r in self.results),
                   "errors": sum(r["status"] == "error" for r in self.results),
                   "records": records,
                   "outputs": [{"file": o.path.name, "written": o.ok, "code": o.code, "message": o.message}
                               for o in outputs],
                   "results": self.results}
        _dump(self.out_dir / "run.json", summary)
        return summary


def _path_key(path) -> str:
    import hashlib
    import os

    return hashlib.sha256(os.fsencode(path)).hexdigest()


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def dumps(data: dict) -> str:
    """JSON text of a document (or run.json): a key per line, and a list of
    objects one object per line, each written compactly by json's C encoder
    (indented output goes through json's pure-Python encoder: for a large
    document it took longer than everything else analyze writes)."""
    return "".join(_pieces(data))


def _pieces(data: dict):
    """:func:`dumps`'s text piece by piece (an object of a list at a time)."""
    if not data:
        yield "{}"
        return
    yield "{\n"
    for i, (key, value) in enumerate(data.items()):
        yield f"{',' if i else ''}{chr(10) if i else ''} {_ENCODE(key)}: "
        if (type(value) is list and value and all(type(v) is dict for v in value)) or \
                (type(value) is Items and len(value)):       # dicts made as they are written
            yield "[\n  "
            for j, v in enumerate(value):
                yield (",\n  " if j else "") + _ENCODE(v)
            yield "\n ]"
        elif type(value) is Items:
            yield "[]"
        else:
            yield _ENCODE(value)
    yield "\n}"


def _dump(target: Path, data: dict) -> None:
    """Written piece by piece: a large document's JSON is never one string in memory."""
    tmp = target.with_suffix(target.suffix + ".tmp")
    with paused_gc(), open(tmp, "w", encoding="utf-8") as fh:
        for piece in _pieces(data):
            fh.write(piece)
    tmp.replace(target)
