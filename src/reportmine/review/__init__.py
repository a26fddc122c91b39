"""The review data layer: users, reviewers' decisions on what the analyzer
found, an append-only audit log, and the reviewed records. No HTTP here: the
web app and the CLI both call these functions.

Data flows store -> review -> web/cli: this package imports the store, never
the web app.

>>> from reportmine.review import open_db, users, actions
>>> engine = open_db("sqlite:///out/reportmine.db")                    # doctest: +SKIP
>>> users.create_user(engine, "ann", "reviewer", "s3cret-pass", actor="cli")   # doctest: +SKIP
"""

from __future__ import annotations

from .errors import ConflictError, ReviewError
from .database import open_db

__all__ = ["ConflictError", "ReviewError", "open_db"]
