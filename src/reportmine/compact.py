"""The text the stages read: soft line breaks and PDF spaces taken out.

Text copied out of a PDF keeps the printed lines (a newline every 30-40
characters, inside sentences, numbers and units) and a space on each side of
a number (``新建校舍 3200 平方米``). Sentences, clauses and their numbers are
read across neither, so the stages read a compacted copy: in a plain text
whose lines are wrapped (data/compact.yaml, ``reflow``) a newline after a full
line that is not a table row (nor a row of a table whose cells spaces part) is taken out, as is a line that is only a page
number (``pages``); in any text one space between a word and a number or a
number and its unit (``spaces``), and the ``\r`` of Windows line ends. The
removals are recorded as a piecewise map, so after the stages every span
(quantities, flags and their evidence, blocks, tables, sections, articles,
boilerplate, verified relations, pages) is moved back to the source and its
text read from it: a quantity's text is the file's exact span, spaces and
line breaks included.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .document import Boilerplate, Document
from .resources import DataFileError, compile_pattern, load_yaml, require
from .structure.lines import split_lines
from .structure.sections import heading_marker
from .structure.space_tables import space_runs


@lru_cache(maxsize=1)
def rules():
    data = load_yaml("compact.yaml")
    require(data, ("reflow", "pages", "spaces", "fragments", "units"), "compact.yaml")
    reflow, pages, spaces, fragments = data["reflow"], data["pages"], data["spaces"], data["fragments"]
    require(data["units"], ("line_end", "next_start"), "compact.yaml: units")
    require(fragments, ("min_lines", "reach", "number_line", "clause_mark", "next_start"), "compact.yaml: fragments")
    require(pages, ("marker", "sentence_end"), "compact.yaml: pages")
    require(reflow, ("min_lines", "min_share", "full_share", "width_quantile", "max_width", "min_width",
                     "line_end", "line_start", "table_line", "cell_line"), "compact.yaml: reflow")
    require(spaces, ("pattern", "table_line", "sign", "range"), "compact.yaml: spaces")
    for key in ("min_share", "full_share", "width_quantile"):
        if not 0 < float(reflow[key]) <= 1:
            raise DataFileError(f"compact.yaml: reflow.{key} must lie in (0, 1]")
    return {
        **{k: float(reflow[k]) for k in ("min_share", "full_share", "width_quantile")},
        **{k: int(reflow[k]) for k in ("min_lines", "max_width", "min_width")},
        "line_end": compile_pattern(reflow["line_end"], "compact.yaml: reflow.line_end"),
        "line_start": compile_pattern(reflow["line_start"], "compact.yaml: reflow.line_start"),
        "table_line": compile_pattern(reflow["table_line"], "compact.yaml: reflow.table_line"),
        "cell_line": compile_pattern(reflow["cell_line"], "compact.yaml: reflow.cell_line"),
        "page": compile_pattern(pages["marker"], "compact.yaml: pages.marker"),
        "sentence_end": compile_pattern(pages["sentence_end"], "compact.yaml: pages.sentence_end"),
        "space": compile_pattern(spaces["pattern"], "compact.yaml: spaces.pattern"),
        "space_table": compile_pattern(spaces["table_line"], "compact.yaml: spaces.table_line"),
        "space_sign": compile_pattern(spaces["sign"], "compact.yaml: spaces.sign"),
        "space_range": compile_pattern(spaces["range"], "compact.yaml: spaces.range"),
        "fragment_lines": int(fragments["min_lines"]),
        "fragment_reach": int(fragments["reach"]),
        "number_line": compile_pattern(fragments["number_line"], "compact.yaml: fragments.number_line"),
        "clause_mark": compile_pattern(fragments["clause_mark"], "compact.yaml: fragments.clause_mark"),
        "fragment_next": compile_pattern(fragments["next_start"], "compact.yaml: fragments.next_start"),
        "unit_line_end": compile_pattern(data["units"]["line_end"], "compact.yaml: units.line_end"),
        "unit_next": compile_pattern(data["units"]["next_start"], "compact.yaml: units.next_start"),
    }


@dataclass
class Compaction:
    """``text`` is what the stages read; ``_starts`` / ``_src`` map each kept
    run of it back to the source."""

    text: str
    _starts: list[int]
    _src: list[int]
    warnings_before: int = 0      # the reader's warnings (source offsets) come first
    page_edges: list = field(default_factory=list)   # (start, end, kind) of the PDF page lines taken out
    edge_blocks: list = field(default_factory=list)  # (block, start, end): the reader's blocks of those lines

    def source(self, i: int) -> int:
        k = bisect.bisect_right(self._starts, i) - 1
        return self._src[k] + (i - self._starts[k])

    def span(self, s: int, e: int) -> tuple[int, int]:
        """A span of the compact text as a span of the source (what was taken
        out inside it stays inside it)."""
        start = self.source(s)
        return start, (self.source(e - 1) + 1 if e > s else start)

    def compact(self, i: int) -> int:
        """A source offset in the compact text (a removed character: the next kept one)."""
        k = bisect.bisect_right(self._src, i) - 1
        if k < 0:
            return 0
        run_end = self._src[k] + ((self._starts[k + 1] if k + 1 < len(self._starts) else len(self.text))
                                  - self._starts[k])
        return self._starts[k] + min(i, run_end) - self._src[k]


def removals(text: str, fmt: str, page_lines=(), edges: list | None = None) -> list[tuple[int, int]]:
    """The (start, end) source spans the stages do not read, in order. A PDF's
    page headers and footers (``page_lines``: (start, end, kind) as its reader
    marked them) go too, and are listed in ``edges``."""
    r = rules()
    # Windows line ends: the \r of each \r\n (every line rule then reads one newline)
    cuts = [(m.start(), m.start() + 1) for m in _CR.finditer(text)] if "\r" in text else []
    cuts += _page_lines(text, r) if fmt == "txt" else []
    cuts += _page_edges(text, page_lines, r, edges if edges is not None else []) if fmt == "pdf" else []
    cuts += _soft_breaks(text, r) if fmt == "txt" else []
    cuts += _fragment_breaks(text, r) if fmt == "txt" else []
    cuts += _unit_breaks(text, r) if fmt == "txt" else []
    cuts += _spaces(text, r)
    cuts.sort()
    return cuts


def compaction(text: str, cuts: list[tuple[int, int]]) -> Compaction:
    pieces, starts, src, n, pos = [], [], [], 0, 0
    for s, e in cuts:
        if s < pos:             # (overlapping cuts: the later one is inside the earlier)
            s = pos
        if s > pos:
            pieces.append(text[pos:s])
            starts.append(n)
            src.append(pos)
            n += s - pos
        pos = max(pos, e)
    pieces.append(text[pos:])
    starts.append(n)
    src.append(pos)
    return Compaction("".join(pieces), starts, src)


def _soft_breaks(text: str, r) -> list[tuple[int, int]]:
    if text.count("\n") < r["min_lines"]:
        return []
    lines = split_lines(text)
    # the printed width is read from the lines of prose: a table's short cells
    # and the short lines of headings say nothing of it
    lengths = sorted(n for n in (len(line.text.strip()) for line in lines) if n >= r["min_width"])
    if len(lengths) < r["min_lines"]:
        return []
    width = lengths[min(len(lengths) - 1, int(r["width_quantile"] * len(lengths)))]
    if width > r["max_width"]:
        return []
    full = r["full_share"] * width
    followed = [(a, b) for a, b in zip(lines, lines[1:]) if b.text.strip()]
    is_full = [len(a.text.strip()) >= full for a, _ in followed]
    prose = sum(len(a.text.strip()) >= r["min_width"] for a, _ in followed)
    if sum(is_full) < r["min_lines"] or sum(is_full) < r["min_share"] * prose:
        return []
    # the rows of a table whose cells spaces part (structure/space_tables.py) are never joined
    rows = {line.start for _, taken in (space_runs(lines) if " " in text else ()) for line in taken}
    cuts = []
    for (line, nxt), long_line in zip(followed, is_full):
        if line.start in rows or nxt.start in rows:
            continue
        if not long_line or r["line_end"].search(line.text) or _opens(nxt.text, r) \
                or r["table_line"].search(line.text) or r["table_line"].search(nxt.text) \
                or r["cell_line"].match(nxt.text):
            if not (long_line and _row_goes_on(line.text, nxt.text)):
                continue
        cuts.append(_join(text, line, nxt))
    return cuts


def _join(text: str, line, nxt) -> tuple[int, int]:
    """The cut that joins ``line`` to the next: the line's trailing spaces and
    the next line's indent go with the break."""
    cut_start, cut_end = line.end, nxt.start
    while cut_start > line.start and text[cut_start - 1] in " \u3000\t":
        cut_start -= 1
    while cut_end < nxt.end and text[cut_end] in " \u3000\t":
        cut_end += 1
    return cut_start, cut_end


