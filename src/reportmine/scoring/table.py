"""Records + rules -> one score row per (unit, rule), and the units' totals.

A rule matches a record whose ``indicator`` (or catalog ``indicator_name``)
equals the rule's indicator or one of its aliases, or whose
``indicator_id`` equals the rule's ``id``. Of a unit's matching records the
rule's ``period`` keeps those of that period; records without a value in the
scored column, or whose ``actual_unit`` is not the rule's, are set aside.
Several records left that give the same numbers count as one; different
numbers are ``ambiguous`` and not scored. None left is ``missing``: listed,
counted per unit, never 0. A record with review flags is scored and marked
``flagged``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .methods import METHODS, Given, Unscorable, round_points
from .rules import Rule, Rules
from .units import plain

NO_ORG = "（未注明单位）"
VALUE_NAMES = {"actual": "实际值", "completion_rate": "完成率", "growth": "增长"}
SCORED = ("scored", "flagged")


@dataclass
class ScoreRow:
    org: str
    rule: Rule
    status: str                      # scored | missing | flagged | ambiguous
    detail: str
    record_id: str | None = None
    value: Decimal | None = None     # normalized
    points: Decimal | None = None
    missed: bool = False
    record_unit: str | None = None   # the record's actual_unit, shown when the rule has no unit


@dataclass
class OrgScore:
    org: str
    total: Decimal
    max_total: Decimal
    rank: int = 0
    vetoed: bool = False
    missing: int = 0
    flagged: int = 0
    ambiguous: int = 0
    vetoed_by: list[str] = field(default_factory=list)


@dataclass
class ScoreTable:
    rows: list[ScoreRow]
    orgs: list[OrgScore]             # ranked, best first


def score_records(records: list[dict], rules: Rules) -> ScoreTable:
    """One row per (unit, rule), rows in rank order then rule order; the same
    records in any order give the same table."""
    units: dict[str, list[dict]] = {}
    for rec in records:
        units.setdefault(rec.get("org") or NO_ORG, []).append(rec)
    rows = [score_one(org, recs, rule, rules) for org, recs in units.items() for rule in rules.rules]
    ranked = rank_orgs(rows, rules)
    place = {o.org: i for i, o in enumerate(ranked)}
    order = {id(r): i for i, r in enumerate(rules.rules)}
    rows.sort(key=lambda row: (place[row.org], order[id(row.rule)]))
    return ScoreTable(rows, ranked)


def matches(rule: Rule, rec: dict) -> bool:
    if rule.id and rec.get("indicator_id") == rule.id:
        return True
    return rec.get("indicator") in rule.names or (rec.get("indicator_name") or None) in rule.names


def score_one(org: str, recs: list[dict], rule: Rule, rules: Rules) -> ScoreRow:
    found = [r for r in recs if matches(rule, r) and (not rule.period or r.get("period") == rule.period)]
    usable = sorted((r for r in found if scored_value(rule, r) is not None and _same_unit(rule, r)),
                    key=lambda r: r["record_id"])
    if not usable:
        return ScoreRow(org, rule, "missing", _why_missing(rule, found),
                        found[0]["record_id"] if found else None)
    distinct = merge_same(rule, usable)
    if len(distinct) > 1:
        listed = "、".join(f"{_listed(rule, r)}（{r['record_id']}）" for r in distinct)
        return ScoreRow(org, rule, "ambiguous", f"有{len(distinct)}条记录数值不同：{listed}；"
                        "请在规则中用 period 指定期间", ";".join(r["record_id"] for r in distinct))
    rec = distinct[0]
    x = scored_value(rule, rec)
    given = Given(target=_first(rule.target, rec.get("target")), floor=_first(rule.floor, rec.get("basic_target")),
                  satisfactory=_first(rule.satisfactory, rec.get("full_target")), scale=rules.scale)
    try:
        scored = METHODS[rule.method](x, rule, given)
    except Unscorable as exc:
        return ScoreRow(org, rule, "missing", str(exc), rec["record_id"], x)
    status, detail = "scored", scored.detail
    if rule.value == "completion_rate" and rec.get("completion_rate") is None:
        detail += "（完成率按实际值/目标值计算）"
    if rec.get("flag_codes") or rec.get("status") == "flagged":
        status = "flagged"
        detail += f"（记录有复核标记：{'、'.join(rec.get('flag_codes') or ['flagged'])}）"
    return ScoreRow(org, rule, status, detail, rec["record_id"], x, scored.points, scored.missed,
                    rec.get("actual_unit") if rule.value == "actual" else None)


def rank_orgs(rows: list[ScoreRow], rules: Rules) -> list[OrgScore]:
    """Totals (sum of rounded points; 0 when a veto rule is missed) and ranks
    1, 2, 2, 4: equal totals share a rank and the next rank skips."""
    most = round_points(sum((r.most for r in rules.rules), Decimal(0)))
    orgs: dict[str, OrgScore] = {}
    for row in rows:
        o = orgs.setdefault(row.org, OrgScore(row.org, Decimal("0.00"), most))
        if row.status in SCORED:
            o.total += row.points
            if row.rule.veto and row.missed:
                o.vetoed_by.append(row.rule.indicator)
        o.missing += row.status == "missing"
        o.flagged += row.status == "flagged"
        o.ambiguous += row.status == "ambiguous"
    for o in orgs.values():
        if o.vetoed_by:
            o.vetoed, o.total = True, Decimal("0.00")
    ranked = sorted(orgs.values(), key=lambda o: (-o.total, o.org))
    for o in ranked:
        o.rank = 1 + sum(other.total > o.total for other in ranked)
    return ranked


def scored_value(rule: Rule, rec: dict):
    """The record's value in the rule's column; a completion rate the report
    does not state is actual / target when the record has both
    (``computed_completion_rate``)."""
    value = rec.get(rule.value)
    if value is None and rule.value == "completion_rate":
        return rec.get("computed_completion_rate")
    return value


def _first(*values):
    return next((v for v in values if v is not None), None)


def _same_unit(rule: Rule, rec: dict) -> bool:
    if rule.value != "actual" or not rule.unit.norm or not rec.get("actual_unit"):
        return True
    return rec["actual_unit"] == rule.unit.norm


TARGETS = ("target", "basic_target", "full_target")


def merge_same(rule: Rule, recs: list[dict]) -> list[dict]:
    """Records that give the same value and no conflicting targets are one
    (a summary that states the target and a detail that does not): the first
    record, its empty targets filled from the others."""
    merged: list[dict] = []
    for r in recs:
        for m in merged:
            if scored_value(rule, m) == scored_value(rule, r) and all(
                    m.get(k) is None or r.get(k) is None or m[k] == r[k] for k in TARGETS):
                m.update({k: r[k] for k in TARGETS if m.get(k) is None and r.get(k) is not None})
                break
        else:
            merged.append(dict(r))
    return merged


def _listed(rule: Rule, rec: dict) -> str:
    """6218 or, when it tells records apart, 6218，目标5600."""
    target = "" if rec.get("target") is None else f"，目标{rule.show(rec['target'])}"
    return rule.show(scored_value(rule, rec)) + target


def _why_missing(rule: Rule, found: list[dict]) -> str:
    period = f"（{rule.period}）" if rule.period else ""
    if not found:
        return f"没有“{'、'.join(rule.names)}”{period}的记录"
    units = {r.get("actual_unit") for r in found if scored_value(rule, r) is not None} - {None}
    if units and rule.value == "actual":
        return f"记录的单位为{'、'.join(sorted(units))}，与规则的单位“{rule.unit.written}”不符"
    return f"记录没有{VALUE_NAMES[rule.value]}"


def value_text(row: ScoreRow) -> str:
    """The scored value in the rule's unit, without the unit: 0.105 with % -> 10.5."""
    return "" if row.value is None else plain(row.rule.unit.number(row.value))


def unit_text(row: ScoreRow) -> str:
    """The rule's unit as written, else the record's normalized unit (人, 元; not ratio)."""
    if row.rule.unit.written:
        return row.rule.unit.written
    return row.record_unit if row.record_unit not in (None, "ratio", "ratio_point") else ""
