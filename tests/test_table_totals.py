"""Table totals: a 合计 row against the rows above it, a 合计 column against
the columns before it, in txt tables (|) and in real DOCX tables (TAB rows)."""

import docx
import pytest

from helpers import add_word_table


def incs(doc):
    return [f for f in doc.flags if f.type == "inconsistency"], doc.meta.get("verified", [])


def analyze(pipeline, text):
    return incs(pipeline.analyze_bytes(text.encode("utf-8"), "t.txt"))


def test_a_total_row_that_does_not_add_up_is_flagged_beside_one_that_does(pipeline):
    flags, verified = analyze(pipeline, "| 项目 | 本年 | 上年 |\n| 城镇 | 120 | 100 |\n| 农村 | 80 | 70 |\n"
                                        "| 合计 | 210 | 170 |\n")
    assert [f.subtype for f in flags] == ["sum"]
    assert "120 + 80 = 200，与表中合计210不符（本表另有1列合计相符）" in flags[0].message
    assert [e["text"] for e in flags[0].evidence] == ["120", "80", "210"]
    assert any("100 + 70 = 170（表中合计170）" in v["arithmetic"] for v in verified)


def test_a_total_column_is_checked_row_by_row(pipeline):
    flags, _ = analyze(pipeline, "| 乡镇 | 一季度 | 二季度 | 合计 |\n| 甲镇 | 12 | 10 | 22 |\n| 乙镇 | 8 | 7 | 16 |\n"
                                 "| 丙镇 | 5 | 4 | 9 |\n")
    assert [f.subtype for f in flags] == ["sum"]
    assert "8 + 7 = 15，与表中合计16不符（本表另有2行合计相符）" in flags[0].message


@pytest.mark.parametrize("text", [
    # averages and shares are not added: only the count column is checked, and it adds up
    "| 地区 | 人数 | 均价(元) | 占比 |\n| 甲镇 | 120 | 35.5 | 60% |\n| 乙镇 | 80 | 40.2 | 40% |\n| 合计 | 200 | 37.4 | 100% |\n",
    # a total row right under the head adds up the rows after it
    "| 地区 | 人数 | 户数 |\n| 合计 | 290 | 96 |\n| 甲镇 | 120 | 40 |\n| 乙镇 | 170 | 56 |\n",
])
def test_tables_whose_totals_add_up_are_silent(pipeline, text):
    flags, verified = analyze(pipeline, text)
    assert flags == []
    assert any("表中合计" in v["arithmetic"] for v in verified)


def test_rows_without_a_total_label_are_not_added(pipeline):
    flags, verified = analyze(pipeline, "| 地区 | 人数 |\n| 甲镇 | 120 |\n| 乙镇 | 80 |\n| 丙镇 | 210 |\n")
    assert flags == [] and not any("表中合计" in v["arithmetic"] for v in verified)


def test_a_docx_table_total_row_is_checked(tmp_path, pipeline):
    d = docx.Document()
    d.add_paragraph("表1 各镇就业情况")
    add_word_table(d, ("镇", "新增就业", "再就业"), ("甲镇", "320", "110"), ("乙镇", "280", "95"), ("合计", "600", "215"))
    path = tmp_path / "totals.docx"
    d.save(path)
    flags, verified = incs(pipeline.analyze(path))
    assert [f.subtype for f in flags] == ["sum"]
    assert "110 + 95 = 205，与表中合计215不符" in flags[0].message
    assert any("320 + 280 = 600" in v["arithmetic"] for v in verified)


def test_a_total_row_over_its_qizhong_rows_adds_them_up(pipeline):
    text = ("| 资金来源（万元） | 年初预算数 | 全年预算数 | 全年执行数 |\n"
            "| 年度资金总额 | 560 | 610 | 598 |\n"
            "| 其中：中央补助 | 400 | 430 | 418 |\n"
            "| 县级配套 | 160 | 180 | 180 |\n")
    flags, verified = analyze(pipeline, text)
    assert flags == []
    assert "400 + 160 = 560（表中合计560）" in [v["arithmetic"].split("，")[0] for v in verified]
    flags, _ = analyze(pipeline, text.replace("| 418 |", "| 481 |"))
    assert [f.text for f in flags] == ["598"]
    assert "481 + 180 = 661，与表中合计598不符（本表另有2列合计相符）" in flags[0].message


