"""Lines of the canonical text as (start, end) spans, newline excluded."""

from __future__ import annotations

from typing import NamedTuple


class Line(NamedTuple):
    start: int
    end: int
    text: str


def split_lines(text: str) -> list[Line]:
    lines = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        lines.append(Line(pos, pos + len(body), body))
        pos += len(raw)
    return lines
