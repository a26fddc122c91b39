"""Bare numbers in table cells take the unit of their column or row header (GUIDE.md)."""

import docx
import pytest

from helpers import add_word_table

from reportmine.quantities.tables import header_unit

ROWS = [["序号", "指标名称", "年度目标(万元)", "完成率(%)"],
        ["1", "地方财政收入", "5200", "103.5"],
        ["2", "固定资产投资", "86000", "98.2"]]
EXPECTED = [("5200", "万元", 52_000_000, "元"), ("103.5", "%", 1.035, "ratio"),
            ("86000", "万元", 860_000_000, "元"), ("98.2", "%", 0.982, "ratio")]


def _found(doc):
    return [(q.text, q.unit, q.norm_value, q.norm_unit) for q in doc.quantities]


def _close(got, expected):
    assert [g[:2] + g[3:] for g in got] == [e[:2] + e[3:] for e in expected]
    for g, e in zip(got, expected):
        assert g[2] == pytest.approx(e[2])


def _analyze_docx_table(tmp_path, pipeline, name, title, rows):
    d = docx.Document()
    d.add_paragraph(title)
    add_word_table(d, *rows)
    path = tmp_path / name
    d.save(path)
    return pipeline.analyze(path)


def _analyze_rows(tmp_path, pipeline, fmt, name, title, rows):
    """The rows as a txt table parted by bars under a title, or as a docx's own table."""
    if fmt == "docx":
        return _analyze_docx_table(tmp_path, pipeline, f"{name}.docx", title, rows)
    path = tmp_path / f"{name}.txt"
    path.write_text(title + "\n" + "\n".join(" | ".join(r) for r in rows) + "\n", encoding="utf-8")
    return pipeline.analyze(path)


def test_docx_table_cells_take_the_column_header_unit(tmp_path, pipeline):
    doc = _analyze_docx_table(tmp_path, pipeline, "header_units.docx", "表1 主要指标完成情况", ROWS)
    _close(_found(doc), EXPECTED)
    assert [q.indicator for q in doc.quantities] == ["地方财政收入"] * 2 + ["固定资产投资"] * 2


@pytest.mark.parametrize("sep", ["\t", " | "])
def test_txt_table_cells_take_the_column_header_unit(tmp_path, pipeline, sep):
    path = tmp_path / "header_units.txt"
    path.write_text("表1 主要指标完成情况\n" + "\n".join(sep.join(r) for r in ROWS) + "\n", encoding="utf-8")
    _close(_found(pipeline.analyze(path)), EXPECTED)


def test_caption_unit_and_row_label_unit(tmp_path, pipeline):
    path = tmp_path / "caption.txt"
    path.write_text("单位：万元\n项目\t预算数\t执行数\n人员经费\t320.5\t301\n"
                    "培训人数(人次)\t1200\t1350\n", encoding="utf-8")
    got = _found(pipeline.analyze(path))
    _close(got, [("320.5", "万元", 3_205_000, "元"), ("301", "万元", 3_010_000, "元"),
                 ("1200", "人次", 1200, "人次"), ("1350", "人次", 1350, "人次")])


