"""Golden files of the docx and pdf readers: tests/data/<fmt>/sources are read
and compared with tests/data/<fmt>/groundtruth (REPORTMINE_REGEN=1 rewrites
them; the txt reader's golden files are in test_reader_txt.py)."""

import pytest

from reportmine.readers import read

import render_helpers as rh

FORMATS = ("docx", "pdf")
SOURCES = [(fmt, p) for fmt in FORMATS for p in sorted((rh.DATA / fmt / "sources").glob(f"*.{fmt}"))]


def test_regen_flag_is_off():
    assert not rh.REGEN, "REPORTMINE_REGEN=1 rewrites the golden files: unset it"


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_text_has_a_source(fmt):
    texts = {p.stem for p in (rh.DATA / fmt / "texts").glob("*.txt")}
    assert texts and texts == {p.stem for f, p in SOURCES if f == fmt}


@pytest.mark.parametrize("fmt,path", SOURCES, ids=[f"{f}-{p.stem}" for f, p in SOURCES])
def test_groundtruth(fmt, path):
    doc = read(path)
    assert doc.format == fmt and len(doc.id) == 64
    rh.check_spans(doc)
    rh.check_groundtruth(fmt, path.stem, doc)
