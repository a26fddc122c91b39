"""Rates and shares against the counts around them.

A rate (系统管理率84.2%) or a share (占地区生产总值的比重为3.6%) is tried against
every part/whole pair of compatible counts nearby: the part is a count right
before it, the whole any larger count of the same unit earlier in the
paragraph. The relation verifies when one pair gives the stated value within
the rounding of the written numbers. It is flagged only when none does and a
pair is clearly meant: a share whose whole is named after 占 (or by the share
before it), or a rate whose counts name the same population (孕产妇建卡数 of
孕产妇数), and the stated value is a near miss of that pair.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..claims.clauses import clause_start, sentence_start
from ..document import TARGET_ROLES, Quantity
from ..resources import DataFileError, load_yaml, require, word, word_list
from . import arithmetic as ar
from . import readings
from .neighbourhood import POINTS_UNIT, Index, is_count, is_rate, paragraph_bounds, sentence_end
from .search_config import search_config

SKIP_ROLES = frozenset({"growth", "difference", "target", "basic_target", "full_target"})
_KEYS = ("whole_cue", "of_word", "bare_share_links", "rate_mark")


@dataclass(frozen=True)
class RateWords:
    """checks.yaml's rates section: the words this check reads."""

    whole_cue: str                      # 占: the share cue that names the whole (one character)
    of_word: str                        # 完成…的x%: what another cue's share phrase holds
    bare_share_links: tuple[str, ...]   # 占总数的17.6: a bare number after these is a share
    rate_mark: str                      # 住院分娩率: what a rate's name ends with


@lru_cache(maxsize=1)
def rate_words() -> RateWords:
    data = load_yaml("checks.yaml")["rates"]
    require(data, _KEYS, "checks.yaml: rates")
    where = "checks.yaml: rates"
    if not isinstance(data["whole_cue"], str) or len(data["whole_cue"]) != 1:
        raise DataFileError(f"{where}: whole_cue 应为单个字")
    return RateWords(data["whole_cue"], word(data, "of_word", where), word_list(data, "bare_share_links", where),
                     word(data, "rate_mark", where))


@dataclass
class Case:
    rate: Quantity
    kind: str                      # "share" (占…的x%) or "ratio" (…率x%)
    label: str                     # the whole as named after 占
    parts: list[Quantity]
    wholes: list[Quantity]
    named: list[Quantity] = field(default_factory=list)     # wholes clearly meant (shares)
    meant: list[tuple] = field(default_factory=list)        # (part, whole) pairs clearly meant (rates)
    loose: bool = False                                     # the whole is the nearest larger amount, not named
    cue: str = ""                                           # 占 or 完成
    below: list[Quantity] = field(default_factory=list)     # wholes written inside the phrase, below the part
    typo_only: list[tuple] = field(default_factory=list)    # (part, whole) judged only by a mistyped digit
    role: str = ""                                          # the rate's own role (a growth rate read as a share)

    def is_meant(self, p: Quantity, w: Quantity) -> bool:
        if self.kind == "share":
            return p is self.parts[0] and any(w is n for n in self.named)
        return any(p is a and w is b for a, b in self.meant)


def check_rates(index: Index, found, cfg) -> dict:
    """Judges every rate and share; returns, per paragraph, the rates (…率)
    with the whole each verified with (None when none), for checks/bases.py."""
    inherited = None                # (paragraph, named wholes) of the last share that named its whole
    siblings: dict = {}             # paragraph -> [(share without a named whole, the whole it verified with)]
    ratios: dict = {}               # paragraph -> [(rate (…率), the whole it verified with)]
    for q in index.qs:
        r = _as_rate(index.text, q)
        if r is None or r.group is not None or r.start in found.judged:
            continue
        case = _case(index, r, cfg)
        if case is not None and _table_row(index.text, r):
            case = _within_row(index.text, case)
        if case is None or (r.role in SKIP_ROLES and case.kind != "share"):
            continue            # a share phrase (占…的x%) is a share whatever role the claims stage gave it
        if r.role in SKIP_ROLES:
            case.rate, case.role = replace(r, role="actual"), r.role    # rounded as written, not set exactly like a target
        para = paragraph_bounds(index.text, r.start)[0]
        unnamed = case.cue == rate_words().whole_cue and case.label in cfg.total_labels + ("",)
        if unnamed:
            if inherited and inherited[0] == para:
                case.named = [w for w in inherited[1] if w.norm_unit == case.parts[0].norm_unit]
            else:
                case.named, case.loose = _nearest_larger(index, case, cfg), True
            if case.loose and _siblings_agree(index, case, para, cfg) is False:
                # the shares around it agree on a whole of their own: the guess may verify, never
                # accuse the share; a total written right before its breakdown is accused once
                _breakdown_total(found, index, case, cfg)
                sentence = index.between(sentence_start(index.text, r.start), r.start)
                siblings.setdefault(para, []).append((case, judge_case(found, case, cfg, sentence=sentence,
                                                                       quiet=True)))
                continue
        if case.kind == "share" and case.named:
            inherited = (para, case.named)
        sentence = index.between(sentence_start(index.text, r.start), r.start)
        quiet = not unnamed and case.kind == "share" and _label_disagrees(index, case, cfg)
        whole = judge_case(found, case, cfg, sentence=sentence, quiet=quiet)
        if unnamed:
            siblings.setdefault(para, []).append((case, whole))
        elif case.kind == "ratio":
            ratios.setdefault(para, []).append((case, whole))
    _sibling_wholes(found, siblings, cfg)
    return ratios


def _breakdown_total(found, index: Index, case: "Case", cfg) -> None:
    """共受理来电28440件。其中，咨询类12460件，占63.72%；求助类5667件，占28.98%；…:
    the shares agree on a whole of their own (19,554, what the parts add up
    to), and the total whose breakdown they are (其中 right after it) is not
    it: one flag on the total."""
    text = index.text
    for w in case.named:
        k = w.end
        while k < len(text) and k < w.end + 3 and text[k] in "。，,；; ":
            k += 1
        if cfg.sum_cue.match(text, k):
            est = case.parts[0].norm_value / case.rate.norm_value
            found.flag("sum", w, f"按各项计数与所占比例，总数应约为{ar.at_precision(est, w)}", [case.parts[0], case.rate])
            return


def _siblings_agree(index: Index, case: "Case", para: int, cfg) -> bool | None:
    """来信17件，占30%；来访20件，占35%；来电6件，占10%: shares after 占 that name
    no whole, each right after its count, in one paragraph: when the wholes
    their counts imply (count/share, within the rounding of both and
    `sibling_whole_slack`) have one value in common, they are shares of one
    whole. True when the whole guessed for ``case`` is that value, False when
    it is not (the guess is wrong: a larger count written before them), None
    when fewer than three such shares agree."""
    lo, hi = paragraph_bounds(index.text, case.rate.start)
    agreed = _implied_whole(index, case, lo, hi, lambda gap: cfg.sibling_share.match(gap) is not None, cfg)
    if agreed is None or agreed[2] < 3:
        return None
    low, high, _ = agreed
    return any(low <= w.norm_value <= high for w in case.named)


