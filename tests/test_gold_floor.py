"""Ratchets: quantity scores on the shared gold and on our own corpora.

Raise the floors as the recognizer improves; never lower them to pass.
"""

import pytest

from reportmine.evaluation import load_gold_dir, score
from reportmine.pipeline import Pipeline

from helpers import CORPORA, GOLD, SEEDS, needs_shared

FLOORS = {
    # name: (gold dir, sources dir, F1, P, R)
    "shared": (GOLD, SEEDS, 0.98, 0.99, 0.97),
    "corpora": (CORPORA / "gold", CORPORA / "samples", 0.99, 0.99, 0.99),
}


def run(gold_dir, sources_dir):
    gold = load_gold_dir(gold_dir)
    pipeline = Pipeline()
    preds = {g.doc: pipeline.analyze(sources_dir / g.doc).to_dict(text=False) for g in gold}
    return score(gold, preds)


@pytest.mark.parametrize("name", ["shared", "corpora"])
def test_quantity_scores_stay_above_the_floor(name):
    gold_dir, sources_dir, f1, p, r = FLOORS[name]
    if name == "shared" and not SEEDS.is_dir():
        pytest.skip("../shared is absent")
    q = run(gold_dir, sources_dir).quantity
    assert q.f1 >= f1 and q.p >= p and q.r >= r, (q.f1, q.p, q.r)


CLAIM_FLOORS = {
    # name: (gold dir, sources dir, role, indicator, claim recall); issue 9 asks
    # realdev for role >= 0.90, indicator >= 0.85, claim recall >= 0.80
    # seeds at 0.935 / 0.855 since stop 26 (0.940 / 0.859): 不少于 read as a
    # target bound (claims.yaml target_bounds) costs one seed row, a routine
    # 每月…不少于2次 the gold reads as achieved, and puts 7 realdev and 3 corpus
    # rows right
    "seeds": (GOLD, SEEDS, 0.935, 0.89, 0.855),
    "realdev": (SEEDS.parent / "realdev" / "gold", SEEDS.parent / "realdev" / "docs", 0.90, 0.85, 0.81),
}


@pytest.mark.parametrize("name", ["seeds", "realdev"])
def test_claim_scores_stay_above_the_floor(name):
    gold_dir, sources_dir, role, indicator, claims = CLAIM_FLOORS[name]
    if not sources_dir.is_dir():
        pytest.skip("../shared is absent")
    s = run(gold_dir, sources_dir).summary()
    got = (s["role_acc"], s["indicator_acc"], s["claim_recall"])
    assert got[0] >= role and got[1] >= indicator and got[2] >= claims, got
