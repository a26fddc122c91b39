"""Language data files load, validate and hold what the code expects."""

import regex
import pytest
import yaml

from reportmine import resources
from reportmine.numerals import tables
from reportmine.quantities.lexicon import APPROX, lexicon
from reportmine.resources import DataFileError


def test_all_shipped_data_files_are_valid_yaml():
    from importlib import resources as ir

    names = [p.name for p in ir.files("reportmine.data").iterdir() if p.name.endswith(".yaml")]
    assert {"units.yaml", "approx.yaml", "numerals.yaml", "quantities.yaml", "structure.yaml"} <= set(names)
    for name in names:
        assert yaml.safe_load(resources.read_text(name)) is not None, name


def test_full_width_digits_map_to_their_own_values():
    forms = tables()["digit_forms"]
    for i in range(10):
        assert forms[chr(0xFF10 + i)] == str(i)


def test_numeral_digits_are_0_to_9_and_units_powers_of_ten():
    t = tables()
    assert set(t["digits"].values()) == set(range(10))
    for v in list(t["small_units"].values()) + list(t["big_units"].values()):
        assert str(v).rstrip("0") == "1"


def test_units_are_unique_and_normalize_sensibly():
    lex = lexicon()
    assert lex.units["%"].factor == 0.01 and lex.units["%"].norm == "ratio"
    assert lex.units["‰"].factor == 0.001
    assert lex.units["个百分点"].norm == "ratio_point"
    assert lex.multipliers["万"] == 10_000 and lex.multipliers["亿"] == 100_000_000
    for unit in lex.units.values():
        assert unit.factor > 0
        assert not any(w == "" for w in unit.not_before)
    for name in "个 人 人次 名 户 家 所 项 件 次 篇 册 元 美元 吨 吨标准煤 亩 平方米 公里 微克/立方米 元/人 /10万 % ‰ 个百分点 千分点 倍 分".split():
        assert name in lex.units, name


def test_approximation_vocabulary_is_guide_md():
    lex = lexicon()
    for table in (lex.approx_before, lex.approx_inner, lex.approx_after):
        assert set(table.values()) <= set(APPROX)
    assert lex.approx_after["以上"] == "more" and lex.approx_before["近"] == "less"
    assert lex.approx_after["左右"] == "about"


def test_structure_patterns_compile():
    data = yaml.safe_load(resources.read_text("structure.yaml"))
    for rule in data["articles"] + data["sections"]:
        regex.compile(rule["pattern"])
    for patterns in list(data["boilerplate"]["lines"].values()) + list(data["boilerplate"]["tails"].values()):
        for p in patterns:
            regex.compile(p)


def test_loader_reports_bad_patterns_and_missing_keys():
    with pytest.raises(DataFileError, match="bad pattern"):
        resources.compile_pattern("(unclosed", "test.yaml")
    with pytest.raises(DataFileError, match="missing keys"):
        resources.require({"a": 1}, ("a", "b"), "test.yaml")


def test_traditional_map_is_one_to_one_and_reads_units():
    from reportmine.script import t2s_table, to_simplified, traditional_of

    table = t2s_table()
    assert len(table) > 3000
    assert all(len(chr(k)) == 1 and len(v) == 1 and chr(k) != v for k, v in table.items())
    assert to_simplified("個百分點萬元億元噸") == "个百分点万元亿元吨"
    assert "個" in traditional_of("个") and traditional_of("abc") == ""


def test_compact_rules_load_and_refuse_a_share_outside_0_1(monkeypatch):
    from reportmine import compact

    compact.rules.cache_clear()
    assert compact.rules()["max_width"] >= compact.rules()["min_width"] > 0
    bad = yaml.safe_load(resources.read_text("compact.yaml"))
    bad["reflow"]["full_share"] = 1.5
    monkeypatch.setattr(compact, "load_yaml", lambda name: bad)
    compact.rules.cache_clear()
    with pytest.raises(resources.DataFileError, match="full_share"):
        compact.rules()
    monkeypatch.undo()
    compact.rules.cache_clear()


@pytest.mark.parametrize("key, value, message", [
    ("next_start", "(万", "bad pattern"),
    ("line_end", None, "missing keys"),
])
def test_compact_unit_breaks_load_and_are_refused_when_broken(monkeypatch, key, value, message):
    """compact.py reads where a quantity broken before its unit by a line end stands (compact.yaml units)."""
    from reportmine import compact

    compact.rules.cache_clear()
    assert compact.rules()["unit_next"].match("万头") and not compact.rules()["unit_next"].match("工作")
    _refused(monkeypatch, compact, compact.rules, "compact.yaml", ("units", key), value, message)


