"""Template marks standing for a number, a date, a name or a word."""

from __future__ import annotations

import re
from functools import lru_cache

from ..claims.clauses import line_end, line_start
from ..document import Flag
from ..numerals import digit_chars, unit_chars
from ..quantities.lexicon import lexicon
from .flags import make_flag
from .rules import Rules


def find_placeholders(text: str, start: int, end: int, r: Rules) -> list[Flag]:
    flags: list[Flag] = []
    for m in r.date.finditer(text, start, end):
        if _marked(m.group(), r):
            flags.append(make_flag(text, m.start(), m.end(), "placeholder", "date",
                                   "a date written as a template mark"))
    spans = [(f.start, f.end) for f in flags]
    emphasis = [m.span() for m in r.emphasis.finditer(text, start, end)
                if not _mask_follows(text, m.start() + 2, "**", r)]
    for m in r.token.finditer(text, start, end):
        s, e = m.span()
        if any(s < b and a < e for a, b in spans) or not _plausible(text, s, e, r, emphasis):
            continue
        e2, subtype = _classify(text, s, e, end, r)
        flags.append(make_flag(text, s, e2, "placeholder", subtype, f"template mark {text[s:e]!r}"))
    flags.sort(key=lambda f: f.start)
    return flags


def _marked(s: str, r: Rules) -> bool:
    return any(ch in r.marks for ch in s)


def _plausible(text: str, s: int, e: int, r: Rules, emphasis: list[tuple[int, int]]) -> bool:
    tok = text[s:e]
    marks = [ch for ch in tok if ch in r.marks]
    if not marks or _operator(tok, marks, r) or r.times_hundred.match(text, s, s + _NEAR):
        return False           # 3×4, ×100%, ×0.5, 1~5, (在编人数/编制数)X 100%
    if tok in r.operators and _binary(text, s, e) and not _mask_follows(text, e, tok, r):
        return False           # 3 × 4, 单价×数量
    if set(marks) <= r.decoration and (len(marks) > 2 or len(marks) < len(tok) or _between_numbers(text, s, e)):
        return False           # ~~~~~~, 5~ or 2019 ~ 2020 (a range)
    if set(marks) <= {"*", "＊"}:
        if any(a <= s < b for a, b in emphasis):
            return False       # **重点工作**
        if len(marks) < r.min_star_run and not (_mask_follows(text, e, tok, r) or _mask_flanks(text, s, e, tok)):
            return False       # a footnote star or a bullet
    if re.fullmatch(r"[xX][0-9]+", tok) and _unit_after(text[e:e + 8]) is None:
        return False           # a code such as x86
    if text.startswith(r.words, s):
        return False           # a word the mark begins: X光机, X射线, x轴
    if set(marks) <= {"_", "＿"} and len(tok) == 1 and r.page_after.match(text, e, e + _NEAR):
        return False           # 项目绩效目标表_第1页: a file name's separator before its page
    if set(marks) <= {"_", "＿"} and len(tok) == 1 and _han(text[s - 1:s]) and _han(text[e:e + 1]) \
            and _separator_line(text, s):
        return False           # 【稿件来源:某中心_今日要闻】, 视频_综合…_专区: underscores joining a title's words
    if tok in ("x", "X") and text[s - 1:s] in ("+", "＋"):
        return False           # “1+X”证书, 1+N+X模式: a policy's name, no blank
    if tok in ("×", "x", "X") and _alone_on_line(text, s, e):
        return False           # × alone on its line: a page's close button, no template
    if _in_stray_latin(text, s, e):
        return False           # ~' c8 _ in a run of stray Latin letters: a page's garbled bytes
    if set(marks) <= _BOXES and _zero_in_numeral(text, s, e):
        return False           # ○ written for 〇 in a Chinese numeral: 二○○五年
    if set(marks) <= _BOXES and len(marks) < r.min_box_run and (
            tok[-1] in _DIGITS or not _mask_follows(text, e, tok, r)):
        return False           # a checkbox, a bullet or an unreadable glyph (□是, □5个)
    return True



def _separator_line(text: str, s: int) -> bool:
    """The underscore stands inside a 【】 label on its line, or on a line of three
    or more underscores and no Chinese punctuation (a page title's or a spam
    block's words joined by _); a blank in a sentence (请以_为主题, 做好_宣传工作)
    is neither. The line is read up to ``_LINE_REACH`` characters each side (a
    title or a spam block is shorter; a longer line is read in linear time)."""
    start = max(line_start(text, s), s - _LINE_REACH)
    line = text[start:min(line_end(text, s), s + _LINE_REACH)]
    i = s - start
    if line.rfind("【", 0, i) > line.rfind("】", 0, i) and line.find("】", i) >= 0:
        return True
    return line.count("_") + line.count("＿") >= 3 and not any(ch in line for ch in "，。、；：,;:")


def _alone_on_line(text: str, s: int, e: int) -> bool:
    return not text[line_start(text, s):s].strip() and not text[e:line_end(text, e)].strip()


_NEAR = 16             # characters a pattern anchored at a mark may read (regex's match
                        # without an end position may scan the rest of the text)
_LINE_REACH = 200       # characters of a mark's line read each side for a separator line
_STRAY_REACH = 10       # characters each side of a mark read for stray Latin letters


