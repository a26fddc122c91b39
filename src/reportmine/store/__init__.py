"""The run database: every analyzed document's quantities, flags and records
in SQLite or PostgreSQL (SQLAlchemy 2 models, Alembic migrations).

>>> from reportmine.store import Store
>>> store = Store.open("postgresql://user@localhost/reports")  # doctest: +SKIP

The names below are imported on first use: ``analyze`` writing its SQLite
file (sqlite_writer.py) never loads SQLAlchemy.
"""

from __future__ import annotations

import importlib

# name -> the module of this package that holds it
_WHERE = {"Store": "db", "connect": "db", "upgrade": "db", "StoreError": "errors",
          "engine_url": "urls", "shown": "urls", "DB_FILE": "urls", "metadata": "models",
          "TABLES": "models", "RECORD_COLUMNS": "rows", "RunWriter": "run", "write_result": "run"}

__all__ = ["Store", "StoreError", "connect", "engine_url", "shown", "upgrade", "metadata", "TABLES",
           "RECORD_COLUMNS", "DB_FILE", "RunWriter", "write_result"]


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
