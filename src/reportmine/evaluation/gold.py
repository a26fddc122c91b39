"""Gold files and predictions for scoring (GUIDE.md, schema ``reportmine-gold/1``).

``load_gold_dir`` reads ``<doc>.gold.json`` files and validates them, raising
:class:`GoldError` with the file and the entry at fault. Predictions are read
as tolerantly as the reference scorer (``shared/gold/score.py``) reads them:
any JSON with ``quantities`` and ``flags`` lists, a list of such documents
(the first is taken) or ``{"document": {...}}``; in memory they may also be
lists of :class:`~reportmine.document.Quantity` / ``Flag`` objects.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

GOLD_SCHEMA = "reportmine-gold/1"
GOLD_SUFFIX = ".gold.json"
PRED_SUFFIX = ".json"
FLAG_TYPES = ("placeholder", "missing_number", "inconsistency")
ROLES = ("actual", "completion_rate", "target", "basic_target", "full_target",
         "forecast", "growth", "difference", "other")
APPROX = (None, "more", "less", "about")


class GoldError(ValueError):
    """A gold file that does not follow the schema; says which file and entry."""


@dataclass
class GoldDoc:
    doc: str
    quantities: list[dict]
    flags: list[dict]
    sha256: str | None = None
    path: str | None = None


@dataclass
class Prediction:
    quantities: list[dict] = field(default_factory=list)
    flags: list[dict] = field(default_factory=list)


# -- gold --------------------------------------------------------------------

def _check_span(entry: Any, where: str) -> None:
    if not isinstance(entry, dict):
        raise GoldError(f"{where}: expected an object, got {type(entry).__name__}")
    for key in ("start", "end"):
        if not isinstance(entry.get(key), int) or isinstance(entry.get(key), bool):
            raise GoldError(f"{where}: '{key}' must be an integer, got {entry.get(key)!r}")
    if not 0 <= entry["start"] <= entry["end"]:
        raise GoldError(f"{where}: bad span {entry['start']}..{entry['end']}")
    if not isinstance(entry.get("text"), str):
        raise GoldError(f"{where}: 'text' must be a string")


def _check_quantity(q: Any, where: str) -> None:
    _check_span(q, where)
    for key in ("value", "norm_value"):
        v = q.get(key)
        if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
            raise GoldError(f"{where}: '{key}' must be a number or null, got {v!r}")
    for key in ("unit", "norm_unit", "indicator", "period"):
        if q.get(key) is not None and not isinstance(q[key], str):
            raise GoldError(f"{where}: '{key}' must be a string or null, got {q[key]!r}")
    if q.get("approx") not in APPROX:
        raise GoldError(f"{where}: 'approx' must be one of {APPROX}, got {q.get('approx')!r}")
    if q.get("role") not in ROLES:
        raise GoldError(f"{where}: 'role' must be one of {ROLES}, got {q.get('role')!r}")


def _check_flag(f: Any, where: str) -> None:
    _check_span(f, where)
    if f.get("type") not in FLAG_TYPES:
        raise GoldError(f"{where}: 'type' must be one of {FLAG_TYPES}, got {f.get('type')!r}")


def validate_gold(data: Any, source: str = "<gold>") -> GoldDoc:
    """Check one parsed gold file against the schema and return it as a GoldDoc."""
    if not isinstance(data, dict):
        raise GoldError(f"{source}: expected a JSON object at top level")
    if data.get("schema") != GOLD_SCHEMA:
        raise GoldError(f"{source}: schema is {data.get('schema')!r}, expected {GOLD_SCHEMA!r}")
    if not isinstance(data.get("doc"), str) or not data["doc"]:
        raise GoldError(f"{source}: 'doc' must be the source file name")
    for key in ("quantities", "flags"):
        if not isinstance(data.get(key), list):
            raise GoldError(f"{source}: '{key}' must be a list")
    for i, q in enumerate(data["quantities"]):
        _check_quantity(q, f"{source}: quantities[{i}]")
    for i, f in enumerate(data["flags"]):
        _check_flag(f, f"{source}: flags[{i}]")
    return GoldDoc(doc=data["doc"], quantities=data["quantities"], flags=data["flags"],
                   sha256=data.get("sha256"), path=None if source == "<gold>" else source)


def load_gold_file(path: str | Path) -> GoldDoc:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot read gold file ({exc})") from exc
    gold = validate_gold(data, str(path))
    expected = path.name[: -len(GOLD_SUFFIX)]
    if gold.doc != expected:
        raise GoldError(f"{path}: 'doc' is {gold.doc!r} but the file name says {expected!r}")
    return gold


def load_gold_dir(path: str | Path) -> list[GoldDoc]:
    """All ``*.gold.json`` files of a directory, in file-name order."""
    path = Path(path)
    if not path.is_dir():
        raise GoldError(f"{path}: not a directory")
    return [load_gold_file(p) for p in sorted(path.glob("*" + GOLD_SUFFIX))]


# -- predictions ---------------------------------------------------------------

def _as_dict(item: Any) -> Any:
    if isinstance(item, dict):
        return item
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        return dataclasses.asdict(item)
    if hasattr(item, "to_dict"):
        return item.to_dict()
    if hasattr(item, "__dict__"):
        return dict(vars(item))
    return item


def prediction_from(data: Any) -> Prediction:
    """Read one document's prediction the way score.py's ``load_pred`` does."""
    if isinstance(data, Prediction):
        return data
    if isinstance(data, tuple) and len(data) == 2:
        quantities, flags = data
    else:
        if isinstance(data, list):  # a list of documents: take the first
            data = data[0] if data else {}
        data = _as_dict(data)
        if not isinstance(data, dict):
            return Prediction()
        if "document" in data and "quantities" not in data:
            data = _as_dict(data["document"])
        quantities, flags = data.get("quantities") or [], data.get("flags") or []
    return Prediction([_as_dict(q) for q in quantities or []], [_as_dict(f) for f in flags or []])


def load_pred_file(path: str | Path) -> Prediction:
    return prediction_from(json.loads(Path(path).read_text(encoding="utf-8")))


def load_pred_dir(path: str | Path, docs: Iterable[str]) -> dict[str, Prediction]:
    """Predictions ``<doc>.json`` for the given docs; docs without a file are left out."""
    path = Path(path)
    out = {}
    for doc in docs:
        p = path / (doc + PRED_SUFFIX)
        if p.exists():
            out[doc] = load_pred_file(p)
    return out


def predictions_from(mapping: Mapping[str, Any]) -> dict[str, Prediction]:
    """In-memory predictions: doc name -> anything :func:`prediction_from` reads."""
    return {doc: prediction_from(data) for doc, data in mapping.items()}


# -- source texts --------------------------------------------------------------

def load_sources(source: str | Path | Mapping[str, str] | None,
                 docs: Iterable[str]) -> dict[str, str]:
    """Source texts by doc name, from a directory of files or a mapping; missing ones skipped."""
    if source is None:
        return {}
    if isinstance(source, Mapping):
        return {d: source[d] for d in docs if d in source}
    out = {}
    for doc in docs:
        p = Path(source) / doc
        if p.is_file():
            out[doc] = p.read_bytes().decode("utf-8", errors="replace")
    return out
