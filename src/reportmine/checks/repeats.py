"""Document-wide checks: 分别 lists that do not pair, and one indicator
reported with two values."""

from __future__ import annotations

import bisect
import re
from collections import deque

from ..claims.clauses import clause_start, sentence_start
from ..document import TARGET_ROLES, Document
from . import arithmetic as ar
from .flags import make_flag
from .neighbourhood import common_run, paragraph_bounds
from .search_config import search_config

_SENT_END = "。；;！？!?\n"


def check_respectively(doc: Document, found) -> None:
    """分别完成省下达任务的108% with a single value: the list is incomplete
    (`respectively`, `list_goes_on`, `listed_before`)."""
    text, cfg = doc.text, search_config()
    starts = [q.start for q in doc.quantities]
    flagged = sorted(f.start for f in found.flags)     # (the flags added below start before their 分别 ends)
    for start, end in doc.content_spans():
        for m in cfg.respectively.finditer(text, start, end):
            stop = m.end()
            while stop < end and text[stop] not in _SENT_END and not cfg.respectively.match(text, stop):
                stop += 1
            lo, hi = bisect.bisect_left(starts, m.end()), bisect.bisect_left(starts, stop)
            after = [q for q in doc.quantities[lo:hi] if q.norm_value is not None]
            missing = bisect.bisect_left(flagged, m.end()) < bisect.bisect_left(flagged, stop) \
                or "%" in text[m.end():stop].replace(
                "".join(q.text for q in after), "")
            if len(after) == 1 and not missing and not _listed_before(text, m.start(), cfg) \
                    and not re.search(r"[0-9]", text[m.end():after[0].start]) \
                    and not _clause_between(text[m.end():after[0].start]) \
                    and not _words_listed(text[m.end():after[0].start], cfg) \
                    and not _each_scored(text[m.end():after[0].start], after[0], cfg) \
                    and not _list_goes_on(text, after[0].end, end, cfg) \
                    and not _one_each(text, doc.quantities, starts, m.start(), after[0]):
                q = after[0]
                found.flags.append(make_flag(text, m.start(), q.end, "inconsistency", "respectively",
                                             "分别 with a single value", [q], None,
                                             detail=f"“分别”之后只有一个数值（{q.text}）"))


def _one_each(text: str, quantities, starts: list[int], pos: int, q) -> bool:
    """捐赠的4台电脑被分别送到4所村小学: as many things before 分别 in its
    sentence as the one count after it names others: one to each, no list cut short."""
    lo, hi = bisect.bisect_left(starts, sentence_start(text, pos)), bisect.bisect_left(starts, pos)
    return q.value is not None and q.value > 1 and q.unit is not None and any(
        x.value == q.value and x.unit is not None and x.unit != q.unit and x.norm_unit not in ("ratio", "ratio_point")
        for x in quantities[lo:hi])


def _clause_between(between: str) -> bool:
    """网上投诉数量分别超过电话投诉数量，占总量的41.3%: the one value stands in a
    clause after 分别's own, which lists names, not values."""
    return any(ch in between for ch in "，,；;")


def _words_listed(between: str, cfg) -> bool:
    """分别获二等奖和三等奖, 分别是甲县、乙县和丙县: what 分别 lists are words
    (`respectively_words`), before the one number."""
    return cfg.respectively_words.search(between) is not None


def _each_scored(between: str, q, cfg) -> bool:
    """无计划、无措施、无总结的分别扣1分: a scoring rule gives each case listed
    before 分别 the one score after it (`respectively_each`)."""
    return q.norm_unit == "分" and cfg.respectively_each.match(between.strip()) is not None


def _list_goes_on(text: str, pos: int, end: int, cfg) -> bool:
    """分别下降36.4%、8 (cut off) or 36.4%、8.2: more values without a unit, or the text ends."""
    rest = text[pos:end].strip()
    return not rest or cfg.list_goes_on.match(rest) is not None


def _listed_before(text: str, pos: int, cfg) -> bool:
    """A 分别 after a list of values (A为3个和5个，分别…) refers back to them."""
    s = sentence_start(text, pos)
    return False if s >= pos else bool(cfg.listed_before.search(text[s:pos]))


