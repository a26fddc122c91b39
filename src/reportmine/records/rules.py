"""The record builder's language data (data/records.yaml), validated on load."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..resources import DataFileError, compile_pattern, load_yaml, require


@dataclass(frozen=True)
class RecordRules:
    org: "regex.Pattern"
    head_lines: int
    head_chars: int
    baseline: "regex.Pattern"
    sign_window: int
    sign: "regex.Pattern"        # named groups down / up
    anaphora: "regex.Pattern"


@lru_cache(maxsize=1)
def rules() -> RecordRules:
    data = load_yaml("records.yaml")
    require(data, ("org", "baseline_periods", "signs", "anaphora"), "records.yaml")
    require(data["signs"], ("window", "down", "up"), "records.yaml: signs")
    org = data["org"]
    require(org, ("suffixes", "not_start", "chain_stop", "after", "not_after_suffix", "prefixes", "min_name", "head_lines", "head_chars"), "records.yaml: org")
    if not all(isinstance(s, str) and s for s in org["suffixes"] + org["not_start"]):
        raise DataFileError("records.yaml: org.suffixes and org.not_start must be non-empty strings")
    suffixes = "|".join(regex.escape(s) for s in sorted(org["suffixes"], key=len, reverse=True))
    single = [s for s in org["suffixes"] if len(s) == 1]     # 局对照…: a suffix starts no name
    first = "".join(regex.escape(s) for s in org["not_start"] + single)
    stop = "".join(regex.escape(s) for s in org["chain_stop"])
    name = rf"[^\P{{Han}}{first}][^\P{{Han}}{stop}]{{{int(org['min_name']) - 1},8}}?(?:{suffixes})"
    rest = rf"(?:[^\P{{Han}}{stop}]{{0,10}}?(?:{suffixes}))"
    after = "|".join(f"(?:{w})" for w in org["after"])
    not_after = "|".join(regex.escape(w) for w in org["not_after_suffix"])
    prefix = "".join(regex.escape(w) for w in org["prefixes"])
    pattern = compile_pattern(rf"(?:(?<=^|[^\p{{Han}}])|(?<={after}))[{prefix}]?{name}{rest}{{0,3}}(?!{not_after})",
                              "records.yaml: org", regex.M)
    signs = data["signs"]
    sign = compile_pattern(f"(?P<down>{signs['down']})|(?P<up>{signs['up']})", "records.yaml: signs")
    return RecordRules(pattern, int(org["head_lines"]), int(org["head_chars"]),
                    compile_pattern(data["baseline_periods"], "records.yaml: baseline_periods"),
                    int(signs["window"]), sign, compile_pattern(data["anaphora"], "records.yaml: anaphora"))