def test_a_table_whose_width_changes_is_read_block_by_block(pipeline):
    # a caption row of two cells, then a block of four: the block's total row is read
    text = ("| 表2 | 各乡镇新增就业 |\n| 乡镇 | 城镇 | 农村 | 小计 |\n| 东镇 | 120 | 85 | 205 |\n"
            "| 西镇 | 96 | 70 | 166 |\n| 合计 | 216 | 155 | 380 |\n")
    flags, _ = analyze(pipeline, text)
    assert [f.text for f in flags] == ["380"]
    assert "205 + 166 = 371，与表中合计380不符" in flags[0].message


def test_qizhong_rows_of_a_one_column_table_need_not_be_every_part(pipeline):
    text = "| 指标 | 本年（亿元） |\n| 税收收入 | 120 |\n| 其中：增值税 | 52 |\n| 企业所得税 | 58 |\n"
    flags, _ = analyze(pipeline, text)
    assert flags == []


def test_a_total_row_reading_zero_in_a_column_raises_nothing(pipeline):
    """Stop 29: a total row whose cell reads 0 (a column of changes that cancel
    out) had raised ZeroDivisionError in the share columns' check."""
    text = ("项目 | 本期 | 上年同期 | 增减额\n甲类 | 120 | 110 | 10\n乙类 | 90 | 100 | -10\n"
            "合计 | 210 | 210 | 0\n")
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [q.text for q in doc.quantities][-1] == "0"


def test_a_column_of_gaps_to_the_pace_is_no_sum(pipeline):
    """Points ahead of or behind the pace (超（落后）序时进度（百分点）) of each row
    do not add up to the total row's."""
    text = ("乡镇 | 年度目标 | 完成 | 完成率（%） | 超（落后）序时进度（百分点）\n"
            "甲镇 | 1000 | 550 | 55.0 | 5.0\n乙镇 | 1000 | 480 | 48.0 | -2.0\n合计 | 2000 | 1030 | 51.5 | 1.5\n")
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [f.message for f in doc.flags if f.type == "inconsistency"] == []


def test_a_table_copied_one_cell_per_line_has_its_totals_checked(pipeline):
    """The totals of a table read one cell per line are checked as a | table's are."""
    cells = ["乡镇", "任务数（户）", "已完成（户）", "甲镇", "600", "540", "乙镇", "400", "380", "合计", "1000", "930"]
    doc = pipeline.analyze_bytes(("\n".join(cells) + "\n").encode("utf-8"), "t.txt")
    assert [f.note for f in doc.flags if f.type == "inconsistency"] and \
        any("920" in (f.arithmetic or "") for f in doc.flags)
    cells[-1] = "920"
    doc = pipeline.analyze_bytes(("\n".join(cells) + "\n").encode("utf-8"), "t.txt")
    assert any(v["kind"] == "sum" for v in doc.meta.get("verified", [])) and not doc.flags


def test_one_column_of_many_that_adds_up_does_not_make_the_rows_parts(pipeline):
    """A 合计 row whose rows above add up in one column of four (the rows are
    not its parts, or not all of them: grouped levels of a statistics table)
    is no evidence for the other three: no flag; where three of four add up,
    the fourth is flagged."""
    head = "| 项目 | 一季度 | 二季度 | 三季度 | 四季度 |\n"
    flags, _ = analyze(pipeline, head + "| 甲类 | 52 | 120 | 180 | 240 |\n| 乙类 | 38 | 75 | 110 | 150 |\n"
                                        "| 合计 | 90 | 200 | 300 | 400 |\n")
    assert flags == []
    flags, _ = analyze(pipeline, head + "| 甲类 | 52 | 120 | 180 | 240 |\n| 乙类 | 38 | 80 | 120 | 150 |\n"
                                        "| 合计 | 90 | 200 | 300 | 400 |\n")
    assert [f.subtype for f in flags] == ["sum"] and "240 + 150 = 390" in flags[0].message
