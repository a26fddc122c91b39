"""`reportmine serve`: the review web app over a run database."""

from __future__ import annotations

import click

from ..errors import ReportmineError
from .options import coded_errors


class WebError(ReportmineError):
    """The web app cannot start."""


@click.command("serve")
@click.option("--db", "db_url", required=True, metavar="URL",
              help="The run database that `analyze --db` writes: sqlite:///FILE, postgresql://USER@HOST/DB "
                   "or a SQLite file path.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@coded_errors
def serve_cmd(db_url, host, port):
    """Serve the review app: reviewers sign in, work through the flags, correct
    values, approve or return documents; every change goes to the audit log.

    Sessions are signed with REPORTMINE_SECRET (set it so that sessions survive a
    restart). Add users first with `reportmine users add`.

    \b
    Example:
      reportmine analyze inbox/ --out out/ --db out/reportmine.db
      printf '%s\\n' 'a-long-password' | reportmine users add ann --role admin --db out/reportmine.db
      reportmine serve --db out/reportmine.db --port 8000
    """
    try:
        import uvicorn

        from ..web import create_app
    except ImportError as exc:
        raise WebError("E702", module=exc.name or str(exc)) from None
    from ..store import shown

    sock = _listen(host, port)
    app = create_app(db_url)
    click.echo(f"审核网页：http://{host}:{port}/ （数据库 {shown(db_url) if '://' in db_url else db_url}；Ctrl+C 停止）")
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", proxy_headers=True)
    uvicorn.Server(config).run(sockets=[sock])


def _listen(host: str, port: int):
    """The listening socket, bound here so that a port in use is a coded error (E703)."""
    import socket

    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as exc:
        raise WebError("E703", host=host, port=port, reason=exc.strerror or str(exc)) from None
    sock.set_inheritable(True)
    return sock


COMMANDS = [serve_cmd]
