"""Records to score: records.csv / .jsonl / .parquet as ``analyze`` writes
them, or a file an office makes by hand with just the columns scoring reads.

Numbers become Decimal (a CSV cell's text exactly, a JSON float by its
shortest repr); ``flag_codes`` is a list (``;``-joined in CSV). Only
``indicator`` is required; an absent column is empty in every record.
"""

from __future__ import annotations

import csv
import json
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..errors import ReportmineError
from .rules import to_decimal

COLUMNS = ("record_id", "org", "indicator", "indicator_id", "indicator_name", "period", "actual",
           "actual_unit", "target", "basic_target", "full_target", "completion_rate", "computed_completion_rate",
           "growth", "status", "flag_codes")
NUMBERS = ("actual", "target", "basic_target", "full_target", "completion_rate", "computed_completion_rate",
           "growth")
REQUIRED = ("indicator",)
SUFFIXES = (".csv", ".jsonl", ".parquet")


class RecordsError(ReportmineError):
    """A records file that cannot be scored (E507, E508)."""


def read_records(path: str | Path) -> list[dict]:
    path = Path(path)
    if not path.is_file():
        raise RecordsError("E507", path=path, reason="文件不存在")
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise RecordsError("E507", path=path, reason="只支持 records.csv、records.jsonl 或 records.parquet")
    rows = {".csv": _csv_rows, ".jsonl": _jsonl_rows, ".parquet": _parquet_rows}[suffix](path)
    return clean_rows(rows, path)


def read_db(url: str) -> list[dict]:
    """The reviewed records of a run database (``analyze --db URL``, then the
    review app): reviewers' corrections override extracted values and dismissed
    flags no longer flag a record. A SQLite file or URL, or PostgreSQL; opening
    it migrates it to this version's schema."""
    from ..review import open_db
    from ..review.reviewed import reviewed_records
    from ..store import engine_url, shown

    engine = open_db(engine_url(url))
    try:
        rows = reviewed_records(engine)
    finally:
        engine.dispose()
    return records_from_rows(rows, shown(url))


def records_from_rows(rows: list[dict], source: str = "records") -> list[dict]:
    """Rows as ``reportmine.analyze(...).records`` holds them -> records to score."""
    return clean_rows(list(enumerate(rows, start=1)), source)


def clean_rows(rows: list[tuple[int, dict]], path) -> list[dict]:
    """(line, raw row) pairs -> records with Decimal numbers and a flag list."""
    if rows:
        missing = [c for c in REQUIRED if c not in rows[0][1]]
        if missing:
            raise RecordsError("E508", path=path, columns="、".join(missing))
    return [_clean(raw, line, path) for line, raw in rows]


def _clean(raw: dict, line: int, path) -> dict:
    rec = {c: _text(raw.get(c)) for c in COLUMNS if c not in NUMBERS and c != "flag_codes"}
    for c in NUMBERS:
        v = raw.get(c)
        try:
            rec[c] = None if _text(v) is None else to_decimal(v)
        except (InvalidOperation, ValueError):
            raise RecordsError("E507", path=path, reason=f"第{line}行 {c} 列的“{v}”不是数字") from None
    codes = raw.get("flag_codes")
    if isinstance(codes, str):
        codes = [c for c in codes.replace("；", ";").split(";")]
    rec["flag_codes"] = [str(c).strip() for c in (codes or []) if str(c).strip()]
    rec["record_id"] = rec["record_id"] or f"{Path(str(path)).name}:{line}"
    rec["org"] = rec["org"] or ""
    return rec


def _text(v) -> str | None:
    if v is None:
        return None
    if isinstance(v, float) and v != v:        # NaN from a parquet/pandas null
        return None
    text = str(v).strip()
    return text or None


def _csv_rows(path: Path) -> list[tuple[int, dict]]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            return [(i, row) for i, row in enumerate(csv.DictReader(fh), start=2)]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise RecordsError("E507", path=path, reason=str(exc)) from None


def _jsonl_rows(path: Path) -> list[tuple[int, dict]]:
    out = []
    try:
        with open(path, encoding="utf-8-sig") as fh:
            for i, line in enumerate(fh, start=1):
                if line.strip():
                    row = json.loads(line)
                    if not isinstance(row, dict):
                        raise ValueError(f"第{i}行不是 JSON 对象")
                    out.append((i, row))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise RecordsError("E507", path=path, reason=str(exc)) from None
    return out


def _parquet_rows(path: Path) -> list[tuple[int, dict]]:
    from ..exporters.dependencies import require

    pq = require("pyarrow.parquet", "parquet", str(path))
    try:
        table = pq.read_table(path)
    except Exception as exc:  # pyarrow raises its own kinds for a broken file
        raise RecordsError("E507", path=path, reason=f"{type(exc).__name__}: {exc}") from None
    return [(i, row) for i, row in enumerate(table.to_pylist(), start=1)]


def as_decimal(v) -> Decimal | None:
    return None if v is None else to_decimal(v)