def check_mismatch(doc: Document, found, cfg) -> None:
    """One indicator with two values: a growth rate stated twice for the same
    subject (规上工业增加值同比增长6.9% … 规上工业增加值增长3.2%), and numbers
    glued to an indicator's name elsewhere (未成年人175 … 176未成年人)."""
    _growth_twice(doc, found, cfg)
    _level_twice(doc, found)
    text = doc.text
    spans = sorted((q.start, q.end) for q in doc.quantities)
    searched = set()
    glued = None
    for q in doc.quantities:
        if q.norm_value is None or q.role not in ("actual", None) or not q.indicator or q.approx \
                or q.group is not None or len(q.indicator) < found.cfg.mismatch_min_chars:
            continue
        if q.unit is None and (q.article, q.indicator) not in searched:
            searched.add((q.article, q.indicator))
            if glued is None and len(searched) > _SCANS:
                glued = _glued(text)    # many names: the places after a digit, read once
            _attached(doc, found, q, spans, glued)


def check_item_values(doc: Document, found, cfg) -> None:
    """A numbered item given two values: (三)计划任务执行60分 in the list of items,
    (三)计划任务执行(160分) where the item is set out."""
    from ..document import Quantity

    text, seen = doc.text, {}
    for start, end in doc.content_spans():
        for m in cfg.numbered_item.finditer(text, start, end):
            key = (m.group("mark"), m.group("label"))
            value = float(m.group("value"))
            q = Quantity(m.start("value"), m.end("value") + 1, text[m.start("value"):m.end("value") + 1],
                         value, "分", value, "分")
            first = seen.setdefault(key, q)
            if first is not q and first.value != value:
                found.flag("mismatch", q, f"同一编号条目“{m.group('mark')}{m.group('label')}”先为{first.text}，"
                                          f"此处为{q.text}", [first], span=(m.start(), m.end()),
                           indicator=m.group("mark") + m.group("label"), values=f"{first.text} 与 {q.text}")


def _growth_twice(doc: Document, found, cfg) -> None:
    text, seen = doc.text, {}
    starts = [x.start for x in doc.quantities]
    for q in doc.quantities:
        if q.norm_unit != "ratio" or q.group is not None or q.norm_value is None or q.approx \
                or doc.is_boilerplate(q.start):
            continue            # (增长7%左右 is a goal's or a guess's, no rate written twice)
        subject = growth_subject(text, q, doc.quantities, cfg, found.cfg.twice_scope)
        head = text[sentence_start(text, q.start):q.start]
        if subject is None or cfg.scope_label.match(head) or cfg.sum_cue.search(head):
            continue            # a part's figure (under 其中 or a scope label), not the whole's
        written = subject
        subject, place = core_name(subject, found.cfg.twice_scope)     # (今年全县)地区生产总值
        place = place or _place(text, q, found.cfg)
        before = seen.setdefault((subject, _year_period(q.period, found.cfg.twice_periods)), [])
        # (one subject written alike anywhere in the document; written with other words
        # of scope or period, within `twice_reach`)
        first = next((f for f, p, w in before if _same_place(p, place)
                      and (w == written or q.start - f.end <= found.cfg.twice_reach)), None)
        before.append((q, place, written))
        if first is not None and (first.norm_value, first.direction or "up") != (q.norm_value, q.direction or "up") and \
                sentence_start(text, first.start) != sentence_start(text, q.start) \
                and (first.role in _PLANNED) == (q.role in _PLANNED) \
                and not _years_apart(text, first, q) \
                and not _other_levels(text, doc.quantities, starts, first, q) \
                and not _block_repeats(text, doc.quantities, starts, first, q, found.cfg):
            found.flags.append(make_flag(text, q.start, q.end, "inconsistency", "mismatch",
                                         f"{subject}: {first.text} vs {q.text}", [first, q], None,
                                         indicator=subject, values=f"{first.text} 与 {q.text}"))


def _years_apart(text: str, first, q) -> bool:
    """全区2023年…增长9.6%。⏎2024年一季度，…增长17%: a year written between the
    two rates (period_year), other than the last one written before the first
    in its paragraph, opens another period: the rates are of two years."""
    pattern = search_config().period_year
    years = {m.group().replace(" ", "")[:4] for m in pattern.finditer(text, first.end, q.start)}
    if not years:
        return False
    before = [m.group().replace(" ", "")[:4] for m in pattern.finditer(text, paragraph_bounds(text, first.start)[0], first.start)]
    return bool(years - set(before[-1:]))


# a rate a plan sets or an estimate expects is not the rate reached written
# again (全年增长9.2% … 二、主要目标⏎增长7%)
_PLANNED = TARGET_ROLES | {"forecast"}


