"""Growth rates against the earlier level they imply.

- A whole count with a growth rate right after it (受伤5人，同比下降31.6%):
  last year's count is 5/(1−31.6%) = 7.31, and a count of people is a whole
  number; when no whole number gives the stated rate within its rounding, the
  rate (or the count) is wrong. The message names the two nearest whole
  levels and the rates they give.
- A level, its absolute change and the rate in one sentence (收入31845万元，
  比上年减收1391万元，下降4.2%): the rate is change/(level ∓ change), or
  change/level when the level is the earlier one (比上年的27人减少6人).
"""

from __future__ import annotations

import math

from ..claims.clauses import clause_start, sentence_start
from ..document import Quantity
from . import arithmetic as ar
from . import readings
from .neighbourhood import Index, common_run, is_count, is_rate, written_as_change
from .readings import growth_reading


def check_levels(index: Index, found, cfg) -> None:
    for i, g in enumerate(index.qs):
        if not is_rate(g) or g.group is not None or g.start in found.judged or i == 0:
            continue
        down = _direction(index.text, g, cfg)
        if down is None:
            continue
        if _of_a_rate(g, cfg):
            continue        # 不批准逮捕35人，不批准逮捕率同比上升21.37%: the rate's change, not the count's
        sent = index.between(sentence_start(index.text, g.start), g.start)
        if _average_level(found, index, sent, g, down, cfg):
            continue
        level = _level_before(sent)
        if level is not None and _with_change(found, index.text, level, sent[-1], g, down, cfg):
            continue
        if sent and _change_alone(found, index.text, sent[-1], g, down, cfg):
            continue
        if sent and _bracketed(found, index, sent, g, down, cfg):
            continue
        if len(sent) >= 2 and cfg.bracket_subset.match(index.text, sent[-2].end) is not None:
            continue        # 受理案件6380件（含旧存214件），同比上升3.85%: the bracket's part is not the level
        if sent and _adjacent(index.text, sent[-1], g, cfg):
            _paired_level(found, index.text, sent, g, down, cfg)
        elif sent:
            named = _named_count(index, sent, g, cfg)
            if named is not None:
                _whole_level(found, named, g, down, cfg)


def _of_a_rate(g: Quantity, cfg) -> bool:
    """The growth is named after a rate (不起诉率同比上升12.41%, 占比同比提高): it is
    that rate's relative change, no count's, and gives no count an earlier level."""
    name = g.indicator or ""
    return name.endswith("率") or name.endswith(tuple(cfg.rate_endings))


def check_level_lists(index: Index, found, cfg) -> None:
    """警情214起，其中出警37起，…，警情数、出警数分别下降11.6%、42.2%: a 分别 list
    of growth rates pairs, in order, with the whole counts before it in its
    sentence (after any earlier rate) when there are exactly as many; each pair is then a count and its
    growth (the earlier level must be a whole number)."""
    groups: dict = {}
    for q in index.qs:
        if q.group is not None and is_rate(q):
            groups.setdefault(q.group, []).append(q)
    for rates in groups.values():
        first = rates[0]
        down = _direction(index.text, first, cfg)
        if down is None or any(g.start in found.judged for g in rates):
            continue
        sent = index.between(sentence_start(index.text, first.start), first.start)
        last_rate = _last_index(sent, is_rate)
        counts = [q for q in sent[last_rate + 1:] if q.norm_unit in cfg.count_units and q.role != "other"]
        if len(counts) != len(rates) or len(rates) < 2:     # (纳入统计的14个景区…: the bodies counted, no level)
            continue
        for q, g in zip(counts, rates):
            if not _named_apart(q, g):
                _whole_level(found, q, g, down, cfg)


