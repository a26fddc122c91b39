"""Claims -> records: one row per indicator claim.

A record is an indicator, in one document, for one period and one reporting
unit, with its quantities gathered by role (actual, target, completion rate,
growth …). Quantities are read in text order within a scope (a sentence, or a
table row): each one joins the latest open record of its scope that has the
same reporting unit, a compatible indicator and a free slot for its role, or
else opens a record of its own. So ``再就业6384人，完成县下达任务的112%`` is one
record, a second value for a slot that is taken starts the next record, and a
``分别`` list over counties gives one record per county (its ``subject``).
A ``分别`` list of rates after a list of values is paired element by element.
"""

from __future__ import annotations

import math
from array import array
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..catalog import Catalog, default_catalog
from ..document import Document, Quantity
from ..claims.clauses import clause_start
from .flags import FlagIndex
from .org import document_orgs
from .rules import rules
from .scopes import Scopes

DEPENDENT = frozenset({"target", "basic_target", "full_target", "forecast", "completion_rate",
                       "growth", "difference"})
UNIT_ROLES = ("actual", "target", "basic_target", "full_target", "forecast")
SETTER_ROLES = ("completion_rate", "target", "basic_target", "full_target", "actual")


RATE_UNITS = frozenset({"ratio", "ratio_point"})


def _is_rate(q: Quantity) -> bool:
    return q.norm_unit in RATE_UNITS


@dataclass(slots=True)           # one per claim: a large document makes tens of thousands
class _Draft:
    scope: tuple
    subject: str | None
    members: list[Quantity] = field(default_factory=list)
    slots: dict[str, Quantity] = field(default_factory=dict)
    change_amount: Quantity | None = None    # 增加1.96亿元 beside 增长2.14%: a record of its own

    def add(self, q: Quantity) -> None:
        old = self.slots.get(q.role)
        if old is not None and q.role == "growth":   # one rate and one amount: the rate stays
            keep, self.change_amount = (q, old) if _is_rate(q) else (old, q)
            if keep is q:
                self.members[self.members.index(old)] = q
            self.slots["growth"] = keep
            return
        self.members.append(q)
        self.slots[q.role] = q

    def takes(self, q: Quantity) -> bool:
        """A free slot for q's role (a growth amount and a growth rate share one)."""
        old = self.slots.get(q.role)
        if old is None:
            return True
        return q.role == "growth" and self.change_amount is None and _is_rate(old) != _is_rate(q)

    @property
    def head(self) -> Quantity:
        """The quantity that names the indicator: the actual, else the first with one."""
        actual = self.slots.get("actual")
        if actual is not None and actual.indicator:
            return actual
        return next((m for m in self.members if m.indicator), self.members[0])

    def baseline(self) -> bool:
        actual = self.slots.get("actual")
        return bool(actual is not None and actual.period and rules().baseline.search(actual.period))


def build_records(doc: Document, catalog: Catalog | None = None) -> list[dict]:
    """One record (a dict keyed by :data:`~reportmine.records.columns.NAMES`) per
    indicator claim of an analyzed document, in text order."""
    return build_tables(doc, catalog)[0]


def build_tables(doc: Document, catalog: Catalog | None = None, rows=None) -> tuple[list[dict], list[dict]]:
    """The document's records and its flag rows (:data:`FLAG_NAMES`; each flag
    with the ids of the records it is attached to). ``rows``: what the records
    are appended to as they are made (a list unless given, e.g. a
    :class:`.spool.RowSpool`, which keeps a large document's records on disk)."""
    scopes = Scopes(doc)
    flags = FlagIndex(doc.flags)
    attached: dict[int, list[str]] = {}
    rows = [] if rows is None else rows
    context = None
    for d in claims_in_order(doc, scopes):      # each made into its row as soon as it is final
        if context is None:
            context = _Context(doc, catalog or default_catalog(), document_orgs(doc), scopes, flags)
        row, indices = _row(context, d)
        rows.append(row)
        for i in indices:
            attached.setdefault(i, []).append(row["record_id"])
    name = doc.name
    return rows, [flag_row(doc, f, attached.get(i, []), name) for i, f in enumerate(flags.flags)]


def flag_row(doc: Document, f, record_ids: list[str], name: str | None = None) -> dict:
    """A flag as a row of :data:`FLAG_NAMES`, in that order."""
    return {"doc": name or doc.name, "doc_sha256": doc.id, "code": f.code, "type": f.type,
            "subtype": f.subtype, "severity": f.severity, "message": f.message, "text": f.text,
            "start": f.start, "end": f.end, "article": f.article,
            "page": f.page if f.page is not None else doc.page_at(f.start), "note": f.note,
            "arithmetic": f.arithmetic, "record_ids": record_ids}


def group_claims(doc: Document, scopes: Scopes | None = None) -> list[_Draft]:
    """The quantities of each claim, in text order (roles other than ``other``)."""
    return list(claims_in_order(doc, scopes))


