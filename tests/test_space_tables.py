"""Tables whose cells spaces part (structure/space_tables.py), as exporting a
PDF's text line by line leaves a self-assessment's indicator table."""

from __future__ import annotations

TABLE = (
    "二、绩效指标完成情况\n"
    "一级指标 二级指标 三级指标 年度目标值 实际完成值 分值 得分\n"
    "产出指标 数量指标 新建村级文化广场（个） 12 13 15 15\n"
    "产出指标 质量指标 设施验收合格率（%） 95 97.5 15 15\n"
    "效益指标 社会效益指标 群众参与活动人次（人次） 6000 5420 10 8\n"
    "合计 40 38\n"
    "三、存在问题\n"
)


def _cells(doc, text):
    return {(q.text, q.unit, q.role) for q in doc.quantities if q.start >= text.index("产出") and q.end <= text.index("三、")}


def test_a_space_parted_table_gives_one_quantity_per_cell_with_its_row_unit_and_column_role(pipeline):
    doc = pipeline.analyze_bytes(TABLE.encode("utf-8"), "report.txt")
    assert len(doc.tables) == 1
    cells = _cells(doc, TABLE)
    assert ("12", "个", "target") in cells and ("13", "个", "actual") in cells
    assert ("97.5", "%", "actual") in cells and ("6000", "人次", "target") in cells
    assert ("8", None, "actual") in cells
    by_indicator = {q.text: q.indicator for q in doc.quantities if q.text in ("5420", "97.5")}
    assert by_indicator == {"5420": "群众参与活动人次", "97.5": "设施验收合格率"}
    # the total row's numbers stand under the last columns
    total = [b for b in doc.blocks if b.table == 0 and b.row == 4]
    assert [(doc.text[b.start:b.end], b.col) for b in total] == [("合计", 0), ("40", 5), ("38", 6)]


def test_prose_with_spaces_is_no_table(pipeline):
    text = ("今年 全镇 新建 校舍 3200 平方米\n"
            "改造 道路 12 公里 投入 资金 860 万元\n"
            "新增 就业 岗位 420 个 培训 农民 1500 人次\n")
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "report.txt")
    assert doc.tables == []
    assert {q.text for q in doc.quantities} >= {"3200 平方米", "12 公里", "860 万元"}


def test_rows_of_another_width_end_the_table(pipeline):
    text = ("指标 目标 完成 得分\n"
            "培训人数（人） 500 520 10\n"
            "就业人数（人） 300 310 10\n"
            "备注 上述数据 截至 12 月\n")
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "report.txt")
    assert len(doc.tables) == 1 and len(doc.tables[0].rows) == 3
