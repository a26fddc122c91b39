"""PDF reader (pdfplumber).

Each page is read in reading order (top to bottom) from its characters, after
the doubled glyphs of fake-bold text are removed (pdfglyphs.py: the same
characters pdfplumber's ``dedupe_chars`` keeps, in O(n log n)). Characters
are grouped into lines (pdflayout.py); a line that reaches the right text
margin (the first word of the next line would not have fitted) and does not
end with sentence-final punctuation (。！？；：…, or a closing quote right
after one of them) is joined to the next one (pdfparagraphs.py), so numbers
and sentences broken by the layout come back whole ("130.\\n48%" ->
"130.48%"). Nothing is inserted between CJK characters and a space between
Latin words. A short line, an indented next line, a larger vertical gap or a
change of font size ends a paragraph ("\\n").

Ruled tables found by ``page.find_tables()`` become :class:`Table` objects at
their vertical position: one line per row, cells separated by TAB, every cell
a ``table_cell`` block; their characters are left out of the running text.
Pages are separated by "\\n" (pdftext.py). Lines repeated at the top or
bottom of at least half of the pages (two at least; digits do not count) and
page-number lines (第 3 页, - 3 -, 3/10) stay in the text and are listed as
page_header / page_footer boilerplate. A sentence broken across a page
boundary is joined too; the footer and the next page's header then follow
the joined paragraph.

Pages are read one at a time: a page's pdfminer layout and objects are
dropped once its lines and tables are taken.
"""

from __future__ import annotations

import io
import itertools

from ..document import Document
from ..errors import ReaderError, warning
from .limits import LimitExceeded, Limits, default_limits
from .pdfguard import Budget, guarded
from .pdflayout import page_layout
from .pdfparagraphs import mark_boilerplate, page_metrics
from .pdftext import assemble


# -- entry point ---------------------------------------------------------

def read(data: bytes, path: str, limits: Limits | None = None) -> Document:
    try:
        with guarded(limits or default_limits()) as budget:
            return _read(data, path, budget)
    except ReaderError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure of bad input maps to a code
        raise _reader_error(exc, path) from exc


def _read(data: bytes, path: str, budget: Budget) -> Document:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        _count_pages(pdf.doc, budget.limits.pdf_pages)
        pages = []
        for page in pdf.pages:
            pages.append(page_layout(page))
            page.close()                   # drop pdfminer's layout of the page: memory stays per page
    if not pages:
        raise ReaderError("E201", path=path, reason="没有任何页面")
    empty = [p.number for p in pages if not p.has_text]
    if len(empty) == len(pages):
        if budget.broken:
            raise ReaderError("E204", path=path, reason=f"{budget.broken} 个数据流不是有效的压缩数据")
        raise ReaderError("E203", path=path)
    mark_boilerplate(pages)
    doc = Document(id="", path=path, format="pdf", text="", pages=len(pages))
    assemble(doc, pages, page_metrics(pages))
    if empty:
        doc.warnings.append(warning("W201", pages=",".join(map(str, empty))))
        if budget.broken:
            doc.warnings.append(warning("W202", count=budget.broken))
    return doc


def _count_pages(doc, limit: int) -> None:
    """Walk the page tree up to limit + 1 pages (never all of a huge one)."""
    from pdfminer.pdfpage import PDFPage

    if sum(1 for _ in itertools.islice(PDFPage.create_pages(doc), limit + 1)) > limit:
        raise LimitExceeded("pdf.pages", limit)


def _reader_error(exc: Exception, path: str) -> ReaderError:
    from pdfminer.pdfdocument import PDFEncryptionError
    from pdfminer.psexceptions import PSEOF

    inner = exc
    if exc.args and isinstance(exc.args[0], BaseException):
        inner = exc.args[0]            # pdfplumber wraps pdfminer's exception
    if isinstance(inner, LimitExceeded):
        return ReaderError("E205", path=path, **inner.details)
    if isinstance(inner, PDFEncryptionError):
        return ReaderError("E202", path=path)
    if isinstance(inner, PSEOF):
        reason = "文件不完整，内容意外结束"
    else:
        detail = str(inner).strip()[:160]
        reason = f"{type(inner).__name__}: {detail}" if detail else type(inner).__name__
    return ReaderError("E201", path=path, reason=reason)
