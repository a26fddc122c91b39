"""Scoring tables: a group's points against the points of the rows under it.

A self-assessment or scoring table (项目支出绩效自评表, 部门整体支出绩效评价表,
考核评分表) gives an indicator group its points in a cell of its own, a short
name and bracketed points (`score_group_cell`: 产出指标（50分）, 规划 (15分)),
and each indicator row its points in a bare number cell (分值, 指标分值): the
row's first cell that is a bare number after a cell of text. A table is read
only when the header above its first group names such a column
(`score_weight_label`): without one, a row's number may be the score it got
(得分), which falls short of its points whenever points were lost. Merged cells
reach the text as rows of differing widths, so the table is read in order,
not by columns:

    一级指标 | 二级指标 | 三级指标 | 分值 | 得分
    产出指标（50分） | 数量指标 | 完成户数 | 20 | 20
    | 质量指标 | 验收合格率 | 30 | 28
    效益指标（30分） | ...

A group cell followed by rows is a group of rows, up to the next group cell; a
group cell followed at once by another group cell is a group of groups, up to
the next group of groups. Their points add up to the group's own (points are
set exactly). A numbered list of bracketed points in a cell after a row's
points (`1、…(1分)；2、…(1分)`) adds up to the row's points too.

A sum verifies when it holds. It is flagged only when another sum of the same
table holds (the table is read as it is meant), the group has at least two
members and it is closed by a later group cell or a total row (a table cut off
after its last row shown says nothing of that group).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Quantity
from .neighbourhood import Index
from .tables import cell_quantity


@dataclass
class _Group:
    points: Quantity
    members: list[Quantity] = field(default_factory=list)
    of_groups: bool = False
    closed: bool = False


def check_score_groups(index: Index, found, cfg) -> None:
    text = index.text
    if "分" not in text or not index.doc.tables:
        return
    for rows in _tables(index):
        events = list(_events(index, rows, cfg))
        groups = [q.start for kind, q in events if kind == "group"]
        if len(groups) < 2 or not cfg.score_weight_label.search(text, rows[0][0], groups[0]):
            continue            # no column of points above the groups: a row's number may be its score (得分)
        sums = _group_sums(events) + _criteria_sums(index, rows, cfg)
        _judge(found, sums)


def _tables(index: Index):
    """Each table the structure stage found, as rows of (line start, [(cell, start)]):
    cells parted by | (or by TABs); a line of a table with no mark is one cell
    (a cell's text wrapped onto a line of its own)."""
    text = index.text
    for t in index.doc.tables:
        rows, pos = [], t.start
        for line in text[t.start:t.end].split("\n"):
            mark = "|" if "|" in line else "\t"
            cells, at = [], pos
            for part in line.split(mark):
                cells.append((part, at))
                at += len(part) + 1
            rows.append((pos, cells))
            pos += len(line) + 1
        yield rows


def _events(index: Index, rows, cfg):
    """("group", points), ("row", points) and ("total", None) in table order."""
    for _, cells in rows:
        label = next((c.strip() for c, _ in cells if c.strip()), "")
        if cfg.table_total_label.match(label) or label.startswith("总分"):
            yield "total", None
            continue
        seen_text = False
        for part, at in cells:
            body = part.strip()
            if not body:
                continue
            m = cfg.score_group_cell.match(body)
            if m and len(m.group("name").replace(" ", "")) <= cfg.score_group_name_chars:
                points = _points(index, at + part.index(body) + m.start("value"), at + part.index(body) + m.end("value"))
                if points is not None:
                    yield "group", points
                    seen_text = True
                    continue
            q = cell_quantity(part, at)
            if q is None:
                seen_text = seen_text or not body.isdigit()     # a serial number (序号) is no row name
                continue
            if seen_text and q.unit in (None, "分") and q.norm_value is not None and q.norm_value >= 0:
                yield "row", q
                break


def _points(index: Index, s: int, e: int) -> Quantity | None:
    return next((q for q in index.between(s, e) if q.norm_unit == "分"), None)


def _group_sums(events) -> list[tuple[Quantity, list[Quantity], bool, str]]:
    groups: list[_Group] = []
    for k, (kind, q) in enumerate(events):
        if kind == "group":
            nxt = events[k + 1][0] if k + 1 < len(events) else None
            g = _Group(q, of_groups=nxt == "group")
            for other in reversed(groups):          # close what this group ends
                if other.closed:
                    break
                if not other.of_groups or g.of_groups:
                    other.closed = True
            up = next((o for o in reversed(groups) if o.of_groups and not o.closed), None)
            if up is not None and not g.of_groups:
                up.members.append(q)
            groups.append(g)
        elif kind == "row" and groups and not groups[-1].of_groups and not groups[-1].closed:
            groups[-1].members.append(q)
        elif kind == "total":
            for g in groups:
                g.closed = True
    return [(g.points, g.members, g.closed, "本组") for g in groups if g.members]


def _criteria_sums(index: Index, rows, cfg) -> list[tuple[Quantity, list[Quantity], bool, str]]:
    """A row's points against the numbered, bracketed points of a later cell of it."""
    out = []
    for _, cells in rows:
        row_points = None
        for part, at in cells:
            if row_points is None:
                q = cell_quantity(part, at)
                if q is not None and q.unit is None and any(c.strip() and cell_quantity(c, a) is None
                                                            for c, a in cells if a < at):
                    row_points = q
                continue
            entries = list(cfg.score_entry_mark.finditer(part))
            brackets = [m for m in cfg.point_bracket.finditer(part)]
            if len(entries) >= 2 and len(brackets) == len(entries) and _one_each(entries, brackets):
                parts = [_points(index, at + m.start("value"), at + m.end("value")) for m in brackets]
                if None not in parts:
                    out.append((row_points, parts, True, "本行"))
                break
    return out


def _one_each(entries, brackets) -> bool:
    """Each numbered entry holds exactly one of the bracketed points."""
    bounds = [m.start() for m in entries] + [10 ** 9]
    return all(bounds[i] <= b.start() < bounds[i + 1] for i, b in enumerate(brackets))


def _judge(found, sums) -> None:
    holds = [len(members) >= 2 and abs(sum(q.norm_value for q in members) - head.norm_value) < 1e-6
             for head, members, _, _ in sums]
    for (head, members, closed, whose), ok in zip(sums, holds):
        if head.start in found.judged:
            continue
        total = sum(q.norm_value for q in members)
        arithmetic = " + ".join(q.text for q in members) + f" = {total:g}分"
        if ok:
            found.verify("sum", arithmetic + f"，为{whose}分值{_pts(head)}", [head, *members], head)
        elif not ok and closed and len(members) >= 2 and sum(holds) >= 1:
            found.flag("sum", head, arithmetic + f"（表中{whose}各项分值之和），与{whose}分值{_pts(head)}不符"
                       f"（本表另有{sum(holds)}组分值相符）", members, tail="")


def _pts(q: Quantity) -> str:
    return q.text if q.text.rstrip().endswith("分") else q.text + "分"