def _refused(monkeypatch, module, loader, name: str, path: tuple, value, message: str) -> None:
    """``loader`` (a cached loader of ``module``) refuses ``name`` with the entry
    at ``path`` set to ``value`` (None: removed) with a DataFileError matching ``message``."""
    data = yaml.safe_load(resources.read_text(name))
    *outer, key = path
    section = data
    for k in outer:
        section = section[k]
    if value is None:
        del section[key]
    else:
        section[key] = value
    monkeypatch.setattr(module, "load_yaml", lambda _: data)
    loader.cache_clear()
    try:
        with pytest.raises(resources.DataFileError, match=message):
            loader()
    finally:
        monkeypatch.undo()
        loader.cache_clear()


@pytest.mark.parametrize("key, value, message", [
    ("bare", "(unclosed", "bad pattern"),
    ("compare", [], "compare"),
    ("now", None, "missing keys"),
])
def test_earlier_levels_words_load_and_refuse_a_broken_section(monkeypatch, key, value, message):
    """checks/earlier.py reads its cue words from checks.yaml (earlier_levels)."""
    from reportmine.checks import earlier

    earlier.earlier_words.cache_clear()
    words = earlier.earlier_words()
    assert words.down.search("比上年减少") and words.up.search("同比增长") and "比" in words.compare
    assert words.earlier.search("年初预算") is None and words.earlier.search("上年同期")
    _refused(monkeypatch, earlier, earlier.earlier_words, "checks.yaml", ("earlier_levels", key), value, message)


@pytest.mark.parametrize("key, value, message", [
    ("trend_seam", "(unclosed", "bad pattern"),
    ("direction_link", "^(?P<verb>增加)到$", "direction_link"),
    ("named_periods", [], "named_periods"),
    ("table_cell_scales", {}, "table_cell_scales"),
    ("listed_before", None, "missing keys"),
    ("deduction_mark", "(扣", "bad pattern"),
    ("deduction_mark", None, "missing keys"),
    ("scale_slip_prefixes", ["兆"], "scale_slip_prefixes"),
    ("respectively_each", "(扣", "bad pattern"),
    ("scale_slip_prefixes", "万", "scale_slip_prefixes"),
    ("person_words", None, "missing keys"),
    ("survey_rates", None, "missing keys"),
    ("contribution_rates", None, "missing keys"),
    ("part_scope", "(中", "bad pattern"),
    ("compared_close", "(相比", "bad pattern"),
    ("compared_open", None, "missing keys"),
    ("named_whole_reach", None, "missing keys"),
    ("average_after", None, "missing keys"),
])
def test_relation_search_cues_of_the_checks_load_and_refuse_a_broken_section(monkeypatch, key, value, message):
    """checks/directions.py, period_days.py, tables.py, trend_lists.py, same_period.py,
    labelled_rows.py and repeats.py read their cue words from checks.yaml (relation_search)."""
    from reportmine.checks import search_config as settings

    settings.search_config.cache_clear()
    cfg = settings.search_config()
    assert cfg.direction_link.match("增加为").group("verb") == "增加" and cfg.direction_from.search("由去年的")
    assert cfg.direction_compared.match("，比上年同期的") and cfg.same_period_compared.match("较2024年同期")
    assert cfg.period_months.search("1-6月")["b"] == "6" and cfg.period_until.search("截至11月底")["m"] == "11"
    assert cfg.named_periods[0] == ("上半年", (181, 182)) and cfg.period_year.search("2023年1-6月") is None
    assert cfg.table_cell.match("12.5万").group(2) == "万" and cfg.table_cell_scales == {"万": 10000.0}
    assert cfg.trend_seam.search("收入增、") and cfg.labelled_rate.search("预算执行率")
    assert cfg.respectively.search("分别为") and cfg.list_goes_on.match("、8")
    assert cfg.listed_before.search("3个和5个") and cfg.deduction_mark.search("资料不全扣")
    assert cfg.scale_slips["亿"] == 1e8 and cfg.scale_slips[""] == 1.0 and "人口" in cfg.person_words
    _refused(monkeypatch, settings, settings.search_config, "checks.yaml", ("relation_search", key), value, message)


