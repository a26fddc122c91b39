"""Scoring by an office's own rules: records + rules -> a ranked table.

>>> from reportmine.scoring import load_rules, score_records
>>> table = score_records(read_records("out/records.csv"), load_rules("rules.yaml"))  # doctest: +SKIP

``rules`` loads and validates the rules (YAML or xlsx), ``methods`` holds one
function per method, ``table`` matches records to rules and ranks the units,
``report`` and ``chart`` write scores.csv, org_scores.csv, scores.xlsx and
scores.png.
"""

from __future__ import annotations

from .rules import Rule, Rules, RulesError, Scale, load_rules
from .sources import RecordsError, read_records, records_from_rows
from .table import OrgScore, ScoreRow, ScoreTable, score_records

__all__ = ["Rule", "Rules", "RulesError", "Scale", "load_rules", "RecordsError", "read_records", "records_from_rows",
           "OrgScore", "ScoreRow", "ScoreTable", "score_records", "score_file"]


def score_file(records_path, rules_path, out_dir, db: str | None = None):
    """Read (a records file, or the run database at ``db``), score and write:
    (ScoreTable, writer outcomes)."""
    from .report import write_scores
    from .sources import read_db

    rules = load_rules(rules_path)
    records = read_db(db) if db else read_records(records_path)
    table = score_records(records, rules)
    return table, write_scores(table, out_dir)
