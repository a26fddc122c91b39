"""Units, multipliers, approximation words and context rules, from data files."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..numerals import tables as numeral_tables
from ..resources import DataFileError, load_yaml, require, word_list

APPROX = ("more", "less", "about")


@dataclass(frozen=True)
class Unit:
    unit: str
    norm: str
    factor: float = 1.0
    scalable: bool = True
    cn_ok: bool = False
    arabic_only: bool = False
    not_before: tuple[str, ...] = ()
    except_before: tuple[str, ...] = ()    # 260项目标任务: 项 before 目标 is still 项


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, Unit]
    tenth: Unit
    multipliers: dict[str, int]
    special: dict[str, dict]
    approx_before: dict[str, str]
    approx_inner: dict[str, str]
    approx_after: dict[str, str]
    ordinal_before: frozenset
    rank_before: frozenset
    rank_units: frozenset
    placeholder_before: frozenset
    descriptor_units: frozenset
    cn_word_before: frozenset
    cn_rhetorical_after: tuple[str, ...]
    cn_count_cues: tuple[str, ...]
    cn_count_units: frozenset[str]
    cn_count_end: str
    cn_count_end_one: frozenset
    cn_count_end_not: frozenset
    time_after: tuple[str, ...]
    duration_units: frozenset
    duration_before: tuple[str, ...]
    duration_after: tuple[str, ...]
    bare_after: str
    bare_unit_numeral_before: str
    clock_units: frozenset
    clock_before: frozenset
    bare_max_digits: int
    post_approx_not_before: tuple[str, ...]
    list_separators: tuple[str, ...]
    list_words_max: int
    arithmetic_ops: str
    score_before: tuple[str, ...]
    reference_before: tuple[str, ...]
    label_before: tuple[str, ...]
    per_denominators: tuple[str, ...] = ()     # 3.2元/公斤: what a price or a yield is per
    per_scales: tuple[str, ...] = ()           # 0.58吨标准煤/万元: the scale a denominator may take


def _unit(entry: dict, where: str) -> Unit:
    require(entry, ("unit", "norm"), where)
    factor = entry.get("factor", 1)
    if not isinstance(factor, (int, float)) or factor <= 0:
        raise DataFileError(f"{where}: factor of {entry['unit']!r} must be a positive number")
    return Unit(str(entry["unit"]), str(entry["norm"]), float(factor), bool(entry.get("scalable", True)),
                bool(entry.get("cn_ok", False)), bool(entry.get("arabic_only", False)), tuple(entry.get("not_before") or ()),
                tuple(entry.get("except_before") or ()))


def _approx(table: dict, where: str) -> dict[str, str]:
    for word, kind in table.items():
        if kind not in APPROX:
            raise DataFileError(f"{where}: {word!r} has approx {kind!r}, expected one of {APPROX}")
    return dict(table)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_yaml("units.yaml")
    require(data, ("multipliers", "units", "special", "tenth"), "units.yaml")
    units: dict[str, Unit] = {}
    for entry in data["units"]:
        u = _unit(entry, "units.yaml: units")
        if u.unit in units:
            raise DataFileError(f"units.yaml: duplicate unit {u.unit!r}")
        units[u.unit] = u
    for entry in data["special"]:
        require(entry, ("text", "value", "unit", "norm_value", "norm"), "units.yaml: special")
    approx = load_yaml("approx.yaml")
    require(approx, ("before", "inner", "after"), "approx.yaml")
    ctx = load_yaml("quantities.yaml")
    keys = ("ordinal_before", "rank_before", "rank_units", "placeholder_before", "descriptor_units", "cn_word_before", "cn_rhetorical_after", "cn_count_cues", "cn_count_units", "time_after",
            "duration_units", "duration_before", "duration_after", "bare_after", "bare_unit_numeral_before",
            "clock_units", "clock_before", "bare_max_digits", "post_approx_not_before",
            "list_separators", "list_words_max", "arithmetic_ops", "score_before", "reference_before",
            "label_before")
    require(ctx, keys, "quantities.yaml")
    numeral_tables()  # validated there
    return Lexicon(
        units=units,
        tenth=_unit(data["tenth"], "units.yaml: tenth"),
        multipliers={str(k): int(v) for k, v in data["multipliers"].items()},
        special={e["text"]: e for e in data["special"]},
        approx_before=_approx(approx["before"], "approx.yaml: before"),
        approx_inner=_approx(approx["inner"], "approx.yaml: inner"),
        approx_after=_approx(approx["after"], "approx.yaml: after"),
        ordinal_before=frozenset(ctx["ordinal_before"]),
        rank_before=frozenset(ctx["rank_before"]),
        rank_units=frozenset(ctx["rank_units"]),
        placeholder_before=frozenset(ctx["placeholder_before"]),
        descriptor_units=frozenset(ctx["descriptor_units"]),
        cn_word_before=frozenset(ctx["cn_word_before"]),
        cn_rhetorical_after=tuple(sorted(ctx["cn_rhetorical_after"], key=len, reverse=True)),
        cn_count_cues=tuple(sorted(ctx["cn_count_cues"], key=len, reverse=True)),
        cn_count_units=frozenset(ctx["cn_count_units"]),
        cn_count_end=str(ctx.get("cn_count_end") or ""),
        cn_count_end_one=frozenset(ctx.get("cn_count_end_one") or ()),
        cn_count_end_not=frozenset(ctx.get("cn_count_end_not") or ()),
        time_after=tuple(ctx["time_after"]),
        duration_units=frozenset(ctx["duration_units"]),
        duration_before=tuple(ctx["duration_before"]),
        duration_after=tuple(ctx["duration_after"]),
        bare_after=str(ctx["bare_after"]),
        bare_unit_numeral_before=str(ctx["bare_unit_numeral_before"]),
        clock_units=frozenset(ctx["clock_units"]),
        clock_before=frozenset(ctx["clock_before"]),
        bare_max_digits=int(ctx["bare_max_digits"]),
        post_approx_not_before=tuple(ctx["post_approx_not_before"]),
        list_separators=tuple(str(w) for w in ctx["list_separators"]),
        list_words_max=int(ctx["list_words_max"]),
        arithmetic_ops=str(ctx["arithmetic_ops"]),
        score_before=tuple(ctx["score_before"]),
        reference_before=tuple(ctx["reference_before"]),
        label_before=tuple(ctx["label_before"]),
        per_denominators=(tuple(sorted(word_list(data, "per_denominators", "units.yaml"), key=len, reverse=True))
                          if "per_denominators" in data else ()),
        per_scales=(tuple(sorted(word_list(data, "per_scales", "units.yaml"), key=len, reverse=True))
                    if "per_scales" in data else ()),
    )


def approx_after(lex: Lexicon, text: str, pos: int, limit: int) -> str | None:
    """The longest approximation word written right after ``pos`` (以上, 左右), ending by ``limit``."""
    return max((w for w in lex.approx_after if text.startswith(w, pos) and pos + len(w) <= limit),
               key=len, default=None)


def approx_before(lex: Lexicon, text: str, pos: int, low: int) -> str | None:
    """The longest approximation word written right before ``pos`` (约, 近), starting at ``low`` or after."""
    return max((w for w in lex.approx_before if pos - len(w) >= low and text.startswith(w, pos - len(w))),
               key=len, default=None)