def test_table_flattened_to_one_line_uses_row_labels(tmp_path, pipeline):
    path = tmp_path / "flat.txt"
    path.write_text("| 门诊人次(万人次) | 10.8 | 12 | 医疗收入(万元) | 5053.28 | -309.74 |\n", encoding="utf-8")
    got = _found(pipeline.analyze(path))
    _close(got, [("10.8", "万人次", 108_000, "人次"), ("12", "万人次", 120_000, "人次"),
                 ("5053.28", "万元", 50_532_800, "元"), ("-309.74", "万元", -3_097_400, "元")])


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_a_plan_cell_with_an_approximation_word_is_a_quantity_of_its_row_unit(tmp_path, pipeline, fmt):
    # (a plan's column: 6左右, 7000以上, 4.5以内 take the row's 单位 cell and keep the word)
    rows = [["指标", "单位", "今年完成", "明年目标"], ["生产总值增速", "%", "6.3", "6左右"],
            ["城镇新增就业", "人", "7120", "7000以上"], ["城镇调查失业率", "%", "4.6", "4.5以内"]]
    doc = _analyze_rows(tmp_path, pipeline, fmt, "plan", "表2 主要指标", rows)
    got = [(q.text, q.unit, q.approx) for q in doc.quantities]
    assert got == [("6.3", "%", None), ("6左右", "%", "about"), ("7120", "人", None), ("7000以上", "人", "more"),
                   ("4.6", "%", None), ("4.5以内", "%", "less")]
    assert [f.type for f in doc.flags] == []


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_a_target_cell_with_a_bound_or_approximation_before_it_is_a_quantity(tmp_path, pipeline, fmt):
    # (a performance table's target column: ≥95, ≤ 8, 约40 take the row label's unit, keep the word
    # in the span and say whether the value is a floor, a ceiling or about)
    rows = [["指标", "年度指标值", "实际完成值", "分值", "得分"], ["验收合格率(%)", "≥95", "97.2", "10", "10"],
            ["人均接待成本(元)", "≤ 8", "7.6", "5", "5"], ["受益群众(万人次)", "约40", "42.5", "10", "9"]]
    doc = _analyze_rows(tmp_path, pipeline, fmt, "bounds", "表3 绩效指标完成情况", rows)
    got = [(q.text, q.unit, q.value, q.approx) for q in doc.quantities if q.unit is not None]
    assert got == [("≥95", "%", 95, "more"), ("97.2", "%", 97.2, None), ("≤ 8", "元", 8, "less"),
                   ("7.6", "元", 7.6, None), ("约40", "万人次", 40, "about"), ("42.5", "万人次", 42.5, None)]
    assert [q.role for q in doc.quantities if q.approx is not None] == ["target"] * 3
    assert [f.type for f in doc.flags] == []


def test_a_comma_separated_table_with_a_unit_column(tmp_path, pipeline):
    # (a table saved as comma-separated values: cells take the unit of their row's
    # 计量单位 cell, a row that leaves its last cell empty is read by column, and a
    # unit alone in a cell is no missing number)
    path = tmp_path / "csv.txt"
    path.write_text("表2 主要绩效指标\n指标名称,计量单位,年度目标值,实际完成值,完成率(%)\n"
                    "适龄儿童入园率,%,90,91.2,\n培训教师,人次,1500,1620,108.0\n\n"
                    "今年培训完成后,教师满意率为95%,比上年提高2个百分点。\n", encoding="utf-8")
    doc = pipeline.analyze(path)
    got = [(q.text, q.unit, q.role) for q in doc.quantities]
    assert got[:5] == [("90", "%", "target"), ("91.2", "%", "actual"), ("1500", "人次", "target"),
                       ("1620", "人次", "actual"), ("108.0", "%", "completion_rate")]
    assert [t for t in got[5:]] == [("95%", "%", "actual"), ("2个百分点", "个百分点", "growth")]
    assert len(doc.tables) == 1 and doc.flags == []


def test_prose_lines_with_ascii_commas_are_no_table(tmp_path, pipeline):
    path = tmp_path / "prose.txt"
    path.write_text("一、主要指标,完成情况,总体良好\n全年完成 12 365 万元,增长 7. 5%,为任务的 103. 0%\n"
                    "固定资产投资,完成 95. 6 亿元,同比增长 10. 2%\n工业投资,41. 3 亿元,占 43. 2%\n", encoding="utf-8")
    doc = pipeline.analyze(path)
    assert doc.tables == []
    assert [q.text for q in doc.quantities] == ["12 365 万元", "7. 5%", "103. 0%", "95. 6 亿元", "10. 2%",
                                                "41. 3 亿元", "43. 2%"]


def test_bare_cells_without_a_header_unit_keep_unit_null(tmp_path, pipeline):
    path = tmp_path / "scores.txt"
    path.write_text("序号 | 考核内容 | 分值 | 得分\n1 | 组织领导 | 10 | 9.5\n2 | 工作落实 | 20 | 18\n"
                    "年份 | 2021 | 2022\n", encoding="utf-8")
    got = _found(pipeline.analyze(path))
    assert got == [("10", None, 10, None), ("9.5", None, 9.5, None), ("20", None, 20, None),
                   ("18", None, 18, None)]


@pytest.mark.parametrize("header, unit", [("完成率(%)", "%"), ("金额（万元）", "万元"), ("单位：亿元", "亿元"),
                                          ("占比%", "%"), ("指标名称", None), ("（一）", None)])
def test_header_unit(header, unit):
    got = header_unit(header)
    assert (got[0] if got else None) == unit


