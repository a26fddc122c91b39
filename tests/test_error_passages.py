"""benchmarks/error_passages_*.jsonl (stop 33, a helper's, written without seeing
the checks): passages with one known wrong number or none. Every clean passage
raises no inconsistency but the known ones, and the errors the checks were
made to read on the dev file stay caught; the figures are the benchmark's
(benchmarks/error_passages.py), not asserted here beyond that."""

import json

import pytest

from helpers import ROOT


def _passages(name: str) -> list[dict]:
    path = ROOT / "benchmarks" / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _flags(pipeline, text: str) -> list[str]:
    doc = pipeline.analyze_bytes((text + "\n").encode("utf-8"), "passage.txt")
    return [f.message for f in doc.flags if f.type == "inconsistency"]


def test_each_wrong_number_is_written_once_in_its_passage():
    for name in ("error_passages_dev.jsonl", "error_passages_heldout.jsonl"):
        items = _passages(name)
        assert len(items) == 120
        for item in items:
            assert all(item["text"].count(e["quote"]) == 1 for e in item["errors"]), item["id"]


@pytest.mark.parametrize("name, known", [
    ("error_passages_dev.jsonl", set()),
    # a 其中 part and a parallel amount of the next sentence read as the whole breakdown
    # (等级公路 of 公路总里程, then 高速公路), 1% short: kept, seen after the rules were written
    ("error_passages_heldout.jsonl", {"h016"}),
])
def test_clean_passages_raise_only_the_known_flags(pipeline, name, known):
    flagged = {item["id"] for item in _passages(name) if not item["errors"] and _flags(pipeline, item["text"])}
    assert flagged == known


def test_the_dev_errors_read_at_stop_33_are_caught(pipeline):
    """The dev passages' errors of the kinds this stop's rules read: a direction word
    against the levels, one indicator stated twice, a completion after its target's
    sentence, a rate whose part an earlier sentence names, a share above 100%."""
    items = {item["id"]: item for item in _passages("error_passages_dev.jsonl")}
    caught = {i for i, item in items.items() if item["errors"] and _flags(pipeline, item["text"])}
    assert {"d053", "d057", "d061", "d064", "d080", "d082", "d087", "d093", "d110", "d113"} <= caught
