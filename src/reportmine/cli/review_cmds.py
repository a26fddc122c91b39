"""`reportmine users` (reviewers and admins of the review app) and
`reportmine export` (reviewed records in analyze's formats)."""

from __future__ import annotations

import contextlib
import functools
import sys

import click

from .options import coded_errors


def _db_option(fn):
    """--db URL; a database error while the command works is E401 (a coded message, not a traceback)."""
    @click.option("--db", "db_url", required=True, metavar="URL",
                  help="Run database: sqlite:///FILE, postgresql://USER@HOST/DB or a SQLite file path.")
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from sqlalchemy.exc import SQLAlchemyError

        from ..store import StoreError, shown

        try:
            return fn(*args, **kwargs)
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:300]
            raise StoreError("E401", url=shown(kwargs.get("db_url") or ""), reason=reason) from None

    return wrapper


@contextlib.contextmanager
def _database(db_url: str):
    """The review database's engine for one command, disposed after it."""
    from ..review import open_db

    engine = open_db(db_url)
    try:
        yield engine
    finally:
        engine.dispose()


def _actor() -> str:
    import getpass

    try:
        return "cli:" + getpass.getuser()
    except (KeyError, OSError):
        return "cli"


def _read_password() -> str:
    """From a terminal: asked twice without echo; piped: the first line of standard input."""
    if sys.stdin.isatty():
        return click.prompt("密码", hide_input=True, confirmation_prompt="再次输入密码")
    return sys.stdin.readline().rstrip("\r\n")


@click.group("users")
def users_group():
    """Users of the review app (`reportmine serve`): reviewers and admins.

    \b
    Example:
      reportmine users add ann --role reviewer --db out/reportmine.db   # password from stdin
      echo 's3cret-pass' | reportmine users add bob --role admin --db out/reportmine.db
      reportmine users list --db out/reportmine.db
      reportmine users disable ann --db out/reportmine.db
      reportmine users token ann --db out/reportmine.db     # prints a new API token once
    """


@users_group.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["reviewer", "admin"]), default="reviewer", show_default=True)
@coded_errors
@_db_option
def add_cmd(name, role, db_url):
    """Add a user; the password is read from standard input (not echoed on a terminal).

    \b
    Example:
      reportmine users add ann --role reviewer --db out/reportmine.db
    """
    from ..review import users

    password = _read_password()
    with _database(db_url) as engine:
        users.create_user(engine, name, role, password, actor=_actor())
    click.echo(f"已添加用户 {name}（{role}）")


@users_group.command("list")
@coded_errors
@_db_option
def list_cmd(db_url):
    """List users: name, role, state, API token, created.

    \b
    Example:
      reportmine users list --db out/reportmine.db
    """
    from ..review import users

    with _database(db_url) as engine:
        rows = users.list_users(engine)
    for u in rows:
        click.echo("\t".join([u.name, u.role, "disabled" if u.disabled else "active",
                              "token" if u.has_token else "-", u.created_at or ""]))


@users_group.command("disable")
@click.argument("name")
@coded_errors
@_db_option
def disable_cmd(name, db_url):
    """Disable a user: no sign-in, no API token (the audit log keeps their name).

    \b
    Example:
      reportmine users disable ann --db out/reportmine.db
    """
    from ..review import users

    with _database(db_url) as engine:
        users.disable_user(engine, name, actor=_actor())
    click.echo(f"已停用用户 {name}")


@users_group.command("token")
@click.argument("name")
@coded_errors
@_db_option
def token_cmd(name, db_url):
    """Issue a new API token for the read-only API (printed once; the old one stops working).

    \b
    Example:
      reportmine users token ann --db out/reportmine.db
    """
    from ..review import users

    with _database(db_url) as engine:
        token = users.issue_token(engine, name, actor=_actor())
    click.echo(token)


@click.command("export")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Output folder: records.jsonl/.csv/.xlsx/.parquet, flags.csv, report.html, "
                   "audit_log.csv, returned.csv.")
@coded_errors
@_db_option
def export_cmd(db_url, out_dir):
    """Export reviewed records: analyze's formats, corrections overriding extracted
    values, with review_status, reviewed_by, reviewed_at, corrected_fields and
    original_values (record schema reportmine-record/2).

    \b
    Example:
      reportmine export --db out/reportmine.db --out out/reviewed
    """
    from ..review.export import export

    with _database(db_url) as engine:
        outcomes = export(engine, out_dir)
    for o in outcomes:
        if not o.ok:
            click.echo(f"提示 [{o.code}] {o.message}", err=True)
    written = [o.path.name for o in outcomes if o.ok]
    click.echo(f"已导出复核后的数据：{'、'.join(written)}；结果写入 {out_dir}", err=True)


COMMANDS = [users_group, export_cmd]
