"""Per-capita figures against their amount and population.

A figure named per head (人均补差164.3元, 户均, 每人, 均次费用) is tried against
every amount of its unit and every count of another unit before it in its
paragraph: it verifies when one amount/count pair gives it within the rounding
of the written numbers (a monthly figure, `per_month_words`, may be over
twelve months, unless its heads are 人次 counted month by month). It is flagged only when none does and the pair is clearly meant: the
amount nearest before it in its sentence, and the count nearest before it in
the sentence (or, with none there, the nearest before the amount in its
paragraph named like the amount; or, for a figure stated first as a standard,
按照每人1500元的标准…发放…187.5万元, the first amount of its unit after it and
the one head count of the sentence), with the stated figure a near miss
(`near_miss_per_capita`) of their quotient, or one mistyped digit of one of the
three explaining the gap.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..claims.clauses import clause_start, sentence_start
from ..document import Quantity
from ..resources import load_yaml, require, word, word_list
from . import arithmetic as ar
from .neighbourhood import Index, common_run, is_count, paragraph_bounds, sentence_end

_STOPS = re.compile(r"[，,。；;\n]")

_SUFFIX_CHARS = 24   # how far a per-heads suffix (` / 千人`) may reach past its number
_MARKS = ("per_item_mark", "per_heads_mark")
_LISTS = ("per_area_marks", "population_words", "population_endings", "norm_words")


@dataclass(frozen=True)
class PerCapitaWords:
    """checks.yaml's per_capita section: the words this check reads."""

    per_item_mark: str
    per_heads_mark: str
    per_area_marks: tuple[str, ...]
    population_words: tuple[str, ...]
    population_endings: tuple[str, ...]
    norm_words: tuple[str, ...]


@lru_cache(maxsize=1)
def per_capita_words() -> PerCapitaWords:
    data = load_yaml("checks.yaml")["per_capita"]
    require(data, _MARKS + _LISTS, "checks.yaml: per_capita")
    where = "checks.yaml: per_capita"
    return PerCapitaWords(**{k: word(data, k, where) for k in _MARKS}, **{k: word_list(data, k, where) for k in _LISTS})


def check_per_capita(index: Index, found, cfg) -> None:
    text = index.text
    cues = [m.end() for m in cfg.per_capita_cue.finditer(text)]
    if not cues:
        return
    far: list[tuple] = []       # clearly meant pairs that miss by far: judged after the loop
    fits: list[tuple] = []      # the figures that verified, with their pairs
    for q in index.qs:
        if not is_count(q) or q.start in found.judged or q.group is not None or q.norm_value <= 0:
            continue
        k = bisect.bisect_right(cues, q.start) - 1
        if k < 0 or q.start - cues[k] > cfg.label_reach or _STOPS.search(text, cues[k], q.start):
            continue            # no cue in the words before it (brackets may be glosses: 補(bǔ)差)
        if any(w in text[clause_start(text, q.start):q.start] for w in per_capita_words().norm_words):
            continue            # a standard per head is set, not reckoned
        before = [w for w in index.before(q, cfg.whole_reach) if is_count(w) and w.norm_value > 0]
        amounts = [a for a in before if a.norm_unit == q.norm_unit
                   and not cfg.per_capita_cue.search(text, clause_start(text, a.start), a.start)]
        # (人均筹资标准由300元提高至400元: an earlier figure per head is no amount)
        heads = [p for p in before if p.norm_unit != q.norm_unit and p.norm_unit in cfg.head_units]
        if amounts and heads and _judge(found, text, q, amounts, heads, cfg, far=far, fits=fits):
            continue
        if amounts and not heads and _heads_after(index, found, q, amounts, cfg):
            continue
        _standard(index, found, q, cfg)
    if far:
        _far_misses(found, text, far, fits)


def check_per_item(index: Index, found, cfg) -> None:
    """An average per counted item (平均每个项目2亿元, 平均每起案件8087元, 校均500人:
    `per_item_cue`, the item's unit named or mapped by `per_item_units`) = an
    amount of its unit over a count of that item before it in its paragraph,
    judged as a per-capita figure."""
    if per_capita_words().per_item_mark not in index.text:
        return
    for q, m, before in _after_cues(index, found, cfg.per_item_cue, cfg):
        unit = cfg.per_item_units.get(m.group("unit") or m.group("item") or "", m.group("unit"))
        amounts = [a for a in before if a.norm_unit == q.norm_unit]
        heads = [p for p in before if p.norm_unit == unit and p.norm_unit != q.norm_unit]
        if amounts and heads:
            _judge(found, index.text, q, amounts, heads, cfg, what="平均值")


