"""One-to-one folds of the text the stages read: full-width digits as ASCII
ones (``２０２３年``, ``１２．５％``) and traditional characters as simplified
ones (``個百分點``), at the same offsets.

Every stage then reads one script and one set of digits: the cue words,
units, table headers and catalog of data/ are written once. The maps
(data/numerals.yaml ``digit_forms``, data/t2s.tsv) are one character to one
character, so offsets stay valid; afterwards the document gets its text back,
every span's text (quantities, their units, flags, evidence, headings) is
read again from it, and the phrases the stages derived (indicator, period,
subject, setter) are copied from where they stand in the source (or, for a
phrase put together from several places, written character by character in
the characters this document used).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .document import Document
from .numerals import tables, to_ascii_digits
from .script import holds_traditional, t2s_table, to_simplified

_REACH = 400        # how far from its quantity a derived phrase is looked for
_PHRASES = ("indicator", "period", "subject", "setter")


def folded(text: str) -> str:
    """The text the stages read (most texts need neither fold: each is looked
    for before the text is mapped)."""
    if _wide().search(text):
        text = to_ascii_digits(text)
    if holds_traditional(text):
        text = to_simplified(text)
    return text


@lru_cache(maxsize=1)
def _wide():
    return re.compile("[" + re.escape("".join(tables()["digit_forms"])) + "]")


def restore(doc: Document, original: str) -> None:
    """Give ``doc`` back its ``original`` text after the stages read it folded."""
    seen = doc.text
    doc.text = original
    back = _back_map(original)
    written: dict[str, str] = {}        # a quantity's (or unit's) folded text -> as written
    for q in doc.quantities:
        q.text = original[q.start:q.end]
        if seen[q.start:q.end] != q.text:
            written[seen[q.start:q.end]] = q.text
        if q.unit:
            k = seen.rfind(q.unit, q.start, q.end)
            if k >= 0:
                unit = original[k:k + len(q.unit)]
                if unit != q.unit:
                    written[q.unit] = unit
                q.unit = unit
        if back:
            for name in _PHRASES:
                phrase = getattr(q, name)
                if phrase:
                    setattr(q, name, _as_written(phrase, q.start, seen, original, back))
    as_written = _rewriter(written)
    for f in doc.flags:
        f.text = original[f.start:f.end]
        if as_written:
            f.message, f.arithmetic, f.note = (as_written(x) for x in (f.message, f.arithmetic, f.note))
        for e in f.evidence:
            if isinstance(e.get("start"), int) and isinstance(e.get("end"), int) and "text" in e:
                e["text"] = original[e["start"]:e["end"]]
            if back and e.get("indicator"):
                e["indicator"] = _as_written(e["indicator"], e.get("start") or 0, seen, original, back)
    if as_written:
        for v in doc.meta.get("verified", []):
            v["arithmetic"] = as_written(v["arithmetic"])
    for part in (*doc.articles, *doc.sections):
        if part.title == seen[part.title_start:part.title_end]:
            part.title = original[part.title_start:part.title_end]


def _rewriter(written: dict[str, str]):
    """A function that writes, in a message, each quantity and unit as the
    source does (約4.61萬元, not the folded 约4.61万元); a number is replaced
    only whole (5 in 25.5 is not the quantity 5)."""
    if not written:
        return None
    keys = sorted(written, key=len, reverse=True)
    rx = re.compile("|".join(("(?<![0-9.])" if k[0].isdigit() else "") + re.escape(k)
                             + ("(?![0-9])" if k[-1].isdigit() else "") for k in keys))
    return lambda s: rx.sub(lambda m: written[m.group()], s) if s else s


def _back_map(original: str) -> dict[str, str] | None:
    """For each simplified character the script fold produced in this
    document, the traditional character the document wrote most often for it;
    None when the document holds no traditional character (only digits were
    folded). Counted over the characters (C speed), not position by position."""
    if not holds_traditional(original):
        return None
    table = t2s_table()
    best: dict[str, tuple[int, str]] = {}
    for ch, n in Counter(original).items():
        simp = table.get(ord(ch))
        if simp is not None and n > best.get(simp, (0, ""))[0]:
            best[simp] = (n, ch)
    return {simp: ch for simp, (_, ch) in best.items()}


def phrase_near(text: str, phrase: str, near: int, reach: int = _REACH) -> int:
    """Where ``phrase`` stands in ``text`` nearest before ``near`` (or after it
    within ``reach``): the place a phrase derived for a quantity was read; -1."""
    pos = text.rfind(phrase, max(0, near - reach), near + len(phrase))
    return pos if pos >= 0 else text.find(phrase, near, near + reach)


def _as_written(phrase: str, near: int, seen: str, original: str, back: dict[str, str]) -> str:
    """``phrase`` (read in the folded text) as the source writes it."""
    pos = phrase_near(seen, phrase, near)
    if pos >= 0:
        return original[pos:pos + len(phrase)]
    return "".join(back.get(ch, ch) for ch in phrase)
