"""Tables one cell a line with bars between the cells, read by the period of
their columns (structure/cell_streams.py): the layouts web pages leave that the
header-then-label-and-numbers reader does not take."""

from reportmine.structure.cell_streams import cell_stream, periodic_tables, stream_runs
from reportmine.structure.lines import split_lines
from reportmine.structure.tables import _column_cells


def _analyze(tmp_path, pipeline, lines, name="stream.txt"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return pipeline.analyze(path)


def _found(doc):
    return [(q.text, q.unit) for q in doc.quantities]


def test_bars_alone_between_wrapped_cells_read_as_a_table(tmp_path, pipeline):
    """Bars alone on their lines part the cells, a header cell wraps over two
    lines, two bars in a row close each row, a total row has no number: each
    value takes its column's unit; row numbers are no quantities."""
    cells = [["序号", "乡镇", "抽查农户\n户数(户)", "达标农户\n户数(户)", "达标率(%)"],
             ["1", "东湖镇", "320", "301", "94.06"],
             ["2", "西岭乡", "210", "188", "89.52"],
             ["3", "南坪镇", "145", "139", "95.86"]]
    lines = ["附表 农户饮水安全抽查情况"]
    for row in cells:
        for cell in row:
            lines += ["|", *cell.split("\n")]
        lines.append("|")
    lines += ["|", "合计", "|", "675", "|", "628", "|", "93.04", "|", "|"]
    doc = _analyze(tmp_path, pipeline, lines)
    assert len(doc.tables) == 1 and len(doc.tables[0].rows) == 5
    assert _found(doc) == [("320", "户"), ("301", "户"), ("94.06", "%"), ("210", "户"), ("188", "户"),
                           ("89.52", "%"), ("145", "户"), ("139", "户"), ("95.86", "%"),
                           ("675", "户"), ("628", "户"), ("93.04", "%")]


def test_cells_closed_by_bars_with_a_text_column_after_the_numbers(tmp_path, pipeline):
    """Each line one cell closed by a bar, the rows numbered by rank, a column
    of words after the numbers (what the label column of the older reader
    forbade): the values are quantities with their column's unit or none."""
    lines = ["表2 各县河流断面水质", "名次 |", "县 |", "综合污染指数 |", "达标率(%) |", "首要污染因子 |",
             "1 |", "青阳县 |", "0.82 |", "100 |", "总磷 |",
             "2 |", "石台县 |", "0.95 |", "96.5 |", "氨氮 |",
             "3 |", "东至县 |", "1.07 |", "91.2 |", "总磷 |"]
    doc = _analyze(tmp_path, pipeline, lines)
    assert len(doc.tables) == 1 and len(doc.tables[0].rows) == 4
    assert _found(doc) == [("0.82", None), ("100", "%"), ("0.95", None), ("96.5", "%"),
                           ("1.07", None), ("91.2", "%")]


def test_a_caption_on_a_full_line_is_not_joined_to_the_first_cell(tmp_path, pipeline):
    """In a hard-wrapped text a caption as long as the printed lines stands
    above a table one cell a line: its newline stays (the first cell, ``名次 |``,
    opens the table), so the header keeps its first cell and the columns
    their units."""
    prose = ["今年以来全县持续推进水污染防治攻坚行动各项工作任务，重点河流断面水质",
             "稳中向好，城乡饮用水水源地水质达标率保持在较高水平，各县区的河长制工",
             "作进一步压实，下表列出各县主要河流断面的综合污染指数和达标情况如下"]
    caption = "表2 2026年1-10月各县主要河流断面水质综合污染指数及达标率排名"
    lines = prose + [caption, "名次 |", "县 |", "综合污染指数 |", "达标率(%) |", "首要污染因子 |",
                     "1 |", "青阳县 |", "0.82 |", "100 |", "总磷 |",
                     "2 |", "石台县 |", "0.95 |", "96.5 |", "氨氮 |"]
    doc = _analyze(tmp_path, pipeline, lines)
    table = [[doc.text[doc.blocks[i].start:doc.blocks[i].end] for i in row] for row in doc.tables[0].rows]
    assert table[0] == ["名次", "县", "综合污染指数", "达标率(%)", "首要污染因子"]
    assert ("96.5", "%") in _found(doc)


def test_rows_that_stop_being_closed_and_a_row_of_words_stay_in_the_table(tmp_path, pipeline):
    """A bar alone closes the header and the first rows, then no longer; a row
    whose values are words (是) stands between rows of rates: one table, each
    value's indicator the row's own name."""
    lines = ["一级指标 |", "指标名称 |", "目标值 |", "实际完成值 |", "|",
             "产出指标 |", "培训覆盖率 |", "90% |", "93% |", "|",
             "产出指标 |", "结业考核合格率 |", "85% |", "88% |", "|",
             "产出指标 |", "培训人数 |", "1200人 |", "1260人 |",
             "效益指标 |", "是否建立回访制度 |", "是 |", "是 |",
             "效益指标 |", "学员满意度 |", "90% |", "96% |"]
    doc = _analyze(tmp_path, pipeline, lines)
    assert len(doc.tables) == 1 and len(doc.tables[0].rows) == 6
    assert [(q.text, q.indicator) for q in doc.quantities][-2:] == [("90%", "学员满意度"), ("96%", "学员满意度")]


def _tables(lines):
    cells = _column_cells()
    out = []
    for run in stream_runs(split_lines("\n".join(lines)), cells.stream_cell_line):
        out += periodic_tables(cell_stream(run), cells)
    return out


def test_a_stream_whose_rows_do_not_keep_their_columns_is_no_table():
    """Cells whose kinds do not repeat with any width (a list of items and
    amounts, then prose-like pieces) give no table, and a stream of numbers
    with no header gives none either."""
    assert _tables(["项目 |", "资金 |", "道路 |", "120 |", "桥梁 |", "维修 |", "80 |", "60 |", "备注 |",
                    "已完工 |", "待验收 |", "2 |"]) == []
    assert _tables(["|", "12", "|", "15", "|", "18", "|", "21", "|", "24", "|", "27", "|", "30", "|"]) == []


def test_a_numbered_first_column_must_hold_row_numbers():
    """A first column of numbers is read as the rows' numbering only when each
    is a whole number of a few digits: a column of rates there is no table."""
    lines = ["指标 |", "区县 |", "数值 |", "同比 |"]
    for rate, name, value, change in [("3.5%", "甲区", "12", "1.1%"), ("4.2%", "乙区", "15", "0.8%"),
                                      ("2.9%", "丙区", "11", "-0.4%")]:
        lines += [f"{rate} |", f"{name} |", f"{value} |", f"{change} |"]
    assert _tables(lines) == []


def test_section_rows_between_the_header_and_the_values_and_a_unit_column(tmp_path, pipeline):
    """指标 | 单位 | 数量 with a section's name in a row of its own (its other
    cells empty) before the values, bars alone between the cells: one table of
    three columns, each value with the unit its row's 单位 cell names."""
    rows = [["指 标", "单 位", "数 量"], ["一、社会救助", "", ""], ["城市低保对象", "万人", "3.6"],
            ["农村低保对象", "万人", "11.2"], ["二、养老服务", "", ""], ["养老机构床位", "张", "8450"]]
    lines = ["|"]
    for row in rows:
        for cell in row:
            lines += ([cell] if cell else []) + ["|"]
    doc = _analyze(tmp_path, pipeline, lines)
    assert len(doc.tables) == 1 and len(doc.tables[0].rows) == 6
    assert _found(doc) == [("3.6", "万人"), ("11.2", "万人"), ("8450", "张")]


def test_a_section_row_inside_a_numbered_table_does_not_end_it(tmp_path, pipeline):
    """A numbered table one cell a line whose rows a section's name interrupts
    (its other cells empty): the rows after it are still the table's."""
    lines = ["|", "序号", "|", "企业", "|", "产值(万元)", "|", "增长(%)", "|", "|"]
    rows = [["1", "甲厂", "5200", "6.1"], ["2", "乙厂", "3100", "4.4"], ["二、服务业", "", "", ""],
            ["3", "丙店", "870", "9.2"], ["4", "丁店", "640", "3.0"]]
    for row in rows:
        for cell in row:
            lines += ([cell] if cell else []) + ["|"]
        lines.append("|")
    doc = _analyze(tmp_path, pipeline, lines)
    assert len(doc.tables) == 1 and len(doc.tables[0].rows) == 6
    assert _found(doc)[-2:] == [("640", "万元"), ("3.0", "%")]


def test_a_count_column_that_is_mostly_zero_does_not_make_a_difference_column(pipeline):
    """学校 合计 | 公办 | 民办 | 其他 where 其他 is mostly 0: 合计 − 公办 = 民办
    in those rows, but where 其他 is not 0 the row's first count is the sum of
    its three parts, no wrong difference; a row where no part explains the gap
    is still flagged."""
    rows = ["| 县区 | 合计 | 公办 | 民办 | 其他 |", "| 东湖县 | 120 | 100 | 20 | 0 |", "| 西岭县 | 95 | 80 | 15 | 0 |",
            "| 南坪县 | 60 | 50 | 10 | 0 |", "| 北山县 | 154 | 111 | 41 | 2 |"]
    flags = [f for f in pipeline.analyze_bytes(("\n".join(rows) + "\n").encode(), "t.txt").flags
             if f.type == "inconsistency"]
    assert flags == []
    rows[-1] = "| 北山县 | 154 | 111 | 38 | 2 |"
    flags = [f for f in pipeline.analyze_bytes(("\n".join(rows) + "\n").encode(), "t.txt").flags
             if f.type == "inconsistency"]
    assert len(flags) == 1 and "154 − 111 = 43" in flags[0].message


def test_a_total_row_whose_label_stands_in_the_numbers_column(tmp_path, pipeline):
    """序号 | 类别 | 批次 | 不合格 | 率 with a last row 合计 | (empty) | 5226 | …:
    the label takes the numbering column and the values keep their columns."""
    lines = ["序号 |", "类别 |", "抽检批次 |", "不合格批次 |", "不合格率(%) |",
             "1 |", "粮食制品 |", "398 |", "2 |", "0.50 |",
             "2 |", "食用油 |", "164 |", "4 |", "2.44 |",
             "合计 |", "|", "562 |", "6 |", "1.07 |"]
    doc = _analyze(tmp_path, pipeline, lines)
    assert _found(doc)[-3:] == [("562", None), ("6", None), ("1.07", "%")]


def test_places_without_figures_and_no_doubled_rows(tmp_path, pipeline):
    """Rows of a place whose other cells are empty, two in a row, stay in the
    table (no table twice as wide, pairing two rows, is read instead): each
    later row's rate keeps its column's unit."""
    lines = ["|", "地区", "|", "面积", "|", "产量", "|", "增减(%)", "|"]
    for row in [["全省", "430.5", "1053", "3.2"], ["甲市", "", "", ""], ["乙市", "", "", ""],
                ["丙市", "26.2", "712", "-1.5"], ["丁市", "15.7", "426", "2.8"], ["戊市", "", "", ""],
                ["己市", "10.5", "285", "0.6"]]:
        for cell in row:
            lines += ([cell] if cell else []) + ["|"]
    doc = _analyze(tmp_path, pipeline, lines)
    assert len(doc.tables) == 1 and len(doc.tables[0].rows[0]) == 4
    assert _found(doc)[-3:] == [("10.5", None), ("285", None), ("0.6", "%")]


def test_a_stream_that_ends_early_leaves_the_bar_run_whole(tmp_path, pipeline):
    """A row one cell short (a merged cell) ends the table read by the period
    of its columns before most of its lines: the run stays a table of one
    column, every value of it still a quantity (none lost past the short row)."""
    lines = ["2025年全市教育基本情况表", "类别 |", "学校数 |", "班级数 |", "在校生数 |", "学前教育 |", "650 |", "4318 |", "124541 |",
             "小学 |", "334 |", "8697 |", "371009 |", "初中 |", "147 |", "171369 |",
             "高中 |", "56 |", "1853 |", "89750 |", "特殊教育 |", "8 |", "122 |", "1282 |",
             "职业教育 |", "15 |", "40 |", "35480 |", "总计 |", "1210 |", "15030 |", "893431 |"]
    doc = _analyze(tmp_path, pipeline, lines)
    assert [q.text for q in doc.quantities][-6:] == ["15", "40", "35480", "1210", "15030", "893431"]


def test_years_heading_the_columns_of_a_stream_are_labels(tmp_path, pipeline):
    """序号 | 省份 | 2023年 | 2024年 | 2025年 one cell a line: the years head
    columns (no numbers of the rows), so the header is read and the scores
    under it are quantities; the row numbers are none."""
    lines = ["序号 |", "地区 |", "2023年 |", "2024年 |", "2025年 |",
             "1 |", "东湖县 |", "67.8 |", "73.0 |", "77.3 |",
             "2 |", "西岭县 |", "72.0 |", "73.4 |", "74.3 |"]
    doc = _analyze(tmp_path, pipeline, lines)
    assert [q.text for q in doc.quantities] == ["67.8", "73.0", "77.3", "72.0", "73.4", "74.3"]
