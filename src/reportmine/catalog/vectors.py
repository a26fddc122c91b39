"""Character n-gram TF-IDF vectors of the catalog's surface forms, without a fit.

The weights are those of scikit-learn's
``TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)``
fitted on the same forms (lower case, runs of white space as one space,
n-grams sorted into columns, smooth idf, 1 + log tf, rows of unit length),
computed the same way step by step so the similarities agree to the bit (a
test compares both on every indicator phrase of the corpora samples). Built
from the catalog on first use in a few milliseconds: no scikit-learn import,
no fit at process start. Only numpy, imported here lazily: the sparse rows and
their product are kept as plain arrays (``Rows``), not scipy.sparse, whose
import alone costs more than a short document's whole analysis.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

NGRAM_RANGE = (1, 3)
_FORMAT = "tfidf/2"
_WHITE_SPACES = re.compile(r"\s\s+")


def char_ngrams(text: str) -> list[str]:
    """The character 1- to 3-grams of ``text`` in scikit-learn's order."""
    text = _WHITE_SPACES.sub(" ", text.lower())
    grams = list(text)
    for n in range(2, min(NGRAM_RANGE[1], len(text)) + 1):
        grams += [text[i:i + n] for i in range(len(text) - n + 1)]
    return grams


@dataclass
class Rows:
    """Sparse rows (compressed sparse row layout: ``data``, column ``indices``,
    row starts ``indptr``) over ``width`` columns; each row's entries in stored order."""

    data: object
    indices: object
    indptr: object
    width: int

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def take(self, rows: Sequence[int]) -> "Rows":
        """These rows, in this order (each row's entries in their stored order)."""
        import numpy as np

        rows = np.asarray(rows, dtype=np.int64)
        lengths = np.diff(self.indptr)[rows]
        indptr = np.concatenate(([0], np.cumsum(lengths)))
        at = np.repeat(self.indptr[rows] - indptr[:-1], lengths) + np.arange(indptr[-1])
        return Rows(self.data[at], self.indices[at], indptr, self.width)

    def _columns(self):
        """Each entry's row; where each column's entries start in ``by_column``; the
        entries ordered by column (then stored order). Computed once."""
        import numpy as np

        if getattr(self, "_by_column", None) is None:
            by_column = np.argsort(self.indices, kind="stable")
            start = np.concatenate(([0], np.cumsum(np.bincount(self.indices, minlength=self.width))))
            self._by_column = (np.repeat(np.arange(len(self)), np.diff(self.indptr)), start, by_column)
        return self._by_column

    def similarities(self, other: "Rows"):
        """The dense products of each of ``other``'s rows with each of these rows
        (shape: len(other) x len(self)). Each sum runs over this row's entries in
        stored order, from 0.0, skipping the columns ``other``'s row lacks: the
        order of scipy.sparse's product ``self @ other.T``, hence its sums to the bit."""
        import numpy as np

        size = len(self) * len(other)
        if not len(other.data) or not len(self.data):
            return np.zeros(size).reshape(len(other), len(self))
        other_rows = np.repeat(np.arange(len(other)), np.diff(other.indptr))
        by_column = np.argsort(other.indices, kind="stable")
        count = np.bincount(other.indices, minlength=self.width)
        first = np.concatenate(([0], np.cumsum(count)))[:-1]
        own_rows = self._columns()[0]
        keep = np.flatnonzero((count > 0)[self.indices])    # the entries in used columns, in stored order
        n = count[self.indices[keep]]                   # terms each of them makes
        entry = np.repeat(keep, n)                      # stored order, then other's rows
        k = np.arange(len(entry)) - np.repeat(np.cumsum(n) - n, n)
        partner = by_column[first[self.indices[entry]] + k]
        terms = self.data[entry] * other.data[partner]
        # bincount adds its weights one by one in the order given, from 0.0
        out = np.bincount(other_rows[partner] * len(self) + own_rows[entry], weights=terms, minlength=size)
        return out.reshape(len(other), len(self))      # (row by row: the reductions after it run along rows)


