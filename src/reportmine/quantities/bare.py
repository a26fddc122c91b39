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
from dataclasses import dataclass
from functools import lru_cache

from ..resources import DataFileError, compile_pattern, load_yaml, require
from .lexicon import Lexicon, lexicon


@dataclass(frozen=True)
class BareWords:
    """quantities.yaml's bare_numbers section: the words this module reads."""

    of_word: str                # 的 (one character) after a bound (在108及以下的) or a share's base (6011的)
    share_after_base: object    # 的92.4%: the share after its base
    score_link: str             # 自评得分为4.5: what may stand between a score cue and its score


@lru_cache(maxsize=1)
def bare_words() -> BareWords:
    data = load_yaml("quantities.yaml")["bare_numbers"]
    require(data, ("of_word", "share_after_base", "score_link"), "quantities.yaml: bare_numbers")
    if not isinstance(data["of_word"], str) or len(data["of_word"]) != 1:
        raise DataFileError("quantities.yaml: bare_numbers: of_word 应为单个字")
    if not isinstance(data["score_link"], str) or not data["score_link"]:
        raise DataFileError("quantities.yaml: bare_numbers: score_link 应为非空的字符串")
    return BareWords(data["of_word"], compile_pattern(data["share_after_base"],
                                                      "quantities.yaml: bare_numbers: share_after_base"),
                     data["score_link"])


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
    w = bare_words()
    if _after_score_cue(text, s, lex, w):
        return "分"
    cjk_before = "\u4e00" <= before <= "\u9fff"
    if g("pre") or g("post"):         # a bound: 在107及以下的; not a stray 近1 or 2左右
        ok_after = not after or after in lex.bare_after or after == w.of_word
        return "" if ok_after and digits >= 2 and (g("pre") or cjk_before) else None
    if before in "(（" and after in ")）" and "." in raw:
        return ""                      # 同期(104.36)
    if after == w.of_word and cjk_before and w.share_after_base.match(text, m.end()):
        return ""                      # 占目标任务6011的92.4%
    if after and after in lex.bare_after and cjk_before:
        return ""
    return None


def _after_score_cue(text: str, s: int, lex: Lexicon, w: BareWords) -> bool:
    head = text[max(0, s - 6):s].rstrip(w.score_link + " ")
    return head.endswith(lex.score_before)


_LAST = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]?(?P<num>[0-9]+(?:\.[0-9]+)?)\s*\Z")


def last_number(text: str, lo: int, hi: int) -> tuple[int, int, float] | None:
    """A bare number that ends a truncated excerpt (…较上年增加 0.48): its unit was cut off."""
    m = _LAST.search(text, max(lo, hi - 24), hi)
    if m is None:
        return None
    raw = m.group("num")
    value = float(raw)
    if (len(raw) == 4 and 1900 <= value <= 2099) or text[m.start() - 1] in lexicon().ordinal_before:
        return None                 # a year, or an ordinal (第3, 初5: quantities.yaml's ordinal_before)
    return m.start("num"), m.end("num"), value
