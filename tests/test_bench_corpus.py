"""benchmarks/make_corpus.py: same seed, same bytes; broken files read as coded
errors; the good files of a corpus with broken ones are those of the clean one."""

from __future__ import annotations

import sys

import pytest

from helpers import ROOT
from reportmine.errors import ReportmineError
from reportmine.readers import read

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_text import ReportWriter, load_material  # noqa: E402
from make_corpus import make_corpus, read_manifest  # noqa: E402

MIX = {"txt": 0.4, "docx": 0.3, "pdf": 0.3}


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_seed_writes_the_same_bytes_and_broken_files_replace_good_ones(tmp_path):
    make_corpus(tmp_path / "a", n=10, seed=3, mix=MIX, broken=0.4)
    make_corpus(tmp_path / "b", n=10, seed=3, mix=MIX, broken=0.4)
    make_corpus(tmp_path / "clean", n=10, seed=3, mix=MIX)
    a, clean = _files(tmp_path / "a"), _files(tmp_path / "clean")
    assert a == _files(tmp_path / "b")
    rows = read_manifest(tmp_path / "a")
    assert sorted(r["kind"] for r in rows if r["kind"] != "report") == [
        "corrupt_docx", "empty", "junk_txt", "truncated_pdf"]
    good = [r["path"] for r in rows if r["kind"] == "report"]
    assert len(good) == 6 and all(a[p] == clean[p] for p in good)
    assert {r["format"] for r in rows if r["kind"] == "report"} == {"txt", "docx", "pdf"}


def test_every_file_reads_as_its_manifest_says(tmp_path):
    make_corpus(tmp_path, n=10, seed=3, mix=MIX, broken=0.4)
    expected = {"corrupt_docx": "E101", "truncated_pdf": "E201", "junk_txt": "E004", "empty": "E002"}
    for row in read_manifest(tmp_path):
        if row["kind"] == "report":
            doc = read(tmp_path / row["path"])
            assert doc.format == row["format"] and len(doc.text) > 0.8 * int(row["chars"])
        else:
            with pytest.raises(ReportmineError) as caught:
                read(tmp_path / row["path"])
            assert caught.value.code == expected[row["kind"]], row


def test_reports_carry_placeholders_and_their_broken_sums_are_counted():
    import random

    writer = ReportWriter(load_material(), broken_share=1.0)
    _, text, stats = writer.report(random.Random(1), domain="water")
    assert stats.checked and stats.broken == stats.checked
    assert "水利局" in text and any(mark in text for mark in ("x%", "20xx", "XX", "%以内"))
    _, _, clean = ReportWriter(load_material(), broken_share=0.0).report(random.Random(1), domain="water")
    assert clean.broken == 0 and clean.checked > 0


def test_planted_sentences_are_listed_and_the_checks_are_scored_against_them(tmp_path):
    import json

    from synthetic_flags import locate, score

    make_corpus(tmp_path, n=6, seed=5, mix={"txt": 0.5, "docx": 0.5}, broken=0.0)
    entries = [json.loads(line) for line in (tmp_path / "PLANTED.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = read_manifest(tmp_path)
    assert [e["path"] for e in entries] == [r["path"] for r in rows]
    assert [len(e["planted"]) for e in entries] == [int(r["broken_sums"]) for r in rows]
    # every planted sentence is in its file's text, docx included
    for e in entries:
        text = read(tmp_path / e["path"]).text
        assert None not in locate(text, e["planted"])
    r = score(tmp_path, {"txt", "docx"})
    assert r["located"] == r["planted"] == sum(len(e["planted"]) for e in entries) > 0
    assert 0 < r["found"] <= r["located"]
    assert sum(r["right"].values()) > 0


def test_planted_sentences_are_found_across_line_breaks():
    from synthetic_flags import locate

    text = "甲。全年完成投资\n5.2亿元，增长 6%。乙。"
    assert locate(text, ["全年完成投资5.2亿元，增长6%。", "丙。"]) == [(2, text.index("乙")), None]
