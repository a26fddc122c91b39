"""Claim cues from data/claims.yaml, compiled once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import regex

from ..resources import DataFileError, compile_pattern, load_yaml, require, word_list
from .switches import RULES, is_on

ROLES = ("actual", "completion_rate", "target", "basic_target", "full_target", "forecast",
         "growth", "difference", "other")
# when two cues end at the same place, the earlier role in this list wins
PRIORITY = ("basic_target", "full_target", "completion_rate", "forecast", "growth", "difference",
            "target", "other")


@dataclass(frozen=True)
class TextMarks:
    """claims.yaml text_marks: list separators and list cues, place and
    subject suffixes, heading and list markers; each pattern or set built once."""

    list_gap: frozenset             # the list separators and a space (3个、5个和2个)
    no_list_gap: dict               # a str.translate table deleting them
    list_split: "regex.Pattern"     # one separator: a listed indicator split into its items
    list_join: "regex.Pattern"      # separators, commas and spaces only: two items of one 分别 list
    division_gap: "regex.Pattern"   # between two counts of divisions (6镇1乡, 3个社区，68个居民小组)
    has_list_cue: Callable[[str], bool]     # whether a text holds one of list_cues (分别, 依次)
    list_cue: "regex.Pattern"       # one of them
    list_head: "regex.Pattern"      # one of them with its copula and colon (依次为:)
    list_subject: "regex.Pattern"   # a reporting unit ending the text before a list item (、乙区)
    list_subject_verb: "regex.Pattern"  # the verb after a listed indicator's subject (实现)
    list_item_measure: "regex.Pattern"  # a listed item ending in its own count or rate (事故起数)
    place: "regex.Pattern"          # a place name (甲县, 城东区), matched whole
    scope_end: "regex.Pattern"      # what ends a forecast's or a target list's scope
    heading_noise: "regex.Pattern"  # a list or heading marker opening a phrase (一是, （二）, 第三,)
    run_in_heading: "regex.Pattern" # a heading run into its text; group 1 its title
    next_heading_mark: "regex.Pattern"
    title_line_stop: "regex.Pattern"  # a line holding it is no bare heading title
    title_line_end: "regex.Pattern"   # a line that ends a bare title's lines
    record_label: "regex.Pattern"     # label：value, the label before its colon
    record_breaks: tuple[str, ...]    # where a record starts
    record_label_not: "regex.Pattern"  # a label ending so is no header (人均补助标准)
    class_gap: "regex.Pattern"      # between the classes of one list (1-3亿元、3-5亿元)
    attributive: str                # 的
    qualify_class: tuple[str, ...]  # 级, 类, 型
    qualify_parent: tuple[str, ...] # 率, 数, …: cut from a parent indicator, first that ends it
    has_score_unit: Callable[[str], bool]   # whether a text holds one of score_units (分)


@dataclass(frozen=True)
class Cues:
    before: "regex.Pattern"          # one alternation, a named group per role
    before_early: tuple              # (role, patterns): the before-cues as listed, without late_cues
    late_cues: tuple                 # (switch, role, patterns) added after reading dev documents
    after: "regex.Pattern"
    forecast: "regex.Pattern"        # the forecast cues alone (a forecast's scope)
    other_units: frozenset
    other_units_measured: "regex.Pattern"   # 平均年龄46.7岁: an age that is a measure's value
    score_units: frozenset
    reference_tails: tuple[str, ...]
    colon_leads: tuple[str, ...]
    colon_list_leads: tuple[str, ...]
    comparison_words: tuple[str, ...]
    issuer_verbs: tuple[str, ...]    # 市商务局下达我县…: the words before them name who assigned
    score_award: tuple[str, ...]
    score_condition: "regex.Pattern | None"
    score_condition_basic: "regex.Pattern"
    divisions: frozenset
    divisions_long: tuple[str, ...]
    division_classifiers: frozenset
    background_scope: tuple[str, ...]
    background_done: "regex.Pattern"
    levels: tuple[str, ...]
    named_first: tuple[str, ...]     # 内设科室9个: verbs before an organisation's units named first
    composition_before: tuple[str, ...]  # 下设6个: a body's make-up (stop 30, background_forms)
    composition_by: "regex.Pattern"
    composition_frame_end: "regex.Pattern"
    composition_split: "regex.Pattern"
    composition_split_bare: "regex.Pattern"
    composition_split_units: frozenset
    examples: "regex.Pattern"            # 如某贷户…: a sentence giving an example
    threshold_before: tuple[str, ...]    # 超过30万元的村: a bound qualifying a noun
    threshold_after: "regex.Pattern"
    location_before: "regex.Pattern"     # 距县城18公里: where a place lies
    length_units: frozenset
    territory_area: "regex.Pattern | None"   # 国土面积561平方公里: the place's own area (stop 34, territory_area)
    area_units: frozenset
    subject_scope: "regex.Pattern | None"    # 纳入统计的14个景区…: the count is the clause's subject (stop 34)
    subject_units: frozenset
    subject_verbs: "regex.Pattern | None"
    subject_average: "regex.Pattern | None"
    subject_among: "regex.Pattern | None"    # 1280个断面中，…: the bodies a share is over (stop 38)
    rank_before: "regex.Pattern | None"      # 位居9县（区）第二: the bodies a rank is among (stop 38)
    rank_after: "regex.Pattern | None"
    rank_among: "regex.Pattern | None"       # 在全省18个设区市中居第5位 (stop 39)
    profile: "regex.Pattern | None"          # 某医院位于…: a sentence describing its subject (stop 38)
    profile_units: frozenset                 # …the normalized units of its numbers read as background
    site_area: "regex.Pattern | None"        # 项目占地225亩: the site a project takes (stop 42, site_area)
    site_units: frozenset                    # …the normalized units of such an area
    named_first_units: tuple[str, ...]   # …and the units they are counted in
    class_bounds: tuple[str, ...]
    score_achieved: "regex.Pattern"
    score_self: "regex.Pattern"
    score_self_forms: "regex.Pattern"      # 该项得5分 (stop 30, scoring_forms)
    score_self_awards: tuple[str, ...]
    score_rule_words: "regex.Pattern"
    subjectless_head: "regex.Pattern"      # 全年实际完成: a sentence head that names nothing
    score_after_condition: "regex.Pattern"
    score_run_gap: "regex.Pattern"
    score_run_head: "regex.Pattern"
    score_item_then_achieved: "regex.Pattern"
    score_cap: "regex.Pattern"
    score_cap_awards: tuple[str, ...]
    score_points_grid: tuple[float, float, float]   # (step, fine step, fine below)
    ratio_weight_lead: tuple[str, ...]
    share_weight_after: "regex.Pattern"
    glued_headers: "tuple[regex.Pattern, regex.Pattern] | None"   # (target column, achieved column)
    parts_lead: tuple[str, ...]
    paren_parts: tuple[str, ...]
    difference_list: "regex.Pattern | None"
    target_bounds: tuple[str, ...]
    earlier_periods: tuple[str, ...]     # a clause naming one reports it: out of a forecast's scope
    earlier_level_head: "regex.Pattern"  # a sentence opening with it states last period's level of the same
    paren_target_lead: "regex.Pattern"   # a target word right before a parenthesis of its values
    target_list_tail: "regex.Pattern | None"
    target_heading: "regex.Pattern | None"
    target_heading_reached: "regex.Pattern"
    heading_indicator: "regex.Pattern"              # a section title that may name an indicator
    heading_indicator_not: "regex.Pattern"          # one that names a part of the report instead
    target_scope: "regex.Pattern | None"
    lead_clause: "regex.Pattern"
    plan_scope: "regex.Pattern | None"   # 力争…，实现A，B: a plan word opening a sentence's plan (stop 38)
    plan_scope_end: "regex.Pattern | None"
    plan_lead: "regex.Pattern"
    field_gap: "regex.Pattern"
    change_words: tuple[str, ...]
    step_before: "regex.Pattern | None"
    step_award: "regex.Pattern | None"
    step_bare_before: "regex.Pattern"
    step_unit_award: "regex.Pattern"
    rule_money_before: "regex.Pattern"
    formula_factor: tuple[str, ...]
    formula_divisor: tuple[str, ...]
    formula_result: tuple[str, ...]
    formula_operators: tuple[str, ...]
    modal_over_growth: frozenset
    table_headers: tuple
    table_label_header: "regex.Pattern"
    table_points_header: "regex.Pattern"
    table_points_achieved: tuple
    table_not_value: "regex.Pattern"
    table_numbering: "regex.Pattern"
    table_comparators: frozenset
    table_entity_row: "regex.Pattern"     # a row label naming the total of rows of places (合计, 全市)
    table_header_note: "regex.Pattern"    # a header's note of the maximum points (经济发展（40分）)
    table_entity_header: "regex.Pattern"  # a header over names of places or units (乡镇, 项目名称)
    table_unit_line: "regex.Pattern"      # a line above a table giving its unit (单位：万元)
    table_title_trim: "regex.Pattern"     # what a table's title says besides its measure (各乡镇, 完成情况)
    lead_keep: tuple[str, ...]
    inner_totals: tuple[str, ...]
    inner_totals_not_after: tuple[str, ...]
    inner_totals_not_before: tuple[str, ...]
    level_bounds: tuple[str, ...]
    lead: tuple[str, ...]
    trail: tuple[str, ...]
    empty: frozenset
    max_chars: int
    split: dict[str, list[str]]
    after_stop: tuple[str, ...]
    after_reject: tuple[str, ...]
    setters: frozenset
    not_start: tuple[str, ...]
    comparison: "regex.Pattern"
    clause_verbs: "regex.Pattern"
    period: "regex.Pattern"
    setter: "regex.Pattern"
    marks: TextMarks                # claims.yaml text_marks
    growth_object: "regex.Pattern | None" = None
    growth_compared: tuple[str, ...] = ("\0",)
    late_words: tuple = ()          # (switch, field, words): see `words`
    late_patterns: tuple = ()       # (switch, field, pattern before the switch's change): see `pattern`


def _words_if(data: dict, key: str, where: str, absent: tuple[str, ...] = ("\0",)) -> tuple[str, ...]:
    """An optional word list (validated when present); ``absent`` matches no text
    in ``startswith``/``endswith`` when it is left out."""
    return word_list(data, key, where) if key in data else absent


def _pattern_if(data: dict, key: str, where: str) -> "regex.Pattern":
    """An optional pattern (compiled when present); one that matches nothing when left out."""
    return compile_pattern(data.get(key) or "(?!)", f"{where}.{key}")


def words(c: Cues, field: str) -> tuple[str, ...]:
    """The word list ``field`` of the cues, without the words added to it
    after reading particular dev documents whose switch is off
    (claims.yaml late_words; models/rule_provenance.yaml names the documents)."""
    listed = getattr(c, field)
    off = [w for name, f, ws in c.late_words if f == field and not is_on(name) for w in ws]
    return tuple(w for w in listed if w not in off) if off else listed


def pattern(c: Cues, field: str):
    """The pattern ``field`` of the cues, or the one it replaced when the
    switch of a change made after reading particular dev documents is off
    (claims.yaml late_patterns)."""
    for name, f, earlier in c.late_patterns:
        if f == field and not is_on(name):
            return earlier
    return getattr(c, field)


def _late_entries(data: dict, key: str, fields, kind: str):
    """(switch, field, value) of claims.yaml ``key`` (late_words or
    late_patterns: switch -> {field: value}); the switch must be a known rule
    and the field one of ``fields``."""
    for name, changed in (data.get(key) or {}).items():
        if name not in RULES:
            raise DataFileError(f"claims.yaml: {key}: 未知的规则开关 {name!r}")
        if not isinstance(changed, dict) or not changed:
            raise DataFileError(f"claims.yaml: {key}: {name} 应为 字段: {kind}")
        for field, value in changed.items():
            if field not in fields:
                raise DataFileError(f"claims.yaml: {key}: {name}: 未知的{kind} {field!r}")
            yield name, field, value


def _glued_headers(entry) -> "tuple[regex.Pattern, regex.Pattern] | None":
    if entry is None:
        return None
    require(entry, ("target", "actual"), "claims.yaml: glued_headers")
    return (compile_pattern(entry["target"], "claims.yaml: glued_headers: target"),
            compile_pattern(entry["actual"], "claims.yaml: glued_headers: actual"))


def _points_grid(grid) -> tuple[float, float, float]:
    """claims.yaml score_points_grid: (step, fine step, fine below), each a
    positive number (none: every score is on the grid)."""
    if grid is None:
        return (1e-9, 1e-9, 0.0)
    require(grid, ("step", "fine_step", "fine_below"), "claims.yaml: score_points_grid")
    out = tuple(grid[k] for k in ("step", "fine_step", "fine_below"))
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and v > 0 for v in out):
        raise DataFileError("claims.yaml: score_points_grid: step、fine_step、fine_below 应为正数")
    return out


def _late_cues(data: dict) -> tuple:
    """claims.yaml late_cues: switch -> {role: [patterns]}, each pattern compiled."""
    out = []
    for name, role, patterns in _late_entries(data, "late_cues", ROLES, "角色"):
        if not isinstance(patterns, list) or not patterns:
            raise DataFileError(f"claims.yaml: late_cues: {name}: {role} 应为模式列表")
        for p in patterns:
            compile_pattern(p, f"claims.yaml: late_cues: {name}: {role}")
        out.append((name, role, tuple(patterns)))
    return tuple(out)


def _with_late(before: dict, late: tuple, off: frozenset) -> dict:
    """The roles' before-cues with the late ones of every switch not in ``off``."""
    merged = {r: list(v) for r, v in before.items()}
    for name, role, patterns in late:
        if name not in off:
            merged.setdefault(role, []).extend(patterns)
    return merged


