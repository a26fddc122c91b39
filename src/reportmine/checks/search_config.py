"""Settings of the relation search (data/checks.yaml, section relation_search),
validated on load."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..resources import DataFileError, compile_pattern, load_yaml, require

_WORDS = ("rate_endings", "measure_words", "fall_words", "rise_words", "compared_fall", "compared_rise", "remainder_words", "count_units", "level_units", "previous_cues", "not_subject_starts",
          "list_marks", "sibling_joins", "total_labels", "share_cues", "head_units", "per_month_words", "lower_better", "closing_words", "source_totals", "per_mille_rates",
          "subtotal_words", "average_after", "pull_words", "person_words", "survey_rates", "contribution_rates")
_INTS = ("points_reach", "total_reach", "parts_reach", "max_parts", "formula_reach", "table_min_rows", "table_flag_rows", "change_reach", "label_reach", "name_reach", "ratio_reach", "ratio_part_name_chars", "whole_reach", "named_whole_reach", "shared_name_chars", "growth_gap",
         "subject_min_chars", "typo_min_digits", "score_group_name_chars", "reading_window", "sibling_reach")
_FLOATS = ("near_miss_siblings", "mean_base_slack", "near_miss_sum_sentence", "near_miss_per_capita", "near_miss_total", "near_miss_sum", "near_miss_share", "near_miss_ratio", "near_miss_growth",
           "near_miss_typo", "reading_slack", "sibling_whole_slack")
_PATTERNS = ("dated_previous", "share_label_trim", "growth_link", "change_cue", "change_before", "subject_compared", "sibling_share", "given_as_share", "growth_tail", "level_tail",
             "gloss", "per_thousand_change", "unit_rest", "scope_label", "sum_cue", "not_part",
             "ocr_garbled", "numbered_item", "point_bracket", "table_total_label", "total_cue", "closing_total", "bracket_open", "bracket_subset", "total_named", "breakdown_cue", "point_label", "point_mark_before", "structure_ratio", "per_capita_cue", "per_many_cue", "respectively_words", "respectively_each",
             "excess_cue", "excess_rate_link", "average_cue",
             "status_part", "change_list_cue", "complement_rate", "deduction_mark",
             "per_heads_suffix", "per_heads_prefix", "trend_list", "better_words", "labelled_row", "score_group_cell", "score_entry_mark", "score_weight_label", "column_plan", "column_done", "column_rate", "per_item_cue", "per_area_cue", "share_label", "ratio_label", "table_not_summed", "table_relation_words",
             "direction_from", "direction_compared", "same_period_compared", "respectively", "list_goes_on",
             "listed_before", "table_cell", "trend_seam", "period_months", "period_until", "period_year",
             "labelled_rate", "counted_unit", "aside_lead", "part_scope",
             "compared_close", "compared_open", "rule_condition_after", "bound_before", "rank_cue", "status_plan", "label_period")


@dataclass(frozen=True)
class SearchConfig:
    rate_endings: tuple[str, ...]
    per_mille_rates: tuple[str, ...]
    fall_words: tuple[str, ...]
    rise_words: tuple[str, ...]
    compared_fall: tuple[str, ...]
    compared_rise: tuple[str, ...]
    count_units: frozenset
    level_units: frozenset
    previous_cues: tuple[str, ...]
    dated_previous: object      # 比2019年的 (checks.yaml inconsistencies.dated_previous_cue)
    not_subject_starts: tuple[str, ...]
    list_marks: tuple[str, ...]
    total_labels: tuple[str, ...]
    measure_words: tuple[str, ...]
    sibling_joins: tuple[str, ...]
    share_cues: tuple[str, ...]
    head_units: tuple[str, ...]
    per_month_words: tuple[str, ...]
    closing_words: tuple[str, ...]
    table_not_summed: object
    table_relation_words: object
    source_totals: tuple[str, ...]
    subtotal_words: tuple[str, ...]
    average_after: tuple[str, ...]
    pull_words: tuple[str, ...]
    person_words: tuple[str, ...]
    survey_rates: tuple[str, ...]
    contribution_rates: tuple[str, ...]
    scale_slips: dict
    points_reach: int
    total_reach: int
    parts_reach: int
    max_parts: int
    formula_reach: int
    table_min_rows: int
    table_flag_rows: int
    change_reach: int
    label_reach: int
    name_reach: int
    ratio_reach: int
    ratio_part_name_chars: int
    whole_reach: int
    named_whole_reach: int
    shared_name_chars: int
    growth_gap: int
    subject_min_chars: int
    typo_min_digits: int
    score_group_name_chars: int
    reading_window: int
    sibling_reach: int
    reading_slack: float
    sibling_whole_slack: float
    near_miss_sum_sentence: float
    near_miss_siblings: float
    near_miss_per_capita: float
    near_miss_total: float
    near_miss_sum: float
    near_miss_share: float
    near_miss_ratio: float
    mean_base_slack: float
    near_miss_growth: float
    near_miss_typo: float
    share_label_trim: object
    growth_link: object
    change_cue: object
    change_before: object
    sibling_share: object
    given_as_share: object
    subject_compared: object
    growth_tail: object
    level_tail: object
    gloss: object
    per_thousand_change: object
    unit_rest: object
    scope_label: object
    sum_cue: object
    not_part: object
    ocr_garbled: object
    numbered_item: object
    point_bracket: object
    table_total_label: object
    total_cue: object
    closing_total: object
    bracket_open: object
    bracket_subset: object
    per_many_cue: object
    respectively_words: object
    respectively_each: object
    total_named: object
    rank_cue: object            # 排名由第15位上升至第6位: places in a ranking rise as they fall
    label_period: object        # 全年 of 占全年任务的: a period that opens a whole's label
    status_plan: object         # 计划列入 beside 已列入: a plan, not a state
    bound_before: object        # 将超28万元, 突破1100亿元: a bound, never an exact figure
    breakdown_cue: object
    trend_list: object
    labelled_row: object
    score_group_cell: object
    score_entry_mark: object
    score_weight_label: object
    column_plan: object
    column_done: object
    column_rate: object
    per_item_cue: object
    per_item_units: dict
    per_area_cue: object
    share_label: object
    ratio_label: object
    mass_units: dict
    area_units: tuple[str, ...]
    better_words: object
    lower_better: tuple
    point_label: object
    structure_ratio: object
    point_mark_before: object
    point_marks: tuple
    per_capita_cue: object
    excess_cue: object
    excess_rate_link: object
    average_cue: object
    status_part: object
    change_list_cue: object
    complement_rate: object
    deduction_mark: object
    per_heads_suffix: object
    per_heads_prefix: object
    remainder_words: tuple[str, ...]
    complement_negations: tuple
    complement_labels: tuple[tuple[str, ...], ...]
    small_numerals: dict
    table_amount_scales: dict
    max_values: dict
    household_person: tuple
    unit_variants: dict
    same_units: dict
    direction_from: object
    direction_link: object
    direction_compared: object
    same_period_compared: object
    respectively: object
    list_goes_on: object
    listed_before: object
    table_cell: object
    table_cell_scales: dict
    trend_seam: object
    period_months: object
    period_until: object
    period_year: object
    named_periods: tuple[tuple[str, tuple[int, ...]], ...]
    labelled_rate: object
    counted_unit: object        # 件数下降27.41%: the unit a change is of, named right before it
    aside_lead: object          # 另被定向录取9人: a clause beside an oversized breakdown
    part_scope: object          # 在税收收入中，: a breakdown of the part so named follows
    compared_close: object      # 相比 after a level: the level is the one compared with
    compared_open: object       # 与… before it, within its clause
    rule_condition_after: object  # 低于80%的，本项不得分: a rule's condition


def _word_sets(raw, where: str) -> tuple[tuple[str, ...], ...]:
    """A list of word lists, each of two words or more."""
    if not isinstance(raw, list) or not all(isinstance(ws, list) and len(ws) >= 2
                                            and all(isinstance(w, str) and w for w in ws) for ws in raw):
        raise DataFileError(f"{where}: 应为词组的列表，每组至少两个非空的词")
    return tuple(tuple(ws) for ws in raw)


@lru_cache(maxsize=1)
def search_config() -> SearchConfig:
    all_data = load_yaml("checks.yaml")
    data = dict(all_data["relation_search"])
    data["previous_cues"] = all_data["inconsistencies"]["previous_level_cues"]
    data["dated_previous"] = all_data["inconsistencies"]["dated_previous_cue"]
    require(data, _WORDS + _INTS + _FLOATS + _PATTERNS + ("max_values", "household_person", "unit_variants", "same_units", "per_item_units", "mass_units", "area_units",
                                                          "point_marks", "small_numerals",
                                                          "table_amount_scales", "complement_negations", "complement_labels", "scale_slip_prefixes",
                                                          "direction_link", "table_cell_scales", "named_periods"),
            "checks.yaml: relation_search")
    where = "checks.yaml: relation_search"
    values = {k: tuple(data[k]) for k in _WORDS}
    values["count_units"] = frozenset(data["count_units"])
    values["level_units"] = frozenset(data["level_units"])
    values.update({k: int(data[k]) for k in _INTS})
    values.update({k: float(data[k]) for k in _FLOATS})
    values.update({k: compile_pattern(data[k], f"{where}: {k}") for k in _PATTERNS})
    values["point_marks"] = tuple(compile_pattern(p, f"{where}: point_marks") for p in data["point_marks"])
    values["max_values"] = {str(k): float(v) for k, v in data["max_values"].items()}
    values["household_person"] = tuple(data["household_person"])
    values["unit_variants"] = {str(k): str(v) for k, v in data["unit_variants"].items()}
    values["same_units"] = {str(k): str(v) for k, v in data["same_units"].items()}
    values["per_item_units"] = {str(k): str(v) for k, v in data["per_item_units"].items()}
    values["mass_units"] = {str(k): float(v) for k, v in data["mass_units"].items()}
    values["area_units"] = tuple(str(u) for u in data["area_units"])
    values["complement_negations"] = tuple(data["complement_negations"])
    values["complement_labels"] = _word_sets(data["complement_labels"], f"{where}: complement_labels")
    values["table_amount_scales"] = {str(k): float(v) for k, v in data["table_amount_scales"].items()}
    values["small_numerals"] = {str(k): int(v) for k, v in data["small_numerals"].items()}
    values["direction_link"] = _direction_link(data, where)
    values["table_cell_scales"] = _scales(data["table_cell_scales"], f"{where}: table_cell_scales")
    values["named_periods"] = _named_periods(data["named_periods"], f"{where}: named_periods")
    values["scale_slips"] = _scale_slips(data["scale_slip_prefixes"], f"{where}: scale_slip_prefixes")
    return SearchConfig(**values)


def _scale_slips(prefixes, where: str) -> dict[str, float]:
    """The prefixes with their multipliers from units.yaml, and none (1)."""
    from ..quantities.lexicon import lexicon

    multipliers = lexicon().multipliers
    if not isinstance(prefixes, list) or not prefixes or not all(isinstance(p, str) and p in multipliers for p in prefixes):
        raise DataFileError(f"{where} 应为 units.yaml 倍数（multipliers）中的前缀列表")
    return {"": 1.0, **{p: float(multipliers[p]) for p in prefixes}}


def _direction_link(data: dict, where: str):
    """direction_link with its {verbs} filled: the rise and fall words, longest first."""
    template = data["direction_link"]
    if not isinstance(template, str) or "{verbs}" not in template:
        raise DataFileError(f"{where}: direction_link 应含 {{verbs}}（升降词的位置）")
    verbs = sorted(map(regex.escape, {*data["rise_words"], *data["fall_words"]}), key=lambda w: (-len(w), w))
    return compile_pattern(template.replace("{verbs}", "|".join(verbs)), f"{where}: direction_link")


def _scales(scales, where: str) -> dict[str, float]:
    if not isinstance(scales, dict) or not scales or not all(isinstance(k, str) and k and isinstance(v, (int, float))
                                                             and v > 0 for k, v in scales.items()):
        raise DataFileError(f"{where} 应为非空的单位与倍数表")
    return {k: float(v) for k, v in scales.items()}


def _named_periods(periods, where: str) -> tuple[tuple[str, tuple[int, ...]], ...]:
    def valid(entry) -> bool:
        return isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], str) and entry[0] \
            and isinstance(entry[1], list) and entry[1] and all(isinstance(n, int) and n > 0 for n in entry[1])
    if not isinstance(periods, list) or not periods or not all(valid(e) for e in periods):
        raise DataFileError(f"{where} 应为非空的（时期词, [天数…]）表")
    return tuple((word, tuple(days)) for word, days in periods)
