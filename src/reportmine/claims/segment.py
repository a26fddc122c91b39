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


def cut_within(phrase: str) -> list[str]:
    """The words of ``phrase``, each word of four characters or more that the
    tokenizer holds whole (a catalog name: 农村居民人均可支配收入,
    糖尿病患者规范管理) cut again without itself (农村 居民 人均 可支配收入)."""
    out = []
    for word in tokenizer().lcut(phrase, HMM=False):
        parts = _cut_apart(word) if len(word) >= 4 else [word]
        out += [w for part in parts for w in cut_within(part)] if len(parts) > 1 else parts
    return out


def _cut_apart(phrase: str) -> list[str]:
    """``phrase`` as the tokenizer cuts it when the whole is no word."""
    tok = tokenizer()
    dag = tok.get_DAG(phrase)
    dag[0] = [k for k in dag[0] if k != len(phrase) - 1] or [0]
    route: dict = {}
    tok.calc(phrase, dag, route)
    out, x = [], 0
    while x < len(phrase):
        y = route[x][1] + 1
        out.append(phrase[x:y])
        x = y
    return out


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


class ShardedFreq(dict):
    """jieba's word -> frequency table (``Tokenizer.FREQ``), kept as one marshalled
    table per first character (views into the file read): a table is unpacked
    when a word starting with its character is first looked up, and looked up
    in place (not copied into one dict: the copy cost as much as the unpacking).
    Every lookup jieba makes goes through ``in``, ``[]``, ``get`` or, when a word
    is added, ``[]=``, and sees the whole table it was made from; what is
    unpacked is the vocabulary of the texts seen, not all of jieba's half a
    million entries (~70 MB: a long report uses about two thirds of them, a
    short one far fewer)."""

    def __init__(self, shards: dict[str, memoryview]):
        super().__init__()
        self._shards = shards
        self._tables: dict[str, dict[str, int]] = {}

    def _table(self, word: str) -> dict[str, int]:
        first = word[:1]
        table = self._tables.get(first)
        if table is None:
            blob = self._shards.get(first)
            table = self._tables[first] = marshal.loads(blob) if blob is not None else {}
        return table

    # the lookups jieba makes in its inner loops: the table in hand is read at once
    def __contains__(self, word) -> bool:
        table = self._tables.get(word[:1])
        return word in (table if table is not None else self._table(word))

    def __getitem__(self, word) -> int:
        table = self._tables.get(word[:1])
        return (table if table is not None else self._table(word))[word]

    def get(self, word, default=None):
        table = self._tables.get(word[:1])
        return (table if table is not None else self._table(word)).get(word, default)

    def __setitem__(self, word, freq) -> None:
        self._table(word)[word] = freq

    def __len__(self) -> int:
        """The words unpacked so far (benchmarks/memory.py reports it)."""
        return sum(map(len, self._tables.values()))

    def load_for(self, text: str) -> None:
        """Unpack the tables of the characters of ``text`` now."""
        for first in set(text).difference(self._tables):
            self._table(first)

    def load_all(self) -> None:
        """Every table unpacked."""
        self.load_for("".join(self._shards))

    def unpacked(self) -> dict[str, int]:
        """The entries of the tables unpacked so far, as one dict."""
        out: dict[str, int] = {}
        for table in self._tables.values():
            out.update(table)
        return out

    def to_dict(self) -> dict[str, int]:
        self.load_all()
        return self.unpacked()


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
    tok.FREQ = ShardedFreq({first: tables[at:at + n] for first, (at, n) in places.items()})
    tok.total, tok.initialized = total, True
    return tok