def check_per_area(index: Index, found, cfg) -> None:
    """A yield per unit of area (亩产399公斤, 单产: `per_area_cue`) = a mass
    (`mass_units`, converted to the yield's unit) over an area (`area_units`)
    before it in its paragraph, judged as a per-capita figure (总产24.9万吨
    over 播种面积62.4万亩); with no mass before it, the one mass after it in
    its sentence when the area is in the sentence too (面积, 亩产, 总产)."""
    if not any(w in index.text for w in per_capita_words().per_area_marks):
        return
    mass = cfg.mass_units
    text = index.text
    for q, _, before in _after_cues(index, found, cfg.per_area_cue, cfg):
        if q.norm_unit not in mass:
            continue
        heads = [p for p in before if p.norm_unit in cfg.area_units]
        written = [a for a in before if a.norm_unit in mass]
        meant = None
        if not written and heads and heads[-1].start >= sentence_start(text, q.start):
            # 面积8.6万亩，亩产525公斤，总产4.515万吨: the one mass after it in its sentence
            after = [a for a in index.between(q.end, sentence_end(text, q.end, cfg.whole_reach))
                     if a.norm_unit in mass and a.norm_value > 0]
            written = after if len(after) == 1 else []
        amounts = [replace(a, norm_value=a.norm_value * mass[a.norm_unit] / mass[q.norm_unit], norm_unit=q.norm_unit)
                   for a in written]
        if amounts and heads:
            if written and written[0].start > q.end:
                meant = (amounts[0], heads[-1])
            _judge(found, text, q, amounts, heads, cfg, meant=meant, what="单位面积产量")


def _after_cues(index: Index, found, cue, cfg):
    """(figure, its cue's match, the counts before the cue in its paragraph)
    for each count not yet judged that a match of ``cue`` stands right before
    (within `label_reach`, no clause end between)."""
    text = index.text
    marks = list(cue.finditer(text))
    ends = [m.end() for m in marks]
    for q in index.qs:
        k = bisect.bisect_right(ends, q.start) - 1
        if k < 0 or q.start - ends[k] > cfg.label_reach or _STOPS.search(text, ends[k], q.start) \
                or not is_count(q) or q.start in found.judged or q.group is not None or q.norm_value <= 0:
            continue
        m = marks[k]
        yield q, m, [w for w in index.before(q, cfg.whole_reach)
                     if is_count(w) and w.norm_value > 0 and w.end <= m.start()]


def _far_misses(found, text: str, far: list[tuple], fits: list[tuple]) -> None:
    """A per-capita figure that misses its clearly meant pair by far is flagged
    when the same paragraph has a figure of the same form (an amount of the
    same unit over heads of the same unit) that verified: the way the figures
    are made is then shown, and this one does not follow it (救助支出420万元 over
    7100人次 is 591.5元, stated 59.2元, beside a 补助支出 over 补助人次 that
    fits). The flag names that figure and its arithmetic."""
    by_paragraph: dict = {}
    for t in fits:
        by_paragraph.setdefault(paragraph_bounds(text, t[0].start), []).append(t)
    for q, a, p, months in far:
        lo, hi = paragraph_bounds(text, q.start)
        twins = [t for t in by_paragraph.get((lo, hi), ()) if lo <= t[1].start and t[0] is not q
                 and (t[1].norm_unit, t[2].norm_unit) == (a.norm_unit, p.norm_unit)]
        if not twins:
            continue
        tq, ta, tp, tmonths = min(twins, key=lambda t: abs(t[0].start - q.start))
        found.flag("ratio", q, "人均值应为" + _arith(a, p, q, months, 2) +
                   f"（按所报精度为{ar.at_precision(a.norm_value / p.norm_value / months, q)}）；"
                   f"同段按同一算法核对的{tq.text}与所报一致（{_arith(ta, tp, tq, tmonths, 2)}）",
                   [a, p, ta, tp, tq])


def _heads_after(index: Index, found, q: Quantity, amounts: list[Quantity], cfg) -> bool:
    """地区生产总值3256亿元，人均地区生产总值53980元，年末常住人口603.2万人: no
    head count before the figure, the one of its sentence after it. The pair is
    clearly meant when the amount nearest before is in the sentence too."""
    text = index.text
    s, e = sentence_start(text, q.start), sentence_end(text, q.end, cfg.whole_reach)
    heads = [p for p in index.between(q.end, e) if is_count(p) and p.norm_value > 0
             and p.norm_unit != q.norm_unit and p.norm_unit in cfg.head_units]
    if len(heads) != 1:
        return False
    meant = (amounts[-1], heads[0]) if amounts[-1].start >= s else None
    return _judge(found, text, q, amounts, heads, cfg, meant=meant)


