import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
DATA = Path(__file__).resolve().parent / "data"
CORPORA = ROOT / "corpora"

needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared is absent")


def model_script(name: str):
    """A script of models/ (train_roles, indicator_spans) imported as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "models" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module      # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def regen() -> bool:
    """Golden files are rewritten only when REPORTMINE_REGEN=1 is set."""
    return os.environ.get("REPORTMINE_REGEN") == "1"


def add_word_table(d, *rows):
    """A real Word table in the python-docx document ``d``: ``rows`` are lists of cell texts."""
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            table.cell(r, c).text = value
    return table
