"""Find quantities in text: number + unit, normalized per GUIDE.md.

One compiled pattern finds every number with what may follow it (range, inner
approximation, multiplier, unit, trailing approximation); small context checks
then drop what is a date, an ordinal, a name or rhetoric. The pattern is built
once per process from the data files (``units.yaml``, ``approx.yaml``,
``numerals.yaml``, ``quantities.yaml``).
"""

from __future__ import annotations

import bisect
import math
import re
from contextvars import ContextVar
from functools import lru_cache

from ..document import Quantity
from ..numerals import digit_chars, parse_chinese_decimal, parse_chinese_int, tidy, to_ascii_digits, unit_chars
from ..script import traditional_of
from .lexicon import Lexicon, approx_after, lexicon
from .bare import bare_unit
from .filters import drop_names_and_references
from .lists import fractions, ratio_parts, share_list_units
from .per_units import per_units
from .view import PAGE_BREAK, View, make_view, needs_view

AR = r"[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?"
QUOTES_OPEN = "“「‘『《\""
QUOTES_CLOSE = "”」’』》\""
LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ")
MINUS = "-－−"
_DIGITS = frozenset(digit_chars())
# Chinese-numeral counts held back while a text is read (recognize() sets the list)
_TENTATIVE: ContextVar[list | None] = ContextVar("reportmine_tentative_counts", default=None)
# between two items of a list: a list mark and at most a short label, on one line
_ITEM_END = frozenset("、，,；;。")
_LIST_GAP = re.compile(r"[\u4e00-\u9fff]{0,6}[、，,；;][\u4e00-\u9fff]{0,6}")
_DIGITS_AR = frozenset("0123456789０１２３４５６７８９")
_ASCII_ALNUM = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LOOK = 8  # how far context checks look past a match
_BASE_REACH = 30  # how far a bare 百元 looks for the amount it is the base of


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _compiled():
    lex = lexicon()
    numeral = digit_chars() + unit_chars()
    cn = f"[{re.escape(numeral + traditional_of(numeral))}]+"
    # a multiplier is not the first character of a unit written there (8.9亿千瓦时:
    # 亿 and 千瓦时, not 亿千 and no unit)
    starts = {ch for m in lex.multipliers for ch in m}
    unit_heads = [u for u in lex.units if len(u) > 1 and u[0] in starts]
    mult = (f"(?!{_alt(unit_heads)})" if unit_heads else "") + f"(?:{_alt(lex.multipliers)})"
    pattern = (
        rf"(?P<pre>{_alt(lex.approx_before)})?"
        rf"(?:百分之(?P<pct>{AR}|{cn}(?:点[{re.escape(digit_chars())}]+)?)"
        rf"|(?P<ar>{AR})(?P<armult>{mult})?(?:(?P<ar2>[0-9０-９])(?P<ar2mult>[千百十]))?"
        rf"|(?P<cn>{cn}))"
        rf"(?:(?P<unit0>[%％‰])?(?P<sep>[-—–~～至到]|——)(?P<hi>{AR}|{cn})(?P<himult>{mult})?)?"
        rf"(?P<inner>{_alt(lex.approx_inner)})?"
        rf"(?P<mult>{mult})?"
        rf"(?P<unit>{_alt(lex.units)})?"
        rf"(?P<post>{_alt(lex.approx_after)})?"
    )
    special = re.compile(_alt(lex.special))
    # a lookahead of every character a match can start with lets the engine skip
    # the rest of the text quickly (3x faster scanning)
    first = set("0123456789０１２３４５６７８９百" + numeral + traditional_of(numeral))
    first.update(w[0] for w in lex.approx_before)
    lead = "(?=[" + re.escape("".join(sorted(first))) + "])"
    return re.compile(lead + pattern), special, lex, _lexicon_chars(lex, numeral)


def _lexicon_chars(lex: Lexicon, numeral: str) -> str:
    """Every character a rule looks for: a traditional form of one needs the view."""
    words = [*lex.units, *lex.multipliers, *lex.special, *lex.approx_before, *lex.approx_inner,
             *lex.approx_after, lex.tenth.unit, *lex.cn_rhetorical_after, *lex.cn_count_cues,
             *lex.time_after, *lex.duration_before, *lex.duration_after, *lex.post_approx_not_before,
             *lex.cn_word_before, *lex.ordinal_before]
    for u in lex.units.values():
        words.extend(u.not_before)
    return "".join(sorted(set("".join(words) + numeral)))