@pytest.mark.parametrize("key, value, message", [
    ("list_gap", "(unclosed", "bad pattern"),
    ("share_words", [], "share_words"),
    ("lead_end", None, "missing keys"),
])
def test_share_sums_words_load_and_refuse_a_broken_section(monkeypatch, key, value, message):
    """checks/share_sums.py reads its cue words from checks.yaml (share_sums)."""
    from reportmine.checks import share_sums

    share_sums.share_sum_config.cache_clear()
    sc = share_sums.share_sum_config()
    assert "占" in sc.share_words and sc.list_gap.fullmatch("、") and sc.lead_end.search("结构比为")
    _refused(monkeypatch, share_sums, share_sums.share_sum_config, "checks.yaml", ("share_sums", key), value, message)


@pytest.mark.parametrize("key, value, message", [
    ("not_scope", "[unclosed", "bad pattern"),
    ("not_scope", None, "missing keys"),
    ("compared_words", [], "compared_words"),
    ("compared_words", ["比", ""], "compared_words"),
    ("compared_not_before", [], "compared_not_before"),
    ("current_level_cues", [], "current_level_cues"),
    ("current_level_cues", None, "missing keys"),
])
def test_inconsistencies_scope_words_load_and_refuse_a_broken_section(monkeypatch, key, value, message):
    """checks/relations.py reads the words that end a previous-period cue's scope from
    checks.yaml (inconsistencies)."""
    from reportmine.checks import relations

    relations.config.cache_clear()
    not_scope = relations.config().not_scope
    assert not_scope.search("清理后增") and not_scope.search("清理后全年") is None
    assert "高于" in relations.config().compared_words and "年末为" in relations.config().current_cues
    _refused(monkeypatch, relations, relations.config, "checks.yaml", ("inconsistencies", key), value, message)


@pytest.mark.parametrize("key, value, message", [
    ("compared", "(?P<name>unclosed", "bad pattern"),
    ("period", None, "missing keys"),
])
def test_named_differences_words_load_and_refuse_a_broken_section(monkeypatch, key, value, message):
    """checks/named_differences.py reads its cue words from checks.yaml (named_differences)."""
    from reportmine.checks import named_differences

    named_differences.named_difference_words.cache_clear()
    words = named_differences.named_difference_words()
    assert words.compared.search("比卫生院多")["name"] == "卫生院" and words.period.search("上年")
    _refused(monkeypatch, named_differences, named_differences.named_difference_words, "checks.yaml",
             ("named_differences", key), value, message)


@pytest.mark.parametrize("key, value, message", [
    ("bracket_points", [], "bracket_points"),
    ("split_word", "", "split_word"),
    ("split_word", None, "missing keys"),
])
def test_awards_words_load_and_refuse_a_broken_section(monkeypatch, key, value, message):
    """checks/awards.py reads its cheap test and its split word from checks.yaml (awards)."""
    from reportmine.checks import awards

    awards.award_words.cache_clear()
    words = awards.award_words()
    assert "分）" in words.bracket_points and words.split_word == "其中"
    _refused(monkeypatch, awards, awards.award_words, "checks.yaml", ("awards", key), value, message)


@pytest.mark.parametrize("key, value, message", [
    ("per_area_marks", [], "per_area_marks"),
    ("per_item_mark", "", "per_item_mark"),
    ("population_words", None, "missing keys"),
])
def test_per_capita_words_load_and_refuse_a_broken_section(monkeypatch, key, value, message):
    """checks/per_capita.py reads its cue words from checks.yaml (per_capita)."""
    from reportmine.checks import per_capita

    per_capita.per_capita_words.cache_clear()
    words = per_capita.per_capita_words()
    assert words.per_item_mark == "均" and "產" in words.per_area_marks and "居民" in words.population_words
    _refused(monkeypatch, per_capita, per_capita.per_capita_words, "checks.yaml", ("per_capita", key), value, message)


@pytest.mark.parametrize("key, value, message", [
    ("whole_cue", "占比", "whole_cue"),
    ("bare_share_links", [], "bare_share_links"),
    ("rate_mark", None, "missing keys"),
])
def test_rates_words_load_and_refuse_a_broken_section(monkeypatch, key, value, message):
    """checks/rate_cases.py reads the rates check's cue words from checks.yaml (rates)."""
    from reportmine.checks import rate_cases as rates

    rates.rate_words.cache_clear()
    words = rates.rate_words()
    assert words.whole_cue == "占" and words.bare_share_links == ("的", "为") and words.rate_mark == "率"
    _refused(monkeypatch, rates, rates.rate_words, "checks.yaml", ("rates", key), value, message)


