"""Look-ups that replace scans give the scans' answers.

Clause and sentence bounds read from a text's boundaries (found once per
document) equal the local scans; the boilerplate line rules searched one by
one report the kind their one alternation reports.
"""

import random

import regex

from reportmine.claims import clauses
from reportmine.resources import load_yaml
from reportmine.structure.boilerplate import _first_kind, _rules

PIECES = ["全县", "完成投资", "1,234", "5.6", "万元", "，", "。", "；", "\n", "（", "）", "增长", " ", "、", "12", "率"]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 300))) for _ in range(n)]
    return texts + ["甲" * 600 + "，" + "乙" * 400 + "。", "1,234,567," * 80]


def _bounds(text: str, asks) -> list[tuple]:
    return [(clauses.clause_start(text, p, f), clauses.sentence_start(text, p, f), clauses.clause_end(text, p, c))
            for p, f, c in asks]


def test_clause_and_sentence_bounds_from_kept_boundaries_equal_the_scans():
    rng = random.Random(7)
    for text in _texts(60, 7):
        n = len(text)
        asks = [(rng.randint(0, n + 2), rng.choice([0, rng.randint(0, n)]), rng.choice([None, rng.randint(0, n + 3)]))
                for _ in range(120)]
        clauses.forget()
        scanned = _bounds(text, asks)
        clauses.marks(text)                 # kept, as during a document's stages
        looked_up = _bounds(text, asks)
        clauses.forget()
        assert looked_up == scanned


def _one_alternation(by_kind: dict) -> "regex.Pattern":
    return regex.compile("|".join(f"(?P<{kind}>" + "|".join(f"(?:{p})" for p in patterns) + ")"
                                  for kind, patterns in by_kind.items()))


def test_boilerplate_rules_one_by_one_report_the_kind_of_their_alternation():
    data = load_yaml("structure.yaml")["boilerplate"]
    line_rules, tail_rules, _, _ = _rules()
    lines = ["本文档下载到电脑，方便修改和收藏", "相关范文推荐", "  文档简介：", "全市完成投资12亿元，增长5%。",
             "版权声明：本站内容由用户上传", "小编为大家整理了以下内容，希望对大家有所帮助", "2024年工作总结（精选10篇）",
             "报告.docx", "下面是小编为大家整理的，仅供参考", "评论", "3/150", ""]
    rng = random.Random(3)
    lines += [rng.choice(lines)[-6:] + rng.choice(lines)[:12] for _ in range(300)]
    for rules, by_kind in ((line_rules, data["lines"]), (tail_rules, data["tails"])):
        alternation = _one_alternation(by_kind)
        for line in lines:
            m = alternation.search(line)
            assert _first_kind(rules, line) == (m.lastgroup if m else None), line


def _contained_by_scan(linker, key: str, rate: bool):
    """The first form in scan order inside ``key``, every offset tried (the scan the look-up replaces)."""
    get, form_is_rate = linker._scan_order.get, linker._form_is_rate
    for n in range(min(linker._longest, len(key)), linker.min_contained - 1, -1):
        first = None
        for i in range(len(key) - n + 1):
            at = get(key[i:i + n])
            if at is not None and (first is None or at < first) and form_is_rate[at] == rate:
                first = at
        if first is not None:
            return first
    return None


def test_contained_catalog_names_tried_only_where_a_name_can_start_equal_the_scan():
    from reportmine.catalog.linker import default_linker

    linker = default_linker()
    rng = random.Random(11)
    forms = linker._forms
    pieces = ["全县", "完成", "累计", "同比增长", "率", "万元", "年度", "新增", "（", "）", "的"]
    keys = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(300)]
    keys += [rng.choice(pieces) + rng.choice(forms)[rng.randint(0, 3):] + rng.choice(pieces) + rng.choice(forms)
             for _ in range(600)]
    keys += [f[:rng.randint(0, len(f))] for f in rng.sample(forms, 200)]
    found = 0
    for key in keys:
        for rate in (False, True):
            expected = _contained_by_scan(linker, key, rate)
            assert linker._first_contained(key, rate) == expected, key
            found += expected is not None
    assert found > 300         # the keys do hold names


def test_a_name_never_written_after_a_digit_has_no_glued_number():
    import re

    from reportmine.checks.repeats import _after_digit, _glued

    def scan(text, name, lo, hi):           # the search of the whole text per name it replaces
        i = text.find(name, lo + 1, hi)
        while i >= 0:
            if "0" <= text[i - 1] <= "9":
                return True
            i = text.find(name, i + 1, hi)
        return False

    rng = random.Random(13)
    names = ["未成年人", "人", "率", "万元", "1号", "全县", "个"]
    said = 0
    for text in _texts(120, 13):
        glued_places = _glued(text)
        for name in names:
            lo = rng.randint(0, len(text))
            hi = rng.randint(lo, len(text))
            glued = [m.group(1) for m in re.finditer(r"(?<![0-9.])([0-9]{1,6})" + re.escape(name), text[lo:hi])]
            found = _after_digit(text, name, lo, hi, glued_places)
            assert found == scan(text, name, lo, hi), (text[lo:hi], name)
            said += found
            if not found:
                assert glued == [], (text[lo:hi], name)
    assert said > 20            # the texts do glue names to numbers


def test_traditional_characters_looked_up_by_code_point_equal_the_set_test():
    from reportmine.script import _traditional, holds_traditional, looked_up, t2s_table

    rng = random.Random(19)
    traditional = sorted(map(chr, t2s_table()))
    found = 0
    for text in _texts(80, 19):
        text = text * rng.randint(1, 4)
        if rng.random() < 0.5 and text:
            i = rng.randrange(len(text))
            text = text[:i] + rng.choice(traditional) + text[i:]
        text += rng.choice(["", "\ud800", "\U0001f600", "個"])
        assert holds_traditional(text) == (not _traditional().isdisjoint(text)), text[:40]
        assert looked_up(text) == (not _traditional().isdisjoint(text)), text[:40]
        found += looked_up(text)
    assert found > 10
