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
from functools import lru_cache

from ..document import Quantity
from ..resources import load_yaml, require, word, word_list
from .neighbourhood import Index
from .points import points_at
from .tables import cell_quantity, table_rows


@dataclass(frozen=True)
class ScoreGroupWords:
    """checks.yaml's score_groups section: the words this check reads."""

    points_mark: str                # 分: a text without it has no points to add up
    total_labels: tuple[str, ...]   # 总分: a row label starting with one of these is a total row


@lru_cache(maxsize=1)
def score_group_words() -> ScoreGroupWords:
    data = load_yaml("checks.yaml")["score_groups"]
    require(data, ("points_mark", "total_labels"), "checks.yaml: score_groups")
    where = "checks.yaml: score_groups"
    return ScoreGroupWords(word(data, "points_mark", where), word_list(data, "total_labels", where))


@dataclass
class _Group:
    points: Quantity
    members: list[Quantity] = field(default_factory=list)
    of_groups: bool = False
    closed: bool = False


def check_score_groups(index: Index, found, cfg) -> None:
    text = index.text
    if score_group_words().points_mark not in text or not index.doc.tables:
        return
    for rows in (table_rows(text, t.start, t.end) for t in index.doc.tables):
        events = list(_events(index, rows, cfg))
        groups = [q.start for kind, q in events if kind == "group"]
        if len(groups) < 2 or not cfg.score_weight_label.search(text, rows[0][0], groups[0]):
            continue            # no column of points above the groups: a row's number may be its score (得分)
        _judge(found, _sums(events))


def _events(index: Index, rows, cfg):
    """("group", points), ("row", points), ("criteria", (row points, parts)) and
    ("total", None) in table order."""
    total_labels = score_group_words().total_labels
    for _, cells in rows:
        label = next((c.strip() for c, _ in cells if c.strip()), "")
        if cfg.table_total_label.match(label) or label.startswith(total_labels):
            yield "total", None
            continue
        seen_text, row_points = False, None
        for part, at in cells:
            body = part.strip()
            if not body:
                continue
            if row_points is not None:          # after the row's points: a cell of numbered criteria?
                parts = _criteria(index, part, at, cfg)
                if parts:
                    yield "criteria", (row_points, parts)
                    break
                continue
            m = cfg.score_group_cell.match(body)
            if m and len(m.group("name").replace(" ", "")) <= cfg.score_group_name_chars:
                s = at + part.index(body)
                points = points_at(index, s + m.start("value"), s + m.end("value"))
                if points is not None:
                    yield "group", points
                    seen_text = True
                    continue
            q = cell_quantity(part, at)
            if q is None:
                seen_text = seen_text or not body.isdigit()     # a serial number (序号) is no row name
            elif seen_text and q.unit in (None, "分") and q.norm_value is not None and q.norm_value >= 0:
                yield "row", q
                row_points = q


def _criteria(index: Index, part: str, at: int, cfg) -> list[Quantity] | None:
    """The bracketed points of a cell of two or more numbered criteria, one each."""
    entries = list(cfg.score_entry_mark.finditer(part))
    if len(entries) < 2:
        return None
    brackets = list(cfg.point_bracket.finditer(part))
    if len(brackets) != len(entries) or not _one_each(entries, brackets):
        return None
    parts = [points_at(index, at + m.start("value"), at + m.end("value")) for m in brackets]
    return None if None in parts else parts


def _sums(events) -> list[tuple[Quantity, list[Quantity], bool, str]]:
    """(stated points, member points, closed, whose) for each group and each
    row with numbered criteria."""
    out: list[tuple[Quantity, list[Quantity], bool, str]] = []
    groups: list[_Group] = []
    rows_of: _Group | None = None       # the open group of rows
    parent: _Group | None = None        # the open group of groups
    for k, (kind, q) in enumerate(events):
        if kind == "group":
            g = _Group(q, of_groups=k + 1 < len(events) and events[k + 1][0] == "group")
            if rows_of is not None:
                rows_of.closed = True
            rows_of = None if g.of_groups else g
            if g.of_groups:
                if parent is not None:
                    parent.closed = True
                parent = g
            elif parent is not None:
                parent.members.append(q)
            groups.append(g)
        elif kind == "row" and rows_of is not None:
            rows_of.members.append(q)
        elif kind == "criteria":
            out.append((q[0], q[1], True, "本行"))
        elif kind == "total":
            for g in (rows_of, parent):
                if g is not None:
                    g.closed = True
            rows_of = parent = None
    return [(g.points, g.members, g.closed, "本组") for g in groups if g.members] + out


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