@pytest.mark.parametrize("key, value, message", [
    ("cell_line", "[unclosed", "bad pattern"),
    ("number_cell", None, "missing keys"),
    ("numbering_header", "(序号", "bad pattern"),
    ("numbering_header", None, "missing keys"),
    ("stream_cell_line", "[^|", "bad pattern"),
    ("stream_cell_line", None, "missing keys"),
    ("stream_empty_cell", "[—", "bad pattern"),
    ("stream_year_label", None, "missing keys"),
])
def test_column_table_cells_load_and_are_refused_when_broken(monkeypatch, key, value, message):
    """structure/tables.py reads what a one-cell line, a number cell and a numbering column's
    header look like from structure.yaml (column_tables)."""
    from reportmine.structure import tables

    tables._column_cells.cache_clear()
    cells = tables._column_cells()
    assert cells.cell_line.fullmatch("年度目标") and cells.number_cell.fullmatch("105.4%")
    assert not cells.cell_line.fullmatch("完成，")
    assert cells.numbering_header.fullmatch("序号") and not cells.numbering_header.fullmatch("县区")
    assert cells.stream_cell_line.fullmatch("9,574.1") and not cells.stream_cell_line.fullmatch("完成。")
    assert cells.stream_empty_cell.fullmatch("--") and cells.stream_empty_cell.fullmatch("/")
    assert not cells.stream_empty_cell.fullmatch("-3") and cells.stream_year_label.fullmatch("2021年度")
    _refused(monkeypatch, tables, tables._column_cells, "structure.yaml", ("column_tables", key), value, message)


@pytest.mark.parametrize("key, value, message", [
    ("cue", "(落后", "bad pattern"),
    ("mark", "", "mark"),
    ("months", [], "months"),
    ("months", [{"pattern": "上半年", "months": 13}], "months"),
    ("reach", None, "missing keys"),
])
def test_pace_words_load_and_are_refused_when_broken(monkeypatch, key, value, message):
    """checks/pace.py reads the cue of a gap to the year's pace and the months a text names from checks.yaml (pace)."""
    from reportmine.checks import pace

    pace.pace_words.cache_clear()
    words = pace.pace_words()
    assert words.cue.search("落后序时进度") and any(n == 6 for _, n in words.months)
    _refused(monkeypatch, pace, pace.pace_words, "checks.yaml", ("pace", key), value, message)


@pytest.mark.parametrize("key, value, message", [
    ("change_ends", "", "change_ends"),
    ("change_ends", None, "missing keys"),
    ("move_link", "(增长", "bad pattern"),
])
def test_moves_load_and_are_refused_when_broken(monkeypatch, key, value, message):
    """checks/moves.py reads its links and the ends of change verbs from checks.yaml (moves)."""
    from reportmine.checks import moves

    moves.move_config.cache_clear()
    assert "短" in moves.move_config()[3] and moves._changes("缩短")
    _refused(monkeypatch, moves, moves.move_config, "checks.yaml", ("moves", key), value, message)


@pytest.mark.parametrize("key, value, message", [
    ("year_mark", "", "year_mark"),
    ("year_mark", None, "missing keys"),
])
def test_dated_levels_year_mark_loads_and_is_refused_when_broken(monkeypatch, key, value, message):
    """checks/dated_levels.py reads the mark of a year from checks.yaml (dated_levels)."""
    from reportmine.checks import dated_levels

    dated_levels.dated_config.cache_clear()
    assert dated_levels.dated_config().year_mark == "年"
    _refused(monkeypatch, dated_levels, dated_levels.dated_config, "checks.yaml", ("dated_levels", key), value, message)


@pytest.mark.parametrize("key, value, message", [
    ("total_labels", [], "total_labels"),
    ("points_mark", "", "points_mark"),
    ("points_mark", None, "missing keys"),
])
def test_score_groups_words_load_and_refuse_a_broken_section(monkeypatch, key, value, message):
    """checks/score_groups.py reads its cue words from checks.yaml (score_groups)."""
    from reportmine.checks import score_groups

    score_groups.score_group_words.cache_clear()
    words = score_groups.score_group_words()
    assert words.points_mark == "分" and words.total_labels == ("总分",)
    _refused(monkeypatch, score_groups, score_groups.score_group_words, "checks.yaml", ("score_groups", key), value,
             message)


