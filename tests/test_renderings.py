"""Every corpus sample rendered as docx and as pdf: every number comes back
whole, and tables come back as tables."""

import json
import sys

import pytest

from reportmine.readers import read

from helpers import CORPORA

sys.path.insert(0, str(CORPORA / "tools"))
import render  # noqa: E402

SAMPLES = sorted((CORPORA / "samples").glob("*.txt"))


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_rendering_keeps_numbers_and_tables(tmp_path, sample, fmt):
    target = tmp_path / f"{sample.stem}.{fmt}"
    (render.render_docx if fmt == "docx" else render.render_pdf)(sample, target)
    doc = read(target)
    gold = json.loads((CORPORA / "gold" / (sample.name + ".gold.json")).read_text(encoding="utf-8"))
    missing = [q["text"] for q in gold["quantities"] if q["text"] not in doc.text]
    assert missing == []
    source_tables = sum(1 for i, line in enumerate(sample.read_text(encoding="utf-8").splitlines())
                        if "\t" in line and i and "\t" not in sample.read_text(encoding="utf-8").splitlines()[i - 1])
    assert len(doc.tables) == source_tables
    for table in doc.tables:
        assert len(table.rows) >= 2 and all(len(r) == len(table.rows[0]) for r in table.rows)
