"""The document model: canonical text plus structure as spans over it.

Every reader produces a :class:`Document`; every later stage annotates one.
All offsets are Python ``str`` indices into ``Document.text`` (the canonical
text that ``reportmine text`` prints), so a quantity or a flag can always be
traced back to its exact source span, article and page.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any

from .errors import Problem
from .filenames import base_name
from .json_stream import Items

BLOCK_KINDS = ("heading", "paragraph", "list_item", "table_cell")
BOILERPLATE_KINDS = (
    "site_intro",        # "下面是小编为大家整理的…" and page titles of the hosting site
    "download_notice",   # 下载本文档, 点此处下载文档, 文档为doc格式 …
    "copyright",         # 版权说明, 声明, 侵权举报 …
    "related_articles",  # 相关范文推荐, 最新文档 and the lists under them
    "site_name",         # 【某某文库】 and similar brackets
    "url",               # http://… and www.… addresses
    "page_header",       # text repeated at the top of PDF pages
    "page_footer",       # text repeated at the bottom of PDF pages, page numbers
)


@dataclass(slots=True)
class Block:
    """A heading, paragraph, list item or table cell."""

    start: int
    end: int
    kind: str = "paragraph"
    page: int | None = None
    style: str | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None


@dataclass(slots=True)
class Table:
    """A table as rows x columns of cells; each cell is the index of a block."""

    index: int
    start: int
    end: int
    rows: list[list[int]] = field(default_factory=list)
    page: int | None = None


@dataclass(slots=True)
class Article:
    """One report inside a file that bundles several (篇一…, 第一篇:…)."""

    index: int
    title: str
    start: int
    end: int
    title_start: int
    title_end: int
    marker: str | None = None


@dataclass(slots=True)
class Section:
    """A numbered heading (一、 (一) 1、 第一,) and the text it governs."""

    index: int
    title: str
    marker: str
    level: int
    start: int          # start of the heading line
    end: int            # end of the governed text
    title_start: int
    title_end: int
    parent: int | None = None
    article: int | None = None
    children: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Boilerplate:
    start: int
    end: int
    kind: str


# the GUIDE.md roles that state a target (a plan or bound, a basic or a full target)
TARGET_ROLES = frozenset({"target", "basic_target", "full_target"})


@dataclass(slots=True)
class Quantity:
    """A quantity mention; the first fields follow GUIDE.md."""

    start: int
    end: int
    text: str
    value: float | None
    unit: str | None
    norm_value: float | None
    norm_unit: str | None
    approx: str | None = None
    role: str | None = None
    indicator: str | None = None
    period: str | None = None
    # beyond GUIDE.md
    direction: str | None = None      # "up" / "down" where the text says so
    low: float | None = None          # ranges: 3-5个 -> low 3, high 5 (value = high)
    high: float | None = None
    group: int | None = None          # index of the 分别/依次 list it belongs to
    article: int | None = None
    page: int | None = None
    indicator_id: str | None = None
    setter: str | None = None         # who set the target (局, 市局, 省)
    subject: str | None = None        # the unit a list item is about (县, 区)


@dataclass(slots=True)
class Flag:
    """A span a reviewer must check; fields follow GUIDE.md."""

    start: int
    end: int
    text: str
    type: str
    subtype: str | None = None
    code: str | None = None
    severity: str = "warning"
    message: str | None = None
    note: str | None = None
    evidence: list[dict] = field(default_factory=list)
    arithmetic: str | None = None
    article: int | None = None
    page: int | None = None


@dataclass
class Document:
    id: str                      # sha256 of the file bytes
    path: str
    format: str                  # txt / docx / pdf
    text: str
    encoding: str | None = None
    pages: int | None = None
    page_starts: list[int] = field(default_factory=list)   # offset where each page begins
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    _bp_starts: list[int] | None = field(default=None, repr=False, compare=False)
    _article_starts: list[int] | None = field(default=None, repr=False, compare=False)
    # the per-sentence stages run chunk by chunk on a text longer than this (chunks.py)
    chunk_chars: int | None = field(default=None, repr=False, compare=False)
    _chunks: list[tuple[int, int]] | None = field(default=None, repr=False, compare=False)

    @property
    def name(self) -> str:
        return base_name(self.path)

    # -- lookups -------------------------------------------------------
    def page_at(self, offset: int) -> int | None:
        """1-based page number of a text offset (PDF only)."""
        if not self.page_starts:
            return None
        return bisect.bisect_right(self.page_starts, offset)

    def article_at(self, offset: int) -> int | None:
        """The article holding offset (articles are in text order and do not
        overlap: a binary search, not a pass over them per quantity)."""
        if not self.articles:
            return None
        if self._article_starts is None or len(self._article_starts) != len(self.articles):
            self._article_starts = [a.start for a in self.articles]
        i = bisect.bisect_right(self._article_starts, offset) - 1
        if i >= 0 and offset < self.articles[i].end:
            return self.articles[i].index
        return None

    def boilerplate_at(self, offset: int) -> Boilerplate | None:
        if not self.boilerplate:
            return None
        if self._bp_starts is None or len(self._bp_starts) != len(self.boilerplate):
            self.boilerplate.sort(key=lambda b: (b.start, b.end))
            self._bp_starts = [b.start for b in self.boilerplate]
        i = bisect.bisect_right(self._bp_starts, offset) - 1
        # boilerplate spans may nest (a URL inside a notice): look back a little
        for j in range(i, max(i - 8, -1), -1):
            b = self.boilerplate[j]
            if b.start <= offset < b.end:
                return b
        return None

    def is_boilerplate(self, start: int, end: int | None = None) -> bool:
        return self.boilerplate_at(start) is not None

    def chunks(self) -> list[tuple[int, int]]:
        """The chunks the per-sentence stages run on (one for most documents),
        planned once the structure stage has found the tables and boilerplate."""
        if self._chunks is None:
            from .chunks import CHUNK_CHARS, plan

            keep = [(t.start, t.end) for t in self.tables] + [(b.start, b.end) for b in self.boilerplate]
            self._chunks = plan(self.text, self.chunk_chars or CHUNK_CHARS, keep)
        return self._chunks

    def content_spans(self) -> list[tuple[int, int]]:
        """The parts of the text that are not boilerplate, in order."""
        spans, pos = [], 0
        for b in sorted(self.boilerplate, key=lambda b: b.start):
            if b.start > pos:
                spans.append((pos, b.start))
            pos = max(pos, b.end)
        if pos < len(self.text):
            spans.append((pos, len(self.text)))
        return spans

    # -- export --------------------------------------------------------
    def to_dict(self, text: bool = True, lazy: bool = False) -> dict:
        """The document as plain values; ``lazy``: its lists of spans as
        :class:`~reportmine.json_stream.Items`, made into dicts only as a JSON
        writer reads them (the batch engine's outcome: never a second copy of a
        large document)."""
        spans = functools.partial(Items, convert=_plain_list) if lazy else _plain_list
        out = {
            "schema": "reportmine-document/1",
            "id": self.id,
            "doc": self.name,
            "path": self.path,
            "format": self.format,
            "encoding": self.encoding,
            "pages": self.pages,
            "length": len(self.text),
            "warnings": [w.to_dict() for w in self.warnings],
            "articles": spans(self.articles),
            "sections": spans(self.sections),
            "tables": spans(self.tables),
            "boilerplate": spans(self.boilerplate),
            "blocks": spans(self.blocks),
            "quantities": spans(self.quantities),
            "flags": spans(self.flags),
            "meta": self.meta,
        }
        if text:
            out["text"] = self.text
        return out

    @classmethod
    def from_dict(cls, data: dict, consume: bool = False) -> "Document":
        """The Document back from :meth:`to_dict` (``text=True``): what the
        batch engine stores per document and rebuilds the outputs from.
        ``consume``: each list is taken out of ``data`` as it is converted, so
        that a large document is never held both as dicts and as spans."""
        doc = cls(id=data["id"], path=data["path"], format=data["format"], text=data.get("text", ""),
                  encoding=data.get("encoding"), pages=data.get("pages"),
                  page_starts=list(data.get("page_starts") or ()), meta=dict(data.get("meta") or {}),
                  warnings=[Problem(w["code"], dict(w.get("details") or {})) for w in data.get("warnings", ())])
        for name, kind in SPAN_KINDS.items():
            items = data.pop(name, ()) if consume else data.get(name, ())
            setattr(doc, name, _objects(kind, items, consume))
            del items
        return doc


SPAN_KINDS = {"blocks": Block, "tables": Table, "articles": Article, "sections": Section,
              "boilerplate": Boilerplate, "quantities": Quantity, "flags": Flag}


def span_rows(items: list) -> Items:
    """The dicts of :meth:`Document.to_dict`'s list of these spans, made as they are read."""
    return Items(items, _plain_list)


