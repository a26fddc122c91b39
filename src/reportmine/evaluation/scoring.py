"""Score predicted quantities and flags against gold, exactly as GUIDE.md says.

The numbers equal those of the reference scorer ``shared/gold/score.py``:

* a predicted quantity without a ``norm_value`` (a placeholder) or without
  integer offsets is ignored;
* gold and predicted quantities are matched one to one, greedily, in gold
  order: each gold quantity takes the first unused prediction whose span
  overlaps it and whose ``norm_value`` agrees (1e-6 relative, 1e-12 absolute,
  or both missing);
* on matched pairs, :data:`PAIR_CHECKS` score role, indicator (character F1 of
  the phrases >= 0.5, where gold has one) and the end-to-end claim
  (value + role + indicator of non-``other`` gold); add a :class:`PairCheck`
  to score more fields (period, …);
* flags are matched per type with the same greedy rule, spans overlapping or
  within 4 characters.

:func:`score` returns a :class:`ScoreResult` with totals, a per-document
breakdown and error lists with source context.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from .gold import (FLAG_TYPES, GoldDoc, Prediction, load_gold_dir, load_pred_dir,
                   load_sources, predictions_from)

FLAG_SLACK = 4
INDICATOR_MIN_F1 = 0.5
CONTEXT_CHARS = 20


# -- the matching rules (same as score.py) -------------------------------------

def overlap(a: Mapping, b: Mapping, slack: int = 0) -> bool:
    return a["start"] < b["end"] + slack and b["start"] < a["end"] + slack


def same_value(g: Mapping, p: Mapping) -> bool:
    gv, pv = g.get("norm_value"), p.get("norm_value")
    if gv is None or pv is None:
        return gv is None and pv is None
    try:
        gv, pv = float(gv), float(pv)
    except (TypeError, ValueError):
        return False
    if gv == pv:
        return True
    return math.isclose(gv, pv, rel_tol=1e-6, abs_tol=1e-12)


def char_f1(a: Any, b: Any) -> float:
    """Character-level F1 of two phrases (bag of characters)."""
    if not a or not b:
        return 0.0
    ca, cb = Counter(str(a)), Counter(str(b))
    common = sum((ca & cb).values())
    if common == 0:
        return 0.0
    p, r = common / sum(cb.values()), common / sum(ca.values())
    return 2 * p * r / (p + r)


def match(gold: Sequence, pred: Sequence, ok: Callable[[Any, Any], bool]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching in gold order; returns (gold index, pred index) pairs."""
    used, pairs = set(), []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if j not in used and ok(g, p):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def quantity_match(g: Mapping, p: Mapping) -> bool:
    return overlap(g, p) and same_value(g, p)


def flag_match(g: Mapping, p: Mapping) -> bool:
    return overlap(g, p, slack=FLAG_SLACK)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _has_span(item: Any) -> bool:
    return (isinstance(item, Mapping) and isinstance(item.get("start"), int)
            and isinstance(item.get("end"), int))


def scorable_quantities(quantities: Iterable) -> list[dict]:
    """Predicted quantities that count: integer offsets and a norm_value."""
    return [q for q in quantities if _has_span(q) and q.get("norm_value") is not None]


def scorable_flags(flags: Iterable) -> list[dict]:
    return [f for f in flags if _has_span(f)]


# -- checks on matched quantity pairs ------------------------------------------

def indicator_ok(g: Mapping, p: Mapping) -> bool:
    return char_f1(g["indicator"], p.get("indicator") or "") >= INDICATOR_MIN_F1


@dataclass(frozen=True)
class PairCheck:
    """A field scored on matched pairs: accuracy over the pairs it applies to."""

    name: str
    label: str
    applies: Callable[[Mapping], bool]          # decided on the gold quantity
    correct: Callable[[Mapping, Mapping], bool]


PAIR_CHECKS: tuple[PairCheck, ...] = (
    PairCheck("role", "role accuracy on matched",
              lambda g: True, lambda g, p: g.get("role") == p.get("role")),
    PairCheck("indicator", "indicator accuracy on matched",
              lambda g: bool(g.get("indicator")), indicator_ok),
    PairCheck("claim", "claim recall (value+role+indicator of non-'other' gold)",
              lambda g: g.get("role") != "other",
              lambda g, p: g.get("role") == p.get("role")
              and (not g.get("indicator") or indicator_ok(g, p))),
)


# -- results ---------------------------------------------------------------------

@dataclass
class PRF:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def p(self) -> float:
        return prf(self.tp, self.pred, self.gold)[0]

    @property
    def r(self) -> float:
        return prf(self.tp, self.pred, self.gold)[1]

    @property
    def f1(self) -> float:
        return prf(self.tp, self.pred, self.gold)[2]

    def add(self, other: "PRF") -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold

    def to_dict(self) -> dict:
        return dict(p=self.p, r=self.r, f1=self.f1, gold=self.gold, pred=self.pred, tp=self.tp)