@pytest.mark.parametrize("key, value, message", [
    ("of_verbs", [], "of_verbs"),
    ("of_end", "", "of_end"),
    ("over_mark", None, "missing keys"),
])
def test_completion_search_cheap_tests_load_and_refuse_a_broken_section(monkeypatch, key, value, message):
    """checks/completions.py reads the words of its cheap tests from checks.yaml (completion_search)."""
    from reportmine.checks import completions

    completions.completion_config.cache_clear()
    cc = completions.completion_config()
    assert cc.of_end == "的" and "相当" in cc.of_verbs and cc.over_mark == "超"
    _refused(monkeypatch, completions, completions.completion_config, "checks.yaml", ("completion_search", key), value,
             message)


@pytest.mark.parametrize("path, value, message", [
    (("table_units", "in_brackets"), "(unclosed", "bad pattern"),
    (("table_units", "after_label"), None, "missing keys"),
    (("table_units", "unit_column"), "(单位", "bad pattern"),
    (("table_units", "unit_column"), None, "missing keys"),
    (("table_not_quantity_headers",), [], "table_not_quantity_headers"),
])
def test_table_units_load_and_refuse_a_broken_section(monkeypatch, path, value, message):
    """quantities/tables.py reads its header-unit patterns from quantities.yaml (table_units)."""
    from reportmine.quantities import tables as table_units

    table_units.table_words.cache_clear()
    words = table_units.table_words()
    assert words.in_brackets.search("金额（万元）").group(1) == "万元"
    assert words.after_label.search("单位：万元").group(1) == "万元" and "序号" in words.skip
    assert words.unit_column.fullmatch("计量单位") and not words.unit_column.fullmatch("单位名称")
    _refused(monkeypatch, table_units, table_units.table_words, "quantities.yaml", path, value, message)


@pytest.mark.parametrize("key, value, message", [
    ("decimal_point", "(unclosed", "bad pattern"),
    ("decimal_point", None, "missing keys"),
])
def test_number_view_loads_and_refuses_a_broken_section(monkeypatch, key, value, message):
    """quantities/view.py reads its decimal point pattern from quantities.yaml (number_view)."""
    from reportmine.quantities import view

    view.view_words.cache_clear()
    point = view.view_words().decimal_point
    assert point.sub(r"\1.", "29。43%") == "29.43%" and point.search("29。2020年") is None
    _refused(monkeypatch, view, view.view_words, "quantities.yaml", ("number_view", key), value, message)


@pytest.mark.parametrize("key, value, message", [
    ("pattern", "(?P<den>unclosed", "bad pattern"),
    ("mark", "", "mark"),
    ("denominator_chars", None, "missing keys"),
    ("slashes", "", "slashes"),
    ("slash_pattern", "(?P<num>unclosed", "bad pattern"),
])
def test_fractions_load_and_refuse_a_broken_section(monkeypatch, key, value, message):
    """quantities/lists.py reads how fractions are written from quantities.yaml (fractions)."""
    from reportmine.quantities import lists

    lists.fraction_words.cache_clear()
    words = lists.fraction_words()
    assert words.mark == "分之" and "〇" in words.denominator_chars
    assert words.pattern.match("千分之五").group("den", "num") == ("千", "五")
    assert words.slash_pattern.search("减少1/3。").group("num", "den") == ("1", "3")
    assert words.slash_pattern.search("2024/1/3") is None and "／" in words.slashes
    _refused(monkeypatch, lists, lists.fraction_words, "quantities.yaml", ("fractions", key), value, message)


@pytest.mark.parametrize("key, value, message", [
    ("share_after_base", "[unclosed", "bad pattern"),
    ("of_word", "的的", "of_word"),
    ("score_link", None, "missing keys"),
])
def test_bare_numbers_words_load_and_refuse_a_broken_section(monkeypatch, key, value, message):
    """quantities/bare.py reads its cue words from quantities.yaml (bare_numbers)."""
    from reportmine.quantities import bare

    bare.bare_words.cache_clear()
    words = bare.bare_words()
    assert words.of_word == "的" and words.share_after_base.match("的92.4%") and "达" in words.score_link
    _refused(monkeypatch, bare, bare.bare_words, "quantities.yaml", ("bare_numbers", key), value, message)


