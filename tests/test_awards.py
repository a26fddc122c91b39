"""Scoring rules (checks/awards.py): an item's bracketed points against the
points its rules award. Texts written for the test."""

import pytest


def run(pipeline, text):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    flags = [f for f in doc.flags if f.type == "inconsistency"]
    return flags, [v["arithmetic"] for v in doc.meta.get("verified", []) if v["kind"] == "sum"]


CRITERIA = ("（一）档案管理（{head}分）档案分类清楚，得{a}分；台账登记及时，得3分；借阅手续齐全，得2分；"
            "发现遗失的每份扣1分。（二）安全检查（5分）")
NUMBERED = "（一）队伍建设（{head}分）配齐专职人员，建立工作台账，计8分；2、每月按时参加例会记{b}分，每缺席一次扣2分（二）经费保障（30分）"


def test_criteria_awards_add_up_to_the_item(pipeline):
    flags, verified = run(pipeline, CRITERIA.format(head=9, a=4))
    assert flags == []
    assert "4分 + 3分 + 2分 = 9分，为条目分值9分，与所报一致" in verified


@pytest.mark.parametrize("head,a,shown", [
    (9, 7, "7分 + 3分 + 2分 = 12分（各项得分之和），与条目分值9分不符"),
    (12, 4, "4分 + 3分 + 2分 = 9分（各项得分之和），与条目分值12分不符"),
])
def test_criteria_awards_that_miss_are_flagged(pipeline, head, a, shown):
    flags, _ = run(pipeline, CRITERIA.format(head=head, a=a))
    assert [(f.text, f.arithmetic) for f in flags] == [(f"{head}分", shown)]
    assert {e["text"] for e in flags[0].evidence} >= {f"{a}分", "3分", "2分"}


def test_numbered_entries_take_their_first_award(pipeline):
    flags, verified = run(pipeline, NUMBERED.format(head=20, b=12))
    assert flags == [] and "8分 + 12分 = 20分，为条目分值20分，与所报一致" in verified
    flags, _ = run(pipeline, NUMBERED.format(head=20, b=15))
    assert [f.arithmetic for f in flags] == ["8分 + 15分 = 23分（各项得分之和），与条目分值20分不符"]


def test_bracketed_points_with_one_number_lost(pipeline):
    text = "（一）人口宣传（100分）宣传阵地（40分）。阵地齐全计满分。2、入户宣传（{b}分）。按入户比例计分。（二）其他（20分）"
    flags, verified = run(pipeline, text.format(b=60))
    assert flags == [] and "40分 + 60分 = 100分，为条目分值100分，与所报一致" in verified
    flags, _ = run(pipeline, text.format(b=70))
    assert [f.arithmetic for f in flags] == ["40分 + 70分 = 110分（各项分值之和），与条目分值100分不符"]


@pytest.mark.parametrize("text", [
    # grades of one measure are alternatives, not parts
    "（一）工作质量（5分）评为优秀得5分；良好得3分；一般得1分。（二）其他（4分）",
    # criteria opening with the same measure are thresholds of it
    "（一）目标考核（6分）完成率达到90%以上得6分；完成率80%以上得4分；完成率80%以下得2分。（二）其他（4分）",
    # a criterion scored in words: awards below the item's points leave it out
    "（一）档案管理（12分）档案分类清楚，得4分；台账登记及时，得3分；借阅手续齐全的视情况评定。（二）安全检查（5分）",
    # the item's end is not shown: its rules may be cut off
    "（一）档案管理（12分）档案分类清楚，得4分；台账登记及时，得3分；",
])
def test_silence_where_awards_are_not_parts(pipeline, text):
    flags, verified = run(pipeline, text)
    assert flags == []
    assert not any("条目分值" in v for v in verified)


@pytest.mark.parametrize("head,a,flagged", [
    (4, 2, None),
    (7, 2, "2分 + 2分 = 4分（其中各项分值之和），与条目分值7分不符"),
    # a part above the points is no excuse where the split is written in the bracket
    (4, 5, "5分 + 2分 = 7分（其中各项分值之和），与条目分值4分不符"),
])
def test_points_split_after_qizhong_in_their_bracket(pipeline, head, a, flagged):
    text = f"1、设置年度目标（{head}分，其中部门目标{a}分，项目目标2分，若无项目，得{head}分）2、目标依据充分（1分）"
    flags, verified = run(pipeline, text)
    if flagged is None:
        assert flags == [] and f"{a}分 + 2分 = {head}分，为条目分值{head}分，与所报一致" in verified
    else:
        assert [f.arithmetic for f in flags] == [flagged]
