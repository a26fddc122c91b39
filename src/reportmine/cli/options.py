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


def catalog_option(fn):
    @click.option("--catalog", type=click.Path(dir_okay=False, exists=True),
                  help="Your own indicator catalog (YAML, schema reportmine-indicators/1); "
                       "its entries are added to the shipped one and replace same ids.")
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


def make_pipeline(max_bytes: int, catalog: str | None, targets: str | None = None,
                  role_model: bool = False, rules: str | None = None):
    """A pipeline, or a usage error naming what is wrong with the catalog, targets or rules."""
    from ..catalog import CatalogError
    from ..pipeline import Pipeline

    try:
        return Pipeline(max_bytes=max_bytes, catalog=catalog, targets=targets, role_model=role_model,
                        rules=rules)
    except CatalogError as exc:
        raise click.BadParameter(str(exc), param_hint="--catalog") from None
    except ReportmineError as exc:
        hint = "--rules" if exc.code.startswith("E50") else "--targets"
        raise click.BadParameter(f"[{exc.code}] {exc.message}", param_hint=hint) from None
