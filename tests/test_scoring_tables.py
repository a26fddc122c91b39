"""Scoring and budget tables of a self-assessment: a group's points against its
rows' points (checks/score_groups.py) and a rate column against the columns its
header names (checks/header_columns.py), in txt tables (|) and real Word tables."""

import docx
import pytest

from helpers import add_word_table

HEAD = "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 实际值 | 分值 | 得分 |\n"
OUTPUT = ("| 产出指标（45分） | 数量指标 | 修缮校舍面积 | 2400平方米 | 2400平方米 | {a} | 20 |\n"
          "| | 质量指标 | 竣工验收合格率 | 100% | 100% | 15 | 15 |\n"
          "| | 时效指标 | 当年完工率 | 100% | 95% | 10 | 9 |\n")
EFFECT = ("| 效益指标（35分） | 社会效益指标 | 在校生安全保障 | 有效提升 | 有效提升 | 20 | 19 |\n"
          "| | 可持续影响指标 | 校舍使用年限 | ≥20年 | 20年 | 15 | 15 |\n")
SATISFIED = "| 满意度指标（20分） | 满意度指标 | 师生满意度 | ≥90% | 94% | 20 | 20 |\n"
TOTAL = "| 总分 | | | | | 100 | 98 |\n"


def incs(doc):
    return [f for f in doc.flags if f.type == "inconsistency"], doc.meta.get("verified", [])


def analyze(pipeline, text):
    return incs(pipeline.analyze_bytes(text.encode("utf-8"), "t.txt"))


def test_groups_whose_rows_add_up_are_verified(pipeline):
    flags, verified = analyze(pipeline, "校舍维修项目绩效自评表\n" + HEAD + OUTPUT.format(a=20) + EFFECT + SATISFIED + TOTAL)
    assert flags == []
    said = [v["arithmetic"] for v in verified]
    assert "20 + 15 + 10 = 45分，为本组分值45分，与所报一致" in said
    assert "20 + 15 = 35分，为本组分值35分，与所报一致" in said


def test_a_group_whose_rows_do_not_add_up_is_flagged_beside_one_that_does(pipeline):
    flags, _ = analyze(pipeline, "校舍维修项目绩效自评表\n" + HEAD + OUTPUT.format(a=25) + EFFECT + SATISFIED + TOTAL)
    assert [f.subtype for f in flags] == ["sum"]
    assert "25 + 15 + 10 = 50分（表中本组各项分值之和），与本组分值45分不符（本表另有1组分值相符）" in flags[0].message
    assert flags[0].text == "45分"
    assert [e["text"] for e in flags[0].evidence] == ["45分", "25", "15", "10"]


def test_groups_of_groups_add_up_their_groups(pipeline):
    text = ("部门整体支出绩效评价表\n| 序号 | 一级指标 | 二级指标 | 三级指标 | 分值 | 评分标准 | 得分 |\n"
            "| 1 | 决策（20分） | 目标设定（8分） | 目标明确性 | 5 | 目标清晰 | 5 |\n"
            "| 2 | 目标细化程度 | 3 | 指标量化 | 3 |\n"
            "| 3 | 资金安排（12分） | 预算编制科学性 | 6 | 依据充分 | 6 |\n"
            "| 4 | 资金分配合理性 | 6 | 分配合理 | 5 |\n"
            "| 5 | 过程（30分） | 资金管理（30分） | 资金到位率 | 10 | 按比例计分 | 10 |\n"
            "| 6 | 预算执行率 | 10 | 按比例计分 | 9 |\n"
            "| 7 | 资金使用合规性 | 10 | 合规使用 | 10 |\n"
            "| 合计 | | | | 50 | | 48 |\n")
    flags, verified = analyze(pipeline, text)
    assert flags == []
    said = [v["arithmetic"] for v in verified]
    assert "8分 + 12分 = 20分，为本组分值20分，与所报一致" in said
    assert "5 + 3 = 8分，为本组分值8分，与所报一致" in said
    flags, _ = analyze(pipeline, text.replace("资金安排（12分）", "资金安排（14分）"))
    # one changed group breaks two sums: its parent's and its own rows'
    assert [f.text for f in flags] == ["20分", "14分"]
    assert "8分 + 14分 = 22分" in flags[0].message and "6 + 6 = 12分" in flags[1].message


def test_a_rows_numbered_criteria_points_add_up_to_its_points(pipeline):
    text = ("| 一级指标 | 三级指标 | 分值 | 评分标准 | 得分 |\n"
            "| 管理（10分） | 制度建设 | 6 | 1、制度健全（3分）；2、执行到位（2分）；3、台账完整（1分） | 6 |\n"
            "| 档案管理 | 4 | 1、归档及时（2分）；2、资料齐全（2分） | 4 |\n"
            "| 成效（10分） | 目标完成 | 10 | 按完成比例计分 | 9 |\n")
    flags, verified = analyze(pipeline, text)
    assert flags == []
    assert "3分 + 2分 + 1分 = 6分，为本行分值6分，与所报一致" in [v["arithmetic"] for v in verified]
    flags, _ = analyze(pipeline, text.replace("执行到位（2分）", "执行到位（3分）"))
    assert [f.text for f in flags] == ["6"]
    assert "3分 + 3分 + 1分 = 7分（表中本行各项分值之和），与本行分值6分不符" in flags[0].message


