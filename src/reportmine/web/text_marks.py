"""A document's text as highlighted HTML for its review page: quantities by
role, flags by type (the classes and colours of report.html), boilerplate
dimmed, headings bold. The sweep and the escaping are exporters/highlight.py's:
every piece of report text is escaped there, attributes included."""

from __future__ import annotations

from markupsafe import Markup

from ..exporters.highlight import Mark, render
from ..exporters.labels import labels
from ..exporters.values import shown

BOILERPLATE_TITLE = "样板文字（{kind}），不计入分析"


def highlighted(text: str, quantities: list[dict], flags: list[dict], boilerplate=(), headings=(),
                decisions: dict[int, str] | None = None) -> Markup:
    """``quantities`` and ``flags`` are rows of the tables (dicts with start,
    end, seq, …); ``decisions`` maps a flag's seq to dismissed/confirmed."""
    L = labels()
    decisions = decisions or {}
    marks = [Mark(int(b[0]), int(b[1]), "bp", BOILERPLATE_TITLE.format(kind=b[2] if len(b) > 2 else ""))
             for b in boilerplate or ()]
    marks += [Mark(int(h[0]), int(h[1]), "hd") for h in headings or ()]
    for q in quantities:
        marks.append(_quantity(q, L))
    for f in flags:
        ftype = L.flag(f.get("type"))
        title = f"[{f.get('code') or ''}] {L.flags[ftype]['label']}：{f.get('message') or f.get('text') or ''}"
        classes = f"fl s-{L.flags[ftype]['style']} t-{ftype}"
        decided = decisions.get(f["seq"])
        if decided:
            classes += f" d-{decided}"
        marks.append(Mark(f["start"], f["end"], classes, title, {"f": str(f["seq"])}))
    return render(text, marks)


def _quantity(q: dict, L) -> Mark:
    role = L.role(q.get("role"))
    value = shown(q.get("norm_value"), q.get("norm_unit")) or "（无数值）"
    unit = L.units.get(q.get("norm_unit"), q.get("norm_unit")) if q.get("norm_unit") else "无"
    title = f"{q.get('text')} → {value} · 单位：{unit} · 角色：{L.roles[role]['label']}"
    if q.get("indicator"):
        title += f" · 指标：{q['indicator']}"
    return Mark(q["start"], q["end"], f"q r-{role}", title, {"q": str(q["seq"])})


def role_css() -> str:
    """The role colours as CSS rules (report.html's look)."""
    rules = [f".r-{role}{{background:{r['color']}2e;border-bottom:2px solid {r['color']}}}"
             f".sw-{role}{{background:{r['color']}}}" for role, r in labels().roles.items()]
    return "\n".join(rules)
