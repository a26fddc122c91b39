"""The indicator catalog (models/indicators.yaml) and the linking gold (corpora/links.json).

The catalog is language data: every entry is complete, ids are stable and
well formed, and no surface form (name or alias) belongs to two entries, so a
phrase can never link to two indicators by exact match. The linking gold names
only catalog ids and only indicator phrases that the corpus gold really uses.
"""

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "models" / "indicators.yaml"
LINKS = ROOT / "corpora" / "links.json"
GOLD = ROOT / "corpora" / "gold"

CATEGORIES = {
    "employment", "social_security", "economy", "fiscal", "investment", "trade",
    "agriculture", "population", "environment", "education", "health", "safety",
    "public_security", "culture_tourism", "party_building", "government",
}
DIRECTIONS = {"higher", "lower"}
FIELDS = {"id", "name", "aliases", "unit", "direction", "category"}
ID_RE = re.compile(r"^([a-z_]+)\.([a-z0-9]+(?:_[a-z0-9]+)*)$")


@pytest.fixture(scope="module")
def catalog():
    return yaml.safe_load(CATALOG.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def entries(catalog):
    return catalog["indicators"]


@pytest.fixture(scope="module")
def links():
    return json.loads(LINKS.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gold_phrases():
    """Indicator phrase -> set of documents whose gold uses it."""
    phrases = {}
    for path in sorted(GOLD.glob("*.txt.gold.json")):  # renderings (.docx/.pdf) repeat these
        gold = json.loads(path.read_text(encoding="utf-8"))
        for q in gold["quantities"]:
            if q.get("indicator"):
                phrases.setdefault(q["indicator"], set()).add(gold["doc"])
    return phrases


def nonempty_str(value):
    return isinstance(value, str) and value.strip() == value and value != ""


# ------------------------------------------------------------------ catalog


def test_catalog_declares_its_schema(catalog):
    assert set(catalog) == {"schema", "indicators"}
    assert catalog["schema"] == "reportmine-indicators/1"


def test_catalog_is_large_enough(entries):
    assert isinstance(entries, list)
    assert len(entries) >= 150


def test_every_entry_has_exactly_the_schema_fields(entries):
    for e in entries:
        assert isinstance(e, dict), e
        assert set(e) == FIELDS, (e.get("id"), set(e) ^ FIELDS)


def test_fields_use_the_allowed_vocabularies(entries):
    for e in entries:
        assert nonempty_str(e["id"]), e
        assert nonempty_str(e["name"]), e["id"]
        assert isinstance(e["aliases"], list), e["id"]
        assert all(nonempty_str(a) for a in e["aliases"]), e["id"]
        # unit as written; null only for numbers reports write bare (性别比 106.8)
        assert e["unit"] is None or nonempty_str(e["unit"]), e["id"]
        assert e["direction"] in DIRECTIONS, e["id"]
        assert e["category"] in CATEGORIES, e["id"]


def test_ids_are_unique_and_prefixed_by_their_category(entries):
    ids = [e["id"] for e in entries]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    for e in entries:
        m = ID_RE.match(e["id"])
        assert m, f"{e['id']} is not category.snake_case"
        assert m.group(1) == e["category"], e["id"]


def test_no_surface_form_belongs_to_two_entries(entries):
    owner = {}
    clashes = []
    for e in entries:
        forms = [e["name"], *e["aliases"]]
        assert len(forms) == len(set(forms)), f"{e['id']} repeats a form (or its name) in aliases"
        for form in forms:
            if form in owner and owner[form] != e["id"]:
                clashes.append((form, owner[form], e["id"]))
            owner.setdefault(form, e["id"])
    assert clashes == []


def test_names_are_unique(entries):
    names = Counter(e["name"] for e in entries)
    assert [n for n, k in names.items() if k > 1] == []


def test_every_category_has_at_least_eight_entries(entries):
    counts = Counter(e["category"] for e in entries)
    assert {c: counts.get(c, 0) for c in CATEGORIES if counts.get(c, 0) < 8} == {}


@pytest.mark.parametrize("form, expected", [
    ("城镇新增就业", "employment.urban_new_jobs"),
    ("规上工业增加值", "economy.industrial_va_above_scale"),
    ("地方财政一般预算收入", "fiscal.general_budget_revenue"),
    ("财政收入", "fiscal.total_revenue"),
    ("政策符合率", "population.policy_compliance_rate"),
    ("万元GDP能耗", "environment.energy_per_gdp"),
    ("单位GDP能耗", "environment.energy_per_gdp"),
    ("万元工业增加值能耗", "environment.energy_per_industrial_va"),
    ("刑事案件破案率", "public_security.criminal_clearance_rate"),
    ("立刑事案件", "public_security.criminal_cases_filed"),
])
def test_well_known_forms_resolve_to_the_right_entry(entries, form, expected):
    owner = {f: e["id"] for e in entries for f in [e["name"], *e["aliases"]]}
    assert owner.get(form) == expected


@pytest.mark.parametrize("indicator, direction", [
    ("employment.registered_unemployment_rate", "lower"),
    ("safety.accident_deaths", "lower"),
    ("environment.energy_per_gdp", "lower"),
    ("economy.gdp", "higher"),
])
def test_directions_of_reference_indicators(entries, indicator, direction):
    by_id = {e["id"]: e for e in entries}
    assert by_id[indicator]["direction"] == direction


# -------------------------------------------------------------- links gold


def test_links_declare_their_schema(links):
    assert set(links) == {"schema", "links"}
    assert links["schema"] == "reportmine-links/1"


def test_links_are_sorted_unique_and_well_formed(links):
    phrases = [link["indicator"] for link in links["links"]]
    assert phrases == sorted(phrases)
    assert len(phrases) == len(set(phrases))
    for link in links["links"]:
        assert set(link) == {"indicator", "id", "docs"}, link
        assert nonempty_str(link["indicator"]), link
        assert link["id"] is None or nonempty_str(link["id"]), link
        assert link["docs"] and link["docs"] == sorted(set(link["docs"])), link


def test_every_linked_id_is_in_the_catalog(links, entries):
    ids = {e["id"] for e in entries}
    assert sorted({l["id"] for l in links["links"] if l["id"]} - ids) == []


def test_every_linked_phrase_occurs_in_the_corpus_gold(links, gold_phrases):
    unknown = [l["indicator"] for l in links["links"] if l["indicator"] not in gold_phrases]
    assert unknown == []
    wrong_docs = [l["indicator"] for l in links["links"]
                  if l["indicator"] in gold_phrases and set(l["docs"]) != gold_phrases[l["indicator"]]]
    assert wrong_docs == []


def test_every_gold_phrase_has_a_linking_decision(links, gold_phrases):
    decided = {l["indicator"] for l in links["links"]}
    assert sorted(set(gold_phrases) - decided) == []
