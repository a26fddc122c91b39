"""Units, rates, multipliers, ordinals and classes whose number is absent."""

from __future__ import annotations

from ..claims.script import has_traditional, simplified
from ..document import Flag
from .flags import context, make_flag
from .rules import Rules


def find_missing(text: str, start: int, end: int, r: Rules) -> list[Flag]:
    """Patterns run on the span read as simplified script (data/t2s.tsv, one
    character for one, so offsets hold): 撥付資金元, 占總人數的7."""
    seg = text[start:end]
    if has_traditional(text):       # (one character for one: a span without traditional ones is as it was)
        seg = simplified(text, keep=True)[start:end]
    spans: list[tuple[int, int, str, str]] = []
    for m in r.rate_units.finditer(seg):
        if _numberless(seg, m.start(), r) and not _label(seg, m.start(), r, m.end()) and not _after_latin(seg, m.start()):
            spans.append((m.start(), m.end(), "number", "a rate unit without its number"))
    for m in r.scaled_units.finditer(seg):
        s, e = m.span()
        if not _numberless(seg, s, r) or seg[s - 1:s] in r.scaled_not_after \
                or r.scaled_phrase.search(seg, max(0, s - 4), s) or _label(seg, s, r, e) or _quoted_name(seg, s, e):
            continue
        after = _past_spaces(seg, e)     # (亿元 GDP 生产安全事故死亡率 in PDF text: the name spaced off)
        if any(seg.startswith(w, after) for w in r.scaled_not_before) or r.scaled_class.match(seg, e) \
                or r.scaled_modifier.match(seg, e):
            continue
        spans.append((s, e, "number", "a multiplier and unit without a number"))
    for m in r.bare_classifier.finditer(seg):
        spans.append((m.start(1), m.end(1), "number", "a classifier without its number"))
    for m in r.amount_slot.finditer(seg):
        if _numberless(seg, m.start(), r):
            spans.append((m.start(), m.end(), "number", "an amount without its number"))
    for m in r.blank_slot.finditer(seg):
        spans.append((m.start(1), m.end(1), "number", "a unit after a blank where its number was to be typed"))
    for m in r.numeral_slot.finditer(seg):
        spans.append((m.start(), m.end(), "number", "an ordinal or class without its numeral"))
    for m in r.rate_cut.finditer(seg):
        if _cut_off(text, start + m.end(), r):
            spans.append((m.start(), m.end(), "number", "a rate cut off by a line end or a page marker"))
    for m in r.unit_missing.finditer(seg):
        g = m.lastindex or 0
        spans.append((m.start(g), m.end(g), "unit", "a bare number: its unit is missing"))
    flags = [_flag(text, start + s, start + e, sub, note) for s, e, sub, note in sorted(spans)]
    return _dedupe(flags)


def _numberless(text: str, s: int, r: Rules) -> bool:
    i = s - 1
    while i >= 0 and text[i] in " \t\r\n\u3000":
        i -= 1             # a number broken by a line end: 达到9⏎%
    return i < 0 or text[i] not in r.number_chars


_NAME_CHARS = 12        # the longest quoted name a scaled unit inside is read as part of


def _quoted_name(text: str, s: int, e: int) -> bool:
    """“千村帮万户”, “万人助万企”: a scaled unit inside a short quoted name is a word
    of the name (a campaign's), no blank for a number."""
    open_ = text.rfind("“", max(0, s - _NAME_CHARS), s)
    if open_ < 0 or "”" in text[open_:s] or any(ch in text[open_:s] for ch in "，。；,;"):
        return False
    close = text.find("”", e, e + _NAME_CHARS)
    return close >= 0 and not any(ch in text[e:close] for ch in "，。；,;")


def _after_latin(text: str, s: int) -> bool:
    """u% in a run of stray Latin letters and marks (a page's garbled bytes), n% in
    a formula: a percent sign right after a Latin letter is no blank for a number
    (the letters that stand for one, x%, are number characters and never get here)."""
    i = s - 1
    while i >= 0 and text[i] in " \t\u3000":
        i -= 1
    return i >= 0 and text[i].isascii() and text[i].isalpha()


