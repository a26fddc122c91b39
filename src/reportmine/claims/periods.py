"""Period phrases (全年, 1-7月份, 上半年, 2009年) near a quantity."""

from __future__ import annotations

from functools import lru_cache

from .cues import Cues
from .scans import end_free


@lru_cache(maxsize=4)
def _end_free(pattern) -> bool:
    return end_free(pattern)


def period_before(cues: Cues, text: str, start: int, end: int, scans=None, region_end: int | None = None) -> str | None:
    """The last period phrase in text[start:end]; ``scans`` (a
    claims.scans.Scans) with ``region_end`` (where the sentence ends): a long
    sentence's phrases are found once for all its quantities."""
    if scans is not None and region_end is not None:
        if _end_free(cues.period):
            last = scans.last_in_prefix(cues.period, start, end, region_end)
        else:
            last = scans.last_before(cues.period, start, end, region_end)
    else:
        last = None
        for m in cues.period.finditer(text, start, end):
            if m.end() > m.start():
                last = m
    return last.group() if last else None


def periods_in(cues: Cues, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in cues.period.finditer(text, start, end) if m.group()]