def _fragment_breaks(text: str, r) -> list[tuple[int, int]]:
    """The newlines of a text copied with each number on a line of its own
    (compact.yaml ``fragments``) that split a sentence at a number."""
    if text.count("\n") < r["fragment_lines"]:
        return []
    lines = split_lines(text)
    reach, mark = r["fragment_reach"], r["clause_mark"]

    def goes_on(line) -> bool:          # the sentence goes on in this line
        return mark.search(line.text, 0, reach) is not None

    alone = [r["number_line"].match(line.text) is not None for line in lines]
    prose = [a and k + 1 < len(lines) and not alone[k + 1] and goes_on(lines[k + 1])
             for k, a in enumerate(alone)]
    if sum(prose) < r["fragment_lines"]:
        return []
    cuts = []
    for k, (line, nxt) in enumerate(zip(lines, lines[1:])):
        head, tail = line.text.rstrip(), nxt.text
        if not head or not tail.strip() or r["sentence_end"].search(head) or _opens(tail, r):
            continue
        if alone[k] or alone[k + 1] or r["fragment_next"].match(tail) \
                or (tail.lstrip()[:1].isdigit() and goes_on(nxt)):
            cuts.append(_join(text, line, nxt))
    return cuts


def _unit_breaks(text: str, r) -> list[tuple[int, int]]:
    """The newlines between a number ending a line of prose and its unit
    opening the next (compact.yaml ``units``): inside a quantity, soft."""
    if "\n" not in text:
        return []
    lines = split_lines(text)
    cuts = []
    for line, nxt in zip(lines, lines[1:]):
        if nxt.start != line.end + 1:
            continue            # (a blank line between: a paragraph ends there)
        if r["unit_next"].match(nxt.text) and r["unit_line_end"].search(line.text) \
                and not r["table_line"].search(line.text) and not r["table_line"].search(nxt.text):
            cuts.append(_join(text, line, nxt))
    return cuts


