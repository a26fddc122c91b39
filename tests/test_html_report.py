"""report.html without a browser: the highlight sweep, values, chart, labels,
records matched to documents and the analyze wiring."""

import html
import re

import pytest
from hypothesis import given, settings, strategies as st
from click.testing import CliRunner

from reportmine.cli import cli
from reportmine.document import Document, Flag, Quantity
from reportmine.exporters.chart import build_chart, rate_of
from reportmine.exporters.highlight import Mark, render, render_chunks
from reportmine.exporters.html import write_html
from reportmine.exporters.labels import labels
from reportmine.exporters.values import shown

from helpers import CORPORA, DATA

TAG = re.compile(r"<[^>]*>")


def visible_text(markup: str) -> str:
    return html.unescape(TAG.sub("", markup))


def test_overlapping_spans_are_cut_at_every_boundary():
    out = render("ab<c>defgh", [Mark(1, 5, "q", "数量"), Mark(3, 8, "fl", "标记")])
    assert out == ('a<span class="q" title="数量">b&lt;</span>'
                   '<span class="q fl" title="数量\n标记">c&gt;</span>'
                   '<span class="fl" title="标记">def</span>gh')


def test_anchors_and_data_attributes_are_escaped():
    out = render("x", [Mark(0, 1, "q", 'a"b', {"q": "<1>"})], {0: ['i"d']})
    assert out == '<a class="anchor" id="i&#34;d"></a><span class="q" data-q="&lt;1&gt;" title="a&#34;b">x</span>'


def test_page_markers_carry_their_label_outside_the_text():
    out = render("ab", [], {1: [("d0-p2", "第 2 页")]})
    assert out == 'a<a class="anchor marker" id="d0-p2" data-label="第 2 页"></a>b'
    assert visible_text(out) == "ab"


def test_pdf_pages_are_marked_in_the_text(tmp_path):
    from reportmine.pipeline import Pipeline

    doc = Pipeline().analyze(str(CORPORA / "samples" / "county_economy_speech.pdf"))
    assert doc.pages and doc.pages > 1
    page = write_html(tmp_path / "r.html", [doc], []).read_text(encoding="utf-8")
    for n in range(1, doc.pages + 1):
        assert f'id="d0-p{n}" data-label="第 {n} 页"' in page


def test_spans_outside_the_text_are_clamped_or_dropped():
    assert render("abc", [Mark(-3, 1, "a"), Mark(2, 99, "b"), Mark(5, 9, "c"), Mark(2, 2, "d")]) == \
        '<span class="a">a</span>b<span class="b">c</span>'


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab<>&\"'一二 \n", max_size=40),
       st.lists(st.tuples(st.integers(-2, 45), st.integers(-2, 45)), max_size=8))
def test_rendered_text_is_the_text_escaped(text, spans):
    out = render(text, [Mark(s, e, f"c{i}", "t<i>") for i, (s, e) in enumerate(spans)])
    assert visible_text(out) == text
    assert "<script" not in out and not re.search(r"<(?!/?span\b|a\b|/a>)", out)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ab<&一 ", max_size=30),
       st.lists(st.tuples(st.integers(-2, 32), st.integers(-2, 32)), max_size=6),
       st.lists(st.integers(0, 30), max_size=3), st.integers(1, 4))
def test_the_text_in_chunks_is_the_text_rendered_at_once(text, spans, anchor_offsets, per_chunk):
    marks = [Mark(s, e, f"c{i}", "t", {"q": str(i)}) for i, (s, e) in enumerate(spans)]
    anchors = {p: [f"a{p}"] for p in anchor_offsets}
    chunks = list(render_chunks(text, marks, anchors, cuts_per_chunk=per_chunk))
    assert "".join(chunks) == render(text, marks, anchors)
    assert len(chunks) >= len({0, *[p for p in anchors if p < len(text)]}) // per_chunk


def test_values_are_shown_the_way_reports_write_them():
    assert shown(1.1, "ratio") == "110%"
    assert shown(0.008, "ratio_point") == "0.8个百分点"
    assert shown(32_000_000, "元") == "3,200万元"
    assert shown(260_000_000, "元") == "2.6亿元"
    assert shown(5200, "人") == "5,200人"
    assert shown(None, "人") == shown("", "人") == shown(float("nan"), "人") == ""
    assert shown(0, "人") == "0人"


