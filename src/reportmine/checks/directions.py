"""A change written with its two levels against its direction word.

由11个增加为13个, 从5.4%提高到6.85%, 由120家减少至98家: the level after the
verb must be above the level before it for a rise word (`rise_words`) and
below it for a fall word (`fall_words`). The two levels are in one unit with
only the verb (and 了, 到/至/为, a few words: 到今年的; `direction_link`)
between, and 由/从 at most four characters before the first (由去年的6.2%;
`direction_from`), so the sentence states the change itself; the flag says
which way the numbers go.

A level compared with an earlier one written after it (粮食总产12.5万吨，比上年的
12.1万吨总产减0.4万吨; `direction_compared`): the direction word after the
earlier level (within a few words, `_TAIL_CHARS`) must go the way the two
levels go; a gap is no level (比县定目标60人超出26人，比去年50人增长72%: 26人 is
what the level exceeds the target by).
"""

from __future__ import annotations

from . import arithmetic as ar
from .neighbourhood import Index

_TAIL_CHARS = 6
_GAP_CHARS = 12      # 比上年同期的 with a comma and spaces
_RANK_CHARS = 12     # how far before a level a ranking is named (rank_cue)


def check_directions(index: Index, found, cfg) -> None:
    text = index.text
    qs = index.qs
    for a, b in zip(qs, qs[1:]):
        if a.norm_unit != b.norm_unit or a.group is not None or a.approx or b.approx:
            continue
        if not cfg.direction_from.search(text, max(0, a.start - 8), a.start) \
                or cfg.rank_cue.search(text, max(0, a.start - _RANK_CHARS), a.start):
            continue            # (国际排名由第15位上升至第6位: a place rises as its number falls)
        m = cfg.direction_link.match(text[a.end:b.start])
        if not m:
            continue
        rise = m.group("verb") in cfg.rise_words
        lo, hi = ar.bounds(a)
        b_lo, b_hi = ar.bounds(b)
        if (rise and b_hi <= lo) or (not rise and b_lo >= hi):
            way = "不升反降" if rise and b_hi < lo else "不降反升" if not rise and b_lo > hi else "并无变化"
            found.flag("growth", b, f"由{a.text}{m.group('verb')}到{b.text}，{way}", [a],
                       span=(a.start, b.end), tail="")


def check_compared(index: Index, found, cfg) -> None:
    """A level, then 比上年的 and the earlier level, then a direction word."""
    text = index.text
    for a, b in zip(index.qs, index.qs[1:]):
        if b.start - a.end > _GAP_CHARS or a.norm_unit != b.norm_unit or a.group is not None or a.approx \
                or b.approx or a.role == "difference" or text.find("年", a.end, b.start) < 0 \
                or not cfg.direction_compared.match(text[a.end:b.start]):
            continue
        tail = text[b.end:b.end + _TAIL_CHARS]
        rise = _first_word(tail, cfg.rise_words + cfg.compared_rise)
        fall = _first_word(tail, cfg.fall_words + cfg.compared_fall)
        if (rise is None) == (fall is None):
            continue
        lo, hi = ar.bounds(b)
        a_lo, a_hi = ar.bounds(a)
        if (rise is not None and a_hi < lo) or (fall is not None and a_lo > hi):
            verb = rise or fall
            way = "不升反降" if rise is not None else "不降反升"
            said = text[a.end:b.start].lstrip("，, ")
            found.flag("growth", a, f"{a.text}{said}{b.text}之后写“{verb}”，而{a.text}{'低于' if rise else '高于'}{b.text}，{way}",
                       [b], span=(a.start, b.end), tail="")


def _first_word(tail: str, words) -> str | None:
    for stop in "，,。；;":
        tail = tail.split(stop)[0]
    hits = [(tail.find(w), -len(w), w) for w in words if w in tail]
    return min(hits)[2] if hits else None