@pytest.mark.parametrize("key, value, message", [
    ("item_start", "(unclosed", "bad pattern"),
    ("page_number", None, "missing keys"),
])
def test_pdf_paragraphs_patterns_load_and_refuse_a_broken_section(monkeypatch, key, value, message):
    """readers/pdfparagraphs.py reads its item and page-number patterns from structure.yaml (pdf_paragraphs)."""
    from reportmine.readers import pdfparagraphs

    pdfparagraphs.paragraph_words.cache_clear()
    words = pdfparagraphs.paragraph_words()
    assert words.item_start.match("（二）加强管理") and words.item_start.match("第三条")
    assert not words.item_start.match("加强")
    assert words.page_number.fullmatch("第3页共10页") and words.page_number.fullmatch("Page3of10")
    _refused(monkeypatch, pdfparagraphs, pdfparagraphs.paragraph_words, "structure.yaml", ("pdf_paragraphs", key),
             value, message)


@pytest.mark.parametrize("key, value, message", [
    ("scope_end", "[unclosed", "bad pattern"),
    ("run_in_heading", "[（(][一二三]{1,3}[)）]", "run_in_heading"),
    ("title_line_stop", "[，", "bad pattern"),
    ("record_label", "(?P<label>[", "bad pattern"),
    ("record_breaks", [], "record_breaks"),
    ("title_line_end", None, "missing keys"),
    ("list_cues", [], "list_cues"),
    ("list_separators", ["、", "以及"], "list_separators"),
    ("place_suffixes", None, "missing keys"),
    ("list_subject_verb", "(?:实现", "bad pattern"),
    ("list_subject_verb", None, "missing keys"),
    ("list_item_measure", "(?:数", "bad pattern"),
])
def test_claims_text_marks_load_and_refuse_a_broken_section(monkeypatch, key, value, message):
    """The claims rules read their list separators, list cues, name suffixes and
    heading markers from claims.yaml (text_marks)."""
    import importlib

    module = importlib.import_module("reportmine.claims.cues")   # (reportmine.claims.cues is also a function)
    module.cues.cache_clear()
    marks = module.cues().marks
    assert marks.list_gap == frozenset("、和及与 ") and marks.list_cue.search("较上年分别下降")
    assert marks.has_list_cue("完成率依次为") and not marks.has_list_cue("完成率为") and marks.has_score_unit("得3分")
    assert marks.list_head.split("完成率依次为:东城县", maxsplit=1) == ["完成率", "东城县"]
    assert marks.place.fullmatch("甲县") and marks.list_subject.search("、乙区为").group(1) == "乙区"
    assert marks.heading_noise.match("（二）加快") and marks.scope_end.search("96.6亿元二)加快")
    assert marks.run_in_heading.match("（一）目标1.资产端").group(1) == "目标"
    assert marks.list_subject_verb.search("规模以上工业累计实现营业收入").group() == "累计实现"
    assert marks.list_item_measure.search("事故起数") and not marks.list_item_measure.search("播种面积")
    assert marks.title_line_stop.search("全年完成12亿元，增长5%") and not marks.title_line_stop.search("2025年工作目标")
    assert marks.title_line_end.match("二、主要措施") and marks.title_line_end.match("指标 | 目标值")
    assert marks.record_label.fullmatch("年 度 目 标 ： ").group("label") == "年 度 目 标" and "；" in marks.record_breaks
    data = dict(yaml.safe_load(resources.read_text("claims.yaml")))
    data["text_marks"] = dict(data["text_marks"])
    if value is None:
        del data["text_marks"][key]
    else:
        data["text_marks"][key] = value
    monkeypatch.setattr(module, "load_yaml", lambda name: data)
    module.cues.cache_clear()
    try:
        with pytest.raises(resources.DataFileError, match=message):
            module.cues()
    finally:
        monkeypatch.undo()
        module.cues.cache_clear()


@pytest.mark.parametrize("key, value", [("colon_leads", []), ("colon_list_leads", ["分别为", ""]),
                                        ("colon_leads", "是")])
def test_claims_colon_leads_load_and_refuse_a_broken_list(monkeypatch, key, value):
    """The words that make a colon lead in to the indicator after it (claims.yaml indicator)."""
    import importlib

    module = importlib.import_module("reportmine.claims.cues")
    module.cues.cache_clear()
    c = module.cues()
    assert "是" in c.colon_leads and "依次为" in c.colon_list_leads
    _refused(monkeypatch, module, module.cues, "claims.yaml", ("indicator", key), value, key)


