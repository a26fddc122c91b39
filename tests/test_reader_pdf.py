"""The PDF reader: golden files, line joining, doubled glyphs, tables, page
headers and footers, and bad input.

Golden sources are rendered from tests/data/pdf/texts with
``python corpora/tools/render.py tests/data/pdf/texts/NAME.txt --pdf tests/data/pdf/sources/NAME.pdf``;
regenerate the expected JSON with REPORTMINE_REGEN=1.
"""

from __future__ import annotations

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import render_helpers as rh
from reportmine.errors import ReaderError
from reportmine.readers import read

LONG = rh.DATA / "pdf" / "sources" / "report_long.pdf"


def raw_text(path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() for page in pdf.pages)



def expect_code(path, code):
    with pytest.raises(ReaderError) as info:
        read(path)
    assert info.value.code == code, info.value
    return info.value


# -- the render tool's own output -------------------------------------

def test_render_tool_keeps_unicode():
    """STSong-Light text comes back from pdfplumber as the same Unicode,
    full-width characters and ASCII digits included."""
    raw = raw_text(rh.DATA / "pdf" / "sources" / "report_basic.pdf")
    for piece in ("某县农业农村局2023年工作总结", "“三农”", "18.37", "130.48%", "21536"):
        assert piece in raw


def test_full_width_characters_survive(tmp_path):
    body = "接待群众１２０余人次，清查单位２．３万个（试点）：ＡＢＣ；增长5.6%。"
    path = rh.pdf_from_text(tmp_path / "wide.pdf", "标题\n" + body)
    assert body in raw_text(path)
    assert body in read(path).text.split("\n")


# -- joining wrapped lines -----------------------------------------------

def test_number_split_by_line_wrap_comes_out_whole(tmp_path):
    text = rh.split_number_text("130.48%", "130.")
    path = rh.pdf_from_text(tmp_path / "split.pdf", "标题\n" + text)
    assert "130.\n48%" in raw_text(path)            # the layout did split it
    doc = read(path)
    assert "130.48%" in doc.text
    assert text in rh.block_texts(doc)                  # one paragraph, nothing inserted


def test_golden_number_split_is_repaired():
    assert "130.4\n8%" in raw_text(LONG)
    doc = read(LONG)
    assert "完成年度计划的130.48%，其中工业投资增长14.2%" in doc.text


def test_latin_words_joined_with_a_space(tmp_path):
    text = rh.split_number_text("Belt and Road", "Belt")
    path = rh.pdf_from_text(tmp_path / "latin.pdf", "标题\n" + text)
    assert "Belt\nand Road" in raw_text(path)
    assert "Belt and Road" in read(path).text


PARAGRAPHS = [
    "全年新增城镇就业8560人，城镇登记失业率控制在3.2%以内，完成年度目标任务的107.0%，"
    "其中高校毕业生就业2310人，农村劳动力转移就业12600人次，发放创业担保贷款1.35亿元。",
    "全区一般公共预算收入完成25.68亿元，同比增长6.4%；一般公共预算支出完成48.91亿元，"
    "其中民生支出39.12亿元，占比达到79.98%，比上年提高1.5个百分点。",
]


@pytest.mark.parametrize("lefts", [(72,), (72, 100)], ids=["same-margins", "mirrored-margins"])
def test_paragraphs_rejoined_on_every_page(tmp_path, lefts):
    path = rh.layout_pdf(tmp_path / "pages.pdf", [PARAGRAPHS, PARAGRAPHS[::-1]], lefts=lefts)
    doc = read(path)
    assert doc.text.split("\n") == PARAGRAPHS + PARAGRAPHS[::-1]


@pytest.mark.parametrize("gap, joined", [(10, False), (0, True)])
def test_unindented_paragraphs_break_at_larger_gaps(tmp_path, gap, joined):
    """Two full lines without a sentence end, then an unindented paragraph:
    only the vertical gap tells them apart."""
    lines = rh.load_render().break_lines(PARAGRAPHS[0], 440, 12)
    first = lines[0][1] + lines[1][1]
    assert first[-1] not in "。；：！？"
    path = rh.layout_pdf(tmp_path / "gaps.pdf", [[first, PARAGRAPHS[1]]], indent=0, gap=gap)
    expected = [first + PARAGRAPHS[1]] if joined else [first, PARAGRAPHS[1]]
    assert read(path).text.split("\n") == expected


def test_paragraph_breaks_are_kept():
    doc = read(rh.DATA / "pdf" / "sources" / "report_basic.pdf")
    lines = doc.text.split("\n")
    assert "主要指标完成情况如下表所示。" in lines              # a short line
    assert "一、主要工作成效" in lines                          # larger type, short
    assert any(line.startswith("一要抓好粮食生产。") for line in lines)   # indented next line


def test_no_join_across_sentence_end_or_into_boilerplate():
    doc = read(LONG)
    for b in doc.boilerplate:
        assert doc.text[b.start - 1: b.start] in ("", "\n")
        assert doc.text[b.end: b.end + 1] in ("", "\n")


# -- glyphs --------------------------------------------------------------

@pytest.mark.parametrize("offset", [0, 0.3, 0.8], ids=["same-place", "shifted-0.3", "shifted-0.8"])
def test_fake_bold_glyphs_appear_once(tmp_path, offset):
    words = "全年完成投资12.5亿元，增长8.6%。"
    path = rh.fake_bold_pdf(tmp_path / "bold.pdf", words, offset)
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages[0].chars) > 2 * len(words)      # really drawn twice
    doc = read(path)
    assert doc.text.split("\n") == [words, "正常文字只画一次。"]


# -- tables --------------------------------------------------------------