def check_change_lists(index: Index, found, cfg) -> None:
    """事故52宗，死亡9人，…，与去年同期相比，分别下降38.1%、下降43.8%、纯增16.0万元:
    a 分别 list of changes each with its own direction word pairs, in order,
    with the counts before it in its sentence (after any earlier change) when
    there are exactly as many; each count and its rate are then checked for a
    whole earlier level."""
    text = index.text
    for m in cfg.change_list_cue.finditer(text):
        end = min(text.find(c, m.end()) % (len(text) + 1) for c in "。；;\n")
        items = []
        for q in index.between(m.end(), end):
            if q.role != "growth" or q.start in found.judged:
                break
            items.append(q)
        sent = index.between(sentence_start(text, m.start()), m.start())
        last = _last_index(sent, lambda q: q.role == "growth" or is_rate(q))
        counts = sent[last + 1:]
        if len(items) < 2 or len(counts) != len(items):
            continue
        last = None     # 分别下降12.5%、25%: an item with no direction word of its own goes the list's way
        for q, g in zip(counts, items):
            if not is_rate(g):
                continue
            down = _stated_direction(text, g, cfg, last) if last is not None else _direction(text, g, cfg)
            last = down if down is not None else last
            if down is not None and q.norm_unit in cfg.count_units and not _named_apart(q, g):
                _whole_level(found, q, g, down, cfg)


def _named_apart(count: Quantity, rate: Quantity) -> bool:
    """火灾52起，死亡8人，受伤17人，火灾起数、死亡人数、直接财产损失同比分别下降…:
    a rate whose list names its own measure (直接财产损失) that shares no two
    characters with the name of the count paired with it by order (…受伤), nor
    its unit, is the change of something the sentence gives no level for."""
    a, b = count.indicator or "", rate.indicator or ""
    if len(a) < 2 or len(b) < 2 or (count.unit and count.unit in b):
        return False        # (集访52批843人次，…批次、人次分别上升: the list names the units)
    return not {a[i:i + 2] for i in range(len(a) - 1)} & {b[i:i + 2] for i in range(len(b) - 1)}


def _last_index(qs: list[Quantity], pred) -> int:
    """The index of the last quantity that ``pred`` holds for, -1 for none (read
    from the end: a sentence's earlier lists are not read again for each list)."""
    for i in range(len(qs) - 1, -1, -1):
        if pred(qs[i]):
            return i
    return -1


def _average_level(found, index: Index, sent: list[Quantity], g: Quantity, down: bool, cfg) -> bool:
    """事故23起，…，事故起数与前3年均比下降28.1%: against the average of the N
    earlier years, whose total, 23/(1−28.1%) × 3, is a whole number of 起."""
    start = clause_start(index.text, g.start)
    m = cfg.average_cue.search(index.text, start, g.start)
    if m is None or not sent:
        return False
    years = cfg.small_numerals.get(m.group(1), None) or int(m.group(1))
    q = _named_count(index, sent, g, cfg, index.text[max(start, index.text.rfind("、", start, m.start()) + 1):m.start()])
    bounds = _level_range(q, g, down, cfg) if q is not None else None
    if bounds is None:
        return q is not None
    lo, hi = bounds[0] * years, bounds[1] * years
    n, word = math.floor(hi + 1e-9), "下降" if down else "增长"
    head = f"{q.text}较前{years}年平均{word}{g.text}：前{years}年合计应为{q.norm_value:g}/(1{'−' if down else '+'}{g.text})×{years}"
    if n >= lo - 1e-9 and n >= 1:
        found.verify("growth", f"{head} = {n}{q.unit}", [q, g], g)
    else:
        total = q.norm_value / (1 - g.norm_value if down else 1 + g.norm_value) * years
        found.flag("growth", g, f"{head} = {total:.2f}{q.unit}，不是整数", [q])
    return True


def _named_count(index: Index, sent: list[Quantity], g: Quantity, cfg, subject: str | None = None) -> Quantity | None:
    """事故8起、死亡4人、受伤5人，…受伤人数同比下降31.6%: the one count of the
    sentence whose name shares the most with the rate's subject (事故起数 also
    names the unit 起 it counts in)."""
    from .repeats import growth_subject

    subject = subject.strip(" ，,") if subject is not None else growth_subject(index.text, g, index.qs, cfg)
    if not subject or len(subject) < cfg.subject_min_chars:
        return None
    names = [index.text[(sent[i - 1].end if i else max(0, q.start - cfg.name_reach)):q.start]
             for i, q in enumerate(sent)]          # as written (the claims stage may normalize the script)
    scored = sorted(((common_run(subject, names[i] + (q.indicator or "")) + _counted_in(subject, q, cfg), i)
                     for i, q in enumerate(sent) if q.norm_unit in cfg.count_units
                     and q.role not in ("growth", "difference")),      # (减少3人（下降16.7%）: a change is no level)
                    reverse=True)
    if not scored or scored[0][0] < 2 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return sent[scored[0][1]]


