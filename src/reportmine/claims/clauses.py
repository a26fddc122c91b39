"""Clause, sentence and line boundaries around a position in the text.

A position looks at the text around it first (a short scan, as cheap as it
gets for ordinary sentences); when its clause, sentence or line is longer than
that, the answer comes from the text's boundaries, found once per text
(:func:`marks`) and looked up by bisection, so that many positions in one
long line (a flattened table, a text without line breaks) cost linear time in
all, not quadratic.
"""

from __future__ import annotations

import bisect
import re
from array import array

import regex

CLAUSE_END = frozenset("，,。；;！？!?\n\r（）()【】\t")
SENTENCE_END = frozenset("。；;！？!?\n\r")
LOCAL = 256          # characters scanned around a position before the marks are used

_CLAUSE_MARK = regex.compile("[" + regex.escape("".join(sorted(CLAUSE_END))) + "]")
_SENTENCE_MARK = regex.compile("[" + regex.escape("".join(sorted(SENTENCE_END))) + "]")
_CLAUSE_BACK = regex.compile("(?r)" + _CLAUSE_MARK.pattern)
_SENTENCE_BACK = regex.compile("(?r)" + _SENTENCE_MARK.pattern)
# the same classes for the whole-text scans of Boundaries (re is twice as fast on a class)
_CLAUSE_MARKS = re.compile("[" + re.escape("".join(sorted(CLAUSE_END))) + "]")
_SENTENCE_MARKS = re.compile("[" + re.escape("".join(sorted(SENTENCE_END))) + "]")


def _all(ch: str, text: str) -> list[int]:
    """Every offset of the character ``ch`` in ``text``."""
    found, i = [], text.find(ch)
    while i >= 0:
        found.append(i)
        i = text.find(ch, i + 1)
    return found


