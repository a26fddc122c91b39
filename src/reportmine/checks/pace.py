"""The pace of a year (序时进度): how far a completion is ahead of the time gone.

    前5个月完成全年目标的39%，落后序时进度2.7个百分点     (5/12 = 41.7%)
    土地出让收入到6月底只入库6.3亿元，完成35%，落后序时进度15个百分点

A gap to the pace (`pace.cue` right before it in its clause, with a word of
ahead or behind) is the completion rate written before it in its sentence
less the share of the year gone by (`pace.months`: the months its sentence,
or the sentence before, names: 前5个月, 1-9月, 到6月底, 上半年, 前三季度).
It verifies within the rounding of the two written numbers (and of the pace,
which a report may round before it subtracts); it is flagged as a near miss
or when one mistyped digit explains the gap.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..claims.clauses import clause_start, sentence_start
from ..document import Quantity
from ..numerals import parse_chinese_int
from ..resources import DataFileError, compile_pattern, load_yaml, require, word
from . import arithmetic as ar
from .neighbourhood import Index, is_rate

_PACE_ROUNDING = 0.0005     # a pace rounded to 0.1% before it was subtracted (83.3%)


@dataclass(frozen=True)
class PaceWords:
    mark: str                   # every cue holds it (a cheap test first)
    cue: object                 # 序时进度 and the ahead/behind word before it (group `ahead` / `behind`)
    months: tuple               # (pattern, months or None for group `n`) in order
    reach: int                  # how far before the gap its completion rate may be


@lru_cache(maxsize=1)
def pace_words() -> PaceWords:
    data = load_yaml("checks.yaml")["pace"]
    where = "checks.yaml: pace"
    require(data, ("mark", "cue", "months", "reach"), where)
    if not isinstance(data["months"], list) or not data["months"]:
        raise DataFileError(f"{where}: months 应为非空的列表")
    months = []
    for entry in data["months"]:
        if not isinstance(entry, dict) or "pattern" not in entry:
            raise DataFileError(f"{where}: months 的每一项应有 pattern")
        n = entry.get("months")
        if n is not None and not (isinstance(n, int) and 1 <= n <= 12):
            raise DataFileError(f"{where}: months 应为1到12的整数")
        months.append((compile_pattern(entry["pattern"], f"{where}: months"), n))
    return PaceWords(word(data, "mark", where), compile_pattern(data["cue"], f"{where}: cue"), tuple(months),
                     int(data["reach"]))


def check_pace(index: Index, found, cfg) -> None:
    text = index.text
    words = pace_words()
    if words.mark not in text:
        return
    for q in index.qs:
        if q.norm_unit not in ("ratio_point", "ratio") or q.start in found.judged:
            continue
        m = words.cue.search(text, clause_start(text, q.start), q.start)
        if m is None or m.end() < q.start - 2:
            continue
        rate = _completion_before(index, q, words)
        months = _months(text, q, words)
        if rate is None or months is None:
            continue
        pace = months / 12
        ahead = m.group("ahead") is not None
        gap = (rate.norm_value - pace) if ahead else (pace - rate.norm_value)
        tol = ar.tolerance(q) + ar.tolerance(rate) + _PACE_ROUNDING
        elapsed = f"{months}/12（{ar.pct(pace)}）"
        points = f"{abs(gap) * 100:.2f}".rstrip("0").rstrip(".") + "个百分点"
        arithmetic = (f"{rate.text} − {elapsed} = {points}" if ahead else f"{elapsed} − {rate.text} = {points}")
        found.judge(q, gap, tol, [rate], "difference", arithmetic, typos=lambda: _typos(q, rate, pace, ahead))


def _completion_before(index: Index, q: Quantity, words: PaceWords) -> Quantity | None:
    text = index.text
    ss = sentence_start(text, q.start)
    before = [r for r in index.between(max(ss, q.start - words.reach), q.start)
              if r.end <= q.start and is_rate(r) and r.role in ("completion_rate", "actual")]
    return before[-1] if before else None


def _months(text: str, q: Quantity, words: PaceWords) -> int | None:
    """The months gone by, named in q's sentence before it, or else in the sentence before."""
    ss = sentence_start(text, q.start)
    for lo, hi in ((ss, q.start), (sentence_start(text, max(0, ss - 1)), ss)):
        found = None
        for rx, n in words.months:
            for m in rx.finditer(text, lo, hi):
                value = n if n is not None else _number(m.group("n"))
                if value and 1 <= value <= 12 and (found is None or m.start() > found[0]):
                    found = (m.start(), value)
        if found is not None:
            return found[1]
    return None


def _number(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    return parse_chinese_int(s)


def _typos(gap: Quantity, rate: Quantity, pace: float, ahead: bool) -> list:
    """A reading of the gap, or of the rate, under which they fit the pace."""
    out = []
    if (r := ar.typo_reading(gap, abs(rate.norm_value - pace))):
        out.append((gap, r))
    want = pace + gap.norm_value if ahead else pace - gap.norm_value
    if want > 0 and (r := ar.typo_reading(rate, want)):
        out.append((rate, r))
    return out
