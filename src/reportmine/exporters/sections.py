"""What report.html shows of one document: the marks over its text, its
records as table rows and its flags as a list (plain data for the template)."""

from __future__ import annotations

from ..document import Document
from .highlight import RESERVED, Mark, escape, opening
from .rows import flag_items, table_rows
from .labels import Labels
from .values import shown

BOILERPLATE_TITLE = "样板文字（{kind}），不计入分析"


def document_context(index: int, doc: Document, records: list[dict], L: Labels) -> dict:
    key = f"d{index}"
    anchors: dict[int, list] = {}
    for page, offset in enumerate(doc.page_starts, 1):
        anchors.setdefault(offset, []).append((f"{key}-p{page}", f"第 {page} 页"))
    flags = []
    for i, f in enumerate(doc.flags):
        anchors.setdefault(f.start, []).append(f"{key}-f{i}")
        ftype = L.flag(f.type)
        flags.append({"anchor": f"{key}-f{i}", "code": f.code or "", "type": ftype,
                      "label": L.flags[ftype]["label"], "style": L.flags[ftype]["style"],
                      "message": f.message or "", "text": f.text, "severity": f.severity})
    tbody, n_flagged = table_rows(key, records, anchors, _units_by_role(doc))
    return {"key": key, "name": doc.name, "path": doc.path, "format": doc.format, "sha": doc.id,
            "length": len(doc.text), "pages": doc.pages, "n_quantities": len(doc.quantities),
            "n_flags": len(doc.flags), "n_records": len(records),
            "n_flagged": n_flagged, "n_rows": len(records),
            "tbody": tbody, "flag_items": flag_items(flags),
            "warnings": [f"[{w.code}] {w.message}" for w in doc.warnings],
            "marks": marks(doc, L), "anchors": anchors}


def marks(doc: Document, L: Labels) -> list[Mark]:
    """The marks over the text, each with its opening tag (:func:`.highlight.opening`)."""
    out = []
    for b in doc.boilerplate:
        title = BOILERPLATE_TITLE.format(kind=b.kind)
        out.append(Mark(b.start, b.end, "bp", title, tag=opening("bp", title)))
    heading = opening("hd", "")
    out += [Mark(b.start, b.end, "hd", tag=heading) for b in doc.blocks if b.kind == "heading"]
    out += [Mark(s.title_start, s.title_end, "hd", tag=heading) for s in doc.sections]
    out += [Mark(a.title_start, a.title_end, "hd", tag=heading) for a in doc.articles]
    titled = []                  # (start, end, classes, escaped classes, title, data key, index)
    kinds: dict = {}             # per role or flag type: its classes (escaped once) and label
    for i, q in enumerate(doc.quantities):
        kind = kinds.get(q.role)
        if kind is None:
            role = L.role(q.role)
            kind = kinds[q.role] = (f"q r-{role}", escape(f"q r-{role}"), L.roles[role]["label"])
        value = shown(q.norm_value, q.norm_unit) or "（无数值）"
        unit = L.units.get(q.norm_unit, q.norm_unit) if q.norm_unit else "无"
        title = f"{q.text} → {value} · 单位：{unit} · 角色：{kind[2]}"
        if q.indicator:
            title += f" · 指标：{q.indicator}"
        titled.append((q.start, q.end, kind[0], kind[1], title, "q", i))
    for i, f in enumerate(doc.flags):
        kind = kinds.get(("flag", f.type))
        if kind is None:
            ftype = L.flag(f.type)
            cls = f"fl s-{L.flags[ftype]['style']} t-{ftype}"
            kind = kinds[("flag", f.type)] = (cls, escape(cls), L.flags[ftype]["label"])
        titled.append((f.start, f.end, kind[0], kind[1], f"[{f.code}] {kind[2]}：{f.message or f.text}", "f", i))
    return out + _titled_marks(titled)


def _titled_marks(titled: list[tuple]) -> list[Mark]:
    """The marks of quantities and flags with their opening tags (:func:`.highlight.opening`);
    their titles checked for reserved characters with one search over them all."""
    if RESERVED.search("\x00".join([t[4] for t in titled])) is None:
        return [Mark(s, e, cls, title, {key: str(i)}, f'<span class="{safe}" data-{key}="{i}" title="{title}">')
                for s, e, cls, safe, title, key, i in titled]
    return [Mark(s, e, cls, title, {key: str(i)}, opening(safe, title, f' data-{key}="{i}"'))
            for s, e, cls, safe, title, key, i in titled]


def _units_by_role(doc: Document) -> dict[tuple[str, float], list[tuple[int, str | None]]]:
    """(role, value) -> [(offset, norm unit)]: growth and differences come in
    ratios, percentage points or counts, and a record keeps only the value."""
    out: dict = {}
    for q in doc.quantities:
        if q.role in ("growth", "difference") and q.norm_value is not None:
            out.setdefault((q.role, q.norm_value), []).append((q.start, q.norm_unit))
    return out