# (id of the Cues, the switches off, what) -> (that Cues, the pattern): the Cues is
# kept so that its id is never reused for another while the entry stands
_BEFORE_OFF: dict = {}


def before_cues(c: "Cues") -> "regex.Pattern":
    """The role cues before a quantity, without those added under a switch
    that is off (claims.yaml late_cues; models/rule_provenance.yaml)."""
    return _switched(c, None) or c.before


def forecast_cues(c: "Cues") -> "regex.Pattern":
    """The forecast cues alone (a forecast's scope), without those added
    under a switch that is off (claims.yaml late_cues)."""
    return _switched(c, "forecast") or c.forecast


def _switched(c: "Cues", role: str | None) -> "regex.Pattern | None":
    """The cues of ``role`` (None: every role) rebuilt without the late cues of
    the switches that are off; None when none of them is off."""
    off = frozenset(name for name, r, _ in c.late_cues if (role is None or r == role) and not is_on(name))
    if not off:
        return None
    key = (id(c), off, role)
    if key not in _BEFORE_OFF:
        listed = _with_late(dict(c.before_early), c.late_cues, off)
        groups = listed if role is None else {role: listed.get(role) or ["(?!)"]}
        _BEFORE_OFF[key] = (c, _alternation(groups, "claims.yaml: roles"))
    return _BEFORE_OFF[key][1]