def _implied_whole(index: Index, case: "Case", lo: int, hi: int, joined, cfg) -> tuple | None:
    """The wholes implied by the shares near ``case`` (within `sibling_reach`,
    and ``lo``/``hi``), each right after a count of the part's unit with
    ``joined(text between)``: (low, high, how many) of the values all of them
    allow (count/share, within the rounding of both and `sibling_whole_slack`);
    None when they allow none, or a share is 0."""
    text, unit, at = index.text, case.parts[0].norm_unit, case.rate.start
    qs = index.between(max(lo, at - cfg.sibling_reach), min(hi, at + cfg.sibling_reach))
    low, high, n = 0.0, math.inf, 0
    for a, b in zip(qs, qs[1:]):
        if not is_rate(b) or a.norm_unit != unit or not is_count(a) or a.norm_value <= 0 \
                or not joined(text[a.end:b.start]):
            continue
        (a0, a1), (r0, r1) = ar.bounds(a), ar.bounds(b)
        if r0 <= 0:
            return None
        low, high, n = max(low, a0 / r1), min(high, a1 / r0), n + 1
    low, high = low * (1 - cfg.sibling_whole_slack), high * (1 + cfg.sibling_whole_slack)
    return (low, high, n) if low <= high else None


def _label_disagrees(index: Index, case: "Case", cfg) -> bool:
    """共153件，占信访总量36.0% … 共187件，占信访总量44.0%: two or more shares
    of one named whole (`_label_key`), each right after its count, imply one whole (count /
    share, within the rounding of both and `sibling_whole_slack`), and the
    count the name was matched to is not it: the whole they are of is not
    written, and the guess accuses no share."""
    if not case.label or not case.named or any(case.label in _name_before(w, index.text, cfg) for w in case.named):
        return False            # (现有低保户218户 … 占低保户的29.8%: the whole is named outright)
    key = _label_key(case.label, cfg)

    def same_label(gap: str) -> bool:
        m = cfg.given_as_share.match(gap)
        return m is not None and _label_key(cfg.share_label_trim.sub("", m.group().split("占", 1)[1].strip()), cfg) == key

    agreed = _implied_whole(index, case, 0, len(index.text), same_label, cfg)
    if agreed is None or agreed[2] < 2:
        return False
    low, high, _ = agreed
    return not any(low <= w.norm_value <= high for w in case.named)


def _label_key(label: str, cfg) -> str:
    """A share's label without its total words or a leading 总 (总到位资金, 到位资金
    总额 and 到位资金 name one whole)."""
    bare = _without_totals(label, cfg.total_labels)
    return bare.removeprefix("总").removeprefix("總") or label


def _table_row(text: str, q: Quantity) -> bool:
    """q stands in a row of cells (| or a tab between them)."""
    lo, hi = paragraph_bounds(text, q.start)
    return "|" in text[lo:hi] or "\t" in text[lo:hi]


def _within_row(text: str, case: "Case") -> "Case | None":
    """A rate in a table row is judged against counts of its own row only: the
    counts before it in the text are other rows' (利润率 8.4 is not 517 over
    the row above's 5472); the table checks read it against its columns."""
    lo, hi = paragraph_bounds(text, case.rate.start)

    def inside(q: Quantity) -> bool:
        return lo <= q.start and q.end <= hi

    if not all(inside(p) for p in case.parts):
        return None
    case.wholes = [w for w in case.wholes if inside(w)]
    case.named = [w for w in case.named if inside(w)]
    case.meant = [(a, w) for a, w in case.meant if inside(a) and inside(w)]
    case.typo_only = [(a, w) for a, w in case.typo_only if inside(a) and inside(w)]
    case.below = [w for w in case.below if inside(w)]
    return case if case.wholes else None


def _sibling_wholes(found, siblings: dict, cfg) -> None:
    """党员1896名 … 35岁以下476名，占25.1%；60岁以上392名，占20.7%: shares that do
    not name their whole, in one paragraph, are of the same whole; one that fits
    none of its candidates is judged against the whole its siblings verified with."""
    for cases in siblings.values():
        wholes = {id(w): w for _, w in cases if w is not None}
        if len(wholes) != 1:
            continue
        (whole,) = wholes.values()
        for case, w in cases:
            if w is None and case.rate.start not in found.judged and whole.norm_unit == case.parts[0].norm_unit \
                    and whole.norm_value > case.parts[0].norm_value and not any(whole is n for n in case.named):
                case.named, case.loose, case.wholes = [whole], False, [whole]
                judge_case(found, case, cfg)


def _as_rate(text: str, q: Quantity) -> Quantity | None:
    """A rate, or a bare number written as a share (占总数的17.6) read as a percentage."""
    if is_rate(q):
        return q
    if q.norm_unit is None and q.value is not None and 0 < q.value <= 100 and q.end < len(text) \
            and text[q.end] not in "0123456789.%％‰":
        w = rate_words()
        if w.whole_cue in text[max(0, q.start - 12):q.start] \
                and text[max(0, q.start - 1):q.start] in w.bare_share_links:
            return replace(q, norm_value=q.value / 100, norm_unit="ratio", unit="%")
    return None


def _nearest_larger(index: Index, case: "Case", cfg) -> list[Quantity]:
    """A share with no named whole: the nearest larger amount of the part's unit
    before the part, in its paragraph, that is not itself given as a share
    (城区火灾265起，占总数的53.0%: a part of another whole)."""
    p, text = case.parts[0], index.text
    lo = paragraph_bounds(text, p.start)[0]
    before = [w for w in case.wholes if lo <= w.start and w.end <= p.start and w.norm_value > p.norm_value
              and not _given_as_share(index, w, cfg)]
    return before[-1:]


def _given_as_share(index: Index, w: Quantity, cfg, label: str = "") -> bool:
    """w is given as a share right after it (城区火灾265起，占总数的53.0%) of
    the whole ``label`` names, or of a whole named only as a total (总数,
    总起数) when ``label`` names none either: it is then a part of that whole.
    (转移劳动力28400人，占总劳动力的82.5%: a part of 总劳动力, and still the
    whole of 占转移劳动力的51%.)"""
    own = _share_label_after(index, w, cfg)
    if own is None:
        return False
    return own == label or (_generic(own, cfg) and _generic(label, cfg))


def _share_label_after(index: Index, w: Quantity, cfg) -> str | None:
    """The whole w is given as a share of right after it, or after its growth
    rates (15.6万亿元，增长2.8%，占外贸总值的60.1%: 外贸总值), as its label
    says it ('' for 占总数的 … trimmed to nothing); None when it is not."""
    text, prev = index.text, w
    for x in index.between(w.end, sentence_end(text, w.end, cfg.ratio_reach)):
        if not is_rate(x):
            return None
        m = cfg.given_as_share.match(text[prev.end:x.start])
        if m is not None:
            return cfg.share_label_trim.sub("", m.group().split("占", 1)[1].strip())
        prev = x
    return None


def _generic(label: str, cfg) -> bool:
    """A whole named as a total (总数, 火灾总数, 总起数, 全部) or not named at all."""
    return not label or label.startswith(("总", "總")) or any(w in label for w in cfg.total_labels)


