"""The analysis pipeline: a reader, then stages that annotate the document.

A stage is a callable ``Document -> Document``. The default stages are
imported lazily so that ``import reportmine`` stays fast and worker processes
pay only for what they use. Nothing here is global mutable state: every call
builds its own document, so many processes can run side by side.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .document import Document
from .readers import DEFAULT_MAX_BYTES, read, read_bytes

Stage = Callable[[Document], Document]


def default_stages() -> list[Stage]:
    from .structure import analyze_structure

    stages: list[Stage] = [analyze_structure]
    try:  # later stages join the pipeline as they are built
        from .quantities import annotate_quantities
    except ImportError:
        pass
    else:
        stages.append(annotate_quantities)
    try:
        from .claims import annotate_claims
    except ImportError:
        pass
    else:
        stages.append(annotate_claims)
    return stages


@dataclass
class Pipeline:
    stages: list[Stage] = field(default_factory=default_stages)
    max_bytes: int = DEFAULT_MAX_BYTES

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            doc = stage(doc)
        return doc

    def analyze(self, path: str | os.PathLike) -> Document:
        return self(read(path, max_bytes=self.max_bytes))

    def analyze_bytes(self, data: bytes, path: str = "<bytes>") -> Document:
        return self(read_bytes(data, path, max_bytes=self.max_bytes))

    def pipe(self, paths: Iterable[str | os.PathLike]):
        """Yield (path, Document or ReportmineError) for each path; never stops on bad input."""
        from .errors import ReportmineError

        for path in paths:
            try:
                yield path, self.analyze(path)
            except ReportmineError as exc:
                yield path, exc


def analyze(path: str | os.PathLike, **options) -> Document:
    """Read and analyze one file; raises ReportmineError for bad input."""
    return Pipeline(**options).analyze(path)