def _standard(index: Index, found, q: Quantity, cfg) -> None:
    """按照每人1500元的标准，为1250名困难群众发放救助金187.5万元: a figure per head
    stated first, the amount after it in its sentence; the heads are the one
    head count of the sentence. Verified or judged as below (the pair is then
    clearly meant)."""
    text = index.text
    s, e = sentence_start(text, q.start), sentence_end(text, q.end, cfg.whole_reach)
    sent = [w for w in index.between(s, e) if w is not q and is_count(w) and w.norm_value > 0]
    amounts = [a for a in sent if a.start > q.end and a.norm_unit == q.norm_unit]
    heads = [p for p in sent if p.norm_unit != q.norm_unit and p.norm_unit in cfg.head_units]
    if amounts and len(heads) == 1 and not any(a.norm_unit == q.norm_unit for a in sent if a.start < q.start):
        _judge(found, text, q, amounts[:1], heads, cfg, meant=(amounts[0], heads[0]))


def check_per_thousand(index: Index, found, cfg) -> None:
    """抽检食品68420批次，按照全市1140万人口计算，抽检量达到6批次/千人: a figure
    written per thousand (or ten thousand) heads right after its number is the
    amount of its unit nearest before it in its sentence over the head count
    nearest before it (79801/12600000×1000 = 6.33, written 6: 5.5 to 6.5)."""
    text = index.text
    for q in index.qs:
        m, unit, written = _per_heads(text, q, cfg)
        if m is None or not is_count(q) or q.start in found.judged or q.norm_value <= 0:
            continue
        sent = [w for w in index.between(sentence_start(text, q.start), q.start) if is_count(w) and w.norm_value > 0]
        amounts = [a for a in sent if a.norm_unit == unit]
        heads = [p for p in sent if p.norm_unit in cfg.head_units and p.norm_unit != q.norm_unit]
        if not amounts or not heads:
            continue
        a, p, per = amounts[-1], heads[-1], cfg.small_numerals.get(m.group(1), 1)
        x = a.norm_value / p.norm_value * per
        half = 10 ** -ar.decimals(q) * 0.5
        arith = f"{a.text}/{p.text}×{per:g} = {x:.2f}{written}{m.group(0)}"
        if abs(x - q.value) <= half + 1e-9:
            found.verify("per_capita", arith, [a, p, q], q)
        elif not q.approx and abs(x - q.value) <= max(half, x * cfg.near_miss_per_capita):
            found.flag("ratio", q, f"{arith}（按所报精度为{x:.{ar.decimals(q)}f}）", [a, p])


def _per_heads(text: str, q: Quantity, cfg) -> tuple:
    """The per-heads suffix of q (`per_heads_suffix`), the norm unit of what is
    counted and the unit as written before the suffix: written after q
    (6批次 / 千人) or read into its unit (6批次/千人: 批次, 批次)."""
    # an end bound: without it the regex module scans the rest of the text
    # for the pattern's required '/' on every quantity (quadratic on a long text)
    m = cfg.per_heads_suffix.match(text, q.end, q.end + _SUFFIX_CHARS)
    if m is not None or not q.unit or "/" not in q.unit or "/" not in (q.norm_unit or ""):
        return m, q.norm_unit, q.unit or ""
    slash = q.start + q.text.rfind("/")
    m = cfg.per_heads_suffix.fullmatch(text, slash, q.end)
    return m, q.norm_unit.rsplit("/", 1)[0], q.unit.rsplit("/", 1)[0]


def check_per_heads(index: Index, found, cfg) -> None:
    """全县户籍人口52万人，全年发生刑事案件1040起，每10万人发案200起: a figure
    per so many heads written before it (`per_heads_prefix`) is the count of its
    unit nearest before it in its sentence over the population nearest before
    that (a count of people or households, or an amount named 人口), times the
    multiple (1040/520000×100000 = 200)."""
    text = index.text
    if per_capita_words().per_heads_mark not in text:
        return
    marks = list(cfg.per_heads_prefix.finditer(text))
    ends = [m.end() for m in marks]
    for q in index.qs:
        k = bisect.bisect_right(ends, q.start) - 1
        if k < 0 or q.start - ends[k] > cfg.label_reach or not is_count(q) or q.start in found.judged \
                or q.norm_value <= 0:
            continue
        m = marks[k]
        if _STOPS.search(text, m.end(), q.start):     # (a bracket between is no stop: 每千人口执业（助理）医师2.7人)
            continue
        per = _multiple(m, cfg)
        if not per:
            continue
        prefix = (m.start(), m.end())
        lo, hi = sentence_start(text, q.start), sentence_end(text, q.end, cfg.whole_reach)
        pair = _per_pair(q, [w for w in index.between(lo, hi) if w is not q], prefix, cfg) \
            or _earlier_pair(index, q, lo, prefix, cfg)
        if pair:
            _judge_per(found, q, *pair, per, cfg)


