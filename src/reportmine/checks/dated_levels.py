"""Growth between two levels each written with its year, and a change between
two levels written 由…到.

    地区生产总值由2015年的120亿元增加到2020年的186亿元，年均增长9.2%。
    粮食产量由2015年的30万吨增加到2020年的36万吨，年均增加1.2万吨。
    2022年全县新增就业4560人，2023年新增就业5120人，增长12.3%。
    人均可支配收入由上年的32150元增加到34520元，增加2370元。

A growth rate with two levels of one unit before it in its sentence, each with
a year in its clause (`year_before`), the years different, is the growth from
the earlier year's level to the later one's: compounded over the years between
when an average is said (`average_words`: 年均), else the whole change. A
change (an amount of the levels' unit after a change word) right after two
levels written 由 A 到 B (`from_words`, `to_words`) is B − A, or after an
average word (B − A) over the years between. Each verifies
within the rounding of the written numbers and is flagged when a near miss
(`near_miss_ratio` of the rate, `near_miss_total` of the change) or when one
mistyped digit explains it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..claims.clauses import clause_start, sentence_start
from ..document import Quantity
from ..resources import compile_pattern, load_yaml, require, word
from . import arithmetic as ar
from .neighbourhood import Index, is_count, is_rate
from .typos import judge_difference

_KEYS = ("year_before", "average_words", "from_words", "to_words", "year_mark")
_WINDOW = 200           # characters before a change looked at first (a sentence rarely holds two dated levels further)



@dataclass(frozen=True)
class DatedConfig:
    year_before: object
    average_words: tuple[str, ...]
    from_words: tuple[str, ...]
    to_words: tuple[str, ...]
    year_mark: str          # 年: a text without it (and without from_words) has no dated level


@lru_cache(maxsize=1)
def dated_config() -> DatedConfig:
    data = load_yaml("checks.yaml")["dated_levels"]
    require(data, _KEYS, "checks.yaml: dated_levels")
    year_mark = word(data, "year_mark", "checks.yaml: dated_levels")
    return DatedConfig(compile_pattern(data["year_before"], "checks.yaml: dated_levels: year_before"),
                       tuple(data["average_words"]), tuple(data["from_words"]),
                       tuple(sorted(data["to_words"], key=len, reverse=True)), year_mark)


def check_dated_levels(index: Index, found, cfg) -> None:
    dc = dated_config()
    text = index.text
    if dc.year_mark not in text and not any(w in text for w in dc.from_words):
        return
    for q in [q for q in index.qs if q.role == "growth"]:
        if q.start in found.judged or q.group is not None or q.approx:
            continue
        window = text[max(0, q.start - _WINDOW):q.start]     # (cheap tests before the sentence look-up)
        if (window.count(dc.year_mark) < 2) if is_rate(q) else not any(w in window for w in dc.from_words):
            continue
        s = sentence_start(text, q.start)
        if is_rate(q) and _years(text, s, q.start, dc.year_mark) < 2:
            continue                # two years written before the rate in its sentence
        if not is_rate(q) and not any(w in text[s:q.start] for w in dc.from_words):
            continue
        sent = index.between(s, q.start)
        if len(sent) < 2:
            continue
        if is_rate(q):
            pair = _dated_pair(text, sent, dc)
            if pair is not None:
                _judge_rate(found, text, q, *pair, dc, cfg)
        elif is_count(q):
            pair = _from_to(text, sent, q, dc)
            if pair is None:
                continue
            head = text[max(clause_start(text, q.start), q.start - 8):q.start]
            if any(w in head for w in dc.average_words):
                _judge_average_change(found, text, q, *pair, dc, cfg)
            else:
                _judge_change(found, q, *pair, cfg)


def _years(text: str, lo: int, hi: int, mark: str) -> int:
    """How many years (19xx年, 20xx年) are written in text[lo:hi] (a look-up by
    their `mark` 年, cheaper than a pattern; year_before reads them exactly)."""
    n, i = 0, text.find(mark, lo, hi)
    while i >= 0:
        n += i - lo >= 4 and text[i - 4:i].isdigit() and text[i - 4:i - 2] in ("19", "20")
        i = text.find(mark, i + len(mark), hi)
    return n


def _year(text: str, q: Quantity, dc) -> int | None:
    m = dc.year_before.search(text, clause_start(text, q.start), q.start)
    return int(m.group("y")) if m else None


def _dated_pair(text: str, sent: list[Quantity], dc) -> tuple | None:
    """(earlier level, its year, later level, its year): the last two counts of
    one unit before the rate, with different years."""
    counts = [c for c in sent if is_count(c) and c.role != "growth" and not c.approx and c.norm_value > 0]
    if len(counts) < 2 or counts[-1].norm_unit != counts[-2].norm_unit:
        return None
    a, b = counts[-2], counts[-1]
    ya, yb = _year(text, a, dc), _year(text, b, dc)
    if ya is None or yb is None or ya == yb:
        return None
    return (a, ya, b, yb) if ya < yb else (b, yb, a, ya)


def _judge_rate(found, text: str, g: Quantity, a: Quantity, ya: int, b: Quantity, yb: int, dc, cfg) -> None:
    head = text[max(clause_start(text, g.start), g.start - 8):g.start]
    years = yb - ya if any(w in head for w in dc.average_words) else 1
    (a0, a1), (b0, b1) = ar.bounds(a), ar.bounds(b)
    if a0 <= 0:
        return
    down = b.norm_value < a.norm_value
    rates = sorted(abs((x / y) ** (1 / years) - 1) for x in (b0, b1) for y in (a0, a1))
    lo, hi = rates[0], rates[-1]
    x = abs((b.norm_value / a.norm_value) ** (1 / years) - 1)
    avg = f"，{years}年平均" if years > 1 else ""
    arith = f"({b.text}/{a.text})" + (f"^(1/{years})" if years > 1 else "") + f" − 1 = {'−' if down else ''}" \
        f"{ar.at_precision(x, g, 2)}（{ya}年至{yb}年{avg}）"
    if ar.fits(g, lo, hi):
        found.verify("growth", arith, [a, b, g], g)
    elif ar.miss(g, lo, hi) <= cfg.near_miss_ratio or (typo := ar.typo_reading(g, lo, hi)):
        note = ar.typo_note([(g, typo)]) if ar.miss(g, lo, hi) > cfg.near_miss_ratio else ""
        found.flag("growth", g, arith + f"（按所报精度为{ar.at_precision(x, g)}）" + note, [a, b])


def _from_to(text: str, sent: list[Quantity], q: Quantity, dc) -> tuple | None:
    """由A增加到B, then the change: (A, B) when the two are the last two
    levels of q's unit before it and written that way."""
    levels = [c for c in sent if c.norm_unit == q.norm_unit and c.role != "growth" and is_count(c)]
    if len(levels) < 2:
        return None
    a, b = levels[-2], levels[-1]
    between = text[a.end:b.start]
    if not any(w in between for w in dc.to_words) or len(between) > 16:
        return None
    head = text[max(clause_start(text, a.start), a.start - 12):a.start]
    return (a, b) if any(w in head for w in dc.from_words) else None


