"""Consistency checks for the project's own sample corpus (corpora/samples + corpora/gold).

The gold files follow the schema ``reportmine-gold/1`` of ../shared/gold/GUIDE.md.
These tests check the files themselves (not the extractor): the source text exists
and is unchanged, spans point at the annotated text, vocabularies are respected
and normalised values agree with the written value and unit.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import math
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
SAMPLES = CORPORA / "samples"
GOLD_DIR = CORPORA / "gold"
HELPER = CORPORA / "tools" / "annotate_helper.py"

SCHEMA = "reportmine-gold/1"
ROLES = {"actual", "completion_rate", "target", "basic_target", "full_target",
         "forecast", "growth", "difference", "other"}
APPROX = {None, "more", "less", "about"}
FLAG_TYPES = {"placeholder", "missing_number", "inconsistency"}
Q_FIELDS = {"start", "end", "text", "value", "unit", "norm_value", "norm_unit",
            "approx", "role", "indicator", "period"}
F_FIELDS = {"start", "end", "text", "type", "subtype", "note"}

# unit -> (factor, norm_unit) for the units whose normalisation GUIDE.md spells out
FACTORS = {
    "%": (0.01, "ratio"),
    "‰": (0.001, "ratio"),
    "个百分点": (0.01, "ratio_point"),
    "成": (0.1, "ratio"),
    "倍": (1, "倍"),
    "元": (1, "元"),
    "万元": (1e4, "元"),
    "亿元": (1e8, "元"),
    "美元": (1, "美元"),
    "万美元": (1e4, "美元"),
    "亿美元": (1e8, "美元"),
    "人": (1, "人"),
    "万人": (1e4, "人"),
    "人次": (1, "人次"),
    "万人次": (1e4, "人次"),
    "个": (1, "个"),
    "万个": (1e4, "个"),
    "名": (1, "名"),
    "户": (1, "户"),
    "家": (1, "家"),
    "所": (1, "所"),
    "项": (1, "项"),
    "件": (1, "件"),
    "次": (1, "次"),
    "吨": (1, "吨"),
    "吨标准煤": (1, "吨标准煤"),
    "万吨标准煤": (1e4, "吨标准煤"),
    "亩": (1, "亩"),
    "万亩": (1e4, "亩"),
    "平方米": (1, "平方米"),
    "万平方米": (1e4, "平方米"),
    "公里": (1, "公里"),
    "微克/立方米": (1, "微克/立方米"),
    "天": (1, "天"),
    "分": (1, "分"),
}

GOLD_FILES = sorted(GOLD_DIR.glob("*.gold.json"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def source_of(gold: dict) -> Path:
    return SAMPLES / gold["doc"]


def text_of(gold: dict) -> str:
    """The canonical text offsets refer to: the decoded file for .txt, the
    reader's text (what `reportmine text` prints) for .docx and .pdf."""
    path = source_of(gold)
    if path.suffix == ".txt":
        return path.read_bytes().decode("utf-8")
    from reportmine.readers import read

    return read(path).text


def unit_written(unit: str, text: str) -> bool:
    """The unit appears in the span (allowing 多/余 inside, 2万多人 -> 万人), or is 百分之 for %,
    or the span is a bare number sharing the unit of the next one in a range (3-5个)."""
    if unit == "%" and text.lstrip("约近超过不到少于").startswith("百分之"):
        return True
    if text.translate(str.maketrans("", "", "0123456789.,０１２３４５６７８９")) == "":
        return True
    it = iter(text)
    return all(ch in it for ch in unit)  # subsequence test


def ids(paths):
    return [p.name for p in paths]


def test_corpus_is_present():
    assert len(GOLD_FILES) >= 6, "expected at least 6 gold files in corpora/gold"
    for gp in GOLD_FILES:
        assert gp.name.endswith((".txt.gold.json", ".docx.gold.json", ".pdf.gold.json"))


@pytest.mark.parametrize("gpath", GOLD_FILES, ids=ids(GOLD_FILES))
def test_header_and_source(gpath):
    gold = load(gpath)
    assert set(gold) == {"schema", "doc", "sha256", "quantities", "flags"}
    assert gold["schema"] == SCHEMA
    assert gold["doc"] + ".gold.json" == gpath.name
    src = source_of(gold)
    assert src.is_file(), f"source {src} is missing"
    data = src.read_bytes()
    assert hashlib.sha256(data).hexdigest() == gold["sha256"], "source changed after annotation"
    if src.suffix == ".txt":
        data.decode("utf-8")  # strict UTF-8
    assert isinstance(gold["quantities"], list) and isinstance(gold["flags"], list)


