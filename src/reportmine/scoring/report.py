"""Writers of a score table: scores.csv, org_scores.csv, scores.xlsx (both
sheets) and scores.png (:mod:`.chart`), behind one call like the exporters'.

>>> outcomes = write_scores(table, "out/scores")     # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from ..exporters import Outcome
from ..exporters.csv import write_rows
from ..exporters.dependencies import MissingDependency
from ..errors import ReportmineError
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
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    for sheet, names, rows in ((book.active, SCORE_NAMES, score_rows(table)),
                               (book.create_sheet(), ORG_NAMES, org_rows(table))):
        sheet.title = "scores" if names is SCORE_NAMES else "org_scores"
        sheet.append(names)
        for row in rows:
            sheet.append([_xlsx_cell(row[n]) for n in names])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for i, n in enumerate(names):
            sheet.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width = 60 if n == "detail" else 16
    book.save(path)


def _xlsx_cell(v):
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
    outcomes = []
    for name, job in jobs.items():
        path = out / name
        tmp = path.with_name(path.stem + ".tmp" + path.suffix)
        try:
            job(tmp)
            tmp.replace(path)
            outcomes.append(Outcome(name, path, True))
        except MissingDependency as exc:
            outcomes.append(Outcome(name, path, False, exc.code, exc.message))
        except OSError as exc:
            err = ReportmineError("E301", output=str(path), reason=exc.strerror or str(exc))
            outcomes.append(Outcome(name, path, False, err.code, err.message))
        finally:
            tmp.unlink(missing_ok=True)
    return outcomes
