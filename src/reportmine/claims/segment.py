"""A jieba tokenizer of our own whose user dictionary is the indicator catalog.

An instance, not jieba's global tokenizer: a process that also uses jieba for
something else is not affected, and each worker process builds its own.
"""

from __future__ import annotations

import logging
from functools import lru_cache


@lru_cache(maxsize=1)
def tokenizer():
    import jieba

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
