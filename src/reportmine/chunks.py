"""Long texts analyzed chunk by chunk, with bounded memory.

A document longer than ``CHUNK_CHARS`` characters is cut into chunks of at
most that size: at a paragraph end (a line break), in a paragraph longer than
a chunk at a sentence end (。！？；), then at whitespace, and as a last resort
anywhere; never inside a table or a marked boilerplate span (a chunk grows to
hold one that is longer). The structure stage, the table readers, the
catalog links and the checks see the whole document; the per-sentence stages
(quantities, claims) run chunk by chunk, each on the chunk's own text with
offsets shifted back afterwards, so what they hold at once (views of the
text, boundary tables, match caches) is bounded by the chunk size. A chunk's
text starts a few lines before it (``CONTEXT_LINES``, at most
``CONTEXT_CHARS`` characters) so that a value alone on the chunk's first line
can still read its label above. Nothing a sentence stage reads crosses a
paragraph end, so the merged result equals an unchunked run's whenever no
sentence is cut (a paragraph longer than a chunk).
"""

from __future__ import annotations

import bisect

CHUNK_CHARS = 200_000
CONTEXT_LINES = 3
CONTEXT_CHARS = 2_000
_SENTENCE_ENDS = "。！？；!?;"


def plan(text: str, size: int = CHUNK_CHARS, keep=()) -> list[tuple[int, int]]:
    """The chunks of ``text`` as (start, end); ``keep``: spans not to cut."""
    n = len(text)
    if n <= size:
        return [(0, n)]
    merged = _merge(keep)
    starts = [s for s, _ in merged]
    out, a = [], 0
    while n - a > size:
        b = _inside(merged, starts, _cut(text, a, a + size), a)
        out.append((a, b))
        a = b
    out.append((a, n))
    return out


def _cut(text: str, a: int, limit: int) -> int:
    """The last good cut in (a, limit]: after a line break, a sentence end, a space."""
    floor = a + (limit - a) // 2          # a cut in the second half keeps chunks large
    i = text.rfind("\n", floor, limit)
    while i >= 0 and _mid_number(text, i):      # 39⏎2、4人: a page break inside a number
        i = text.rfind("\n", floor, i)
    if i >= 0:
        return i + 1
    best = max(text.rfind(ch, floor, limit) for ch in _SENTENCE_ENDS)
    if best >= 0:
        return best + 1
    for i in range(limit - 1, floor - 1, -1):
        if text[i].isspace():
            return i + 1
    return limit


def _mid_number(text: str, i: int) -> bool:
    """Whether the line break at i has a digit before it (spaces aside)."""
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return j >= 0 and text[j].isdigit()


def _merge(spans) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _inside(merged, starts, b: int, a: int) -> int:
    """A cut moved out of a kept span: before it, or after it when it starts the chunk."""
    i = bisect.bisect_right(starts, b - 1) - 1
    if i >= 0 and merged[i][0] < b < merged[i][1]:
        return merged[i][0] if merged[i][0] > a else merged[i][1]
    return b


def context_start(text: str, a: int) -> int:
    """Where a chunk's text begins: CONTEXT_LINES lines before ``a``, within CONTEXT_CHARS."""
    pos = a
    for _ in range(CONTEXT_LINES):
        if pos <= 0:
            return 0
        pos = text.rfind("\n", max(0, a - CONTEXT_CHARS), pos - 1) + 1
        if pos == 0 and a - CONTEXT_CHARS > 0:
            return a - CONTEXT_CHARS
    return pos


def shift(items, by: int) -> None:
    """Move spans (objects with start and end) by ``by`` characters, in place."""
    for item in items:
        item.start += by
        item.end += by


def in_span(items, starts: list[int], a: int, b: int) -> list:
    """The items (sorted by start; ``starts`` their starts) that start in [a, b)."""
    return items[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]