@pytest.mark.parametrize("text", [
    # the only group that is read does not add up: nothing says the table is read as meant
    HEAD + OUTPUT.format(a=25) + TOTAL,
    # the last group is cut off by the end of the text: its rows may go on
    HEAD + EFFECT + OUTPUT.format(a=25),
])
def test_a_sum_that_nothing_confirms_is_not_flagged(pipeline, text):
    flags, _ = analyze(pipeline, text)
    assert flags == []


def test_a_word_table_with_merged_group_cells(tmp_path, pipeline):
    d = docx.Document()
    d.add_paragraph("农村改厕项目绩效自评表")
    rows = [("一级指标", "二级指标", "三级指标", "分值", "得分"),
            ("产出指标（40分）", "数量指标", "改厕户数", "20", "20"),
            ("", "质量指标", "验收合格率", "15", "15"),
            ("", "时效指标", "按期完成率", "10", "8"),
            ("效益指标（40分）", "社会效益", "人居环境改善", "25", "24"),
            ("", "可持续影响", "管护机制", "15", "15"),
            ("满意度指标（20分）", "服务对象满意度", "农户满意度", "20", "19"),
            ("总分", "", "", "100", "96")]
    table = add_word_table(d, *rows)
    table.cell(1, 0).merge(table.cell(3, 0))
    table.cell(4, 0).merge(table.cell(5, 0))
    path = tmp_path / "self_check.docx"
    d.save(path)
    flags, verified = incs(pipeline.analyze(path))
    assert [f.text for f in flags] == ["40分"]
    assert "20 + 15 + 10 = 45分" in flags[0].message
    assert any("25 + 15 = 40分" in v["arithmetic"] for v in verified)


FUNDS = ("| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
         "| 年度资金总额 | 820 | 900 | {done} | 10 | {rate} | 9.6 |\n"
         "| 其中：财政拨款 | 700 | 780 | 741 | - | 95% | - |\n")


def test_a_rate_column_is_read_against_the_columns_its_header_names(pipeline):
    flags, verified = analyze(pipeline, FUNDS.format(done=864, rate="96%"))
    assert flags == []
    said = [v["arithmetic"] for v in verified]
    assert "864/900 = 96.00%（表中各列），与所报一致" in said     # not 864/820: the 全年 budget fits
    assert "741/780 = 95.00%（表中各列），与所报一致" in said


def test_a_rate_that_no_budget_column_explains_is_flagged(pipeline):
    flags, _ = analyze(pipeline, FUNDS.format(done=846, rate="96%"))
    assert [f.text for f in flags] == ["96%"]
    assert "846/900 = 94.00%（表中全年执行数/全年预算数），所报为96%" in flags[0].message
    assert [e["text"] for e in flags[0].evidence] == ["900", "846", "96%"]


def test_a_row_that_does_not_line_up_with_its_header_is_not_read(pipeline):
    text = FUNDS.format(done=846, rate="96%").replace("| 年度资金总额 |", "| 年度资金总额 | 合计 |")
    flags, _ = analyze(pipeline, text)
    assert flags == []


def test_a_word_budget_table_rate_column(tmp_path, pipeline):
    d = docx.Document()
    add_word_table(d, ("资金来源", "全年预算数(万元)", "全年执行数(万元)", "执行率"),
                   ("财政资金", "450", "432", "96%"), ("自筹资金", "50", "40", "90%"))
    path = tmp_path / "funds.docx"
    d.save(path)
    flags, verified = incs(pipeline.analyze(path))
    assert [f.text for f in flags] == ["90%"]
    assert any("432万元/450万元" in v["arithmetic"] or "432/450" in v["arithmetic"] for v in verified)


def test_a_table_with_scores_but_no_column_of_points_is_not_read(pipeline):
    # the only number of each row is the score it got: lost points are no inconsistency
    text = ("| 一级指标 | 二级指标 | 三级指标 | 自评得分 |\n"
            "| 产出指标（45分） | 数量指标 | 修缮校舍面积 | 20 |\n| | 质量指标 | 竣工验收合格率 | 15 |\n"
            "| | 时效指标 | 当年完工率 | 10 |\n| 效益指标（35分） | 社会效益指标 | 在校生安全保障 | 18 |\n"
            "| | 可持续影响指标 | 校舍使用年限 | 15 |\n| 满意度指标（20分） | 满意度指标 | 师生满意度 | 19 |\n"
            "| 总分 | | | 97 |\n")
    flags, verified = analyze(pipeline, text)
    assert flags == [] and not any("本组分值" in v["arithmetic"] for v in verified)
    flags, verified = analyze(pipeline, text.replace("自评得分 |", "分值 | 自评得分 |").replace("| 18 |", "| 20 | 18 |"))
    assert any("本组分值" in v["arithmetic"] for v in verified)
