"""Where the run database is: the URL ``--db`` names (none: the SQLite file
in the output folder), and how a URL is shown to people. No SQLAlchemy here:
``analyze`` writing its default SQLite file never imports it (sqlite_writer.py).
"""

from __future__ import annotations

from pathlib import Path

DB_FILE = "reportmine.db"
SQLITE_PREFIX = "sqlite:///"


def engine_url(url: str | None, out_dir: str | Path | None = None) -> str:
    """The SQLAlchemy URL for ``--db``: none gives ``sqlite:///OUT/reportmine.db``,
    a plain path a SQLite file, ``postgresql://`` (or ``postgres://``) the psycopg 3 driver."""
    if not url:
        if out_dir is None:
            raise ValueError("a database URL or an output folder is needed")
        url = str(Path(out_dir) / DB_FILE)
    if "://" not in url:
        return SQLITE_PREFIX + str(Path(url).resolve())
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def sqlite_file(url: str) -> str | None:
    """The file of a plain SQLite file URL (``sqlite:///PATH``, as engine_url
    makes them), else None: other drivers, memory, URL parameters or escapes."""
    if not url.startswith(SQLITE_PREFIX):
        return None
    path = url[len(SQLITE_PREFIX):]
    if not path or path == ":memory:" or any(c in path for c in "?%#"):
        return None
    return path


def shown(url: str) -> str:
    """The URL as printed to people: never the password."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url
