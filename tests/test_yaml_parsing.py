"""The fast YAML parser (libyaml when present) reads the shipped data as PyYAML's safe loader does."""

from importlib import resources

import pytest
import yaml

from reportmine.catalog import CatalogError
from reportmine.catalog.model import parse_catalog
from reportmine.resources import parse_yaml


def test_every_shipped_data_file_parses_the_same():
    files = [f for f in resources.files("reportmine.data").iterdir() if f.name.endswith(".yaml")]
    assert len(files) >= 5
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert parse_yaml(text) == yaml.safe_load(text), f.name


def test_unsafe_tags_are_refused_and_bad_yaml_is_a_catalog_error():
    with pytest.raises(yaml.YAMLError):
        parse_yaml("!!python/object/apply:os.system ['true']")
    with pytest.raises(CatalogError, match="my.yaml"):
        parse_catalog("schema: [unclosed", "my.yaml")