def test_page_links_in_bars_are_not_quantities(tmp_path, pipeline):
    path = tmp_path / "pages.txt"
    path.write_text("上一页 | 1 | 2 | 3 | 4 | 下一页\n全年新增就业1200人。\n", encoding="utf-8")
    assert [q.text for q in pipeline.analyze(path).quantities] == ["1200人"]


@pytest.mark.parametrize("sep", ["\t", " | "])
def test_a_table_typed_into_docx_paragraphs_reads_like_a_docx_table(tmp_path, pipeline, sep):
    """Cells parted by | or tabs in Word paragraphs (pasted text): the same
    quantities as a real table, beside a real table the reader builds."""
    d = docx.Document()
    d.add_paragraph("表1 主要指标完成情况")
    for row in ROWS:
        d.add_paragraph(sep.join(row))
    d.add_paragraph("表2 其他指标")
    add_word_table(d, ["指标名称", "完成值(个)"], ["新建项目", "12"])
    path = tmp_path / "typed_table.docx"
    d.save(path)
    doc = pipeline.analyze(path)
    _close(_found(doc)[:4], EXPECTED)
    assert _found(doc)[4][:2] == ("12", "个")
    assert len(doc.tables) == 2


def test_typed_rows_on_both_sides_of_a_docx_table_are_two_tables_around_it(tmp_path, pipeline):
    d = docx.Document()
    d.add_paragraph("指标 | 目标(个) | 完成(个)")
    d.add_paragraph("新建项目 | 20 | 18")
    add_word_table(d, ["指标名称", "完成值(户)"], ["改造户数", "35"])
    d.add_paragraph("指标 | 目标(人) | 完成(人)")
    d.add_paragraph("培训人数 | 300 | 320")
    path = tmp_path / "around.docx"
    d.save(path)
    doc = pipeline.analyze(path)
    assert [(q.text, q.unit) for q in doc.quantities] == [("20", "个"), ("18", "个"), ("35", "户"),
                                                         ("300", "人"), ("320", "人")]
    assert len(doc.tables) == 3


def test_a_self_evaluation_table_names_its_deepest_indicator_and_keeps_scores_bare(tmp_path, pipeline):
    """一级 | 二级 | 三级指标: a row is named by its third-level cell; a row label's
    unit note (满意度(%)) is not the unit of the row's score cells (得分)."""
    d = docx.Document()
    d.add_paragraph("项目支出绩效自评表")
    add_word_table(d, ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
                   ["产出指标", "数量指标", "改造户数", "300", "320", "10", "10"],
                   ["效益指标", "满意度指标", "群众满意度(%)", "90", "95", "10", "9"])
    path = tmp_path / "self_evaluation.docx"
    d.save(path)
    doc = pipeline.analyze(path)
    got = [(q.text, q.role, q.indicator, q.unit) for q in doc.quantities]
    assert got == [("300", "target", "改造户数", None), ("320", "actual", "改造户数", None),
                   ("10", "full_target", "改造户数", None), ("10", "actual", "改造户数", None),
                   ("90", "target", "群众满意度", "%"), ("95", "actual", "群众满意度", "%"),
                   ("10", "full_target", "群众满意度", None), ("9", "actual", "群众满意度", None)]


@pytest.mark.parametrize("suffix", ["txt", "docx"])
def test_a_table_copied_one_cell_per_line_reads_as_a_table(tmp_path, pipeline, suffix):
    """Stop 29: a table copied out of a document with every cell on a line (or a
    docx paragraph) of its own (the header's cells, then each row's label and
    values) is a table: the values take the row label's unit and the column's role."""
    lines = ["主要指标完成情况", "指标名称", "年度目标", "实际完成", "完成率", "新建农村公路（公里）", "120", "126.5",
             "105.4%", "改造危桥（座）", "18", "17", "94.4%", "全年各项工作稳步推进。"]
    path = tmp_path / f"column.{suffix}"
    if suffix == "txt":
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        d = docx.Document()
        for line in lines:
            d.add_paragraph(line)
        d.save(path)
    doc = pipeline.analyze(path)
    assert [(q.text, q.unit, q.role, q.indicator) for q in doc.quantities] == [
        ("120", "公里", "target", "新建农村公路"), ("126.5", "公里", "actual", "新建农村公路"),
        ("105.4%", "%", "completion_rate", "新建农村公路"), ("18", "座", "target", "改造危桥"),
        ("17", "座", "actual", "改造危桥"), ("94.4%", "%", "completion_rate", "改造危桥")]


