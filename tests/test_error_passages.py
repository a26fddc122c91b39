"""benchmarks/error_passages_*.jsonl (stop 33, and heldout2 at stop 34: helpers',
written without seeing the checks): passages with one known wrong number or none. Every clean passage
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
    for name in ("error_passages_dev.jsonl", "error_passages_heldout.jsonl", "error_passages_heldout2.jsonl"):
        items = _passages(name)
        assert len(items) == 120
        for item in items:
            assert all(item["text"].count(e["quote"]) == 1 for e in item["errors"]), item["id"]


@pytest.mark.parametrize("name, known", [
    ("error_passages_dev.jsonl", set()),
    # (h016, a 其中 part and a parallel amount of the next sentence read as the whole
    # breakdown, 等级公路 of 公路总里程 then 高速公路, 1% short, was flagged until stop 38:
    # two parts short of their total are no whole breakdown unless they say so)
    ("error_passages_heldout.jsonl", set()),
    # stop 34's held-out file (a second helper's, the same brief): its one flagged clean
    # passage, flagged at the stop's start too; measured at the start and the end only
    ("error_passages_heldout2.jsonl", {"h2_065"}),
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


def test_the_dev_errors_read_at_stop_34_are_caught(pipeline):
    """The dev passages' errors of the kinds stop 34's rules read: a sum off by two
    tenths over three parts (a strict rounding bound), one indicator twice around its
    其中 list or named after its number, a rate per mille written with %, a gap with
    the compared value read as a difference, a rate whose whole is the one count of
    the sentence before, a 其中 part above its whole, 亩均, a list written alike whose
    first parts fit, a gap to a target its clause names, a dated level restated by its
    head noun, 尚差 in points, persons fewer than households."""
    items = {item["id"]: item for item in _passages("error_passages_dev.jsonl")}
    caught = {i for i, item in items.items() if item["errors"] and _flags(pipeline, item["text"])}
    assert {"d019", "d035", "d037", "d043", "d048", "d052", "d054", "d060", "d062", "d078", "d106", "d112",
            "d117"} <= caught
