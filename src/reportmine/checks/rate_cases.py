"""A rate's case: the counts it may be the quotient of (checks/rates.py).

For a rate (…率x%) or a share (占…的x%): the counts right before it that may
be its part, the larger counts of the same unit earlier in the paragraph that
may be its whole, and the pairs clearly meant (a share's whole named after 占,
a rate whose counts name the same population); the words of checks.yaml's
rates section.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..claims.clauses import clause_start, sentence_start
from ..document import TARGET_ROLES, Quantity
from ..resources import DataFileError, load_yaml, require, word, word_list
from . import arithmetic as ar
from .neighbourhood import POINTS_UNIT, Index, common_run, is_count, is_rate, sentence_end, written_as_change
from .search_config import search_config

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


def given_as_share(index: Index, w: Quantity, cfg, label: str = "") -> bool:
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


def build_case(index: Index, r: Quantity, cfg) -> Case | None:
    if (r.indicator or "").endswith(cfg.contribution_rates):
        return None     # 对全县经济增长的贡献率为2.9%: a share of the whole's change, not of its level
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
        # (森林面积净增2200万亩，森林覆盖率由a%提高到b%: a count written as a change is no
        # count of a rate; a share may still be of one, 净增3.2万亩，占林地面积的2.7%)
        sent = [q for q in sent if not written_as_change(text, q, cfg)]
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
            [w for w in wholes if by_name and names_whole(w, label, text, cfg)     # 占7户企业利润总额: 7户 names, is not the whole
             and not given_as_share(index, w, cfg, label)     # (农村火灾21.4万起，占火灾总数的53.5%: a part)
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
    target of the part's unit within `whole_reach` after the rate (`later`,
    and before the next section's heading) or before its part, named like the
    part (`shared_name_chars`), is its whole; of several, the best named."""
    name = part.indicator or ""
    if len(name) < cfg.shared_name_chars:
        return []
    span = (r.end, r.end + cfg.whole_reach) if later else (part.start - cfg.whole_reach, part.start)
    if later:       # (a heading between: 二、2025年主要目标 states the next period's, not this one's)
        span = (span[0], min([span[1]] + [s.start for s in index.doc.sections if span[0] < s.start < span[1]]))
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


def names_whole(w: Quantity, label: str, text: str, cfg) -> bool:
    """The words before w name the whole ``label`` names. A total word of the
    label (总数, 总量) alone names no whole: 占伤人总数的65.7% is not of 造成821人
    死亡 written after 占总数的43.5%; the rest of the label must match too
    (利润 of 占7户企业利润总额的46%, beside 利润总额)."""
    written, label = label, cfg.label_period.sub("", label)    # (占全年任务的: 全年 is a period, naming no whole)
    if len(label) < 2:
        return False
    name = name_before(w, text, cfg)
    c = common_run(label, name)
    if c < 2 or c < 0.5 * len(written):
        return False
    head = _without_measure(label, cfg.measure_words)
    if head != label and len(head) >= 2 and common_run(head, name) < 2:
        return False        # (占耕地面积的 is not of 水稻播种面积: only 面积 is shared)
    own = without_totals(label, cfg.total_labels)
    return len(own) < 2 or own == label or common_run(own, name) >= 2


def _part_of_another(index: Index, w: Quantity, label: str, cfg) -> bool:
    """一般贸易进出口15.6万亿元，占外贸总值的60.1% … 机电产品出口8.45万亿元，占
    出口总值的59%: w is given as a share of a whole named otherwise (外贸总值),
    and no word of the label is a word of w's name (出口 is inside 进出口): w is a
    part of that whole, not the one the label names."""
    own = _share_label_after(index, w, cfg)
    if not own or own == label or _generic(own, cfg):
        return False
    return not _shares_a_word(label, name_before(w, index.text, cfg), cfg.total_labels)


def _without_measure(label: str, words: tuple[str, ...]) -> str:
    """The label without the measure word it ends in (耕地面积 -> 耕地)."""
    for word in words:
        if label.endswith(word):
            return label[:-len(word)]
    return label


def without_totals(text: str, totals: tuple[str, ...]) -> str:
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
        return {w for w in cut(text) + cut(without_totals(text, totals)) if len(w) >= 2 and w not in totals}

    mine = words(label)
    return not mine or bool(mine & words(name))


def name_before(w: Quantity, text: str, cfg) -> str:
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