def test_a_table_one_cell_a_line_closed_by_bars_reads_as_a_table(tmp_path, pipeline):
    """Stop 38: web pages leave a table one cell a line with a bar closing each
    line (``增长% |``): the bar is no part of the cell, the lines are that table
    (the header's cells, then each row's label and values), and the lines around
    it (a bar alone, a source line) are not cells of it."""
    lines = ["|", "产值 |", "本月 |", "增长% |", "累计 |", "累计增长 |", "装备制造 |", "2340 |", "16.50 |",
             "21242 |", "24.84 |", "电子信息 |", "3974 |", "18.05 |", "40865 |", "22.97 |", "（来源：统计局） |"]
    path = tmp_path / "bars.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc = pipeline.analyze(path)
    assert len(doc.tables) == 1 and len(doc.tables[0].rows) == 3
    assert [(q.text, q.unit, q.role, q.indicator) for q in doc.quantities] == [
        ("2340", None, "actual", "装备制造"), ("16.50", "%", "growth", "装备制造"),
        ("21242", None, "actual", "装备制造"), ("24.84", None, "growth", "装备制造"),
        ("3974", None, "actual", "电子信息"), ("18.05", "%", "growth", "电子信息"),
        ("40865", None, "actual", "电子信息"), ("22.97", None, "growth", "电子信息")]


def test_a_table_one_cell_a_line_numbered_in_its_first_column_reads_as_a_table(tmp_path, pipeline):
    """Stop 42: a table one cell a line whose first column numbers its rows
    (序号 |, then 1 |, 东山县 |, numbers): the header from its numbering cell,
    each row a number, a label and numbers, and a total row that has no number
    read by the same columns (its header unit and role); the row numbers are
    no quantities."""
    lines = ["各县重点项目推进表", "序号 |", "县区 |", "计划开工数 |", "累计开工数 |", "计划投资额(万元) |",
             "投资完成率 |", "1 |", "东山县 |", "40 |", "36 |", "52000 |", "50.96% |", "2 |", "西河县 |", "25 |",
             "20 |", "31000 |", "40.00% |", "合计 |", "65 |", "56 |", "83000 |", "46.87% |"]
    path = tmp_path / "numbered.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc = pipeline.analyze(path)
    assert len(doc.tables) == 1 and len(doc.tables[0].rows) == 4
    assert [(q.text, q.unit, q.role) for q in doc.quantities] == [
        ("40", None, "target"), ("36", None, "actual"), ("52000", "万元", "target"), ("50.96%", "%", "completion_rate"),
        ("25", None, "target"), ("20", None, "actual"), ("31000", "万元", "target"), ("40.00%", "%", "completion_rate"),
        ("65", None, "target"), ("56", None, "actual"), ("83000", "万元", "target"), ("46.87%", "%", "completion_rate")]


def test_a_form_one_cell_a_line_with_empty_cells_stays_a_bar_table(tmp_path, pipeline):
    """A form one cell a line whose empty cells (``|``) break its rows is read
    in pieces that miss its columns (a piece whose header lost its first
    cell puts 131.2 under 预算执行率): it stays a bar table of one column,
    every bare number kept, no column giving a role."""
    lines = ["预算执行情况（10分） |", "年度预算数（万元） |", "年初预算 |", "调整后预算数 |", "预算执行数 |",
             "预算执行率 |", "权重 |", "得分 |", "原因 |", "总额 |", "120.5 |", "131.2 |", "131.2 |", "100.00% |",
             "10 |", "|", "|", "其中：财政资金 |", "120.5 |", "131.2 |", "131.2 |", "100.00% |", "/ |", "/ |",
             "单位资金 |", "0.00 |", "0.00 |", "0.00 |", "0.00% |", "/ |", "/ |"]
    path = tmp_path / "form.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc = pipeline.analyze(path)
    assert len(doc.tables) == 1
    assert [(q.text, q.role) for q in doc.quantities] == [("10分", "full_target")] + [
        (t, "actual") for t in ["120.5", "131.2", "131.2", "100.00%", "10", "120.5", "131.2", "131.2", "100.00%",
                                "0.00", "0.00", "0.00", "0.00%"]]