def _in_stray_latin(text: str, s: int, e: int) -> bool:
    """No Chinese character near the mark on its line and two Latin letters or
    more that are not marks themselves (W3 a( ~ j1 x+ z): bytes of a garbled
    page, not a form."""
    near = text[max(0, s - _STRAY_REACH):s].rsplit("\n", 1)[-1] + text[e:e + _STRAY_REACH].split("\n", 1)[0]
    return not any(_han(ch) for ch in near) and \
        sum(ch.isascii() and ch.isalpha() and ch not in "xX" for ch in near) >= 2


def _between_numbers(text: str, s: int, e: int) -> bool:
    before, after = text[max(0, s - 3):s].rstrip(), text[e:e + 3].lstrip()
    return (before[-1:] in _DIGITS or before[-1:] in "%％") or after[:1] in _DIGITS


def _binary(text: str, s: int, e: int) -> bool:
    """Operands on both sides (spaces skipped): a digit, a Chinese word or a bracket."""
    before, after = text[max(0, s - 3):s].rstrip()[-1:], text[e:e + 3].lstrip()[:1]
    return bool(before and after) and (before in _DIGITS or _han(before) or before in ")）%％") and \
        (after in _DIGITS or _han(after) or after in "(（")


def _operator(tok: str, marks: list[str], r: Rules) -> bool:
    """One arithmetic glyph right before a digit: a sign, not a mark."""
    if len(marks) != 1 or marks[0] not in r.operators:
        return False
    i = tok.index(marks[0])
    return i + 1 < len(tok) and tok[i + 1] in _DIGITS


def _mask_follows(text: str, e: int, tok: str, r: Rules) -> bool:
    """A short star run is a mask when a unit, a masked decimal or a name suffix follows."""
    if "." in tok or "．" in tok or _unit_after(text[e:e + 8]) is not None:
        return True
    if any(text.startswith(w, e) for w in r.ordinal_suffixes):
        return True
    after = text[e:e + r.name_window + 4]
    for i in range(min(r.name_window, len(after)) + 1):
        if any(after.startswith(w, i) for w in r.name_suffixes):
            return True
        if i < len(after) and not (_han(after[i]) or after[i] in "(（"):
            return False
    return False


def _mask_flanks(text: str, s: int, e: int, tok: str) -> bool:
    """An unpaired ** after a Chinese character (由办公室**汇总) or opening a quoted name (“**县”)."""
    before, after = text[s - 1:s] if s else "", text[e:e + 1]
    return len(tok) >= 2 and (_han(before) or (before != "" and before in "“‘《(（「" and _han(after)))


def _han(ch: str) -> bool:
    return len(ch) == 1 and "\u4e00" <= ch <= "\u9fff"


_DIGITS = frozenset("0123456789０１２３４５６７８９")
_BOXES = frozenset("□○")
@lru_cache(maxsize=1)
def _numerals() -> frozenset:
    return frozenset(digit_chars() + unit_chars())


def _zero_in_numeral(text: str, s: int, e: int) -> bool:
    """二○○五年, 一○○项: circles written for 〇 beside other numerals or before 年."""
    numerals = _numerals()
    return "○" in text[s:e] and (text[s - 1:s] in numerals or text[e:e + 1] in numerals or text[e:e + 1] == "年")


def _classify(text: str, s: int, e: int, limit: int, r: Rules) -> tuple[int, str]:
    """(end, subtype): numbers take their unit into the span (x万人次, x%)."""
    tok = text[s:e]
    after = text[e:min(limit, e + 8)]
    unit = _unit_after(after)
    if unit:
        return e + len(unit), "number"
    if any(ch.isdigit() for ch in tok):
        return e, "number"
    for suffix in r.ordinal_suffixes:
        if after.startswith(suffix):
            return e + len(suffix), "number"
    for suffix in r.name_suffixes:
        if after.startswith(suffix):
            return e + len(suffix), "name"
    if set(tok) <= {"_", "＿"} and s > 0 and "\u4e00" <= text[s - 1] <= "\u9fff" and after[:1] and \
            "\u4e00" <= after[0] <= "\u9fff" and len(tok) <= 3 and not _looks_like_name_slot(text, s):
        return e, "text"
    return e, "name"


def _looks_like_name_slot(text: str, s: int) -> bool:
    return text[max(0, s - 2):s].endswith(("《", "“"))


def _unit_after(after: str) -> str | None:
    approx, multipliers, units, not_before = _unit_words()
    pos = next((len(w) for w in approx if after.startswith(w)), 0)
    rest = after[pos:]
    m = next((m for m in multipliers if rest.startswith(m)), "")
    rest, pos = rest[len(m):], pos + len(m)
    if not rest.startswith(units):
        return None
    for u in units:
        if rest.startswith(u) and not any(rest[len(u):].startswith(w) for w in not_before[u]):
            return after[:pos + len(u)]
    return None


@lru_cache(maxsize=1)
def _unit_words():
    """The lexicon's words, longest first, sorted once per process."""
    lex = lexicon()
    longest = lambda words: tuple(sorted(words, key=len, reverse=True))  # noqa: E731
    return (longest(lex.approx_inner), longest(lex.multipliers), longest(lex.units),
            {u: tuple(lex.units[u].not_before) for u in lex.units})
