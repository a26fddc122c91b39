"""Claims spec files (tests/specs/claims/*.json) and the spaCy component."""

import json
from pathlib import Path

import pytest

from reportmine.claims import assign_claims
from reportmine.quantities import recognize

SPECS = Path(__file__).parent / "specs" / "claims"


def cases():
    out = []
    for path in sorted(SPECS.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            out.append(pytest.param(case, id=f"{path.stem}-{case['id']}"))
    return out


@pytest.mark.parametrize("case", cases())
def test_claim_spec(case):
    found = recognize(case["input"])
    assign_claims(case["input"], found)
    assert [q.text for q in found] == [e["text"] for e in case["expected"]]
    for q, e in zip(found, case["expected"]):
        assert q.role == e["role"], q.text
        for key in ("indicator", "period", "subject", "setter"):
            if key in e:
                assert getattr(q, key) == e[key], (q.text, key, getattr(q, key))


def test_spacy_component_sets_spans_with_claims():
    import spacy

    import reportmine.spacy_component  # noqa: F401 - registers the factory

    nlp = spacy.blank("zh")
    nlp.add_pipe("reportmine_quantities")
    doc = nlp("全年新增城镇就业岗位27506个，完成局目标任务的106%。")
    spans = doc.spans["quantities"]
    assert [(s.text, s.label_) for s in spans] == [("27506个", "actual"), ("106%", "completion_rate")]
    assert spans[1]._.norm_value == pytest.approx(1.06)
    assert spans[1]._.indicator == spans[0]._.indicator == "新增城镇就业岗位"