def _late_patterns(data: dict, fields: tuple[str, ...]) -> tuple:
    """claims.yaml late_patterns: switch -> {field: the pattern before the change}."""
    return tuple((name, field, compile_pattern(earlier, f"claims.yaml: late_patterns: {name}: {field}"))
                 for name, field, earlier in _late_entries(data, "late_patterns", fields, "模式"))


def _late_words(data: dict, lists: dict[str, tuple]) -> tuple:
    """claims.yaml late_words: switch -> {field: [words]}, each word in its list."""
    out = []
    for name, field, ws in _late_entries(data, "late_words", lists, "词表"):
        if not isinstance(ws, list) or not ws or any(w not in lists[field] for w in ws):
            raise DataFileError(f"claims.yaml: late_words: {name}: {field} 的词应在该词表中")
        out.append((name, field, tuple(ws)))
    return tuple(out)


_MARK_WORDS = ("list_separators", "list_cues", "copulas", "subject_suffixes", "place_suffixes",
               "qualify_class", "qualify_parent")
_MARK_PATTERNS = ("scope_end", "heading_noise", "run_in_heading", "next_heading_mark", "class_gap",
                  "title_line_stop", "title_line_end", "record_label", "record_label_not",
                  "list_subject_verb", "list_item_measure")


def _contains_any(words: tuple[str, ...]) -> Callable[[str], bool]:
    """A test whether a text holds one of ``words``: one ``in`` per word for
    one or two words (the tests run per quantity; a generator costs 5x more)."""
    if not words:
        return lambda s: False
    if len(words) == 1:
        (w,) = words
        return lambda s: w in s
    if len(words) == 2:
        a, b = words
        return lambda s: a in s or b in s
    return lambda s: any(w in s for w in words)


