"""Character n-gram TF-IDF vectors of the catalog's surface forms, without a fit.

The weights are those of scikit-learn's
``TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)``
fitted on the same forms (lower case, runs of white space as one space,
n-grams sorted into columns, smooth idf, 1 + log tf, rows of unit length),
computed the same way step by step so the similarities agree to the bit (a
test compares both on every indicator phrase of the corpora samples). Built
from the catalog on first use in a few milliseconds: no scikit-learn import,
no fit at process start. numpy and scipy.sparse are imported here, lazily.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

NGRAM_RANGE = (1, 3)
_WHITE_SPACES = re.compile(r"\s\s+")


def char_ngrams(text: str) -> list[str]:
    """The character 1- to 3-grams of ``text`` in scikit-learn's order."""
    text = _WHITE_SPACES.sub(" ", text.lower())
    grams = list(text)
    for n in range(2, min(NGRAM_RANGE[1], len(text)) + 1):
        grams.extend(text[i:i + n] for i in range(len(text) - n + 1))
    return grams


class CharTfidf:
    """Vectors of texts over the n-grams of ``forms`` (the catalog matrix is ``matrix``)."""

    def __init__(self, forms: Sequence[str]):
        import numpy as np

        # columns numbered as first seen, rows sorted, then renumbered in n-gram order without
        # re-sorting: scikit-learn's order of each row's entries, hence its sums to the bit
        self.vocabulary = dict.fromkeys(g for form in forms for g in char_ngrams(form))
        self.vocabulary = {g: i for i, g in enumerate(self.vocabulary)}
        x = self._counts(forms).astype(np.float64)
        renumber = np.empty(len(self.vocabulary), dtype=x.indices.dtype)
        for j, gram in enumerate(sorted(self.vocabulary)):
            renumber[self.vocabulary[gram]] = j
            self.vocabulary[gram] = j
        x.indices = renumber[x.indices]
        x.has_sorted_indices = False
        df = np.bincount(x.indices, minlength=len(self.vocabulary)).astype(np.float64)
        self.idf = np.log((len(forms) + 1) / (df + 1)) + 1.0
        self.matrix = self._weigh(x)

    def transform(self, texts: Sequence[str]):
        """A sparse matrix of one unit row per text (unknown n-grams dropped)."""
        import numpy as np

        return self._weigh(self._counts(texts).astype(np.float64))

    def _counts(self, texts: Sequence[str]):
        import numpy as np
        from scipy import sparse

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
            columns.extend(row)
            values.extend(row.values())
            indptr.append(len(columns))
        counts = sparse.csr_matrix((np.asarray(values, dtype=np.int64), np.asarray(columns, dtype=np.int64),
                                    np.asarray(indptr, dtype=np.int64)), shape=(len(texts), len(vocabulary)))
        counts.sort_indices()
        return counts

    def _weigh(self, x):
        """Counts (floats, in place) -> 1 + log tf, times idf, rows of unit length."""
        import numpy as np

        np.log(x.data, x.data)
        x.data += 1
        x.data *= self.idf[x.indices]
        _normalize_rows(x)
        return x


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