class CharTfidf:
    """Vectors of texts over the n-grams of ``forms`` (the catalog's rows are ``matrix``)."""

    def __init__(self, forms: Sequence[str]):
        import numpy as np

        # columns numbered as first seen, rows sorted, then renumbered in n-gram order without
        # re-sorting: scikit-learn's order of each row's entries, hence its sums to the bit
        self.vocabulary = dict.fromkeys(g for form in forms for g in char_ngrams(form))
        self.vocabulary = {g: i for i, g in enumerate(self.vocabulary)}
        x = self._counts(forms)
        renumber = np.empty(len(self.vocabulary), dtype=np.int64)
        for j, gram in enumerate(sorted(self.vocabulary)):
            renumber[self.vocabulary[gram]] = j
            self.vocabulary[gram] = j
        x.indices = renumber[x.indices]
        df = np.bincount(x.indices, minlength=len(self.vocabulary)).astype(np.float64)
        self.idf = np.log((len(forms) + 1) / (df + 1)) + 1.0
        self.matrix = self._weigh(x)

    @classmethod
    def cached(cls, forms: Sequence[str]) -> "CharTfidf":
        """``CharTfidf(forms)``, read from the cache of derived data when an earlier
        process built it for the same forms (the same arrays, byte for byte)."""
        return cls.from_packed(packed_tables(forms), forms)

    @classmethod
    def from_packed(cls, packed: dict, forms: Sequence[str]) -> "CharTfidf":
        """The tables ``packed_tables(forms)`` gave, as arrays; built anew from
        ``forms`` if they do not unpack."""
        try:
            return cls._unpack(packed)
        except (ValueError, TypeError, KeyError):
            return cls(forms)

    def _pack(self) -> dict:
        """The tables as bytes; with the rows' entries also by column (each entry's
        row and place in its row, column by column, stored order within one),
        which the Python path (ColumnLists) reads without a loop."""
        import numpy as np

        m = self.matrix
        row_of = np.repeat(np.arange(len(m), dtype=np.int64), np.diff(m.indptr))
        by_column = np.argsort(m.indices, kind="stable")
        column_starts = np.concatenate(([0], np.cumsum(np.bincount(m.indices, minlength=m.width)))).astype(np.int64)
        return {"format": _FORMAT, "grams": sorted(self.vocabulary, key=self.vocabulary.get),
                "idf": self.idf.tobytes(), "data": m.data.tobytes(), "indices": m.indices.tobytes(),
                "indptr": m.indptr.tobytes(), "width": m.width,
                "column_starts": column_starts.tobytes(), "column_rows": row_of[by_column].tobytes(),
                "column_places": (by_column - m.indptr[row_of[by_column]]).astype(np.int64).tobytes(),
                "column_data": m.data[by_column].tobytes()}

    @classmethod
    def _unpack(cls, packed: dict) -> "CharTfidf":
        import numpy as np

        if packed["format"] != _FORMAT:
            raise ValueError("not a TF-IDF table")
        self = cls.__new__(cls)
        self.vocabulary = {g: j for j, g in enumerate(packed["grams"])}
        self.idf = np.frombuffer(packed["idf"], dtype=np.float64).copy()
        self.matrix = Rows(np.frombuffer(packed["data"], dtype=np.float64).copy(),
                           np.frombuffer(packed["indices"], dtype=np.int64).copy(),
                           np.frombuffer(packed["indptr"], dtype=np.int64).copy(), packed["width"])
        if len(self.idf) != self.matrix.width or len(self.vocabulary) != self.matrix.width:
            raise ValueError("a TF-IDF table that does not hold together")
        return self

    def transform(self, texts: Sequence[str]) -> Rows:
        """One unit row per text (unknown n-grams dropped), entries in column order."""
        return self._weigh(self._counts(texts))

    def _counts(self, texts: Sequence[str]) -> Rows:
        """n-gram counts (as floats), each row's columns in increasing order."""
        import numpy as np

        from collections import Counter

        columns: list[int] = []
        values: list[int] = []
        indptr = [0]
        get = self.vocabulary.get
        for text in texts:
            row = Counter(map(get, char_ngrams(text)))
            row.pop(None, None)             # (n-grams outside the vocabulary are dropped)
            found = sorted(row)
            columns += found
            values += map(row.__getitem__, found)
            indptr.append(len(columns))
        return Rows(np.asarray(values, dtype=np.float64), np.asarray(columns, dtype=np.int64),
                    np.asarray(indptr, dtype=np.int64), len(self.vocabulary))

    def _weigh(self, x: Rows) -> Rows:
        """Counts (floats, in place) -> 1 + log tf, times idf, rows of unit length."""
        import numpy as np

        np.log(x.data, x.data)
        x.data += 1
        x.data *= self.idf[x.indices]
        _normalize_rows(x)
        return x


