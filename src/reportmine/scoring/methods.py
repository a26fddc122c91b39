"""The scoring methods: one small function each, formula in the docstring.

Every method takes the scored value ``x`` (normalized, as in the records),
the :class:`~.rules.Rule` (``w`` is its weight) and what it is scored against
(:class:`Given`: the rule's numbers, else the record's), and returns
:class:`Scored`: the points rounded half-up to 2 decimals, the arithmetic in
Chinese words, and whether ``x`` misses the rule's bar (what ``veto`` reads).
A value that cannot be scored (no target anywhere) raises :class:`Unscorable`.
All arithmetic is Decimal, so 10×(60+40×0.625)/100 is exactly 8.50.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .rules import Rule, Scale
from .units import plain

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Given:
    """What a method scores against: the rule's numbers, else the record's."""

    target: Decimal | None = None
    floor: Decimal | None = None
    satisfactory: Decimal | None = None
    scale: Scale = Scale()


@dataclass(frozen=True)
class Scored:
    points: Decimal
    detail: str
    missed: bool


class Unscorable(Exception):
    """The value cannot be scored by the rule; the message says why (Chinese)."""


def round_points(d: Decimal) -> Decimal:
    """Half-up to 2 decimals: 8.125 -> 8.13, 8.5 -> 8.50."""
    return d.quantize(CENT, rounding=ROUND_HALF_UP)


def efficacy(x: Decimal, rule: Rule, given: Given) -> Scored:
    """功效系数法. c = (x − floor) / (satisfactory − floor); lower is better:
    c = (floor − x) / (floor − satisfactory). c is clipped to [0, 1] and
    points = w × (base + (full − base) × c) / full. With ``zero_below_floor``,
    x worse than the floor scores 0. floor/satisfactory: the rule's, else the
    record's basic_target/full_target."""
    floor, sat, s, w = given.floor, given.satisfactory, rule.show, rule.weight
    if floor is None or sat is None:
        raise Unscorable("没有基本任务和满分指标（规则的 floor、satisfactory 或记录的 basic_target、full_target）")
    if floor == sat:
        raise Unscorable(f"基本任务与满分指标相同（{s(floor)}），无法计算功效系数")
    if rule.lower:
        c, expr = (floor - x) / (floor - sat), f"({s(floor)}-{s(x)})/({s(floor)}-{s(sat)})"
    else:
        c, expr = (x - floor) / (sat - floor), f"({s(x)}-{s(floor)})/({s(sat)}-{s(floor)})"
    text = f"功效系数 {expr} = {plain(c, 4)}"
    if c < 0 and rule.zero_below_floor:
        return Scored(Decimal("0.00"), f"{text}，{s(x)}差于不允许值{s(floor)}，得0分", True)
    used = min(max(c, Decimal(0)), Decimal(1))
    if used != c:
        text += f"，取 {plain(used)}"
    base, full = given.scale.base, given.scale.full
    points = round_points(w * (base + (full - base) * used) / full)
    return Scored(points, f"{text}，得分 {plain(w)}×({plain(base)}+{plain(full - base)}×{plain(used, 4)})"
                          f"/{plain(full)} = {points}", c < 0)


def tiers(x: Decimal, rule: Rule, given: Given) -> Scored:
    """Multi-tier efficacy (企业绩效评价): standards 优秀 良好 平均 较低 较差
    with coefficients 1.0 0.8 0.6 0.4 0.2. x at or better than 优秀 scores w;
    worse than 较差 scores 0; otherwise, 本档 the best standard x reaches and
    上档 the next better one: points = w × coef(本档) + (x − std(本档)) /
    (std(上档) − std(本档)) × w × (coef(上档) − coef(本档)). Lower is better:
    "reaches" is x ≤ std, the same formula."""
    s, w, std = rule.show, rule.weight, rule.tiers

    def reaches(v):
        return x <= v if rule.lower else x >= v

    best, worst = std[0], std[-1]
    if reaches(best[2]):
        return Scored(round_points(w), f"{s(x)}达到{best[0]}标准{s(best[2])}，得满分 {round_points(w)}", False)
    if not reaches(worst[2]):
        return Scored(Decimal("0.00"), f"{s(x)}未达到{worst[0]}标准{s(worst[2])}，得0分", True)
    i = next(i for i, t in enumerate(std) if reaches(t[2]))
    (name, coef, v), (up, up_coef, up_v) = std[i], std[i - 1]
    points = round_points(w * coef + (x - v) / (up_v - v) * w * (up_coef - coef))
    return Scored(points, f"{s(x)}达到{name}（{s(v)}），上档{up}（{s(up_v)}）："
                          f"{plain(w)}×{plain(coef)} + ({s(x)}-{s(v)})/({s(up_v)}-{s(v)})×{plain(w)}"
                          f"×({plain(up_coef)}-{plain(coef)}) = {points}", False)


