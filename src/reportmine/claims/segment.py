"""A jieba tokenizer of our own whose user dictionary is the indicator catalog.

An instance, not jieba's global tokenizer: a process that also uses jieba for
something else is not affected, and each worker process builds its own.
"""

from __future__ import annotations

import logging
from functools import lru_cache


def _import_jieba():
    """``import jieba`` without pkg_resources: jieba._compat imports it only to
    locate its own dictionary and falls back to the package folder when the
    import fails. pkg_resources costs more to import (~0.2-1 s: it scans every
    installed distribution) than all the rest of jieba, in every worker process.
    Nothing else is affected: the block is lifted as soon as jieba is loaded."""
    import sys

    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba
        return jieba
    sys.modules["pkg_resources"] = None        # makes `import pkg_resources` raise ImportError
    try:
        import jieba
    finally:
        if sys.modules.get("pkg_resources", False) is None:
            del sys.modules["pkg_resources"]
    return jieba


@lru_cache(maxsize=1)
def tokenizer():
    jieba = _import_jieba()

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    for word in catalog_words():
        tok.add_word(word, freq=2000)
    return tok


def catalog_words() -> list[str]:
    try:
        from ..catalog import default_catalog
    except ImportError:  # the catalog is optional for segmentation
        return []
    return sorted({w for ind in default_catalog().indicators for w in ind.surface_forms()})
