"""The reporting unit (org) of a document or article: the first org name in
its title, else its first lines, else the file name (data/records.yaml)."""

from __future__ import annotations

from ..document import Document
from .rules import rules


def find_org(text: str) -> str | None:
    m = rules().org.search(text)
    return m.group() if m else None


def document_orgs(doc: Document) -> dict[int | None, str | None]:
    """org per article index (None: text outside any article); the file name last."""
    from_name = find_org(doc.name.rsplit(".", 1)[0])
    out: dict[int | None, str | None] = {None: _from_head(doc, 0, len(doc.text)) or from_name}
    for a in doc.articles:
        title = a.title if a.title and _title_like(a.title) else ""
        out[a.index] = find_org(title) or _from_head(doc, a.title_end, a.end) or out[None]
    return out


def _from_head(doc: Document, start: int, end: int) -> str | None:
    r, pos, lines = rules(), start, 0
    limit = min(end, start + r.head_chars)
    while pos < limit and lines < r.head_lines:
        nl = doc.text.find("\n", pos, limit)
        stop = limit if nl < 0 else nl
        line = doc.text[pos:stop]
        if _title_like(line) and not doc.is_boilerplate(pos + len(line) - len(line.lstrip())):
            lines += 1
            found = find_org(line)
            if found:
                return found
        pos = stop + 1
    return None


def _title_like(line: str) -> bool:
    """A heading line, not a sentence of the body (我局对照年初与县委…)."""
    line = line.strip()
    return 0 < len(line) <= rules().head_chars // 3 and not any(ch in line for ch in "。，；,;")
