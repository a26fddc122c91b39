"""benchmarks/relations.json: every relation holds in its document as written,
and the mutation helpers break what they say they break."""

import json
import os
import sys
from pathlib import Path

import pytest

from helpers import ROOT, SHARED

sys.path.insert(0, str(ROOT / "benchmarks"))
from mutate import mutations, perturbations  # noqa: E402
from relation_math import find_relation, holds, parse  # noqa: E402

RELATIONS = json.loads((ROOT / "benchmarks" / "relations.json").read_text(encoding="utf-8"))
SHARED_DIR = Path(os.environ.get("REPORTMINE_SHARED", SHARED))


def _text(name: str) -> str:
    if not (SHARED_DIR / "realdev").is_dir():
        if os.environ.get("CI") == "true":
            raise AssertionError(f"{SHARED_DIR}/realdev is absent in CI")
        pytest.skip("../shared/realdev is absent")
    path = SHARED_DIR / "seeds" / name[6:] if name.startswith("seeds/") else SHARED_DIR / "realdev" / "docs" / name
    return path.read_text(encoding="utf-8")


def test_every_relation_holds_in_its_document():
    texts, bad = {}, []
    for r in RELATIONS:
        text = texts.setdefault(r["doc"], _text(r["doc"]))
        written = [text[s:e].replace("\n", " ") for s, e in r["spans"]]
        if written != r["numbers"]:
            bad.append((r["doc"], written, r["numbers"]))
        elif r["expr"] and not holds(r["expr"], r["stated"], [parse(text[s:e]) for s, e in r["spans"]]):
            bad.append((r["doc"], r["expr"], r["numbers"]))
    assert bad == []
    assert len(RELATIONS) >= 200 and sum(1 for r in RELATIONS if r["expr"]) >= 180


def test_numbers_are_read_in_base_units_with_their_rounding():
    assert parse("3.5万人次") == (35000.0, 500.0)
    assert parse("46台") == (46.0, 0.0)
    assert parse("82.62%") == pytest.approx((0.8262, 0.00005))
    assert parse("1.84个千分点") == pytest.approx((0.00184, 0.000005))
    assert parse("-6.4%")[0] == pytest.approx(-0.064)


def test_arithmetic_is_recovered_within_rounding_only():
    assert find_relation([parse("58名"), parse("41名"), parse("17名")]) == ("n1 + n2", 0)
    # 2,285/2,402 = 95.13%: 95.1% holds, 95.2% does not
    assert holds("n0 / n1", 2, [parse("2285人"), parse("2402人"), parse("95.1%")])
    assert not holds("n0 / n1", 2, [parse("2285人"), parse("2402人"), parse("95.2%")])


def test_mutations_skip_changes_that_keep_the_relation():
    text = "收入共计100万元，其中甲50万元、乙50万元。"
    a, b = text.find("100万元"), text.find("50万元")
    c = text.find("50万元", b + 1)
    rel = {"spans": [[a, a + 5], [b, b + 4], [c, c + 4]], "expr": "n1 + n2", "stated": 0}
    assert [text[s:e] for s, e in rel["spans"]] == ["100万元", "50万元", "50万元"]
    kinds = [k for k, _, _, _ in mutations(text, rel)]
    # 100 -> 103, 110; 50 -> 53, 55 (the swap of 50 is 05, a change too)
    assert kinds and all(k in ("last_digit", "swap", "ten_percent") for k in kinds)
    for _, mutated, moved, _ in mutations(text, rel):
        assert not holds("n1 + n2", 0, [parse(mutated[s:e]) for s, e in moved])
    assert list(perturbations("2,402")) == [("last_digit", "2,405"), ("swap", "2,420"), ("ten_percent", "2642")]