def _case(index: Index, r: Quantity, cfg) -> Case | None:
    text, whole_cue = index.text, rate_words().whole_cue
    sent = [q for q in index.between(sentence_start(text, r.start), r.start) if _extensive(q)
            and q.role not in ("growth", "difference")]     # (比上年净增加1326人: a change, no count of the rate)
    at = _share_cue(text, r, sent, cfg)
    level = _level_target(index, r, at) if at is not None and text[at] != whole_cue else None
    if level:
        part, whole = level
        return Case(r, "share", "", [part], [whole], named=[whole], cue=text[at])
    if at is not None:
        label = cfg.share_label_trim.sub("", text[at:r.start].lstrip("".join(cfg.share_cues)))
        for q in sent:
            if q.start >= at:           # 占党员总数1640名的: the whole's own unit names no part
                label = label.replace(q.text, "")
        parts = _part_of(label, [q for q in sent if q.end <= at], cfg)
        parts = _subject_part(text, [q for q in sent if q.end <= at], at, parts, cfg)
        if parts and not _subject_names(text, parts[0], at, cfg):
            return None
        inside = [_with_unit(q, parts) for q in sent if q.start >= at]
        kind = "share"
    elif (r.indicator or "").endswith(cfg.rate_endings):
        # without counts in its sentence: the two nearest counts before it named like
        # it that have a larger count of their unit before them, nearest first
        # (实际接种18276人次。今年新建接种门诊5个。接种率99.0%: not the 5个 between;
        # 不良贷款余额1.74亿元。清收不良贷款0.86亿元。不良贷款率1.80%)
        head = _rate_head(r, cfg)
        parts = sent[-2:][::-1] or [q for q in index.before(r, cfg.ratio_reach)[::-1]
                                    if is_count(q) and head in (q.indicator or "") and _has_larger(index, q, cfg)
                                    and q.role not in ("growth", "difference")
                                    and not _last_years(index, q, r, cfg)][:2]
        pair = None if sent or _extensive_after(index, r, cfg) else _pair_before(index, r, cfg)
        if pair and not any(pair[0] is x for x in parts):
            parts, pair = (parts, None) if parts else ([pair[0]], pair)
        if len(sent) == 1 and pair is None:
            pair = _named_part_before(index, r, sent[0], cfg, _basis(text, sent[0]))
            parts = [pair[0]] if pair else parts
        inside, label, kind = [], "", "ratio"
    else:
        return None
    if not parts:
        return None
    unit = parts[0].norm_unit
    if _earlier_period(text, max(parts[0], sent[-1] if sent else parts[0], key=lambda q: q.start), r, cfg):
        return None             # (read from the last count of the rate's own sentence when it has one)
    written = list(inside)                  # the wholes written inside the share phrase
    inside, wholes, elsewhere = _wholes(index, r, parts, inside, kind, at, cfg)
    smaller = exceeded(r, parts[0], wholes)
    if smaller:
        wholes = [w for w in wholes if w.norm_value >= parts[0].norm_value * 0.999]
    case = Case(r, kind, label, parts, wholes, cue=text[at] if kind == "share" else "", loose=elsewhere)
    case.below = [w for w in written if any(w is x for x in smaller)]
    if kind == "share":
        by_name = text[at] == whole_cue     # 完成…的: only a target written inside the phrase
        case.named = [w for w in inside if w.norm_unit == unit] or \
            [w for w in wholes if by_name and _names(w, label, text, cfg)     # 占7户企业利润总额: 7户 names, is not the whole
             and not _given_as_share(index, w, cfg, label)     # (农村火灾21.4万起，占火灾总数的53.5%: a part)
             and not _part_of_another(index, w, label, cfg)]
    else:
        case.meant = [(p, w) for p in parts for w in wholes
                      if w is not p and _related(w, p, r, sent, cfg) and not _listed(text, w, p, cfg)]
        case.meant += _adjacent_pair(index, sent, r, wholes, cfg)
        case.meant += _named_part_below(index, sent, r, parts[0], smaller, cfg)
        case.meant += _part_after_cue(index, parts, wholes, cfg, smaller)
        case.meant += [(parts[0], w) for w in wholes if w.start > r.end]
        case.meant += _target_below(text, r, parts[0], smaller, cfg.shared_name_chars)
        case.meant += [pair] if kind == "ratio" and pair else []
        case.meant += _whole_before(index, r, sent, cfg)
        # the two counts right before the rate, the part above the whole: a
        # mistyped one when one digit makes the rate fit (受理160件，办结180件，结案率93.75%)
        case.typo_only = [(a, w) for a, w in _adjacent_pair(index, sent, r, smaller, cfg)
                          if a is parts[0] and not case.is_meant(a, w)]
        # two levels of one move (由A减少到B) are never a part and its whole, nor a
        # count and its own restatement (the same indicator and value written twice)
        case.meant = [(a, w) for a, w in case.meant if not _move(text, *sorted((a, w), key=lambda q: q.start))
                      and not _restated(a, w) and not _listed_parts(index, a, w) and not _range_ends(a, w)
                      and not _surveyed_apart(r, a, w, cfg)]
        case.typo_only = [(a, w) for a, w in case.typo_only if not _range_ends(a, w)
                          and not _surveyed_apart(r, a, w, cfg)]
        item = _own_item(text, r, sent)
        if item is not None:
            case.meant = [(a, w) for a, w in case.meant if a.start >= item and w.start >= item]
            case.typo_only = [(a, w) for a, w in case.typo_only if a.start >= item and w.start >= item]
    return case


_ITEM_REACH = 400       # characters before a rate's sentence its item's ； is looked for


def _own_item(text: str, r: Quantity, sent: list[Quantity]) -> int | None:
    """…监督受理10件，提出建议2件；…监督受理11件，提出建议6件，采纳率100%: a rate
    in an item of a list parted by ；, with two counts of its own before it in
    the item, is of those: where its item starts (None when no ； stands
    before it, or its item holds fewer than two counts)."""
    lo = max(0, (sent[0].start if sent else r.start) - _ITEM_REACH)     # (a text without ； stays linear)
    start = max(text.rfind("；", lo, r.start), text.rfind(";", lo, r.start)) + 1
    if not start:
        return None
    return start if sum(q.start >= start for q in sent) >= 2 else None


def _pair_before(index: Index, r: Quantity, cfg) -> tuple | None:
    """立侵财类刑事案件864起，破获517起。……侵财类案件破案率为59.8%: a rate whose
    own sentence gives no count is of the two counts an earlier sentence of
    its paragraph gives side by side (the whole, then its part in the next
    clause: one unit, the part smaller), when the rate's name shares a word
    (`shared_name_chars`) with the name of either. The nearest such pair, as
    (part, whole); two items of a list, two levels of one move or two parts
    side by side are none."""
    name = _rate_name(r, cfg)
    if len(name) < cfg.shared_name_chars:
        return None
    text = index.text
    counts = [q for q in index.before(r, cfg.whole_reach) if _extensive(q) and q.role not in ("growth", "difference")]
    for w, p in zip(counts[-2::-1], counts[::-1]):      # (比上季度末减少2万人 is a change, no count of a rate)
        if p.norm_unit != w.norm_unit or not 0 < p.norm_value < w.norm_value \
                or index.between(w.end, p.start) or sentence_start(text, w.start) != sentence_start(text, p.start) \
                or sentence_start(text, p.start) == sentence_start(text, r.start) \
                or _listed(text, w, p, cfg) or _move(text, w, p) or _last_years(index, w, r, cfg):
            continue
        if _siblings(index, w, p):
            continue
        if max(common_run(name, w.indicator or ""), common_run(name, p.indicator or "")) >= cfg.shared_name_chars:
            return p, w
    return None