def test_tables_become_tables():
    doc = read(rh.DATA / "pdf" / "sources" / "report_basic.pdf")
    (t,) = doc.tables
    cells = [[rh.block_texts(doc)[i] for i in row] for row in t.rows]
    assert cells == [["指标", "单位", "目标", "完成"], ["粮食总产量", "万吨", "18.0", "18.37"],
                     ["农业总产值", "亿元", "60.0", "62.8"], ["农民人均收入", "元", "20800", "21536"]]
    assert t.page == 1 and doc.text.count("农民人均收入") == 1     # not in the running text
    before, table, after = doc.text[:t.start], doc.text[t.start:t.end], doc.text[t.end:]
    assert before.endswith("主要指标完成情况如下表所示。\n")
    assert after.startswith("\n二、存在的问题")
    assert table.split("\n")[1] == "粮食总产量\t万吨\t18.0\t18.37"


def test_merged_table_cells_not_duplicated():
    doc = read(LONG)
    t = doc.tables[1]
    assert t.page == 2
    assert doc.text.count("产业项目") == 1
    lines = doc.text[t.start:t.end].split("\n")
    assert lines[2] == "\t\t\t增长12.8%"
    assert [len(row) for row in t.rows] == [3, 4, 1, 4, 4]


# -- pages, headers and footers ------------------------------------------

def test_pages_and_page_starts():
    doc = read(LONG)
    assert doc.pages == 3 and len(doc.page_starts) == 3 and doc.page_starts[0] == 0
    for number, start in enumerate(doc.page_starts[1:], start=2):
        assert doc.text[start - 1] == "\n"
        assert doc.page_at(doc.text.index(f"- {number} -")) == number
    assert {b.page for b in doc.blocks} == {1, 2, 3}


def test_repeated_headers_and_page_numbers_are_boilerplate():
    doc = read(LONG)
    found = [(b.kind, doc.text[b.start:b.end], doc.page_at(b.start)) for b in doc.boilerplate]
    title = "某区发展和改革局2023年工作总结及2024年工作计划"
    assert [f for f in found if f[0] == "page_footer"] == [
        ("page_footer", f"- {n} -", n) for n in (1, 2, 3)]
    assert [f for f in found if f[0] == "page_header"] == [
        ("page_header", title, n) for n in (1, 2, 3)]
    # the title line below the header of page 1 is content, not boilerplate
    assert doc.text.count(title) == 4 and not doc.is_boilerplate(doc.text.index(title, 1))


@pytest.mark.parametrize("footer", ["第 1 页", "- 1 -", "1/10", "第1页 共10页", "— 1 —", "Page 1 of 10"])
def test_page_number_lines_on_a_single_page(tmp_path, footer):
    c = rh.canvas(tmp_path / "one.pdf")
    c.setFont("STSong-Light", 12)
    c.drawString(72, 760, "正文第一行。")
    c.drawString(280, 40, footer)
    c.save()
    doc = read(tmp_path / "one.pdf")
    (b,) = doc.boilerplate
    assert (b.kind, doc.text[b.start:b.end]) == ("page_footer", footer)


def test_numbers_in_body_are_not_page_numbers(tmp_path):
    c = rh.canvas(tmp_path / "body.pdf")
    c.setFont("STSong-Light", 12)
    for i, line in enumerate(["正文开头。", "2023", "3/10", "正文结尾。"]):
        c.drawString(72, 500 - 20 * i, line)
    c.save()
    assert read(tmp_path / "body.pdf").boilerplate == []


# -- bad input -----------------------------------------------------------

def test_encrypted_pdf(tmp_path):
    path = rh.pdf_from_text(tmp_path / "secret.pdf", "标题\n保密内容。", encrypt="mima")
    error = expect_code(path, "E202")
    assert "加密" in error.message


def test_truncated_pdf(tmp_path):
    data = LONG.read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[:400])
    expect_code(path, "E201")


def test_garbage_after_header(tmp_path):
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    error = expect_code(path, "E201")
    assert "（" in error.message


def test_scanned_pdf_without_text(tmp_path):
    expect_code(rh.image_only_pdf(tmp_path / "scan.pdf", pages=2), "E203")


def test_one_text_page_and_one_empty_page_warns(tmp_path):
    doc = read(rh.text_and_empty_pages_pdf(tmp_path / "two.pdf", empty=(2,), pages=2))
    assert [(w.code, w.details["pages"]) for w in doc.warnings] == [("W201", "2")]
    assert doc.text == "第1页正文：全年完成投资12.5亿元。\n"
    assert doc.pages == 2 and doc.page_starts == [0, len(doc.text)]
    assert "第 2 页" in doc.warnings[0].message


def test_empty_pages_listed_in_the_warning(tmp_path):
    doc = read(rh.text_and_empty_pages_pdf(tmp_path / "mixed.pdf", empty=(2, 4), pages=4))
    assert [(w.code, w.details["pages"]) for w in doc.warnings] == [("W201", "2,4")]
    assert doc.text.split("\n")[1] == "" and doc.page_at(doc.text.index("第3页")) == 3


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1, max_size=8))
def test_damaged_bytes_never_raise_anything_else(edits):
    """The reader boundary turns every failure into a code."""
    from reportmine.readers import pdf as pdf_reader

    data = bytearray((rh.DATA / "pdf" / "sources" / "report_basic.pdf").read_bytes())
    for pos, value in edits:
        data[pos % len(data)] = value
    try:
        doc = pdf_reader.read(bytes(data), "damaged.pdf")
    except ReaderError as error:
        assert error.code in ("E201", "E202", "E203", "E204", "E205")
    else:
        rh.check_spans(doc)
