"""The record columns, in order, with their types: the interface that every
exporter, the run database and the JSON Schema (schema.json) share.

Types: ``string``, ``number`` (float), ``integer``, ``strings`` (a list of
strings). Every column but ``record_id``, ``doc``, ``doc_sha256``, ``status``,
``flag_codes``, ``quote``, ``start`` and ``end`` may be empty (None): a value
the text does not give is empty, never 0.
"""

from __future__ import annotations

from dataclasses import dataclass

# /2 adds the optional REVIEW_COLUMNS (reviewed exports); every /1 record is a valid /2 record
SCHEMA_ID = "reportmine-record/2"


@dataclass(frozen=True)
class Column:
    name: str
    type: str                 # string | number | integer | strings
    nullable: bool = True
    doc: str = ""


COLUMNS: tuple[Column, ...] = (
    Column("record_id", "string", False, "stable id: first 16 hex of the document's sha256 and the "
           "offset of the claim's first quantity (never the path)"),
    Column("doc", "string", False, "file name"),
    Column("doc_sha256", "string", False, "sha256 of the file bytes"),
    Column("article", "integer", True, "index of the article (篇) in a file that bundles several"),
    Column("org", "string", True, "reporting unit: the list item's subject, else the report's "
           "title or head, else the file name"),
    Column("indicator", "string", True, "the indicator phrase as written"),
    Column("indicator_id", "string", True, "catalog id"),
    Column("indicator_name", "string", True, "catalog name"),
    Column("period", "string", True, "period phrase (全年, 1-7月份, 2010年)"),
    Column("actual", "number", True, "achieved or current value (norm_value)"),
    Column("actual_unit", "string", True, "base unit of actual (元, 人, ratio); without an actual, "
           "of the first target, basic_target, full_target or forecast"),
    Column("target", "number", True, "target (norm_value)"),
    Column("basic_target", "number", True, "basic target, 基本任务 (norm_value)"),
    Column("full_target", "number", True, "full-score target, 满分指标 (norm_value)"),
    Column("forecast", "number", True, "forecast, 预计/预测 (norm_value)"),
    Column("completion_rate", "number", True, "completion rate as reported (ratio: 1.15 = 115%)"),
    Column("computed_completion_rate", "number", True, "actual / target when both are known "
           "in the same unit"),
    Column("growth", "number", True, "change against an earlier period (norm_value: ratio, "
           "ratio_point or the indicator's unit)"),
    Column("difference", "number", True, "gap to a target, benchmark or other unit (norm_value)"),
    Column("direction", "string", True, "higher or lower is better, from the catalog"),
    Column("setter", "string", True, "who set the target (局, 市局, 省)"),
    Column("flag_codes", "strings", False, "codes of the review flags on the claim's quantities"),
    Column("status", "string", False, "ok, or flagged when flag_codes is not empty"),
    Column("quote", "string", False, "the sentence (or table row) the claim is read from"),
    Column("start", "integer", False, "offset of the claim's first quantity in the canonical text"),
    Column("end", "integer", False, "end offset of the claim's last quantity"),
    Column("page", "integer", True, "1-based page (PDF only)"),
)

# `reportmine export --db` (reviewed records) appends these; `analyze` leaves them out
REVIEW_COLUMNS: tuple[Column, ...] = (
    Column("review_status", "string", True, "the document's review status: new, in_review, approved "
           "or returned"),
    Column("reviewed_by", "string", True, "who last confirmed or corrected a value of the record "
           "(else who approved the document)"),
    Column("reviewed_at", "string", True, "when (ISO 8601, UTC)"),
    Column("corrected_fields", "strings", False, "the columns whose value a reviewer corrected"),
    Column("original_values", "string", True, "the extracted values of the corrected columns, "
           "as a JSON object ({\"actual\": 9207.0})"),
)

NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
REVIEW_NAMES: tuple[str, ...] = tuple(c.name for c in REVIEW_COLUMNS)
VALUE_ROLES: tuple[str, ...] = ("actual", "target", "basic_target", "full_target", "forecast",
                                "completion_rate", "growth", "difference")

# flags.csv and the xlsx `flags` sheet
FLAG_NAMES: tuple[str, ...] = ("doc", "doc_sha256", "code", "type", "subtype", "severity", "message",
                               "text", "start", "end", "article", "page", "note", "arithmetic",
                               "record_ids")
# the xlsx `documents` sheet
DOCUMENT_NAMES: tuple[str, ...] = ("doc", "doc_sha256", "path", "format", "status", "error_code",
                                   "error_message", "pages", "length", "quantities", "records",
                                   "flags", "warnings")
