"""The PDF reader's own character handling gives what pdfplumber gives, on
every page of the test PDFs (golden sources, corpus samples and their
renderings, fake-bold pages):

- its lean characters (readers/pdfobjects.py) have the values of
  ``page.chars`` for every key they keep, and the other objects (the table
  finder's edges) are pdfplumber's own;
- its glyph de-duplication (readers/pdfglyphs.py) keeps exactly the
  characters ``pdfplumber.utils.dedupe_chars`` keeps (same dicts, same
  order), also on generated character lists built to hit the tolerance edges."""

from __future__ import annotations

import sys
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber.utils import dedupe_chars as plumber_dedupe

from reportmine.readers.pdfglyphs import dedupe_chars
from reportmine.readers.pdfobjects import CHAR_KEYS, load_objects

import render_helpers as rh
from helpers import CORPORA

sys.path.insert(0, str(CORPORA / "tools"))
import render  # noqa: E402

BOLD_TEXT = "全年完成投资12.5亿元，增长8.6%。城镇新增就业1.2万人，完成目标的108%。"
STORED = sorted((rh.DATA / "pdf" / "sources").glob("*.pdf")) + sorted((CORPORA / "samples").glob("*.pdf"))
SAMPLES = sorted((CORPORA / "samples").glob("*.txt"))


def same_chars(path: Path) -> tuple[int, int]:
    """Assert ours == pdfplumber's on every page; (chars drawn, chars removed)."""
    drawn = removed = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            where = (path.name, page.page_number)
            plumber_objects = page.objects
            chars = page.chars
            theirs = plumber_dedupe(chars)
            ours = dedupe_chars(chars)
            assert [id(c) for c in ours] == [id(c) for c in theirs], where
            page.close()                               # drop pdfplumber's objects
            lean = load_objects(page)
            assert page.chars is lean["char"], where
            assert [{k: c[k] for k in CHAR_KEYS} for c in lean["char"]] == \
                   [{k: c[k] for k in CHAR_KEYS} for c in chars], where
            assert {k: v for k, v in lean.items() if k != "char"} == \
                   {k: v for k, v in plumber_objects.items() if k != "char"}, where
            drawn += len(chars)
            removed += len(chars) - len(ours)
    return drawn, removed


def bold_page(path: Path, offsets: tuple[float, ...]) -> Path:
    """Lines drawn once per offset, in two sizes and two rows close together."""
    c = rh.canvas(path)
    for size, top in ((12, 760), (12, 760.6), (10.5, 700)):
        c.setFont("STSong-Light", size)
        for dx in offsets:
            c.drawString(72 + dx, top - dx / 2, BOLD_TEXT)
    c.drawString(72, 640, "正常文字只画一次，数字1、2、3也只画一次。")
    c.save()
    return path


@pytest.mark.parametrize("path", STORED, ids=[p.name for p in STORED])
def test_stored_pdfs(path):
    drawn, _ = same_chars(path)
    assert drawn > 500


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_rendered_samples(tmp_path, sample):
    drawn, _ = same_chars(render.render_pdf(sample, tmp_path / f"{sample.stem}.pdf"))
    assert drawn > 500


@pytest.mark.parametrize("offsets", [(0, 0), (0, 0.3), (0, 0.8), (0, 1.0), (0, 1.5), (0, 0.4, 0.8, 1.2)],
                         ids=lambda o: "+".join(map(str, o)))
def test_fake_bold_pages(tmp_path, offsets):
    drawn, removed = same_chars(bold_page(tmp_path / "bold.pdf", offsets))
    assert removed > 0 and drawn - removed >= 2 * len(BOLD_TEXT)


# -- generated character lists -------------------------------------------

def char_lists():
    """Few texts, fonts and sizes, positions on a quarter-point grid: many
    groups, clusters chained across the tolerance, exact ties."""
    char = st.fixed_dictionaries({
        "text": st.sampled_from("元亿%1."),
        "fontname": st.sampled_from(["STSong-Light", "SimHei"]),
        "size": st.sampled_from([10.5, 12.0]),
        "upright": st.booleans(),
        "doctop": st.integers(0, 24).map(lambda q: 100 + q / 4),
        "x0": st.integers(0, 24).map(lambda q: 72 + q / 4),
    })
    return st.lists(char, max_size=60)


@settings(max_examples=300, deadline=None)
@given(char_lists(), st.sampled_from([0, 0.25, 0.5, 1, 2]))
def test_same_as_pdfplumber_on_generated_chars(chars, tolerance):
    theirs = plumber_dedupe(chars, tolerance=tolerance)
    ours = dedupe_chars(chars, tolerance=tolerance)
    assert [id(c) for c in ours] == [id(c) for c in theirs]


def test_doubles_within_tolerance_are_removed_and_apart_are_kept():
    def char(text, doctop, x0):
        return {"text": text, "fontname": "F", "size": 12.0, "upright": True, "doctop": doctop, "x0": x0}

    chars = [char("元", 100, 72), char("元", 100.5, 72.6), char("亿", 100, 72.3),
             char("元", 100, 73.5), char("元", 103, 72)]
    kept = dedupe_chars(chars)
    assert kept == [chars[0], chars[2], chars[4]]      # 73.5 chains to 72 through 72.6
    assert dedupe_chars(chars, tolerance=0.5) == [chars[0], chars[1], chars[2], chars[3], chars[4]]
