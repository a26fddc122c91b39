"""reportmine as a spaCy pipeline component, for integrators who use spaCy.

>>> import spacy, reportmine.spacy_component  # doctest: +SKIP
>>> nlp = spacy.blank("zh")                    # doctest: +SKIP
>>> nlp.add_pipe("reportmine_quantities")      # doctest: +SKIP
>>> doc = nlp("全年新增城镇就业岗位27506个，完成局目标任务的106%。")  # doctest: +SKIP
>>> [(s.text, s.label_, s._.indicator) for s in doc.spans["quantities"]]  # doctest: +SKIP

Each quantity becomes a Span in ``doc.spans["quantities"]`` labelled with its
role; its normalized value, unit, indicator and period are Span extensions.
Character offsets that fall inside a token expand to whole tokens.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .claims import assign_claims
from .quantities import recognize

EXTENSIONS = ("value", "unit", "norm_value", "norm_unit", "approx", "indicator", "period", "quantity")
for _name in EXTENSIONS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


class QuantityComponent:
    """Finds quantities and their claims in a spaCy Doc."""

    def __init__(self, nlp: Language, name: str, spans_key: str = "quantities"):
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        quantities = recognize(doc.text)
        assign_claims(doc.text, quantities)
        spans = []
        for q in quantities:
            span = doc.char_span(q.start, q.end, label=q.role or "actual", alignment_mode="expand")
            if span is None:
                continue
            for attr in EXTENSIONS[:-1]:
                setattr(span._, attr, getattr(q, attr))
            span._.quantity = q
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory("reportmine_quantities", default_config={"spans_key": "quantities"})
def make_quantity_component(nlp: Language, name: str, spans_key: str) -> QuantityComponent:
    return QuantityComponent(nlp, name, spans_key)