def _counted_in(subject: str, q: Quantity, cfg) -> int:
    """事故起数 is counted in 起, 死亡人数 in 人: 2 when the subject names q's unit
    as what it counts (unit then 数), else 0."""
    unit = cfg.unit_variants.get(q.unit or "", q.unit or "")
    return 2 if unit and (unit + "数") in subject else 0


def _level_before(sent: list[Quantity]) -> Quantity | None:
    """The level an absolute change (sent[-1]) is measured from: the nearest
    earlier amount of the same unit that is not a target."""
    if len(sent) < 2:
        return None
    change = sent[-1]
    for q in reversed(sent[:-1]):
        if is_count(q) and q.norm_unit == change.norm_unit and q.role not in ("target", "basic_target", "full_target"):
            return q
    return None


def _direction(text: str, g: Quantity, cfg) -> bool | None:
    """True for a fall, False for a rise, None when the rate is not a growth."""
    return _stated_direction(text, g, cfg, False if g.role == "growth" else None)


def _stated_direction(text: str, g: Quantity, cfg, otherwise: bool | None = None) -> bool | None:
    """The direction the text gives the rate (its own mark, or a word right
    before it); ``otherwise`` when it gives none."""
    if g.direction in ("up", "down"):
        return g.direction == "down"
    head = text[max(0, g.start - 6):g.start]
    if any(w in head for w in cfg.fall_words):
        return True
    if any(w in head for w in cfg.rise_words):
        return False
    return otherwise


def _adjacent(text: str, q: Quantity, g: Quantity, cfg) -> bool:
    between = cfg.unit_rest.sub("", text[q.end:g.start], count=1)
    return len(between) <= cfg.growth_gap and not any(c in between for c in "。；;\n") \
        and cfg.growth_link.search(between) is not None


def _paired_level(found, text: str, sent: list[Quantity], g: Quantity, down: bool, cfg) -> None:
    """来访84件112人次，同比上升47.37%: two counts written together share the
    rate's place; it verifies with either and is flagged (on the first) only
    when neither gives a whole earlier level."""
    pair = sent[-2:] if len(sent) >= 2 and not text[sent[-2].end:sent[-1].start].strip() else sent[-1:]
    if len(pair) == 1:
        _whole_level(found, pair[0], g, down, cfg, sent)
        return
    for q in pair:
        if _level_range(q, g, down, cfg) is not None and _whole_fits(q, g, down, cfg):
            _whole_level(found, q, g, down, cfg, sent)
            return
    _whole_level(found, pair[0], g, down, cfg, sent)


def _level_range(q: Quantity, g: Quantity, down: bool, cfg) -> tuple[float, float] | None:
    """The earlier levels q and its growth g allow, when narrower than one unit
    (none for a range, 提高10%~20%, or a level or rate written as about so much)."""
    if q.norm_unit not in cfg.count_units or q.approx or ar.decimals(q) or q.value != q.norm_value \
            or q.norm_value < 1 or (down and g.norm_value >= 1) or g.approx \
            or q.low is not None or g.low is not None:
        return None
    g0, g1 = ar.bounds(g)
    lo, hi = (q.norm_value / (1 - g0), q.norm_value / (1 - g1)) if down else \
        (q.norm_value / (1 + g1), q.norm_value / (1 + g0))
    return (lo, hi) if hi - lo < 1 else None


def _whole_fits(q: Quantity, g: Quantity, down: bool, cfg) -> bool:
    lo, hi = _level_range(q, g, down, cfg)
    n = math.floor(hi + 1e-9)
    return n >= lo - 1e-9 and n >= 1


