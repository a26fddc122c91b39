"""The claims stage: role, indicator and period for every quantity.

For each quantity the clause before it is read: the nearest role cue decides
the role (data/claims.yaml); the noun right after the quantity (创建30间名师
工作室) or else the clause head trimmed of verbs, fillers and cue words is the
indicator; the nearest period phrase in the sentence is the period. A quantity
whose clause names no indicator (完成县下达任务的106%, 全年预测238万元) takes
it from the quantity before it in the same sentence, or from the clause before.
分别/依次 lists are paired element by element.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Document, Quantity
from .cues import cues
from .features import quantity_features
from .model import RoleModel, default_model
from .normalized import View, assign_in_view
from .headings import heading_targets
from .labels import label_claims
from .tables import glued_pair_claims, line_table_claims, table_claims
from .walk import assign_claims

__all__ = ["annotate_claims", "apply_role_model", "assign_claims", "rule_claims"]


def annotate_claims(doc: Document, model: RoleModel | None | str = None) -> Document:
    """Rules (cues, tables, lists); with ``model`` ("default": the shipped
    one) the role model then sets every role over the whole document, reading
    what the rules said as one of its features. Off by default: by LODO it
    wins role accuracy on realdev but not claim recall (models/ROLES.md)."""
    rules = rule_claims(doc)
    if model == "default":
        model = default_model()
    if model is not None:
        apply_role_model(doc, model, rules)
    return doc


@dataclass
class RuleClaims:
    """What the rules leave for the model: the indicator each quantity named
    before a role ``other`` cleared it (id(q) -> phrase) and the text view."""

    raw: dict[int, str | None]
    view: View | None       # None: the document was read chunk by chunk


def rule_claims(doc: Document) -> RuleClaims:
    """The rules' roles, indicators and periods on every quantity."""
    raw: dict[int, str | None] = {}
    chunks = doc.chunks()
    if len(chunks) == 1:
        view = assign_in_view(assign_claims, doc.text, doc.quantities, raw)
    else:
        view = None
        _chunk_claims(doc, chunks, raw)
    table_claims(doc, cues())
    line_table_claims(doc, cues())
    glued_pair_claims(doc, cues())
    label_claims(doc, cues())
    heading_targets(cues(), doc)
    return RuleClaims(raw, view)


def _chunk_claims(doc: Document, chunks, raw: dict) -> None:
    """The rules chunk by chunk, each on its own text (from a few lines before
    it); the 分别 lists are numbered on across the chunks."""
    import bisect

    from ..chunks import context_start, shift

    starts = [a for a, _ in chunks]
    parts: list[list[Quantity]] = [[] for _ in chunks]
    for q in doc.quantities:
        parts[bisect.bisect_right(starts, q.start) - 1].append(q)
    groups = 0
    for (a, b), qs in zip(chunks, parts):
        if not qs:
            continue
        c = context_start(doc.text, a)
        shift(qs, -c)
        try:
            assign_in_view(assign_claims, doc.text[c:b], qs, raw)
        finally:
            shift(qs, c)
        numbered = [q.group for q in qs if q.group is not None]
        for q in qs:
            if q.group is not None:
                q.group += groups
        groups += max(numbered) + 1 if numbered else 0


def apply_role_model(doc: Document, model: RoleModel, rules: RuleClaims) -> None:
    """Set each quantity's role to the model's; an ``other`` quantity names no
    indicator, one the rules had made ``other`` gets back the phrase it named."""
    roles = model.predict(quantity_features(doc, rules.view if rules.view is not None else View(doc.text)))
    for q, role in zip(doc.quantities, roles):
        if role == q.role:
            continue
        if role == "other":
            q.indicator = None
        elif q.role == "other":
            q.indicator = rules.raw.get(id(q))
        q.role = role