def test_short_lines_that_are_no_table_stay_lines(tmp_path, pipeline):
    """Headings and a short line with a number, but no header as wide as its rows: no table."""
    path = tmp_path / "lines.txt"
    path.write_text("一、工作回顾\n二、存在问题\n三、下步打算\n联系电话\n12345\n全年新增就业3200人。\n",
                    encoding="utf-8")
    doc = pipeline.analyze(path)
    assert doc.tables == [] and [q.text for q in doc.quantities] == ["3200人"]


@pytest.mark.parametrize("rows, roles", [
    # 一般公共预算收入 is an amount raised, not a budget (plan) column
    (["县区 | 地区生产总值（亿元） | 一般公共预算收入（亿元）", "东城区 | 412.6 | 26.3"], ["actual", "actual"]),
    # a completion of the adjusted budget, a gap to the pace, points taken off
    (["项目 | 调整预算数 | 决算数 | 完成调整预算（%）", "基本支出 | 5380 | 5362.7 | 99.7"],
     ["target", "actual", "completion_rate"]),
    (["指标 | 全年目标 | 1-9月完成 | 超（欠）序时进度（个百分点）", "工业投资（亿元） | 80 | 62.4 | 3.0"],
     ["target", "actual", "difference"]),
    (["考核项目 | 分值 | 扣分 | 得分", "信息报送 | 5 | 1 | 4"], ["full_target", "other", "actual"]),
    # a header with an item's maximum (itself full_target) heads the scores achieved
    (["乡镇 | 经济发展（40分） | 社会事业（30分）", "城关镇 | 37.5 | 28.0"],
     ["full_target", "full_target", "actual", "actual"]),
])
def test_table_headers_give_their_columns_roles(tmp_path, pipeline, rows, roles):
    path = tmp_path / "roles.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert [q.role for q in pipeline.analyze(path).quantities] == roles


def test_rows_of_places_take_what_their_column_or_title_measures(tmp_path, pipeline):
    """A row labelled with a place (东城区) or as their whole (全市) says whose
    figures: the cells take the measure their column names (税收收入), the
    nearest such column for a change (同比增减), or the table's title; a 合计
    row of items (教育, 卫生健康) stays the total's own."""
    path = tmp_path / "places.txt"
    path.write_text("各县区税收收入完成情况\n单位：万元\n县区 | 税收收入 | 同比增减（%）\n东城区 | 18620 | 4.6\n"
                    "全市 | 48360 | 3.8\n\n各乡镇招商引资到位资金完成情况\n乡镇 | 年度目标 | 完成\n城关镇 | 3200 | 1850\n\n"
                    "科目 | 本年支出 | 占比（%）\n教育 | 12600 | 42.0\n合计 | 30000 | 100.0\n",
                    encoding="utf-8")
    doc = pipeline.analyze(path)
    assert [(q.text, q.indicator) for q in doc.quantities] == [
        ("18620", "税收收入"), ("4.6", "税收收入"), ("48360", "税收收入"), ("3.8", "税收收入"),
        ("3200", "招商引资到位资金"), ("1850", "招商引资到位资金"),
        ("12600", "教育"), ("42.0", "教育"), ("30000", "合计"), ("100.0", "合计")]
    assert [f.message for f in doc.flags if f.type == "inconsistency"] == []


FORM = [["项目支出绩效自评表", "", "", "", "", ""],
        ["项目名称", "村道硬化工程", "实施单位", "某镇人民政府", "", ""],
        ["资金情况（万元）", "", "", "", "", ""],
        ["全年预算数", "全年执行数", "分值", "执行率", "得分", ""],
        ["年度资金总额", "56.2", "50.1", "10", "89.1%", "8.9"],
        ["二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分"],
        ["产出指标（50分）", "", "", "", "", ""],
        ["数量指标", "硬化村道里程", "30", "4.5公里", "4.6公里", "30"],
        ["其中主干道", "2.8公里", "2.8公里", "", "", ""],
        ["群众满意度", "20", "90%", "96%", "20", ""]]


