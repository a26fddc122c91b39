"""The indicator catalog linker, user catalogs and the linking floor."""

import json
import subprocess
import sys

import pytest

from reportmine.catalog import CatalogError, Indicator, Linker, default_catalog, load_catalog
from reportmine.catalog.model import Catalog

from helpers import CORPORA, ROOT


@pytest.fixture(scope="module")
def linker():
    return Linker(default_catalog(), threshold=0.75)


def test_exact_alias_and_contained(linker):
    assert linker.link("城镇登记失业率").method == "exact"
    rate = linker.link("城镇登记失业率")
    assert rate.id and default_catalog().by_id[rate.id].direction == "lower"
    contained = linker.link("全县城镇登记失业率")
    assert contained.id == rate.id and contained.method == "contains"


def test_growth_words_link_to_the_base_indicator(linker):
    base = linker.link("地区生产总值")
    assert base.id is not None
    assert linker.link("地区生产总值增速").id == base.id


def test_a_rate_never_links_to_a_count(linker):
    for phrase in ("新型农村合作医疗参合率", "城乡居民基本养老保险参保率"):
        got = linker.link(phrase)
        assert got.id is not None
        assert default_catalog().by_id[got.id].name.endswith(("率", "比重", "比例")), (phrase, got)


def test_unrelated_phrase_stays_unlinked(linker):
    assert linker.link("会议室桌椅").id is None
    assert linker.link(None).id is None


def test_user_catalog_adds_and_replaces(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "schema: reportmine-indicators/1\nindicators:\n"
        "  - {id: government.hotline_callbacks, name: 热线回访满意度, aliases: [12345回访满意度], "
        "unit: '%', direction: higher, category: government}\n", encoding="utf-8")
    merged = default_catalog().merged(load_catalog(path))
    got = Linker(merged).link("12345回访满意度")
    assert got.id == "government.hotline_callbacks"


@pytest.mark.parametrize("body,message", [
    ("indicators: []\n", "schema"),
    ("schema: reportmine-indicators/1\nindicators:\n  - {id: x, name: a}\n", "missing keys"),
    ("schema: reportmine-indicators/1\nindicators:\n  - {id: fiscal.a, name: 甲, aliases: [], unit: 元, "
     "direction: up, category: fiscal}\n", "direction"),
    ("schema: reportmine-indicators/1\nindicators:\n"
     "  - {id: fiscal.a, name: 甲, aliases: [乙], unit: 元, direction: higher, category: fiscal}\n"
     "  - {id: fiscal.b, name: 乙, aliases: [], unit: 元, direction: higher, category: fiscal}\n", "names both"),
])
def test_bad_catalogs_are_refused_with_a_reason(tmp_path, body, message):
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(CatalogError, match=message):
        load_catalog(path)


def test_cli_refuses_a_bad_catalog(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("indicators: []\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "reportmine.cli", "indicators",
                             str(CORPORA / "samples"), "--catalog", str(bad)], capture_output=True)
    assert result.returncode == 2 and "schema" in result.stderr.decode("utf-8")


def test_indicators_command_lists_unlinked_phrases():
    result = subprocess.run([sys.executable, "-m", "reportmine.cli", "indicators",
                             str(CORPORA / "samples" / "environment_energy_self_check.txt"),
                             "--unlinked", "--json"], capture_output=True, check=True)
    rows = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert rows and all(r["id"] is None and r["count"] >= 1 for r in rows)


def test_linking_precision_on_the_corpus_links_stays_above_the_floor():
    sys.path.insert(0, str(ROOT / "models"))
    import tune_linker

    links = json.loads((CORPORA / "links.json").read_text(encoding="utf-8"))["links"]
    threshold = json.loads((ROOT / "models" / "linker.json").read_text(encoding="utf-8"))["threshold"]
    row = tune_linker.evaluate(Linker(default_catalog()), links, threshold)
    assert row["precision"] >= 0.9 and row["recall"] >= 0.9, row
    e2e = tune_linker.end_to_end(links, CORPORA / "gold", CORPORA / "samples", threshold)
    assert e2e["precision"] >= 0.88, e2e
