"""Optional dependencies of the writers, imported when a writer runs."""

from __future__ import annotations

import importlib

from ..errors import ReportmineError


class MissingDependency(ReportmineError):
    """An optional package a writer needs is not installed (W301)."""


def require(module: str, extra: str, output: str):
    """``import module``, or MissingDependency naming the pip extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependency("W301", module=module, output=output, extra=extra) from None