@pytest.mark.parametrize("suffix", ["txt", "docx"])
def test_a_form_with_a_header_row_per_section_reads_each_section_by_its_own_header(tmp_path, pipeline, suffix):
    """Stop 36, after real self-assessment forms (not realdev): a header row
    below the table's first heads the rows under it; a row's values, in order,
    take its value columns in order though the row does not line up with it (a
    row label the header has no cell for; a row of two amounts with units under
    a header whose other two columns are points)."""
    path = tmp_path / f"form.{suffix}"
    if suffix == "txt":
        path.write_text("\n".join(" | ".join(c for c in r if c) for r in FORM) + "\n", encoding="utf-8")
    else:
        d = docx.Document()
        add_word_table(d, *FORM)
        d.save(path)
    got = [(q.text, q.role) for q in pipeline.analyze(path).quantities]
    assert got == [("56.2", "target"), ("50.1", "actual"), ("10", "full_target"), ("89.1%", "completion_rate"),
                   ("8.9", "actual"), ("50分", "full_target"),
                   ("30", "full_target"), ("4.5公里", "target"), ("4.6公里", "actual"), ("30", "actual"),
                   ("2.8公里", "target"), ("2.8公里", "actual"),
                   ("20", "full_target"), ("90%", "target"), ("96%", "actual"), ("20", "actual")]


def test_a_form_header_s_first_cell_heads_the_labels_and_its_points_column_the_score(tmp_path, pipeline):
    """预算执行情况（20分） heads the rows' labels, not their first value; 得分
    （20分×执行率） holds the score achieved, not a rate."""
    rows = ["项目支出绩效自评表", "项目名称 | 文化下乡", "预算执行情况（万元）（20分） | 预算数 | 执行数 | 执行率 | 得分（20分×执行率）",
            "年度资金总额 | 120 | 108 | 90% | 18"]
    path = tmp_path / "form2.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    got = [(q.text, q.role) for q in pipeline.analyze(path).quantities]
    assert got[-4:] == [("120", "target"), ("108", "actual"), ("90%", "completion_rate"), ("18", "actual")]


def test_a_header_with_one_column_of_points_heads_the_rows_under_it(tmp_path, pipeline):
    """代码 | 考核指标 | 分值 | 评分细则 below a title in the table's first rows: the points column gives its
    cells an item's maximum (full_target); the row numbers of the 代码 column are no values."""
    rows = ["附件2 | ||||", "某县乡镇目标管理考核指标 | ||||", "100 | ||||", "代码 | 考核指标 | 分值 | 评分细则 | 备注 |",
            "一 | 经济发展 | 40 | 共3项 |", "1.1 | 财政收入 | 15 | 完成任务得满分，每少1个百分点扣0.5分 |"]
    path = tmp_path / "points.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    got = [(q.text, q.role) for q in pipeline.analyze(path).quantities if q.text in ("40", "15")]
    assert got == [("40", "full_target"), ("15", "full_target")]


def test_a_row_with_a_comparison_cell_reads_in_the_form_s_order(tmp_path, pipeline):
    """A form's 指标性质 column (≥ | 300 | 人次 | 320 | 10 | 9) in rows whose header
    the excerpt lost: the requirement (target), the value reached, then as bare
    numbers the item's points (full_target) and the score (actual)."""
    rows = ["| 质量指标 | 资助政策覆盖率 | ≥ | 95 | % | 100% | 10 | 10 |",
            "| 数量指标 | 培训人次 | ≥ | 300 | 人次 | 320 | 10 | 9 |"]
    path = tmp_path / "form3.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert [(q.text, q.role) for q in pipeline.analyze(path).quantities] == [
        ("95", "target"), ("100%", "actual"), ("10", "full_target"), ("10", "actual"),
        ("300", "target"), ("320", "actual"), ("10", "full_target"), ("9", "actual")]


def test_a_flattened_two_level_header_drops_its_group_cell(tmp_path, pipeline):
    """年度预算数（万元） heads 年初预算 and 调整后预算数 in the form; flattened into
    one header row it is no column of its own."""
    rows = ["项目支出绩效自评表 | |||",
            "预算执行情况（10分） | 年度预算数（万元） | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 |",
            "总额 | 20.00 | 24.50 | 24.10 | 98.37% | 10 | 9.8 | 无 |"]
    path = tmp_path / "form4.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    got = [(q.text, q.role) for q in pipeline.analyze(path).quantities][-6:]
    assert got == [("20.00", "target"), ("24.50", "target"), ("24.10", "actual"), ("98.37%", "completion_rate"),
                   ("10", "full_target"), ("9.8", "actual")]


