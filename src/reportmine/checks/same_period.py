"""A change measured against the period it is a change of.

2023年全县粮食产量45.2万吨，比2023年增长3.1%; 2024年1-6月…完成42.1亿元，较2024年
同期增长6.2%: a growth or change whose comparison names a year (比/较/与 a year,
perhaps 同期, then only its direction word: `same_period_compared`) while the level it belongs to (the
quantity nearest before the comparison in its sentence, with a period) is of
that same year compares a period with itself. A year's start or end (比2024年初)
is another point of the year and says nothing.
"""

from __future__ import annotations

import regex

from ..claims.clauses import clause_start, sentence_start
from .neighbourhood import Index

_YEAR = regex.compile(r"(?:19|20)\d{2}")
_REACH = 300           # how far before the comparison its level is looked for (characters)
_WORDS_CHARS = 4        # a direction word between the comparison and the change (增长, 下降)


def check_same_period(index: Index, found, cfg) -> None:
    text = index.text
    if "年" not in text:
        return
    for q in index.qs:
        if q.role not in ("growth", "difference") or q.start in found.judged:
            continue
        cs = max(clause_start(text, q.start), q.start - _REACH)
        m = _comparison(text, cs, q.start, cfg)
        if m is None:
            continue
        level = next((w for w in reversed(index.between(max(sentence_start(text, q.start), m.start() - _REACH),
                                                        m.start()))
                      if w.period and w.role in ("actual", "forecast")), None)
        if level is None:
            continue
        years = _YEAR.findall(level.period)
        if len(set(years)) != 1 or years[0] != m.group("year") or not level.period.startswith(years[0]):
            continue
        if _compared_period(text, level):
            continue        # (…企业1260家，比2018年增加215家，从业人员18.6万人，比2018年增长12.4%:
            #                  the level's period was read from an earlier comparison, not its own)
        compared = text[m.start():m.end()].rstrip("，, ")
        found.flag("growth", q, f"{level.text}是{level.period}的数值，其变化{q.text}却写“{compared}”："
                   "同一时期与自身相比", [level], span=(m.start(), q.end), tail="")


def _compared_period(text: str, level) -> bool:
    """The last writing of the level's period before it in its sentence follows
    a comparison word (比2008年, 较2008年): the year compared with, not the level's."""
    at = text.rfind(level.period, sentence_start(text, level.start), level.start)
    return at > 0 and text[at - 1] in _COMPARE


_COMPARE = "比较与同"


def _comparison(text: str, cs: int, pos: int, cfg):
    """The comparison naming a year that ends right before ``pos`` (its direction word between)."""
    for m in cfg.same_period_compared.finditer(text, cs, pos):
        gap = text[m.end():pos].strip()
        if len(gap) <= _WORDS_CHARS and (not gap or gap in cfg.rise_words or gap in cfg.fall_words):
            return m
    return None
