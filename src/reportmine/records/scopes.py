"""Where a claim lives: its sentence, or its table row; and the quote shown
for it."""

from __future__ import annotations

import bisect

from ..claims.clauses import SENTENCE_END, sentence_start
from ..document import Document

FULL_STOPS = frozenset("。！？!?\n\r")
QUOTE_MAX = 240       # a longer sentence (a flattened table) is cut around the claim
QUOTE_MARGIN = 80


class Scopes:
    def __init__(self, doc: Document):
        self.text = doc.text
        cells = sorted((b.start, b.end, b) for b in doc.blocks if b.kind == "table_cell")
        self._starts = [c[0] for c in cells]
        self._cells = cells
        self._rows: dict[tuple, tuple[int, int]] = {}
        for start, end, b in cells:
            key = (b.table, b.row)
            s, e = self._rows.get(key, (start, end))
            self._rows[key] = (min(s, start), max(e, end))

    def _cell(self, pos: int):
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and self._cells[i][0] <= pos < max(self._cells[i][1], self._cells[i][0] + 1):
            return self._cells[i][2]
        return None

    def key(self, pos: int) -> tuple:
        cell = self._cell(pos)
        if cell is not None:
            return ("row", cell.table, cell.row)
        return ("sentence", sentence_start(self.text, pos))

    def period_start(self, pos: int) -> int:
        """Start of the full sentence (up to 。！？ or a line break; ； does not end it)."""
        cell = self._cell(pos)
        if cell is not None:
            return self._rows[(cell.table, cell.row)][0]
        i = pos - 1
        while i >= 0 and self.text[i] not in FULL_STOPS:
            i -= 1
        return i + 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        cell = self._cell(start)
        if cell is not None:
            return self._rows[(cell.table, cell.row)]
        s = sentence_start(self.text, start)
        e = end
        while e < len(self.text) and self.text[e] not in SENTENCE_END:
            e += 1
        if e < len(self.text) and self.text[e] not in "\r\n":
            e += 1            # keep the full stop
        return s, e

    def quote(self, start: int, end: int) -> str:
        s, e = self.span(start, end)
        if e - s > QUOTE_MAX:
            s2, e2 = max(s, start - QUOTE_MARGIN), min(e, end + QUOTE_MARGIN)
            return ("…" if s2 > s else "") + self.text[s2:e2].strip() + ("…" if e2 < e else "")
        return self.text[s:e].strip()
