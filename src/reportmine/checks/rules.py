"""Check patterns from data/checks.yaml, compiled once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import DataFileError, compile_pattern, load_yaml, require, word_list


@dataclass(frozen=True)
class Rules:
    marks: frozenset
    token: object
    date: object
    name_suffixes: tuple[str, ...]
    ordinal_suffixes: tuple[str, ...]
    min_star_run: int
    min_box_run: int
    name_window: int
    operators: frozenset
    decoration: frozenset
    emphasis: object
    words: tuple[str, ...]                  # words a mark begins (X光, x轴): no mark
    page_after: object                      # 第1页 after a mark: a file name's separator
    times_hundred: object                   # X 100% written for ×100%
    rate_units: object
    scaled_units: object
    scaled_not_before: tuple[str, ...]
    scaled_modifier: object
    scaled_not_after: frozenset
    scaled_class: object
    scaled_phrase: object
    number_chars: frozenset
    bare_classifier: object
    unit_missing: object
    label_before: tuple[str, ...]
    amount_slot: object
    blank_slot: object
    numeral_slot: object
    rate_cut: object
    page_marker: object
    list_marker: object


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _alt_wrapped(words) -> str:
    """Also match a unit broken by a line end: 个百\n分点."""
    return "|".join("(?:\r?\n)?".join(re.escape(ch) for ch in w) for w in sorted(words, key=len, reverse=True))


def _any_of(patterns, where: str):
    """One pattern, or a list of alternatives compiled as one."""
    if isinstance(patterns, str):
        patterns = [patterns]
    if not patterns or not all(isinstance(p, str) for p in patterns):
        raise DataFileError(f"{where}: expected a pattern or a list of patterns")
    return compile_pattern("|".join(f"(?:{p})" for p in patterns), where)


@lru_cache(maxsize=1)
def rules() -> Rules:
    data = load_yaml("checks.yaml")
    require(data, ("placeholders", "missing_numbers"), "checks.yaml")
    return Rules(**_placeholder_rules(data["placeholders"]), **_missing_rules(data["missing_numbers"]))


def _placeholder_rules(ph: dict) -> dict:
    require(ph, ("marks", "token", "date", "name_suffixes", "ordinal_suffixes", "min_star_run", "min_box_run",
                 "name_window", "operators", "decoration", "emphasis", "page_after", "times_hundred"), "checks.yaml: placeholders")
    return dict(
        marks=frozenset(ph["marks"]),
        token=compile_pattern(ph["token"], "checks.yaml: placeholders.token"),
        date=compile_pattern(ph["date"], "checks.yaml: placeholders.date"),
        name_suffixes=tuple(sorted(ph["name_suffixes"], key=len, reverse=True)),
        ordinal_suffixes=tuple(ph["ordinal_suffixes"]),
        min_star_run=int(ph["min_star_run"]),
        min_box_run=int(ph["min_box_run"]),
        name_window=int(ph["name_window"]),
        operators=frozenset(ph["operators"]),
        decoration=frozenset(ph["decoration"]),
        emphasis=compile_pattern(ph["emphasis"], "checks.yaml: placeholders.emphasis"),
        page_after=compile_pattern(ph["page_after"], "checks.yaml: placeholders.page_after"),
        times_hundred=compile_pattern(ph["times_hundred"], "checks.yaml: placeholders.times_hundred"),
        words=word_list(ph, "words", "checks.yaml: placeholders") if "words" in ph else ("\0",),
    )


def _missing_rules(mn: dict) -> dict:
    require(mn, ("rate_units", "scaled_units", "scaled_not_before", "scaled_not_after", "number_chars",
                 "bare_classifier", "unit_missing", "label_before", "amount_slot", "numeral_slot",
                 "rate_cut", "page_marker", "list_marker"), "checks.yaml: missing_numbers")
    return dict(
        rate_units=compile_pattern(f"(?:{_alt_wrapped(mn['rate_units'])})", "checks.yaml: rate_units"),
        scaled_units=compile_pattern(f"(?:{_alt(mn['scaled_units'])})", "checks.yaml: scaled_units"),
        scaled_not_before=tuple(mn["scaled_not_before"]),
        scaled_not_after=frozenset(mn["scaled_not_after"]),
        scaled_class=compile_pattern(mn.get("scaled_class") or "(?!)", "checks.yaml: scaled_class"),
        scaled_phrase=compile_pattern(mn.get("scaled_phrase") or "(?!)", "checks.yaml: scaled_phrase"),
        scaled_modifier=compile_pattern(mn.get("scaled_modifier") or "(?!)", "checks.yaml: scaled_modifier"),
        number_chars=frozenset(mn["number_chars"]),
        bare_classifier=compile_pattern(mn["bare_classifier"], "checks.yaml: bare_classifier"),
        unit_missing=_any_of(mn["unit_missing"], "checks.yaml: unit_missing"),
        label_before=tuple(mn["label_before"]),
        amount_slot=compile_pattern(mn["amount_slot"], "checks.yaml: amount_slot"),
        blank_slot=compile_pattern(mn.get("blank_slot") or "(?!)", "checks.yaml: blank_slot"),
        numeral_slot=_any_of(mn["numeral_slot"], "checks.yaml: numeral_slot"),
        rate_cut=compile_pattern(mn["rate_cut"], "checks.yaml: rate_cut"),
        page_marker=compile_pattern(mn["page_marker"], "checks.yaml: page_marker"),
        list_marker=compile_pattern(mn["list_marker"], "checks.yaml: list_marker"),
    )
