"""Writers of a batch's tables: one module per file format behind one contract.

A writer module has ``FILENAME`` (what it writes in the output folder) and
``write(result, path)``, where ``result`` is a :class:`reportmine.batch.Result`
(``records``, ``flags``, ``document_rows``, ``documents``). Optional packages
are imported inside ``write`` through :func:`dependencies.require`; when one is
missing the writer raises :class:`MissingDependency` (W301) and
:func:`write_all` goes on with the others.

>>> from reportmine.exporters import write_all
>>> outcomes = write_all(result, "out/")            # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReportmineError
from ..gcpause import paused_gc
from .dependencies import MissingDependency

# module names under reportmine.exporters, in the order they are written
WRITERS: tuple[str, ...] = ("jsonl", "csv", "xlsx", "parquet", "flags_csv", "errors_csv", "html")

__all__ = ["WRITERS", "Outcome", "write_all", "writer", "MissingDependency"]


@dataclass
class Outcome:
    name: str
    path: Path
    ok: bool
    code: str | None = None
    message: str | None = None


def writer(name: str):
    return importlib.import_module(f"{__name__}.{name}")


def write_all(result, out_dir: str | Path, names: tuple[str, ...] = WRITERS) -> list[Outcome]:
    """Write every table file; a writer that cannot run is reported, not raised."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    outcomes = []
    for name in names:
        module = writer(name)
        outcomes.append(write_file(name, out_dir / module.FILENAME,
                                   lambda tmp, module=module: module.write(result, tmp)))
    return outcomes


def write_file(name: str, path: Path, job) -> Outcome:
    """Run ``job(tmp)`` and rename ``tmp`` to ``path``, so that a file is never
    half-written; a missing optional package (W301) or an unwritable folder
    (E301) becomes the Outcome, not an exception."""
    tmp = path.with_name(path.stem + ".tmp" + path.suffix)
    try:
        with paused_gc():
            job(tmp)
        tmp.replace(path)
        return Outcome(name, path, True)
    except MissingDependency as exc:
        return Outcome(name, path, False, exc.code, exc.message)
    except OSError as exc:
        err = ReportmineError("E301", output=str(path), reason=exc.strerror or str(exc))
        return Outcome(name, path, False, err.code, err.message)
    finally:
        tmp.unlink(missing_ok=True)
