"""Writers of a score table: scores.csv, org_scores.csv, scores.xlsx (both
sheets) and scores.png (:mod:`.chart`), behind one call like the exporters'.

>>> outcomes = write_scores(table, "out/scores")     # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from ..exporters import Outcome, write_file
from ..exporters.csv import write_rows
from .table import ScoreTable, unit_text, value_text

SCORE_NAMES = ("record_id", "org", "indicator", "method", "value", "unit", "points", "weight",
               "status", "detail")
ORG_NAMES = ("org", "total", "max_total", "rank", "vetoed", "missing", "flagged", "ambiguous")
FILES = ("scores.csv", "org_scores.csv", "scores.xlsx", "scores.png")


def score_rows(table: ScoreTable) -> list[dict]:
    return [{"record_id": r.record_id, "org": r.org, "indicator": r.rule.indicator, "method": r.rule.method,
             "value": value_text(r), "unit": unit_text(r), "points": r.points,
             "weight": r.rule.weight, "status": r.status, "detail": r.detail} for r in table.rows]


def org_rows(table: ScoreTable) -> list[dict]:
    return [{"org": o.org, "total": o.total, "max_total": o.max_total, "rank": o.rank,
             "vetoed": "true" if o.vetoed else "false", "missing": o.missing, "flagged": o.flagged,
             "ambiguous": o.ambiguous} for o in table.orgs]


def write_xlsx(table: ScoreTable, path) -> None:
    """Sheets ``scores`` (flagged, missing and ambiguous rows filled light red)
    and ``org_scores`` (vetoed units filled), by the exporters' standard-library
    xlsx writer."""
    from ..exporters.spreadsheetml import Sheet, write_workbook
    from ..exporters.xlsx import FLAGGED_FILL, HEADER_FILL, _width

    sheets = []
    for title, names, rows, marked in (
            ("scores", SCORE_NAMES, score_rows(table), lambda r: r["status"] != "scored"),
            ("org_scores", ORG_NAMES, org_rows(table), lambda r: r["vetoed"] == "true")):
        values = [[_xlsx_cell(row[n]) for n in names] for row in rows]
        widths = [_width(n, i, values) for i, n in enumerate(names)]
        sheets.append(Sheet(title, names, values, widths, [marked(r) for r in rows]))
    write_workbook(path, sheets, HEADER_FILL, FLAGGED_FILL)


def _xlsx_cell(v):
    """Numbers as numbers (Decimal points -> float), text as text."""
    from decimal import Decimal

    return float(v) if isinstance(v, Decimal) else v


def write_scores(table: ScoreTable, out_dir, title: str = "各单位得分") -> list[Outcome]:
    """Write the four files; a writer that cannot run (matplotlib missing:
    W301) is reported in its Outcome, the others are written."""
    from .chart import write_chart

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    jobs = {"scores.csv": lambda p: write_rows(p, score_rows(table), SCORE_NAMES),
            "org_scores.csv": lambda p: write_rows(p, org_rows(table), ORG_NAMES),
            "scores.xlsx": lambda p: write_xlsx(table, p),
            "scores.png": lambda p: write_chart(table, p, title)}
    return [write_file(name, out / name, job) for name, job in jobs.items()]
