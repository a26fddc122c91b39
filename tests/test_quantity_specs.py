"""Spec files (tests/specs/quantities/*.json): one test id per case."""

import json
from pathlib import Path

import pytest

from reportmine.quantities import recognize

SPECS = Path(__file__).parent / "specs" / "quantities"


def cases():
    for path in sorted(SPECS.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            yield pytest.param(case, id=f"{path.stem}-{case['id']}")


def close(a, b):
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


@pytest.mark.parametrize("case", list(cases()))
def test_spec(case):
    got = recognize(case["input"])
    assert [q.text for q in got] == [e["text"] for e in case["expected"]]
    for q, e in zip(got, case["expected"]):
        assert case["input"][q.start:q.end] == q.text
        assert close(q.norm_value, e["norm_value"]), (q.text, q.norm_value)
        assert q.norm_unit == e["norm_unit"], q.text
        assert q.approx == e["approx"], q.text
        if "value" in e:
            assert close(q.value, e["value"]), q.text
        if "unit" in e:
            assert q.unit == e["unit"], q.text
