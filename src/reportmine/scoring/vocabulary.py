"""The scoring vocabulary in src/reportmine/data/scoring.yaml, validated on load."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import regex

from ..resources import DataFileError, load_yaml, require


@lru_cache(maxsize=1)
def _data() -> dict:
    data = load_yaml("scoring.yaml")
    require(data, ("tiers", "alias_separators", "fonts"), "scoring.yaml")
    for t in data["tiers"]:
        require(t, ("name", "coef"), "scoring.yaml: tiers")
    coefs = [Decimal(str(t["coef"])) for t in data["tiers"]]
    if coefs != sorted(coefs, reverse=True) or len(set(coefs)) != len(coefs):
        raise DataFileError("scoring.yaml: tier coefficients must fall strictly from the best tier")
    if not data["alias_separators"] or not data["fonts"]:
        raise DataFileError("scoring.yaml: alias_separators and fonts must not be empty")
    return data


def tiers() -> tuple[tuple[str, Decimal], ...]:
    """(standard, coefficient), best first: (优秀, 1.0) … (较差, 0.2)."""
    return tuple((t["name"], Decimal(str(t["coef"]))) for t in _data()["tiers"])


def tier_names() -> tuple[str, ...]:
    return tuple(name for name, _ in tiers())


def font_families() -> tuple[str, ...]:
    return tuple(_data()["fonts"])


@lru_cache(maxsize=1)
def _separator():
    return regex.compile("|".join(regex.escape(s) for s in _data()["alias_separators"]))


def split_aliases(text: str) -> list[str]:
    """'新增城镇就业、城镇新增就业人数' -> two aliases."""
    return [a.strip() for a in _separator().split(text) if a.strip()]
