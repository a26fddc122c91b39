"""Data-file patterns rebuilt from the state an earlier process kept match as compiled ones."""

from __future__ import annotations

import pytest
import regex

from reportmine import compiled_patterns as cp

PATTERNS = [   # written for this test: named groups, look-behind, properties, a flag
    (r"(?P<target>(?:基本|全年)(?:任务|指标)(?:为|是)?)|(?P<actual>完成(?:了)?)", 0),
    (r"(?<![0-9])(\d+(?:\.\d+)?)\s*(万元|亿元|%)", 0),
    (r"\p{Han}{2,6}?(?:省|市|县|区)", 0),
    (r"gdp|cpi", regex.IGNORECASE),
]
TEXT = "全年任务为1200万元，基本指标是3.5亿元，完成了98.6%，甲县GDP增长6%，城东区CPI"


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTMINE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(cp, "_table", None)
    monkeypatch.setattr(cp, "_new", {})
    monkeypatch.setattr(cp.atexit, "register", lambda fn: None)   # saved by hand below
    return tmp_path


def _matches(p):
    return [(m.span(), m.groups(), m.lastgroup) for m in p.finditer(TEXT)]


def test_a_kept_state_rebuilds_the_same_pattern(fresh, monkeypatch):
    compiled = [cp.compile_cached(p, f) for p, f in PATTERNS]
    cp._save()
    assert len(list(fresh.glob("regex-*.bin"))) == 1
    monkeypatch.setattr(cp, "_table", None)                       # as a new process
    monkeypatch.setattr(cp.regex, "compile", lambda *a: pytest.fail("compiled again"))
    rebuilt = [cp.compile_cached(p, f) for p, f in PATTERNS]
    for a, b in zip(compiled, rebuilt):
        assert a is not b and a.pattern == b.pattern and a.flags == b.flags
        assert a.groupindex == b.groupindex
        assert _matches(a) == _matches(b) and _matches(a)


def test_a_state_for_another_pattern_is_not_used(fresh, monkeypatch):
    pattern, flags = PATTERNS[1]
    other = regex.compile(PATTERNS[2][0])
    monkeypatch.setattr(cp, "_table", {(pattern, flags): other._pickled_data, (PATTERNS[0][0], 0): ("junk",)})
    got = cp.compile_cached(pattern, flags)
    assert got.pattern == pattern and _matches(got) == _matches(regex.compile(pattern, flags))
    assert _matches(cp.compile_cached(PATTERNS[0][0])) == _matches(regex.compile(PATTERNS[0][0]))


def test_a_damaged_table_means_compiling_as_usual(fresh):
    cp.compile_cached(*PATTERNS[0])
    cp._save()
    (path,) = fresh.glob("regex-*.bin")
    path.write_bytes(b"not a table at all")
    cp._table = None
    got = cp.compile_cached(*PATTERNS[0])
    assert cp._table == {} and _matches(got) == _matches(regex.compile(*PATTERNS[0]))
