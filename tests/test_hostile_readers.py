"""Readers' limits: a small file that unpacks into a huge one is refused fast,
with a coded error, without ever holding what it unpacks to."""

import io
import tracemalloc
import zipfile

import pytest
from hostile_files import (docx_bomb, pdf_broken_stream, pdf_bytes, pdf_char_bomb, pdf_form_bomb,
                           pdf_stream_bomb, text_page)

from reportmine.errors import ReaderError
from reportmine.readers import read, read_bytes
from reportmine.readers.limits import default_limits, parse_limits
from reportmine.resources import DataFileError, load_yaml

MIB = 1 << 20
SMALL = default_limits().replace(docx_member_bytes=4 * MIB, docx_xml_bytes=4 * MIB, docx_total_bytes=8 * MIB,
                                 pdf_stream_bytes=4 * MIB, pdf_total_stream_bytes=8 * MIB,
                                 pdf_page_chars=2000, pdf_total_chars=5000)


def _refused(data: bytes, name: str, limits=None) -> tuple[ReaderError, int]:
    """The error reading ``data`` raises, and the peak of Python memory meanwhile."""
    tracemalloc.start()
    try:
        with pytest.raises(ReaderError) as info:
            read_bytes(data, name, limits=limits)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return info.value, peak


@pytest.fixture(scope="module")
def bombs(tmp_path_factory):
    import docx  # noqa: F401 - imported before memory is traced
    import pdfplumber  # noqa: F401

    folder = tmp_path_factory.mktemp("bombs")
    honest = docx_bomb(folder / "honest.docx", 40 * MIB)      # just beyond the shipped limits
    lying = docx_bomb(folder / "lying.docx", 40 * MIB, declared=1000)
    return {"honest.docx": honest.read_bytes(), "lying.docx": lying.read_bytes(),
            "stream.pdf": pdf_stream_bomb(40 * MIB)}


def test_bombs_are_small_on_disk(bombs):
    assert all(len(data) < 400_000 for data in bombs.values())
    with zipfile.ZipFile(io.BytesIO(bombs["lying.docx"])) as zf:
        assert zf.getinfo("word/document.xml").file_size == 1000      # the lie is in the archive


def test_docx_bomb_refused_by_its_declared_size(bombs):
    error, peak = _refused(bombs["honest.docx"], "honest.docx")
    assert error.code == "E102"
    assert "XML" in error.message                                          # 40 MiB > the 32 MiB XML limit
    assert peak < 8 * MIB


def test_docx_bomb_that_lies_about_its_size_is_refused_while_inflating(bombs):
    error, peak = _refused(bombs["lying.docx"], "lying.docx", SMALL)
    assert error.code == "E102"
    assert f">{SMALL.docx_xml_bytes}" in error.message                   # counting stopped at the limit
    assert peak < 3 * SMALL.docx_xml_bytes                                 # a chunk at a time, never 40 MiB


def test_docx_lying_bomb_with_shipped_limits(bombs):
    error, _ = _refused(bombs["lying.docx"], "lying.docx")
    assert error.code == "E102"


def test_pdf_stream_bomb_refused_while_inflating(bombs):
    error, peak = _refused(bombs["stream.pdf"], "stream.pdf", SMALL)
    assert error.code == "E205"
    assert f">{SMALL.pdf_stream_bytes}" in error.message
    assert peak < 3 * SMALL.pdf_stream_bytes


def test_pdf_stream_bomb_with_shipped_limits(bombs):
    limits = default_limits()
    assert limits.pdf_stream_bytes < 40 * MIB
    error, _ = _refused(bombs["stream.pdf"], "stream.pdf")
    assert error.code == "E205" and "数据流" in error.message


@pytest.mark.parametrize("data,what", [
    (pdf_char_bomb(3000), "单页字符数"),                 # one text object, 3,000 characters
    (pdf_form_bomb(100, 40), "单页字符数"),              # a 100-character form drawn 40 times
])
def test_pdf_drawing_too_many_characters_refused(data, what):
    assert len(data) < 5000
    error, _ = _refused(data, "drawn.pdf", SMALL)
    assert error.code == "E205" and what in error.message


def test_pdf_total_characters_limit():
    limits = SMALL.replace(pdf_page_chars=10_000, pdf_total_chars=1000)
    error, _ = _refused(pdf_char_bomb(1500), "long.pdf", limits)
    assert error.code == "E205" and "全文字符数" in error.message


def test_pdf_page_count_limit():
    limits = SMALL.replace(pdf_pages=1)
    doc = read_bytes(pdf_bytes(text_page(["one page of text"])), "one.pdf", limits=limits)
    assert doc.pages == 1
    two = _two_page_pdf()
    error, _ = _refused(two, "two.pdf", limits)
    assert error.code == "E205" and "页数" in error.message


def _two_page_pdf() -> bytes:
    from hostile_files import _assemble_pdf

    content = text_page(["page text"])
    stream = b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream"
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R " \
           b"/Resources << /Font << /F1 6 0 R >> >> >>"
    return _assemble_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                          b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>", page, page, stream,
                          b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])


def test_text_within_limits_reads():
    doc = read_bytes(pdf_bytes(text_page(["Output 1200 units", "growth 15%"])), "fine.pdf", limits=SMALL)
    assert "1200" in doc.text and "15%" in doc.text


def test_broken_pdf_stream_is_damage_not_a_scan():
    with pytest.raises(ReaderError) as info:
        read_bytes(pdf_broken_stream(), "broken.pdf")
    assert info.value.code == "E204"


def test_pdf_without_text_is_still_a_scan():
    with pytest.raises(ReaderError) as info:
        read_bytes(pdf_bytes(b"0 0 m 100 100 l S"), "drawing.pdf")
    assert info.value.code == "E203"


def test_limits_are_read_from_the_data_file():
    data = load_yaml("limits.yaml")
    assert parse_limits(data) == default_limits()
    assert default_limits().pdf_page_chars == data["pdf"]["page_chars"]


@pytest.mark.parametrize("change", [
    lambda d: d["pdf"].update(pages=0),
    lambda d: d["pdf"].update(pages="many"),
    lambda d: d["docx"].update(xml_mb=3),
    lambda d: d["docx"].pop("members"),
    lambda d: d.update(schema="other/1"),
])
def test_bad_limits_file_fails_loudly(change):
    import copy

    data = copy.deepcopy(load_yaml("limits.yaml"))
    change(data)
    with pytest.raises(DataFileError):
        parse_limits(data)


def test_read_passes_limits(tmp_path):
    path = tmp_path / "b.docx"
    docx_bomb(path, 6 * MIB)
    with pytest.raises(ReaderError) as info:
        read(path, limits=SMALL)
    assert info.value.code == "E102"
