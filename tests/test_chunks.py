"""Long texts analyzed chunk by chunk give what one pass gives; boundaries
looked up from marks found once equal a scan from each position."""

import random
from dataclasses import asdict

import pytest

from reportmine.chunks import plan
from reportmine.claims import clauses
from reportmine.pipeline import Pipeline
from reportmine.readers import read_bytes
from reportmine.records import build_tables

# a report written for this test: headings, 分别 lists, a sum with its parts,
# a rate against its counts, a placeholder, a missing number, a traditional-
# script paragraph, a value alone on its line under its label
SECTION = """{n}、{town}镇{year}年工作情况
全镇共有行政村{v}个，其中示范村{a}个、一般村{b}个。
全年完成固定资产投资{inv}万元，同比增长{g}%，完成年度目标任务的{c}%。
各村完成投资分别为{i1}万元、{i2}万元、{i3}万元。
新增就业{job}人，其中返乡创业{r}人，占新增就业的{share}%。
20xx年计划培训农民工___人次，控制在%以内。
本鎮全年實現財政收入{tax}萬元，比上年增長{tg}%。
覆盖率
{cov}%
"""
TOWNS = "青山 白水 东岭 西湖 南坪 北川 石桥 柳林 梅岗 竹溪".split()


def report(sections: int, seed: int = 7) -> str:
    r = random.Random(seed)
    parts = []
    for k in range(sections):
        a, b = r.randint(2, 9), r.randint(5, 20)
        job, rr = r.randint(300, 900), r.randint(20, 90)
        parts.append(SECTION.format(
            n="一二三四五六七八九十"[k % 10], town=TOWNS[k % len(TOWNS)], year=2015 + k % 8,
            v=a + b + r.choice((0, 0, 1)), a=a, b=b, inv=r.randint(1000, 9000), g=r.randint(1, 15),
            c=r.randint(90, 130), i1=r.randint(100, 999), i2=r.randint(100, 999), i3=r.randint(100, 999),
            job=job, r=rr, share=round(100 * rr / job + r.choice((0, 0, 3)), 1), tax=r.randint(50, 500),
            tg=r.randint(1, 9), cov=r.randint(80, 99)))
    return "".join(parts)


def analyzed(text: str, chunk_chars: int):
    doc = Pipeline(chunk_chars=chunk_chars)(read_bytes(text.encode("utf-8"), "chunked.txt"))
    records, flags = build_tables(doc)
    return doc, records, flags


def test_chunked_analysis_equals_one_pass():
    text = report(24)
    whole, records, flags = analyzed(text, 10 ** 9)
    chunked, c_records, c_flags = analyzed(text, 400)
    assert len(whole.chunks()) == 1 and len(chunked.chunks()) >= 8
    assert len(whole.quantities) > 24 * 12 and any(f.type == "inconsistency" for f in whole.flags)
    assert any(q.group is not None for q in whole.quantities)
    assert [asdict(q) for q in chunked.quantities] == [asdict(q) for q in whole.quantities]
    assert [asdict(f) for f in chunked.flags] == [asdict(f) for f in whole.flags]
    assert c_records == records and c_flags == flags


def test_chunks_cut_at_paragraphs_then_sentences_then_anywhere():
    text = "甲" * 50 + "\n" + "乙乙。" * 40 + "丙" * 300
    chunks = plan(text, 100)
    assert chunks[0] == (0, 51)                       # the paragraph end
    assert text[chunks[1][1] - 1] == "。"                # a sentence end in a long paragraph
    assert chunks[2][1] - chunks[2][0] == 100             # no sentence end near: a hard cut
    assert chunks[-1][1] == len(text) and all(b - a <= 100 for a, b in chunks)
    assert all(chunks[i][1] == chunks[i + 1][0] for i in range(len(chunks) - 1))


def test_chunks_keep_tables_whole():
    text = ("第一段。\n" * 30) + ("表格行 1 2 3\n" * 30) + ("第二段。\n" * 30)
    table = (150, 150 + 30 * 10)
    chunks = plan(text, 120, keep=[table])
    assert not any(table[0] < b < table[1] for _, b in chunks)


@pytest.mark.parametrize("seed", range(6))
def test_boundaries_from_marks_equal_a_scan(seed):
    r = random.Random(seed)
    n = r.choice((300, 2000, 5000))
    density = r.choice((0.001, 0.01, 0.3))
    text = "".join(r.choice("，,。\n;") if r.random() < density else r.choice("ab12") for _ in range(n))
    clauses.forget()
    for _ in range(200):
        pos = r.randint(0, n)
        floor = r.choice((0, r.randint(0, pos)))
        i = pos - 1
        while i >= floor and not clauses._boundary(text, i):
            i -= 1
        assert clauses.clause_start(text, pos, floor) == i + 1
        i = pos
        while i < n and not clauses._boundary(text, i):
            i += 1
        assert clauses.clause_end(text, pos) == i
        i = pos - 1
        while i >= floor and text[i] not in clauses.SENTENCE_END:
            i -= 1
        assert clauses.sentence_start(text, pos, floor) == i + 1
        assert clauses.line_start(text, pos) == text.rfind("\n", 0, pos) + 1
    clauses.forget()