@pytest.mark.parametrize("path, value", [(("table_label_header",), "(指标"), (("indicator", "lead_keep"), []),
                                         (("score_self",), "[自评"), (("indicator", "inner_totals"), []),
                                         (("indicator", "level_bounds"), []), (("background", "levels"), []),
                                         (("score_condition_basic",), "(得"), (("earlier_periods",), []),
                                         (("earlier_level_head",), "(上年"), (("background", "named_first"), []),
                                         (("background", "named_first_units"), []), (("table_entity_row",), "(合计"),
                                         (("table_entity_header",), "(乡镇"), (("table_header_note",), "[分"),
                                         (("table_unit_line",), "(单位"), (("table_title_trim",), "(各"),
                                         (("paren_target_lead",), "(目标"),
                                         (("background", "composition_before"), []),
                                         (("background", "composition_by"), "(由"),
                                         (("background", "composition_frame_end"), "(组成"),
                                         (("background", "composition_split"), "[分"),
                                         (("background", "composition_split_bare"), "[分"),
                                         (("background", "composition_split_units"), []),
                                         (("background", "examples"), "(如"),
                                         (("background", "threshold_before"), []),
                                         (("background", "threshold_after"), "[的"),
                                         (("background", "location_before"), "(距"),
                                         (("background", "length_units"), []),
                                         (("score_self_forms",), "(该项"), (("score_self_awards",), []),
                                         (("score_rule_words",), "[每"), (("subjectless_head",), "(全年"),
                                         (("difference_list",), "(全省"), (("paren_parts",), []),
                                         (("heading_indicator",), "[\\p{Han}"),
                                         (("heading_indicator_not",), "(?:情况")])
def test_claims_table_labels_lead_keep_and_score_self_load_and_refuse_a_broken_entry(monkeypatch, path, value):
    """A table's indicator columns, the words a lead word begins, the words of a self-assessed score (claims.yaml)."""
    import importlib

    module = importlib.import_module("reportmine.claims.cues")
    module.cues.cache_clear()
    c = module.cues()
    assert c.table_label_header.fullmatch("三级指标") and not c.table_label_header.fullmatch("年度指标值")
    assert "在校" in c.lead_keep and c.score_self.search("经自评")
    assert "共" in c.inner_totals and "级以上" in c.level_bounds and c.levels == ("级",)
    assert c.score_condition_basic.match("的得基本分") and "上年" in c.earlier_periods
    assert c.earlier_level_head.fullmatch("去年同期为") and "下设" in c.named_first and "家" in c.named_first_units
    assert c.table_entity_row.fullmatch("全市") and c.table_entity_header.fullmatch("乡镇")
    assert c.table_header_note.search("经济发展（40分）") and c.table_unit_line.match("单位：万元")
    assert c.table_title_trim.sub("", "各乡镇招商引资到位资金完成情况") == "招商引资到位资金"
    assert c.paren_target_lead.search("市下达的控制指标")
    assert c.heading_indicator.fullmatch("城镇新增就业") and not c.heading_indicator.fullmatch("2024年目标")
    assert c.heading_indicator_not.search("目标任务完成情况") and not c.heading_indicator_not.search("职业技能培训")
    assert "下设" in c.composition_before and c.composition_by.search("由") and c.composition_frame_end.match("组成")
    assert c.composition_split.search("分为") and not c.composition_split.search("得分为")
    assert c.composition_split_bare.search("分") and not c.composition_split_bare.search("处分") \
        and "批" in c.composition_split_units
    assert c.examples.match("如某贷户") and c.examples.match("以一户3口之家为例") and not c.examples.match("全年如期完成")
    assert "超过" in c.threshold_before and c.threshold_after.match("的村")
    assert c.location_before.search("距县城") and c.location_before.search("海拔") and "公里" in c.length_units
    assert c.score_self_forms.search("该项") and "得" in c.score_self_awards and c.score_rule_words.search("达到95%以上")
    assert c.subjectless_head.fullmatch("全年实际完成") and not c.subjectless_head.fullmatch("全年税收完成")
    assert c.difference_list.match("、全省") and not c.difference_list.match("、死亡") and "含" in c.paren_parts
    _refused(monkeypatch, module, module.cues, "claims.yaml", path, value, path[-1] if value == [] else "bad pattern")


