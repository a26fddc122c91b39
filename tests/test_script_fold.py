"""A report in traditional script reads like the same report in simplified
script (every stage reads one script), and what it outputs is written as the
report writes it."""

import pytest

from reportmine.pipeline import Pipeline

SIMPLIFIED = ("一、主要指标\n"
              "全年城乡居民养老保险参保率达到95.6%，完成年度目标的101.2%。\n"
              "| 指标 | 2023年 | 2024年 | 增长率 |\n"
              "| 门诊人次 | 10.8万 | 12万 | 11.1% |\n"
              "| 住院人次 | 3.2万 | 3.5万 | 9.4% |\n"
              "全镇国土面积1124平方公里，居住着24个民族。\n"
              "收入完成2000万元，比上年减收100万元，下降5.2%。\n")
TRADITIONAL = ("一、主要指標\n"
               "全年城鄉居民養老保險參保率達到95.6%，完成年度目標的101.2%。\n"
               "| 指標 | 2023年 | 2024年 | 增長率 |\n"
               "| 門診人次 | 10.8萬 | 12萬 | 11.1% |\n"
               "| 住院人次 | 3.2萬 | 3.5萬 | 9.4% |\n"
               "全鎮國土面積1124平方公里，居住著24個民族。\n"
               "收入完成2000萬元，比上年減收100萬元，下降5.2%。\n")


@pytest.fixture(scope="module")
def docs():
    p = Pipeline()
    return (p.analyze_bytes(SIMPLIFIED.encode("utf-8"), "s.txt"),
            p.analyze_bytes(TRADITIONAL.encode("utf-8"), "t.txt"))


def test_the_same_report_in_either_script_gives_the_same_claims(docs):
    simp, trad = docs
    assert len(simp.text) == len(trad.text)
    key = lambda d: [(q.start, q.end, q.norm_value, q.norm_unit, q.role, q.indicator_id) for q in d.quantities]
    assert key(trad) == key(simp)
    roles = {q.text: q.role for q in trad.quantities}
    assert roles["11.1%"] == roles["9.4%"] == "growth"       # under 增長率


def test_outputs_are_written_as_the_report_writes_them(docs):
    _, trad = docs
    assert trad.text == TRADITIONAL
    for q in trad.quantities:
        assert q.text == TRADITIONAL[q.start:q.end]
        if q.indicator:
            assert q.indicator in TRADITIONAL or all(ch not in "参养险门诊镇积" for ch in q.indicator), q.indicator
    rate = next(q for q in trad.quantities if q.text == "95.6%")
    assert rate.indicator.endswith("參保率") and rate.indicator_id
    (flag,) = [f for f in trad.flags if f.type == "inconsistency"]
    assert "100萬元/(2000萬元+100萬元)" in flag.arithmetic
    assert {e["text"] for e in flag.evidence} >= {"2000萬元", "100萬元"}
    assert [s.title for s in trad.sections] == ["主要指標"]