def claims_in_order(doc: Document, scopes: Scopes | None = None) -> Iterator[_Draft]:
    """:func:`group_claims`' drafts one by one, each given as soon as no later
    quantity can join it, so that a large document's drafts are not all held
    at once: its scope holds no later quantity (``last``), it is not the latest
    draft (an antecedent), and it began before the period start of every later
    quantity (a 分别 list reaches back no further, ``floor``). :func:`_since`
    gives the same drafts without the ones given already: its walk back stops
    at a draft begun before the period start, as each of those was."""
    scopes = scopes or Scopes(doc)
    qs = [q for q in doc.quantities
          if q.role and q.role != "other" and not doc.is_boilerplate(q.start)]
    last, floor = _scope_ends(qs, scopes), _period_floor(qs, scopes)
    drafts: deque[_Draft] = deque()
    open_: dict[tuple, list[_Draft]] = {}
    i = 0
    while i < len(qs):
        at = i
        run = _dependent_run(qs, i)
        scope = scopes.key(qs[i].start)
        ds = open_.setdefault(scope, [])
        if len(run) > 1 and _pair_run(run, _since(drafts, scopes.period_start(qs[i].start))):
            i += len(run)
        else:
            q = qs[i]
            d = _find(ds, q) or _antecedent(drafts, q, scopes)
            if d is None:
                d = _Draft(scope, q.subject)
                actual = _second_rate_of(ds, q)
                if actual is not None:
                    d.slots["actual"] = actual          # shared, not a member: the id stays the rate's
                ds.append(d)
                drafts.append(d)
            d.add(q)
            i += 1
        if last[at] < i:
            del open_[scope]        # no quantity still to come is in this scope
        del ds
        while len(drafts) > 1 and drafts[0].scope not in open_ and drafts[0].members[0].start < floor[i]:
            yield from _with_change_amount(drafts.popleft())
    while drafts:
        yield from _with_change_amount(drafts.popleft())


def _scope_ends(qs: list[Quantity], scopes: Scopes) -> array:
    """For each quantity, the index of the last quantity in its scope."""
    last: dict[tuple, int] = {}
    for i, q in enumerate(qs):
        last[scopes.key(q.start)] = i
    return array("q", (last[scopes.key(q.start)] for q in qs))


def _period_floor(qs: list[Quantity], scopes: Scopes) -> array:
    """For each index, the least period start of the quantities from it on
    (one more, past the last: beyond every draft)."""
    floor = array("q", bytes(8 * (len(qs) + 1)))
    low = floor[len(qs)] = max((q.end for q in qs), default=0) + 1
    for i in range(len(qs) - 1, -1, -1):
        low = min(low, scopes.period_start(qs[i].start))
        floor[i] = low
    return floor


def _second_rate_of(ds: list[_Draft], q: Quantity) -> Quantity | None:
    """完成一季度目标的105%，为全年目标的26%: a completion rate for another period than
    the rate already beside the same actual is that actual's too; its record shares the
    actual (of the latest record of the scope with the same indicator and reporting unit)."""
    if q.role != "completion_rate":
        return None
    for d in reversed(ds):
        if d.subject == q.subject and _same_indicator(d, q):
            actual, rate = d.slots.get("actual"), d.slots.get("completion_rate")
            if actual is not None and rate is not None and q.period and rate.period != q.period:
                return actual
            return None
    return None


def _with_change_amount(d: _Draft) -> tuple[_Draft, ...]:
    """The draft, and after it a record of its change amount's own, if it has one."""
    if d.change_amount is None:
        return (d,)
    extra = _Draft(d.scope, d.subject)
    extra.add(d.change_amount)
    return d, extra


def _antecedent(drafts: deque[_Draft], q: Quantity, scopes: Scopes) -> _Draft | None:
    """该项指标以5600人为基本任务: the record just before, in the same paragraph."""
    if not drafts or q.indicator_id or not q.indicator or not rules().anaphora.match(q.indicator):
        return None
    d = drafts[-1]
    if d.subject != q.subject or not d.takes(q) or d.head.indicator is None:
        return None
    if "\n" in scopes.text[d.members[-1].end:q.start]:
        return None
    return d


def _dependent_run(qs: list[Quantity], i: int) -> list[Quantity]:
    """分别完成年度目标的127.5%和103.0%: the list items of one dependent role."""
    q = qs[i]
    if q.group is None or q.role not in DEPENDENT or q.subject:
        return [q]
    j = i + 1
    while j < len(qs) and qs[j].group == q.group and qs[j].role == q.role and not qs[j].subject:
        j += 1
    return qs[i:j]


def _since(drafts: deque[_Draft], start: int) -> list[_Draft]:
    """The records begun at or after ``start`` (a 分别 list may reach back over ；)."""
    out = []
    for d in reversed(drafts):
        if d.members[0].start < start:
            break
        out.append(d)
    return out[::-1]


def _pair_run(run: list[Quantity], ds: list[_Draft]) -> bool:
    free = [d for d in ds if d.takes(run[0]) and d.subject is None and "actual" in d.slots]
    if len(free) < len(run):
        return False
    for d, q in zip(free[-len(run):], run):
        d.add(q)
    return True


