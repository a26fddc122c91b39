"""Quantity recognition: every number that measures something, with its unit.

``recognize(text)`` is the pure function; ``annotate_quantities(doc)`` is the
pipeline stage that runs it over a document's non-boilerplate text and records
article and page for each quantity.
"""

from __future__ import annotations

from ..document import Document
from .recognizer import recognize

__all__ = ["recognize", "annotate_quantities"]


def annotate_quantities(doc: Document) -> Document:
    found = []
    for start, end in doc.content_spans():
        found.extend(recognize(doc.text, start, end))
    for q in found:
        q.article = doc.article_at(q.start)
        q.page = doc.page_at(q.start)
    doc.quantities = found
    return doc
