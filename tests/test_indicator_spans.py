"""models/indicator_spans.py, the LODO measurement of a learned indicator
chooser: its candidates are runs of jieba chunks before the quantity, and its
folds count what the chooser puts right and wrong against the rules."""

import importlib.util
import sys

from helpers import ROOT


def _spans_module():
    spec = importlib.util.spec_from_file_location("indicator_spans", ROOT / "models" / "indicator_spans.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_candidates_are_runs_of_chunks_on_the_quantitys_line():
    spans = _spans_module()
    text = "上半年进展顺利。全县组织返乡青年电商培训3650人次，完成任务的91%。"
    start = text.index("3650")
    found = {text[a:b] for a, b, *_ in spans.candidates(text, start)}
    assert "返乡青年电商培训" in found and "电商培训" in found
    assert not any("进展" in s or "。" in s for s in found)      # not across the sentence end
    assert "青年电" not in found                                 # chunk boundaries, not characters


def test_lodo_counts_what_the_chooser_changes():
    spans = _spans_module()
    # three folds: where the rules' phrase is wrong, the candidate marked "good" is right
    rows = []
    for fold in ("a", "b", "c"):
        for k in range(6):
            rules_ok = k % 2 == 0
            rows.append({"fold": fold, "set": "written", "rules": 1.0 if rules_ok else 0.0,
                         "cands": [(["good"], 1.0 if not rules_ok else 0.9), (["bad"], 0.0)]
                         if not rules_ok else [(["bad"], 0.0), (["good"], 1.0)]})
    result = spans.lodo(rows)["written"]
    assert result["rows"] == 18 and result["rules"] == 9
    assert result[0.5] == 18 and result[(0.5, "right")] == 9 and result[(0.5, "wrong")] == 0
