"""A change written with its two levels against its direction word.

由14个增加为15个, 从6.2%提高到7.75%, 由120家减少至98家: the level after the
verb must be above the level before it for a rise word (`rise_words`) and
below it for a fall word (`fall_words`). The two levels are in one unit with
only the verb (and 了, 到/至/为, a few words: 到今年的) between, and 由/从 at most four
characters before the first (由去年的6.2%), so
the sentence states the change itself; the flag says which way the numbers
go.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import arithmetic as ar
from .neighbourhood import Index

_HEAD = re.compile(r"(?:由|从|從)[^\s，,。；;、0-9]{0,4}$")


def check_directions(index: Index, found, cfg) -> None:
    text = index.text
    link = _link(cfg.rise_words, cfg.fall_words)
    qs = index.qs
    for a, b in zip(qs, qs[1:]):
        if a.norm_unit != b.norm_unit or a.group is not None or a.approx or b.approx:
            continue
        if not _HEAD.search(text, max(0, a.start - 8), a.start):
            continue
        m = link.match(text[a.end:b.start])
        if not m:
            continue
        rise = m.group("verb") in cfg.rise_words
        lo, hi = ar.bounds(a)
        b_lo, b_hi = ar.bounds(b)
        if (rise and b_hi <= lo) or (not rise and b_lo >= hi):
            way = "不升反降" if rise and b_hi < lo else "不降反升" if not rise and b_lo > hi else "并无变化"
            found.flag("growth", b, f"由{a.text}{m.group('verb')}到{b.text}，{way}", [a],
                       span=(a.start, b.end), tail="")


@lru_cache(maxsize=4)
def _link(rise: tuple, fall: tuple):
    words = "|".join(sorted(map(re.escape, set(rise) | set(fall)), key=len, reverse=True))
    return re.compile(rf"^\s*[^\s，,。；;、0-9]{{0,2}}?(?P<verb>{words})了?(?:到|至|为|為)[^\s，,。；;、0-9]{{0,4}}$")
