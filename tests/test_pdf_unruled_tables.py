"""Tables a PDF draws without rules (readers/pdfcolumns.py): lines parted
into columns by wide gaps are read as a table, cell by cell, so the column
headers give roles and the row labels units; running text stays text.
PDFs made here with reportlab; texts written for this test."""

from __future__ import annotations

import pytest

from reportmine.pipeline import Pipeline
from reportmine.readers import read

import render_helpers as rh

ROWS = [("指标名称", "年度目标", "实际完成", "完成率"),
        ("城镇新增就业（人）", "4200", "4410", "105%"),
        ("农村劳动力转移（人）", "6500", "6240", "96%"),
        ("创业担保贷款（万元）", "3000", "3360", "112%")]


def _pdf(path, rows, xs=(60, 230, 320, 410), before="三、主要指标完成情况", after="各项指标进展总体顺利。"):
    render = rh.load_render()
    render.register_font()
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(render.FONT, 11)
    y = 780
    c.drawString(60, y, before)
    y -= 24
    for row in rows:
        for x, cell in zip(xs, row):
            c.drawString(x, y, cell)
        y -= 20
    c.drawString(60, y - 10, after)
    c.save()
    return path


def test_an_unruled_table_is_read_cell_by_cell(tmp_path):
    doc = read(_pdf(tmp_path / "t.pdf", ROWS))
    assert len(doc.tables) == 1
    table = doc.tables[0]
    cells = [[doc.text[doc.blocks[i].start:doc.blocks[i].end] for i in row] for row in table.rows]
    assert cells == [list(r) for r in ROWS]
    assert doc.text.startswith("三、主要指标完成情况\n") and doc.text.endswith("\n各项指标进展总体顺利。")


def test_its_headers_give_roles_and_its_row_labels_units(tmp_path):
    path = _pdf(tmp_path / "t.pdf", ROWS)
    doc = Pipeline().analyze_bytes(path.read_bytes(), "t.pdf")
    got = [(q.text, q.unit, q.role, q.indicator) for q in doc.quantities]
    assert got[:3] == [("4200", "人", "target", "城镇新增就业"), ("4410", "人", "actual", "城镇新增就业"),
                       ("105%", "%", "completion_rate", "城镇新增就业")]
    assert ("3360", "万元", "actual", "创业担保贷款") in got
    # 6240/6500 = 96%: the row verifies; nothing is flagged
    assert not [f for f in doc.flags if f.type == "inconsistency"]


def test_a_wrong_rate_in_an_unruled_table_is_flagged(tmp_path):
    rows = ROWS[:2] + [("农村劳动力转移（人）", "6500", "6240", "90%")] + ROWS[3:]
    doc = Pipeline().analyze_bytes(_pdf(tmp_path / "t.pdf", rows).read_bytes(), "t.pdf")
    flags = [f for f in doc.flags if f.type == "inconsistency"]
    assert len(flags) == 1 and flags[0].text.endswith("90%") and "6240" in flags[0].message


@pytest.mark.parametrize("rows", [
    # two columns only: a label and its value, not read as a table
    [("联系人", "张某某"), ("联系电话", "0000-1234567")],
    # three columns on one line only
    [("编制单位", "县统计局", "2024年3月")],
    # wide gaps but no digits after the first column
    [("组长", "副组长", "成员"), ("县长", "副县长", "各局局长")],
])
def test_lines_that_are_no_table_stay_text(tmp_path, rows):
    doc = read(_pdf(tmp_path / "t.pdf", rows, xs=(60, 230, 400)))
    assert doc.tables == []
    for row in rows:
        assert " ".join(row) in doc.text


BUDGET = [("项目", "年初预算", "调整后预算", "实际支出", "执行率"),
          ("基本支出", "1500.0", "1580.0", "1562.4", "98.9%"),
          ("项目支出", "720.0", "760.5", "668.2", "87.9%")]


@pytest.mark.parametrize("rate, flagged", [("87.9%", False), ("91.9%", True)])
def test_a_budget_table_under_its_unit_caption(tmp_path, rate, flagged):
    rows = BUDGET[:2] + [BUDGET[2][:4] + (rate,)]
    path = _pdf(tmp_path / "b.pdf", rows, xs=(60, 170, 260, 360, 450), before="单位：万元")
    doc = Pipeline().analyze_bytes(path.read_bytes(), "b.pdf")
    got = [(q.text, q.unit, q.role) for q in doc.quantities][:4]
    # budget columns state the plan, the spending column what was done, 执行率 the completion
    assert got == [("1500.0", "万元", "target"), ("1580.0", "万元", "target"), ("1562.4", "万元", "actual"),
                   ("98.9%", "%", "completion_rate")]
    flags = [f for f in doc.flags if f.type == "inconsistency"]
    assert [f.text.endswith(rate) and "668.2/760.5" in f.message for f in flags] == ([True] if flagged else [])


def test_a_row_with_a_blank_cell_keeps_its_place(tmp_path):
    rows = ROWS[:2] + [("农村劳动力转移（人）", "", "6240", "")] + ROWS[3:]
    doc = read(_pdf(tmp_path / "t.pdf", rows))
    assert len(doc.tables) == 1
    cells = [[doc.text[doc.blocks[i].start:doc.blocks[i].end] for i in row] for row in doc.tables[0].rows]
    assert cells[2] == ["农村劳动力转移（人）", "", "6240", ""]
    assert cells[3] == list(ROWS[3])
    doc = Pipeline().analyze_bytes((tmp_path / "t.pdf").read_bytes(), "t.pdf")
    assert ("6240", "人", "actual") in [(q.text, q.unit, q.role) for q in doc.quantities]


def test_a_row_label_broken_onto_a_second_line_stays_in_its_row(tmp_path):
    rows = ROWS[:2] + [("农村劳动力转移", "6500", "6240", "96%"), ("就业（人）", "", "", "")] + ROWS[3:]
    doc = read(_pdf(tmp_path / "t.pdf", rows))
    assert len(doc.tables) == 1
    cells = [[doc.text[doc.blocks[i].start:doc.blocks[i].end] for i in row] for row in doc.tables[0].rows]
    assert cells[2] == ["农村劳动力转移就业（人）", "6500", "6240", "96%"]
    assert cells[3] == list(ROWS[3]) and len(cells) == 4