def _whole_before(index: Index, r: Quantity, sent: list[Quantity], cfg) -> list[tuple]:
    """受理執行案件6384件。全年執結5927件，執結率為98.2%: the one count of the
    rate's sentence carries the rate's name (two characters will do) and the
    sentence before holds one count of its unit, larger: that is the whole."""
    if len(sent) != 1:
        return []
    p, name = sent[0], _rate_name(r, cfg)
    if len(name) < cfg.ratio_part_name_chars or name not in (p.indicator or "") or p.norm_value <= 0:
        return []
    text = index.text
    s = sentence_start(text, p.start)
    if s == 0:
        return []
    before = [q for q in index.between(sentence_start(text, s - 1), s) if q.norm_unit == p.norm_unit and _extensive(q)]
    if len(before) != 1 or before[0].norm_value <= p.norm_value or _last_years(index, before[0], r, cfg):
        return []
    return [(p, before[0])]


def _last_years(index: Index, q: Quantity, r: Quantity, cfg) -> bool:
    """上年全县受理信访事项860件，办结812件。今年…办结率为96.1%: the head of
    q's sentence (before its first number) names an earlier period and the
    head of the rate's does not: its counts are that period's, not the rate's."""
    def earlier(x: Quantity) -> bool:
        s = sentence_start(index.text, x.start)
        first = index.between(s, x.end)[0]
        return any(c in index.text[s:first.start] for c in cfg.previous_cues)

    return earlier(q) and not earlier(r)


def _basis(text: str, q: Quantity) -> bool:
    """按户籍人口44.15万人计算: q is written as the base a rate is reckoned on."""
    head = text[clause_start(text, q.start):q.start]
    return head.startswith("按") and text.startswith("计算", q.end) and len(head) <= 12


def _named_part_before(index: Index, r: Quantity, whole: Quantity, cfg, basis: bool = False) -> tuple | None:
    """不良贷款余额4.36亿元。各项贷款余额为318.5亿元，不良贷款率为1.73%: the one
    count of the rate's sentence does not carry the rate's name (不良贷款) and a
    smaller count of its unit before it, in an earlier sentence, does: that one
    is the part, the sentence's count the whole (``basis``: written as the base,
    按…计算, when two characters of the name will do)."""
    name = _rate_name(r, cfg)
    # (a base written 按…计算 needs less of the name: 参保人数 … 按户籍人口44.15万人计算，参保率)
    if len(name) < (cfg.ratio_part_name_chars if basis else cfg.shared_name_chars) or name in (whole.indicator or ""):
        return None
    s = sentence_start(index.text, whole.start)
    named = [q for q in index.before(whole, cfg.whole_reach) if q.end <= s and _extensive(q) and q.role == "actual"
             and q.norm_unit == whole.norm_unit and 0 < q.norm_value < whole.norm_value and name in (q.indicator or "")]
    return (named[-1], whole) if named else None


def _extensive_after(index: Index, r: Quantity, cfg) -> bool:
    """利润率为5.7%，营业收入326.8亿元，利润总额18.6亿元: counts after the rate in its sentence."""
    end = sentence_end(index.text, r.end, cfg.whole_reach, "。；;!！?？\n")
    return any(_extensive(q) for q in index.between(r.end, end))


def _siblings(index: Index, w: Quantity, p: Quantity) -> bool:
    """营业收入612亿元，其中新材料产业实现营业收入148亿元，装备制造产业实现营业收入97亿元:
    two counts named alike but for their heads (the same last characters,
    neither name holding the other), or the first of them itself a part of a
    larger count before it in its sentence, are two parts side by side."""
    a, b = w.indicator or "", p.indicator or ""
    if a and b and a[-2:] == b[-2:] and a not in b and b not in a:
        return True
    return any(x.norm_unit == w.norm_unit and x.norm_value > w.norm_value
               for x in index.between(sentence_start(index.text, w.start), w.start))


def _has_larger(index: Index, q: Quantity, cfg) -> bool:
    """A count of q's unit larger than q stands before it (within `whole_reach`)."""
    return any(w.norm_unit == q.norm_unit and w.norm_value > q.norm_value
               for w in index.before(q, cfg.whole_reach, same_paragraph=False))


def _restated(a: Quantity, w: Quantity) -> bool:
    """新认定绿色食品4个 … 新认定绿色食品4个: one count written twice, no part of itself."""
    return a.norm_value == w.norm_value and a.norm_unit == w.norm_unit and bool(a.indicator) \
        and a.indicator == w.indicator


def _rate_name(r: Quantity, cfg) -> str:
    """A rate's name without its ending (`rate_endings`: 侵财类案件破案率 -> 侵财类案件破案)."""
    name = r.indicator or ""
    for ending in sorted(cfg.rate_endings, key=len, reverse=True):
        if name.endswith(ending):
            name = name[:-len(ending)]
            break
    return name


def _rate_head(r: Quantity, cfg) -> str:
    """The word a rate is named after, right before its ending (毛入园率: 入园,
    参保率: 参保); a count in an earlier sentence is its part only if named so."""
    name = _rate_name(r, cfg)
    head = name[-cfg.ratio_part_name_chars:]
    return head if len(head) == cfg.ratio_part_name_chars else "\0"


def _wholes(index: Index, r: Quantity, parts: list[Quantity], inside: list[Quantity], kind: str, at, cfg):
    """(the wholes written inside the phrase, every candidate whole, whether
    the phrase's whole is a target stated elsewhere)."""
    wholes = inside + [q for q in index.before(r, cfg.whole_reach, same_paragraph=False)
                       if _extensive(q) and q not in inside]
    elsewhere = False
    if kind == "ratio":
        wholes += _named_targets(index, r, parts[0], cfg, later=True)
    elif index.text[at] != rate_words().whole_cue and not inside:
        # 完成年目标任务的98.5%: the target stated elsewhere
        inside = _named_targets(index, r, parts[0], cfg) or _named_targets(index, r, parts[0], cfg, later=True)
        wholes += [w for w in inside if w.start > r.end]
        elsewhere = bool(inside)                    # judged as loosely as a rate (near_miss_ratio)
    wholes = [w for w in wholes if w.norm_unit == parts[0].norm_unit and w.norm_value > 0]
    return inside, wholes, elsewhere


def exceeded(r: Quantity, part: Quantity, wholes: list[Quantity]) -> list[Quantity]:
    """The candidate wholes a rate of at most 100% cannot be of: smaller than
    its part. They are no candidates, but one clearly meant by its place
    (written inside a share phrase, the count a 其中 part is of, the count
    right before a part the rate names) is judged all the same: a part above
    its whole is a mistyped part or whole."""
    if r.norm_value > 1 + ar.tolerance(r):
        return []
    return [w for w in wholes if w.norm_value < part.norm_value * 0.999]


