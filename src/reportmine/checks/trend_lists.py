"""A list of directions against the changes stated after it.

全县财政运行呈现收入增、支出降、结余减的格局。… 一般公共预算收入25.6亿元，较上年
增长4.2%；… 结余2.3亿元，较上年增加0.4亿元 …: a list of at least two measures, each with a
one-character direction and set apart by 、 (`trend_list`), says which way
each measure moved. The change of a measure is the first change stated after
the list, in its paragraph or the next, whose indicator ends with the
measure (the item's last two characters before its direction) and that is
not a part (其中 before it in its sentence), read as a rise or a
fall from its words (`rise_words`, `fall_words`). When another item of the
list agrees with its change, the list is shown to describe those figures,
and an item whose change goes the other way is flagged on its words, with
the change and the agreeing items' changes as evidence. An item whose
measure has no change stated, or a list none of whose items agrees, says
nothing.
"""

from __future__ import annotations

from ..claims.clauses import sentence_start
from ..document import Quantity
from .neighbourhood import Index, joined_runs, paragraph_bounds

_HEAD_CHARS = 8        # how far before a change its direction word may stand (较上年增加)
_ITEM_CHARS = 6        # an item's name and direction before the first seam
_LIST_CHARS = 60       # how far a list may run after it
_AFTER_CHARS = 1500    # how far after a list its changes are looked for
_PART_CHARS = 300      # how far before a change its 其中 is looked for


def check_trend_lists(index: Index, found, cfg) -> None:
    text = index.text
    if "、" not in text:
        return
    for items in _lists(text, cfg):
        _, para_end = paragraph_bounds(text, items[-1].end())
        nxt = para_end
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        reach = paragraph_bounds(text, nxt)[1] if nxt < len(text) else para_end
        reach = min(reach, items[-1].end() + _AFTER_CHARS)
        after = [q for q in index.between(items[-1].end(), reach) if q.role in ("growth", "difference")]
        judged = []
        for m in items:
            change = next((q for q in after if (q.indicator or "").endswith(m.group("name")[-2:])
                           and not _part(text, q)), None)
            rise = rise_of(text, change, cfg) if change is not None else None
            if rise is not None:
                judged.append((m, change, rise == (m.group("up") is not None)))
        agree = [(m, q) for m, q, ok in judged if ok]
        for m, q, ok in judged:
            if ok or not agree:
                continue
            way = "增长" if rise_of(text, q, cfg) else "下降"
            shown = "，".join(f"“{_said(text, a)}”与{b.indicator}{b.text}一致" for a, b in agree)
            found.flag("growth", q, f"概述写“{_said(text, m)}”，而其后{q.indicator}{way}{q.text}，方向相反（{shown}）",
                       [b for _, b in agree], span=(m.end() - 3, m.end()), tail="")


def _part(text: str, q: Quantity) -> bool:
    """A part's change (其中税收收入…) says nothing of the whole the list names."""
    return "其中" in text[max(sentence_start(text, q.start), q.start - _PART_CHARS):q.start]


def _said(text: str, m) -> str:
    """The item as the measure and its direction (收入增), without the words before it."""
    return text[m.end() - 3:m.end()]


def _lists(text: str, cfg) -> list[list]:
    """Runs of at least two items set apart by 、 (read only around a direction
    character followed by 、, `trend_seam`, so that a text without one is scanned once)."""
    out, done = [], -1
    for hit in cfg.trend_seam.finditer(text):
        if hit.start() < done:
            continue
        lo = max(0, hit.start() - _ITEM_CHARS)
        hi = min(len(text), hit.end() + _LIST_CHARS)
        items = list(cfg.trend_list.finditer(text, lo, hi))
        out += joined_runs(items, lambda a, b: text[a.end():b.start()] == "、")
        done = hi
    return out


def rise_of(text: str, q: Quantity, cfg) -> bool | None:
    """True for a rise, False for a fall, None when its words do not say."""
    if q.direction in ("up", "down"):
        return q.direction == "up"
    head = text[max(0, q.start - _HEAD_CHARS):q.start]
    fall = max((head.rfind(w) for w in cfg.fall_words), default=-1)
    rise = max((head.rfind(w) for w in cfg.rise_words), default=-1)
    if fall == rise:
        return None
    return rise > fall
