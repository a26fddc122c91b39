"""Numbers without a unit that still measure something (GUIDE.md: a unit lost
in the source keeps unit null).

- the unit was lost: ``社区共有职工14；居民286，`` (a noun before, a stop after);
- a term of a formula: ``得分=96%×0.5=0.48``;
- a score after its cue: ``自评得分4.5`` (unit 分);
- a bound with an approximation word: ``性别比在108及以下的``, ``高于108的``;
- a value alone in parentheses: ``与去年同期(104.36)持平``;
- the base of a share: ``占目标任务6011的92.4%``;
- the last number of a text cut off after it (``…较上年增加 0.48``).
Years, phone numbers and list markers are not.
"""

from __future__ import annotations

import re

from .lexicon import Lexicon

_SHARE = re.compile(r"的[0-9０-９.．]+[%％]")
_CUE_TAIL = "为是:：达"


def bare_unit(m: re.Match, text: str, limit: int, lex: Lexicon, value: float) -> str | None:
    """'' for a unitless quantity, '分' for a score, None when not a quantity."""
    g = m.group
    if g("sep") or g("inner"):
        return None
    s = m.start("ar")
    before = text[s - 1] if s > 0 else ""
    after = text[m.end()] if m.end() < limit else ""
    if (after and after in lex.arithmetic_ops) or (before and before in lex.arithmetic_ops):
        return ""                      # a term of a formula
    raw = g("ar")
    digits = len(raw.replace(",", "").replace(".", ""))
    if digits >= lex.bare_max_digits or (len(raw) == 4 and 1900 <= value <= 2099):
        return None
    if before in lex.ordinal_before:
        return None
    if _after_score_cue(text, s, lex):
        return "分"
    cjk_before = "\u4e00" <= before <= "\u9fff"
    if g("pre") or g("post"):         # a bound: 在107及以下的; not a stray 近1 or 2左右
        ok_after = not after or after in lex.bare_after or after == "的"
        return "" if ok_after and digits >= 2 and (g("pre") or cjk_before) else None
    if before in "(（" and after in ")）" and "." in raw:
        return ""                      # 同期(104.36)
    if after == "的" and cjk_before and _SHARE.match(text, m.end()):
        return ""                      # 占目标任务6011的92.4%
    if after and after in lex.bare_after and cjk_before:
        return ""
    return None


def _after_score_cue(text: str, s: int, lex: Lexicon) -> bool:
    head = text[max(0, s - 6):s].rstrip(_CUE_TAIL + " ")
    return head.endswith(lex.score_before)


_LAST = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]?(?P<num>[0-9]+(?:\.[0-9]+)?)\s*\Z")


def last_number(text: str, lo: int, hi: int) -> tuple[int, int, float] | None:
    """A bare number that ends a truncated excerpt (…较上年增加 0.48): its unit was cut off."""
    m = _LAST.search(text, max(lo, hi - 24), hi)
    if m is None:
        return None
    raw = m.group("num")
    value = float(raw)
    if (len(raw) == 4 and 1900 <= value <= 2099) or text[m.start() - 1] in "第其初":
        return None
    return m.start("num"), m.end("num"), value
