"""Sections whose title may name an indicator (（一）城镇新增就业, 3.职业技能培训。):
for each quantity whose sentence names no indicator (市下达我县目标任务5000人，
全年实际完成5600人，完成目标任务的112%), the title of the section it stands in.

Only the innermost section counts: a title that names a part of the report
(目标任务完成情况, 主要做法; claims.yaml ``heading_indicator_not``) gives
nothing, and the title above it is not read instead. Whether the title does
name an indicator is the catalog's to say (catalog/stage.py links it and
keeps it only when it links): a title is also a task (抓进度, 全力抓好项目建设)."""

from __future__ import annotations

import bisect

from ..document import Document
from .cues import cues
from .normalized import GLOSS
from .script import simplified

_TRIM = " \u3000\t.。：:；;，,"


def heading_titles(doc: Document) -> dict[int, str]:
    """Quantity index -> the title of its innermost section, for the quantities
    that name no indicator and are no background (role ``other``)."""
    c = cues()
    sections = sorted(doc.sections, key=lambda s: s.start)
    if not sections:
        return {}
    starts = [s.start for s in sections]
    titles: dict[int, str | None] = {}
    out = {}
    for k, q in enumerate(doc.quantities):
        if q.indicator is not None or q.role == "other":
            continue
        i = bisect.bisect_right(starts, q.start) - 1
        while i >= 0 and not sections[i].title_end <= q.start < sections[i].end:
            i = sections[i].parent if sections[i].parent is not None and sections[i].parent < i else -1
        if i < 0:
            continue
        if i not in titles:
            title = sections[i].title.strip(_TRIM)
            read = simplified(GLOSS.sub("", title))
            named = c.heading_indicator.fullmatch(read) and not c.heading_indicator_not.search(read)
            titles[i] = title if named else None
        if titles[i]:
            out[k] = titles[i]
    return out
