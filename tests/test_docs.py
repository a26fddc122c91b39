"""The README is a contract: Quickstart, CI and every command documented."""

import re

from reportmine.cli import cli

from helpers import ROOT


def quickstart():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"^#+\s*Quickstart.*?^```[^\n]*\n(.*?)^```", text, re.M | re.S).group(1)
    return [l for l in block.splitlines() if l.strip() and not l.lstrip().startswith("#")]


def test_quickstart_has_two_one_line_commands():
    lines = quickstart()
    assert len(lines) == 2
    assert "reportmine analyze corpora/samples" in lines[0]
    assert "pytest" in lines[1]
    assert all(l.startswith("python3 ") for l in lines)


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert "Quickstart" in ci and "lines[1]" in ci


def test_every_command_is_documented_with_an_example():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in cli.commands.items():
        assert f"reportmine {name}" in readme, name
        assert "Example" in (command.help or ""), name


def test_python_m_reportmine_runs_the_command_line():
    import subprocess
    import sys

    from reportmine import __version__

    done = subprocess.run([sys.executable, "-m", "reportmine", "--version"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert __version__ in done.stdout
