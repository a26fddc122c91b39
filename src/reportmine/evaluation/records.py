"""Record recall: do the quantities the claims stage gets right reach a
record, in the column of their role?

For every gold quantity with a role other than ``other`` and an indicator,
matched to a predicted quantity (GUIDE.md: spans overlap, values agree) whose
role is the same and whose indicator is right (character F1 >= 0.5), the
claims stage is right; the record stage is right when a record of the same
document spans the quantity and holds its value in the column of its role.
Pairs: a gold completion rate and the nearest gold actual before it in the
same sentence with the same indicator (F1 >= 0.5), both right at the claims
stage: the record holding the rate must hold the actual too (an actual with
two rates, against two periods' targets, sits in both their records).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..claims.clauses import sentence_start
from .gold import GoldDoc
from .scoring import char_f1, indicator_ok, match, quantity_match, scorable_quantities
from .scoring import context as show


@dataclass
class RecordScore:
    claims_right: int = 0
    in_record: int = 0
    pairs: int = 0
    pairs_together: int = 0
    loose_pairs: int = 0              # roles right, indicators whatever the claims stage says
    loose_together: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.in_record / self.claims_right if self.claims_right else 1.0

    @property
    def pair_rate(self) -> float:
        return self.pairs_together / self.pairs if self.pairs else 1.0

    def lines(self, errors: bool = False) -> list[str]:
        out = [f"record recall (of claims-stage-right quantities) {self.recall:.3f} "
               f"({self.in_record}/{self.claims_right})",
               f"actual + completion_rate in one record       {self.pair_rate:.3f} "
               f"({self.pairs_together}/{self.pairs})",
               f"  the same, roles right and any indicator      "
               f"{self.loose_together / self.loose_pairs if self.loose_pairs else 1.0:.3f} "
               f"({self.loose_together}/{self.loose_pairs})"]
        if errors and self.misses:
            out += [f"NOT IN A RECORD, OR PAIRS APART ({len(self.misses)})"] + [f"  {m}" for m in self.misses]
        return out


def _holder(records: Sequence[Mapping], p: Mapping, role: str) -> Mapping | None:
    """The first record that spans ``p`` and holds its value in the column of ``role``."""
    return next((r for r in records if _holds(r, p, role)), None)


def _holds(r: Mapping, p: Mapping, role: str) -> bool:
    value = abs(p.get("norm_value"))
    v = r.get(role)      # growth and difference are signed in records: compare magnitudes
    return (r["start"] <= p["start"] and p["end"] <= r["end"] and v is not None
            and abs(abs(v) - value) <= 1e-6 * max(1.0, value))


def score_records(gold: GoldDoc, quantities: Sequence[Mapping], records: Sequence[Mapping],
                  text: str, result: RecordScore) -> None:
    """Add one document's counts to ``result``."""
    gq, pq = gold.quantities, scorable_quantities(quantities)
    right: dict[int, Mapping] = {}
    role_right: dict[int, Mapping] = {}
    for i, j in match(gq, pq, quantity_match):
        g, p = gq[i], pq[j]
        if g.get("role") not in (None, "other") and p.get("role") == g["role"]:
            role_right[i] = p
            if g.get("indicator") and indicator_ok(g, p):
                right[i] = p
    holders = {}
    for i, p in right.items():
        result.claims_right += 1
        holders[i] = _holder(records, p, p["role"])
        if holders[i] is not None:
            result.in_record += 1
        else:
            where = show(text, p["start"], p["end"]) or p.get("text")
            result.misses.append(f"{gold.doc}:{p['start']}-{p['end']} {p['role']:15s} {where}")
    for c, a in _gold_pairs(gq, text):
        if c in role_right and a in role_right:
            result.loose_pairs += 1
            hc = _holder(records, role_right[c], "completion_rate")
            result.loose_together += hc is not None and _holds(hc, role_right[a], "actual")
        if c in right and a in right:
            result.pairs += 1
            hc = holders[c]      # the rate's record holds the actual (an actual may sit in two records)
            together = hc is not None and _holds(hc, right[a], "actual")
            result.pairs_together += together
            if not together:
                where = show(text, gq[a]["start"], gq[c]["end"], width=8)
                result.misses.append(f"{gold.doc}:{gq[a]['start']}-{gq[c]['end']} "
                                     f"{'pair apart':15s} {where}")


def _gold_pairs(gq: Sequence[Mapping], text: str) -> list[tuple[int, int]]:
    """(completion rate, its actual): the actual before it in its sentence whose indicator is
    most like its own (character F1 >= 0.5; the nearest of equals)."""
    out = []
    for c, g in enumerate(gq):
        if g.get("role") != "completion_rate" or not g.get("indicator"):
            continue
        ss = sentence_start(text, g["start"]) if text else 0
        best, best_f1 = None, 0.5
        for a, h in enumerate(gq):
            if h.get("role") == "actual" and h.get("indicator") and ss <= h["start"] < g["start"]:
                f1 = char_f1(g["indicator"], h["indicator"])
                if f1 >= best_f1:
                    best, best_f1 = a, f1
        if best is not None:
            out.append((c, best))
    return out