def _named_targets(index: Index, r: Quantity, part: Quantity, cfg, later: bool = False) -> list[Quantity]:
    """开工建设保障性住房6318套，开工率达92.6% … (next paragraph) 保障性住房开工
    建设目标为6823套; 新增就业目标为4000人。… 新增就业3952人，完成年目标任务的
    98.8%: a rate of an action whose target is stated in another sentence. A
    target of the part's unit within `whole_reach` after the rate (`later`)
    or before its part, named like the part (`shared_name_chars`), is its
    whole; of several, the best named."""
    name = part.indicator or ""
    if len(name) < cfg.shared_name_chars:
        return []
    span = (r.end, r.end + cfg.whole_reach) if later else (part.start - cfg.whole_reach, part.start)
    after = [t for t in index.between(max(0, span[0]), span[1])
             if t.role in TARGET_ROLES and t.norm_unit == part.norm_unit and _extensive(t)]
    scored = [(common_run(name, t.indicator or ""), t) for t in after]
    best = max((c for c, _ in scored), default=0)
    return [t for c, t in scored if c == best][:1] if best >= cfg.shared_name_chars else []


def _level_target(index: Index, r: Quantity, at: int) -> tuple | None:
    """集中供养率达41%，完成42%目标任务的97.6%: a level (a rate, an amount per
    head) completed against a target level written inside the phrase; the
    part is the nearest number of the target's unit before the phrase, in
    its sentence."""
    inside = [q for q in index.between(at, r.start) if not _extensive(q) and q.norm_unit and q.norm_value]
    if len(inside) != 1:
        return None
    whole = inside[0]
    before = [q for q in index.between(sentence_start(index.text, at), at) if q.norm_unit == whole.norm_unit]
    return (before[-1], whole) if before and not _extensive(before[-1]) else None


def _named_part_below(index: Index, sent: list[Quantity], r: Quantity, p: Quantity, smaller: list[Quantity],
                      cfg) -> list[tuple]:
    """住院分娩人数429人，住院分娩率97.99% after 活产数398人: a part the rate's own
    name names, right after the count before it in its sentence, is of that
    count even when written above it (a mistyped part or whole); two counts
    the rate does not name (建议16件、提案17件，办复率100%) are siblings."""
    if not smaller:
        return []
    head = index.text[clause_start(index.text, r.start):r.start]
    at = head.rfind(rate_words().rate_mark)
    word = head[max(0, at - 4):at] if at >= 0 else ""         # the rate's own name (住院分娩率: 住院分娩)
    if common_run(p.indicator or "", word) < cfg.shared_name_chars:
        return []
    return [(a, w) for a, w in _adjacent_pair(index, sent, r, smaller, cfg) if a is p]


def _part_after_cue(index: Index, parts: list[Quantity], wholes: list[Quantity], cfg,
                    smaller: list[Quantity] = ()) -> list[tuple]:
    """出生24850人，…。其中政策内出生23359人，政策符合率94.00%: the count right
    after 其中 (sum_cue) and right before the rate is a part of the count
    nearest before the cue."""
    text, p = index.text, parts[0]
    cues = list(cfg.sum_cue.finditer(text, max(0, sentence_start(text, p.start) - 2), p.start))
    if not cues or any(is_count(q) for q in index.between(cues[-1].end(), p.start)):
        return []                   # only the count right after the cue and right before the rate
    at = cues[-1].start()
    before = [w for w in wholes if w.end <= at and w.start >= at - cfg.total_reach]
    if before:
        return [(p, before[-1])]
    below = [w for w in smaller if w.end <= at and w.start >= at - cfg.total_reach]     # the part above its whole
    if not below or any(is_count(q) for q in index.between(below[-1].end, at)):
        return []                   # only the count right before the cue
    return [(p, below[-1])]


def _target_below(text: str, r: Quantity, p: Quantity, smaller: list[Quantity], shared: int) -> list[tuple]:
    """改造管网128公里，改造率91.2% … 年度改造目标为120公里; 下达预算860万元，
    实际支出915.4万元，执行率98%: a target (after the rate, named like the
    part, or in the rate's own sentence) below the part of a rate of at most
    100% is still the rate's whole: a mistyped part or target."""
    s = sentence_start(text, r.start)
    if p.start < s or p.role in TARGET_ROLES or p.approx:
        return []               # the part is the count right before the rate in its sentence
    return [(p, w) for w in smaller if w.role in TARGET_ROLES and not w.approx and (w.start >= s or (
        w.start > r.end and common_run(p.indicator or "", w.indicator or "") >= shared))]


def _extensive(q: Quantity) -> bool:
    """A count or an amount that parts of a whole add up to; not a level per
    unit (39μg/m3, 5元/人), which no rate is a share of."""
    return is_count(q) and "/" not in (q.norm_unit or "") and q.norm_unit != POINTS_UNIT \
        and q.norm_unit not in search_config().level_units
    #  (人口出生率（5分）…入库率（5分）: points are no count a rate is a share of; nor ages)


def _adjacent_pair(index: Index, sent: list[Quantity], r: Quantity, wholes: list[Quantity], cfg) -> list[tuple]:
    """活产数512人，住院分娩人数508人，住院分娩率为99.22%: a rate right after the
    last two counts of its sentence, with nothing else between, is their ratio
    (not two levels of one move: 由上年末的1.2万人减少到0.35万人)."""
    if len(sent) < 2 or index.between(sent[-1].end, r.start):
        return []
    p, w = sent[-1], sent[-2]
    if p.norm_unit != w.norm_unit or index.between(w.end, p.start) or not any(w is q for q in wholes) \
            or _listed(index.text, w, p, cfg) or _move(index.text, w, p):
        return []
    return [(p, w)]



def _surveyed_apart(r: Quantity, a: Quantity, b: Quantity, cfg) -> bool:
    """A rate a survey measures (`survey_rates`: 满意率) and two counts neither of
    which is named for it (完成74户…（任务70户），完成率105%，满意率100%)."""
    name = r.indicator or ""
    ending = next((e for e in cfg.survey_rates if name.endswith(e)), None)
    if ending is None:
        return False
    head = ending[:2]
    return head not in (a.indicator or "") and head not in (b.indicator or "")


def _range_ends(a: Quantity, b: Quantity) -> bool:
    """数量1-5个: the two ends of one range are neither a part nor a whole."""
    return a.low is not None and a.high is not None and (a.low, a.high) == (b.low, b.high)


def _listed_parts(index: Index, a: Quantity, b: Quantity) -> bool:
    """a and b are two parts of one 其中 list (固定电话用户54109户，其中城市26109户，农村
    28000户): neither is the other's whole."""
    text = index.text
    s = sentence_start(text, min(a.start, b.start))
    if s != sentence_start(text, max(a.start, b.start)):
        return False
    cue = text.find("其中", s, min(a.start, b.start))
    return cue >= 0 and any(t.norm_unit == a.norm_unit and t.norm_value > max(a.norm_value, b.norm_value)
                            for t in index.between(s, cue))


def _move(text: str, a: Quantity, b: Quantity) -> bool:
    """由/从 A … 到/至 B (`from_words`, `to_words` of checks.yaml's dated_levels):
    two levels of one measure, the earlier and the later."""
    from .dated_levels import dated_config

    dc = dated_config()
    head, between = text[max(0, a.start - 12):a.start], text[a.end:b.start]
    return any(w in head for w in dc.from_words) and len(between) <= 12 and any(w in between for w in dc.to_words)


