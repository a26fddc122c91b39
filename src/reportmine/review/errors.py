"""The review layer's coded errors (E6… in reportmine.errors)."""

from __future__ import annotations

from ..errors import ReportmineError


class ReviewError(ReportmineError):
    """A review action refused: unknown user or item, a value or reason missing."""


class ConflictError(ReviewError):
    """The item changed since the caller read it (E611).

    ``current``: the item's state now (a dict, with ``version`` and who changed
    it), so that a page can show the other reviewer's change; ``submitted``:
    what this caller sent, so that nothing they typed is lost."""

    def __init__(self, object_: str, current: dict, seen: int, submitted: dict):
        self.current = current
        self.submitted = submitted
        self.seen = seen
        super().__init__("E611", object=object_, by=current.get("by") or "?",
                         at=current.get("at") or "?", current=current.get("version", 0), seen=seen)
