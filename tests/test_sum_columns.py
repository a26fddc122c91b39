"""Breakdowns written in parallel (checks/sum_columns.py): each measure of the
total sentence against the same measure in the parts after 其中, and a
total's change against its parts' signed changes. Texts written for the test."""

import pytest


def run(pipeline, text):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    flags = [f for f in doc.flags if f.type == "inconsistency"]
    return flags, [v["arithmetic"] for v in doc.meta.get("verified", []) if v["kind"] == "sum"]


ACCIDENTS = ("全区发生事故40起，死亡7人，受伤12人，损失52万元。其中道路事故31起，死亡{d}人，受伤{i}人，"
             "损失{a}万元；火灾事故9起，无人伤亡，损失22万元。")
BUDGET = ("一般公共预算收入完成5000万元，比上年减收200万元，下降3.8%。其中：税收收入3000万元，比上年增收300万元，"
          "增长11.1%；非税收入2000万元，比上年减收{c}万元，下降20%。")


def test_columns_verify_with_a_part_stated_as_none(pipeline):
    flags, verified = run(pipeline, ACCIDENTS.format(d=7, i=12, a=30))
    assert flags == []
    assert "7人 + 0（无人伤亡） = 7人，与所报一致" in verified
    assert "12人 + 0（无人伤亡） = 12人，与所报一致" in verified


@pytest.mark.parametrize("d,i,a,flagged,shown", [
    (7, 15, 30, "12人", "15人 + 0（无人伤亡） = 15人（同一分项中"),
    (7, 12, 36, "52万元", "36万元 + 22万元 = 58万元"),
])
def test_a_column_that_misses_is_flagged_beside_one_that_adds_up(pipeline, d, i, a, flagged, shown):
    flags, _ = run(pipeline, ACCIDENTS.format(d=d, i=i, a=a))
    assert [f.text for f in flags] == [flagged]
    assert shown in flags[0].arithmetic
    assert "同一分项中" in flags[0].arithmetic or "相符" in flags[0].arithmetic


def test_a_column_far_off_is_flagged_when_the_breakdown_is_shown(pipeline):
    text = "全区发生事故40起，损失52万元。其中道路事故损失30万元，共34起；火灾事故损失22万元，共9起。"
    flags, _ = run(pipeline, text)
    assert [f.text for f in flags] == ["40起"]
    assert flags[0].arithmetic == "34起 + 9起 = 43起（同一分项中30万元 + 22万元 = 52万元相符），所报为40起"


def test_parts_set_apart_by_commas_open_with_the_first_measure(pipeline):
    text = "全年收入完成900万元，比上年增收60万元，其中甲项收入500万元，比上年增收90万元，乙项收入400万元，比上年减收20万元。"
    flags, verified = run(pipeline, text)
    assert [f.text for f in flags] == ["60万元"]
    assert flags[0].arithmetic.startswith("各项增减90万元 − 20万元 = 70万元，即总额应增70万元（同一分项中500万元 + 400万元 = 900万元相符）")
    flags, verified = run(pipeline, text.replace("增收90万元", "增收80万元"))
    assert flags == [] and "各项增减80万元 − 20万元 = 60万元，即总额应增60万元，与所报一致" in verified


def test_changes_add_up_to_the_total_change(pipeline):
    flags, verified = run(pipeline, BUDGET.format(c=500))
    assert flags == []
    assert "各项增减300万元 − 500万元 = −200万元，即总额应减200万元，与所报一致" in verified


def test_a_part_change_that_misses_is_flagged_on_the_total_change(pipeline):
    flags, _ = run(pipeline, BUDGET.format(c=530).replace("下降20%", "下降20.9%"))
    assert [f.text for f in flags] == ["200万元"]
    assert flags[0].arithmetic.startswith("各项增减300万元 − 530万元 = −230万元，即总额应减230万元")
    assert flags[0].arithmetic.endswith("所报为减200万元")
    assert {e["text"] for e in flags[0].evidence} >= {"300万元", "530万元", "200万元"}


@pytest.mark.parametrize("text", [
    # no column of two or more parts adds up: nothing shows the breakdown is meant
    "全区发生事故40起，损失52万元。其中道路事故30起，损失30万元；火灾事故9起，损失20万元。",
    # a measure given for some parts only (no words saying the others have none)
    "全区发生事故40起，死亡9人，损失52万元。其中道路事故31起，死亡7人，损失30万元；火灾事故9起，损失22万元。",
    # parts set apart by commas whose first measure is missing: no segments to read
    "全区发生事故40起，损失52万元。其中道路事故损失30万元，火灾事故损失12万元，另有5起损失未计。",
])
def test_silence_where_the_breakdown_is_not_clearly_meant(pipeline, text):
    flags, _ = run(pipeline, text)
    assert [f for f in flags if "同一分项" in (f.arithmetic or "")] == []


@pytest.mark.parametrize("text,flagged", [
    # 合计 closing the parts of its own sentence: the breakdown as written, a gap of 6.5% is flagged
    ("按来源分：来信45件，来访143件，网上投诉25件，合计200件。", "25件 + 143件 + 45件 = 213件，所报为200件"),
    # the same gap when the parts run on from earlier sentences: only a near miss or one mistyped digit
    ("来信45件。来访143件。网上投诉25件，合计200件。", None),
])
def test_a_total_closing_its_sentence_takes_the_sentence_limit(pipeline, text, flagged):
    flags, _ = run(pipeline, text)
    assert [f.arithmetic for f in flags] == ([flagged] if flagged else [])


@pytest.mark.parametrize("rest,flagged", [(42, None), (45, "1238处 + 45处 = 1283处，与总数1280处不符")])
def test_a_part_named_as_the_rest_makes_the_breakdown_meant(pipeline, rest, flagged):
    text = f"排查一般隐患1280处，已整改1238处，整改率96.7%，其余{rest}处正在整改中。"
    flags, verified = run(pipeline, text)
    if flagged is None:
        assert flags == [] and "1238处 + 42处 = 1280处，与所报一致" in verified
    else:
        assert [f.arithmetic for f in flags] == [flagged]
