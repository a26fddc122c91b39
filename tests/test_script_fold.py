"""A report in traditional script reads like the same report in simplified
script (every stage reads one script), and what it outputs is written as the
report writes it."""

import pytest

from reportmine.pipeline import Pipeline

SIMPLIFIED = ("一、主要指标\n"
              "全年新型农村合作医疗参合率达到93.8%，完成年度目标的100.9%。\n"
              "| 指标 | 2022年 | 2023年 | 增长率 |\n"
              "| 体检人数 | 6.4万 | 7.1万 | 10.9% |\n"
              "| 建档户数 | 2.5万 | 2.7万 | 8.0% |\n"
              "全乡辖区面积860平方公里，共有18个行政村。\n"
              "收入完成2000万元，比上年减收100万元，下降5.2%。\n")
TRADITIONAL = ("一、主要指標\n"
               "全年新型農村合作醫療參合率達到93.8%，完成年度目標的100.9%。\n"
               "| 指標 | 2022年 | 2023年 | 增長率 |\n"
               "| 體檢人數 | 6.4萬 | 7.1萬 | 10.9% |\n"
               "| 建檔戶數 | 2.5萬 | 2.7萬 | 8.0% |\n"
               "全鄉轄區面積860平方公里，共有18個行政村。\n"
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
    assert roles["10.9%"] == roles["8.0%"] == "growth"       # under 增長率


def test_outputs_are_written_as_the_report_writes_them(docs):
    _, trad = docs
    assert trad.text == TRADITIONAL
    for q in trad.quantities:
        assert q.text == TRADITIONAL[q.start:q.end]
        if q.indicator:
            assert q.indicator in TRADITIONAL or all(ch not in "参农医疗检户档乡辖积" for ch in q.indicator), q.indicator
    rate = next(q for q in trad.quantities if q.text == "93.8%")
    assert rate.indicator.endswith("參合率")
    (flag,) = [f for f in trad.flags if f.type == "inconsistency"]
    assert "100萬元/(2000萬元+100萬元)" in flag.arithmetic
    assert {e["text"] for e in flag.evidence} >= {"2000萬元", "100萬元"}
    assert [s.title for s in trad.sections] == ["主要指標"]
