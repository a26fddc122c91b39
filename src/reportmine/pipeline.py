"""The analysis pipeline: a reader, then stages that annotate the document.

A stage is a callable ``Document -> Document``. The default stages are
imported lazily so that ``import reportmine`` stays fast and worker processes
pay only for what they use. Nothing here is global mutable state: every call
builds its own document, so many processes can run side by side.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .document import Document
from .gcpause import paused_gc
from .readers import DEFAULT_MAX_BYTES, read, read_bytes

Stage = Callable[[Document], Document]


def default_stages(catalog: str | os.PathLike | None = None,
                   targets: str | os.PathLike | None = None, role_model: bool = False,
                   rules: str | os.PathLike | None = None) -> list[Stage]:
    """structure -> quantities -> claims -> catalog links -> checks."""
    from .checks import ChecksStage
    from .claims import annotate_claims
    from .quantities import annotate_quantities
    from .structure import analyze_structure

    checks = ChecksStage(_targets(targets, rules) or None)
    claims = functools.partial(annotate_claims, model="default") if role_model else annotate_claims
    return [analyze_structure, annotate_quantities, claims, _link_stage(catalog), checks]


def _targets(targets, rules) -> list:
    """Targets from a --targets CSV and from scoring rules (--rules), together."""
    from .checks.targets import load_targets

    found = list(load_targets(targets)) if targets else []
    if rules:
        from .scoring.rules import load_rules
        from .scoring.targets import rule_targets

        found.extend(rule_targets(load_rules(rules)))
    return found


def _link_stage(catalog) -> Stage:
    from .catalog import Linker, default_catalog, load_catalog
    from .catalog.linker import tuned_threshold
    from .catalog.stage import LinkStage

    if catalog is None:
        return LinkStage()
    return LinkStage(Linker(default_catalog().merged(load_catalog(catalog)), tuned_threshold()))


@dataclass
class Pipeline:
    stages: list[Stage] | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    catalog: str | os.PathLike | None = None    # a user catalog merged over the shipped one
    targets: str | os.PathLike | None = None    # a user targets file (CSV) for completion checks
    role_model: bool = False                    # the learned role model after the rules (models/ROLES.md)
    rules: str | os.PathLike | None = None      # scoring rules (YAML/xlsx): their targets, too
    chunk_chars: int | None = None              # longer texts: the sentence stages chunk by chunk (chunks.py)

    def __post_init__(self):
        if self.stages is None:
            self.stages = default_stages(self.catalog, self.targets, self.role_model, self.rules)

    def __call__(self, doc: Document) -> Document:
        from .claims.clauses import forget
        from .claims.script import forget as forget_script

        from .compact import compact_document, restore_document
        from .folds import folded, restore

        if self.chunk_chars is not None:
            doc.chunk_chars = self.chunk_chars
        original = doc.text
        text = folded(original)         # full-width digits and traditional characters folded (same offsets)
        if text != original:
            doc.text = text
        read_text = doc.text
        compacted = compact_document(doc)   # soft line breaks and PDF spaces taken out (offsets mapped)
        try:
            with paused_gc():   # the stages make many small objects and no reference cycles
                for stage in self.stages:
                    doc = stage(doc)
        finally:
            forget()            # the boundaries kept for the document's text
            forget_script()     # and whether it holds traditional characters
        if compacted is not None:
            restore_document(doc, compacted, read_text)
        if doc.text is not original:
            restore(doc, original)
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
