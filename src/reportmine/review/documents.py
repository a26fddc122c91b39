"""Documents rebuilt from the run database for the reviewed report.html: the
stored text and boilerplate, the quantities with their corrections applied
(role, values, units, indicator), the flags that were not dismissed.

Only documents whose text is stored (analyzed with migration 0003 or later);
headings come back as heading blocks; page offsets are not stored, so the
page has no page anchors.
"""

from __future__ import annotations

from sqlalchemy import Engine, select

from ..document import Block, Boilerplate, Document, Flag, Quantity
from ..store.models import Document as DocumentRow
from ..store.models import Flag as FlagRow
from ..store.models import Quantity as QuantityRow
from ..store.review_models import Correction, DocumentText
from ..store.rows import FLAG_FIELDS, QUANTITY_FIELDS
from .items import span_key


def stored_documents(engine: Engine, decisions: dict[tuple, dict]) -> list[Document]:
    """Every document with a stored text, by file name; ``decisions``: (doc, flag seq) -> decision row."""
    d, t = DocumentRow.__table__, DocumentText.__table__
    with engine.connect() as conn:
        heads = conn.execute(select(d, t.c.text, t.c.boilerplate, t.c.headings).join(t, t.c.doc_sha256 == d.c.doc_sha256)
                             .order_by(d.c.doc)).all()
        fixes = _quantity_fixes(conn)
        out = []
        for head in heads:
            out.append(Document(
                id=head.doc_sha256, path=head.path, format=head.format, text=head.text,
                encoding=head.encoding, pages=head.pages,
                boilerplate=[Boilerplate(*b) for b in head.boilerplate or ()],
                blocks=[Block(s, e, "heading") for s, e in head.headings or ()],
                quantities=_quantities(conn, head.doc_sha256, fixes),
                flags=[f for seq, f in _flags(conn, head.doc_sha256)
                       if (decisions.get((head.doc_sha256, seq)) or {}).get("decision") != "dismissed"]))
    return out


def _quantity_fixes(conn) -> dict[tuple, dict]:
    c = Correction.__table__
    fixes: dict[tuple, dict] = {}
    for row in conn.execute(select(c).where(c.c.item_kind == "quantity", c.c.kind == "correct")):
        fixes.setdefault((row.doc_sha256, row.item_id), {})[row.field] = row.value
    return fixes


def _quantities(conn, doc: str, fixes: dict) -> list[Quantity]:
    q = QuantityRow.__table__
    out = []
    for row in conn.execute(select(q).where(q.c.doc_sha256 == doc).order_by(q.c.seq)):
        values = {name: row._mapping[name] for name in QUANTITY_FIELDS}
        values.update(fixes.get((doc, span_key(row._mapping)), {}))
        out.append(Quantity(**values, group=row.list_group))
    return out


def _flags(conn, doc: str) -> list[tuple[int, Flag]]:
    f = FlagRow.__table__
    rows = conn.execute(select(f).where(f.c.doc_sha256 == doc).order_by(f.c.seq))
    return [(row.seq, Flag(**{**{n: row._mapping[n] for n in FLAG_FIELDS}, "evidence": row.evidence or []}))
            for row in rows]
