"""Pattern searches over long clauses and sentences, in linear time.

The claim rules read, for each quantity, the matches of a pattern between
the start of its clause (or sentence) and the quantity, or between the
quantity and the end of its clause. In an ordinary clause that is a short
scan; in a long one (a 分别 list of 3,000 items, a flattened table, a text
without punctuation) scanning it again for every quantity is quadratic. Here
the matches of a region are found once and looked up; only the last REACH
characters before a quantity are scanned afresh, where the quantity's own
position (a search bound) can change what matches. Exact as long as a match
and what its lookarounds read stay within REACH characters, which holds for
the patterns of data/claims.yaml.
"""

from __future__ import annotations

import bisect

import regex


REACH = 80             # a region shorter than twice this is scanned directly
_HAN = regex.compile(r"\p{Han}")
_HAN_FREE = regex.compile(r"\P{Han}{%d,}" % REACH)


class Region:
    """The matches of one pattern in text[start:end] (end: the region's
    bound), found once: overlapped (one per start position) or not."""

    def __init__(self, pattern: "regex.Pattern", text: str, start: int, end: int, overlapped: bool):
        self.matches = [m for m in pattern.finditer(text, start, end, overlapped=overlapped) if m.end() > m.start()]
        self.starts = [m.start() for m in self.matches]
        self.cursor = None        # what a caller folded over the matches so far: (count, state)

    def first_from(self, pos: int):
        """The match ``pattern.search(text, pos, end)`` finds."""
        i = bisect.bisect_left(self.starts, pos)
        return self.matches[i] if i < len(self.matches) else None


class Scans:
    """Regions per (pattern, start), kept for one run of the claim rules over a text."""

    def __init__(self, text: str):
        self.text = text
        self._regions: dict[tuple, Region] = {}
        self._han_free: tuple[list[int], list[int]] | None = None

    def has_han(self, start: int, end: int) -> bool:
        """Whether text[start:end] holds a Chinese character."""
        if _HAN.search(self.text, start, min(end, start + REACH)) is not None:
            return True
        if end <= start + REACH:
            return False
        if self._han_free is None:      # the long stretches without one, found once
            runs = [m.span() for m in _HAN_FREE.finditer(self.text)]
            self._han_free = ([s for s, _ in runs], [e for _, e in runs])
        starts, ends = self._han_free
        i = bisect.bisect_right(starts, start) - 1
        return ends[i] < end

    def region(self, pattern, start: int, end: int, overlapped: bool) -> Region:
        key = (id(pattern), start, end, overlapped)
        found = self._regions.get(key)
        if found is None:
            if len(self._regions) > 64:
                self._regions.clear()
            found = self._regions[key] = Region(pattern, self.text, start, end, overlapped)
        return found

    def search(self, pattern, pos: int, end: int, region_start: int):
        """``pattern.search(text, pos, end)``; ``end`` is the region's end,
        the same for every position asked about in it."""
        if end - pos <= 2 * REACH:
            return pattern.search(self.text, pos, end)
        return self.region(pattern, region_start, end, True).first_from(pos)

    def first_before(self, pattern, start: int, end: int, region_end: int):
        """``pattern.search(text, start, end)`` for an ``end`` inside the
        region [start, region_end) (for patterns without lookarounds)."""
        if end - start <= 2 * REACH:
            return pattern.search(self.text, start, end)
        m = self.region(pattern, start, region_end, True).first_from(start)
        if m is None or m.start() >= end:
            return None
        if m.end() + REACH <= end:
            return m
        return pattern.search(self.text, m.start(), end)

    def last_before(self, pattern, start: int, end: int, region_end: int):
        """The last match of ``pattern.finditer(text, start, end)`` (non-overlapping)."""
        if end - start <= 2 * REACH:
            return _last(pattern.finditer(self.text, start, end))
        region = self.region(pattern, start, region_end, False)
        cut = end - REACH
        i = bisect.bisect_left(region.starts, cut)
        restart = cut
        if i and region.matches[i - 1].end() > cut:      # a match runs over the cut: the scan resumes at it
            i -= 1
            restart = region.starts[i]
        tail = None
        if i < len(region.starts) and region.starts[i] < end:    # else none starts before the end
            tail = _last(pattern.finditer(self.text, restart, end))
        return tail if tail is not None else (region.matches[i - 1] if i else None)

    def last_in_prefix(self, pattern, start: int, end: int, region_end: int):
        """``last_before`` for a pattern that reads no assertion at the end of its text
        (no lookaround, anchor or word boundary, see :func:`end_free`): a match that ends
        by ``end`` is the same whether the scan stops at ``end`` or at ``region_end``, so
        the region's matches (found once for all positions in it) answer, unless the last
        one starting before ``end`` runs past it; then :meth:`last_before` answers."""
        region = self.region(pattern, start, region_end, False)
        i = bisect.bisect_left(region.starts, end)
        if i and region.matches[i - 1].end() > end:
            return self.last_before(pattern, start, end, region_end)
        return region.matches[i - 1] if i else None

    def anchored(self, pattern, region: Region, start: int, end: int):
        """The matches ``pattern.finditer(text, start, end, overlapped=True)``
        gives, tried only where the region (bounded further on) has one."""
        i = bisect.bisect_left(region.starts, start)
        out = []
        while i < len(region.starts) and region.starts[i] < end:
            m = pattern.match(self.text, region.starts[i], end)
            if m is not None and m.end() > m.start():
                out.append(m)
            i += 1
        return out


_END_READING = regex.compile(r"\(\?[=!<]|\\[bBZzGAmMK]|[$^]")


def end_free(pattern) -> bool:
    """Whether ``pattern`` holds nothing that reads where its text ends or starts
    (lookarounds, anchors, word boundaries): then where a search stops changes a
    match only by cutting it (:meth:`Scans.last_in_prefix`)."""
    return _END_READING.search(pattern.pattern) is None


def _last(matches):
    last = None
    for m in matches:
        if m.end() > m.start():
            last = m
    return last