def _earlier_pair(index: Index, q: Quantity, lo: int, prefix, cfg) -> tuple | None:
    """全县常住人口48万人。…执业医师1296人。每千人口执业医师2.7人: with no pair in
    its sentence, the amount and population in the sentences before it in its
    paragraph, the amount named like the figure (``shared_name_chars``)."""
    name = q.indicator or ""
    before = [w for w in index.before(q, cfg.whole_reach) if w.start < lo]
    # how much of an amount's name the figure's holds, then how little else it has
    named = {id(w): (common_run(w.indicator or "", name), -len(w.indicator or "")) for w in before
             if w.norm_unit == q.norm_unit and not _named_population(w)}
    best = max(named.values(), default=(0, 0))
    if best[0] < cfg.shared_name_chars:
        return None
    # the amounts named most like the figure (执业医师1296人, not 执业医师新增3人), and
    # of the populations the nearest (another paragraph's may be larger)
    populations = [w for w in before if (w.norm_unit is None or w.norm_unit in cfg.head_units) and _named_population(w)]
    others = {id(w) for w in populations[:-1]}
    before = [w for w in before if (id(w) not in named or named[id(w)] == best) and id(w) not in others]
    return _per_pair(q, before + [q], prefix, cfg)


def _per_pair(q: Quantity, sentence: list[Quantity], prefix, cfg) -> tuple | None:
    """The amount and the population a figure per so many heads divides, in
    its sentence: the amount of its unit nearest before it (else the first
    after it: 每千人口拥有床位5.2张，共有床位2080张) and the population nearest
    before that amount (else, for an amount not in heads, the first after it).
    A figure counted in heads itself (每万人拥有执业医师25人) takes as
    population only a count named 人口 or 居民 (`population_words`), and as
    amount another count of its unit."""
    endings = per_capita_words().population_endings
    sent = [w for w in sentence if not prefix[0] <= w.start < prefix[1]
            and ((is_count(w) and w.norm_value > 0)
                 or (w.norm_unit is None and (w.indicator or "").endswith(endings) and w.norm_value))]
    in_heads = q.norm_unit in cfg.head_units
    if in_heads:        # the largest count named 人口 is the population, any other count of its unit the amount
        named = [p for p in sent if (p.norm_unit is None or p.norm_unit in cfg.head_units) and _named_population(p)]
        heads = [max(named, key=lambda p: p.norm_value)] if named else []
        amounts = [a for a in sent if a.norm_unit == q.norm_unit and a not in heads]
    else:
        heads = [p for p in sent if p.norm_unit in cfg.head_units or p.norm_unit is None]
        amounts = [a for a in sent if a.norm_unit == q.norm_unit]
    before = [a for a in amounts if a.end <= q.start]
    a = before[-1] if before else next((x for x in amounts if x.start >= q.end), None)
    if a is None:
        return None
    pick = [p for p in heads if p.end <= a.start]
    if pick:
        return a, pick[-1]
    after = [p for p in heads if p.start >= a.end]
    return (a, after[0]) if after and not in_heads else None


def _named_population(p: Quantity) -> bool:
    return any(w in (p.indicator or "") for w in per_capita_words().population_words)


def _multiple(m, cfg) -> float | None:
    n = float(m.group("n")) if m.group("n") else 1.0
    for ch in m.group("s"):
        n *= cfg.small_numerals.get(ch, 0)
    return n if n >= 10 else None


def _judge_per(found, q: Quantity, a: Quantity, p: Quantity, per: float, cfg) -> None:
    x = a.norm_value / p.norm_value * per
    half = ar.quotient_tolerance(q) + (ar.tolerance(a) / a.norm_value + ar.tolerance(p) / p.norm_value) * x
    arith = f"{a.text}/{p.text}×{per:g} = {x:.2f}{q.unit or ''}"
    if abs(x - q.norm_value) <= half + 1e-9:
        found.verify("per_capita", arith, [a, p, q], q)
    elif q.approx or a.approx or p.approx:
        return
    elif abs(x - q.norm_value) <= x * cfg.near_miss_per_capita or (typo := ar.typo_reading(q, x - half, x + half)):
        note = ar.typo_note([(q, typo)]) if abs(x - q.norm_value) > x * cfg.near_miss_per_capita else ""
        found.flag("ratio", q, f"{arith}（每{per:g}人，按所报精度为{x:.{ar.decimals(q)}f}）" + note, [a, p])