def test_chart_has_one_bar_per_indicator_coloured_by_target_met():
    records = [{"indicator_name": "城镇新增就业", "completion_rate": 1.1},
               {"indicator_name": "城镇新增就业", "completion_rate": 0.9},
               {"indicator": "新建卫生室", "computed_completion_rate": 0.8},
               {"indicator_name": "能耗", "computed_completion_rate": 0.9, "direction": "lower"},
               {"indicator_name": "无完成率", "actual": 3}]
    chart = build_chart(records)
    assert [b.label for b in chart.bars] == ["新建卫生室", "能耗", "城镇新增就业"]
    by = {b.label: b for b in chart.bars}
    assert by["城镇新增就业"].n == 2 and by["城镇新增就业"].mean == pytest.approx(1.0)
    assert by["城镇新增就业"].color == "#e08a00" and by["新建卫生室"].color == "#d62728"
    assert by["能耗"].color == "#2e9e5b"
    assert chart.x0 < chart.ref_x < chart.x0 + max(b.width for b in chart.bars) + 1
    assert rate_of({"completion_rate": "", "computed_completion_rate": None}) is None


def test_labels_cover_every_guide_role_and_flag_type():
    L = labels()
    for role in ("actual", "completion_rate", "target", "basic_target", "full_target", "forecast",
                 "growth", "difference", "other"):
        assert role in L.roles
    assert {"placeholder", "missing_number", "inconsistency"} <= set(L.flags)
    assert L.role("nonsense") == "none" and L.flag(None) == "other"


def _doc(text, name="r.txt", sha="ab" * 32):
    q = Quantity(2, 7, text[2:7], 5200, "人", 5200, "人", role="actual", indicator="新增就业")
    g = Quantity(7, 9, text[7:9], 4, "家", 4, "家", role="growth", indicator="新增就业")
    f = Flag(0, len(text), text, "inconsistency", "completion", "R303", message="完成率不符<b>")
    return Document(id=sha, path=f"/x/{name}", format="txt", text=text, quantities=[q, g], flags=[f])


def test_write_html_matches_records_to_documents_and_escapes(tmp_path):
    text = "新增5200人就业<script>alert(1)</script>"
    docs = [_doc(text), _doc("无关文字12345", name="s.txt", sha="cd" * 32)]
    records = [{"doc": "r.txt", "doc_sha256": "ab" * 32, "indicator": "新增就业<i>", "actual": 5200,
                "actual_unit": "人", "growth": 4, "status": "flagged", "flag_codes": ["R303"], "start": 2, "end": 7,
                "quote": text, "record_id": "r1"}]
    page = write_html(tmp_path / "report.html", docs, records).read_text(encoding="utf-8")
    assert page.count("<script") == 1 and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<td class=\"num\">4家</td>" in page, "growth in counts shown as a percent"
    assert 'title="5200人 → 5,200人 · 单位：人 · 角色：实际值 · 指标：新增就业' in page
    assert "新增就业&lt;i&gt;" in page and "完成率不符&lt;b&gt;" in page
    assert page.count('data-record-id="r1"') == 1 and 'id="d0-r2"' in page and 'href="#d0-r2"' in page
    assert re.search(r'id="d1".*?没有记录', page, re.S)
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "") and "https://" not in page


def test_analyze_writes_report_html_unless_told_not_to(tmp_path):
    runner = CliRunner()
    src = DATA / "html" / "water_bureau_summary.txt"
    res = runner.invoke(cli, ["analyze", str(src), "/no/such/file.txt", "--out", str(tmp_path / "a")])
    assert res.exit_code == 1, res.output
    page = (tmp_path / "a" / "report.html").read_text(encoding="utf-8")
    assert 'class="q r-actual"' in page and "s-box t-placeholder" in page and "E001" in page
    res = runner.invoke(cli, ["analyze", str(src), "--out", str(tmp_path / "b"), "--no-html"])
    assert res.exit_code == 0 and not (tmp_path / "b" / "report.html").exists()


@pytest.mark.parametrize("broken, message", [
    ({"roles": {"actual": {"label": "实际值", "color": "red;}body{display:none"}}}, "color"),
    ({"flags": {"other": {"label": "其他", "style": "blink"}}}, "style"),
    ({"roles": {"actual": {"label": "实际值", "color": "#123456"}}}, "roles.none"),
])
def test_bad_report_labels_fail_on_load_naming_the_field(monkeypatch, broken, message):
    from reportmine.exporters import labels as module
    from reportmine.resources import DataFileError, load_yaml

    data = {**load_yaml("html_report.yaml"), **broken}
    monkeypatch.setattr(module, "load_yaml", lambda name: data)
    module.labels.cache_clear()
    try:
        with pytest.raises(DataFileError, match=message):
            module.labels()
    finally:
        module.labels.cache_clear()
