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
    data = yaml.safe_load(resources.read_text("checks.yaml"))
    if value is None:
        del data["earlier_levels"][key]
    else:
        data["earlier_levels"][key] = value
    monkeypatch.setattr(earlier, "load_yaml", lambda name: data)
    earlier.earlier_words.cache_clear()
    with pytest.raises(resources.DataFileError, match=message):
        earlier.earlier_words()
    monkeypatch.undo()
    earlier.earlier_words.cache_clear()


@pytest.mark.parametrize("key, value, message", [
    ("trend_seam", "(unclosed", "bad pattern"),
    ("direction_link", "^(?P<verb>增加)到$", "direction_link"),
    ("named_periods", [], "named_periods"),
    ("table_cell_scales", {}, "table_cell_scales"),
    ("listed_before", None, "missing keys"),
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
    assert cfg.listed_before.search("3个和5个")
    data = yaml.safe_load(resources.read_text("checks.yaml"))
    if value is None:
        del data["relation_search"][key]
    else:
        data["relation_search"][key] = value
    monkeypatch.setattr(settings, "load_yaml", lambda name: data)
    settings.search_config.cache_clear()
    with pytest.raises(resources.DataFileError, match=message):
        settings.search_config()
    monkeypatch.undo()
    settings.search_config.cache_clear()


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
    data = yaml.safe_load(resources.read_text("checks.yaml"))
    if value is None:
        del data["share_sums"][key]
    else:
        data["share_sums"][key] = value
    monkeypatch.setattr(share_sums, "load_yaml", lambda name: data)
    share_sums.share_sum_config.cache_clear()
    with pytest.raises(resources.DataFileError, match=message):
        share_sums.share_sum_config()
    monkeypatch.undo()
    share_sums.share_sum_config.cache_clear()


@pytest.mark.parametrize("key, value, message", [
    ("not_scope", "[unclosed", "bad pattern"),
    ("not_scope", None, "missing keys"),
])
def test_inconsistencies_scope_words_load_and_refuse_a_broken_section(monkeypatch, key, value, message):
    """checks/relations.py reads the words that end a previous-period cue's scope from
    checks.yaml (inconsistencies)."""
    from reportmine.checks import relations

    relations.config.cache_clear()
    not_scope = relations.config().not_scope
    assert not_scope.search("清理后增") and not_scope.search("清理后全年") is None
    data = yaml.safe_load(resources.read_text("checks.yaml"))
    if value is None:
        del data["inconsistencies"][key]
    else:
        data["inconsistencies"][key] = value
    monkeypatch.setattr(relations, "load_yaml", lambda name: data)
    relations.config.cache_clear()
    with pytest.raises(resources.DataFileError, match=message):
        relations.config()
    monkeypatch.undo()
    relations.config.cache_clear()


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
    data = yaml.safe_load(resources.read_text("checks.yaml"))
    if value is None:
        del data["named_differences"][key]
    else:
        data["named_differences"][key] = value
    monkeypatch.setattr(named_differences, "load_yaml", lambda name: data)
    named_differences.named_difference_words.cache_clear()
    with pytest.raises(resources.DataFileError, match=message):
        named_differences.named_difference_words()
    monkeypatch.undo()
    named_differences.named_difference_words.cache_clear()