@pytest.mark.parametrize("key", ["per_denominators", "per_scales"])
@pytest.mark.parametrize("value", [[], ["亩", ""], "亩", [10]])
def test_per_units_load_and_refuse_a_broken_list(monkeypatch, key, value):
    """What a unit may be per after a slash (units.yaml per_denominators: 元/公斤)
    and the scales that denominator may take (per_scales: 吨标准煤/万元)."""
    from reportmine.quantities import lexicon as module

    module.lexicon.cache_clear()
    lex = module.lexicon()
    for words in (lex.per_denominators, lex.per_scales):
        assert words == tuple(sorted(words, key=len, reverse=True))
    assert "公斤" in lex.per_denominators and "万" in lex.per_scales and "10万" in lex.per_scales
    units = dict(yaml.safe_load(resources.read_text("units.yaml")), **{key: value})
    real = module.load_yaml
    monkeypatch.setattr(module, "load_yaml", lambda name: units if name == "units.yaml" else real(name))
    module.lexicon.cache_clear()
    try:
        with pytest.raises(resources.DataFileError, match=key):
            module.lexicon()
    finally:
        monkeypatch.undo()
        module.lexicon.cache_clear()


@pytest.mark.parametrize("value, message", [([], "非空列表"), ([{"result": ["自然增长率"], "minuend": ["出生率"]}], "subtrahend"),
                                            ([{"result": [], "minuend": ["出生率"], "subtrahend": ["死亡率"]}], "result"),
                                            (["自然增长率"], "result / minuend")])
def test_identities_load_and_refuse_a_broken_entry(monkeypatch, value, message):
    """checks/identities.py reads its named identities from checks.yaml (identities)."""
    from reportmine.checks import identities

    identities.identities.cache_clear()
    assert identities.identities()[0].minuend == ("出生率",)
    _refused(monkeypatch, identities, identities.identities, "checks.yaml", ("identities",), value, message)



@pytest.mark.parametrize("key, value, message", [
    ("page_after", "(第", "bad pattern"),
    ("page_after", None, "missing keys"),
    ("times_hundred", "[x", "bad pattern"),
])
def test_placeholder_rules_load_and_refuse_a_broken_section(monkeypatch, key, value, message):
    """checks/placeholders.py reads the page number after a file name's separator from checks.yaml."""
    import importlib

    check_rules = importlib.import_module("reportmine.checks.rules")     # the package also exports rules()
    check_rules.rules.cache_clear()
    assert check_rules.rules().page_after.match("第12页") and check_rules.rules().times_hundred.match("X 100%")
    _refused(monkeypatch, check_rules, check_rules.rules, "checks.yaml", ("placeholders", key), value, message)


@pytest.mark.parametrize("path, value, message", [
    (("score_run_head",), "(满分", "bad pattern"),
    (("share_weight_after",), "(比例", "bad pattern"),
    (("background", "subject_average"), "(平均", "bad pattern"),
    (("glued_headers", "target"), "(指标值", "bad pattern"),
    (("glued_headers", "actual"), None, "missing keys"),
    (("score_points_grid", "step"), -0.5, "正数"),
    (("score_points_grid", "fine_below"), "十", "正数"),
    (("score_cap",), "(最高", "bad pattern"),
    (("score_cap_awards",), [], "score_cap_awards"),
    (("step_size", "bare_before"), "(少", "bad pattern"),
    (("step_size", "unit_award"), "[扣", "bad pattern"),
    (("rule_money_before",), "(各", "bad pattern"),
])
def test_claims_stop37_entries_load_and_refuse_a_broken_one(monkeypatch, path, value, message):
    """The words of a results list, the bodies an average is over, a rule's
    weights, a flattened form's headers and the grid of an item's points
    (claims.yaml)."""
    import importlib

    module = importlib.import_module("reportmine.claims.cues")
    module.cues.cache_clear()
    c = module.cues()
    assert c.score_run_head.search("满分为") and c.subject_average.match("个城市平均")
    assert c.share_weight_after.match("、40%比例评价") and not c.share_weight_after.match("，比例逐年上升")
    target, actual = c.glued_headers
    assert target.search("年度指标 值") and actual.search("全年 完成值")
    assert c.score_points_grid == (0.5, 0.1, 10)
    assert c.score_cap.search("最高可") and "得" in c.score_cap_awards and "扣" not in c.score_cap_awards
    assert c.step_bare_before.search("少") and not c.step_bare_before.search("比上年少")
    assert c.step_unit_award.match("扣1分") and c.rule_money_before.search("每季度罚")
    _refused(monkeypatch, module, module.cues, "claims.yaml", path, value, message)
