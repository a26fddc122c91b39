"""What an analyze process sets up before the pipeline loads."""

from __future__ import annotations

import os

from click.testing import CliRunner

from reportmine.cli import cli
from reportmine.engines.process import NUMERIC_THREADS

from helpers import CORPORA


def test_analyze_asks_numeric_libraries_for_one_thread_unless_told(tmp_path, monkeypatch):
    source = str(CORPORA / "samples" / "environment_energy_self_check.txt")
    for name in NUMERIC_THREADS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MKL_NUM_THREADS", "3")               # the user's own choice stays
    result = CliRunner().invoke(cli, ["analyze", source, "--out", str(tmp_path), "-q"])
    assert result.exit_code == 0, result.output
    assert [os.environ.get(n) for n in NUMERIC_THREADS] == ["1", "1", "3"]