def _find(ds: list[_Draft], q: Quantity) -> _Draft | None:
    fits = [d for d in reversed(ds) if d.subject == q.subject and d.takes(q)
            and _same_indicator(d, q)]
    if q.role in DEPENDENT:
        current = [d for d in fits if not d.baseline()]
        fits = current or fits
    return fits[0] if fits else None


def _same_indicator(d: _Draft, q: Quantity) -> bool:
    head = d.head
    if q.indicator is None or head.indicator is None or q.indicator == head.indicator:
        return True
    if q.indicator_id and head.indicator_id:
        return q.indicator_id == head.indicator_id
    # a rate or target whose own phrase links nowhere (完成年度计划8000人的108.1%)
    return q.role in DEPENDENT and q.indicator_id is None


@dataclass
class _Context:
    """What every record of one document is built with."""

    doc: Document
    catalog: Catalog
    orgs: dict
    scopes: Scopes
    flags: FlagIndex
    name: str = ""
    id_prefix: str = ""

    def __post_init__(self) -> None:
        self.name, self.id_prefix = self.doc.name, self.doc.id[:16]


def _row(c: _Context, d: _Draft) -> tuple[dict, list[int]]:
    """The record of a draft, its keys in :data:`NAMES` order; and the flags' indices."""
    doc, slots = c.doc, d.slots
    first, last = d.members[0], max(d.members, key=lambda m: m.end)
    shared = slots.get("actual")             # a shared actual (not a member) may come first
    start = shared.start if shared is not None and shared.start < first.start else first.start
    head = d.head
    entry = c.catalog.by_id.get(head.indicator_id) if head.indicator_id else None
    indices = c.flags.indices(first.start, last.end, d.members)
    codes = list(dict.fromkeys(c.flags.flags[i].code or c.flags.flags[i].type for i in indices))
    row = {
        "record_id": f"{c.id_prefix}-{first.start}",
        "doc": c.name, "doc_sha256": doc.id,
        "article": first.article,
        "org": d.subject or c.orgs.get(first.article) or c.orgs.get(None),
        "indicator": head.indicator, "indicator_id": head.indicator_id,
        "indicator_name": entry.name if entry else None,
        "period": _period(d, head),
        "actual": _value(slots.get("actual")),
        "actual_unit": _unit(d),
        "target": _value(slots.get("target")),
        "basic_target": _value(slots.get("basic_target")),
        "full_target": _value(slots.get("full_target")),
        "forecast": _value(slots.get("forecast")),
        "completion_rate": _value(slots.get("completion_rate")),
        "computed_completion_rate": _computed_rate(d),
        "growth": _signed(doc.text, slots.get("growth")),
        "difference": _signed(doc.text, slots.get("difference")),
        "direction": entry.direction if entry else None,
        "setter": next((slots[r].setter for r in SETTER_ROLES if r in slots and slots[r].setter), None),
        "flag_codes": codes,
        "status": "flagged" if codes else "ok",
        "quote": c.scopes.quote(start, last.end),
        "start": start, "end": last.end,
        "page": first.page if first.page is not None else doc.page_at(first.start),
    }
    return row, indices


def _period(d: _Draft, head: Quantity) -> str | None:
    """The head's period; a record that shares another record's actual has its rate's."""
    own = head if any(m is head for m in d.members) else d.members[0]
    return own.period or next((m.period for m in d.members if m.period), None)


def _value(q: Quantity | None) -> float | None:
    return None if q is None or q.norm_value is None else clean_number(q.norm_value)


def clean_number(v: float) -> float | None:
    """41.2亿 -> 4120000000.0, not 4120000000.0000005: 12 significant digits
    (far inside GUIDE.md's 1e-6 tolerance), so every format shows the same number.
    A value that is not finite is no value (JSON, CSV and SQL could not carry it)."""
    v = float(v)
    return float(f"{v:.12g}") if math.isfinite(v) else None


def _unit(d: _Draft) -> str | None:
    """The unit of the indicator's values; a record of a change amount alone
    (增加1.96亿元) says the amount's unit."""
    for role in UNIT_ROLES:
        if role in d.slots:
            return d.slots[role].norm_unit
    for role in ("growth", "difference"):
        q = d.slots.get(role)
        if q is not None and not _is_rate(q):
            return q.norm_unit
    return None


def _signed(text: str, q: Quantity | None) -> float | None:
    """A change or gap is negative when the cue nearest before it is a decrease."""
    value = _value(q)
    if value is None or value <= 0:
        return value
    r = rules()
    start = max(clause_start(text, q.start), q.start - r.sign_window)
    last = None
    for m in r.sign.finditer(text, start, q.start, overlapped=True):
        if last is None or (m.end(), m.end() - m.start()) > (last.end(), last.end() - last.start()):
            last = m
    return -value if last is not None and last.lastgroup == "down" else value


def _computed_rate(d: _Draft) -> float | None:
    actual, target = d.slots.get("actual"), d.slots.get("target")
    if actual is None or target is None or not target.norm_value or actual.norm_value is None:
        return None
    if actual.norm_unit != target.norm_unit:
        return None
    ratio = actual.norm_value / target.norm_value
    return clean_number(round(ratio, 6)) if math.isfinite(ratio) else None
