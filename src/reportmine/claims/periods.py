"""Period phrases (全年, 1-7月份, 上半年, 2009年) near a quantity."""

from __future__ import annotations

from .cues import Cues


def period_before(cues: Cues, text: str, start: int, end: int) -> str | None:
    """The last period phrase in text[start:end]."""
    last = None
    for m in cues.period.finditer(text, start, end):
        if m.end() > m.start():
            last = m
    return last.group() if last else None


def periods_in(cues: Cues, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in cues.period.finditer(text, start, end) if m.group()]