def ratio(x: Decimal, rule: Rule, given: Given) -> Scored:
    """points = w × min(x / target, cap); lower is better: w × min(target / x,
    cap) (x ≤ 0 earns the cap). cap defaults to 1.0; never below 0. target:
    the rule's, else the record's."""
    t, s, w, cap = _target(given), rule.show, rule.weight, rule.cap
    if rule.lower:
        r, expr = (cap if x <= 0 else t / x), f"{s(t)}/{s(x)}"
    elif t == 0:
        raise Unscorable("目标值为0，无法按比率计分")
    else:
        r, expr = x / t, f"{s(x)}/{s(t)}"
    used = min(max(r, Decimal(0)), cap)
    points = round_points(w * used)
    return Scored(points, f"{plain(w)}×min({expr}, {plain(cap)}) = {plain(w)}×{plain(used, 4)} = {points}",
                  _misses(x, t, rule))


def steps(x: Decimal, rule: Rule, given: Given) -> Scored:
    """基本分 + 扣分/加分. shortfall = max(0, target − x) (lower: max(0, x −
    target)); steps = whole steps of ``per`` in it (a rule in % counts per in
    个百分点); points = w + points_per_step × steps, kept within [min_points,
    max_points (default w)]; min_points 0 is 扣完为止, no min_points no floor.
    A positive points_per_step (加分) counts the steps in the excess over the
    target instead."""
    t, w, pps = _target(given), rule.weight, rule.points_per_step
    bonus = pps > 0
    gap = (x - t) if rule.lower != bonus else (t - x)
    gap = max(gap, Decimal(0))
    n = int(gap // rule.per)
    raw = w + pps * n
    high = rule.max_points if rule.max_points is not None else w
    points = min(raw, high)
    if rule.min_points is not None:
        points = max(points, rule.min_points)
    points = round_points(points)
    return Scored(points, _steps_detail(x, t, gap, n, raw, points, rule), _misses(x, t, rule))


def _steps_detail(x, t, gap, n, raw, points, rule: Rule) -> str:
    """较目标9%差 0.5个百分点，每0.2个百分点扣1分，计2档：10-1×2 = 8，得 8.00."""
    u, w, pps, bonus = rule.unit, rule.weight, rule.points_per_step, rule.points_per_step > 0
    if n == 0 and raw == points:
        met = "未超过" if bonus else "达到"
        return f"{rule.show(x)}{met}目标{rule.show(t)}，{'不加分' if bonus else '不扣分'}，得 {points}"
    side = ("低于" if rule.lower else "超出") if bonus else ("超出" if rule.lower else "差")
    unit = u.step_name()
    text = (f"较目标{rule.show(t)}{side} {plain(u.number(gap))}{unit}，每{plain(u.number(rule.per))}{unit}"
            f"{'加' if bonus else '扣'}{plain(abs(pps))}分，计{n}档：{plain(w)}{'+' if bonus else '-'}"
            f"{plain(abs(pps))}×{n} = {plain(raw)}")
    if raw != points:
        if rule.min_points == 0 and raw < 0:
            text += "，扣完为止"
        else:
            text += f"，限于 {plain(points)}"
    return f"{text}，得 {points}"


def threshold(x: Decimal, rule: Rule, given: Given) -> Scored:
    """points = w if x meets the target (x ≥ target; lower: x ≤ target), else 0."""
    t, s = _target(given), rule.show
    missed = _misses(x, t, rule)
    sign = ("≤" if rule.lower else "≥") if not missed else (">" if rule.lower else "<")
    points = Decimal("0.00") if missed else round_points(rule.weight)
    return Scored(points, f"{s(x)} {sign} 目标{s(t)}，{'未达标，得0分' if missed else f'达标，得 {points}'}", missed)


METHODS = {"efficacy": efficacy, "tiers": tiers, "ratio": ratio, "steps": steps, "threshold": threshold}


def _target(given: Given) -> Decimal:
    if given.target is None:
        raise Unscorable("没有目标值（规则的 target 或记录的 target）")
    return given.target


def _misses(x: Decimal, target: Decimal, rule: Rule) -> bool:
    return x > target if rule.lower else x < target