def _page_lines(text: str, r) -> list[tuple[int, int]]:
    """Lines that are only a page number: the line and the newline before it;
    and the newline after it too when the paragraph goes on across it."""
    cuts = []
    lines = split_lines(text)
    for prev, line, nxt in zip(lines, lines[1:], lines[2:]):
        if len(line.text) > 24 or not r["page"].match(line.text):
            continue
        if not prev.text.strip() or not nxt.text.strip():
            continue
        cuts.append((prev.end, nxt.start if _goes_on_across(prev.text, nxt.text, r) else line.end))
    return cuts


def _goes_on_across(prev: str, nxt: str, r) -> bool:
    """Whether the paragraph of line ``prev`` goes on in line ``nxt`` across a
    page's footer or header: a | row that no cell mark closed, or prose that
    does not end its sentence into a line that opens nothing (a heading line
    ending a page is followed by its section, not by more of its title)."""
    if _row_goes_on(prev, nxt):
        return True
    return not r["sentence_end"].search(prev) and not _opens(nxt, r) \
        and not r["table_line"].search(nxt) and not r["table_line"].search(prev) \
        and not (heading_marker(prev) and len(prev.strip()) <= _HEADING_CHARS)


def _row_goes_on(line: str, nxt: str) -> bool:
    """Whether a ``|`` table row broken after ``line`` goes on in ``nxt``: the
    row is not closed by a cell mark, the next line closes one, and it does
    not open a row of its own (where rows open with a cell mark)."""
    head, tail = line.strip(), nxt.strip()
    if "|" not in head or head.endswith("|") or not tail.endswith("|"):
        return False
    return not (head.startswith("|") and tail.startswith("|"))