def _text_marks(data: dict) -> TextMarks:
    """claims.yaml text_marks: word lists non-empty, separators single
    characters, patterns that compile (run_in_heading with its title group)."""
    where = "claims.yaml: text_marks"
    tm = data["text_marks"]
    require(tm, (*_MARK_WORDS, *_MARK_PATTERNS, "attributive"), where)
    lists = {}
    for key in _MARK_WORDS:
        lists[key] = word_list(tm, key, where)
    seps = lists["list_separators"]
    if any(len(ch) != 1 for ch in seps):
        raise DataFileError(f"{where}: list_separators 应为单个字符")
    for key in _MARK_PATTERNS:
        if not isinstance(tm[key], str):
            raise DataFileError(f"{where}: {key} 应为模式")
    if not isinstance(tm["attributive"], str) or not tm["attributive"]:
        raise DataFileError(f"{where}: attributive 应为非空的字")

    def alt(key: str) -> str:
        return "(?:" + "|".join(regex.escape(w) for w in lists[key]) + ")"

    def pat(p: str, key: str) -> "regex.Pattern":
        return compile_pattern(p, f"{where}: {key}")

    sep_class = "".join(regex.escape(ch) for ch in seps)
    run_in = pat(tm["run_in_heading"], "run_in_heading")
    if run_in.groups < 1:
        raise DataFileError(f"{where}: run_in_heading 应有一个标题分组")
    return TextMarks(
        list_gap=frozenset("".join(seps) + " "),
        no_list_gap={ord(ch): None for ch in "".join(seps) + " "},
        list_split=pat(f"[{sep_class}]", "list_separators"),
        list_join=pat(rf"[{sep_class},，\s]*", "list_separators"),
        division_gap=pat(rf"(?:\p{{Han}}{{0,4}}[，,{sep_class}])?\s*", "list_separators"),
        has_list_cue=_contains_any(lists["list_cues"]),
        list_cue=pat(alt("list_cues"), "list_cues"),
        list_head=pat(alt("list_cues") + alt("copulas") + "?[:：]?", "list_cues"),
        list_subject=pat(rf"([\p{{Han}}]{{1,8}}?{alt('subject_suffixes')})(?:{alt('copulas')}|[:：])?$",
                         "subject_suffixes"),
        list_subject_verb=pat(tm["list_subject_verb"], "list_subject_verb"),
        list_item_measure=pat(tm["list_item_measure"], "list_item_measure"),
        place=pat(rf"\p{{Han}}{{1,8}}?{alt('place_suffixes')}", "place_suffixes"),
        scope_end=pat(tm["scope_end"], "scope_end"),
        heading_noise=pat(tm["heading_noise"], "heading_noise"),
        run_in_heading=run_in,
        next_heading_mark=pat(tm["next_heading_mark"], "next_heading_mark"),
        title_line_stop=pat(tm["title_line_stop"], "title_line_stop"),
        title_line_end=pat(tm["title_line_end"], "title_line_end"),
        record_label=pat(tm["record_label"], "record_label"),
        record_breaks=tuple(word_list(tm, "record_breaks", where)),
        record_label_not=pat(tm["record_label_not"], "record_label_not"),
        class_gap=pat(tm["class_gap"], "class_gap"),
        attributive=tm["attributive"],
        qualify_class=lists["qualify_class"],
        qualify_parent=lists["qualify_parent"],
        has_score_unit=_contains_any(tuple(data.get("score_units") or ())),
    )


