"""A document's text as HTML with its spans marked, by one sweep over span
boundaries.

Spans (quantities, flags, boilerplate, headings) may overlap: a flag usually
covers the quantities it is about. The text is cut at every span boundary;
each piece becomes one ``<span>`` whose classes and title combine every span
active over it, so hovering a number inside a flag shows both. Work is linear
in the text length plus the number of spans (after one sort of the spans).
Every piece of text that holds a character HTML reserves is escaped; the
positions of those characters are found once for the whole text, so the
(usual) pieces without any are copied as they are.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from markupsafe import Markup

RESERVED = re.compile("[&<>\"']")
CHUNK_CUTS = 4096            # span boundaries per piece of render_chunks


def escape(text: str) -> str:
    """HTML-escape text and attribute values (what markupsafe.escape does, without the
    Markup object per call: the sweep escapes tens of thousands of pieces)."""
    if RESERVED.search(text) is None:
        return text
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&#34;").replace("'", "&#39;"))


@dataclass(slots=True)
class Mark:
    start: int
    end: int
    classes: str                 # CSS classes, e.g. "q r-actual"
    title: str = ""              # hover text (plain text; escaped on output)
    data: dict[str, str] = field(default_factory=dict)   # data-* attributes
    tag: str = ""                # its opening tag alone, when the maker built it (see :func:`opening`)


def opening(classes: str, title: str, data: str = "") -> str:
    """The ``<span>`` a single mark opens: ``classes`` and ``data`` (`` data-k="v"`` text)
    hold no reserved character (the caller's word); the title is escaped."""
    title = f' title="{escape(title)}"' if title else ""
    return f'<span class="{classes}"{data}{title}>'


def render(text: str, marks: list[Mark], anchors: dict[int, list] | None = None) -> Markup:
    """``text`` as escaped HTML with ``marks`` as spans and empty ``<a id>``
    anchors (ids, or (id, label) markers) at the offsets of ``anchors``."""
    return Markup("".join(render_chunks(text, marks, anchors)))


def render_chunks(text: str, marks: list[Mark], anchors: dict[int, list] | None = None,
                  cuts_per_chunk: int = CHUNK_CUTS):
    """What :func:`render` returns, in pieces of about ``cuts_per_chunk`` span
    boundaries each (a writer encodes and writes them as they come, instead of
    making one string of the whole text)."""
    n = len(text)
    anchors = anchors or {}
    starts, ends = _boundaries(n, marks)
    cuts = sorted({0, n, *starts, *ends, *(p for p in anchors if 0 <= p <= n)})
    sweep = _Sweep(text, marks)
    tags = _anchor_tags(anchors)
    gone, new, at = list(map(ends.get, cuts)), list(map(starts.get, cuts)), list(map(tags.get, cuts))
    for i in range(0, len(cuts) - 1, cuts_per_chunk):
        j = i + cuts_per_chunk
        yield sweep.run(cuts[i:j + 1], gone[i:j], new[i:j], at[i:j])
    yield tags.get(n, "")


def _anchor_tags(anchors: dict[int, list]) -> dict[int, str]:
    """offset -> the tags of the anchors there, one string; when no id or label holds a
    reserved character (one search over them all), they are written without escaping each."""
    words = [w for at in anchors.values() for name in at for w in (name if type(name) is tuple else (name,))]
    tag = _anchor
    if all(type(w) is str for w in words) and RESERVED.search("".join(words)) is None:
        tag = _plain_anchor
    return {p: "".join([tag(name) for name in at]) for p, at in anchors.items()}


class _Sweep:
    """The marks active over the text as the sweep goes, and the HTML of each piece."""

    def __init__(self, text: str, marks: list[Mark]):
        self.text, self.marks = text, marks
        self.reserved = [m.start() for m in RESERVED.finditer(text)]     # offsets to escape
        self.active: dict[int, None] = {}            # indices of the marks over the piece
        self.tags: dict[tuple, str] = {}             # opening tag per set of several active marks
        self.single = [m.tag or _open([m]) for m in marks]     # opening tag of each mark alone

    def _pieces(self, cuts: list[int]) -> list[str]:
        """The text between consecutive cuts, escaped where it holds a reserved character."""
        text, reserved = self.text, self.reserved
        pieces = [text[a:b] for a, b in zip(cuts, cuts[1:])]
        r = bisect.bisect_left(reserved, cuts[0])
        while r < len(reserved) and reserved[r] < cuts[-1]:
            k = bisect.bisect_right(cuts, reserved[r]) - 1       # the piece holding it
            pieces[k] = escape(text[cuts[k]:cuts[k + 1]])
            r = bisect.bisect_left(reserved, cuts[k + 1])
        return pieces

    def run(self, cuts: list[int], gone: list, new: list, tags: list) -> str:
        """The HTML of the pieces between ``cuts``: at each cut the marks that end
        (``gone``) and start (``new``) there and the anchors' tags (``tags``)."""
        active, single = self.active, self.single
        out: list[str] = []
        append = out.append
        for piece, ending, starting, anchor in zip(self._pieces(cuts), gone, new, tags):
            if ending:
                for i in ending:
                    del active[i]
            if starting:
                for i in starting:
                    active[i] = None
            if anchor:
                append(anchor)
            if not active:
                append(piece)
            elif len(active) == 1:
                (i,) = active
                out += (single[i], piece, "</span>")
            else:
                out += (self._tag(), piece, "</span>")
        return "".join(out)

    def _tag(self) -> str:
        key = tuple(self.active)
        tag = self.tags.get(key)
        if tag is None:
            tag = self.tags[key] = _open([self.marks[i] for i in sorted(key)])
        return tag


def _boundaries(n: int, marks: list[Mark]) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """offset -> indices of the marks starting there, and of those ending there."""
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, m in enumerate(marks):
        s, e = max(0, m.start), min(n, m.end)
        if s < e:
            starts.setdefault(s, []).append(i)
            ends.setdefault(e, []).append(i)
    return starts, ends


def _anchor(name: str | tuple[str, str]) -> str:
    """An empty ``<a id>``; a (id, label) pair is a visible marker (the label
    is drawn by CSS from ``data-label``, so it never joins the text)."""
    if isinstance(name, tuple):
        return f'<a class="anchor marker" id="{escape(name[0])}" data-label="{escape(name[1])}"></a>'
    return f'<a class="anchor" id="{escape(name)}"></a>'


def _plain_anchor(name: str | tuple[str, str]) -> str:
    """:func:`_anchor` of a name that holds no reserved character."""
    if type(name) is tuple:
        return f'<a class="anchor marker" id="{name[0]}" data-label="{name[1]}"></a>'
    return f'<a class="anchor" id="{name}"></a>'


def _open(spans: list[Mark]) -> str:
    if len(spans) == 1:
        m = spans[0]
        data = "".join(f' data-{k}="{escape(v)}"' for k, v in m.data.items())
        title = f' title="{escape(m.title)}"' if m.title else ""
        return f'<span class="{escape(m.classes)}"{data}{title}>'
    classes = " ".join(dict.fromkeys(c for m in spans for c in m.classes.split()))
    data: dict[str, list[str]] = {}
    for m in spans:
        for key, value in m.data.items():
            data.setdefault(key, []).append(value)
    attrs = "".join(f' data-{escape(k)}="{escape(" ".join(v))}"' for k, v in data.items())
    title = "\n".join(m.title for m in spans if m.title)
    title_attr = f' title="{escape(title)}"' if title else ""
    return f'<span class="{escape(classes)}"{attrs}{title_attr}>'