def core_name(name: str, scope: tuple[str, ...], lead: tuple[str, ...] = ()) -> tuple[str, str]:
    """今年全县地区生产总值 -> (地区生产总值, 县): a name without the words of scope
    and period it opens with (and the verbs of ``lead``: 实现社会消费品零售总额),
    and the level of the place its scope names (the last character of 全县, 我县,
    本县; empty when none is named)."""
    changed, place = True, ""
    while changed:
        changed = False
        for w in scope:
            if name.startswith(w) and len(name) > len(w):
                name, changed = name[len(w):], True
                place = w[-1] if w[-1] not in "年内" else place
        for w in lead:
            if name.startswith(w) and len(name) > len(w):
                name, changed = name[len(w):], True
    return name, place


def _place(text: str, q, c) -> str:
    """The level of the place the words before q in its clause name (全市 -> 市), or ''."""
    head = text[clause_start(text, q.start):q.start]
    hits = [(head.find(w), w) for w in c.twice_scope if w[-1] not in "年内" and w in head]
    return min(hits)[1][-1] if hits else ""


def _parallel(text: str, quantities, starts: list[int], a, b) -> bool:
    """城市医疗救助5820人次，…人均医疗救助62.4元；农村医疗救助12406人，…人均医疗救助
    65.1元: each in a sentence (up to 。 or ；) that opens with a number of its own
    subject, the two subjects differing: the same measure of two subjects
    (``starts``: the quantities' starts, read once a document)."""

    def opener(q):
        k = bisect.bisect_left(starts, sentence_start(text, q.start))
        return next((x for x in quantities[k:k + 64] if x.norm_value is not None), q)

    oa, ob = opener(a), opener(b)
    return oa is not a and ob is not b and (oa.indicator or "") != (ob.indicator or "")


def _qualified_apart(text: str, a, b, name: str | None, c) -> bool:
    """16时至18时，发生火灾214起；…；20时至22时，发生火灾219起: each
    sentence opens with words of its own before the name (or, without a name,
    before its first number) that differ only in their numbers: two slots of
    one breakdown (hours, years, ranks), not one level written twice. Words
    of scope and period (全县, 今年: `twice_scope`) and marks do not count."""
    def head(q) -> str:
        s = max(sentence_start(text, q.start), q.start - _HEAD_REACH)     # (openings are short)
        s = max(s, text.rfind("；", s, q.start) + 1, text.rfind(";", s, q.start) + 1)     # (an item of a list)
        end = text.rfind(name, s, q.start) if name else -1
        if end < 0:
            end = next((m.start() for m in _DIGIT.finditer(text, s, q.start)), q.start)
        h = _MARKS.sub("", text[s:end])
        return core_name(h, c.twice_scope)[0] if h else h
    ha, hb = head(a), head(b)
    ma, mb = sorted((_DIGITS.sub("0", ha), _DIGITS.sub("0", hb)), key=len)
    return ha != hb and "0" in ma and mb.endswith(ma)     # (the first item may follow a lead-in: 从…看，)


_HEAD_REACH = 48       # characters before a value its item's opening is read in
_DIGIT = re.compile(r"[0-9]")
_DIGITS = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_MARKS = re.compile(r"[\s，,、；;：:。（）()【】\[\]“”\"']+")


def _own_level(text: str, quantities, starts: list[int], g):
    """The level a growth rate is of, written right before it in its clause or
    the clause before (…7960亿元，同比增长8.7%), or before rates only in its
    sentence (人均消费支出12300元，名义增长6.9%，实际增长5.2%), or None."""
    k = bisect.bisect_left(starts, g.start) - 1
    lo = min(clause_start(text, max(clause_start(text, g.start) - 1, 0)), sentence_start(text, g.start))
    while k >= 0 and quantities[k].start >= lo:
        x = quantities[k]
        if x.norm_value is not None and x.norm_unit not in ("ratio", "ratio_point"):
            return x            # (the nearest: only rates stand between it and g)
        k -= 1
    return None


def _other_levels(text: str, quantities, starts: list[int], a, b) -> bool:
    """Two growth rates of one name, each of a level of its own, the levels
    different (省属企业8420亿元，增长9.6% … 省属企业7960亿元，增长8.7%):
    two measures of one subject (收入, 成本), not one rate written twice."""
    la, lb = _own_level(text, quantities, starts, a), _own_level(text, quantities, starts, b)
    if la is None or lb is None:
        return False
    return la.norm_unit != lb.norm_unit or abs(la.norm_value - lb.norm_value) > ar.tolerance(la) + ar.tolerance(lb)