@dataclass
class Accuracy:
    ok: int = 0
    n: int = 0

    @property
    def value(self) -> float:
        return self.ok / self.n if self.n else 0.0

    def add(self, other: "Accuracy") -> None:
        self.ok += other.ok
        self.n += other.n

    def to_dict(self) -> dict:
        return dict(value=self.value, ok=self.ok, n=self.n)


@dataclass
class ErrorItem:
    """A missed or spurious quantity/flag, or a wrong field on a matched pair."""

    kind: str                 # missed / spurious / role / indicator / ...
    doc: str
    start: int
    end: int
    text: str | None
    gold: Any = None          # the gold entry, or the gold field value
    pred: Any = None          # the predicted entry, or the predicted field value
    context: str | None = None

    def to_dict(self) -> dict:
        return dict(kind=self.kind, doc=self.doc, start=self.start, end=self.end,
                    text=self.text, gold=self.gold, pred=self.pred, context=self.context)


@dataclass
class Score:
    """Counts for one document or for the whole set."""

    quantity: PRF = field(default_factory=PRF)
    checks: dict[str, Accuracy] = field(default_factory=dict)
    flags: dict[str, PRF] = field(default_factory=lambda: {t: PRF() for t in FLAG_TYPES})

    def add(self, other: "Score") -> None:
        self.quantity.add(other.quantity)
        for name, acc in other.checks.items():
            self.checks.setdefault(name, Accuracy()).add(acc)
        for ftype, counts in other.flags.items():
            self.flags.setdefault(ftype, PRF()).add(counts)

    def check(self, name: str) -> float:
        return self.checks[name].value if name in self.checks else 0.0


@dataclass
class DocScore(Score):
    doc: str = ""
    missing: bool = False     # no prediction for this document


@dataclass
class Errors:
    missed: list[ErrorItem] = field(default_factory=list)
    spurious: list[ErrorItem] = field(default_factory=list)
    fields: dict[str, list[ErrorItem]] = field(default_factory=dict)   # per PairCheck name
    role_confusions: Counter = field(default_factory=Counter)          # (gold, pred) -> n
    role_pairs: Counter = field(default_factory=Counter)               # every matched pair
    missed_flags: dict[str, list[ErrorItem]] = field(default_factory=dict)
    spurious_flags: dict[str, list[ErrorItem]] = field(default_factory=dict)

    @property
    def indicators(self) -> list[ErrorItem]:
        return self.fields.get("indicator", [])


@dataclass
class ScoreResult(Score):
    docs: dict[str, DocScore] = field(default_factory=dict)
    errors: Errors = field(default_factory=Errors)
    docs_missing: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    check_labels: dict[str, str] = field(default_factory=dict)

    def summary(self) -> dict:
        """The dict score.py writes with --json (same keys, same numbers)."""
        def flag_dict(x: PRF) -> dict:
            return dict(p=x.p, r=x.r, f1=x.f1, gold=x.gold, pred=x.pred)
        out: dict[str, Any] = {"quantity": flag_dict(self.quantity),
                               "role_acc": self.check("role"),
                               "indicator_acc": self.check("indicator"),
                               "claim_recall": self.check("claim")}
        for ftype in FLAG_TYPES:
            out[ftype] = flag_dict(self.flags[ftype])
        out["docs_missing"] = len(self.docs_missing)
        return out

    def to_dict(self, errors: bool = True) -> dict:
        out = {"summary": self.summary(),
               "checks": {k: v.to_dict() for k, v in self.checks.items()},
               "docs": {d: _doc_dict(s) for d, s in self.docs.items()},
               "warnings": list(self.warnings)}
        if errors:
            e = self.errors
            out["errors"] = {
                "missed": [x.to_dict() for x in e.missed],
                "spurious": [x.to_dict() for x in e.spurious],
                "fields": {k: [x.to_dict() for x in v] for k, v in e.fields.items()},
                "role_confusions": [dict(gold=g, pred=p, n=n)
                                    for (g, p), n in e.role_confusions.most_common()],
                "role_pairs": [dict(gold=g, pred=p, n=n) for (g, p), n in sorted(
                    e.role_pairs.items(), key=lambda x: (str(x[0][0]), str(x[0][1])))],
                "missed_flags": {k: [x.to_dict() for x in v] for k, v in e.missed_flags.items()},
                "spurious_flags": {k: [x.to_dict() for x in v] for k, v in e.spurious_flags.items()},
            }
        return out


def _doc_dict(s: DocScore) -> dict:
    return {"missing": s.missing, "quantity": s.quantity.to_dict(),
            "checks": {k: v.to_dict() for k, v in s.checks.items()},
            "flags": {k: v.to_dict() for k, v in s.flags.items()}}


# -- context ---------------------------------------------------------------------

def context(text: str | None, start: int, end: int, width: int = CONTEXT_CHARS) -> str | None:
    """``…left⟦span⟧right…`` on one line, or None without a source text."""
    if text is None or not (0 <= start <= end <= len(text)):
        return None
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    line = (("…" if start > width else "") + left + "⟦" + text[start:end] + "⟧" + right
            + ("…" if end + width < len(text) else ""))
    return line.replace("\r", " ").replace("\n", "⏎").replace("\t", " ")