def _analyze_lines(tmp_path, pipeline, name, lines):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return pipeline.analyze(path)


UNIT_COLUMN = [["指  标", "单 位", "本月", "累计"],
               ["新增城镇就业人数", "万人", "1.2", "9.8"],
               ["发放创业担保贷款", "亿元", "0.35", "2.6"]]
UNIT_COLUMN_FOUND = [("1.2", "万人", 12_000, "人"), ("9.8", "万人", 98_000, "人"),
                     ("0.35", "亿元", 35_000_000, "元"), ("2.6", "亿元", 260_000_000, "元")]


def test_a_column_headed_unit_gives_each_row_its_unit_txt(tmp_path, pipeline):
    """A column headed 单位 (spaces inside the header allowed) names each row's
    unit: the row's bare numbers take it (TAB-separated txt)."""
    doc = _analyze_lines(tmp_path, pipeline, "unit_column.txt", ["\t".join(row) for row in UNIT_COLUMN])
    _close(_found(doc), UNIT_COLUMN_FOUND)


def test_a_column_headed_unit_gives_each_row_its_unit_docx(tmp_path, pipeline):
    doc = _analyze_docx_table(tmp_path, pipeline, "unit_column.docx", "表3 就业创业主要指标", UNIT_COLUMN)
    _close(_found(doc), UNIT_COLUMN_FOUND)


def test_a_row_label_with_pinyin_glosses_names_its_indicator_without_them(tmp_path, pipeline):
    """A table's row label written with pinyin glosses (城鎮(zhèn)) names the
    indicator as a phrase of prose does: the glosses dropped."""
    lines = ["指標(biāo) | 本月(億元) | 增長(zhǎng)(%)",
             "城鎮(zhèn)消費(fèi)品零售額 | 812 | 6.4",
             "鄉(xiāng)村消費(fèi)品零售額 | 133 | 7.9"]
    doc = _analyze_lines(tmp_path, pipeline, "glosses.txt", lines)
    assert [(q.text, q.indicator) for q in doc.quantities] == [
        ("812", "城鎮消費品零售額"), ("6.4", "城鎮消費品零售額"),
        ("133", "鄉村消費品零售額"), ("7.9", "鄉村消費品零售額")]


def test_a_column_of_change_rates_holds_growth(tmp_path, pipeline):
    """A column headed 变化率 (变幅, 变动率) holds each row's change against an
    earlier period: growth (GUIDE.md), as a column headed 增幅 does."""
    lines = ["县区 | 水质综合指数 | 综合指数变化率 | 优良天数变幅",
             "东湖县 | 3.12 | -4.1% | 2.5%",
             "西岭县 | 3.40 | 1.8% | -0.6%"]
    doc = _analyze_lines(tmp_path, pipeline, "change_rates.txt", lines)
    assert [(q.text, q.role) for q in doc.quantities] == [
        ("3.12", "actual"), ("-4.1%", "growth"), ("2.5%", "growth"),
        ("3.40", "actual"), ("1.8%", "growth"), ("-0.6%", "growth")]


def test_a_column_headed_unit_that_lists_bodies_gives_no_unit(tmp_path, pipeline):
    """单位 also heads a column of the bodies a table lists (序号 | 单位 | 得分):
    its cells are no units (县教育局 does not make 95 a count of counties), so
    the scores keep their column's reading."""
    lines = ["序号 | 单位 | 考核得分", "1 | 县教育局 | 95", "2 | 县卫健局 | 92.5", "3 | 镇政府 | 88"]
    doc = _analyze_lines(tmp_path, pipeline, "bodies.txt", lines)
    assert [(q.text, q.unit) for q in doc.quantities] == [("95", None), ("92.5", None), ("88", None)]


def test_a_row_label_naming_its_unit_is_a_measure_even_with_a_skip_word(tmp_path, pipeline):
    """电话 marks a column or row of phone numbers, but a row label that names
    its unit (长途电话（亿次）) is a measure: its cells are quantities in that
    unit; a row of phone numbers stays none."""
    lines = ["指标 | 2024年 | 2025年", "长途电话（亿次） | 12.6 | 11.8", "联系电话 | 3312456 | 3312457"]
    doc = _analyze_lines(tmp_path, pipeline, "phones.txt", lines)
    assert [(q.text, q.unit) for q in doc.quantities] == [("12.6", "亿次"), ("11.8", "亿次")]
