"""Completion rates per indicator as bar geometry for an inline SVG chart.

One bar per indicator: the mean of its records' completion rates (the rate
the report states, else actual / target), with a whisker from the lowest to
the highest when several records name it. A record meets its target when its
stated rate is >= 100%, or, for a computed rate, when actual / target is
>= 100% (<= 100% for indicators where lower is better). The template draws
the bars; this module only measures them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .values import number as _number

MAX_BARS = 40
LABEL_W, BAR_W, VALUE_W, ROW_H, TOP, BOTTOM = 230, 440, 110, 22, 28, 24
COLORS = {"met": "#2e9e5b", "short": "#d62728", "mixed": "#e08a00"}


@dataclass(slots=True)
class Bar:
    label: str
    y: float
    width: float
    low_x: float
    high_x: float
    mean: float
    low: float
    high: float
    n: int
    color: str
    clipped: bool
    title: str


@dataclass(slots=True)
class Chart:
    bars: list[Bar]
    total: int            # indicators with a rate
    width: int
    height: int
    x0: int               # where bars start
    ref_x: float          # the 100% line
    ticks: list[tuple[float, str]]


def rate_of(record: dict) -> tuple[float, bool] | None:
    """(rate, met) of a record, or None when it has no completion rate."""
    stated = _number(record.get("completion_rate"))
    if stated is not None:
        return stated, stated >= 1 - 1e-9
    computed = _number(record.get("computed_completion_rate"))
    if computed is None:
        return None
    if record.get("direction") == "lower":
        return computed, computed <= 1 + 1e-9
    return computed, computed >= 1 - 1e-9


def build_chart(records) -> Chart:
    groups: dict[str, list[tuple[float, bool]]] = {}
    for r in records:
        got = rate_of(r)
        if got is not None:
            label = r.get("indicator_name") or r.get("indicator") or "（未命名指标）"
            groups.setdefault(str(label), []).append(got)
    rows = sorted(groups.items(), key=lambda kv: (_mean(kv[1]), kv[0]))[:MAX_BARS]
    top = max([1.2] + [max(v for v, _ in g) for _, g in rows])
    scale_max = min(3.0, top * 1.05)
    x = lambda v: LABEL_W + BAR_W * min(v, scale_max) / scale_max  # noqa: E731
    bars = [_bar(label, g, TOP + i * ROW_H, x, scale_max) for i, (label, g) in enumerate(rows)]
    ticks = [(x(t), f"{t:.0%}") for t in _ticks(scale_max)]
    height = TOP + ROW_H * len(bars) + BOTTOM
    return Chart(bars, len(groups), LABEL_W + BAR_W + VALUE_W, height, LABEL_W, x(1.0), ticks)


def _bar(label: str, group, y: float, x, scale_max: float) -> Bar:
    values = [v for v, _ in group]
    met = sum(m for _, m in group)
    mean, low, high = _mean(group), min(values), max(values)
    color = COLORS["met" if met == len(group) else "short" if met == 0 else "mixed"]
    title = f"{label}：平均完成率 {mean:.1%}（{len(group)} 条记录，最低 {low:.1%}，最高 {high:.1%}，达标 {met} 条）"
    short = label if len(label) <= 14 else label[:13] + "…"
    return Bar(short, y, x(max(mean, 0.0)) - LABEL_W, x(max(low, 0.0)), x(max(high, 0.0)), mean, low,
               high, len(group), color, high > scale_max, title)


def _mean(group) -> float:
    return sum(v for v, _ in group) / len(group)


def _ticks(scale_max: float) -> list[float]:
    step = 0.25 if scale_max <= 1.5 else 0.5
    out, t = [], 0.0
    while t <= scale_max + 1e-9:
        out.append(round(t, 2))
        t += step
    return out