def _whole_level(found, q: Quantity, g: Quantity, down: bool, cfg, sentence: list[Quantity] = ()) -> None:
    """q's earlier level by the rate g must be a whole number; before a miss is
    flagged, other pairs of the numbers before g in ``sentence`` are tried
    (readings.py)."""
    bounds = _level_range(q, g, down, cfg)
    if bounds is None:
        return
    lo, hi = bounds
    implied = q.norm_value / (1 - g.norm_value if down else 1 + g.norm_value)
    n = math.floor(hi + 1e-9)
    word = "下降" if down else "增长"
    if n >= lo - 1e-9 and n >= 1:
        found.verify("growth", f"上期应为{n}{q.unit}：{q.text}/{n} 即{word}{_rate(q, n, down)}", [q, g], g)
        return
    if sentence and (pair := growth_reading(g, readings.before(g, sentence), (q,))):
        # 比去年50人增长72% after 86人: 50 is the earlier level, and 86 and 50 give the rate
        found.verify("growth", f"{pair[0].text}、{pair[1].text} → {g.text}", list(pair), g)
        return
    options = "，".join(f"{k}{q.unit}时为{word}{_rate(q, k, down)}" for k in (math.floor(lo), math.ceil(hi)) if k > 0)
    found.flag("growth", g, f"{q.text}{word}{g.text}，上期应为{q.norm_value:g}/(1{'−' if down else '+'}{g.text})"
               f" = {implied:.2f}{q.unit}，不是整数（{options}）", [q])


def _change_alone(found, text: str, c: Quantity, g: Quantity, down: bool, cfg) -> bool:
    """受理投诉减少12件，下降30.0%: a count its clause gives as a change is no
    level; the rate is the change over the earlier level, so that level,
    12/30.0% = 40, must be a whole number. True when c is such a change."""
    if not written_as_change(text, c, cfg) or not _adjacent(text, c, g, cfg):
        return False
    if c.norm_unit not in cfg.count_units or c.approx or ar.decimals(c) or c.value != c.norm_value \
            or c.norm_value < 1 or g.approx or g.norm_value <= 0:
        return True
    g0, g1 = ar.bounds(g)
    if g0 <= 0:
        return True
    lo, hi = c.norm_value / g1, c.norm_value / g0
    if hi - lo >= 1:
        return True
    n = math.floor(hi + 1e-9)
    word = "下降" if down else "增长"
    if n >= lo - 1e-9 and n >= 1:
        found.verify("growth", f"上期应为{n}{c.unit}：变化{c.text}/{n} 即{word}{c.norm_value / n * 100:.2f}%", [c, g], g)
    else:
        options = "，".join(f"{k}{c.unit}时为{word}{c.norm_value / k * 100:.2f}%"
                            for k in (math.floor(lo), math.ceil(hi)) if k > 0)
        found.flag("growth", g, f"变化{c.text}即{word}{g.text}，上期应为{c.norm_value:g}/{g.text}"
                   f" = {c.norm_value / g.norm_value:.2f}{c.unit}，不是整数（{options}）", [c])
    return True


def _bracketed(found, index: Index, sent: list[Quantity], g: Quantity, down: bool, cfg) -> bool:
    """交通事故23起（其中，货车事故9起、…、摩托车事故1起），同比下降8%: the
    rate after a closing bracket is the count's before the bracket, not the
    last part's inside it. True when the last count stands in such a bracket;
    the total is only verified by it, never flagged (受理4210件（含旧存190件），
    上升6.35% may compare the cases without those carried over)."""
    text, last = index.text, sent[-1]
    between = text[last.end:g.start]
    close = max(between.rfind("）"), between.rfind(")"))
    if close < 0 or any(c in between[:close] for c in "（("):
        return False
    lo = sentence_start(text, last.start)
    opening = max(text.rfind("（", lo, last.start), text.rfind("(", lo, last.start))
    if opening < 0 or any(c in text[opening + 1:last.start] for c in "）)"):
        return False
    before = [q for q in sent if q.end <= opening]
    if before and not text[before[-1].end:opening].strip():
        level = before[-1]
        tail = text[last.end + close + 1:g.start]
        if len(tail) <= cfg.growth_gap and cfg.growth_link.search(tail) is not None \
                and _level_range(level, g, down, cfg) is not None and _whole_fits(level, g, down, cfg):
            _whole_level(found, level, g, down, cfg)    # verified only: a total with its carried-over
            # part in brackets (受理4210件（含旧存190件），上升6.35%) may be compared without it
    return True


def _rate(q: Quantity, base: int, down: bool) -> str:
    return f"{abs(q.norm_value / base - 1) * 100:.2f}%"


