"""A share of the days of a period against the days it counts.

    全年空气质量优良天数320天，优良率87.7%
    1-6月城区优良天数158天，优良天数比例87.3%

A rate whose clause names a share (`share_label`: 率, 比例, 占比…) right after a count
of days in its sentence (changes in days between skipped: 同比增加12天), is
that count over the days of its period: a year (365 or 366 days), the months
of a range written in the sentence or before it in its paragraph (1-6月:
181 or 182), a half year or a quarter. It verifies when one
length of the period fits within the rounding of the two numbers; it is
flagged only when the period is written (a year, 全年, a month range…) and the
rate is a near miss (`near_miss_ratio`) or one mistyped digit of it explains
the gap.
"""

from __future__ import annotations

import calendar

import regex

from ..claims.clauses import clause_start, sentence_start
from . import arithmetic as ar
from .neighbourhood import Index, is_rate, paragraph_bounds

_MONTHS = regex.compile(r"(?P<a>1[0-2]|[1-9])\s*(?:-|—|－|~|～|至|到)\s*(?P<b>1[0-2]|[1-9])\s*月")
_NAMED = (("上半年", (181, 182)), ("下半年", (184,)), ("一季度", (90, 91)), ("第一季度", (90, 91)),
          ("全年", (365, 366)), ("年度", (365, 366)), ("本年", (365, 366)), ("今年", (365, 366)))
_YEAR = regex.compile(r"(?:19|20)\d{2}\s*年(?!\s*(?:1[0-2]|[1-9])\s*(?:月|-|—|至|到))")


def check_period_days(index: Index, found, cfg) -> None:
    text = index.text
    if "天" not in text:
        return
    for k, q in enumerate(index.qs):
        if not is_rate(q) or q.start in found.judged or q.approx or k == 0:
            continue
        days = next((d for d in reversed(index.qs[max(0, k - 3):k]) if d.role not in ("growth", "difference")), None)
        if days is None or days.norm_unit != "天" or days.approx or not days.norm_value \
                or days.start < sentence_start(text, q.start) \
                or not cfg.share_label.search(text[clause_start(text, q.start):q.start]):
            continue
        lengths, written = _period(text, days.start)
        _judge(found, q, days, lengths, written, cfg)


def _period(text: str, pos: int) -> tuple[tuple[int, ...], bool]:
    """The lengths (days) the period before ``pos`` may have, and whether it is
    written in the count's own sentence (a year, a month range, a month's end,
    a named part of a year) or only read from the paragraph before it or
    assumed a year (then the rate only verifies: 截至11月底 in its own sentence
    is not overruled by a 全年 sentences earlier)."""
    lo = paragraph_bounds(text, pos)[0]
    s = max(lo, sentence_start(text, pos))
    own = _lengths(text[max(s, pos - 120):pos])
    if own is not None:
        return own, True
    return _lengths(text[max(lo, pos - 120):s]) or (365, 366), False


def _lengths(head: str) -> tuple[int, ...] | None:
    ranges = list(_MONTHS.finditer(head))
    if ranges:
        a, b = int(ranges[-1]["a"]), int(ranges[-1]["b"])
        if a <= b:
            return _months(a, b)
    if (m := _UNTIL.search(head)):
        return _months(1, int(m["m"]))
    for word, lengths in _NAMED:
        if word in head:
            return lengths
    if _YEAR.search(head):
        return (365, 366)
    return None


def _months(a: int, b: int) -> tuple[int, ...]:
    return tuple(sorted({sum(calendar.monthrange(y, m)[1] for m in range(a, b + 1)) for y in (2023, 2024)}))


_UNTIL = regex.compile(r"截[至止](?:\s*(?:19|20)\d{2}\s*年)?\s*(?P<m>1[0-2]|[1-9])\s*月(?:底|末|份)")


def _judge(found, q, days, lengths, written: bool, cfg) -> None:
    best = None
    for n in lengths:
        lo, hi = ar.bounds(days)
        lo, hi = lo / n, hi / n
        arith = f"{days.text}/{n}天 = {ar.at_precision(days.norm_value / n, q, 2)}"
        if ar.fits(q, lo, hi):
            found.verify("ratio", arith + "（期内天数）", [days, q], q)
            return
        if best is None or ar.miss(q, lo, hi) < best[0]:
            best = (ar.miss(q, lo, hi), lo, hi, arith)
    if not written or best is None:
        return
    _, lo, hi, arith = best
    found.flag_off("ratio", q, lo, hi, arith + "（期内天数）", [days], cfg.near_miss_ratio)
