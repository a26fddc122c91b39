"""Character n-gram TF-IDF vectors of the catalog's surface forms, without a fit.

The weights are those of scikit-learn's
``TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)``
fitted on the same forms (lower case, runs of white space as one space,
n-grams sorted into columns, smooth idf, 1 + log tf, rows of unit length),
computed the same way step by step so the similarities agree to the bit (a
test compares both on every indicator phrase of the corpora samples). Built
from the catalog on first use in a few milliseconds: no scikit-learn import,
no fit at process start; numpy only (imported here, lazily), no scipy.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

NGRAM_RANGE = (1, 3)
_WHITE_SPACES = re.compile(r"\s\s+")


def char_ngrams(text: str) -> list[str]:
    """The character 1- to 3-grams of ``text`` in scikit-learn's order."""
    text = _WHITE_SPACES.sub(" ", text.lower())
    grams = list(text)
    for n in range(2, min(NGRAM_RANGE[1], len(text)) + 1):
        grams.extend(text[i:i + n] for i in range(len(text) - n + 1))
    return grams


@dataclass
class Rows:
    """Sparse rows (compressed: ``data[indptr[i]:indptr[i + 1]]`` at ``indices``)."""

    data: "object"
    indices: "object"
    indptr: "object"

    def take(self, rows: Sequence[int]) -> "Rows":
        """These rows, in this order (each row's entries keep their order)."""
        import numpy as np

        spans = [range(self.indptr[i], self.indptr[i + 1]) for i in rows]
        at = np.fromiter((j for span in spans for j in span), dtype=np.int64)
        indptr = np.cumsum([0] + [len(span) for span in spans])
        return Rows(self.data[at], self.indices[at], indptr)


class CharTfidf:
    """Vectors of texts over the n-grams of ``forms`` (the catalog's rows are ``matrix``)."""

    def __init__(self, forms: Sequence[str]):
        import numpy as np

        # columns numbered as first seen, rows sorted, then renumbered in n-gram order without
        # re-sorting: scikit-learn's order of each row's entries, hence its sums to the bit
        first_seen = dict.fromkeys(g for form in forms for g in char_ngrams(form))
        self.vocabulary = {g: i for i, g in enumerate(first_seen)}
        x = self._counts(forms)
        renumber = np.empty(len(self.vocabulary), dtype=np.int64)
        for j, gram in enumerate(sorted(self.vocabulary)):
            renumber[self.vocabulary[gram]] = j
            self.vocabulary[gram] = j
        x.indices = renumber[x.indices]
        df = np.bincount(x.indices, minlength=len(self.vocabulary)).astype(np.float64)
        self.idf = np.log((len(forms) + 1) / (df + 1)) + 1.0
        self.matrix = self._weigh(x)

    def transform(self, texts: Sequence[str]) -> Rows:
        """One unit row per text (unknown n-grams dropped), entries in column order."""
        return self._weigh(self._counts(texts))

    def _counts(self, texts: Sequence[str]) -> Rows:
        import numpy as np

        columns: list[int] = []
        values: list[int] = []
        indptr = [0]
        vocabulary = self.vocabulary
        for text in texts:
            row: dict[int, int] = {}
            for gram in char_ngrams(text):
                j = vocabulary.get(gram)
                if j is not None:
                    row[j] = row.get(j, 0) + 1
            for j in sorted(row):
                columns.append(j)
                values.append(row[j])
            indptr.append(len(columns))
        return Rows(np.asarray(values, dtype=np.float64), np.asarray(columns, dtype=np.int64),
                    np.asarray(indptr, dtype=np.int64))

    def _weigh(self, x: Rows) -> Rows:
        """Counts (in place) -> 1 + log tf, times idf, rows of unit length."""
        import numpy as np

        np.log(x.data, x.data)
        x.data += 1
        x.data *= self.idf[x.indices]
        _normalize_rows(x)
        return x


def similarities(matrix: Rows, x: Rows, n_columns: int):
    """Dot products, catalog row by text row: an array (rows of ``x``, rows of ``matrix``).

    Each sum runs over the catalog row's entries in their order, skipping the zero
    products, as scipy's sparse product does: the same floats to the bit."""
    import numpy as np

    n_texts, n_rows = len(x.indptr) - 1, len(matrix.indptr) - 1
    dense = np.zeros((n_columns, n_texts))
    for i in range(n_texts):
        start, end = x.indptr[i], x.indptr[i + 1]
        dense[x.indices[start:end], i] = x.data[start:end]
    used = np.flatnonzero(dense.any(axis=1)[matrix.indices])     # entries some text shares
    sims = np.zeros((n_rows, n_texts))
    if len(used):
        products = matrix.data[used, None] * dense[matrix.indices[used]]
        row_of = np.searchsorted(matrix.indptr, used, side="right") - 1
        starts = np.flatnonzero(np.r_[True, row_of[1:] != row_of[:-1]])
        lengths = np.diff(np.r_[starts, len(used)])
        total = np.zeros((len(starts), n_texts))
        for k in range(int(lengths.max())):           # one addend at a time: a fixed order
            live = np.flatnonzero(lengths > k)
            total[live] += products[starts[live] + k]
        sims[row_of[starts]] = total
    return sims.T


def _normalize_rows(x) -> None:
    """Each row to unit length, summing squares in column order as scikit-learn does."""
    data, indptr = x.data, x.indptr
    for i in range(len(indptr) - 1):
        start, end = int(indptr[i]), int(indptr[i + 1])
        total = 0.0
        for v in data[start:end].tolist():
            total += v * v
        if total:
            data[start:end] /= math.sqrt(total)
