"""models/indicator_spans.py, the LODO measurement of a learned indicator
chooser: its candidates are runs of jieba chunks before the quantity, and its
folds count what the chooser puts right and wrong against the rules.

Both run in a child process: jieba's POS tagger and scikit-learn would stay in
this one's address space (about 650 MiB), which the analyze commands of later
tests measure against their default memory limit (E810)."""

import json
import subprocess
import sys

from helpers import ROOT

_RUN = """
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("indicator_spans", sys.argv[1])
spans = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = spans
spec.loader.exec_module(spans)
task = json.loads(sys.stdin.read())
if task["do"] == "candidates":
    text = task["text"]
    print(json.dumps(sorted({text[a:b] for a, b, *_ in spans.candidates(text, text.index(task["at"]))})))
else:
    result = spans.lodo([dict(r, cands=[tuple(c) for c in r["cands"]]) for r in task["rows"]])["written"]
    print(json.dumps({"rows": result["rows"], "rules": result["rules"], "ok": result[0.5],
                      "right": result[(0.5, "right")], "wrong": result[(0.5, "wrong")]}))
"""


def _run(task: dict):
    done = subprocess.run([sys.executable, "-c", _RUN, str(ROOT / "models" / "indicator_spans.py")],
                          input=json.dumps(task), capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_candidates_are_runs_of_chunks_on_the_quantitys_line():
    found = set(_run({"do": "candidates", "at": "3650",
                      "text": "上半年进展顺利。全县组织返乡青年电商培训3650人次，完成任务的91%。"}))
    assert "返乡青年电商培训" in found and "电商培训" in found
    assert not any("进展" in s or "。" in s for s in found)      # not across the sentence end
    assert "青年电" not in found                                 # chunk boundaries, not characters


def test_lodo_counts_what_the_chooser_changes():
    # three folds: where the rules' phrase is wrong, the candidate marked "good" is right
    rows = []
    for fold in ("a", "b", "c"):
        for k in range(6):
            rules_ok = k % 2 == 0
            rows.append({"fold": fold, "set": "written", "rules": 1.0 if rules_ok else 0.0,
                         "cands": [[["good"], 1.0], [["bad"], 0.0]] if not rules_ok
                         else [[["bad"], 0.0], [["good"], 1.0]]})
    assert _run({"do": "lodo", "rows": rows}) == {"rows": 18, "rules": 9, "ok": 18, "right": 9, "wrong": 0}
