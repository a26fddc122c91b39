"""The documents returned to their senders, per org, for sending: CSV (UTF-8
with a BOM, for Excel) or xlsx (one sheet, sorted by org)."""

from __future__ import annotations

import csv
import io

from sqlalchemy import Engine

from ..exporters.cells import cell
from ..exporters.csv import write_rows
from ..exporters.spreadsheetml import Sheet, write_workbook
from .queries import overview

NAMES = ("org", "doc", "doc_sha256", "message", "returned_by", "returned_at", "open_flags", "flags")


def returned_documents(engine: Engine, org: str | None = None) -> list[dict]:
    """Returned documents sorted by org then file name, with the message to the sender."""
    rows = []
    for row in overview(engine, org=org, status="returned"):
        rows.append({"org": row["org"], "doc": row["doc"], "doc_sha256": row["doc_sha256"],
                     "message": row["message"], "returned_by": row["updated_by"],
                     "returned_at": row["updated_at"], "open_flags": row["open_flags"],
                     "flags": ";".join(f"{k}:{v}" for k, v in row["flags_by_type"].items())})
    return sorted(rows, key=lambda r: (r["org"] or "", r["doc"]))


def returned_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(NAMES)
    writer.writerows([[cell(r[n]) for n in NAMES] for r in rows])
    return out.getvalue()


def write_returned(rows: list[dict], path) -> None:
    """``path`` ending in .xlsx: a workbook; else CSV with a BOM."""
    if str(path).endswith(".xlsx"):
        values = [[r[n] for n in NAMES] for r in rows]
        widths = [max([len(n)] + [len(str(v[i] or "")) * 2 for v in values[:200]]) + 2 for i, n in enumerate(NAMES)]
        write_workbook(path, [Sheet("returned", NAMES, values, [min(w, 60) for w in widths])],
                       "FFDDE4EE", "FFF4CCCC")
    else:
        write_rows(path, rows, NAMES)
