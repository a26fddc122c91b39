"""``report.html``: one self-contained page for a batch (inline CSS, a little
inline JS, an inline SVG chart; no external requests).

A summary (counts by flag type, completion rates per indicator), then per
document its text with quantities highlighted by role and flags marked by
type, boilerplate dimmed, and a table of its records. Documents are rendered
one at a time into a spool file as they come (:class:`HtmlReport`), so a large
batch never holds all its documents in memory; :func:`write_html` is the
one-call form. Templates autoescape; document text is escaped by
:mod:`.highlight`.
"""

from __future__ import annotations

import gc
import shutil
import tempfile
import uuid
from collections import Counter
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from ..document import Document
from ..filenames import base_name
from .chart import build_chart
from .highlight import render_chunks
from .labels import labels
from .sections import document_context

FILENAME = "report.html"
OPEN_LIMIT = 5          # batches up to this many documents start expanded
SECTIONS = "\x00sections\x00"    # where the spooled sections go in the rendered page
RATE_KEYS = ("indicator_name", "indicator", "completion_rate", "computed_completion_rate", "direction")


@lru_cache(maxsize=1)
def _environment():
    """One template environment per process: its templates compile once, and
    their compiled code is kept in the cache of derived data for later
    processes (templates_cache.py)."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    from .templates_cache import DerivedBytecodeCache

    env = Environment(loader=PackageLoader("reportmine.exporters", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True, bytecode_cache=DerivedBytecodeCache())
    return env


class HtmlReport:
    """``add`` documents one by one, then ``close`` writes the page."""

    def __init__(self, path: str | Path, expected: int | None = None):
        self.path = Path(path)
        self.env = _environment()
        self.section = self.env.get_template("document.html.j2")
        self.spool = tempfile.TemporaryFile("w+b")     # sections, already UTF-8
        self.slot = f"\x00text-{uuid.uuid4().hex}\x00"     # where a section's text goes (no text holds it)
        self.open = expected is not None and expected <= OPEN_LIMIT
        self.nav: list[dict] = []
        self.errors: list[dict] = []
        self.rates: list[dict] = []
        self.counts = Counter()
        self.by_type = Counter()
        self.by_code: dict[str, dict] = {}

    def add(self, doc: Document, records: list[dict]) -> None:
        # The page is tens of thousands of small strings and tuples; with a large
        # document alive, the cyclic collector's passes cost more than the
        # rendering (measured: about half the time). Nothing here makes cycles.
        enabled = gc.isenabled()
        gc.disable()
        try:
            self._add(doc, records)
        finally:
            if enabled:
                gc.enable()

    def _add(self, doc: Document, records: list[dict]) -> None:
        ctx = document_context(len(self.nav), doc, records, labels())
        marks, anchors = ctx.pop("marks"), ctx.pop("anchors")
        ctx["text_html"] = Markup(self.slot)
        ctx["open"] = self.open
        head, _, tail = self.section.render(doc=ctx, L=labels()).partition(self.slot)
        write = self.spool.write
        write(head.encode("utf-8"))
        for chunk in render_chunks(doc.text, marks, anchors):     # the text, never one string
            write(chunk.encode("utf-8"))
        write(tail.encode("utf-8"))
        self.nav.append({k: ctx[k] for k in ("key", "name", "n_flags", "n_records", "n_flagged")})
        self._count(doc, records)

    def add_error(self, path: str, code: str, message: str) -> None:
        self.errors.append({"name": base_name(path),
                            "code": code, "message": message})

    def _count(self, doc: Document, records: list[dict]) -> None:
        self.counts.update(documents=1, quantities=len(doc.quantities), flags=len(doc.flags),
                           records=len(records), chars=len(doc.text),
                           flagged=sum(r.get("status") == "flagged" for r in records))
        L, by_code = labels(), self.by_code
        for f in doc.flags:
            ftype, code = L.flag(f.type), f.code or "-"
            self.by_type[ftype] += 1
            entry = by_code.get(code)
            if entry is None:
                entry = by_code[code] = {"code": code, "type": ftype, "count": 0, "example": f.message or f.text}
            entry["count"] += 1
        self.rates.extend({k: r.get(k) for k in RATE_KEYS} for r in records)

    def close(self) -> Path:
        tmp = self.path.with_name(self.path.name + ".tmp")
        page = self.env.get_template("report.html.j2")
        context = {"L": labels(), "counts": self.counts, "by_type": self.by_type,
                   "by_code": sorted(self.by_code.values(), key=lambda e: e["code"]),
                   "chart": build_chart(self.rates), "nav": self.nav, "errors": self.errors,
                   "sections": [Markup(SECTIONS)], "open": self.open}
        head, _, tail = page.render(context).rpartition(SECTIONS)   # what follows is static
        self.spool.seek(0)
        with open(tmp, "wb") as fh:
            fh.write(head.encode("utf-8"))
            shutil.copyfileobj(self.spool, fh)
            fh.write(tail.encode("utf-8"))
        self.spool.close()
        tmp.replace(self.path)
        return self.path


def write_html(path: str | Path, documents, records, errors=()) -> Path:
    """Write ``report.html`` for ``documents`` (Document objects) and their
    ``records`` (dicts with the record columns; matched to documents by
    ``doc_sha256`` and ``doc``). ``errors``: (path, code, message) of files
    that could not be read."""
    documents = list(documents)
    by_key: dict[tuple, list[dict]] = {}
    for r in records:
        by_key.setdefault((r.get("doc_sha256"), r.get("doc")), []).append(r)
    report = HtmlReport(path, expected=len(documents))
    for doc in documents:
        report.add(doc, by_key.get((doc.id, doc.name), []))
    for path_, code, message in errors:
        report.add_error(path_, code, message)
    return report.close()


def write(result, path: str | Path) -> Path:
    """The writer contract of :mod:`reportmine.exporters`: ``result`` is a
    :class:`reportmine.batch.Result` (its documents must have been kept)."""
    errors = [(e["path"], e["code"], e["message"]) for e in result.errors]
    return write_html(path, result.documents, result.records, errors)
