"""Full-width digits read as ASCII ones by every stage, offsets unchanged.

Word processors and some offices write numbers in full-width forms
(``２０２３年``, ``１２．５％``). The map (data/numerals.yaml, ``digit_forms``)
is one character to one character, so the stages can read a folded copy of
the text at the same offsets; afterwards the document gets its text back and
every span's text (quantities, their units, flags, evidence, headings) is
read again from it, so a quantity's text is still the source's exact span.
"""

from __future__ import annotations

from .document import Document
from .numerals import to_ascii_digits


def folded(text: str) -> str:
    return to_ascii_digits(text)


def restore(doc: Document, original: str) -> None:
    """Give ``doc`` back its ``original`` text after the stages read it folded."""
    seen = doc.text
    doc.text = original
    for q in doc.quantities:
        q.text = original[q.start:q.end]
        if q.unit:
            k = seen.rfind(q.unit, q.start, q.end)
            if k >= 0:
                q.unit = original[k:k + len(q.unit)]
    for f in doc.flags:
        f.text = original[f.start:f.end]
        for e in f.evidence:
            if isinstance(e.get("start"), int) and isinstance(e.get("end"), int) and "text" in e:
                e["text"] = original[e["start"]:e["end"]]
    for part in (*doc.articles, *doc.sections):
        if part.title == seen[part.title_start:part.title_end]:
            part.title = original[part.title_start:part.title_end]
