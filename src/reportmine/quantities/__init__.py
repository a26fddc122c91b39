"""Quantity recognition: every number that measures something, with its unit.

``recognize(text)`` is the pure function; ``annotate_quantities(doc)`` is the
pipeline stage that runs it over a document's non-boilerplate text, adds the
bare numbers of table cells with their header units (and the bare number that
ends a truncated text), and records article and page for each quantity.
"""

from __future__ import annotations

import math

from ..document import Document, Quantity
from ..numerals import tidy
from .bare import last_number
from .recognizer import recognize
from .tables import table_quantities

__all__ = ["recognize", "annotate_quantities"]


def annotate_quantities(doc: Document) -> Document:
    found: list[Quantity] = []
    spans = doc.content_spans()
    chunks = doc.chunks()
    if len(chunks) == 1:
        for start, end in spans:
            found.extend(recognize(doc.text, start, end))
    else:
        for a, b in chunks:
            found.extend(_recognize_chunk(doc.text, spans, a, b))
    if spans and not doc.text[spans[-1][1]:].strip():      # the text ends in content
        _add_last_number(doc.text, spans[-1], found)
    doc.quantities = found
    table_quantities(doc)
    # a number of hundreds of digits is beyond any float: no quantity (it would
    # be written as Infinity, which is no JSON)
    doc.quantities = [q for q in doc.quantities if _finite(q.value) and _finite(q.norm_value)]
    for q in doc.quantities:
        q.article = doc.article_at(q.start)
        q.page = doc.page_at(q.start)
    return doc


def _finite(x) -> bool:
    return x is None or math.isfinite(x)


def _recognize_chunk(text: str, spans, a: int, b: int) -> list[Quantity]:
    """The quantities of the content spans in text[a:b], read in the chunk's
    own text (from a few lines before it) and shifted back to the document's offsets."""
    from ..chunks import context_start, shift

    c = context_start(text, a)
    chunk, found = text[c:b], []
    for start, end in spans:
        if end > a and start < b:
            found.extend(recognize(chunk, max(start, a) - c, min(end, b) - c))
    shift(found, c)
    return found


def _add_last_number(text: str, span: tuple[int, int], found: list[Quantity]) -> None:
    last = last_number(text, *span)
    if last and not any(q.start <= last[0] < q.end for q in found[-3:]):
        s, e, v = last
        v = tidy(v)
        found.append(Quantity(s, e, text[s:e], v, None, v, None))
