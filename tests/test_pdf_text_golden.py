"""What `reportmine text` prints for the corpus PDFs stays as it was: the
stored corpus PDF and every corpus sample rendered as a PDF (corpora/tools/
render.py, reportlab's invariant mode) against the SHA-256, length and line
count of each text in tests/data/pdf/corpus_text.json (written by
REPORTMINE_REGEN=1, like the other golden files; recorded from the reader
before its speed work). A change of one character fails."""

from __future__ import annotations

import hashlib
import json
import sys

import pytest
from click.testing import CliRunner

from reportmine.cli import cli

import render_helpers as rh
from helpers import CORPORA

sys.path.insert(0, str(CORPORA / "tools"))
import render  # noqa: E402

GOLDEN = rh.DATA / "pdf" / "corpus_text.json"
STORED = sorted((CORPORA / "samples").glob("*.pdf"))
SAMPLES = sorted((CORPORA / "samples").glob("*.txt"))


def check(path, name: str) -> None:
    result = CliRunner().invoke(cli, ["text", str(path)])
    assert result.exit_code == 0, result.output
    text = result.output
    actual = {"sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
              "chars": len(text), "lines": text.count("\n")}
    golden = json.loads(GOLDEN.read_text(encoding="utf-8")) if GOLDEN.exists() else {}
    if rh.REGEN:
        golden[name] = actual
        GOLDEN.write_text(json.dumps(golden, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    assert actual == golden[name], name


def test_every_golden_text_has_a_source():
    names = set(json.loads(GOLDEN.read_text(encoding="utf-8")))
    assert names == {p.stem for p in STORED} | {f"rendered_{p.stem}" for p in SAMPLES}


@pytest.mark.parametrize("path", STORED, ids=[p.name for p in STORED])
def test_stored_corpus_pdf(path):
    check(path, path.stem)


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_rendered_corpus_sample(tmp_path, sample):
    check(render.render_pdf(sample, tmp_path / f"{sample.stem}.pdf"), f"rendered_{sample.stem}")