def _boundary(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in CLAUSE_END:
        return False
    # 28,583: a thousands separator is not a clause boundary
    return not (ch == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit())


def _last_mark(pattern, text: str, lo: int, pos: int, clause: bool) -> int:
    """The last mark in text[lo:pos], or -1."""
    m = pattern.search(text, lo, pos)
    while m is not None and clause and not _boundary(text, m.start()):
        m = pattern.search(text, lo, m.start())
    return m.start() if m is not None else -1


def _kept(text: str) -> "Boundaries | None":
    """The text's boundaries when they are already found (a document's text during its stages)."""
    for t, b in _KEPT[0]:
        if t is text:
            return b
    return None


def _start_in(marks, pos: int, floor: int) -> int:
    """What the scans below give for a start, from the text's boundaries."""
    i = bisect.bisect_left(marks, pos) - 1
    last = marks[i] if i >= 0 else -1
    lo = max(floor, pos - LOCAL)
    if last >= lo:
        return last + 1
    return min(pos, floor) if lo <= floor else max(floor, last + 1)


def _start(text: str, pos: int, floor: int, clause: bool) -> int:
    """Where the clause (or sentence) holding ``pos`` starts, not before ``floor``:
    looked up in the document's boundaries when they are kept, else found by a
    local scan back, and past LOCAL characters by the text's marks."""
    kept = _kept(text)
    if kept is not None:
        return _start_in(kept.clause if clause else kept.sentence, pos, floor)
    lo = max(floor, pos - LOCAL)
    back = _CLAUSE_BACK if clause else _SENTENCE_BACK
    i = _last_mark(back, text, lo, pos, clause) if pos > lo else -1
    if i >= 0 or lo <= floor:
        return i + 1 if i >= 0 else min(pos, floor)
    found = marks(text)
    return max(floor, found.clause_start(lo) if clause else found.sentence_start(lo))


def clause_start(text: str, pos: int, floor: int = 0) -> int:
    return _start(text, pos, floor, True)


def clause_end(text: str, pos: int, ceiling: int | None = None) -> int:
    ceiling = len(text) if ceiling is None else ceiling
    hi = min(ceiling, pos + LOCAL)
    kept = _kept(text) if pos >= 0 else None
    if kept is not None:
        first = kept.clause_end(pos)        # the first mark from pos on (else the text's length)
        if first < hi and first < kept.n:
            return first
        return max(hi, pos) if hi >= ceiling else min(ceiling, first)
    m = _CLAUSE_MARK.search(text, pos, hi) if hi > pos else None
    while m is not None and not _boundary(text, m.start()):
        m = _CLAUSE_MARK.search(text, m.start() + 1, hi)
    if m is not None:
        return m.start()
    if hi >= ceiling:
        return max(hi, pos)
    return min(ceiling, marks(text).clause_end(hi))


def sentence_start(text: str, pos: int, floor: int = 0) -> int:
    return _start(text, pos, floor, False)


def sentence_id(text: str, pos: int, floor: int = 0) -> int:
    """An id shared by all positions of one sentence: its start offset."""
    return sentence_start(text, pos, floor)


def next_sentence_end(text: str, pos: int, reach: int | None = None) -> int:
    """The first sentence end mark (SENTENCE_END) from ``pos`` (within ``reach``
    characters when given), else where the search stopped."""
    hi = len(text) if reach is None else min(len(text), pos + reach)
    m = _SENTENCE_MARK.search(text, pos, hi)
    return m.start() if m else hi


def line_start(text: str, pos: int) -> int:
    """Where the line holding pos begins (``text.rfind("\\n", 0, pos) + 1``)."""
    i = text.rfind("\n", max(0, pos - LOCAL), pos)
    if i >= 0 or pos <= LOCAL:
        return i + 1
    return marks(text).line_start(pos - LOCAL)


def line_end(text: str, pos: int) -> int:
    """Where the line holding pos ends (its ``\\n``, or the end of the text)."""
    i = text.find("\n", pos, pos + LOCAL)
    if i >= 0:
        return i
    if pos + LOCAL >= len(text):
        return len(text)
    return marks(text).line_end(pos + LOCAL)


def boundaries(text: str, positions: int = 0) -> "Boundaries":
    """The boundaries of ``text`` (found once per text; ``positions`` is kept for callers)."""
    return marks(text)


_KEPT: list = [()]     # ((text, Boundaries), ...) of the last two texts asked about, replaced whole


def marks(text: str) -> "Boundaries":
    """The Boundaries of ``text``, found once and kept while it is one of the
    last two texts asked about (a document's text and its simplified view)."""
    kept = _KEPT[0]
    for t, b in kept:
        if t is text:
            return b
    found = Boundaries(text)
    _KEPT[0] = ((text, found),) + kept[:1]
    return found


def forget() -> None:
    """Drop the kept boundaries (the pipeline calls it after each document)."""
    _KEPT[0] = ()


class Boundaries:
    """Clause, sentence and line boundaries of a text, found once (the rules above)."""

    def __init__(self, text: str):
        self.n = len(text)
        clause = [m.start() for m in _CLAUSE_MARKS.finditer(text)]
        if "," in text:         # only a comma can be a mark that is no boundary
            clause = [i for i in clause if text[i] != "," or _boundary(text, i)]
        self.clause = array("q", clause)
        self.sentence = array("q", [m.start() for m in _SENTENCE_MARKS.finditer(text)])
        self.line = array("q", _all("\n", text))

    @staticmethod
    def _start(marks, pos: int) -> int:
        i = bisect.bisect_left(marks, pos) - 1
        return marks[i] + 1 if i >= 0 else 0

    @staticmethod
    def _end(marks, pos: int, n: int) -> int:
        i = bisect.bisect_left(marks, pos)
        return marks[i] if i < len(marks) else n

    def clause_start(self, pos: int) -> int:
        return self._start(self.clause, pos)

    def sentence_start(self, pos: int) -> int:
        return self._start(self.sentence, pos)

    def line_start(self, pos: int) -> int:
        return self._start(self.line, pos)

    def clause_end(self, pos: int) -> int:
        return self._end(self.clause, pos, self.n)

    def sentence_end(self, pos: int) -> int:
        return self._end(self.sentence, pos, self.n)

    def line_end(self, pos: int) -> int:
        return self._end(self.line, pos, self.n)
