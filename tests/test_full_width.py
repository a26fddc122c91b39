"""Numbers written in full-width forms (２０２３年, １２．５％) are read like ASCII
ones, and every span's text is still the source's own characters."""

import pytest


def analyze(pipeline, text):
    return pipeline.analyze_bytes(text.encode("utf-8"), "fw.txt")


def ascii_of(text):
    return text.translate(str.maketrans("０１２３４５６７８９．％", "0123456789.%"))


TEXT = ("２０２４年全县项目资金合计２４,９７８．１２万元，同比增长１２．５％，完成年度目标的９４．７％。"
        "ＰＭ２．５年均浓度４４μg/m３，比上年下降５μg/m３。优良天数比例达到２９。４３％。")


def test_full_width_numbers_are_the_ascii_numbers(pipeline):
    wide, narrow = analyze(pipeline, TEXT), analyze(pipeline, ascii_of(TEXT))
    assert [(q.start, q.end, q.norm_value, q.norm_unit, q.role) for q in wide.quantities] == \
        [(q.start, q.end, q.norm_value, q.norm_unit, q.role) for q in narrow.quantities]
    values = {q.text: q.norm_value for q in wide.quantities}
    # a thousands comma, a unit ending in a digit, 。 as a decimal point: one number each
    assert values["２４,９７８．１２万元"] == pytest.approx(249781200)
    assert values["４４μg/m３"] == 44
    assert values["２９。４３％"] == pytest.approx(0.2943)
    for q in wide.quantities:
        assert TEXT[q.start:q.end] == q.text       # the source's characters, not the folded ones


def test_a_wrong_formula_in_full_width_is_flagged(pipeline):
    text = "得分=任务完成率９０％×０．５=０．４８。"
    (flag,) = [f for f in analyze(pipeline, text).flags if f.type == "inconsistency"]
    assert flag.subtype == "formula" and "0.4500" in flag.arithmetic
    assert {e["text"] for e in flag.evidence} == {"９０％", "０．５", "０．４８"}


def test_the_document_keeps_its_text(pipeline):
    doc = analyze(pipeline, TEXT)
    assert doc.text == TEXT
    rate = next(q for q in doc.quantities if q.norm_value == pytest.approx(0.125) and q.norm_unit == "ratio")
    assert rate.text == "１２．５％" and rate.unit == "％"


def test_a_broken_relation_in_full_width_is_flagged_with_source_evidence(pipeline):
    text = "全县参保人数８０００人，其中农村参保５０００人，占参保人数的６５．２％。"
    doc = analyze(pipeline, text)
    (flag,) = [f for f in doc.flags if f.type == "inconsistency"]
    assert flag.text == text[flag.start:flag.end] == "６５．２％"
    assert {e["text"] for e in flag.evidence} >= {"８０００人", "５０００人"}
    assert all(text[e["start"]:e["end"]] == e["text"] for e in flag.evidence)


def test_a_placeholder_in_full_width_is_flagged(pipeline):
    doc = analyze(pipeline, "城镇登记失业率控制在％以内，完成ｘ％。")
    kinds = [f.type for f in doc.flags]
    assert "placeholder" in kinds or "missing_number" in kinds
