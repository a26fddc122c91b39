"""The indicator phrase a quantity measures, trimmed of verbs and fillers."""

from __future__ import annotations

from functools import lru_cache

import regex

from .cues import Cues, cues as shipped_cues

_STRIP = "|｜ \t\u3000“”\"'‘’「」《》〈〉()（）[]【】*-—:：、,，.。;；"
_BOOK = regex.compile(r"《([^《》]{2,20})》?$")
_CJK = regex.compile(r"\p{Han}")
_NOT_CJK = regex.compile(r"\P{Han}")
_EQUALS = regex.compile(r"[=＝]")
_NOTE = regex.compile(r"[（(][^（）()0-9０-９]{1,6}[)）]$")     # a short parenthesis ending a phrase
# list and heading markers, list cues, place names: claims.yaml text_marks (Cues.marks)


def trim(phrase: str, cues: Cues) -> str:
    """The phrase without verbs, fillers, cue words and periods at its ends (and
    cut to its last words when too long); a pure function of the phrase: the
    shipped cues' answers are kept (a clause head is trimmed for each of its
    quantities, and heads recur)."""
    if cues is shipped_cues():
        return _trimmed(phrase)
    return _trim(phrase, cues)


@lru_cache(maxsize=16384)
def _trimmed(phrase: str) -> str:
    return _trim(phrase, shipped_cues())


def forget() -> None:
    """Drop the trimmed phrases kept (benchmarks time a cold start with it)."""
    _trimmed.cache_clear()


def _trim(phrase: str, cues: Cues) -> str:
    book = _BOOK.search(phrase.rstrip()) if "《" in phrase else None      # (it needs the 《)
    if book:
        return book.group(1)
    s = _NOTE.sub("", phrase.rstrip()).strip(_STRIP)       # 化肥施用量（折纯）: a note after the name
    s = _after_inner_total(s, cues)       # 市场监管部门共查处各类违法案件: who did it, then 共
    noise, attributive = cues.marks.heading_noise, cues.marks.attributive
    changed = True
    while changed and s:
        changed = False
        m = noise.match(s)
        if m:
            s, changed = s[m.end():].strip(_STRIP), True
        if s.startswith(cues.lead) and not s.startswith(cues.lead_keep):   # (在校学生, 从业人员: words)
            for w in cues.lead:
                if s.startswith(w) and len(s) > len(w):
                    s, changed = s[len(w):].strip(_STRIP), True
                    break
        if s.endswith(cues.trail):
            for w in cues.trail:
                if s.endswith(w):
                    s, changed = s[: -len(w)].strip(_STRIP), True
                    break
        m = cues.comparison.match(s)
        if m and m.end() < len(s):
            s, changed = s[m.end():].strip(_STRIP), True
        else:
            m = next((m for m in cues.comparison.finditer(s) if m.end() == len(s)), None)
            if m is not None:
                s, changed = s[:m.start()].strip(_STRIP), True
        stripped = _strip_periods(s, cues)      # 年末共有各类卫生机构: the period, then the lead again
        if stripped != s:
            s, changed = stripped, True
    if attributive in s:
        tail = s.rsplit(attributive, 1)[1]
        if len(tail) >= 4:
            s = tail
    if len(s) > cues.max_chars:
        s = _tail_words(s, cues.max_chars)
    return s


_COUNTED_CHARS = 4       # what must follow 共 for it to be cut there


def _after_inner_total(s: str, cues: Cues) -> str:
    """The words after ``inner_totals`` (共, 共计, 累计) when a subject stands before
    it and a phrase of its own follows; ``s`` as it was otherwise."""
    for adverb in cues.inner_totals:
        i = s.find(adverb, 2)
        rest = i + len(adverb)
        if i > 0 and not s[:i].endswith(cues.inner_totals_not_after) and len(s) - rest >= _COUNTED_CHARS \
                and not s.startswith(cues.inner_totals_not_before, rest):
            return s[rest:]
    return s


def _strip_periods(s: str, cues: Cues) -> str:
    """全年新增… -> 新增…; a period inside a word (比上年末) stays."""
    for _ in range(3):
        m = cues.period.match(s)
        if not m or not m.group():
            break
        s = s[m.end():].strip(_STRIP)
    for m in cues.period.finditer(s):
        if m.group() and m.end() == len(s):
            s = s[:m.start()].strip(_STRIP)
            break
    return s


def _tail_words(s: str, limit: int) -> str:
    """Keep the last words that fit (jieba, with the catalog's names as its user
    dictionary, keeps words and indicator names whole)."""
    from .segment import tokenizer

    words = tokenizer().lcut(s)
    out = ""
    for w in reversed(words):
        if len(out) + len(w) > limit:
            break
        out = w + out
    return out or s[-limit:]


def _usable(s: str, cues: Cues) -> bool:
    return (len(s) >= 2 and s not in cues.empty and s not in cues.setters
            and (not s.startswith(cues.not_start) or s.startswith(cues.lead_keep)) and _CJK.search(s) is not None)


def phrase_before(cues: Cues, text: str, start: int, end: int) -> str | None:
    """The indicator written in text[start:end] (a clause head), or None."""
    seg = text[start:end]
    if "=" in seg or "＝" in seg:           # (a split without them gives the segment itself)
        seg = _EQUALS.split(seg)[-1] or seg   # 得分=完成率… -> 完成率…
    marks = cues.marks
    head = marks.list_head.split(seg, maxsplit=1) if marks.has_list_cue(seg) else (seg,)
    if len(head) == 2 and head[0].strip(_STRIP):
        seg = head[0]     # 完成率依次为:东城县 -> 完成率 (东城县 is the list item's subject)
    elif len(head) == 2 and marks.place.fullmatch(trim(head[1], cues)):
        return None       # ,分别为:甲县90.8%: a place names no indicator; the clause before does
    s = trim(seg, cues)
    return s if _usable(s, cues) else None


def noun_after(cues: Cues, text: str, pos: int, end: int) -> str | None:
    """创建30间“名师工作室” / 6个电商示范村: what the quantity counts."""
    s = text[pos:min(end, pos + 20)]
    if s and s[0] in "“\"「":
        close = s.find("”" if s[0] == "“" else s[0] if s[0] == '"' else "」", 1)
        if close > 1:
            s = s[1:close] + s[close + 1:]
    if not s or not _CJK.match(s) or s.startswith(cues.after_reject):
        return None
    other = _NOT_CJK.search(s)
    cut = other.start() if other else len(s)           # the Han characters at the start
    i = 0
    while i < cut:
        bound = next((b for b in cues.level_bounds if s.startswith(b, i - 1)), None) if i else None
        if bound is not None:
            i += len(bound) - 1                         # 市级以上 is a level, part of the noun
            continue
        if s.startswith(cues.after_stop, i):           # one C call for all stop words
            cut = i
            break
        i += 1
    s = s[:cut].strip(_STRIP)
    return s if _usable(s, cues) and s not in _unit_words() else None


@lru_cache(maxsize=1)
def _unit_words() -> frozenset:
    """13件人次: a word after the quantity that is itself a unit (人次) is the
    rest of its unit, not what it counts."""
    from ..quantities.lexicon import lexicon

    return frozenset(lexicon().units)