def _block_repeats(text: str, quantities, starts: list[int], a, b, cfg) -> bool:
    """The names stated just before a (in its paragraph) are stated again between a
    and b, in the same paragraph (…优良天数比例…PM2.5浓度…臭氧平均浓度162 … 北京市…PM2.5浓度…臭氧平均浓度163):
    a block of measures repeated for another subject, b the measure of that one."""
    lo, hi = paragraph_bounds(text, a.start)
    if b.start >= hi:
        return False            # (a summary paragraph, then the details: the same names again, one subject)
    i, j = bisect.bisect_left(starts, a.start), bisect.bisect_left(starts, b.start)
    names = {core_name(x.indicator, cfg.twice_scope, cfg.twice_lead)[0] for x in quantities[max(0, i - 3):i]
             if x.start >= lo and x.indicator and x.indicator != a.indicator}
    names = {n for n in names if len(n) >= cfg.mismatch_min_chars}
    k = cfg.mismatch_min_chars + 1        # (甲市优良天数比例 … 乙市优良天数: four characters in common)
    return any(x.indicator and any(n in x.indicator or common_run(n, x.indicator) >= k for n in names)
               for x in quantities[i + 1:j])


def _same_place(a: str, b: str) -> bool:
    """Two scopes that may be one: the same, or one of them not named."""
    return a == b or not a or not b


def _year_period(period: str | None, periods: tuple[str, ...]) -> str:
    return "" if not period or period in periods else period


def _level_twice(doc: Document, found) -> None:
    """全年城镇新增就业4268人，完成年度目标4000人的106.7%。…城镇新增就业4286人:
    one indicator's level stated twice in a paragraph (its name without words
    of scope, the same unit and period, neither a part under 其中) with values
    a slip apart (`twice_near`, beyond their rounding): one of them is mistyped.
    Two different measures of one name seldom stand so close."""
    text, c = doc.text, found.cfg
    seen: dict = {}             # the mentions of the paragraph at hand (its start is in every key)
    paragraph = None
    starts = [x.start for x in doc.quantities]
    for q in doc.quantities:
        if q.role != "actual" or q.norm_value is None or q.approx or q.group is not None or not q.indicator \
                or q.norm_unit in (None, "ratio", "ratio_point") or doc.is_boilerplate(q.start):
            continue
        name, place = core_name(q.indicator, c.twice_scope, c.twice_lead)
        place = place or _place(text, q, c)
        lo, hi = paragraph_bounds(text, q.start)
        if lo != paragraph:     # (quantities come in text order, as _parallel's bisect reads them: an
            seen.clear()        # earlier paragraph's keys are never asked again, and would all be held)
            paragraph = lo
        if len(name) < c.mismatch_min_chars + 1 or "|" in text[lo:hi] or "\t" in text[lo:hi] \
                or name not in text[clause_start(text, q.start):q.end + len(name) + 2]:
            continue            # (a table's rows and columns are other periods and places; a name
            # carried from the clause before, 核定1260名，实有1188名, is not written twice;
            # 在21.43亿元税收收入中 names it after the number)
        key = (lo, name, q.norm_unit, _year_period(q.period, c.twice_periods))
        entry = seen.setdefault(key, [None, deque()])      # [the first mention's end, the mentions in reach]
        head = text[sentence_start(text, q.start):q.start]
        if search_config().scope_label.match(head):
            continue            # (建筑业务方面，实现新签合同额…: a part's level under a scope label)
        cue = re.search(c.parts_cue, head)
        if cue and not (entry[0] is not None and entry[0] <= sentence_start(text, q.start) + cue.start()):
            continue            # a part under 其中, unless its name is the total's before the cue
            # (粮食总产量28.6万吨，其中秋粮…、夏粮…，粮食总产量28.9万吨)
        before = entry[1]
        while before and q.start - before[0][0].end > c.twice_reach:
            before.popleft()    # (out of reach of every later mention too: a long paragraph stays linear)
        first = next((f for f, p in before if _same_place(p, place)), None)
        before.append((q, place))
        entry[0] = q.end if entry[0] is None else entry[0]
        if first is None or clause_start(text, first.start) == clause_start(text, q.start) \
                or _parallel(text, doc.quantities, starts, first, q) \
                or _qualified_apart(text, first, q, name, c) \
                or _block_repeats(text, doc.quantities, starts, first, q, c):
            continue
        gap = abs(first.norm_value - q.norm_value)
        if gap > ar.tolerance(first) + ar.tolerance(q) and gap <= c.twice_near * max(first.norm_value, q.norm_value):
            found.flags.append(make_flag(text, q.start, q.end, "inconsistency", "mismatch",
                                         f"{name}: {first.text} vs {q.text}", [first, q], None,
                                         indicator=name, values=f"{first.text} 与 {q.text}"))


