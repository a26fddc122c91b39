"""The run database: every analyzed document's quantities, flags and records
in SQLite or PostgreSQL (SQLAlchemy 2 models, Alembic migrations).

>>> from reportmine.store import Store
>>> store = Store.open("postgresql://user@localhost/reports")  # doctest: +SKIP
"""

from __future__ import annotations

from .db import DB_FILE, Store, StoreError, connect, engine_url, shown, upgrade
from . import review_models  # noqa: F401 - the review tables join the metadata
from .models import TABLES, metadata
from .rows import RECORD_COLUMNS
from .run import RunWriter, write_result

__all__ = ["Store", "StoreError", "connect", "engine_url", "shown", "upgrade", "metadata", "TABLES",
           "RECORD_COLUMNS", "DB_FILE", "RunWriter", "write_result"]
