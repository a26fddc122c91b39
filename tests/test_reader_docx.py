"""The .docx reader: golden files, body order, styles, tables and bad input.

Golden sources are rendered from tests/data/docx/texts with
``python corpora/tools/render.py tests/data/docx/texts/NAME.txt --docx tests/data/docx/sources/NAME.docx``;
regenerate the expected JSON with REPORTMINE_REGEN=1.
"""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import given, settings
from hypothesis import strategies as st

import render_helpers as rh
from reportmine.errors import ReaderError
from reportmine.readers import read



def save(document, tmp_path, name="t.docx"):
    path = tmp_path / name
    document.save(str(path))
    return path



# -- body order, paragraphs and styles -----------------------------------

def test_paragraph_table_paragraph_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("表前段落：全年完成12项任务。")
    table = document.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "项目", (0, 1): "数量", (1, 0): "新建道路", (1, 1): "3.5公里"}.items():
        table.cell(r, c).text = text
    document.add_paragraph("表后段落。")
    doc = read(save(document, tmp_path))
    assert doc.text == "表前段落：全年完成12项任务。\n项目\t数量\n新建道路\t3.5公里\n表后段落。"
    assert [b.kind for b in doc.blocks] == ["paragraph"] + ["table_cell"] * 4 + ["paragraph"]
    (t,) = doc.tables
    assert doc.text[t.start:t.end] == "项目\t数量\n新建道路\t3.5公里"
    assert [[rh.block_texts(doc)[i] for i in row] for row in t.rows] == [["项目", "数量"], ["新建道路", "3.5公里"]]
    rh.check_spans(doc)


def test_headings_by_style_not_by_look(tmp_path):
    document = docx.Document()
    document.add_heading("年度总结", level=0)
    document.add_heading("工作成效", level=1)          # no 一、 but a heading style
    document.add_paragraph("一、看起来像标题的正文")    # looks like one, Normal style
    cn = document.styles.add_style("标题 3", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("中文样式名的标题", style=cn)
    outline = document.styles.add_style("一级标题", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    outline.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="0"/>'))
    document.add_paragraph("大纲级别的标题", style=outline)
    doc = read(save(document, tmp_path))
    kinds = {doc.text[b.start:b.end]: (b.kind, b.style) for b in doc.blocks}
    assert kinds == {
        "年度总结": ("heading", "Title"),
        "工作成效": ("heading", "Heading 1"),
        "一、看起来像标题的正文": ("paragraph", "Normal"),
        "中文样式名的标题": ("heading", "标题 3"),
        "大纲级别的标题": ("heading", "一级标题"),
    }


def test_list_items_by_numbering(tmp_path):
    document = docx.Document()
    document.add_paragraph("样式带编号", style="List Number")
    direct = document.add_paragraph("段落直接带编号")
    direct._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))
    document.add_paragraph("普通段落")
    doc = read(save(document, tmp_path))
    assert [b.kind for b in doc.blocks] == ["list_item", "list_item", "paragraph"]


def test_empty_paragraphs_give_empty_lines_but_no_blocks(tmp_path):
    document = docx.Document()
    for text in ("第一段。", "", "   ", "　　第二段，首行缩进。"):
        document.add_paragraph(text)
    doc = read(save(document, tmp_path))
    assert doc.text == "第一段。\n\n\n　　第二段，首行缩进。"
    assert rh.block_texts(doc) == ["第一段。", "第二段，首行缩进。"]


def test_runs_hyperlinks_revisions_and_breaks(tmp_path):
    document = docx.Document()
    p = document.add_paragraph("完成投资")
    w = nsdecls("w")
    p._p.append(parse_xml(f'<w:ins {w} w:id="1" w:author="a"><w:r><w:t>12.5</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:del {w} w:id="2" w:author="a"><w:r><w:delText>99</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:hyperlink {w}><w:r><w:t>亿元</w:t></w:r></w:hyperlink>'))
    p._p.append(parse_xml(f'<w:r {w}><w:tab/><w:t>（见附表）</w:t><w:br/><w:t>下一行</w:t></w:r>'))
    doc = read(save(document, tmp_path))
    assert doc.text == "完成投资12.5亿元\t（见附表）\n下一行"


def test_headers_and_footers_are_not_read(tmp_path):
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "某某单位文件"
    section.footer.paragraphs[0].text = "第 1 页"
    document.add_paragraph("正文内容。")
    doc = read(save(document, tmp_path))
    assert doc.text == "正文内容。" and not doc.boilerplate


def test_content_controls_are_looked_through(tmp_path):
    document = docx.Document()
    document.add_paragraph("前文。")
    sdt = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>控件中的段落</w:t>'
                    '</w:r></w:p></w:sdtContent></w:sdt>')
    document.element.body.insert(1, sdt)
    doc = read(save(document, tmp_path))
    assert doc.text == "前文。\n控件中的段落"


# -- tables --------------------------------------------------------------

def merged_table_document():
    document = docx.Document()
    table = document.add_table(rows=4, cols=3)
    rows = [["地区", "指标", "<"], ["东区", "产值", "12.3亿元"], ["^", "增速", "6.1%"], ["合计", "<", "25.0亿元"]]
    table.cell(0, 1).merge(table.cell(0, 2))     # horizontal: gridSpan
    table.cell(1, 0).merge(table.cell(2, 0))     # vertical: vMerge
    table.cell(3, 0).merge(table.cell(3, 1))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text not in "<^":
                table.cell(r, c).text = text
    return document


