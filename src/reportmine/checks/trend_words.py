"""A word that says a measure got better against the figure that shows it.

全县空气质量有所改善，PM2.5平均浓度为42微克/立方米，比上年上升10.5%: a word of
improvement (`better_words`) is contradicted by a change, in its sentence or the
next one of its paragraph, that rises on a measure for which a rise is a
worsening (its indicator holds one of `lower_better`: a concentration, a rate
of unemployment, deaths, accidents…). The flag is on the word, with the change
as evidence. A change whose direction its words do not say, or a measure not
in the list, says nothing; the word must end its clause (`better_words`), so
that a change's own direction (同比改善13.6%) is not read as one.
"""

from __future__ import annotations

from ..claims.clauses import sentence_start
from .neighbourhood import Index, paragraph_bounds, sentence_end
from .trend_lists import rise_of

_REACH = 300           # characters read on each side of the word (a text without full stops stays linear)


def check_trend_words(index: Index, found, cfg) -> None:
    text = index.text
    for m in cfg.better_words.finditer(text):
        lo = paragraph_bounds(text, m.start())[0]
        end = sentence_end(text, m.end(), _REACH)          # this sentence, then the next one of its paragraph
        if end < len(text) and text[end] not in "\r\n":
            end = sentence_end(text, end + 1, _REACH)
        for q in index.between(max(sentence_start(text, m.start()), m.start() - _REACH), end):
            if q.role not in ("growth", "difference") or not _lower_better(q.indicator or "", cfg):
                continue
            if rise_of(text, q, cfg):
                said = text[max(lo, m.start() - 4):m.end()]
                found.flag("growth", q, f"文中写“{said}”，而{q.indicator}上升{q.text}：该指标上升意味着变差",
                           [q], span=(m.start(), m.end()), tail="")
                break


def _lower_better(indicator: str, cfg) -> bool:
    return any(w in indicator for w in cfg.lower_better)
