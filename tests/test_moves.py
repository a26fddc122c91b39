"""Changes written right after the two levels they are between, without
years (checks/moves.py). Texts written here."""

import pytest


def _run(pipeline, text):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    return [f for f in doc.flags if f.type == "inconsistency"], doc.meta.get("verified", [])


@pytest.mark.parametrize("text, kind", [
    ("全区社会消费品零售总额从87.5亿元增加到93.1亿元，增长6.4%。", "growth"),
    ("农村低保人数由1520人减少到1410人，下降7.2%。", "growth"),
    ("义务教育巩固率由95.6%提高到97.2%，提高了1.6个百分点。", "difference"),
    ("全镇蔬菜种植面积2.84万亩，较上年的2.61万亩增加0.23万亩。", "difference"),
])
def test_verified(pipeline, text, kind):
    flags, verified = _run(pipeline, text)
    assert not flags
    assert any(v["kind"] == kind and "与所报一致" in v["arithmetic"] for v in verified)


@pytest.mark.parametrize("text, number, words", [
    ("全区社会消费品零售总额从87.5亿元增加到93.1亿元，增长6.9%。", "6.9%", "93.1亿元/87.5亿元"),
    ("义务教育巩固率由95.6%提高到97.2%，提高了1.8个百分点。", "1.8个百分点", "97.2% − 95.6%"),
    ("全镇蔬菜种植面积2.84万亩，较上年的2.61万亩增加0.32万亩。", "0.32万亩", "2.84万亩 − 2.61万亩"),
    # one level mistyped: the rate and the other level agree on a reading
    ("全区社会消费品零售总额从87.5亿元增加到98.1亿元，增长6.4%。", "6.4%", "93.1亿元"),
    # far off and no typo explains it: the levels and the rate are still one
    # move as written (only a change word between), so it is flagged (silent
    # before stop 24)
    ("全区零售总额从87.5亿元增加到93.1亿元，增长25%。", "25%", "93.1亿元/87.5亿元"),
])
def test_flagged(pipeline, text, number, words):
    flags, _ = _run(pipeline, text)
    at = text.index(number)
    hit = [f for f in flags if f.start <= at < f.end]
    assert hit and words in hit[0].message + str(getattr(hit[0], "evidence", "")), [f.message for f in flags]


@pytest.mark.parametrize("text", [
    # an average over years is not the whole change
    "全区零售总额从87.5亿元增加到93.1亿元，年均增长3.2%。",
    # a rate of rates: percent or points, not read
    "巩固率由80%提高到90%，提高12.5%。",
])
def test_silent(pipeline, text):
    flags, _ = _run(pipeline, text)
    assert not flags


# a total closing its parts with 共 and a verb (sums.py, total_cue)
def test_total_closed_by_gong(pipeline):
    text = "甲片区新建道路4.6公里，乙片区新建道路3.9公里，全镇共新建道路9.5公里。"
    flags, _ = _run(pipeline, text)
    at = text.index("9.5公里")
    assert [f for f in flags if f.start <= at < f.end]
    flags, verified = _run(pipeline, text.replace("9.5公里", "8.5公里"))
    assert not flags and any(v["kind"] == "sum" for v in verified)


# a rate of at most 100% whose target is below its part (rates.py, _target_below)
@pytest.mark.parametrize("text, number", [
    ("下达专项资金预算860万元，实际支出915.4万元，预算执行率98%。", "98%"),
    ("全市改造老旧管网128公里，改造率达97.5%。全年改造老旧管网目标为120公里。", "97.5%"),
])
def test_target_below_part(pipeline, text, number):
    flags, _ = _run(pipeline, text)
    at = text.index(number)
    assert [f for f in flags if f.start <= at < f.end]


def test_unrelated_target_after_rate_is_silent(pipeline):
    text = "全年治理隐患路段223.6公里，群众满意率100%。年度任务为180公里。"
    flags, _ = _run(pipeline, text)
    assert not flags


# a total right before a colon opens its parts (colon_sums.py)
def test_colon_breakdown(pipeline):
    text = "全年受理投诉举报214件：电话投诉96件，网络投诉87件，来访投诉31件。"
    flags, verified = _run(pipeline, text)
    assert not flags and any(v["kind"] == "sum" for v in verified)
    flags, _ = _run(pipeline, text.replace("87件", "78件"))
    at = text.index("214件")
    assert [f for f in flags if f.start <= at < f.end]
    flags, _ = _run(pipeline, "主要成效：培训农民工120人，发放补贴50万元，新增岗位80个。")
    assert not flags


# a rate column of a | table (执行数/预算数 = 执行率), established by the rows that fit (tables.py)
def test_rate_column(pipeline):
    text = ("项目 | 年初预算 | 实际支出 | 支出进度\n人员经费 | 240 | 236.4 | 98.5%\n"
            "公用经费 | 96 | 90.1 | 93.58%\n专项经费 | 150 | 127.8 | 85.2%\n")
    flags, verified = _run(pipeline, text)
    assert [f.text for f in flags] == ["93.58%"]
    assert sum(v["kind"] == "ratio" for v in verified) == 2


# a 分别 list of rates against the current levels and the earlier ones after 比/与上年同期的 (level_pairs.py)
def test_level_pairs(pipeline):
    text = "全年共查处违法案件48起，罚没款63.5万元，比上年同期的40起、58.2万元分别增长20%和9.1%。"
    flags, verified = _run(pipeline, text)
    assert not flags and sum(v["kind"] == "growth" for v in verified) == 2
    flags, _ = _run(pipeline, text.replace("9.1%", "9.8%"))
    assert [f.text for f in flags] == ["9.8%"]
