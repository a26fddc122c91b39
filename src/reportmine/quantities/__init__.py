"""Quantity recognition: every number that measures something, with its unit.

``recognize(text)`` is the pure function; ``annotate_quantities(doc)`` is the
pipeline stage that runs it over a document's non-boilerplate text, adds the
bare numbers of table cells with their header units, and records article and
page for each quantity.
"""

from __future__ import annotations

from ..document import Document
from .recognizer import recognize
from .tables import table_quantities

__all__ = ["recognize", "annotate_quantities"]


def annotate_quantities(doc: Document) -> Document:
    found = []
    for start, end in doc.content_spans():
        found.extend(recognize(doc.text, start, end))
    doc.quantities = found
    table_quantities(doc)
    for q in doc.quantities:
        q.article = doc.article_at(q.start)
        q.page = doc.page_at(q.start)
    return doc