def _listed(text: str, a: Quantity, b: Quantity, cfg) -> bool:
    """建议8件、提案2件 (a right before b, joined as items of one list): two
    items counted side by side, not a whole and its part."""
    first, second = (a, b) if a.end <= b.start else (b, a)
    return text[first.end:second.start].lstrip().startswith(cfg.sibling_joins)


def _earlier_period(text: str, part: Quantity, r: Quantity, cfg) -> bool:
    """较去年全年94.36%的政策符合率: the rate is last year's, not of these counts
    (a cue in the rate's own clause; 较去年同期增长111% between the part and
    its share is the part's growth)."""
    between = text[max(part.end, clause_start(text, r.start)):r.start]
    return any(c in between for c in cfg.previous_cues)


def _share_cue(text: str, r: Quantity, sent: list[Quantity], cfg) -> int | None:
    """The position of 占 (or 完成…的) between the part and the share, if any."""
    prev_end = max([q.end for q in sent if q.end <= r.start and not _inside_cue(text, q, r, cfg)] or
                   [sentence_start(text, r.start)])
    head_start = max(prev_end, r.start - cfg.label_reach)
    return _cue_at(text, head_start, r.start, cfg)


def _cue_at(text: str, lo: int, hi: int, cfg) -> int | None:
    best, w = None, rate_words()
    for cue in cfg.share_cues:
        i = text.rfind(cue, lo, hi)
        if i >= 0 and (cue == w.whole_cue or w.of_word in text[i:hi]) and (best is None or i > best):
            best = i
    return best


def _inside_cue(text: str, q: Quantity, r: Quantity, cfg) -> bool:
    """A whole written inside the share phrase: 占转移劳动力28415人的47%, 完成目标任务6011的92.4%."""
    i = _cue_at(text, max(0, q.start - 16), q.start, cfg)
    return i is not None and "，" not in text[i:r.start] and "," not in text[i:r.start]


def _part_of(label: str, before: list[Quantity], cfg) -> list[Quantity]:
    """The part of a share: the count right before it, or, when the whole is
    named with a count unit (占低保户的38.2%), the nearest count in that unit."""
    unit = label[-1:] if label[-1:] in cfg.count_units or label[-1:] in cfg.unit_variants else ""
    unit = cfg.unit_variants.get(unit, unit)
    if not unit or not before or before[-1].norm_unit == unit:
        return before[-1:]
    return [q for q in before if q.norm_unit == unit][-1:]


def _subject_names(text: str, part: Quantity, at: int, cfg) -> bool:
    """…其中城市低保对象1320人，…老年人占41.7%、残疾人占18.2%: a share whose own
    subject stands right before its cue, in a later clause or list item than
    the count, is that subject's share: the count is its part only when the
    subject shares a word (`ratio_part_name_chars` characters) with its name."""
    lo = max(part.end, *(text.rfind(ch, part.end, at) + 1 for ch in _SUBJECT_BREAKS))
    if lo == part.end:
        return True             # 1320人占13.4%: nothing between the count and its cue
    subject = text[lo:at].strip()
    if len(subject) < cfg.ratio_part_name_chars or not all("\u4e00" <= ch <= "\u9fff" for ch in subject):
        return True
    return common_run(subject, part.indicator or "") >= cfg.ratio_part_name_chars


_SUBJECT_BREAKS = "，,、；;"


def _subject_part(text: str, before: list[Quantity], at: int, parts: list[Quantity], cfg) -> list[Quantity]:
    """其中税收收入11.08亿元，非税收入4.54亿元，税收占比为70.9%: the share's own
    subject (税收, right before its cue) names one count of the sentence better
    than the count right before it: the one whose name starts with the subject."""
    if not parts or len(before) < 2:
        return parts
    lo = max(parts[0].end, *(text.rfind(ch, parts[0].end, at) + 1 for ch in _SUBJECT_BREAKS))
    subject = text[lo:at].strip()
    if lo == parts[0].end or len(subject) < cfg.ratio_part_name_chars \
            or not all("\u4e00" <= ch <= "\u9fff" for ch in subject) or (parts[0].indicator or "").startswith(subject):
        return parts
    named = [q for q in before if q.norm_unit == parts[0].norm_unit and (q.indicator or "").startswith(subject)]
    return named[-1:] or parts


def _with_unit(q: Quantity, parts: list[Quantity]) -> Quantity:
    """占目标任务6011的92.4%: a bare whole inside the phrase has the part's unit."""
    if q.unit is None and q.norm_unit is None and parts and parts[0].value:
        p = parts[0]
        return replace(q, unit=p.unit, norm_unit=p.norm_unit, norm_value=q.value * p.norm_value / p.value)
    return q


