"""A sentence that opens by naming what it compares with (与全市平均水平相比，…)
then states a bare 高, 低, 多, 少, 快 or 慢 right before a number: the number
is the gap to that benchmark (difference), or, when the benchmark is an
earlier period (与上年相比), the change (growth); and a gap to a value set at
the start of the year (比年初设定的…低…) is a gap to a plan, not a change
since the start of the year. Written from benchmarks/role_forms_stop30_comparisons.txt
and role_forms_stop30_background.txt (stop 39). Texts written here."""

import pytest


def claims(pipeline, text):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    return [(q.role, q.indicator) for q in doc.quantities]


@pytest.mark.parametrize("text, expected", [
    # a benchmark: each bare comparative in the sentence opens a gap
    ("与全市平均水平相比，我区人均教育支出高260元，但人均税收低1350元。",
     [("difference", "人均教育支出"), ("difference", "人均税收")]),
    ("和全国平均水平相比，我市居民收入高出12.3%。", [("difference", "居民收入")]),
    ("与周边三县相比，我县城镇化率低5.2个百分点。", [("difference", "城镇化率")]),
    # the benchmark's own number inside the frame
    ("全镇亩均产值1.8万元，与全县2.3万元的平均水平相比，每亩少0.5万元。",
     ["actual", "actual", "difference"]),
    # an earlier period: the change
    ("同上年相比，全县油料产量多1.6万吨。", [("growth", "油料产量")]),
    ("与去年同期相比，受理投诉少86件。", [("growth", "受理投诉")]),
    # guards: a comparative word without a number after it, or a number with
    # no comparative before it, keeps the rules' reading
    ("与邻近市县相比，本县工业底子薄，规上企业只有37家。", ["actual"]),
    ("与上年相比，全县一般公共预算收入增加1.9亿元。", ["growth"]),
    ("全县中小学教师2860人，其中高级教师412人。", ["actual", "actual"]),
    # a value set at the start of the year is a plan: the gap to it is a difference
    ("市场主体到位资金9.6亿元，比年初确定的8亿元多1.6亿元。", ["actual", "target", "difference"]),
    ("城市绿化覆盖率41.2%，比年初设定的目标43%低1.8个百分点。", ["actual", "target", "difference"]),
    # the start of the year as a period stays a change
    ("全乡新增个体工商户比年初增加了120户。", ["growth"]),
])
def test_comparison_frames(pipeline, text, expected):
    got = claims(pipeline, text)
    if expected and isinstance(expected[0], str):
        got = [role for role, _ in got]
    assert got == expected