def _judge_average_change(found, text: str, q: Quantity, a: Quantity, b: Quantity, dc, cfg) -> None:
    """由2015年的30万吨增加到2020年的36万吨，年均增加1.2万吨: the change per year,
    (B − A) over the years between (none without a year on each level)."""
    ya, yb = _year(text, a, dc), _year(text, b, dc)
    if ya is None or yb is None or yb <= ya:
        return
    n = yb - ya
    x = abs(b.norm_value - a.norm_value) / n
    tol = (ar.tolerance(a) + ar.tolerance(b)) / n + ar.tolerance(q)
    arith = f"({b.text} − {a.text})/{n} = {ar.at_precision(x, q)}（{ya}年至{yb}年年均）"
    if abs(x - q.norm_value) <= tol:
        found.verify("difference", arith, [a, b, q], q)
    elif x > 0 and abs(x - q.norm_value) <= cfg.near_miss_total * max(x, q.norm_value):
        found.flag("difference", q, arith, [a, b], span=(a.start, q.end))


def _judge_change(found, q: Quantity, a: Quantity, b: Quantity, cfg) -> None:
    arith = f"{b.text} − {a.text} = {ar.at_precision(b.norm_value - a.norm_value, q)}"
    judge_difference(found, q, a, b, arith, cfg, span=(a.start, q.end))
