"""The linking stage: each quantity's indicator phrase -> catalog id; a
quantity that names no indicator takes its section's title when the catalog
links that title (（一）城镇新增就业 ⏎ 市下达我县目标任务5000人…)."""

from __future__ import annotations

from ..claims.heading_indicators import heading_titles
from ..document import Document
from .linker import Linker, default_linker


class LinkStage:
    def __init__(self, linker: Linker | None = None):
        self.linker = linker

    def for_batch(self) -> None:
        """A process that analyzes many documents (a worker) links on the numpy
        path from its first document (Linker.for_batch)."""
        (self.linker or default_linker()).for_batch()

    def __call__(self, doc: Document) -> Document:
        linker = self.linker or default_linker()
        links = linker.link_all(q.indicator for q in doc.quantities)
        for q in doc.quantities:
            if q.indicator:
                q.indicator_id = links[q.indicator].id
        titles = heading_titles(doc)
        if titles:
            title_links = linker.link_all(titles.values())
            for k, title in titles.items():
                if title_links[title].id is not None:
                    q = doc.quantities[k]
                    q.indicator, q.indicator_id = title, title_links[title].id
        return doc
