"""Mark web-site junk around scraped reports (never delete it).

Three kinds of rule, all from ``data/structure.yaml``:
- ``lines``: a short line matching a pattern is boilerplate as a whole;
- ``tails``: a header such as 相关范文推荐 starts a block that runs to the next
  article title or the end of the text;
- ``inline``: spans inside a line (URLs, 【某某文库】, 当前隐藏内容免费查看).
"""

from __future__ import annotations

from functools import lru_cache

from ..document import BOILERPLATE_KINDS, Boilerplate
from ..resources import DataFileError, compile_pattern, load_yaml, require
from .articles import article_pattern
from .lines import Line


@lru_cache(maxsize=1)
def _rules():
    data = load_yaml("structure.yaml")
    require(data, ("boilerplate",), "structure.yaml")
    bp = data["boilerplate"]
    require(bp, ("lines", "tails", "inline", "line_max"), "structure.yaml: boilerplate")
    for kind in list(bp["lines"]) + list(bp["tails"]) + [r["kind"] for r in bp["inline"]]:
        if kind not in BOILERPLATE_KINDS:
            raise DataFileError(f"structure.yaml: unknown boilerplate kind {kind!r}")
    return (_combine(bp["lines"], "lines"), _combine(bp["tails"], "tails"),
            [(r["kind"], compile_pattern(r["pattern"], "structure.yaml: inline")) for r in bp["inline"]],
            int(bp["line_max"]))


def _combine(by_kind: dict, where: str) -> list[tuple[str, object]]:
    """(kind, pattern) in the file's order: ``_first_kind`` searches them one by one
    (each alone keeps the engine's fast scan for its literal start, which one
    alternation of them all loses: four times faster)."""
    return [(kind, compile_pattern(p, f"structure.yaml: {where}.{kind}"))
            for kind, patterns in by_kind.items() for p in patterns]


def _first_kind(rules: list[tuple[str, object]], t: str) -> str | None:
    """The kind one alternation of all the patterns would report for its search in
    ``t``: the leftmost match, the first pattern in order among those matching there."""
    best, kind = len(t) + 1, None
    for k, rx in rules:
        m = rx.search(t)
        if m is not None and m.start() < best:
            best, kind = m.start(), k
            if best == 0:
                break
    return kind


def find_boilerplate(text: str, lines: list[Line]) -> list[Boilerplate]:
    line_rules, tail_rules, inline_rules, line_max = _rules()
    is_title = article_pattern()
    found: list[Boilerplate] = []
    tail_kind = None
    for line in lines:
        t = line.text
        if not t.strip():
            continue
        if tail_kind and is_title(t):
            tail_kind = None
        kind = None
        if len(t) <= line_max:
            tail_kind = _first_kind(tail_rules, t) or tail_kind
            kind = _first_kind(line_rules, t)
        kind = kind or tail_kind
        if kind:
            found.append(Boilerplate(line.start, line.end, kind))
            continue
        for ikind, rx in inline_rules:
            for im in rx.finditer(t):
                found.append(Boilerplate(line.start + im.start(), line.start + im.end(), ikind))
    return found


def mark_page_title(text: str, lines: list[Line], boilerplate: list[Boilerplate],
                    first_article_start: int, titles: list[str]) -> list[Boilerplate]:
    """Lines before the first article that repeat an article title are the
    hosting page's own title: mark them too."""
    marked = {(b.start, b.end) for b in boilerplate}
    extra = []
    for line in lines:
        if line.start >= first_article_start:
            break
        t = line.text.strip()
        if not t or (line.start, line.end) in marked:
            continue
        if any(t and (t in title or title in t) for title in titles if title):
            extra.append(Boilerplate(line.start, line.end, "site_intro"))
    return extra
