"""Records: the product's main table, one row per indicator claim.

>>> from reportmine.records import build_records, COLUMNS, load_schema
>>> rows = build_records(doc)            # doctest: +SKIP

``COLUMNS`` (records/columns.py) is the ordered column list with types;
``schema.json`` (``load_schema()``) is its versioned JSON Schema
(``reportmine-record/2``: the record columns, and the optional review columns
that reviewed exports add) that every export validates against.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from .build import build_records, build_tables, flag_row, group_claims
from .columns import (COLUMNS, DOCUMENT_NAMES, FLAG_NAMES, NAMES, REVIEW_COLUMNS, REVIEW_NAMES, SCHEMA_ID,
                      VALUE_ROLES, Column)

__all__ = ["build_records", "build_tables", "flag_row", "group_claims", "COLUMNS", "NAMES", "FLAG_NAMES", "DOCUMENT_NAMES",
           "SCHEMA_ID", "VALUE_ROLES", "REVIEW_COLUMNS", "REVIEW_NAMES", "Column", "load_schema", "json_schema"]

_JSON_TYPES = {"string": "string", "number": "number", "integer": "integer"}


@lru_cache(maxsize=1)
def load_schema() -> dict:
    """The shipped JSON Schema of a record (records/schema.json)."""
    return json.loads(resources.files(__package__).joinpath("schema.json").read_text(encoding="utf-8"))


def json_schema() -> dict:
    """The JSON Schema that COLUMNS describe; schema.json is this, written out
    (``python -m reportmine.records`` regenerates it; a test compares)."""
    props = {}
    for c in COLUMNS + REVIEW_COLUMNS:
        if c.type == "strings":
            spec: dict = {"type": "array", "items": {"type": "string"}}
        else:
            spec = {"type": [_JSON_TYPES[c.type], "null"] if c.nullable else _JSON_TYPES[c.type]}
        if c.name == "status":
            spec["enum"] = ["ok", "flagged"]
        if c.name == "direction":
            spec["enum"] = ["higher", "lower", None]
        spec["description"] = c.doc
        props[c.name] = spec
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": "reportmine completion record",
            "description": "version 2 adds the optional review columns of reviewed exports "
                           "(reportmine export --db); a version 1 record is a valid version 2 record",
            "$comment": "generated from src/reportmine/records/columns.py by python -m reportmine.records",
            "type": "object", "properties": props, "required": list(NAMES),
            "additionalProperties": False}
