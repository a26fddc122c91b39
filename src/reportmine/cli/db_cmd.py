"""`reportmine db`: the run database (SQLite or PostgreSQL), and `--db` for analyze."""

from __future__ import annotations

import functools

import click

from .options import coded_errors


def db_option(fn):
    @click.option("--db", "db_url", metavar="URL",
                  help="Run database: sqlite:///FILE, postgresql://USER@HOST/DB or a file path "
                       "(default: DIR/reportmine.db). Rerunning a document replaces its rows.")
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


def open_run(out_dir: str, db_url: str | None):
    """A RunWriter for analyze; a database that cannot be opened stops the run (exit 2)."""
    import sys

    from ..filenames import display_path
    from ..store import shown
    from ..store.run import RunWriter

    # never a password in runs.command, never a surrogate-escaped (non-UTF-8) file name
    args = [shown(a) if "://" in a else display_path(a) for a in sys.argv[1:]]
    return RunWriter(db_url, out_dir, command=" ".join(["reportmine", *args]))


@click.group("db")
def db_group():
    """The run database that `analyze` writes (tables runs, documents, quantities, flags, records).

    \b
    Example:
      reportmine db upgrade --db out/reportmine.db
      reportmine db upgrade --db postgresql://reportmine@localhost/reports
    """


@db_group.command("upgrade")
@click.option("--db", "db_url", required=True, metavar="URL",
              help="sqlite:///FILE, postgresql://USER@HOST/DB or a SQLite file path.")
@coded_errors
def upgrade_cmd(db_url):
    """Create the tables, or migrate them to this version's schema (alembic upgrade head).

    \b
    Example:
      reportmine db upgrade --db postgresql://reportmine@localhost/reports
    """
    from ..store import connect, shown, upgrade

    engine = connect(db_url)
    try:
        revision = upgrade(engine)
    finally:
        engine.dispose()
    click.echo(f"数据库结构已是最新版本（{revision}）：{shown(str(engine.url))}")


COMMANDS = [db_group]
