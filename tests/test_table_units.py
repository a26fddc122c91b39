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


def test_docx_table_cells_take_the_column_header_unit(tmp_path, pipeline):
    d = docx.Document()
    d.add_paragraph("表1 主要指标完成情况")
    add_word_table(d, *ROWS)
    path = tmp_path / "header_units.docx"
    d.save(path)
    doc = pipeline.analyze(path)
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