def _number(s: str) -> float:
    return float(to_ascii_digits(s).replace(",", ""))


def recognize(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Quantities in ``text[start:end]`` with offsets into ``text``."""
    rx, special_rx, lex, chars = _compiled()
    end = len(text) if end is None else end
    tentative: list[Quantity] = []      # Chinese-numeral counts kept only when listed beside a count
    token = _TENTATIVE.set(tentative)
    try:
        out = _scan(text, start, end, rx, lex, chars)
    finally:
        _TENTATIVE.reset(token)
    if tentative:
        out = _listed_counts(text, out, tentative)
    out = share_list_units(text, out, start, lex)
    out = per_units(text, out, end, lex)
    seen = {q.start for q in out}
    out.extend(q for q in ratio_parts(text, start, end) + fractions(text, start, end, lex) if q.start not in seen)
    out = drop_names_and_references(text, out, start, end, lex)
    for m in special_rx.finditer(text, start, end):
        e = lex.special[m.group()]
        out.append(Quantity(m.start(), m.end(), m.group(), e["value"], e["unit"], e["norm_value"],
                            e["norm"], None))
    if len(out) > 1:
        out.sort(key=lambda q: q.start)
    return out


def _scan(text: str, start: int, end: int, rx, lex: Lexicon, chars) -> list[Quantity]:
    """The quantities the pattern finds, lines that need it read through a View."""
    out: list[Quantity] = []
    viewed_to = start       # lines up to here were read through a View
    for m in rx.finditer(text, start, end):
        if m.start() < viewed_to:
            continue
        if needs_view(text, m.start(), m.end(), start, end, chars):
            ls = max(start, text.rfind("\n", start, m.start()) + 1)
            viewed_to = _line_end(text, m.end(), end)
            while out and out[-1].start >= ls:    # re-read the whole line
                out.pop()
            out.extend(_recognize_view(text, ls, viewed_to, rx, lex))
            continue
        found = _build(m, text, end, lex)
        if found:
            out.extend(found)
    return out


def _listed_counts(text: str, out: list[Quantity], tentative: list[Quantity]) -> list[Quantity]:
    """事故1起、死亡一人、受伤0人: a Chinese-numeral count that measures nothing
    by itself is kept when it ends its list item (a list mark or the end of
    the sentence right after it) and stands beside a quantity of its unit
    (only a list mark and a few characters of a label between): its
    neighbours are counted, so it is too (GUIDE.md: it measures something)."""
    out = sorted(out, key=lambda q: q.start)
    starts = [q.start for q in out]
    kept = []
    for t in tentative:
        if t.unit is None or any(q.start < t.end and t.start < q.end for q in out + kept) \
                or text[t.end:t.end + 1] not in _ITEM_END:
            continue        # 三个翻番，5个项目: a count with its noun after it may be a slogan
        i = bisect.bisect_left(starts, t.start)
        near = [q for q in (out[i - 1] if i > 0 else None, out[i] if i < len(out) else None) if q is not None]
        if any(q.unit == t.unit and _LIST_GAP.fullmatch(text[min(q.end, t.end):max(q.start, t.start)])
               for q in near):
            kept.append(t)
    return out + kept if kept else out


def _line_end(text: str, pos: int, end: int) -> int:
    """The end of the line at pos; a number broken by a page marker goes on to the next line."""
    le = text.find("\n", pos, end)
    while le > 0 and "0" <= text[le - 1] <= "9":
        brk = PAGE_BREAK.match(text, le, end)
        if brk is None:
            break
        le = text.find("\n", brk.end(), end)
    return end if le < 0 else le


def _recognize_view(text: str, lo: int, hi: int, rx, lex: Lexicon) -> list[Quantity]:
    view = make_view(text, lo, hi)
    out, held = [], []
    outer, token = _TENTATIVE.get(), _TENTATIVE.set(held)      # counts held back, in the view's offsets
    try:
        for m in rx.finditer(view.text):
            for q in _build(m, view.text, len(view.text), lex) or ():
                out.append(_to_source(q, view, text))
    finally:
        _TENTATIVE.reset(token)
    if outer is not None:
        outer.extend(_to_source(q, view, text) for q in held)
    return out


def _to_source(q: Quantity, view: View, text: str) -> Quantity:
    """Offsets and text into the source; the unit keeps its characters as written."""
    if q.unit:
        i = view.text.rfind(q.unit, q.start, q.end)
        if i >= 0:
            q.unit = view.written[i:i + len(q.unit)]
    q.start, q.end = view.source_span(q.start, q.end, text)
    q.text = text[q.start:q.end]
    return q


def _build(m: re.Match, text: str, limit: int, lex: Lexicon) -> Quantity | None:
    g = m.group
    unit_s, mult_s = g("unit"), g("mult")
    is_cn = g("cn") is not None
    s, e = m.start(), m.end()
    num_start = m.start("pct") - 3 if g("pct") is not None else (m.start("ar") if not is_cn else m.start("cn"))
    before = text[num_start - 1] if num_start > 0 else ""
    if before in LATIN or before in lex.ordinal_before:
        return None
    if unit_s in lex.rank_units and text[max(0, num_start - 2):num_start] in lex.rank_before:
        return None                 # 全省排名3位: a rank, no count (GUIDE.md)
    if before in lex.placeholder_before and not _times_sign(text, num_start - 1, lex):
        return None
    if not is_cn and g("ar") is not None and _blank_after(text, m.end("ar"), lex):
        return None                 # 20××年: digits before a template blank are part of it
    # value as written
    if g("pct") is not None:
        raw = g("pct")
        value = _number(raw) if raw[0] in "0123456789０１２３４５６７８９" else parse_chinese_decimal(raw)
        if value is None:
            return None
        unit, norm_unit, norm_value = "%", "ratio", value * 0.01
        return _finish(m, text, limit, lex, s, e, value, unit, norm_value, norm_unit, is_cn=False)
    if is_cn:
        value = parse_chinese_int(g("cn"))
        if value is None or not _cn_context_ok(g("cn"), before, g("pre"), g("inner"), lex):
            return None
    else:
        value = _number(g("ar"))
        if g("armult"):
            if g("ar2"):
                value = value * lex.multipliers[g("armult")] + _number(g("ar2")) * lex.multipliers[g("ar2mult")]
            else:
                mult_s = g("armult") + (mult_s or "")
    if g("himult") and not mult_s:
        mult_s = g("himult")     # 3-10亿元: the multiplier of the range's end is the range's
    multiplier = 1
    if mult_s:
        parts = _split_mult(mult_s, lex)
        if parts is None:
            return None
        for part in parts:
            multiplier *= lex.multipliers[part]
    if unit_s is None:
        return _unitless(m, text, limit, lex, s, e, value, mult_s, multiplier, is_cn)
    u = lex.units[unit_s]
    if (mult_s and not u.scalable) or (is_cn and u.arabic_only):
        return None
    if unit_s in lex.clock_units and before in lex.clock_before \
            and (before.isalpha() or num_start >= 2 and text[num_start - 2].isdigit()):
        return None     # 9时30分, 10:30分 (a colon after a word is a label's: 分值：5分)
    if unit_s in lex.descriptor_units and g("post") and _glued_to_noun(text, e, limit):
        return None
    if unit_s in lex.duration_units and _is_duration(text, num_start, m.end("unit"), limit, lex):
        return None
    after = text[m.end("unit"):min(limit, m.end("unit") + _LOOK)]
    if after.startswith(u.not_before) and not after.startswith(u.except_before):
        if mult_s and multiplier >= 10000 and not is_cn and not g("post"):
            # 46.5万户籍人口: no unit (户籍 is a word), the multiplier alone, as 46.5万常住人口
            return _finish(m, text, limit, lex, s, m.start("unit"), value, mult_s, value * multiplier, None,
                           is_cn=False)
        return None
    if unit_s[-1] in _ASCII_ALNUM and after[:1] in _ASCII_ALNUM:
        return None              # 1.5L in P1.5LED: a Latin unit ends a word
    unit = (mult_s or "") + unit_s
    return _finish(m, text, limit, lex, s, e, value, unit, value * multiplier * u.factor, u.norm,
                   is_cn=is_cn, cn_ok=u.cn_ok)


def _blank_after(text: str, i: int, lex: Lexicon) -> bool:
    """Two marks of a template blank right after the digits (20××年, 3**人)."""
    return len(text) >= i + 2 and all(ch in lex.placeholder_before for ch in text[i:i + 2])


def _times_sign(text: str, i: int, lex: Lexicon) -> bool:
    """× after an operand (96%×0.5, 1×0.2) multiplies; ××县 is a template blank."""
    return text[i] in lex.arithmetic_ops and i > 0 and (text[i - 1] in _DIGITS_AR or text[i - 1] in "%％)）]】")


def _cn_context_ok(cn: str, before: str, pre: str | None, inner: str | None, lex: Lexicon) -> bool:
    """统一个 / “十个指头” / bare 万人 are words or missing numbers, not counts."""
    if pre is None and before and before in lex.cn_word_before:
        return False
    if before and before in QUOTES_OPEN:
        return False
    if not any(ch in _DIGITS for ch in cn) and cn != "十":
        # 百名 / 千名 in an enumeration, 近百名, 百余人次, 近万人次, 逾千亿; a bare 亿 (超过亿元)
        # lacks its number
        if pre is not None:
            return all(ch in "百千万亿" for ch in cn) and cn != "亿"
        return len(cn) == 1 and cn in "百千" and (before in lex.bare_unit_numeral_before or inner)
    return True


def _glued_to_noun(text: str, e: int, limit: int) -> bool:
    """5岁以下儿童死亡率, 逾期90天以上贷款占比: a bracket inside an indicator's name;
    6岁以下儿童1847人 counts a group (a number follows before any 率/比)."""
    nxt = text[e] if e < limit else ""
    if not ("\u4e00" <= nxt <= "\u9fff") or nxt == "的":
        return False
    for ch in text[e:min(limit, e + 12)]:
        if ch in "率比":
            return True
        if ch in _DIGITS_AR:
            return False
    return True


def _is_duration(text: str, num_start: int, unit_end: int, limit: int, lex: Lexicon) -> bool:
    head = text[max(0, num_start - 4):num_start]
    tail = text[unit_end:min(limit, unit_end + _LOOK)]
    return head.endswith(lex.duration_before) or tail.startswith(lex.duration_after)


def _split_mult(mult_s: str, lex: Lexicon) -> list[str] | None:
    """A run of multipliers (万亿, 个亿, 百万) as its multipliers, the longest
    first at each place; None when some part of it is none (个亿百: 个 alone)."""
    if mult_s in lex.multipliers:
        return [mult_s]
    parts, i = [], 0
    longest = max(map(len, lex.multipliers))
    while i < len(mult_s):
        n = next((n for n in range(min(longest, len(mult_s) - i), 0, -1) if mult_s[i:i + n] in lex.multipliers), 0)
        if not n:
            return None
        parts.append(mult_s[i:i + n])
        i += n
    return parts


def _unitless(m, text, limit, lex, s, e, value, mult_s, multiplier, is_cn):
    """No unit: 3.6亿 (a multiplier alone) or 三成 (tenths); else not a quantity."""
    g = m.group
    tail = text[m.end():min(limit, m.end() + _LOOK)]
    if tail.startswith(lex.tenth.unit) and not g("inner") and not mult_s and value <= 10:
        if tail[1:].startswith(lex.tenth.not_before):
            return None
        e = m.end() + 1
        post = approx_after(lex, text, e, limit)
        return _make(text, m, s, e + len(post or ""), value, lex.tenth.unit, value * lex.tenth.factor,
                     lex.tenth.norm, post, lex)
    if mult_s and multiplier >= 10000 and not is_cn:
        if tail.startswith(lex.time_after):
            return None
        return _finish(m, text, limit, lex, s, e, value, mult_s, value * multiplier, None, is_cn=False)
    if is_cn and g("pre") and value >= 10000 and g("cn")[-1] in "万亿":
        return _make(text, m, s, e, value, g("cn")[-1], value, None, g("post"), lex)   # 逾千亿
    if is_cn or mult_s:
        return None
    unit = bare_unit(m, text, limit, lex, value)
    if unit is None:
        return None
    return _make(text, m, s, e, value, unit or None, value, unit or None, g("post"), lex)


def _finish(m, text, limit, lex, s, e, value, unit, norm_value, norm_unit, is_cn, cn_ok=False):
    post = m.group("post")
    if post and len(post) == 1 and (text.startswith(lex.post_approx_not_before, e) or text[e:e + 1].isdigit()):
        e, post = e - 1, None          # 3.8%多下降了, 比上年的3200万元多660万元: 多 belongs to what follows
    after = text[e:min(limit, e + _LOOK)]
    if after[:1] and after[0] in QUOTES_CLOSE:
        return None  # the end of a quoted name: “办学规范十五条”
    if is_cn and m.group("cn") in ("百", "千") and not m.group("pre") and unit \
            and _per_base(text[e:min(limit, e + _BASE_REACH)], unit):
        return None         # 百元医疗收入卫生材料消耗21.3元: the base of a rate, not a count
    if is_cn and not cn_ok and not _cn_count_ok(m, text, lex, value, after):
        held = _TENTATIVE.get()
        if held is not None and value >= 1 and not (after[:1] and after[:1] in QUOTES_OPEN) \
                and not after.startswith(lex.cn_rhetorical_after):
            held.extend(_make(text, m, s, e, value, unit, norm_value, norm_unit, post, lex) or ())
        return None
    return _make(text, m, s, e, value, unit, norm_value, norm_unit, post, lex)


def _cn_count_ok(m, text, lex, value, after) -> bool:
    """Chinese-numeral counts are kept only when they measure something."""
    if value < 1:
        return False
    unit = m.group("unit")
    if after[:1] and after[0] in lex.cn_count_end and _named_before(m, text) and unit not in lex.cn_count_end_not \
            and (value >= 2 or unit in lex.cn_count_end_one):
        return True         # 死亡一人、受伤两人 / 社区支部三个，: what it counts was named before it
    if value == 1:
        return _one_counted(m, text)
    if value >= 10 and (m.group("inner") or m.group("post")) and not (after[:1] and after[:1] in QUOTES_OPEN):
        return True         # 百余名党员, 千余名干部: a count said to be about so many measures (a slogan never is)
    if (after[:1] and after[:1] in QUOTES_OPEN) or after.startswith(lex.cn_rhetorical_after):
        return False
    if value >= 10 or m.group("unit") in lex.cn_count_units:
        return True
    head = text[max(0, m.start() - 4):m.start()]
    return head.endswith(lex.cn_count_cues)


def _per_base(after: str, unit: str) -> bool:
    """A number of the same unit later in the clause: 百元…21.3元 is per hundred."""
    clause = re.split(r"[，。；,;]", after, maxsplit=1)[0]
    return re.search(r"[0-9][0-9.]*\s*" + re.escape(unit), clause) is not None


def _named_before(m, text) -> bool:
    """A Chinese character right before the number (a noun or a verb), none
    before a bare numeral that opens its clause (，三个，)."""
    before = text[m.start() - 1:m.start()] if m.start() else ""
    return "\u4e00" <= before <= "\u9fff"


def _one_counted(m, text) -> bool:
    """至少一项, 每发现一例, 每季度出一期: one of something is counted; 每一次 is 'every'."""
    if m.group("pre"):
        return True
    head = text[max(0, m.start() - 5):m.start()]
    i = head.rfind("每")
    return 0 <= i < len(head) - 1 and all("\u4e00" <= ch <= "\u9fff" for ch in head[i:])


def _make(text, m, s, e, value, unit, norm_value, norm_unit, post, lex) -> list[Quantity]:
    if not (math.isfinite(value) and math.isfinite(norm_value)):
        return []       # hundreds of digits: beyond any float, no quantity
    g = m.group
    approx = None
    for word, table in ((g("pre"), lex.approx_before), (g("inner"), lex.approx_inner), (post, lex.approx_after)):
        if word:
            approx = table[word]
    neg = s > 0 and text[s - 1] in MINUS and (s < 2 or not (text[s - 2].isascii() and text[s - 2].isalnum()))
    if neg:
        s -= 1
        value, norm_value = -value, -norm_value
    hi = g("hi") if g("sep") else None
    hv = None
    if hi:
        hv = _number(hi) if hi[0] in "0123456789０１２３４５６７８９" else parse_chinese_int(hi)
        if hv is not None and not math.isfinite(hv):
            return []
    if hv is None:
        return [Quantity(s, e, text[s:e], tidy(value), unit, tidy(norm_value), norm_unit, approx)]
    # a range 3-5个 / 10%—15%: one quantity per number, each knowing the range
    scale = norm_value / value if value else 1
    low, high = tidy(norm_value), tidy(hv * scale)
    low_end = m.end("unit0") if g("unit0") else m.start("sep")
    return [Quantity(s, low_end, text[s:low_end], tidy(value), unit, low, norm_unit, approx, low=low, high=high),
            Quantity(m.start("hi"), e, text[m.start("hi"):e], tidy(hv), unit, high, norm_unit, approx,
                     low=low, high=high)]