def _page_edges(text: str, marked, r, edges: list) -> list[tuple[int, int]]:
    """A PDF's page headers and footers (``marked``: (start, end, kind) of the
    lines the reader marked so): each run of them, with the newline before it;
    the newline after it too when the paragraph goes on across the page (as
    for a txt's page footers). The lines taken out are listed in ``edges``."""
    if not marked:
        return []
    lines = split_lines(text)
    at = {line.start: i for i, line in enumerate(lines)}
    kinds = {at[s]: kind for s, e, kind in marked if s in at and lines[at[s]].end == e}
    cuts, i = [], 0
    while i < len(lines):
        if i not in kinds:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and (j + 1 in kinds or not lines[j + 1].text.strip()):
            j += 1
        edges.extend((lines[k].start, lines[k].end, kinds[k]) for k in range(i, j + 1) if k in kinds)
        prev = next((lines[k] for k in range(i - 1, -1, -1) if lines[k].text.strip()), None)
        nxt = lines[j + 1] if j + 1 < len(lines) else None
        if prev is None:
            cuts.append((lines[i].start, nxt.start if nxt else lines[j].end))
        elif nxt is None:
            cuts.append((prev.end, lines[j].end))
        else:
            cuts.append((prev.end, nxt.start if _goes_on_across(prev.text, nxt.text, r) else nxt.start - 1))
        i = j + 1
    return cuts


def _opens(line: str, r) -> bool:
    """Whether a line opens a heading, list item or table row (not a continuation)."""
    return r["line_start"].match(line) is not None or heading_marker(line) is not None


def _spaces(text: str, r) -> list[tuple[int, int]]:
    cuts = []
    for line in split_lines(text):
        if " " not in line.text and "\u00a0" not in line.text:
            continue
        found = {m.start() for m in r["space"].finditer(text, line.start, line.end)}
        if _LATIN_AFTER_SPACE.search(line.text):
            found.update(m.start() for m in _latin_units().finditer(text, line.start, line.end))
            # a unit's exponent set apart (44 μg/m 3, 3200 m 2: a PDF's superscript)
            found.update(m.start() for m in _EXPONENT.finditer(text, line.start, line.end))
        # the sign and range patterns open with lookbehinds: run only where a sign or dash stands
        if any(ch in line.text for ch in _SIGNS_AND_DASHES):
            for key in ("space_sign", "space_range"):
                found.update(m.start() for m in r[key].finditer(text, line.start, line.end))
        if not r["space_table"].search(line.text):
            # a heading's first space ends its title (一、工作目标 2024年…): it stays
            head = heading_marker(line.text)
            found.discard(_first_space(text, line.start + head.end(), line.end) if head else -1)
        cuts += [(i, i + 1) for i in sorted(found)]
    return cuts


@lru_cache(maxsize=1)
def _latin_units():
    """One space between a number and a unit written in Latin letters (120 km,
    39 ug/m3, 3200 m2): the units of quantities.yaml that open with one, the
    longest first, not followed by another letter; the number has no other
    number beside it (a row of figures)."""
    from .quantities.lexicon import lexicon

    units = sorted((u for u in lexicon().units if u[:1] in "μµ" or (u[:1].isascii() and u[:1].isalpha())),
                   key=len, reverse=True)
    alt = "|".join(regex.escape(u[:-1]) + r"[ \u00a0]?" + regex.escape(u[-1]) if u[-1] in "23²³" and len(u) > 1
                   else regex.escape(u) for u in units)        # the exponent may stand apart (m 3)
    return regex.compile(r"(?<=(?:^|[^0-9.,\s][ \u00a0]?|[\p{Han}（(])[0-9][0-9.,]*)(?<![0-9][ \u00a0]+[0-9][0-9.,]*)"
                         r"[ \u00a0](?=(?:" + alt + r")(?![A-Za-z]))", regex.M)


def _first_space(text: str, start: int, end: int) -> int:
    for i in range(start, end):
        if text[i] in " \u00a0\u3000\t":
            return i
    return -1


