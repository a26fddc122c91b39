"""The indicator catalog (models/indicators.yaml) and linking to it.

``default_catalog()`` is the shipped catalog; ``load_catalog(path)`` reads a
user's, and ``Catalog.merged(other)`` lets a user's entries replace shipped
ones with the same id. ``Linker`` maps an indicator phrase to a catalog id.
"""

from __future__ import annotations

from .model import Catalog, CatalogError, Indicator, default_catalog, load_catalog
from .linker import Link, Linker, default_linker

__all__ = ["Catalog", "CatalogError", "Indicator", "default_catalog", "load_catalog",
           "Link", "Linker", "default_linker"]
