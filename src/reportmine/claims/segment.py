"""A jieba tokenizer of our own whose user dictionary is the indicator catalog.

An instance, not jieba's global tokenizer: a process that also uses jieba for
something else is not affected, and each worker process builds its own.

Building it (jieba's dictionary, then the catalog's words added) takes ~0.5 s;
the first process keeps the result, split by first character, in the cache of
derived data (``derived_cache``), and later processes read it back in a few
milliseconds, unpacking only the parts for the characters their text starts
words with. The dictionary read back is the one built (same words, same
frequencies, same total), so the words cut are the same.
"""

from __future__ import annotations

import logging
import marshal
from functools import lru_cache

FREQ = 2000          # the frequency each catalog word is added with
_FORMAT = "segment/1"


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
    """This process's tokenizer (read from the cache of derived data, else built)."""
    return load_tokenizer()


def load_tokenizer():
    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    words = catalog_words()
    from ..derived_cache import map_cached, write_cached

    key = _key(jieba, words)
    body = map_cached("segment", key)
    if body is not None:
        try:
            return _restore(jieba, body)
        except (EOFError, ValueError, TypeError, IndexError):
            pass
    tok = build_tokenizer(jieba, words)
    write_cached("segment", key, _pack(tok))
    return tok


def build_tokenizer(jieba, words):
    """jieba's dictionary with ``words`` added, built from scratch."""
    tok = jieba.Tokenizer()
    tok.initialize()
    for word in words:
        tok.add_word(word, freq=FREQ)
    return tok


def catalog_words() -> list[str]:
    try:
        from ..catalog import default_catalog
    except ImportError:  # the catalog is optional for segmentation
        return []
    return sorted({w for ind in default_catalog().indicators for w in ind.surface_forms()})


def _key(jieba, words: list[str]) -> str:
    from ..derived_cache import cache_key

    import os

    path = os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME)
    try:
        st = os.stat(path)
        dictionary = f"{path} {st.st_size} {st.st_mtime_ns}"
    except OSError:
        dictionary = "unknown"
    return cache_key(_FORMAT, jieba.__version__, dictionary, str(FREQ), "\n".join(words))


class ShardedFreq:
    """jieba's word -> frequency table (``Tokenizer.FREQ``), kept as one marshalled
    table per first character (views into the file read) and unpacked on first use;
    the lookups jieba's cutting makes (``in``, ``[]``, ``get``) behave as on the dict
    it was made from. A process that has unpacked ``EAGER_AFTER`` tables is cutting
    much text: it unpacks the rest at once (as jieba would have loaded all of it at
    start) and then looks words up in one dict, with no per-table step."""

    EAGER_AFTER = 64

    def __init__(self, shards: dict[str, memoryview], on_whole=None):
        self._shards = shards
        self._open: dict[str, dict[str, int]] = {}
        self._whole: dict[str, int] | None = None
        self._on_whole = on_whole        # given the whole dict (the tokenizer then uses it directly)

    def _shard(self, word: str) -> dict[str, int]:
        if self._whole is not None:
            return self._whole
        first = word[:1]
        table = self._open.get(first)
        if table is None:
            if len(self._open) >= self.EAGER_AFTER:
                self._whole = self.to_dict()
                if self._on_whole is not None:
                    self._on_whole(self._whole)
                return self._whole
            blob = self._shards.get(first)
            table = self._open[first] = marshal.loads(blob) if blob is not None else {}
        return table

    def __contains__(self, word) -> bool:
        return word in self._shard(word)

    def __getitem__(self, word) -> int:
        return self._shard(word)[word]

    def get(self, word, default=None):
        return self._shard(word).get(word, default)

    def to_dict(self) -> dict[str, int]:
        whole: dict[str, int] = {}
        for first, blob in self._shards.items():
            whole.update(self._open.get(first) or marshal.loads(blob))
        return whole


def _pack(tok) -> bytes:
    """A header (format, total, each first character's place) then the tables."""
    shards: dict[str, dict[str, int]] = {}
    for word, freq in tok.FREQ.items():
        shards.setdefault(word[:1], {})[word] = freq
    blobs, places, at = [], {}, 0
    for first, table in shards.items():
        blob = marshal.dumps(table)
        places[first] = (at, len(blob))
        blobs.append(blob)
        at += len(blob)
    header = marshal.dumps((_FORMAT, tok.total, places))
    return b"".join([len(header).to_bytes(8, "little"), header, *blobs])


def _restore(jieba, body):
    size = int.from_bytes(body[:8], "little")
    fmt, total, places = marshal.loads(body[8:8 + size])
    if fmt != _FORMAT or not isinstance(total, int) or not isinstance(places, dict):
        raise ValueError("not a segment table")
    tables = body[8 + size:]
    tok = jieba.Tokenizer()
    tok.FREQ = ShardedFreq({first: tables[at:at + n] for first, (at, n) in places.items()},
                           on_whole=lambda whole: setattr(tok, "FREQ", whole))
    tok.total, tok.initialized = total, True
    return tok
