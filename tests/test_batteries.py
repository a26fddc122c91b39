"""benchmarks/batteries_stop49: reports written from GUIDE.md alone, read as a
user's batch would be. Their arithmetic holds, so no inconsistency is flagged;
and the readings the stop added hold on whole texts."""

from __future__ import annotations

import pytest

from helpers import ROOT

BATTERIES = ROOT / "benchmarks" / "batteries_stop49"
TEXTS = sorted(BATTERIES.glob("*/t*.txt"))


def test_the_batteries_are_there():
    assert len(TEXTS) == 24 and all(p.with_name(p.name + ".gold.json").exists() for p in TEXTS)


@pytest.mark.parametrize("path", TEXTS, ids=[f"{p.parent.name}/{p.name}" for p in TEXTS])
def test_texts_whose_arithmetic_holds_raise_no_inconsistency(pipeline, path):
    doc = pipeline.analyze(path)
    assert [(f.subtype, f.text) for f in doc.flags if f.type == "inconsistency"] == []
