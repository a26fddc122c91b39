"""The indicator phrase a quantity measures, trimmed of verbs and fillers."""

from __future__ import annotations

import regex

from .cues import Cues

_STRIP = " \t\u3000“”\"'‘’「」《》〈〉()（）[]【】*-—:：、,，.。;；"
_HEAD_NOISE = regex.compile(r"^(?:[一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十\d]+[)）、.．]|第[一二三四五六七八九十]+[，,、])")
_BOOK = regex.compile(r"《([^《》]{2,20})》?$")
_CJK = regex.compile(r"\p{Han}")


def trim(phrase: str, cues: Cues) -> str:
    book = _BOOK.search(phrase.rstrip())
    if book:
        return book.group(1)
    s = phrase.strip(_STRIP)
    changed = True
    while changed and s:
        changed = False
        m = _HEAD_NOISE.match(s)
        if m:
            s, changed = s[m.end():].strip(_STRIP), True
        for w in cues.lead:
            if s.startswith(w) and len(s) > len(w):
                s, changed = s[len(w):].strip(_STRIP), True
                break
        for w in cues.trail:
            if s.endswith(w):
                s, changed = s[: -len(w)].strip(_STRIP), True
                break
    s = cues.period.sub("", s).strip(_STRIP)
    if "的" in s:
        tail = s.rsplit("的", 1)[1]
        if len(tail) >= 4:
            s = tail
    if len(s) > cues.max_chars:
        s = _tail_words(s, cues.max_chars)
    return s


def _tail_words(s: str, limit: int) -> str:
    """Keep the last words that fit (jieba keeps words whole)."""
    import jieba

    words = jieba.lcut(s)
    out = ""
    for w in reversed(words):
        if len(out) + len(w) > limit:
            break
        out = w + out
    return out or s[-limit:]


def _usable(s: str, cues: Cues) -> bool:
    return len(s) >= 2 and s not in cues.empty and s not in cues.setters and _CJK.search(s) is not None


def phrase_before(cues: Cues, text: str, start: int, end: int) -> str | None:
    """The indicator written in text[start:end] (a clause head), or None."""
    s = trim(text[start:end], cues)
    return s if _usable(s, cues) else None


def noun_after(cues: Cues, text: str, pos: int, end: int) -> str | None:
    """创建30间“名师工作室” / 8个转移就业示范乡镇: what the quantity counts."""
    s = text[pos:min(end, pos + 20)]
    if s and s[0] in "“\"「":
        close = s.find("”" if s[0] == "“" else s[0] if s[0] == '"' else "」", 1)
        if close > 1:
            s = s[1:close] + s[close + 1:]
    if not s or not _CJK.match(s) or any(s.startswith(w) for w in cues.after_reject):
        return None
    cut = len(s)
    for i in range(len(s)):
        if not _CJK.match(s[i]) or any(s.startswith(w, i) for w in cues.after_stop):
            cut = i
            break
    s = s[:cut].strip(_STRIP)
    return s if _usable(s, cues) else None
