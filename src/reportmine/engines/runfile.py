"""``DIR/run.json``, written while the run goes on and at its end.

Always written to a temporary file and renamed, so a run killed at any moment
leaves a valid run.json: ``status`` says ``running`` (killed, or still going),
``complete``, ``interrupted`` (Ctrl-C) or ``stopped`` (``--strict``), with the
counts of files analyzed, reused from an earlier run (``cached``), failed and
not done (``pending``).
"""

from __future__ import annotations

import json
import os
import time
from datetime import datetime, timezone
from pathlib import Path

SCHEMA = "reportmine-run/1"
EVERY = 2.0          # seconds between two progress writes


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class RunFile:
    def __init__(self, out_dir: str | Path, fingerprint: str):
        self.path = Path(out_dir) / "run.json"
        self.base = {"schema": SCHEMA, "status": "running", "started_at": _now(), "finished_at": None,
                     "settings": fingerprint}
        self.last = 0.0

    def progress(self, status: str, counts: dict, failed, force: bool = False) -> None:
        if not force and time.monotonic() - self.last < EVERY:
            return
        self.last = time.monotonic()
        self._write({**self.base, "status": status, "counts": counts,
                     "failed": [{"path": o.path, "code": o.code} for o in failed]})

    def final(self, status: str, counts: dict, results: list[dict], records: int, removed: int,
              outputs: list[dict]) -> dict:
        summary = {**self.base, "status": status, "finished_at": _now(), "counts": counts,
                   "documents": len(results), "ok": sum(r["status"] == "ok" for r in results),
                   "errors": sum(r["status"] == "error" for r in results),
                   "records": records, "removed_stale": removed, "outputs": outputs, "results": results}
        self._write(summary)
        return summary

    def _write(self, data: dict) -> None:
        tmp = self.path.with_name(f"run.json.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(self.path)
