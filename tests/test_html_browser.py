"""report.html from a real analyze run, rendered by headless Chromium.

The DOM is read after the page's own script ran (it marks <html data-ready>),
so an injected script or handler in a report's text would have run too: the
test reports carry ones that would set data-pwned or the title.
"""

import shutil
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from reportmine.cli import cli

from browser import ARTIFACTS, chromium, dump_dom, screenshot
from helpers import DATA


class Dom(HTMLParser):
    """Elements (tag, attrs, text inside) and the text of the .text blocks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements, self.stack, self.doc_text, self.depth = [], [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag in ("br", "img", "meta", "input", "line", "rect", "link"):
            return
        inside = bool(self.stack and self.stack[-1]) or "text" in (attrs.get("class") or "").split()
        self.stack.append(inside)

    def handle_endtag(self, tag):
        if self.stack and tag not in ("br", "img", "meta", "input", "line", "rect", "link"):
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1]:
            self.doc_text.append(data)

    def having(self, tag, cls=None):
        return [a for t, a in self.elements if t == tag and (cls is None or cls in (a.get("class") or "").split())]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    chromium()
    out = tmp_path_factory.mktemp("html") / "out"
    res = CliRunner().invoke(cli, ["analyze", str(DATA / "html"), "--out", str(out)])
    assert res.exit_code == 0, res.output
    page = out / "report.html"
    raw = dump_dom(page)
    dom = Dom()
    dom.feed(raw)
    return page, dom, raw


def test_text_is_highlighted_by_role_and_flags_by_type(rendered):
    _, dom, _ = rendered
    quantities = dom.having("span", "q")
    roles = {c for a in quantities for c in a["class"].split() if c.startswith("r-")}
    assert {"r-actual", "r-target", "r-completion_rate", "r-growth"} <= roles
    assert all(a.get("title") and "角色" in a["title"] for a in quantities if a.get("data-q"))
    flags = dom.having("span", "fl")
    kinds = {c for a in flags if a.get("data-f") for c in a["class"].split() if c.startswith("t-")}
    assert {"t-placeholder", "t-missing_number", "t-inconsistency"} <= kinds
    assert any("R303" in a.get("title", "") and "完成率" in a["title"] for a in flags)
    assert dom.having("span", "bp"), "boilerplate of hosted_copy.txt is not marked"


def test_every_quantity_and_flag_of_every_document_is_marked(rendered, tmp_path):
    import json
    import re

    page, _, raw = rendered
    sections = re.split(r'<details class="doc" id="(d\d+)"', raw)[1:]
    run = json.loads((page.parent / "run.json").read_text(encoding="utf-8"))
    expected = {r["doc"]: (r["quantities"], r["flags"]) for r in run["results"]}
    for key, body in zip(sections[::2], sections[1::2]):
        name = re.search(r"<summary>([^<]+)<", body).group(1)
        qs = {i for v in re.findall(r'data-q="([^"]+)"', body) for i in v.split()}
        fs = {i for v in re.findall(r'data-f="([^"]+)"', body) for i in v.split()}
        assert (len(qs), len(fs)) == expected[name], (key, name)


def test_summary_has_the_chart_with_bars_and_flag_counts(rendered):
    _, dom, _ = rendered
    assert [a for a in dom.having("svg") if a.get("id") == "rate-chart"]
    counts = {a["data-type"] for a in dom.having("div", "flagcount")}
    assert {"placeholder", "missing_number", "inconsistency"} <= counts
    assert len(dom.having("details", "doc")) == 3


def test_chart_draws_one_bar_per_indicator_with_a_rate(rendered):
    _, dom, _ = rendered
    bars = dom.having("rect", "bar")
    assert len(bars) >= 3 and all(float(b["width"]) > 0 for b in bars)


def test_script_in_a_report_is_shown_as_text_and_never_runs(rendered):
    _, dom, _ = rendered
    html_attrs = dom.elements[0][1]
    assert html_attrs.get("data-ready") == "1", "the page's own script did not run"
    assert "data-pwned" not in dict(dom.having("body")[0])
    titles = [a for t, a in dom.elements if t == "title"]
    assert len(dom.having("script")) == 1 and not dom.having("img") and titles
    text = "".join(dom.doc_text)
    assert "<script>document.body.setAttribute('data-pwned','1')</script>" in text
    assert "<img src=x onerror=\"document.title='PWNED'\">" in text
    assert '<b>粗体</b> & "引号"' in text


def test_large_batch_starts_collapsed_and_a_link_opens_its_document(tmp_path):
    from reportmine.exporters.html import OPEN_LIMIT, write_html
    from reportmine.pipeline import Pipeline

    doc = Pipeline().analyze(str(DATA / "html" / "water_bureau_summary.txt"))
    page = write_html(tmp_path / "report.html", [doc] * (OPEN_LIMIT + 2), [])
    dom = Dom()
    dom.feed(dump_dom(page, fragment=f"d{OPEN_LIMIT + 1}-f0"))
    opened = [a["id"] for a in dom.having("details", "doc") if "open" in a]
    assert opened == [f"d{OPEN_LIMIT + 1}"]


def test_screenshot_shows_a_page(rendered):
    from PIL import Image

    page, _, _ = rendered
    shot = screenshot(page, ARTIFACTS / "report_html.png")
    assert shot.stat().st_size > 30_000
    with Image.open(shot) as img:
        assert img.size == (1400, 1800)
        small = img.convert("RGB").resize((140, 180))
        colours = small.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 200, "screenshot looks blank"
    shutil.copy(page, ARTIFACTS / "report.html")