@pytest.mark.parametrize("gpath", GOLD_FILES, ids=ids(GOLD_FILES))
def test_quantities(gpath):
    gold = load(gpath)
    text = text_of(gold)
    prev_end = -1
    prev_start = -1
    for q in gold["quantities"]:
        assert set(q) == Q_FIELDS, q
        s, e = q["start"], q["end"]
        assert isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text), q
        assert text[s:e] == q["text"], (q, text[s:e])
        assert s >= prev_start, f"quantities not sorted at {q}"
        assert s >= prev_end, f"quantity {q['text']!r} at {s} overlaps the previous one"
        prev_start, prev_end = s, e
        assert "\n" not in q["text"] and "\t" not in q["text"]
        assert q["role"] in ROLES, q
        assert q["approx"] in APPROX, q
        assert isinstance(q["value"], (int, float)) and not isinstance(q["value"], bool), q
        assert isinstance(q["norm_value"], (int, float)) and not isinstance(q["norm_value"], bool), q
        assert q["unit"] is None or (isinstance(q["unit"], str) and q["unit"]), q
        assert q["indicator"] is None or (isinstance(q["indicator"], str) and q["indicator"].strip()), q
        assert q["period"] is None or (isinstance(q["period"], str) and q["period"].strip()), q
        if q["role"] == "other":
            assert q["indicator"] is None, f"role other carries no indicator: {q}"
        if q["unit"] is not None:
            assert unit_written(q["unit"], q["text"]), f"unit not written in the span: {q}"


@pytest.mark.parametrize("gpath", GOLD_FILES, ids=ids(GOLD_FILES))
def test_normalisation(gpath):
    gold = load(gpath)
    for q in gold["quantities"]:
        unit, value, nv = q["unit"], q["value"], q["norm_value"]
        if unit is None:
            assert q["norm_unit"] is None or q["norm_unit"] == "ratio", q
            if q["norm_unit"] is None:
                assert nv == value, q
            continue
        if unit in FACTORS:
            factor, nu = FACTORS[unit]
        elif unit[0] in "万亿" and len(unit) > 1:
            factor, nu = (1e4 if unit[0] == "万" else 1e8), unit[1:]
        else:
            factor, nu = 1, unit
        assert q["norm_unit"] == nu, f"norm_unit of {q['text']!r} should be {nu!r}"
        assert math.isclose(nv, value * factor, rel_tol=1e-9, abs_tol=1e-12), \
            f"norm_value of {q['text']!r}: {nv} != {value} x {factor}"


@pytest.mark.parametrize("gpath", GOLD_FILES, ids=ids(GOLD_FILES))
def test_flags(gpath):
    gold = load(gpath)
    text = text_of(gold)
    prev = (-1, -1)
    for f in gold["flags"]:
        assert set(f) == F_FIELDS, f
        s, e = f["start"], f["end"]
        assert isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text), f
        assert text[s:e] == f["text"], (f, text[s:e])
        assert (s, e) >= prev, f"flags not sorted at {f}"
        prev = (s, e)
        assert f["type"] in FLAG_TYPES, f
        assert isinstance(f["subtype"], str) and f["subtype"].strip(), f
        assert isinstance(f["note"], str) and f["note"].strip() and "\n" not in f["note"], f


def test_corpus_coverage():
    """The corpus as a whole exercises every role, every flag type and a TAB table."""
    roles, ftypes = Counter(), Counter()
    n_q = 0
    tab_table = False
    for gp in GOLD_FILES:
        gold = load(gp)
        n_q += len(gold["quantities"])
        roles.update(q["role"] for q in gold["quantities"])
        ftypes.update(f["type"] for f in gold["flags"])
        lines = text_of(gold).splitlines()
        run = 0
        for line in lines:
            run = run + 1 if line.count("\t") >= 2 else 0
            tab_table = tab_table or run >= 6  # header + at least 5 rows
    assert n_q >= 250
    assert set(roles) == ROLES, f"roles never used: {ROLES - set(roles)}"
    assert set(ftypes) == FLAG_TYPES
    assert tab_table, "no TAB-separated table with a header and 5 rows in the samples"


@pytest.mark.skipif(not HELPER.is_file(), reason="annotate_helper.py is absent")
@pytest.mark.parametrize("gpath", [g for g in GOLD_FILES if g.name.endswith(".txt.gold.json")],
                         ids=ids([g for g in GOLD_FILES if g.name.endswith(".txt.gold.json")]))
def test_helper_round_trip(gpath):
    """export (gold -> markup) then parse (markup -> text + gold) gives back the same gold."""
    spec = importlib.util.spec_from_file_location("annotate_helper", HELPER)
    helper = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(helper)
    gold = load(gpath)
    text, qs, fs = helper.parse_ann(helper.export(gpath))
    assert text == text_of(gold)
    assert sorted(qs, key=lambda q: (q["start"], q["end"])) == gold["quantities"]
    assert sorted(fs, key=lambda f: (f["start"], f["end"])) == gold["flags"]
    assert helper.verify(gold, text) == []