def growth_subject(text: str, g, quantities, cfg, scope: tuple[str, ...] = ()) -> str | None:
    """规上工业增加值 for 规上工业增加值同比增长6.9%, or for 社会消费品零售总额
    实现303.1亿元，增长3.7% (the amount's subject); None when the rate is not a
    growth or its subject is not written out."""
    start = clause_start(text, g.start)
    start = max(start, text.rfind("、", start, g.start) + 1)     # 事故起数下降16.7%、死亡人数下降12.5%
    m = cfg.growth_tail.search(text, start, g.start)
    if m is None or m.end() != g.start:
        return None
    subject = text[start:m.start()]
    if cfg.subject_compared.match(subject.strip()):
        subject = ""            # (今年一季度较上年四季度环比下降5.1%: the clause before names it)
    if not subject and start >= 1:
        prev = text[clause_start(text, start - 1):start - 1]
        m = cfg.level_tail.search(prev)
        subject = prev[:m.start()] if m else ""
    subject = subject.strip()
    # (今年全县)地区生产总值: with ``scope``, the words of scope and period it opens with are
    # no reason to refuse it (they are returned with it)
    checked = core_name(subject, scope)[0] if scope else subject
    if len(checked) < cfg.subject_min_chars or any(ch.isdigit() for ch in checked) \
            or checked.startswith(cfg.not_subject_starts) or any(w in checked for w in cfg.list_marks):
        return None
    return subject


def _inside(spans, pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_SCANS = 32        # names looked up by a search of the article before the places after a digit are read


def _attached(doc: Document, found, q, spans, glued: dict[str, list[int]] | None) -> None:
    """Numbers glued to the indicator's name elsewhere in the article (176未成年人)."""
    text, ind = doc.text, q.indicator
    art = doc.articles[q.article] if q.article is not None and q.article < len(doc.articles) else None
    lo, hi = (art.start, art.end) if art else (0, len(text))
    if ind and not _after_digit(text, ind, lo, hi, glued):
        return              # (the pattern below is made and compiled anew for each name)
    for m in re.finditer(r"(?<![0-9.])([0-9]{1,6})" + re.escape(ind), text[lo:hi]):
        s, e = lo + m.start(1), lo + m.end(1)
        if s == q.start or doc.is_boilerplate(s) or _inside(spans, s):
            continue
        if float(m.group(1)) != q.norm_value:
            flag = make_flag(text, s, e, "inconsistency", "mismatch", f"{ind} given as {q.text} and as {m.group(1)}",
                             [q], None, indicator=ind, values=f"{q.text} 与 {m.group(1)}")
            flag.evidence.append({"start": s, "end": e, "text": m.group(1), "norm_value": float(m.group(1)),
                                  "norm_unit": None, "role": None, "indicator": ind})
            found.flags.append(flag)


def _glued(text: str) -> dict[str, list[int]]:
    """The places right after an ASCII digit that no digit fills, by their
    first character: what a name glued to a number can start at (read once a
    document: a search of the whole text per name was quadratic in a long table)."""
    out: dict[str, list[int]] = {}
    for m in _AFTER_DIGIT.finditer(text):
        out.setdefault(text[m.end():m.end() + 1], []).append(m.end())
    return out


_AFTER_DIGIT = re.compile(r"[0-9](?![0-9])")


def _after_digit(text: str, ind: str, lo: int, hi: int, glued: dict[str, list[int]] | None) -> bool:
    """Whether ``ind`` is written right after an ASCII digit somewhere in text[lo:hi]
    (``glued``: _glued(text), or None to search the text; a name that opens
    with a digit is searched for)."""
    if glued is None or "0" <= ind[:1] <= "9":
        i = text.find(ind, lo + 1, hi)
        while i >= 0:
            if "0" <= text[i - 1] <= "9":
                return True
            i = text.find(ind, i + 1, hi)
        return False
    places = glued.get(ind[:1], ())
    k = bisect.bisect_right(places, lo)
    while k < len(places) and places[k] < hi:
        if text.startswith(ind, places[k]) and places[k] + len(ind) <= hi:
            return True
        k += 1
    return False