def _item(kind: str, doc: str, entry: Mapping, source: str | None,
          gold: Any = None, pred: Any = None) -> ErrorItem:
    start, end = entry.get("start"), entry.get("end")
    return ErrorItem(kind, doc, start, end, entry.get("text"), gold, pred,
                     context(source, start, end))


# -- scoring -----------------------------------------------------------------------

def score_document(gold: GoldDoc, pred: Prediction | None, source: str | None = None,
                   errors: Errors | None = None,
                   checks: Sequence[PairCheck] = PAIR_CHECKS) -> DocScore:
    """Score one document; appends its errors to ``errors`` when given."""
    doc = gold.doc
    errors = errors if errors is not None else Errors()
    result = DocScore(doc=doc, missing=pred is None,
                      checks={c.name: Accuracy() for c in checks})
    pred = pred or Prediction()
    gq, pq = gold.quantities, scorable_quantities(pred.quantities)
    pairs = match(gq, pq, quantity_match)
    result.quantity = PRF(len(pairs), len(pq), len(gq))
    matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
    errors.missed += [_item("missed", doc, g, source, gold=g)
                      for i, g in enumerate(gq) if i not in matched_g]
    errors.spurious += [_item("spurious", doc, p, source, pred=p)
                        for j, p in enumerate(pq) if j not in matched_p]
    for i, j in pairs:
        g, p = gq[i], pq[j]
        errors.role_pairs[(g.get("role"), p.get("role"))] += 1
        if g.get("role") != p.get("role"):
            errors.role_confusions[(g.get("role"), p.get("role"))] += 1
        for c in checks:
            if not c.applies(g):
                continue
            ok = bool(c.correct(g, p))
            acc = result.checks[c.name]
            acc.n += 1
            acc.ok += ok
            if not ok and c.name != "claim":
                errors.fields.setdefault(c.name, []).append(
                    _item(c.name, doc, g, source, gold=g.get(c.name), pred=p.get(c.name)))
    _score_flags(gold, scorable_flags(pred.flags), source, result, errors)
    return result


def _score_flags(gold: GoldDoc, pf: list[dict], source: str | None,
                 result: DocScore, errors: Errors) -> None:
    for ftype in FLAG_TYPES:
        g_t = [f for f in gold.flags if f["type"] == ftype]
        p_t = [f for f in pf if f.get("type") == ftype]
        pairs = match(g_t, p_t, flag_match)
        result.flags[ftype] = PRF(len(pairs), len(p_t), len(g_t))
        mg, mp = {i for i, _ in pairs}, {j for _, j in pairs}
        errors.missed_flags.setdefault(ftype, []).extend(
            _item("missed_flag", gold.doc, f, source, gold=f)
            for i, f in enumerate(g_t) if i not in mg)
        errors.spurious_flags.setdefault(ftype, []).extend(
            _item("spurious_flag", gold.doc, f, source, pred=f)
            for j, f in enumerate(p_t) if j not in mp)


def _source_warnings(gold: Sequence[GoldDoc], sources: Mapping[str, str]) -> list[str]:
    out = []
    for g in gold:
        text = sources.get(g.doc)
        if not g.doc.endswith(".txt"):
            continue          # the sha256 of a .docx/.pdf is of its bytes, not of its text
        if text is not None and g.sha256:
            if hashlib.sha256(text.encode("utf-8")).hexdigest() != g.sha256:
                out.append(f"{g.doc}: source text differs from the one the gold was made on "
                           "(sha256); contexts may be off")
    return out


def score(gold: str | Path | Sequence[GoldDoc],
          predictions: str | Path | Mapping[str, Any],
          sources: str | Path | Mapping[str, str] | None = None,
          checks: Sequence[PairCheck] = PAIR_CHECKS) -> ScoreResult:
    """Score predictions against gold.

    ``gold``: a gold directory or loaded :class:`GoldDoc` list.
    ``predictions``: a directory of ``<doc>.json`` files, or a mapping doc name ->
    prediction (a dict with ``quantities``/``flags``, a ``Prediction``, or a
    ``(quantities, flags)`` tuple). Documents without a prediction count as
    empty and are listed in ``docs_missing``.
    ``sources``: a directory of source texts (file name = doc) or a mapping
    doc name -> text, used only to show context in error lists.
    """
    gold_docs = load_gold_dir(gold) if isinstance(gold, (str, Path)) else list(gold)
    names = [g.doc for g in gold_docs]
    if isinstance(predictions, (str, Path)):
        preds = load_pred_dir(predictions, names)
    else:
        preds = predictions_from(predictions)
    texts = load_sources(sources, names)
    result = ScoreResult(checks={c.name: Accuracy() for c in checks},
                         check_labels={c.name: c.label for c in checks})
    result.warnings = _source_warnings(gold_docs, texts)
    for g in gold_docs:
        doc_score = score_document(g, preds.get(g.doc), texts.get(g.doc), result.errors, checks)
        result.docs[g.doc] = doc_score
        if doc_score.missing:
            result.docs_missing.append(g.doc)
        result.add(doc_score)
    return result