def _objects(kind, items: list, consume: bool) -> list:
    """``[kind(**item) for item in items]``; ``consume``: the dicts dropped as they go.
    Items that are spans already (read so from a stored outcome) are taken as they are."""
    if isinstance(items, list) and items and type(items[0]) is kind:
        return items
    if not consume or not isinstance(items, list):
        return [kind(**item) for item in items]
    out = []
    for i, item in enumerate(items):
        out.append(kind(**item))
        items[i] = None
    return out


_LAYOUTS: dict[type, tuple] = {}


def _plain_list(items: list) -> list[dict]:
    """``[dataclasses.asdict(x) for x in items]`` for the flat span classes above,
    without asdict's recursive copy of every number and string (a large
    document has tens of thousands of spans): the fields as they are, the
    lists and dicts among them copied."""
    if not items:
        return []
    kind = type(items[0])
    layout = _LAYOUTS.get(kind)
    if layout is None:
        names = tuple(f.name for f in fields(kind))
        layout = _LAYOUTS[kind] = (names, attrgetter(*names))
    names, get = layout
    out = []
    for item in items:
        if type(item) is not kind:
            return [_plain(x) for x in items]
        row = dict(zip(names, get(item)))
        for name, value in row.items():
            if type(value) in _CONTAINERS:
                row[name] = _copy(value)
        out.append(row)
    return out


_CONTAINERS = (list, dict, tuple)


def _plain(item) -> dict:
    names = tuple(f.name for f in fields(item))
    return {n: _copy(getattr(item, n)) for n in names}


def _copy(value):
    """What dataclasses.asdict makes of a field value (lists, dicts and tuples copied)."""
    kind = type(value)
    if kind is list:
        return [_copy(v) for v in value]
    if kind is dict:
        return {_copy(k): _copy(v) for k, v in value.items()}
    if kind is tuple:
        return tuple(_copy(v) for v in value)
    if hasattr(kind, "__dataclass_fields__"):
        return _plain(value)
    return value
