"""The structure stage: boilerplate, articles and sections over the text.

Runs on every document whatever its format, after the reader. Boilerplate is
marked, never deleted, so offsets stay valid; later stages skip marked spans.
"""

from __future__ import annotations

from ..document import Document
from .articles import find_articles
from .boilerplate import find_boilerplate, mark_page_title
from .lines import split_lines
from .sections import find_sections
from .tables import find_text_tables


def analyze_structure(doc: Document) -> Document:
    lines = split_lines(doc.text)
    find_text_tables(doc, lines)
    found = find_boilerplate(doc.text, lines)
    # readers may have marked page headers/footers already
    doc.boilerplate = sorted(doc.boilerplate + found, key=lambda b: (b.start, b.end))
    doc.articles = find_articles(doc, lines)
    if doc.articles and any(a.marker for a in doc.articles):
        extra = mark_page_title(doc.text, lines, doc.boilerplate, doc.articles[0].start,
                                [a.title for a in doc.articles])
        if extra:
            doc.boilerplate = sorted(doc.boilerplate + extra, key=lambda b: (b.start, b.end))
    doc.sections = find_sections(doc, lines)
    _mark_heading_blocks(doc)
    return doc


def _mark_heading_blocks(doc: Document) -> None:
    titles = {(a.title_start, a.title_end) for a in doc.articles}
    starts = {s.start: s for s in doc.sections}
    for block in doc.blocks:
        if block.kind != "paragraph":
            continue
        sec = starts.get(block.start)
        if (block.start, block.end) in titles or (sec is not None and sec.title_end >= block.end - 1):
            block.kind = "heading"
