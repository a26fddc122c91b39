"""No realdev, seed or gold text is copied into the project.

Those texts are for measuring and learning only; test texts, examples in
comments and the README are texts we write. This test reads every realdev
document, every seed and every string of every gold file under ../shared,
keeps each window of a few characters of it, and fails on any tracked text
file of the project that repeats such a window verbatim.

What counts as copied (windows of a run of CJK, digits and punctuation):
- 10 characters holding at least two digits and one CJK character: a number
  with its words ("比上年增长6.5%" is 9, so a stock phrase around a number
  does not trip it, while a reported figure with its indicator does);
- 8 characters holding at least four digits and one CJK character: a
  figure of its own with a word or two ("236户418人", "合格率97.46%");
- 15 characters with fewer digits than that: stock phrases of work reports
  run up to 14 characters ("确保圆满完成全年各项目标任务" is 14), so 15 in a row are a
  sentence taken from a document.
The lengths were chosen by scanning the project at several: at 8 (digit)
and 12 or 14 (no digit) stock phrases written independently tripped it
("同比增长12.8%", "在市委、市政府的正确领导下"); at 10 and 15 every hit
was a quoted passage, save the political formulas in STOCK and
windows whose only number was one digit ("城镇登记失业率控制在3.", where
"3." is the start of a rate written the same way in every report), hence
"at least two digits". An 8-character window with four digits or more
caught the short figures quoted alone; with three it tripped on
"同比增长12.8%".
"""

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from helpers import ROOT, SHARED

SHARED_DIR = Path(os.environ.get("REPORTMINE_SHARED", SHARED))
# (window length, fewest digits, most digits) of the windows kept
WINDOWS = ((10, 2, 10), (8, 4, 8), (15, 0, 1))
# Formulas every work report of the period writes, longer than 15: written
# independently, not copied from one document.
STOCK = ("坚持以习近平新时代中国特色社会主义思想为指导",)

# Files that are by design measurement data derived from the dev set: they
# hold the dev set's numbers and evidence strings to measure against, and
# are never read by the pipeline.
DERIVED = {
    # the arithmetic relations of realdev and the seeds with their evidence
    # strings, checked against the documents by tests/test_benchmark_relations.py
    "benchmarks/relations.json",
}

_RUN = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef0-9.%,:;()\-+/]+")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"[0-9\uff10-\uff19]")


def _windows(text: str):
    """(start, window) for every window that would count as copied."""
    for run in _RUN.finditer(text):
        s, base = run.group(), run.start()
        digits, han = [0], [0]                     # prefix counts over the run
        for ch in s:
            digits.append(digits[-1] + bool(_DIGIT.match(ch)))
            han.append(han[-1] + bool(_HAN.match(ch)))
        for n, fewest, most in WINDOWS:
            for i in range(len(s) - n + 1):
                d, h = digits[i + n] - digits[i], han[i + n] - han[i]
                if h and fewest <= d <= most:
                    yield base + i, s[i : i + n]


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _dev_texts():
    for folder in ("realdev/docs", "seeds"):
        for path in sorted((SHARED_DIR / folder).glob("*.txt")):
            yield path.read_text(encoding="utf-8")
    for folder in ("gold", "realdev/gold"):
        for path in sorted((SHARED_DIR / folder).glob("*.json")):
            yield "\n".join(_strings(json.loads(path.read_text(encoding="utf-8"))))


def _project_files():
    names = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for name in names.splitlines():
        if name in DERIVED:
            continue
        path = ROOT / name
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue  # binary files (docx, pdf, png) and files deleted in the worktree
        yield name, text


def _copied(known: set[str], text: str):
    """(line number, passage) for each stretch of a line made of known windows."""
    found = []
    for lineno, line in enumerate(text.splitlines(), 1):
        spans = []
        for start, w in sorted(_windows(line)):
            if w not in known:
                continue
            if spans and start <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], start + len(w))
            else:
                spans.append([start, start + len(w)])
        found += [(lineno, line[s:e]) for s, e in spans]
    return found


def test_no_dev_seed_or_gold_text_in_the_project():
    if not (SHARED_DIR / "realdev").is_dir():
        if os.environ.get("CI") == "true":
            raise AssertionError(f"{SHARED_DIR}/realdev is absent in CI")
        pytest.skip("../shared/realdev is absent")
    known = {w for text in _dev_texts() for _, w in _windows(text)}
    known -= {w for phrase in STOCK for _, w in _windows(phrase)}
    assert len(known) > 50_000  # the dev texts were read
    hits = [f"{name}:{lineno}: {passage}"
            for name, text in _project_files() for lineno, passage in _copied(known, text)]
    assert hits == [], f"{len(hits)} passages copied from dev/seed/gold texts:\n" + "\n".join(hits)


def test_the_scanner_finds_a_copied_window_and_spares_stock_phrases():
    known = {w for _, w in _windows("全区实现地区生产总值1234.5亿元，同比增长6.5%。")}
    assert _copied(known, "# 例：地区生产总值1234.5亿元") == [(1, "地区生产总值1234.5亿元")]
    assert _copied(known, "同比增长6.5%。") == []
    known = {w for _, w in _windows("一是坚持项目带动不动摇，二是抓好招商引资工作。")}
    got = _copied(known, "例如：坚持项目带动不动摇，二是抓好招商")
    assert got == [(1, "坚持项目带动不动摇，二是抓好招商")]
    assert _copied(known, "坚持项目带动不动摇。") == []
