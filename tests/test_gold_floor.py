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