def _judge(found, text: str, q: Quantity, amounts: list[Quantity], heads: list[Quantity], cfg,
           meant: tuple | None = None, far: list | None = None, fits: list | None = None,
           what: str = "人均值") -> bool:
    """Whether the figure was judged (verified, or its clearly meant pair found);
    a clearly meant pair that misses by far goes to ``far``; ``what`` names the
    figure in the flag (人均值, 平均值)."""
    monthly = _months(text, q, cfg)
    for a in reversed(amounts):
        for p in reversed(heads):
            for months in {1, monthly}:
                iv = _quotient(a, p, months)
                if iv and ar.fits_quotient(q, *iv):     # (人均1723元 is a rounded quotient)
                    found.verify("per_capita", _arith(a, p, q, months, 2), [a, p, q], q)
                    if fits is not None:
                        fits.append((q, a, p, months))
                    return True
    pair = meant or _meant(text, q, amounts, heads, cfg)
    if pair is None or q.approx or pair[0].approx or pair[1].approx:
        return False
    a, p = pair
    months = 1 if (p.norm_unit or "").endswith("次") else monthly     # 人次 are counted month by month
    iv = _quotient(a, p, months)
    if iv is None:
        return True
    near = ar.miss(q, *iv) <= cfg.near_miss_per_capita
    typo = [] if near else _typos(q, a, p, months)
    if near or typo:
        found.flag("ratio", q, f"{what}应为" + _arith(a, p, q, months, 2) +
                   f"（按所报精度为{ar.at_precision(a.norm_value / p.norm_value / months, q)}）" +
                   (ar.typo_note(typo) if typo else ""), [a, p])
    elif far is not None:
        far.append((q, a, p, months))
    return True


def _meant(text: str, q: Quantity, amounts: list[Quantity], heads: list[Quantity], cfg) -> tuple | None:
    """The amount nearest before the figure in its sentence (or in the sentence
    before, named like the figure, when the figure's sentence holds the heads)
    and the head count nearest before the figure in that sentence (before or
    after the amount: 惠及农户3.5万户，户均700元); with no head count in the
    sentence, the nearest one before in the paragraph named like the amount
    (低保对象 / 低保支出)."""
    s = sentence_start(text, q.start)
    a = amounts[-1]
    inside = [p for p in heads if p.start >= s]
    if a.start < s and not (inside and common_run(a.indicator or "", q.indicator or "") >= cfg.ratio_part_name_chars):
        return None     # (…补贴1296万元。两项补贴惠及残疾人1.08万人，人均发放补贴1350元: the amount of the
        # sentence before, named like the figure, with the heads in the figure's sentence)
    named = [] if inside else [p for p in heads if p.end <= a.start and common_run(
        p.indicator or "", a.indicator or "") >= cfg.shared_name_chars]
    p = inside[-1] if inside else (named[-1] if named else None)
    if p is None or q.approx or a.approx or p.approx:
        return None         # 人均监管90余家: an approximate figure is not a typo
    return a, p


def _typos(q: Quantity, a: Quantity, p: Quantity, months: int) -> list:
    """One mistyped digit of the figure, the amount or the head count that explains the gap."""
    out = []
    iv = _quotient(a, p, months)
    r0, r1 = (x * months for x in ar.bounds(q))
    if iv and (r := ar.typo_reading(q, *iv)):
        out.append((q, r))
    if (r := ar.typo_reading(a, r0 * p.norm_value, r1 * p.norm_value)):
        out.append((a, r))
    if r0 > 0 and (r := ar.typo_reading(p, a.norm_value / r1, a.norm_value / r0)):
        out.append((p, r))
    return out


def _months(text: str, q: Quantity, cfg) -> int:
    """12 for a monthly figure of a year's amount (月人均补助, 人均每月)."""
    head = text[clause_start(text, q.start):q.start]
    return 12 if any(w in head for w in cfg.per_month_words) else 1


def _quotient(a: Quantity, p: Quantity, months: int):
    iv = ar.quotient(a, p)
    return (iv[0] / months, iv[1] / months) if iv else None


def _arith(a: Quantity, p: Quantity, q: Quantity, months: int, extra: int) -> str:
    per = "/12个月" if months != 1 else ""
    return f"{a.text}/{p.text}{per} = {ar.at_precision(a.norm_value / p.norm_value / months, q, extra)}"