def _with_change(found, text: str, level: Quantity, change: Quantity, g: Quantity, down: bool, cfg) -> bool:
    """A level, its change and the rate; the level may be this period's
    (31845万元，比上年减收1391万元，下降4.2%: 1391/(31845+1391)) or the earlier
    one (比上年的27人减少6人，下降22.2%: 6/27), as the words before it say."""
    if not (is_count(level) and is_count(change)) or level.norm_unit != change.norm_unit \
            or level.approx or change.approx or g.approx \
            or not cfg.change_cue.search(text[max(level.end, clause_start(text, change.start) - 1):change.start]) \
            or not _adjacent(text, change, g, cfg):
        return False
    head = text[max(0, level.start - cfg.label_reach):level.start]
    # (比上年的27人; stop 42's annotated pages: 与2015年（上次普查）的48.3万人相比, a year's level)
    earlier = head.endswith(tuple(cfg.previous_cues)) or cfg.dated_previous.search(head) is not None \
        or _compared_with(text, level, cfg)
    reading = _as_earlier(level, change) if earlier else _as_current(level, change, down)
    if reading is None:
        return False
    lo, hi, x, arith = reading
    if ar.fits(g, lo, hi):
        found.verify("growth", f"{arith} = {ar.at_precision(x, g, 2)}", [level, change, g], g)
    elif ar.miss(g, lo, hi) <= cfg.near_miss_growth or (typo := _change_typos(level, change, g, down, earlier)):
        note = ar.typo_note(typo) if ar.miss(g, lo, hi) > cfg.near_miss_growth else ""
        found.flag("growth", g, f"{arith} = {ar.at_precision(x, g, 2)}（按所报精度为{ar.at_precision(x, g)}）" + note,
                   [level, change])
    return True


def _compared_with(text: str, level: Quantity, cfg) -> bool:
    """与第六次人口普查的86300人相比: the level written between 与 and 相比
    is the one compared with, whatever words name its period."""
    return cfg.compared_close.match(text, level.end, level.end + 12) is not None \
        and cfg.compared_open.search(text, clause_start(text, level.start), level.start) is not None


def _change_typos(level: Quantity, change: Quantity, g: Quantity, down: bool, earlier: bool) -> list:
    """The numbers of level, change and rate whose one mistyped digit explains
    the rate: rate = change/level (earlier level), change/(level ± change)."""
    r0, r1 = ar.bounds(g)
    if r0 <= 0 or (not earlier and down and r1 >= 1):
        return []
    L, c = level.norm_value, change.norm_value
    if earlier:
        rate_iv, change_iv, level_iv = (c / L, c / L), (r0 * L, r1 * L), (c / r1, c / r0)
    elif down:          # rate = c/(L + c)
        rate_iv, change_iv, level_iv = (c / (L + c),) * 2, (r0 * L / (1 - r0), r1 * L / (1 - r1)), \
            (c / r1 - c, c / r0 - c)
    else:               # rate = c/(L − c)
        if L <= c:
            return []
        rate_iv, change_iv, level_iv = (c / (L - c),) * 2, (r0 * L / (1 + r0), r1 * L / (1 + r1)), \
            (c / r1 + c, c / r0 + c)
    out = []
    for q, iv in ((g, rate_iv), (change, change_iv), (level, level_iv)):
        if (r := ar.typo_reading(q, *iv)):
            out.append((q, r))
    return out


def _as_current(level: Quantity, change: Quantity, down: bool):
    """The level is this period's: the rate is change/(level ∓ change)."""
    (l0, l1), (c0, c1) = ar.bounds(level), ar.bounds(change)
    base0, base1 = (l0 + c0, l1 + c1) if down else (l0 - c1, l1 - c0)
    if base0 <= 0:
        return None
    x = change.norm_value / (level.norm_value + (change.norm_value if down else -change.norm_value))
    return c0 / base1, c1 / base0, x, f"{change.text}/({level.text}{'+' if down else '−'}{change.text})"


def _as_earlier(level: Quantity, change: Quantity):
    """The level is the earlier period's: the rate is change/level."""
    (l0, l1), (c0, c1) = ar.bounds(level), ar.bounds(change)
    if l0 <= 0:
        return None
    return c0 / l1, c1 / l0, change.norm_value / level.norm_value, f"{change.text}/{level.text}"
