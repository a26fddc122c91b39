"""The evaluation package: GUIDE.md matching rules, equal to shared/gold/score.py."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reportmine.document import Flag, Quantity
from reportmine.evaluation import (GoldDoc, GoldError, format_result, load_gold_dir, score,
                                   summary_line, validate_gold)
from reportmine.evaluation.scoring import char_f1, context

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
GOLD_DIR = SHARED / "gold"
SEEDS = SHARED / "seeds"
needs_shared = pytest.mark.skipif(not (GOLD_DIR / "score.py").exists(),
                                  reason="shared gold not available")


def q(start, end, norm_value, role="actual", indicator=None, text=None, **kw):
    d = dict(start=start, end=end, text=text or "x" * (end - start), value=norm_value,
             unit=None, norm_value=norm_value, norm_unit=None, approx=None, role=role,
             indicator=indicator, period=None)
    d.update(kw)
    return d


def f(start, end, type_="placeholder"):
    return dict(start=start, end=end, text="x" * (end - start), type=type_, subtype=None, note="")


def run(gold_q=(), pred_q=(), gold_f=(), pred_f=(), **kw):
    gold = [GoldDoc("d.txt", list(gold_q), list(gold_f))]
    return score(gold, {"d.txt": {"quantities": list(pred_q), "flags": list(pred_f)}}, **kw)


# -- quantities ----------------------------------------------------------------

def test_exact_match():
    r = run([q(0, 4, 12.0)], [q(0, 4, 12.0)])
    assert (r.quantity.tp, r.quantity.p, r.quantity.r, r.quantity.f1) == (1, 1.0, 1.0, 1.0)


@pytest.mark.parametrize("pred_span,hit", [
    ((2, 6), True),      # partial overlap
    ((3, 4), True),      # inside
    ((4, 8), False),     # touches the end: no overlap
    ((0, 0), False),     # empty span before
])
def test_span_overlap(pred_span, hit):
    r = run([q(0, 4, 5)], [q(*pred_span, 5)])
    assert r.quantity.tp == int(hit)


@pytest.mark.parametrize("gold_v,pred_v,hit", [
    (15490000, 15490000.0, True),
    (1.11, 1.11 * (1 + 5e-7), True),      # within 1e-6 relative
    (1.11, 1.11 * (1 + 5e-6), False),
    (0.0, 1e-13, True),                    # absolute tolerance 1e-12
    (0.0, 1e-11, False),
    (1549, 15490000, False),               # unnormalized value
    (2, "2", True),                         # numeric strings are read as numbers
    (2, "two", False),
])
def test_value_tolerance(gold_v, pred_v, hit):
    r = run([q(0, 4, gold_v)], [q(0, 4, pred_v)])
    assert r.quantity.tp == int(hit)


def test_both_values_missing_match_in_gold_but_null_predictions_are_ignored():
    # a predicted quantity with a null norm_value is a placeholder: not counted at all
    r = run([q(0, 4, 3)], [q(0, 4, None), q(0, 4, 3)])
    assert (r.quantity.pred, r.quantity.tp, r.quantity.p) == (1, 1, 1.0)
    r = run([q(0, 4, None)], [q(0, 4, None)])
    assert (r.quantity.gold, r.quantity.pred, r.quantity.tp) == (1, 0, 0)


def test_predictions_without_integer_offsets_are_ignored():
    bad = [dict(q(0, 4, 3), start=None), dict(q(0, 4, 3), end="4")]
    r = run([q(0, 4, 3)], bad)
    assert (r.quantity.pred, r.quantity.tp) == (0, 0)


def test_one_to_one_greedy_in_gold_order():
    # one prediction overlapping two gold quantities with the same value: only the first gets it
    r = run([q(0, 4, 7), q(3, 8, 7)], [q(2, 5, 7)])
    assert (r.quantity.tp, r.quantity.gold, r.quantity.pred) == (1, 2, 1)
    assert [m.start for m in r.errors.missed] == [3]
    # two predictions for one gold quantity: one is spurious
    r = run([q(0, 4, 7)], [q(0, 4, 7), q(1, 3, 7)])
    assert (r.quantity.tp, r.quantity.pred) == (1, 2)
    assert [s.start for s in r.errors.spurious] == [1]


def test_greedy_is_not_optimal():
    # gold A takes the first fitting prediction even if gold B could only use that one
    gold = [q(0, 10, 1), q(8, 12, 1)]
    pred = [q(8, 9, 1), q(0, 2, 1)]
    r = run(gold, pred)
    assert r.quantity.tp == 1


def test_prf_conventions_for_empty_sets():
    r = run([], [])
    assert (r.quantity.p, r.quantity.r, r.quantity.f1) == (1.0, 1.0, 1.0)
    r = run([q(0, 1, 1)], [])
    assert (r.quantity.p, r.quantity.r, r.quantity.f1) == (0.0, 0.0, 0.0)
    r = run([], [q(0, 1, 1)])
    assert (r.quantity.p, r.quantity.r) == (0.0, 1.0)


# -- role, indicator, claim -------------------------------------------------------

def test_role_accuracy_and_confusions():
    gold = [q(0, 2, 1, role="actual"), q(3, 5, 2, role="target"), q(6, 8, 3, role="growth")]
    pred = [q(0, 2, 1, role="actual"), q(3, 5, 2, role="actual"), q(20, 22, 3, role="growth")]
    r = run(gold, pred)
    assert r.checks["role"].ok == 1 and r.checks["role"].n == 2
    assert r.errors.role_confusions == {("target", "actual"): 1}


def test_char_f1():
    assert char_f1("城镇新增就业岗位", "城镇新增就业岗位") == 1.0
    assert char_f1("城镇新增就业", "新增就业岗位") == pytest.approx(2 / 3)
    assert char_f1("", "x") == 0.0 and char_f1("ab", None) == 0.0


@pytest.mark.parametrize("pred_ind,ok", [
    ("小额担保贷款", True),
    ("担保贷款", True),           # 4 of 6 chars: F1 0.8
    ("贷款", True),               # P 1, R 1/3 -> F1 0.5: at the threshold
    ("款", False),                # F1 2/7
    (None, False),
    ("城镇就业", False),
])
def test_indicator_char_f1_threshold(pred_ind, ok):
    r = run([q(0, 2, 1, indicator="小额担保贷款")], [q(0, 2, 1, indicator=pred_ind)])
    assert r.checks["indicator"].n == 1
    assert r.checks["indicator"].ok == int(ok)
    assert len(r.errors.indicators) == int(not ok)


def test_indicator_only_where_gold_has_one_and_claim_skips_other():
    gold = [q(0, 2, 1, role="other"), q(3, 5, 2, role="actual"),
            q(6, 8, 3, role="target", indicator="计划生育率")]
    pred = [q(0, 2, 1, role="other", indicator="x"), q(3, 5, 2, role="actual"),
            q(6, 8, 3, role="target", indicator="生育率")]
    r = run(gold, pred)
    assert (r.checks["indicator"].ok, r.checks["indicator"].n) == (1, 1)
    assert (r.checks["claim"].ok, r.checks["claim"].n) == (2, 2)
    pred[2]["role"] = "actual"
    r = run(gold, pred)
    assert (r.checks["claim"].ok, r.checks["claim"].n) == (1, 2)


def test_claim_recall_counts_only_matched_pairs():
    gold = [q(0, 2, 1), q(3, 5, 2)]
    r = run(gold, [q(0, 2, 1)])
    assert (r.checks["claim"].ok, r.checks["claim"].n) == (1, 1)   # as score.py: n = matched


# -- flags ---------------------------------------------------------------------------

@pytest.mark.parametrize("pred_span,hit", [
    ((10, 14), True),
    ((14, 16), True),    # adjacent after
    ((17, 20), True),    # 3 characters between
    ((18, 20), False),   # 4 characters between: 18 < 14 + 4 fails
    ((3, 7), True),      # 3 characters between, before
    ((2, 6), False),     # 4 characters between, before
    ((0, 5), False),
    ((0, 30), True),     # contains
])
def test_flag_slack_of_four(pred_span, hit):
    r = run(gold_f=[f(10, 14)], pred_f=[f(*pred_span)])
    assert r.flags["placeholder"].tp == int(hit)


def test_flags_are_matched_per_type():
    gold_f = [f(0, 4, "placeholder"), f(10, 14, "missing_number"), f(30, 40, "inconsistency")]
    pred_f = [f(0, 4, "missing_number"), f(10, 14, "missing_number"), f(30, 40, "inconsistency"),
              f(50, 52, "other")]
    r = run(gold_f=gold_f, pred_f=pred_f)
    assert (r.flags["placeholder"].tp, r.flags["placeholder"].pred) == (0, 0)
    assert (r.flags["missing_number"].tp, r.flags["missing_number"].pred) == (1, 2)
    assert r.flags["inconsistency"].f1 == 1.0
    assert len(r.errors.missed_flags["placeholder"]) == 1
    assert [x.start for x in r.errors.spurious_flags["missing_number"]] == [0]


# -- inputs, errors, context ------------------------------------------------------------

def test_prediction_shapes_and_dataclasses():
    gold = [GoldDoc("d.txt", [q(0, 4, 3)], [f(5, 6)])]
    qty = Quantity(0, 4, "3个人", 3, "个", 3, "个", role="actual")
    flag = Flag(5, 6, "x", "placeholder")
    for pred in ({"quantities": [qty], "flags": [flag]},
                 [{"quantities": [qty], "flags": [flag]}],
                 {"document": {"quantities": [qty], "flags": [flag]}},
                 ([qty], [flag])):
        r = score(gold, {"d.txt": pred})
        assert r.quantity.f1 == 1.0 and r.flags["placeholder"].f1 == 1.0


def test_missing_document_counts_as_empty():
    gold = [GoldDoc("a.txt", [q(0, 1, 1)], []), GoldDoc("b.txt", [q(0, 1, 1)], [])]
    r = score(gold, {"a.txt": {"quantities": [q(0, 1, 1)]}})
    assert r.docs_missing == ["b.txt"] and r.summary()["docs_missing"] == 1
    assert (r.quantity.tp, r.quantity.gold) == (1, 2)
    assert r.docs["a.txt"].quantity.f1 == 1.0 and r.docs["b.txt"].quantity.r == 0.0


def test_errors_carry_context():
    text = "全年城镇新增就业岗位27506个，完成局目标任务的106%。"
    gold = [GoldDoc("d.txt", [q(10, 16, 27506, text="27506个"), q(25, 29, 1.06, text="106%")], [])]
    r = score(gold, {"d.txt": {"quantities": [q(25, 29, 106), q(0, 2, 1)]}},
              sources={"d.txt": text})
    missed = [m.context for m in r.errors.missed]
    assert missed[0] == "全年城镇新增就业岗位⟦27506个⟧，完成局目标任务的106%。"
    assert missed[1] == "…增就业岗位27506个，完成局目标任务的⟦106%⟧。"
    assert [x.context for x in r.errors.spurious] == [missed[1], "⟦全年⟧城镇新增就业岗位27506个，完成局目标…"]
    assert (r.errors.missed[0].doc, r.errors.missed[0].start, r.errors.missed[0].end) == ("d.txt", 10, 16)
    out = format_result(r, errors=True, per_doc=True)
    assert "MISSED quantities (2)" in out and "SPURIOUS quantities (2)" in out
    assert "d.txt:25-29" in out
    assert out.splitlines()[-1].startswith("SUMMARY qF1=0.000")


def test_context_is_one_line_and_elided():
    text = "a" * 30 + "\n12个\n" + "b" * 30
    assert context(text, 31, 34, width=5) == "…aaaa⏎⟦12个⟧⏎bbbb…"
    assert context(None, 0, 1) is None and context("ab", 1, 5) is None


def test_gold_validation_errors_are_clear(tmp_path):
    ok = {"schema": "reportmine-gold/1", "doc": "d.txt", "quantities": [q(0, 1, 1)], "flags": []}
    validate_gold(ok)
    with pytest.raises(GoldError, match="schema"):
        validate_gold(dict(ok, schema="other/1"))
    with pytest.raises(GoldError, match=r"quantities\[0\].*'role'"):
        validate_gold(dict(ok, quantities=[q(0, 1, 1, role="nonsense")]))
    with pytest.raises(GoldError, match=r"flags\[0\].*'type'"):
        validate_gold(dict(ok, flags=[f(0, 1, "typo")]))
    with pytest.raises(GoldError, match=r"'start' must be an integer"):
        validate_gold(dict(ok, quantities=[dict(q(0, 1, 1), start="0")]))
    (tmp_path / "e.txt.gold.json").write_text(json.dumps(ok), encoding="utf-8")
    with pytest.raises(GoldError, match="file name says 'e.txt'"):
        load_gold_dir(tmp_path)
    (tmp_path / "e.txt.gold.json").write_text("{", encoding="utf-8")
    with pytest.raises(GoldError, match="cannot read"):
        load_gold_dir(tmp_path)


# -- the shared gold and the reference scorer ----------------------------------------------

@needs_shared
def test_gold_against_itself_is_perfect():
    gold = load_gold_dir(GOLD_DIR)
    assert gold, "no gold files"
    r = score(gold, {g.doc: {"quantities": g.quantities, "flags": g.flags} for g in gold},
              sources=SEEDS)
    s = r.summary()
    assert s["quantity"]["f1"] == 1.0
    assert s["role_acc"] == s["indicator_acc"] == s["claim_recall"] == 1.0
    for ftype in ("placeholder", "missing_number", "inconsistency"):
        assert s[ftype]["f1"] == 1.0
    assert not r.warnings and not r.errors.missed and not r.errors.spurious


def _perturb(gold: GoldDoc, seed: int) -> dict:
    """Drop, shift, re-role and re-indicate some gold entries; add noise."""
    qs = []
    for i, x in enumerate(copy.deepcopy(gold.quantities)):
        k = (i + seed) % 7
        if k == 0:
            continue                                        # dropped
        if k == 1:
            x["norm_value"] = (x["norm_value"] or 0) * 1.01 + 1   # wrong value
        elif k == 2:
            x["role"] = "other" if x["role"] != "other" else "actual"
        elif k == 3:
            x["indicator"] = (x["indicator"] or "")[:1] or None   # mostly too short
        elif k == 4:
            x["start"], x["end"] = x["end"], x["end"] + 2          # touching: no overlap
        elif k == 5:
            x["norm_value"] = x["norm_value"] * (1 + 1e-7) if x["norm_value"] else None
        qs.append(x)
    qs.append(dict(start=0, end=2, text="??", norm_value=None))   # placeholder: ignored
    qs.append(dict(start=1, end=3, text="??", norm_value=5))       # spurious
    qs.reverse()                                                    # order matters for greedy
    flags = []
    for i, x in enumerate(copy.deepcopy(gold.flags)):
        if i % 3 == 0:
            continue
        if i % 3 == 1:
            x["start"] += 3
            x["end"] += 6
        flags.append(x)
    flags.append(dict(start=5, end=9, type="inconsistency"))
    return {"quantities": qs, "flags": flags}


@needs_shared
def test_same_numbers_as_reference_scorer(tmp_path):
    gold = load_gold_dir(GOLD_DIR)
    pred_dir = tmp_path / "pred"
    pred_dir.mkdir()
    preds = {}
    for n, g in enumerate(gold):
        if n == len(gold) - 1:
            continue                                 # one document without prediction
        preds[g.doc] = _perturb(g, n)
        wrapped = {"document": preds[g.doc]} if n % 2 else preds[g.doc]
        (pred_dir / (g.doc + ".json")).write_text(json.dumps(wrapped, ensure_ascii=False),
                                                 encoding="utf-8")
    out_json = tmp_path / "ref.json"
    proc = subprocess.run([sys.executable, str(GOLD_DIR / "score.py"), str(GOLD_DIR),
                           str(pred_dir), "--json", str(out_json)],
                          capture_output=True, text=True, check=True)
    reference = json.loads(out_json.read_text(encoding="utf-8"))
    ours_dir = score(GOLD_DIR, pred_dir, sources=SEEDS)
    ours_mem = score(gold, preds)
    assert ours_dir.summary() == reference
    assert ours_mem.summary() == reference
    assert 0 < reference["quantity"]["f1"] < 1 and 0 < reference["role_acc"] < 1
    ref_lines = proc.stdout.strip().splitlines()
    our_lines = format_result(ours_dir).splitlines()
    assert our_lines[-8:] == ref_lines[-8:]
    assert summary_line(ours_dir) == ref_lines[-1]