def _cut_off(text: str, i: int, r: Rules) -> bool:
    """After a line end (and a page marker line), something other than a number follows."""
    j = _skip_space(text, i)
    m = r.page_marker.match(text, j)
    if m:
        j = _skip_space(text, m.end())
    marker = r.list_marker.match(text, j) if j < len(text) else None
    k = marker.end() if marker else j
    if k >= len(text) or r.rate_units.match(text, k):
        return False       # the end of a truncated text; a bare % is flagged by itself
    return marker is not None or text[j] not in r.number_chars


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n\u3000":
        i += 1
    return i


def _label(text: str, s: int, r: Rules, e: int | None = None) -> bool:
    """A unit in a column or row label: 经费(万元), 单位：万元, 单位 万元; or a
    table's unit cell, the row's numbers after it (治愈率 | % | 75 | 73.9,
    诊疗人次数 万人次 8158.6 7765.5)."""
    if e is not None:
        j = e
        while j < len(text) and j - e < 6 and text[j] in " \t\u3000|｜\r\n":
            j += 1
        if j < len(text) and text[j] in "0123456789-" and (j > e or text[j] != "-"):
            return True     # (a row run together, 管护面积万亩2810810: the unit column, then the values)
        if _cell_alone(text, s, e):
            return True     # 成本控制数 | ≤ | 30 | 万元 | 完成: a table's unit cell
        if _ends_cell(text, e):
            return True     # 同比增长(±%) |, 为预算的% | 增幅% |: a column's label ends with its unit
        if text.startswith(("为单位", "為單位"), e):
            return True     # 以万元为单位计算: the unit a figure is given in
    while s > 0 and text[s - 1] in " \t\u3000":
        s -= 1
    return any(text.endswith(w, 0, i) for i in _unit_list_starts(text, s) for w in r.label_before)


def _unit_list_starts(text: str, s: int) -> list[int]:
    """Where the unit at ``s`` and the units listed before it with 、 start
    (单位:件、万元: the later units of a list declared after 单位), a unit
    being one to four characters."""
    starts = [s]
    while s > 1 and text[s - 1] == "、" and len(starts) < 6:
        k = s - 1
        j = k
        while j > 0 and k - j < 4 and "\u4e00" <= text[j - 1] <= "\u9fff":
            j -= 1
        if j == k:
            break
        starts.extend(range(j, k))
        s = j
    return starts


def _ends_cell(text: str, e: int) -> bool:
    """The unit (and a bracket it closes) ends a table cell: a bar or a tab
    follows, across at most four spaces or line ends."""
    j = e
    while j < len(text) and text[j] in ")）]】":
        j += 1
    k = j
    while k < len(text) and k - j < 4 and text[k] in " \t\u3000\r\n":
        if text[k] == "\t":
            return True
        k += 1
    return k < len(text) and text[k] in "|｜"


def _cell_alone(text: str, s: int, e: int) -> bool:
    """text[s:e] fills a table cell by itself: a bar or a tab on both sides."""
    i, j = s, e
    while i > 0 and text[i - 1] in " \u3000":
        i -= 1
    while j < len(text) and text[j] in " \u3000":
        j += 1
    return i > 0 and text[i - 1] in "|｜\t" and (j >= len(text) or text[j] in "|｜\t\r\n")


def _flag(text: str, s: int, e: int, subtype: str, note: str) -> Flag:
    return make_flag(text, s, e, "missing_number", subtype, note, context=context(text, s, e))


def _dedupe(flags: list[Flag]) -> list[Flag]:
    out = []
    for f in flags:
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out


def _past_spaces(seg: str, i: int) -> int:
    """The first position at or after ``i`` that is no space (at most a few read)."""
    end = min(len(seg), i + 4)
    while i < end and seg[i] in " \t\u3000":
        i += 1
    return i
