"""Articles, sections and boilerplate, on the seeds and on texts written here."""

import pytest

from reportmine.readers import read, read_bytes
from reportmine.structure import analyze_structure

from helpers import SEEDS, needs_shared


def doc_of(text: str):
    return analyze_structure(read_bytes(text.encode("utf-8"), "t.txt"))


@needs_shared
def test_seed_000_has_five_articles():
    doc = analyze_structure(read(SEEDS / "000_6f6f0a48ece51e8c.txt"))
    assert [a.marker for a in doc.articles] == ["篇一", "篇二", "篇三", "篇四", "篇五"]
    # the site's page title and intro before 篇一 are boilerplate
    first = doc.articles[0].start
    assert all(doc.is_boilerplate(b.start) for b in doc.blocks if b.end <= first)


@needs_shared
def test_seed_003_has_five_articles():
    doc = analyze_structure(read(SEEDS / "003_32eb325b11a5dbd3.txt"))
    assert [a.marker for a in doc.articles] == ["第一篇", "第二篇", "第三篇", "第四篇", "第五篇"]
    assert doc.articles[1].title.startswith("在全县") and doc.articles[1].title.endswith("工作会议上的讲话")


@needs_shared
@pytest.mark.parametrize("seed,cues", [
    ("002_218c125b44dbe12e.txt", ["温馨提示", "本站不保证", "最新文档", "提交评论", "仓库建设标准"]),
    ("003_32eb325b11a5dbd3.txt", ["点此处下载文档", "文档为doc格式", "声明:", "相关范文推荐", "工作会议上的讲话"]),
])
def test_trailing_junk_is_boilerplate(seed, cues):
    doc = analyze_structure(read(SEEDS / seed))
    for cue in cues:
        pos = doc.text.rindex(cue)
        assert doc.is_boilerplate(pos), cue
    # and the report itself is not
    last = doc.articles[-1]
    assert not doc.is_boilerplate(last.end - 2)
    assert last.end < doc.text.rindex(cues[0])


def test_boilerplate_is_marked_not_deleted():
    text = "下载本文档\n一、总体情况\n全年新增就业1200人。\n相关文章\n    某局工作总结\n"
    doc = doc_of(text)
    assert doc.text == text
    kinds = {doc.text[b.start:b.end].strip(): b.kind for b in doc.boilerplate}
    assert kinds == {"下载本文档": "download_notice", "相关文章": "related_articles",
                     "某局工作总结": "related_articles"}


def test_report_lines_that_mention_complaints_are_not_boilerplate():
    text = "全年受理群众举报投诉326件，办结率100%。\n打击侵权假冒工作成效明显。\n"
    assert doc_of(text).boilerplate == []


def test_inline_url_and_site_name():
    doc = doc_of("详见【某某文库】通报 https://example.org/a?b=1 ，全年完成投资5亿元。\n")
    spans = sorted((b.kind, doc.text[b.start:b.end]) for b in doc.boilerplate)
    assert spans == [("site_name", "【某某文库】"), ("url", "https://example.org/a?b=1")]


def test_single_report_is_one_article():
    doc = doc_of("\n某局2023年工作总结\n一、主要成绩\n全年完成任务。\n")
    assert len(doc.articles) == 1
    assert doc.articles[0].title == "某局2023年工作总结"
    assert doc.articles[0].marker is None


def test_article_numbering_must_count_up():
    text = "篇一\n甲文。\n篇三\n乙文。\n篇二\n丙文。\n"
    assert [a.marker for a in doc_of(text).articles] == ["篇一", "篇二"]


def test_section_tree_learns_nesting_from_order():
    text = ("报告\n一、经济运行\n（一）工业\n1、规上工业增加值增长8%。\n2、工业投资增长5%。\n"
            "（二）农业\n二、社会事业\n第一，教育。\n第二，卫生。\n")
    doc = doc_of(text)
    tree = [(s.marker, s.level, None if s.parent is None else doc.sections[s.parent].marker)
            for s in doc.sections]
    assert tree == [("一、", 1, None), ("（一）", 2, "一、"), ("1、", 3, "（一）"), ("2、", 3, "（一）"),
                    ("（二）", 2, "一、"), ("二、", 1, None), ("第一，", 2, "二、"), ("第二，", 2, "二、")]
    assert doc.sections[2].title == "规上工业增加值增长8%"
    first = doc.sections[0]
    assert doc.text[first.start:first.end].startswith("一、经济运行")
    assert doc.text[first.start:first.end].endswith("（二）农业\n")


def test_decimal_is_not_a_section_marker():
    doc = doc_of("报告\n1.5亿元的投资已到位。\n")
    assert doc.sections == []


def test_a_decimal_spaced_by_pdf_text_is_not_a_section_marker():
    # 1. 6 个百分点 at a line's start is a number a hard wrap cut off its cue;
    # 1. 2024年… and 1. 加强… are items
    doc = doc_of("报告\n病床使用率78. 5%，比上年下降\n1. 6 个百分点；平均住院日8. 2 天。\n")
    assert doc.sections == []
    doc = doc_of("报告\n1. 2024年重点工作\n全年完成。\n2. 加强领导\n已落实。\n")
    assert [s.title[:4] for s in doc.sections] == ["2024", "加强领导"]


def test_article_at_finds_each_offsets_article_and_the_gaps():
    # articles with gaps between them (boilerplate trimmed off their ends)
    text = "".join(f"篇{i}：关于第{i}项工作的报告。全年完成{i}项。\n" for i in range(40))
    doc = read_bytes(text.encode("utf-8"), "bundle.txt")
    from reportmine.document import Article
    step = len(text) // 40
    doc.articles = [Article(i, f"第{i}篇", i * step, i * step + step - 3, i * step, i * step + 2)
                    for i in range(40)]

    def scan(offset):
        return next((a.index for a in doc.articles if a.start <= offset < a.end), None)

    assert [doc.article_at(o) for o in range(-1, len(text) + 2)] == \
        [scan(o) for o in range(-1, len(text) + 2)]
    assert doc.article_at(step - 2) is None and doc.article_at(step) == 1
    doc.articles = doc.articles[:3]        # replaced: looked up afresh
    assert doc.article_at(10 * step) is None and doc.article_at(2 * step) == 2
