"""Numbered section headings (一、 (一) 1、 第一,) as a tree per article.

The nesting of marker kinds is learnt from their order of appearance inside an
article: a kind not seen yet nests under the current heading, a kind already
open closes everything below it. That copes with reports that skip a level or
use 第一, under 一、.
"""

from __future__ import annotations

from functools import lru_cache

from ..document import Document, Section
from ..resources import compile_pattern, load_yaml, require
from .lines import Line


@lru_cache(maxsize=1)
def _rules():
    data = load_yaml("structure.yaml")
    require(data, ("sections", "section_title_end", "section_title_max"), "structure.yaml")
    kinds = []
    for rule in data["sections"]:
        require(rule, ("kind", "pattern"), "structure.yaml: sections")
        kinds.append((rule["kind"], compile_pattern(rule["pattern"], f"structure.yaml: sections.{rule['kind']}")))
    title_end = compile_pattern(data["section_title_end"], "structure.yaml: section_title_end")
    return kinds, title_end, int(data["section_title_max"])


def heading_marker(line: str):
    """The match of a section marker at the start of ``line``, or None."""
    for _, rx in _rules()[0]:
        m = rx.match(line)
        if m:
            return m
    return None


def title_of(rest: str) -> str:
    """A heading's title in the text after its marker: up to its first end
    (structure.yaml section_title_end), or its first section_title_max characters."""
    _, title_end, title_max = _rules()
    stop = title_end.search(rest)
    title = rest[: stop.start()] if stop else rest
    if not title.strip() or len(title) > title_max and not stop:
        title = rest[:title_max]
    return title


def _heading(line: Line):
    for kind, rx in _rules()[0]:
        m = rx.match(line.text)
        if m:
            body_start = m.end()
            rest = line.text[body_start:]
            body_start += len(rest) - len(rest.lstrip())
            return kind, m.group("marker").strip(), line.start + body_start, title_of(rest.lstrip())
    return None


def find_sections(doc: Document, lines: list[Line]) -> list[Section]:
    sections: list[Section] = []
    articles = doc.articles or []
    art_i = 0
    stack: list[tuple[str, int]] = []   # (kind, section index)
    for line in lines:
        while art_i < len(articles) and line.start >= articles[art_i].end:
            art_i += 1
            stack = []
        if art_i >= len(articles) or line.start < articles[art_i].start:
            continue
        if not line.text.strip() or doc.is_boilerplate(line.start):
            continue
        head = _heading(line)
        if head is None:
            continue
        kind, marker, title_start, title = head
        title_stripped = title.strip()
        title_start += len(title) - len(title.lstrip())
        while stack and kind in [k for k, _ in stack] and stack[-1][0] != kind:
            stack.pop()
        if stack and stack[-1][0] == kind:
            stack.pop()
        parent = stack[-1][1] if stack else None
        index = len(sections)
        sections.append(Section(index, title_stripped, marker, len(stack) + 1, line.start,
                                articles[art_i].end, title_start, title_start + len(title_stripped),
                                parent, articles[art_i].index))
        if parent is not None:
            sections[parent].children.append(index)
        stack.append((kind, index))
    _close(sections)
    return sections


def _close(sections: list[Section]) -> None:
    """A section ends where the next heading at its level or above begins."""
    for i, sec in enumerate(sections):
        for nxt in sections[i + 1:]:
            if nxt.article != sec.article:
                break
            if nxt.level <= sec.level:
                sec.end = nxt.start
                break
        # else: runs to the end of its article (set at creation)
