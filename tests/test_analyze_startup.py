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


def test_a_one_file_run_imports_no_heavy_package_once_the_cache_is_filled(tmp_path):
    """A second `reportmine analyze` of one short report (the cache of derived data
    filled by the first) imports neither pyarrow nor numpy nor PyYAML, and
    writes every output, records.parquet included."""
    import subprocess
    import sys

    code = ("import sys; from reportmine.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "print(sorted(m for m in ('pyarrow', 'numpy', 'yaml', 'pandas', 'sqlalchemy') if m in sys.modules))")
    source = str(CORPORA / "samples" / "environment_energy_self_check.txt")
    env = dict(os.environ, REPORTMINE_CACHE_DIR=str(tmp_path / "cache"))
    seen = []
    for run in ("first", "second"):
        done = subprocess.run([sys.executable, "-c", code, "analyze", source, "--out", str(tmp_path / run), "-q"],
                              capture_output=True, text=True, timeout=300, env=env)
        assert done.returncode == 0, done.stderr
        seen.append(done.stdout.strip())
    assert "'yaml'" in seen[0]      # the first process parses the data files (and builds the TF-IDF tables)
    assert seen[1] == "[]"
    for name in ("records.parquet", "records.xlsx", "records.csv", "report.html", "reportmine.db"):
        assert (tmp_path / "second" / name).stat().st_size > 0, name
