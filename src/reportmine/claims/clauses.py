"""Clause and sentence boundaries around a position in the text."""

from __future__ import annotations

import bisect

import regex

CLAUSE_END = frozenset("，,。；;！？!?\n\r（）()【】\t")
SENTENCE_END = frozenset("。；;！？!?\n\r")
LIST_SEP = frozenset("、和及与")


def _boundary(text: str, i: int) -> bool:
    ch = text[i]
    if ch not in CLAUSE_END:
        return False
    # 28,583: a thousands separator is not a clause boundary
    return not (ch == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit())


def clause_start(text: str, pos: int, floor: int = 0) -> int:
    i = pos - 1
    while i >= floor and not _boundary(text, i):
        i -= 1
    return i + 1


def clause_end(text: str, pos: int, ceiling: int | None = None) -> int:
    ceiling = len(text) if ceiling is None else ceiling
    i = pos
    while i < ceiling and not _boundary(text, i):
        i += 1
    return i


def sentence_start(text: str, pos: int, floor: int = 0) -> int:
    i = pos - 1
    while i >= floor and text[i] not in SENTENCE_END:
        i -= 1
    return i + 1


def sentence_id(text: str, pos: int, floor: int = 0) -> int:
    """An id shared by all positions of one sentence: its start offset."""
    return sentence_start(text, pos, floor)


_CLAUSE_END = regex.compile(r"[，。；;！？!?\n\r（）()【】\t]|(?<!\d),|,(?!\d)")
_SENTENCE_END = regex.compile(r"[。；;！？!?\n\r]")


def boundaries(text: str, positions: int):
    """Boundaries found once when many positions will be asked about (dense
    quantities), else a scan from each position (the functions above)."""
    return Boundaries(text) if positions * 60 > len(text) else Scan(text)


class Scan:
    def __init__(self, text: str):
        self.text = text

    def clause_start(self, pos: int) -> int:
        return clause_start(self.text, pos)

    def clause_end(self, pos: int) -> int:
        return clause_end(self.text, pos)

    def sentence_start(self, pos: int) -> int:
        return sentence_start(self.text, pos)


class Boundaries:
    """Clause and sentence boundaries of a text, found once (same rules as the functions above)."""

    def __init__(self, text: str):
        self.n = len(text)
        self.clause = [m.start() for m in _CLAUSE_END.finditer(text)]
        self.sentence = [m.start() for m in _SENTENCE_END.finditer(text)]

    @staticmethod
    def _start(marks: list[int], pos: int) -> int:
        i = bisect.bisect_left(marks, pos) - 1
        return marks[i] + 1 if i >= 0 else 0

    def clause_start(self, pos: int) -> int:
        return self._start(self.clause, pos)

    def sentence_start(self, pos: int) -> int:
        return self._start(self.sentence, pos)

    def clause_end(self, pos: int) -> int:
        i = bisect.bisect_left(self.clause, pos)
        return self.clause[i] if i < len(self.clause) else self.n
