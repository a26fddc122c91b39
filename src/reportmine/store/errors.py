"""The run database's coded error (E401 cannot open or migrate, E402 a document
cannot be written, E403 the PostgreSQL driver is missing)."""

from __future__ import annotations

from ..errors import ReportmineError


class StoreError(ReportmineError):
    """The run database cannot be opened or written."""
