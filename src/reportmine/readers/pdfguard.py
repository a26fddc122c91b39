"""Bound what pdfminer decodes and draws while a PDF is read.

A PDF keeps its pages in compressed streams, and one small stream can
inflate to hundreds of MB, or draw millions of characters (a text object, a
form drawn again and again). The checks sit where pdfminer does the work, so
they hold whatever the file's structure:

- every FlateDecode stream pdfminer decodes (page contents, forms, fonts,
  object streams) goes through a decoder that stops at
  ``pdf.stream_bytes`` per stream and ``pdf.total_stream_bytes`` in all,
  instead of ``zlib.decompress`` inflating it whole;
- every character drawn is counted, per page and in all
  (``pdf.page_chars``, ``pdf.total_chars``).

Both raise :class:`~reportmine.readers.limits.LimitExceeded`. Streams whose
data is not valid zlib are counted (``Budget.broken``): a PDF whose text is
lost that way is damaged (E204), not scanned.

The hooks are installed into pdfminer once per process and act only inside
``with guarded(limits) as budget``, for the current thread or task
(a context variable), so they cost nothing elsewhere. The same installation
makes pdfminer's debug calls quiet while nobody listens (pdflogs.py).
"""

from __future__ import annotations

import contextlib
import contextvars
import zlib

from .limits import LimitExceeded, Limits
from .pdflogs import quiet_debug

_BUDGET: contextvars.ContextVar["Budget | None"] = contextvars.ContextVar("pdf_budget", default=None)
_CHUNK = 1 << 20


class Budget:
    """What one PDF has decoded and drawn so far."""

    def __init__(self, limits: Limits):
        self.limits = limits
        self.inflated = 0
        self.chars = 0
        self.page_chars = 0
        self.most_page_chars = 0         # the most any finished page drew
        self.broken = 0

    def inflate(self, data: bytes) -> bytes:
        """zlib-decompress ``data`` in bounded steps; zlib.error as zlib would raise it."""
        limits = self.limits
        room = min(limits.pdf_stream_bytes, limits.pdf_total_stream_bytes - self.inflated)
        d = zlib.decompressobj()
        parts, size, tail = [], 0, data
        while not d.eof:
            out = d.decompress(tail, min(_CHUNK, room - size + 1))
            tail = d.unconsumed_tail
            size += len(out)
            parts.append(out)
            if size > room:
                self._too_much(size)
            if not out and not tail:
                break
        if not d.eof:
            raise zlib.error("incomplete or truncated stream")
        self.inflated += size
        return b"".join(parts)

    def _too_much(self, size: int) -> None:
        limits = self.limits
        if size > limits.pdf_stream_bytes:
            raise LimitExceeded("pdf.stream_bytes", limits.pdf_stream_bytes)
        raise LimitExceeded("pdf.total_stream_bytes", limits.pdf_total_stream_bytes)

    def char(self) -> None:
        self.chars += 1
        self.page_chars += 1
        if self.page_chars > self.limits.pdf_page_chars:
            raise LimitExceeded("pdf.page_chars", self.limits.pdf_page_chars)
        if self.chars > self.limits.pdf_total_chars:
            raise LimitExceeded("pdf.total_chars", self.limits.pdf_total_chars)


class _GuardedZlib:
    """Stands in for the ``zlib`` module inside pdfminer.pdftypes."""

    error = zlib.error

    def __getattr__(self, name):
        return getattr(zlib, name)

    @staticmethod
    def decompress(data, *args, **kwargs):
        budget = _BUDGET.get()
        if budget is None or args or kwargs:
            return zlib.decompress(data, *args, **kwargs)
        try:
            return budget.inflate(data)
        except zlib.error:
            budget.broken += 1
            raise

    @staticmethod
    def decompressobj(*args, **kwargs):
        budget = _BUDGET.get()
        real = zlib.decompressobj(*args, **kwargs)
        return real if budget is None else _CountedDecompressor(real, budget)


class _CountedDecompressor:
    """pdfminer's salvage path for damaged streams, counted like the rest."""

    def __init__(self, real, budget: Budget):
        self.real, self.budget = real, budget

    def __getattr__(self, name):
        return getattr(self.real, name)

    def decompress(self, data, max_length=0):
        out = self.real.decompress(data, max_length)
        self.budget.inflated += len(out)
        if self.budget.inflated > self.budget.limits.pdf_total_stream_bytes:
            raise LimitExceeded("pdf.total_stream_bytes", self.budget.limits.pdf_total_stream_bytes)
        return out


_installed = False


def _install() -> None:
    global _installed
    if _installed:
        return
    from pdfminer import pdftypes
    from pdfminer.converter import PDFLayoutAnalyzer

    pdftypes.zlib = _GuardedZlib()
    render_char, begin_page = PDFLayoutAnalyzer.render_char, PDFLayoutAnalyzer.begin_page

    def counted_render_char(self, *args, **kwargs):
        budget = _BUDGET.get()
        if budget is not None:
            budget.char()
        return render_char(self, *args, **kwargs)

    def counted_begin_page(self, *args, **kwargs):
        budget = _BUDGET.get()
        if budget is not None:
            budget.most_page_chars = max(budget.most_page_chars, budget.page_chars)
            budget.page_chars = 0
        return begin_page(self, *args, **kwargs)

    PDFLayoutAnalyzer.render_char = counted_render_char
    PDFLayoutAnalyzer.begin_page = counted_begin_page
    quiet_debug()
    _installed = True


@contextlib.contextmanager
def guarded(limits: Limits):
    """Count and bound pdfminer's decoding and drawing inside the block."""
    _install()
    budget = Budget(limits)
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)
