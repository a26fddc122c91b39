"""Catalog entries and their validation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..resources import DataFileError, is_yaml_error, parse_data_yaml, parse_yaml, read_text

SCHEMA = "reportmine-indicators/1"
DIRECTIONS = ("higher", "lower")
CATEGORIES = ("employment", "social_security", "economy", "fiscal", "investment", "trade", "agriculture",
              "population", "environment", "education", "health", "safety", "public_security",
              "culture_tourism", "party_building", "government")
_ID = re.compile(r"^[a-z_]+\.[a-z0-9_]+$")


class CatalogError(DataFileError):
    """A catalog file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    unit: str | None = None
    direction: str = "higher"
    category: str = ""

    def surface_forms(self) -> tuple[str, ...]:
        return (self.name,) + self.aliases


@dataclass
class Catalog:
    indicators: list[Indicator] = field(default_factory=list)
    source: str = "<memory>"

    def __post_init__(self):
        self.by_id = {i.id: i for i in self.indicators}

    def merged(self, other: "Catalog") -> "Catalog":
        """This catalog with ``other``'s entries added; same ids are replaced."""
        mine = {i.id: i for i in self.indicators}
        mine.update({i.id: i for i in other.indicators})
        return Catalog(list(mine.values()), f"{self.source}+{other.source}")


def _entry(raw, where: str) -> Indicator:
    if not isinstance(raw, dict):
        raise CatalogError(f"{where}: expected a mapping")
    missing = [k for k in ("id", "name", "aliases", "unit", "direction", "category") if k not in raw]
    if missing:
        raise CatalogError(f"{where}: missing keys {missing}")
    if not _ID.match(str(raw["id"])) or str(raw["id"]).split(".")[0] != raw["category"]:
        raise CatalogError(f"{where}: id {raw['id']!r} must be <category>.<snake_case>")
    if raw["direction"] not in DIRECTIONS:
        raise CatalogError(f"{where}: direction must be one of {DIRECTIONS}")
    if raw["category"] not in CATEGORIES:
        raise CatalogError(f"{where}: unknown category {raw['category']!r}")
    aliases = raw["aliases"] or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise CatalogError(f"{where}: aliases must be a list of non-empty strings")
    return Indicator(str(raw["id"]), str(raw["name"]), tuple(aliases), raw["unit"], raw["direction"],
                     raw["category"])


def parse_catalog(text: str, source: str, parse=parse_yaml) -> Catalog:
    try:
        data = parse(text)
    except Exception as exc:
        if is_yaml_error(exc):
            raise CatalogError(f"{source}: {exc}") from exc
        raise
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise CatalogError(f"{source}: schema must be {SCHEMA!r}")
    entries = [_entry(raw, f"{source}: indicators[{i}]") for i, raw in enumerate(data.get("indicators") or [])]
    seen_id, seen_form = set(), {}
    for e in entries:
        if e.id in seen_id:
            raise CatalogError(f"{source}: duplicate id {e.id!r}")
        seen_id.add(e.id)
        for form in e.surface_forms():
            if seen_form.setdefault(form, e.id) != e.id:
                raise CatalogError(f"{source}: {form!r} names both {seen_form[form]} and {e.id}")
    return Catalog(entries, source)


def load_catalog(path: str | Path) -> Catalog:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise CatalogError(f"{p}: {exc.strerror}") from exc
    return parse_catalog(text, str(p))


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    return parse_catalog(read_text("indicators.yaml"), "models/indicators.yaml", parse_data_yaml)
