"""Where a claim lives: its sentence, or its table row; and the quote shown
for it."""

from __future__ import annotations

import bisect
import re

from ..claims.clauses import SENTENCE_END
from ..document import Document

FULL_STOPS = frozenset("。！？!?\n\r")
_STOPS = re.compile("[" + re.escape("".join(sorted(SENTENCE_END))) + "]")
QUOTE_MAX = 240       # a longer sentence (a flattened table) is cut around the claim
QUOTE_MARGIN = 80


class Scopes:
    def __init__(self, doc: Document):
        self.text = doc.text
        text = doc.text
        self._stops = [m.start() for m in _STOPS.finditer(text)]       # 。；！？ and line ends
        self._full = [i for i in self._stops if text[i] in FULL_STOPS]  # the same without ；
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
        return ("sentence", self.sentence_start(pos))

    def sentence_start(self, pos: int) -> int:
        """As claims.clauses.sentence_start, by bisection."""
        i = bisect.bisect_left(self._stops, pos)
        return self._stops[i - 1] + 1 if i else 0

    def period_start(self, pos: int) -> int:
        """Start of the full sentence (up to 。！？ or a line break; ； does not end it)."""
        cell = self._cell(pos)
        if cell is not None:
            return self._rows[(cell.table, cell.row)][0]
        i = bisect.bisect_left(self._full, pos)
        return self._full[i - 1] + 1 if i else 0

    def span(self, start: int, end: int) -> tuple[int, int]:
        cell = self._cell(start)
        if cell is not None:
            return self._rows[(cell.table, cell.row)]
        s = self.sentence_start(start)
        i = bisect.bisect_left(self._stops, end)
        e = self._stops[i] if i < len(self._stops) else len(self.text)
        if e < len(self.text) and self.text[e] not in "\r\n":
            e += 1            # keep the full stop
        return s, e

    def quote(self, start: int, end: int) -> str:
        s, e = self.span(start, end)
        if e - s > QUOTE_MAX:
            s2, e2 = max(s, start - QUOTE_MARGIN), min(e, end + QUOTE_MARGIN)
            return ("…" if s2 > s else "") + self.text[s2:e2].strip() + ("…" if e2 < e else "")
        return self.text[s:e].strip()