def packed_tables(forms: Sequence[str]) -> dict:
    """The vocabulary, idf and catalog rows of ``CharTfidf(forms)`` as plain
    values (bytes of the arrays): read from the cache of derived data, or built
    (with numpy) and kept there."""
    import marshal

    from ..derived_cache import cache_key, read_cached, write_cached

    key = cache_key(_FORMAT, "\n".join(forms))
    body = read_cached("tfidf", key)
    if body is not None:
        try:
            packed = marshal.loads(body)
            if _holds_together(packed):
                return packed
        except (EOFError, ValueError, TypeError):
            pass
    packed = CharTfidf(forms)._pack()
    write_cached("tfidf", key, marshal.dumps(packed))
    return packed


def _holds_together(packed) -> bool:
    """Whether a packed table read back has every part, of sizes that agree."""
    try:
        width, rows = packed["width"], len(packed["indptr"]) // 8 - 1
        entries = len(packed["data"])
        return (packed["format"] == _FORMAT and len(packed["grams"]) == width == len(packed["idf"]) // 8
                and entries == len(packed["indices"]) and rows >= 0
                and len(packed["column_starts"]) == 8 * (width + 1)
                and entries == len(packed["column_rows"]) == len(packed["column_places"])
                == len(packed["column_data"]))
    except (KeyError, TypeError):
        return False


class ColumnLists:
    """The catalog's rows by column, in Python lists: the similarities of a few
    phrases summed in Python, without numpy (whose import, ~0.07 s, is most of
    linking a short document). Every number is the one ``CharTfidf.transform``
    and ``Rows.similarities`` give, to the bit: the same operations in the same
    order (1 + log tf times idf, squares summed in column order, one division
    per entry; each product catalog value times phrase value, each row's sum over
    its entries in stored order from 0.0)."""

    def __init__(self, packed: dict, order: Sequence[int]):
        from array import array

        self.vocabulary = {g: j for j, g in enumerate(packed["grams"])}
        self.idf = array("d", packed["idf"]).tolist()
        self.starts = array("q", packed["column_starts"]).tolist()
        renumber = [0] * len(order)             # rows taken in ``order`` (as Rows.take)
        for row, old in enumerate(order):
            renumber[old] = row
        self.rows = [renumber[r] for r in array("q", packed["column_rows"])]
        self.places = array("q", packed["column_places"]).tolist()
        self.values = array("d", packed["column_data"]).tolist()

    def vector(self, text: str) -> list[tuple[int, float]]:
        """``text``'s unit row: (column, weight), columns increasing."""
        from collections import Counter

        counts = Counter(map(self.vocabulary.get, char_ngrams(text)))
        counts.pop(None, None)
        idf = self.idf
        entries = [(j, (math.log(counts[j]) + 1.0) * idf[j]) for j in sorted(counts)]
        total = 0.0
        for _, v in entries:
            total += v * v
        norm = math.sqrt(total) if total else 1.0
        return [(j, v / norm) for j, v in entries]

    def similarities(self, text: str) -> dict[int, float]:
        """The product of ``text``'s row with each catalog row it shares a column with."""
        terms: dict[int, list] = {}
        rows, places, values, starts = self.rows, self.places, self.values, self.starts
        for j, w in self.vector(text):
            for k in range(starts[j], starts[j + 1]):
                row = rows[k]
                found = terms.get(row)
                if found is None:
                    terms[row] = found = []
                found.append((places[k], values[k] * w))
        sums = {}
        for row, found in terms.items():
            if len(found) == 1:
                sums[row] = 0.0 + found[0][1]
                continue
            found.sort()
            total = 0.0
            for _, t in found:
                total += t
            sums[row] = total
        return sums


def _normalize_rows(x: Rows) -> None:
    """Each row to unit length, summing squares in column order as scikit-learn does
    (one Python sum per row, in order; then every entry divided by its row's norm at once,
    the same division as row by row)."""
    import numpy as np

    data, indptr = x.data, x.indptr
    values, bounds = data.tolist(), indptr.tolist()
    norms = []
    for start, end in zip(bounds, bounds[1:]):
        total = 0.0
        for v in values[start:end]:
            total += v * v
        norms.append(math.sqrt(total) if total else 1.0)
    if norms:
        data /= np.repeat(np.asarray(norms), np.diff(indptr))
