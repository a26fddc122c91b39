"""Units whose first character is the same in both scripts and a later one
traditional (公頃, 公裏) are read through the simplified view. Texts written here."""

import pytest


@pytest.mark.parametrize("text, number, unit", [
    ("全鎮新增造林面積36.5公頃。", "36.5公頃", "公顷"),
    ("改造農村公路18.2公裏。", "18.2公裏", "公里"),
    ("新增城市建成區2.4平方公裏。", "2.4平方公裏", "平方公里"),
])
def test_unit_with_a_later_traditional_character(pipeline, text, number, unit):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [(q.text, q.norm_unit) for q in doc.quantities] == [(number, unit)]


def test_sum_in_traditional_units_is_checked(pipeline):
    text = "東片新增綠地7.5公頃，西片新增綠地4.3公頃，全區共新增綠地12.8公頃。"
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [f.text for f in doc.flags if f.type == "inconsistency"] == ["12.8公頃"]
