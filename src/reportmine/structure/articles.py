"""Split files that bundle several reports (篇一…篇五, 第一篇:…) into articles."""

from __future__ import annotations

from functools import lru_cache

from ..document import Article, Document
from ..numerals import parse_chinese_int
from ..resources import compile_pattern, load_yaml, require
from .lines import Line


@lru_cache(maxsize=1)
def _patterns():
    data = load_yaml("structure.yaml")
    require(data, ("articles",), "structure.yaml")
    out = []
    for rule in data["articles"]:
        require(rule, ("name", "pattern"), "structure.yaml: articles")
        out.append(compile_pattern(rule["pattern"], f"structure.yaml: articles.{rule['name']}"))
    return tuple(out)


def article_pattern():
    """A predicate: does this line look like an article title?"""
    patterns = _patterns()

    def is_title(line: str) -> bool:
        return len(line) <= 100 and any(p.match(line) for p in patterns)

    return is_title


def _match_title(line: Line):
    if len(line.text) > 100:
        return None
    for p in _patterns():
        m = p.match(line.text)
        if m:
            return m
    return None


def _ordinal(marker: str) -> int | None:
    digits = "".join(ch for ch in marker if ch.isdigit())
    if digits:
        return int(digits)
    cn = "".join(ch for ch in marker if ch in "一二三四五六七八九十")
    return parse_chinese_int(cn) if cn else None


def find_articles(doc: Document, lines: list[Line]) -> list[Article]:
    candidates = []
    for line in lines:
        if doc.is_boilerplate(line.start) or not line.text.strip():
            continue
        m = _match_title(line)
        if m:
            candidates.append((line, m))
    heads = _ordered_run(candidates)
    content = doc.content_spans()
    text_end = _content_end(doc, content)
    if not heads:
        start = _content_start(doc, content)
        return [Article(0, _first_line(doc.text, start), start, text_end, start,
                        start + len(_first_line(doc.text, start)))]
    articles = []
    for i, (line, m) in enumerate(heads):
        end = heads[i + 1][0].start if i + 1 < len(heads) else text_end
        end = _trim_end(doc, line.start, end, content)
        title = (m.group("title") or "").strip() or line.text.strip()
        articles.append(Article(i, title, line.start, end, line.start, line.end,
                                marker=m.group("marker")))
    return articles


def _ordered_run(candidates):
    """Keep markers that count up 1, 2, 3… (a lone 篇一 still counts)."""
    heads, expected = [], 1
    for line, m in candidates:
        n = _ordinal(m.group("marker"))
        if n == expected:
            heads.append((line, m))
            expected += 1
        elif n == 1 and heads:
            # a second numbering restarts: keep the first run only
            break
    return heads


def _content_start(doc, content) -> int:
    for s, e in content:
        seg = doc.text[s:e]
        stripped = len(seg) - len(seg.lstrip())
        if stripped < len(seg):
            return s + stripped
    return 0


def _content_end(doc, content) -> int:
    for s, e in reversed(content):
        seg = doc.text[s:e]
        if seg.strip():
            return s + len(seg.rstrip())
    return len(doc.text)


def _trim_end(doc, start: int, end: int, content) -> int:
    """An article ends where its last non-boilerplate text ends."""
    last = start
    for s, e in content:
        if e <= start or s >= end:
            continue
        seg_s, seg_e = max(s, start), min(e, end)
        seg = doc.text[seg_s:seg_e]
        if seg.strip():
            last = seg_s + len(seg.rstrip())
    return last


def _first_line(text: str, start: int) -> str:
    nl = text.find("\n", start)
    return text[start: nl if nl >= 0 else len(text)].rstrip("\r")