_CR = re.compile(r"\r(?=\n)")
_PAGE_KINDS = ("page_header", "page_footer")
_HEADING_CHARS = 40      # a heading line ending a page: its section goes on, not its title
_LATIN_AFTER_SPACE = re.compile(r"[0-9][ \u00a0][A-Za-zμµ]")
# (the exponent may end a clause: 44 μg/m 3, — a comma then, not a thousands separator)
_EXPONENT = regex.compile(r"(?<=[0-9][ \u00a0]?(?:(?:[μµu]g|mg)/)?m)[ \u00a0](?=[23](?![0-9.]|,[0-9]))")
_SIGNS_AND_DASHES = "-+−－＋~～–"       # every sign and dash of spaces.sign and spaces.range


# -- the document before and after the stages --------------------------------

def compact_document(doc: Document) -> Compaction | None:
    """Give ``doc`` its compact text (spans from the reader moved into it);
    None when nothing is taken out."""
    edges: list = []
    marked = [(b.start, b.end, b.kind) for b in doc.boilerplate if b.kind in _PAGE_KINDS]
    cuts = removals(doc.text, doc.format, marked, edges)
    if not cuts:
        return None
    c = compaction(doc.text, cuts)
    c.page_edges = edges
    # the reader's boilerplate (a PDF's page lines) into the compact text; the lines taken out go
    gone = {(s, e) for s, e, _ in edges}
    doc.boilerplate = [b for b in doc.boilerplate if (b.start, b.end) not in gone]
    c.edge_blocks = [(b, b.start, b.end) for b in doc.blocks if (b.start, b.end) in gone]
    for b in doc.boilerplate:
        b.start, b.end = c.compact(b.start), max(c.compact(b.start), c.compact(b.end))
    if doc.format == "txt":
        from .readers.txt import line_blocks

        doc.blocks = line_blocks(c.text)
    else:
        for b in doc.blocks:
            b.start, b.end = c.compact(b.start), max(c.compact(b.start), c.compact(b.end))
    for t in doc.tables:
        t.start, t.end = c.compact(t.start), c.compact(t.end)
    doc.page_starts = [c.compact(p) for p in doc.page_starts]
    doc.text = c.text
    c.warnings_before = len(doc.warnings)
    return c


def restore_document(doc: Document, c: Compaction, source: str) -> None:
    """Move every span of ``doc`` back from the compact text to ``source``."""
    def move(obj):
        obj.start, obj.end = c.span(obj.start, obj.end)

    doc.text = source
    for b in doc.blocks:
        move(b)
    for b, start, end in c.edge_blocks:       # a page line's block is its line again
        b.start, b.end = start, end
    for t in doc.tables:
        move(t)
    for b in doc.boilerplate:
        move(b)
    if c.page_edges:            # the page footers and headers the stages did not read
        doc.boilerplate = sorted([*doc.boilerplate, *(Boilerplate(s, e, kind) for s, e, kind in c.page_edges)],
                                 key=lambda b: b.start)
    doc._bp_starts = doc._article_starts = doc._chunks = None
    for part in (*doc.articles, *doc.sections):
        move(part)
        read_there = part.title == c.text[part.title_start:part.title_end]
        part.title_start, part.title_end = c.span(part.title_start, part.title_end)
        if read_there:
            part.title = source[part.title_start:part.title_end]
    for q in doc.quantities:
        move(q)
        q.text = source[q.start:q.end]
    for f in doc.flags:
        move(f)
        f.text = source[f.start:f.end]
        for ev in f.evidence:
            if isinstance(ev.get("start"), int) and isinstance(ev.get("end"), int):
                ev["start"], ev["end"] = c.span(ev["start"], ev["end"])
                if "text" in ev:
                    ev["text"] = source[ev["start"]:ev["end"]]
    for v in doc.meta.get("verified", []):
        v["spans"] = [list(c.span(s, e)) for s, e in v["spans"]]
    doc.page_starts = [c.source(p) if p < len(c.text) else len(source) for p in doc.page_starts]
    for w in doc.warnings[c.warnings_before:]:
        for key in ("start", "end", "offset"):
            if isinstance(w.details.get(key), int):
                w.details[key] = c.source(min(w.details[key], max(len(c.text) - 1, 0)))