def common_run(a: str, b: str) -> int:
    """Length of the longest common substring."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def _names(w: Quantity, label: str, text: str, cfg) -> bool:
    """The words before w name the whole ``label`` names. A total word of the
    label (总数, 总量) alone names no whole: 占伤人总数的65.7% is not of 造成821人
    死亡 written after 占总数的43.5%; the rest of the label must match too
    (利润 of 占7户企业利润总额的46%, beside 利润总额)."""
    if len(label) < 2:
        return False
    name = _name_before(w, text, cfg)
    c = common_run(label, name)
    if c < 2 or c < 0.5 * len(label):
        return False
    own = _without_totals(label, cfg.total_labels)
    return len(own) < 2 or own == label or common_run(own, name) >= 2


def _part_of_another(index: Index, w: Quantity, label: str, cfg) -> bool:
    """一般贸易进出口15.6万亿元，占外贸总值的60.1% … 机电产品出口8.45万亿元，占
    出口总值的59%: w is given as a share of a whole named otherwise (外贸总值),
    and no word of the label is a word of w's name (出口 is inside 进出口): w is a
    part of that whole, not the one the label names."""
    own = _share_label_after(index, w, cfg)
    if not own or own == label or _generic(own, cfg):
        return False
    return not _shares_a_word(label, _name_before(w, index.text, cfg), cfg.total_labels)


def _without_totals(text: str, totals: tuple[str, ...]) -> str:
    """``text`` without its total words (总数, 总量…, the longest first)."""
    for word in sorted(totals, key=len, reverse=True):
        text = text.replace(word, "")
    return text


def _shares_a_word(label: str, name: str, totals: tuple[str, ...]) -> bool:
    """One word of the label (as the tokenizer cuts it, not a total word alone)
    is a word of the name: 出口总值 does not name 一般贸易进出口 (出口 is inside
    进出口); 7户企业利润总额 names 利润总额, 党员总数 names 有党员."""
    from ..claims.segment import tokenizer

    cut = tokenizer().lcut

    def words(text: str) -> set:     # (党员总数 is one word; 党员 of it names 有党员)
        return {w for w in cut(text) + cut(_without_totals(text, totals)) if len(w) >= 2 and w not in totals}

    mine = words(label)
    return not mine or bool(mine & words(name))


def _name_before(w: Quantity, text: str, cfg) -> str:
    return (w.indicator or "") + text[max(0, w.start - cfg.name_reach):w.start]


def _related(w: Quantity, p: Quantity, r: Quantity, sent: list[Quantity], cfg) -> bool:
    """The whole is clearly meant: the two counts name the same population
    (孕产妇建卡数, 孕产妇数; not one name twice outside the rate's sentence),
    or the part is named by the rate (系统管理, 系统管理率) and the whole is in
    the same sentence."""
    a, b = (w.indicator or ""), (p.indicator or "")
    rate = (r.indicator or "")[:-1]
    if w.norm_value == p.norm_value and not any(w is q for q in sent):
        return False        # (结案数121件 in another section: the same count again, no whole of it)
    if common_run(a, b) >= cfg.shared_name_chars:
        # one name twice is one indicator stated twice, two levels of it, not a
        # part and its whole (完成八家…提档升级 … 完成七家…提档升级，县域内就诊率85%)
        return a != b or any(w is q for q in sent)
    if len(a) >= 2 and a in b and any(w is q for q in sent):
        return True         # 计划内出生 of 出生: the part's name qualifies the whole's
    return common_run(b, rate) >= cfg.shared_name_chars and any(w is q for q in sent)


def judge_case(found, case: Case, cfg, typos: bool = True, why: str = "",
               sentence: list[Quantity] = (), quiet: bool = False) -> Quantity | None:
    """The whole the rate verified with, if any; a flag when a clearly meant pair
    nearly fits, and no other pair of the numbers right before the rate in
    ``sentence`` gives it (readings.py: 超出26人…超标率43.3% is 26/60);
    ``quiet``: verified or nothing, never a flag."""
    r = case.rate
    meant = []
    pairs = [(p, w) for p in case.parts for w in case.wholes]
    if case.meant or case.below:        # a clearly meant whole below the part is no candidate (exceeded)
        ids = {id(x) for x in case.wholes}
        pairs += [(p, w) for p, w in case.meant + [(case.parts[0], n) for n in case.below] if id(w) not in ids]
    for p, w in pairs:
        q = None if w is p else ar.quotient(p, w)
        if q is None:
            continue
        if ar.fits(r, *q):
            found.verify_quotient("ratio", f"{p.text}/{w.text} = {ar.at_precision(p.norm_value / w.norm_value, r, 2)}",
                                  p, w, r)
            return w
        if case.is_meant(p, w) and not _quotient_of_another(found, p, w, r) and not found.outranked(p, w, r) \
                and not found.target_of_another(p, w) \
                and not _other_things(p, w, cfg) and not _written_twice(found.text, p, w) \
                and not (case.role == "growth" and p.norm_unit == "ratio" and w.norm_unit == "ratio"):
            # (增长11.7%，其中…完成年度预算的57.6%，同比增长9.6%: a growth rate is not
            # flagged as the quotient of two other rates; it may still verify as one)
            meant.append((ar.miss(r, *q), p, w))
    limit = cfg.near_miss_share if case.kind == "share" and not case.loose else cfg.near_miss_ratio
    meant.sort(key=lambda c: c[0])
    if case.kind == "ratio" and (pair := _over_both(r, meant, sentence, cfg)) is not None:
        p, w = pair     # 批准逮捕174人，不批准逮捕31人，不捕率15.12%: 31/(174+31)
        found.verify("ratio", f"{p.text}/({w.text}+{p.text}) = "
                              f"{ar.at_precision(p.norm_value / (p.norm_value + w.norm_value), r, 2)}", [p, w, r], r)
        return None
    if meant and (pair := _pair_over(found.text, r, sentence, cfg)) is not None:
        a, b, w = pair      # 结案440件（调解结案211件，撤诉97件，调撤率为70%）: (211+97)/440
        found.verify("ratio", f"({a.text}+{b.text})/{w.text} = "
                              f"{ar.at_precision((a.norm_value + b.norm_value) / w.norm_value, r, 2)}", [a, b, w, r], r)
        return None
    if meant and sentence:
        window = readings.before(r, sentence)
        keep = tuple(x for _, p, w in meant[:1] for x in (p, w)) + tuple(window[-1:])
        if (pair := readings.quotient_reading(r, window, keep)) is not None:
            found.verify("ratio", f"{pair[0].text}/{pair[1].text} → {r.text}", list(pair), r)
            return pair[1]
    if quiet or r.approx:
        return None         # (占贸易总额的7.9%左右: a rate written as about so much accuses nothing)
    for m, p, w in meant:
        slip = _other_mille(r, cfg)
        if slip is not None and (q := ar.quotient(p, w)) and ar.fits(slip, *q):
            x = p.norm_value / w.norm_value
            found.flag("ratio", r, f"{p.text}/{w.text} = {ar.at_precision(x, slip, 2)}"
                       f"（{'‰误写为%' if slip.unit == '‰' else '%误写为‰'}）" + why, [p, w])
            return None
    # the nearest meant pair when it is a near miss; else the nearest one whose
    # gap one mistyped digit explains (办结28件 of 86件 at 95.3%: 82件, though
    # 86/28 is the nearer quotient)
    for m, p, w in meant:
        typo = [] if m <= limit or not typos else \
            [(q, t) for q, t in ar.ratio_typo(r, p, w) if not _one_digit_to_all(r, q)]
        # (a whole only guessed, the nearest larger count, is fitted by some one-digit slip by chance)
        if m <= limit or typo:
            x = p.norm_value / w.norm_value
            found.flag("ratio", r, f"{p.text}/{w.text} = {ar.at_precision(x, r, 2)}"
                       f"（按所报精度为{ar.at_precision(x, r)}）" + (ar.typo_note(typo) if typo else "") + why, [p, w])
            return None
    for p, w in case.typo_only if typos else ():
        if (typo := [(q, t) for q, t in ar.ratio_typo(r, p, w) if ar.digit_count(q) >= 2]):
            x = p.norm_value / w.norm_value
            found.flag("ratio", r, f"{p.text}/{w.text} = {ar.at_precision(x, r, 2)}（{p.text}多于{w.text}）"
                       + ar.typo_note(typo) + why, [p, w])
            break
    return None


def _one_digit_to_all(r: Quantity, q: Quantity) -> bool:
    """专任教师8人，其中中级职称3人，初级职称5人，合格率100%: a rate of 100% read
    as a slip of a one-digit count into the other (5人 for 8人) tells nothing: any
    one digit is one slip from any other, and the rate's own count (合格) need
    not be written; a count of two digits or more still tells."""
    return q is not r and ar.digit_count(q) < 2 and abs(r.norm_value - 1.0) < 1e-9


def _written_twice(text: str, p: Quantity, w: Quantity) -> bool:
    """二、200个城市空气质量状况。全国200个城市平均优良天数比例为88.1%: a count
    equal to its whole in another sentence, or a bound equal to a bound (超过10起
    and 增量超过10起省份), is one count written twice, no part of itself; a rate
    other than 100% is of something else. (In one sentence, 应到45人，实到45人，
    到会率93.3% is a slip of one of them.)"""
    if p.norm_value != w.norm_value or p.norm_unit != w.norm_unit:
        return False
    return (p.approx is not None and w.approx is not None) \
        or sentence_start(text, p.start) != sentence_start(text, w.start)


def _other_things(p: Quantity, w: Quantity, cfg) -> bool:
    """233所学校 and 239座厕所: counts in two classifiers count two kinds of
    thing; one is no part of the other, so their quotient accuses no rate."""
    return p.norm_unit != w.norm_unit and p.norm_unit in cfg.count_units and w.norm_unit in cfg.count_units


def _over_both(r: Quantity, meant: list, sentence: list[Quantity], cfg) -> tuple | None:
    """批准逮捕142件174人，不批准逮捕27件31人，不捕率为15.12%: a rate of the second
    of two counts of one unit written side by side is its share of both, p/(w+p),
    when p/w misses and the rate's sentence writes no other count of the unit:
    two outcomes of one whole that is not written (42户…盈利35户，亏损7户 writes it).
    Only for counts of cases or people (`count_units`), and only where the two
    readings differ by a twentieth or more (a small part of a large amount
    reads alike both ways)."""
    for _, p, w in meant:
        if any(q is not p and q is not w and q.norm_unit == p.norm_unit and is_count(q) for q in sentence) \
                or p.norm_unit not in cfg.count_units or p.norm_value * 20 < w.norm_value:
            continue
        if p.norm_unit == w.norm_unit and p.start > w.end and p.norm_value > 0 and w.norm_value > 0:
            (p0, p1), (w0, w1) = ar.bounds(p), ar.bounds(w)
            if ar.fits(r, p0 / (p0 + w1), p1 / (p1 + w0)):
                return p, w
    return None


def _pair_over(text: str, r: Quantity, sentence: list[Quantity], cfg) -> tuple | None:
    """结案440件（调解结案211件，撤诉97件，调撤率为70%）: a rate right after two
    counts of one unit, when no clearly meant pair fits it, may be their sum
    over a larger count of the unit before them in its sentence (two outcomes
    counted together). Whole counts only, and the larger count is the
    nearest before them that fits."""
    counts = [q for q in sentence if q.end <= r.start and is_count(q) and q.norm_value is not None]
    if len(counts) < 3:
        return None
    a, b = counts[-2], counts[-1]
    if a.norm_unit != b.norm_unit or ar.decimals(a) or ar.decimals(b) or a.approx or b.approx \
            or cfg.sum_cue.search(text, a.end, b.start):
        return None             # (持证残疾人8200人，分别为肢体残疾4510人: a total and its part)
    part = a.norm_value + b.norm_value
    for w in reversed(counts[:-2]):
        if w.norm_unit == a.norm_unit and w.norm_value > part and not w.approx:
            w0, w1 = ar.bounds(w)
            if w0 > 0 and ar.fits(r, part / w1, part / w0):
                return a, b, w
    return None


def _other_mille(r: Quantity, cfg) -> Quantity | None:
    """The rate read in the other of % and ‰ (出生率8.26% for 8.26‰): a slip of
    the unit, the digits right; only for a rate written per mille by convention
    (`per_mille_rates`), where the slip is likelier than a chance fit."""
    if r.value is None or r.unit not in ("%", "％", "‰") or not (r.indicator or "").endswith(cfg.per_mille_rates):
        return None
    if r.unit == "‰":
        return replace(r, unit="%", norm_value=r.norm_value * 10)
    return replace(r, unit="‰", norm_value=r.norm_value / 10)


def _quotient_of_another(found, p: Quantity, w: Quantity, r: Quantity) -> bool:
    """Whether p/w already verified as another rate (办结2.31万件/受理2.36万件 =
    办结率97.9%): one quotient is one rate, so a second rate beside it
    (满意率96.5%) is of other counts."""
    sp, sw, sr = [p.start, p.end], [w.start, w.end], [r.start, r.end]
    return any(v["kind"] in ("ratio", "completion") and sp in v["spans"] and sw in v["spans"]
               and sr not in v["spans"] for v in found.verified)


def check_share_lists(index: Index, found, cfg) -> None:
    """分别占全市信访总量的12.68%、…: each share of a whole count must be a whole
    number of its units; a list where most shares cannot be is flagged once."""
    text, whole_cue = index.text, rate_words().whole_cue
    groups = {}
    for q in index.qs:
        if q.group is not None and is_rate(q):
            groups.setdefault(q.group, []).append(q)
    for shares in groups.values():
        at = text.rfind(whole_cue, max(0, shares[0].start - cfg.label_reach), shares[0].start)
        if at < 0 or len(shares) < 2:
            continue
        label = cfg.share_label_trim.sub("", text[at + len(whole_cue):shares[0].start])
        whole = [w for w in index.before(shares[0], cfg.whole_reach, same_paragraph=False)
                 if is_count(w) and w.norm_unit in cfg.count_units and w.value == w.norm_value
                 and not ar.decimals(w) and _names(w, label, text, cfg)]
        if whole and not any(len(_not_whole(shares, w)) * 2 <= len(shares) for w in whole) \
                and not _listed_counts_fit(index, shares) and not _mixed_wholes(index, shares):
            # (any count named like the whole that the shares fit is the one: 报告病例30例 after 水痘13例)
            best = max(reversed(whole), key=lambda w: common_run(label, (w.indicator or "") +
                                                            text[max(0, w.start - cfg.name_reach):w.start]))
            _whole_counts(found, text, shares, best)


def _listed_before(index: Index, shares: list[Quantity]) -> list[Quantity]:
    """The quantities of a share list's sentence before its first share."""
    return index.between(sentence_start(index.text, shares[0].start), shares[0].start)


def _mixed_wholes(index: Index, shares: list[Quantity]) -> bool:
    """火灾21.4万起，亡1120人，伤690人，损失27.2亿元，分别占总数的90.6%、93.9%、
    90.4%和86.1%: the amounts listed right before the shares, one per share,
    are of different units, so each share is of a whole of its own."""
    before = [q for q in _listed_before(index, shares) if q.norm_value is not None and not is_rate(q)][-len(shares):]
    return len(before) == len(shares) and len({q.norm_unit for q in before}) > 1


def _listed_counts_fit(index: Index, shares: list[Quantity]) -> bool:
    """0-10岁组18例，10-20岁组6例，…，分别占报告发病总数的60%、20%、…: the counts
    listed right before the shares, as many as they, of one unit, are their
    parts, and their sum the whole; True when most shares fit count/sum."""
    counts = [q for q in _listed_before(index, shares) if is_count(q)]
    if not counts:
        return False
    before = [q for q in counts if q.norm_unit == counts[-1].norm_unit][-len(shares):]     # (not the ages between)
    if len(before) != len(shares):
        return False
    total = sum(q.norm_value for q in before)
    if total <= 0:
        return False
    fit = sum(1 for q, s in zip(before, shares) if ar.fits(s, q.norm_value / total, q.norm_value / total))
    return fit * 2 > len(shares)


def _not_whole(shares: list[Quantity], whole: Quantity) -> list[str]:
    """The shares of ``whole`` that are no whole number of its units."""
    bad = []
    for s in shares:
        lo, hi = (b * whole.norm_value for b in ar.bounds(s))
        if math.floor(hi + 1e-9) < lo - 1e-9:
            bad.append(f"{s.text}×{whole.norm_value:g} = {s.norm_value * whole.norm_value:.2f}")
    return bad


def _whole_counts(found, text: str, shares: list[Quantity], whole: Quantity) -> None:
    bad = _not_whole(shares, whole)
    if len(bad) * 2 > len(shares):
        found.flag("ratio", shares[-1], f"占{whole.text}的各项比例应对应整数个，但" + "；".join(bad) +
                   f"，都不是整数（{len(bad)}/{len(shares)}项）", [whole, *shares[:-1]],
                   span=(shares[0].start, shares[-1].end), tail="")
