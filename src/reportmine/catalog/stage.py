"""The linking stage: each quantity's indicator phrase -> catalog id."""

from __future__ import annotations

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
        return doc