def _alternation(groups: dict[str, list[str]], where: str) -> "regex.Pattern":
    parts = []
    for role in PRIORITY:
        patterns = groups.get(role) or []
        for p in patterns:
            compile_pattern(p, f"{where}.{role}")
        if patterns:
            parts.append(f"(?P<{role}>" + "|".join(f"(?:{p})" for p in patterns) + ")")
    return compile_pattern("|".join(parts), where)


# the patterns and the unit lists of claims.yaml background: each a field of Cues of its name
_BACKGROUND_PATTERNS = ("composition_by", "composition_frame_end", "composition_split",
                        "composition_split_bare", "examples", "threshold_after", "location_before",
                        "territory_area", "subject_scope", "subject_verbs", "subject_average",
                        "subject_among", "rank_before", "rank_after", "rank_among", "profile", "site_area")
_BACKGROUND_UNITS = ("composition_split_units", "length_units", "area_units", "subject_units",
                     "profile_units", "site_units")


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = load_yaml("claims.yaml")
    require(data, ("roles", "other_units", "indicator", "periods", "modal_over_growth", "table_headers", "setter",
                   "text_marks"), "claims.yaml")
    for role in data["roles"]:
        if role not in ROLES:
            raise DataFileError(f"claims.yaml: unknown role {role!r}")
    before = {r: v.get("before", []) for r, v in data["roles"].items()}
    after = {r: v.get("after", []) for r, v in data["roles"].items()}
    ind = data["indicator"]
    require(ind, ("lead", "trail", "empty", "max_chars", "respectively_split", "after_stop", "after_reject", "setters", "not_start", "clause_verbs"),
            "claims.yaml: indicator")
    period = "|".join(f"(?:{p})" for p in data["periods"])
    formula = data.get("formula") or {}
    step = data.get("step_size") or {}
    target_bounds = tuple(data.get("target_bounds") or ())
    bg = data.get("background") or {"divisions": [], "classifiers": [], "scope": ["\0"], "done": "(?!)"}
    require(bg, ("divisions", "classifiers", "scope", "done"), "claims.yaml: background")
    late_cues = _late_cues(data)
    return Cues(
        before=_alternation(_with_late(before, late_cues, frozenset()), "claims.yaml: roles"),
        before_early=tuple((r, tuple(v)) for r, v in before.items()),
        late_cues=late_cues,
        after=_alternation(after, "claims.yaml: roles"),
        forecast=_alternation({"forecast": _with_late(before, late_cues, frozenset()).get("forecast") or ["(?!)"]},
                              "claims.yaml: roles"),
        other_units=frozenset(data["other_units"]),
        other_units_measured=compile_pattern(data.get("other_units_measured") or "(?!)",
                                             "claims.yaml: other_units_measured"),
        score_units=frozenset(data.get("score_units") or ()),
        reference_tails=tuple(ind.get("reference_tails") or ()),
        colon_leads=_words_if(ind, "colon_leads", "claims.yaml: indicator", ()),
        colon_list_leads=_words_if(ind, "colon_list_leads", "claims.yaml: indicator", ()),
        comparison_words=tuple(ind.get("comparison_words") or ("\0",)),
        issuer_verbs=_words_if(ind, "issuer_verbs", "claims.yaml: indicator", ("\0",)),
        score_award=tuple(sorted(data.get("score_award") or (), key=len, reverse=True)),
        score_condition=(compile_pattern(data["score_condition"], "claims.yaml: score_condition")
                         if data.get("score_condition") else None),
        score_condition_basic=compile_pattern(data.get("score_condition_basic") or "(?!)",
                                              "claims.yaml: score_condition_basic"),
        divisions=frozenset(bg["divisions"]),
        divisions_long=tuple(sorted(bg["divisions"], key=len, reverse=True)),
        division_classifiers=frozenset(bg["classifiers"]),
        background_scope=tuple(sorted(bg["scope"], key=len, reverse=True)),
        background_done=compile_pattern(bg["done"], "claims.yaml: background.done"),
        levels=_words_if(bg, "levels", "claims.yaml: background"),
        named_first=_words_if(bg, "named_first", "claims.yaml: background", ()),
        named_first_units=_words_if(bg, "named_first_units", "claims.yaml: background", ()),
        composition_before=_words_if(bg, "composition_before", "claims.yaml: background"),
        threshold_before=_words_if(bg, "threshold_before", "claims.yaml: background"),
        **{k: _pattern_if(bg, k, "claims.yaml: background") for k in _BACKGROUND_PATTERNS},
        **{k: frozenset(_words_if(bg, k, "claims.yaml: background", ())) for k in _BACKGROUND_UNITS},
        class_bounds=tuple(data.get("class_bounds") or ("\0",)),
        score_achieved=compile_pattern(data.get("score_achieved") or "(?!)", "claims.yaml: score_achieved"),
        score_self=compile_pattern(data.get("score_self") or "(?!)", "claims.yaml: score_self"),
        score_self_forms=_pattern_if(data, "score_self_forms", "claims.yaml"),
        score_self_awards=_words_if(data, "score_self_awards", "claims.yaml", ()),
        score_rule_words=_pattern_if(data, "score_rule_words", "claims.yaml"),
        subjectless_head=_pattern_if(data, "subjectless_head", "claims.yaml"),
        score_run_gap=compile_pattern(data.get("score_run_gap") or "(?!)", "claims.yaml: score_run_gap"),
        score_cap=compile_pattern(data.get("score_cap") or "(?!)", "claims.yaml: score_cap"),
        score_cap_awards=_words_if(data, "score_cap_awards", "claims.yaml", ()),
        score_run_head=compile_pattern(data.get("score_run_head") or "(?!)", "claims.yaml: score_run_head"),
        score_item_then_achieved=compile_pattern(data.get("score_item_then_achieved") or "(?!)",
                                                 "claims.yaml: score_item_then_achieved"),
        score_points_grid=_points_grid(data.get("score_points_grid")),
        score_after_condition=compile_pattern(data.get("score_after_condition") or "(?!)",
                                              "claims.yaml: score_after_condition"),
        glued_headers=_glued_headers(data.get("glued_headers")),
        share_weight_after=compile_pattern(data.get("share_weight_after") or "(?!)", "claims.yaml: share_weight_after"),
        ratio_weight_lead=tuple(data.get("ratio_weight_lead") or ("\0",)),
        parts_lead=tuple(data.get("parts_lead") or ()),
        paren_parts=_words_if(data, "paren_parts", "claims.yaml", ()),
        difference_list=compile_pattern(data["difference_list"], "claims.yaml: difference_list")
        if data.get("difference_list") else None,
        target_bounds=target_bounds,
        earlier_periods=_words_if(data, "earlier_periods", "claims.yaml", ()),
        earlier_level_head=compile_pattern(data.get("earlier_level_head") or "(?!)", "claims.yaml: earlier_level_head"),
        paren_target_lead=compile_pattern(data.get("paren_target_lead") or "(?!)", "claims.yaml: paren_target_lead"),
        target_list_tail=(compile_pattern(data["target_list_tail"], "claims.yaml: target_list_tail")
                          if data.get("target_list_tail") else None),
        target_heading=(compile_pattern(data["target_heading"], "claims.yaml: target_heading")
                        if data.get("target_heading") else None),
        target_heading_reached=compile_pattern(data.get("target_heading_reached") or "(?!)",
                                               "claims.yaml: target_heading_reached"),
        heading_indicator=_pattern_if(data, "heading_indicator", "claims.yaml"),
        heading_indicator_not=_pattern_if(data, "heading_indicator_not", "claims.yaml"),
        target_scope=(compile_pattern(data["target_scope"], "claims.yaml: target_scope")
                      if data.get("target_scope") else None),
        lead_clause=compile_pattern(data.get("lead_clause") or "(?!)", "claims.yaml: lead_clause"),
        plan_scope=_pattern_if(data, "plan_scope", "claims.yaml"),
        plan_scope_end=_pattern_if(data, "plan_scope_end", "claims.yaml"),
        plan_lead=compile_pattern(data.get("plan_lead") or "(?!)", "claims.yaml: plan_lead"),
        field_gap=compile_pattern(data.get("field_gap") or "(?!)", "claims.yaml: field_gap"),
        change_words=tuple(data.get("change_words") or ("\0",)),
        step_before=compile_pattern(step["before"], "claims.yaml: step_size.before") if step else None,
        step_award=compile_pattern(step["award"], "claims.yaml: step_size.award") if step else None,
        step_bare_before=_pattern_if(step or {}, "bare_before", "claims.yaml: step_size"),
        step_unit_award=_pattern_if(step or {}, "unit_award", "claims.yaml: step_size"),
        rule_money_before=_pattern_if(data, "rule_money_before", "claims.yaml"),
        formula_factor=tuple(formula.get("factor") or ()),
        formula_divisor=tuple(formula.get("divisor") or ()),
        formula_result=tuple(formula.get("result") or ()),
        formula_operators=tuple(formula.get("operators") or ()),
        modal_over_growth=frozenset(data["modal_over_growth"]),
        table_label_header=compile_pattern(data.get("table_label_header") or "(?!)", "claims.yaml: table_label_header"),
        table_points_header=compile_pattern(data.get("table_points_header") or "(?!)", "claims.yaml: table_points_header"),
        table_points_achieved=tuple(data.get("table_points_achieved") or ()),
        table_not_value=compile_pattern(data.get("table_not_value") or "(?!)", "claims.yaml: table_not_value"),
        table_numbering=compile_pattern(data.get("table_numbering") or "(?!)", "claims.yaml: table_numbering"),
        table_comparators=frozenset(data.get("table_comparators") or ()),
        table_entity_row=compile_pattern(data.get("table_entity_row") or "(?!)", "claims.yaml: table_entity_row"),
        table_header_note=compile_pattern(data.get("table_header_note") or "(?!)", "claims.yaml: table_header_note"),
        table_entity_header=compile_pattern(data.get("table_entity_header") or "(?!)", "claims.yaml: table_entity_header"),
        table_unit_line=compile_pattern(data.get("table_unit_line") or "(?!)", "claims.yaml: table_unit_line"),
        table_title_trim=compile_pattern(data.get("table_title_trim") or "(?!)", "claims.yaml: table_title_trim"),
        table_headers=tuple((role, compile_pattern(p, f"claims.yaml: table_headers.{role}"))
                            for role, p in data["table_headers"].items()),
        lead=tuple(sorted(ind["lead"], key=len, reverse=True)),
        lead_keep=_words_if(ind, "lead_keep", "claims.yaml: indicator"),
        inner_totals=_words_if(ind, "inner_totals", "claims.yaml: indicator", ()),
        inner_totals_not_after=_words_if(ind, "inner_totals_not_after", "claims.yaml: indicator"),
        inner_totals_not_before=_words_if(ind, "inner_totals_not_before", "claims.yaml: indicator"),
        level_bounds=_words_if(ind, "level_bounds", "claims.yaml: indicator"),
        trail=tuple(sorted(ind["trail"], key=len, reverse=True)),
        empty=frozenset(ind["empty"]),
        max_chars=int(ind["max_chars"]),
        split={k: list(v) for k, v in ind["respectively_split"].items()},
        after_stop=tuple(sorted(ind["after_stop"], key=len, reverse=True)),
        after_reject=tuple(ind["after_reject"]),
        setters=frozenset(ind["setters"]),
        not_start=tuple(ind["not_start"]),
        comparison=compile_pattern(ind.get("comparison") or "(?!)", "claims.yaml: indicator.comparison"),
        clause_verbs=compile_pattern("|".join(ind["clause_verbs"]), "claims.yaml: clause_verbs"),
        period=compile_pattern(period, "claims.yaml: periods"),
        setter=compile_pattern(data["setter"], "claims.yaml: setter"),
        growth_object=(compile_pattern(data["growth_object"]["pattern"], "claims.yaml: growth_object.pattern")
                       if data.get("growth_object") else None),
        growth_compared=tuple((data.get("growth_object") or {}).get("compared") or ("\0",)),
        late_words=_late_words(data, {"target_bounds": target_bounds}),
        late_patterns=_late_patterns(data, ("target_list_tail", "target_heading")),
        marks=_text_marks(data),
    )
