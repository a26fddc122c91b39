"""What the relation search found: flags raised and relations verified.

A verified relation is kept (kind, readable arithmetic, spans) so reviewers
see what was checked; a flag carries the same arithmetic and the stated value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Flag, Quantity
from . import arithmetic as ar
from .flags import make_flag
from .search_config import search_config

_SHORT_SPAN = 64      # a flag this short has its offsets in a set; longer ones are scanned


def _within(larger: Quantity, part: Quantity) -> bool:
    """part is named as a kind of larger (续建项目完成投资 of 完成投资): the last
    _NAME_TAIL characters of larger's name stand in part's (住院分娩 and 新生儿访视,
    two measures over one whole, are not)."""
    a, b = larger.indicator or "", part.indicator or ""
    return len(a) >= _NAME_TAIL and a[-_NAME_TAIL:] in b


_NAME_TAIL = 4


@dataclass
class Found:
    text: str
    cfg: object
    flags: list[Flag] = field(default_factory=list)
    verified: list[dict] = field(default_factory=list)
    judged: set = field(default_factory=set)
    # the quotients verified, by their whole: id(whole) -> [(part, rate)] (outranked());
    # the completions verified, by each span they hold -> [their spans] (target_of_another())
    quotients: dict = field(default_factory=dict)
    _completions: dict = field(default_factory=dict, repr=False)
    # the offsets the flags cover, kept up with self.flags (flags are only
    # appended, here or by the checks directly): flag() asks whether a value
    # already lies in a flag once per flag, which scanning every flag made
    # quadratic in a long text with many
    _covered: set = field(default_factory=set, repr=False)
    _long: list = field(default_factory=list, repr=False)
    _indexed: int = field(default=0, repr=False)

    def verify(self, kind: str, arithmetic: str, qs: list[Quantity], stated: Quantity | None = None) -> None:
        qs = sorted(qs, key=lambda q: q.start)
        spans = [[q.start, q.end] for q in qs]
        self.verified.append({"kind": kind, "arithmetic": arithmetic + "，与所报一致", "spans": spans})
        self.judged.add((stated or qs[-1]).start)
        if kind == "completion":
            for q in qs:
                self._completions.setdefault((q.start, q.end), []).append(spans)

    def verify_quotient(self, kind: str, arithmetic: str, part: Quantity, whole: Quantity, rate: Quantity) -> None:
        """verify() for a rate that is part/whole, the three kept for outranked()."""
        self.verify(kind, arithmetic, [part, whole, rate], rate)
        self.quotients.setdefault(id(whole), []).append((part, whole, rate))

    def outranked(self, part: Quantity, whole: Quantity, rate: Quantity) -> bool:
        """完成投资315亿元，占年度计划的75%。其中续建项目完成投资230亿元，
        占年度计划的82%: a part of an amount cannot be a larger share of the same
        whole, so when ``whole`` verified a larger amount's smaller rate and
        ``part`` is named as a kind of it, ``rate`` is of another whole (the
        part's own plan), and part/whole says nothing."""
        return any(w is whole and p.norm_unit == part.norm_unit and p.norm_value > part.norm_value
                   and r.norm_unit == rate.norm_unit and r.norm_value < rate.norm_value and _within(p, part)
                   for p, w, r in self.quotients.get(id(whole), ()))

    def completions_of(self, q: Quantity) -> list:
        """The spans of every completion verified with q among its numbers."""
        return self._completions.get((q.start, q.end), [])

    def target_of_another(self, part: Quantity, target: Quantity) -> bool:
        """参加失业保险2893人，完成年度目标任务2900人的99.76%；参加工伤保险2436人，
        占年度目标任务的101.5%: a target a completion of another amount verified
        with is that one's, not the next amount's."""
        a = [part.start, part.end]
        return any(a not in spans for spans in self.completions_of(target))

    def flag(self, subtype: str, stated: Quantity, arithmetic: str, qs: list[Quantity],
             note: str | None = None, span: tuple[int, int] | None = None, tail: str | None = None,
             **fields) -> None:
        """A flag on the stated value (or `span`), with the other quantities as evidence."""
        if self._flagged(stated.start):
            return
        qs = sorted({id(q): q for q in [*qs, stated]}.values(), key=lambda q: q.start)
        if any(self._bound(q) for q in qs):
            return              # (人均GDP将超28万元: a bound fits any value above it)
        start, end = span or (stated.start, stated.end)
        self.flags.append(make_flag(self.text, start, end, "inconsistency", subtype,
                                    note or f"{arithmetic}, stated {stated.text}", qs,
                                    arithmetic + (f"，所报为{stated.text}" if tail is None else tail), **fields))
        self.judged.add(stated.start)

    def flag_off(self, subtype: str, stated: Quantity, lo: float, hi: float, arithmetic: str,
                 qs: list[Quantity], limit: float) -> bool:
        """Flag ``stated`` against the interval [lo, hi] a relation gives it when
        it is a near miss (within ``limit``) or one mistyped digit of it
        explains the gap (the reading is added to ``arithmetic``); whether it did."""
        if ar.miss(stated, lo, hi) <= limit:
            self.flag(subtype, stated, arithmetic, qs)
        elif typo := ar.typo_reading(stated, lo, hi):
            self.flag(subtype, stated, arithmetic + ar.typo_note([(stated, typo)]), qs)
        else:
            return False
        return True

    def _bound(self, q: Quantity) -> bool:
        """Whether q is written as a bound (超28万元, 突破1100亿元: `bound_before`)."""
        return search_config().bound_before.search(self.text, max(0, q.start - 4), q.start) is not None

    def _flagged(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a flag raised so far."""
        for f in self.flags[self._indexed:]:
            if f.end - f.start <= _SHORT_SPAN:
                self._covered.update(range(f.start, f.end))
            else:
                self._long.append((f.start, f.end))
        self._indexed = len(self.flags)
        return pos in self._covered or any(s <= pos < e for s, e in self._long)

    def judge(self, stated: Quantity, computed: float, tol: float, involved: list[Quantity],
              subtype: str, arithmetic: str, levels: tuple[float, float] | None = None,
              typos=None) -> None:
        """``levels``: (stated level, level implied by the stated value) when the
        near-miss test is better made on levels than on rates (growth, differences).
        ``typos``: a function giving the readings (number, what it would read)
        under which one mistyped digit explains a gap too large for a near miss."""
        qs = sorted(involved + [stated], key=lambda q: q.start)
        if ar.near(stated.norm_value, computed, tol):
            self.verify(subtype, arithmetic, qs, stated)
        elif ar.near_miss(*(levels or (stated.norm_value, computed)), self.cfg.near_miss):
            self.flag(subtype, stated, arithmetic, involved, span=(qs[0].start, qs[-1].end))
        elif typos is not None and (readings := typos()):
            self.flag(subtype, stated, arithmetic + ar.typo_note(readings), involved, span=(qs[0].start, qs[-1].end))
