"""A share of the days of a period against the days it counts.

    全年空气质量优良天数320天，优良率87.7%
    1-6月城区优良天数158天，优良天数比例87.3%

A rate whose clause names a share (`share_label`: 率, 比例, 占比…) right after a count
of days in its sentence (changes in days between skipped: 同比增加12天), is
that count over the days of its period: a year (365 or 366 days), the months
of a range written in the sentence or before it in its paragraph (1-6月:
181 or 182), a half year or a quarter (`period_months`, `period_until`,
`named_periods`, `period_year`). It verifies when one
length of the period fits within the rounding of the two numbers; it is
flagged only when the period is written (a year, 全年, a month range…) and the
rate is a near miss (`near_miss_ratio`) or one mistyped digit of it explains
the gap.
"""

from __future__ import annotations

import calendar

from ..claims.clauses import clause_start, sentence_start
from . import arithmetic as ar
from .neighbourhood import Index, is_rate, paragraph_bounds


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
        lengths, written = _period(text, days.start, cfg)
        _judge(found, q, days, lengths, written, cfg)


def _period(text: str, pos: int, cfg) -> tuple[tuple[int, ...], bool]:
    """The lengths (days) the period before ``pos`` may have, and whether it is
    written in the count's own sentence (a year, a month range, a month's end,
    a named part of a year) or only read from the paragraph before it or
    assumed a year (then the rate only verifies: 截至11月底 in its own sentence
    is not overruled by a 全年 sentences earlier)."""
    lo = paragraph_bounds(text, pos)[0]
    s = max(lo, sentence_start(text, pos))
    own = _lengths(text[max(s, pos - 120):pos], cfg)
    if own is not None:
        return own, True
    return _lengths(text[max(lo, pos - 120):s], cfg) or (365, 366), False


def _lengths(head: str, cfg) -> tuple[int, ...] | None:
    ranges = list(cfg.period_months.finditer(head))
    if ranges:
        a, b = int(ranges[-1]["a"]), int(ranges[-1]["b"])
        if a <= b:
            return _months(a, b)
    if (m := cfg.period_until.search(head)):
        return _months(1, int(m["m"]))
    for word, lengths in cfg.named_periods:
        if word in head:
            return lengths
    if cfg.period_year.search(head):
        return (365, 366)
    return None


def _months(a: int, b: int) -> tuple[int, ...]:
    return tuple(sorted({sum(calendar.monthrange(y, m)[1] for m in range(a, b + 1)) for y in (2023, 2024)}))


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
