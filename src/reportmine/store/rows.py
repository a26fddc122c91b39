"""Document -> table rows, and records back from rows.

Lists become comma-separated text (``flag_codes``: ``R301,R303``; an empty
list is the empty string), so that plain SQL reads them (``LIKE '%R301%'``);
``record_from_row`` turns them back. A number that is not finite is stored
empty, as in the JSON exports.
"""

from __future__ import annotations

import json
import math
from itertools import chain
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter, itemgetter

from ..document import Document
from ..records.columns import COLUMNS

SEP = ","
# the records table: these columns (models.Record, a test compares), then seq
RECORD_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS)
RECORD_NUMBERS = tuple(c.name for c in COLUMNS if c.type == "number")
LIST_COLUMNS = ("flag_codes",)
QUANTITY_NUMBERS = ("value", "norm_value", "low", "high")
QUANTITY_FIELDS = ("start", "end", "text", "value", "unit", "norm_value", "norm_unit", "approx", "role",
                   "indicator", "indicator_id", "period", "direction", "low", "high", "setter", "subject",
                   "article", "page")
FLAG_FIELDS = ("start", "end", "text", "type", "subtype", "code", "severity", "message", "note",
               "arithmetic", "evidence", "article", "page")


def document_row(doc: Document, n_records: int, run_id: str | None, now: datetime) -> dict:
    return {"doc_sha256": doc.id, "doc": doc.name, "path": doc.path, "format": doc.format,
            "encoding": doc.encoding, "pages": doc.pages, "length": len(doc.text),
            "quantity_count": len(doc.quantities), "record_count": n_records,
            "flag_count": len(doc.flags), "warning_codes": SEP.join(w.code for w in doc.warnings),
            "run_id": run_id, "analyzed_at": now}


def text_row(doc: Document) -> dict:
    """The document_texts row: the canonical text, its boilerplate and heading spans."""
    headings = sorted({(b.start, b.end) for b in doc.blocks if b.kind == "heading"}
                      | {(s.title_start, s.title_end) for s in doc.sections}
                      | {(a.title_start, a.title_end) for a in doc.articles})
    return {"doc_sha256": doc.id, "text": doc.text,
            "boilerplate": [[b.start, b.end, b.kind] for b in doc.boilerplate] or None,
            "headings": [list(h) for h in headings if h[0] < h[1]] or None}


@dataclass
class Bulk:
    """Rows for one of the large tables, as tuples in ``columns`` order (the
    driver binds tuples faster than dicts)."""

    table: str
    columns: tuple[str, ...]
    values: list[tuple]


_INF = (math.inf, -math.inf)
isfinite = math.isfinite


def _clean(row: tuple, positions: tuple[int, ...]) -> tuple:
    """The row with any NaN or infinite number at ``positions`` made empty."""
    for i in positions:
        v = row[i]
        if v is not None and (v != v or v in _INF):
            row = row[:i] + (None,) + row[i + 1:]
    return row


def _cleaned(rows: list[tuple], positions: tuple[int, ...]) -> list[tuple]:
    """The rows, each through :func:`_clean`; as they are when the numbers at ``positions``
    are all finite or empty (one sum over them: a NaN or an infinity makes it not finite)."""
    pick = itemgetter(*positions) if len(positions) > 1 else (lambda row: (row[positions[0]],))
    try:
        if isfinite(sum(filter(None, chain.from_iterable(map(pick, rows))))):
            return rows
    except (TypeError, OverflowError):      # not a number there, or an int past floats: each row looked at
        pass
    return [_clean(row, positions) for row in rows]


CHUNK_ROWS = 5_000      # a larger document's quantity and flag rows are made this many at a time


def quantity_rows(doc: Document) -> Bulk:
    columns = ("doc_sha256", "seq", *QUANTITY_FIELDS, "list_group")
    get = attrgetter(*QUANTITY_FIELDS, "group")
    numbers = tuple(columns.index(n) for n in QUANTITY_NUMBERS)

    def made(a: int, b: int) -> list[tuple]:
        return _cleaned([(doc.id, seq, *get(q)) for seq, q in enumerate(doc.quantities[a:b], a)], numbers)
    return Bulk("quantities", columns, _by_chunks(made, len(doc.quantities)))


def flag_rows(doc: Document) -> Bulk:
    fields = tuple(f for f in FLAG_FIELDS if f != "evidence")
    get = attrgetter(*fields)

    def made(a: int, b: int) -> list[tuple]:
        return [(doc.id, seq, *get(f), json.dumps(f.evidence, ensure_ascii=False) if f.evidence else None)
                for seq, f in enumerate(doc.flags[a:b], a)]               # evidence as JSON text
    return Bulk("flags", ("doc_sha256", "seq", *fields, "evidence"), _by_chunks(made, len(doc.flags)))


def _by_chunks(made, n: int):
    """``made(0, n)`` for a small document; for a larger one the rows as they
    are inserted, CHUNK_ROWS at a time (a copy of every row is never held)."""
    if n <= CHUNK_ROWS:
        return made(0, n)
    return chain.from_iterable(made(a, min(a + CHUNK_ROWS, n)) for a in range(0, n, CHUNK_ROWS))


def link_rows(doc: Document, flag_table: list[dict]) -> Bulk:
    """record_flags rows from the flag rows of records.build_tables (each with
    its ``record_ids``), matched to the document's flags by span, code and type."""
    seqs: dict[tuple, int] = {}
    for seq, f in enumerate(doc.flags):
        seqs.setdefault((f.start, f.end, f.code, f.type), seq)
    links: dict[tuple, None] = {}
    for row in flag_table:
        seq = seqs.get((row["start"], row["end"], row["code"], row["type"]))
        if seq is not None:
            links.update(((doc.id, seq, record_id), None) for record_id in row.get("record_ids") or ())
    return Bulk("record_flags", ("doc_sha256", "flag_seq", "record_id"), list(links))


def record_rows(records: list[dict]) -> Bulk:
    """The records' rows; records that are not a list (a document's rows in the
    assembly's spool) give rows made as they are inserted."""
    columns = (*RECORD_COLUMNS, "seq")
    numbers = tuple(columns.index(n) for n in RECORD_NUMBERS)
    if isinstance(records, list):
        return Bulk("records", columns, _cleaned(list(_record_values(records, columns)), numbers))
    return Bulk("records", columns, (_clean(row, numbers) for row in _record_values(records, columns)))


_RECORD_KEYS = frozenset(RECORD_COLUMNS)


def _record_values(records, columns: tuple[str, ...]):
    """Each record's row in ``columns`` order, numbers not cleaned yet."""
    get = itemgetter(*RECORD_COLUMNS)
    lists = tuple(columns.index(n) for n in LIST_COLUMNS)
    for seq, record in enumerate(records):
        row = list(get(record) if record.keys() >= _RECORD_KEYS
                   else (record.get(n) for n in RECORD_COLUMNS))
        for i in lists:
            row[i] = SEP.join(row[i] or ())
        row.append(seq)
        yield tuple(row)


def record_from_row(row) -> dict:
    """A record dict (the columns of records/columns.py) from a ``records`` row."""
    record = {name: row[name] for name in RECORD_COLUMNS}
    for name in LIST_COLUMNS:
        record[name] = record[name].split(SEP) if record[name] else []
    return record
