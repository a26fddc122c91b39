"""Option sets shared by several commands, and error reporting."""

from __future__ import annotations

import functools

import click

from ..errors import ReportmineError
from ..readers import DEFAULT_MAX_BYTES


def reader_options(fn):
    @click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
                  help="Refuse input files larger than this (E003).")
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


def coded_errors(fn):
    """Print a ReportmineError as `错误 [E002] …` on stderr and exit 2."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ReportmineError as exc:
            click.echo(f"错误 [{exc.code}] {exc.message}", err=True)
            raise SystemExit(2) from None

    return wrapper