def test_merged_cells_appear_once(tmp_path):
    doc = read(save(merged_table_document(), tmp_path))
    assert doc.text == "地区\t指标\t\n东区\t产值\t12.3亿元\n\t增速\t6.1%\n合计\t\t25.0亿元"
    for word in ("指标", "东区", "合计"):
        assert doc.text.count(word) == 1
    (t,) = doc.tables
    cells = [[(doc.blocks[i].row, doc.blocks[i].col, rh.block_texts(doc)[i]) for i in row] for row in t.rows]
    assert cells == [
        [(0, 0, "地区"), (0, 1, "指标")],
        [(1, 0, "东区"), (1, 1, "产值"), (1, 2, "12.3亿元")],
        [(2, 1, "增速"), (2, 2, "6.1%")],
        [(3, 0, "合计"), (3, 2, "25.0亿元")],
    ]
    rh.check_spans(doc)


def test_cell_paragraphs_and_nested_tables_are_flattened(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    outer = table.cell(0, 0)
    outer.text = "第一段"
    outer.add_paragraph("第二段\t带制表符")
    inner = outer.add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "内表甲"
    inner.cell(0, 1).text = "内表乙"
    table.cell(0, 1).text = ""                          # an empty cell keeps its place
    doc = read(save(document, tmp_path))
    assert doc.text == "第一段 第二段 带制表符 内表甲 内表乙\t"
    assert [(b.kind, b.start, b.end) for b in doc.blocks] == [
        ("table_cell", 0, 20), ("table_cell", 21, 21)]
    assert len(doc.tables) == 1


def test_golden_merged_table_has_no_duplicates():
    doc = read(rh.DATA / "docx" / "sources" / "work_summary.docx")
    assert doc.text.count("城区") == 1 and doc.text.count("清查单位（个）") == 1
    last = doc.tables[-1]
    lines = doc.text[last.start:last.end].split("\n")
    assert {line.count("\t") for line in lines} == {3}


# -- bad input -----------------------------------------------------------

@pytest.fixture(scope="module")
def good_bytes():
    return (rh.DATA / "docx" / "sources" / "work_summary.docx").read_bytes()


def expect_code(path, code):
    with pytest.raises(ReaderError) as info:
        read(path)
    assert info.value.code == code, info.value
    return info.value


def test_truncated_docx(tmp_path, good_bytes):
    path = tmp_path / "cut.docx"
    path.write_bytes(good_bytes[: len(good_bytes) // 2])
    error = expect_code(path, "E101")
    assert str(path) in error.message


def test_zip_without_document_xml(tmp_path, good_bytes):
    path = tmp_path / "nodoc.docx"
    path.write_bytes(rh.rewrite_zip(good_bytes, {"word/document.xml": None}))
    expect_code(path, "E101")


@pytest.mark.parametrize("member, content", [
    ("word/document.xml", b"<w:document><w:body><w:p>broken"),
    ("word/document.xml", b"\x00\xff not xml at all"),
    ("word/styles.xml", b"<w:styles unclosed"),
    ("[Content_Types].xml", None),
    ("word/_rels/document.xml.rels", b"<Relationships"),
], ids=["broken-body", "binary-body", "broken-styles", "no-content-types", "broken-rels"])
def test_broken_parts(tmp_path, good_bytes, member, content):
    path = tmp_path / "broken.docx"
    path.write_bytes(rh.rewrite_zip(good_bytes, {member: content}))
    error = expect_code(path, "E101")
    assert "（" in error.message            # carries a reason


def test_corrupt_member_data(tmp_path, good_bytes):
    """A compressed member whose deflate stream is damaged (bad CRC / zlib error)."""
    data = bytearray(good_bytes)
    with zipfile.ZipFile(io.BytesIO(good_bytes)) as zf:
        info = zf.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 20, start + 60):
        data[i] ^= 0x5A
    path = tmp_path / "crc.docx"
    path.write_bytes(bytes(data))
    expect_code(path, "E101")


SAMPLE = rh.DATA / "docx" / "sources" / "work_summary.docx"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1, max_size=8))
def test_damaged_bytes_never_raise_anything_else(edits):
    """The reader boundary turns every failure into E101, or E102 when a
    damaged size field declares more than the reading limits (called
    directly: format sniffing is not the reader's job)."""
    from reportmine.readers import docx as docx_reader

    data = bytearray(SAMPLE.read_bytes())
    for pos, value in edits:
        data[pos % len(data)] = value
    try:
        doc = docx_reader.read(bytes(data), "damaged.docx")
    except ReaderError as error:
        assert error.code in ("E101", "E102")
    else:
        rh.check_spans(doc)


def test_unsupported_zip_version_is_e101(tmp_path):
    """Found by the property test above: zipfile raises NotImplementedError."""
    data = bytearray(SAMPLE.read_bytes())
    central = data.rindex(b"PK\x01\x02")          # last central directory entry
    data[central + 6] = 64                           # "version needed to extract" = 6.4
    path = tmp_path / "zip64.docx"
    path.write_bytes(bytes(data))
    expect_code(path, "E101")
