"""A difference whose compared value stands in an earlier sentence.

全县共有卫生院18个。全县共有村卫生室236个，比卫生院多218个: a difference whose
sentence holds only one value before it that it can be between (the level),
and whose comparison names what it is compared with (比/较, a name, then
多/少/高/低…: `compared`), is between that level and the value so named in an
earlier sentence of its paragraph or of the paragraph before (the last one of
a compatible unit whose indicator holds the name). Verified or flagged as a
difference within one sentence is (relations.py): flagged when a near miss or
one mistyped digit explains the gap. A name that is a period (`period`:
比上年多, 较同期) is an earlier level, read elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..claims.clauses import clause_start, sentence_start
from ..document import Quantity
from ..resources import compile_pattern, load_yaml, require
from . import arithmetic as ar
from .neighbourhood import Index, compatible, named_alike, paragraph_bounds
from .typos import difference_typos

_PATTERNS = ("compared", "period", "compared_after")
_NAME_CHARS = 24       # 比, a name of up to twelve characters, 的 and the direction word
_REACH = 600           # how far back the level and the named value are looked for (characters)


@dataclass(frozen=True)
class NamedDifferenceWords:
    """checks.yaml's named_differences section: the words this check reads."""

    compared: object
    period: object
    compared_after: object      # 高出全市平均水平: the direction word before the name (levels elsewhere only)


@lru_cache(maxsize=1)
def named_difference_words() -> NamedDifferenceWords:
    data = load_yaml("checks.yaml")["named_differences"]
    require(data, _PATTERNS, "checks.yaml: named_differences")
    return NamedDifferenceWords(**{k: compile_pattern(data[k], f"checks.yaml: named_differences: {k}")
                                   for k in _PATTERNS})


def check_named_differences(index: Index, found, cfg) -> None:
    text = index.text
    w = named_difference_words()
    for d in [q for q in index.qs if q.role == "difference"]:
        if d.start in found.judged or d.approx:
            continue
        lo = max(clause_start(text, d.start), d.start - _NAME_CHARS)
        m = w.compared.search(text, lo, d.start)
        after = m is None
        m = m or w.compared_after.search(text, lo, d.start)
        if m is None or w.period.search(m.group("name")):
            continue
        ss = max(sentence_start(text, d.start), d.start - _REACH)
        level = [q for q in index.between(ss, d.start) if q.role != "difference" and compatible(q, d)]
        if after and level:
            own = _own_level(index, text, ss, m.group("name"), d, level)
            if own is not None:
                _judge(found, d, level[0], own)
            continue            # 高于全市平均水平 after a level of its sentence: read by the in-sentence checks
        if not level:
            pair = _placed(index, text, ss, m.group("name"), d)
            if pair is not None:
                _judge(found, d, *pair)
            continue
        if len(level) != 1:
            continue
        a = _named(index, text, ss, m.group("name"), d)
        if a is None:
            continue
        _judge(found, d, a, level[0])


_PLACE_CHARS = 2        # 全市平均水平: the place a compared name opens with


def _placed(index: Index, text: str, ss: int, name: str, d: Quantity) -> tuple[Quantity, Quantity] | None:
    """我县比全市平均水平低2450元 with no level in its sentence: the value an
    earlier sentence of the paragraph states for the place the name opens with
    (全市城镇居民人均可支配收入为45310元) and the last other value of the same
    indicator in a sentence that names no such place (the level compared);
    both of d's unit (or rates), neither a change. (compared, level) or None."""
    place = name[:_PLACE_CHARS]
    lo = max(paragraph_bounds(text, ss)[0], ss - _REACH)
    values = [q for q in index.between(lo, ss) if compatible(q, d) and q.role not in ("difference", "growth")]
    at = [i for i, q in enumerate(values) if place in text[sentence_start(text, q.start):q.start]]
    if not at:
        return None
    a = values[at[-1]]
    same = [q for q in values if q is not a and place not in text[sentence_start(text, q.start):q.start]
            and named_alike(q.indicator, a.indicator)]
    return (a, same[-1]) if same else None



def _own_level(index: Index, text: str, ss: int, name: str, d: Quantity, level: list[Quantity]) -> Quantity | None:
    """全县居民健康素养水平达到28.6%。全市平均水平为26.1%，我县高出全市2.7个百分点:
    the one level of the difference's sentence is the place compared with (its
    clause opens with the place the name opens with, and it names nothing
    but a 平均水平); the subject's own is the last value of d's kind in the
    sentence before, in the same paragraph, whose sentence names no such place."""
    if len(level) != 1:
        return None
    a, place = level[0], name[:_PLACE_CHARS]
    head = text[clause_start(text, a.start):a.start]
    if place not in head or (a.indicator or "").replace(place, "").replace("平均", "") not in ("", "水平", "值"):
        return None
    lo = max(paragraph_bounds(text, ss)[0], sentence_start(text, max(0, ss - 1)))
    own = [q for q in index.between(lo, ss) if compatible(q, a) and q.role == "actual"
           and place not in text[sentence_start(text, q.start):q.start]]
    return own[-1] if own else None


def _named(index: Index, text: str, ss: int, name: str, d: Quantity) -> Quantity | None:
    lo = paragraph_bounds(text, ss)[0]
    if lo > 0:
        before = lo - 1
        while before > 0 and text[before - 1].isspace():
            before -= 1
        lo = paragraph_bounds(text, before)[0] if before > 0 else lo
    named = [q for q in index.between(max(lo, ss - _REACH), ss) if compatible(q, d) and q.role not in ("difference", "growth")
             and name in (q.indicator or "")]
    return named[-1] if named else None


def _judge(found, d: Quantity, a: Quantity, b: Quantity) -> None:
    computed = abs(b.norm_value - a.norm_value)
    tol = ar.tolerance(d) + ar.tolerance(a) + ar.tolerance(b)
    arith = f"|{b.text} − {a.text}| = {ar.at_precision(computed, d)}"
    if ar.near(d.norm_value, computed, tol):
        found.verify("difference", arith, [a, b, d], d)
        return
    implied = min((a.norm_value + d.norm_value, a.norm_value - d.norm_value), key=lambda x: abs(x - b.norm_value))
    typos = [] if ar.near_miss(b.norm_value, implied, found.cfg.near_miss) else difference_typos(d, b, a)
    if typos or ar.near_miss(b.norm_value, implied, found.cfg.near_miss):
        found.flag("difference", d, arith + (ar.typo_note(typos) if typos else ""), [a, b], span=(b.start, d.end))
