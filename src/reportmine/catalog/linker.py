"""Link an indicator phrase to the catalog.

Exact and alias matches first (after normalizing width and spaces), then the
longest catalog name contained in the phrase, then the nearest neighbour by
cosine similarity of character n-gram TF-IDF vectors (vectors.py), accepted
above a threshold tuned on the sample corpus (models/linker.json, written by
models/tune_linker.py). Below it the phrase stays unlinked (id None). ``link_all`` links a document's
phrases in one vectorized call.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..resources import load_yaml, read_text, require
from .model import Catalog, default_catalog

DEFAULT_THRESHOLD = 0.5
CHUNK = 256      # phrases per sparse product (bounds the dense similarity block)
FEW = 64         # up to this many phrases at once, while numpy is not loaded: summed in Python
FEW_BUDGET = 200  # phrases a linker sums in Python before it loads numpy (~0.3 ms a phrase
                  # against ~0.07 s for the import: a batch worker soon takes the numpy path)


@dataclass(frozen=True)
class Link:
    id: str | None
    score: float
    method: str          # exact | contains | tfidf | none


def normalize(s: str) -> str:
    return unicodedata.normalize("NFKC", s).replace(" ", "").lower()


@lru_cache(maxsize=1)
def _suffixes() -> tuple[str, ...]:
    data = load_yaml("linking.yaml")
    require(data, ("strip_suffixes", "rate_endings"), "linking.yaml")
    return tuple(sorted(data["strip_suffixes"], key=len, reverse=True))


@lru_cache(maxsize=1)
def _rate_endings() -> tuple[str, ...]:
    return tuple(load_yaml("linking.yaml")["rate_endings"])


def is_rate(phrase: str) -> bool:
    return phrase.endswith(_rate_endings())


def strip_role_words(key: str) -> str:
    if not key.endswith(_suffixes()):
        return key
    for suffix in _suffixes():
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            return key[: -len(suffix)]
    return key


class Linker:
    """Later entries of the catalog win a shared surface form (a user's catalog
    merged over the shipped one takes the name)."""

    def __init__(self, catalog: Catalog, threshold: float = DEFAULT_THRESHOLD, min_contained: int = 4):
        self.catalog = catalog
        self.threshold = threshold
        self.min_contained = min_contained
        self._exact = {}
        for ind in catalog.indicators:
            for form in ind.surface_forms():
                self._exact[normalize(form)] = ind.id
        self._forms = sorted(self._exact, key=len, reverse=True)
        self._scan_order = {form: i for i, form in enumerate(self._forms)}
        self._form_is_rate = [is_rate(form) for form in self._forms]
        self._longest = max(map(len, self._forms), default=0)
        # the first min_contained characters of each form long enough: where a contained form can start
        self._heads = frozenset(form[:min_contained] for form in self._forms if len(form) >= min_contained)
        self._cache: dict[str, Link] = {}
        self._model = None
        self._layout = None
        self._lists = None
        self._few_left = FEW_BUDGET
        self._is_rate_row: list[bool] | None = None

    def _rows(self):
        """The catalog's TF-IDF tables (packed), the order of the catalog's rows that
        puts each indicator's forms in adjacent rows, where each indicator's rows
        start, and the ids: built on first use."""
        if self._layout is None:
            from .vectors import packed_tables

            place = {ind.id: i for i, ind in enumerate(self.catalog.indicators)}
            rows = sorted(range(len(self._forms)), key=lambda i: place[self._exact[self._forms[i]]])
            ids = [self._exact[self._forms[i]] for i in rows]
            starts = [i for i in range(len(ids)) if i == 0 or ids[i] != ids[i - 1]]
            self._layout = (packed_tables(self._forms), rows, starts, [ids[i] for i in starts])
        return self._layout

    def _vectors(self):
        """The TF-IDF model (numpy), built on first use: the vectors, the catalog matrix
        with each indicator's forms in adjacent rows, where each indicator's rows
        start, the ids."""
        if self._model is None:
            from .vectors import CharTfidf

            packed, rows, starts, ids = self._rows()
            vectors = CharTfidf.from_packed(packed, self._forms)
            self._model = (vectors, vectors.matrix.take(rows), starts, ids)
        return self._model

    def for_batch(self) -> None:
        """Load the numpy model now and never sum in Python: for a process that
        will link many documents' phrases (a batch worker, whose warm-up loads
        what the first file would, before its memory limit counts)."""
        self._few_left = 0
        self._vectors()

    def candidates(self, phrase: str, k: int = 3) -> list[Link]:
        """The k nearest catalog entries by TF-IDF similarity (ties in catalog order)."""
        return self._candidates_many([phrase], k)[0]

    def _candidates_many(self, phrases: list[str], k: int) -> list[list[Link]]:
        """Each phrase's k nearest entries (ties in catalog order)."""
        ids = self._rows()[3]
        return [[Link(ids[j], score, "tfidf") for j, score in zip(cols, scores)]
                for cols, scores in self._nearest(phrases, k)]

    def _nearest(self, phrases: list[str], k: int):
        """Each phrase's k nearest indicators (positions in the model's ids) and their
        scores: one transform, one sparse product, one sort per chunk; a few phrases
        while numpy is not loaded (a short document's, up to FEW_BUDGET in all)
        summed in Python, the same figures to the bit."""
        if len(phrases) <= min(FEW, self._few_left) and "numpy" not in sys.modules:
            self._few_left -= len(phrases)
            yield from self._nearest_few(phrases, k)
            return
        import numpy as np

        vectors, matrix, starts, _ = self._vectors()
        for start in range(0, len(phrases), CHUNK):
            chunk = [normalize(p) for p in phrases[start:start + CHUNK]]
            sims = matrix.similarities(vectors.transform(chunk))
            best = np.maximum.reduceat(sims, starts, axis=1)          # an indicator's best form
            top = np.argsort(-best, axis=1, kind="stable")[:, :k]
            yield from zip(top.tolist(), np.take_along_axis(best, top, axis=1).tolist())

    def _nearest_few(self, phrases: list[str], k: int):
        """``_nearest`` in Python: an indicator's best form, the k best indicators
        (ties, zeros among them, in catalog order, as a stable sort of the scores)."""
        from bisect import bisect_right

        packed, rows, starts, ids = self._rows()
        if self._lists is None:
            from .vectors import ColumnLists

            self._lists = ColumnLists(packed, rows)
        for phrase in phrases:
            best: dict[int, float] = {}
            for row, score in self._lists.similarities(normalize(phrase)).items():
                j = bisect_right(starts, row) - 1
                if score > best.get(j, 0.0):
                    best[j] = score
            top = [j for _, j in sorted((-score, j) for j, score in best.items())[:k]]
            if len(top) < k:
                top += [j for j in range(len(ids)) if j not in best][:k - len(top)]
            yield top, [best.get(j, 0.0) for j in top]

    def forget(self) -> None:
        """Drop the links found so far (benchmarks time a cold start with it)."""
        self._cache.clear()

    def link(self, phrase: str | None) -> Link:
        if not phrase:
            return Link(None, 0.0, "none")
        hit = self._cache.get(phrase)
        if hit is None:
            hit = self.link_all([phrase])[phrase]
        return hit

    def link_all(self, phrases: Iterable[str | None]) -> dict[str, Link]:
        """Links of many phrases (a document's) at once: exact and contained names
        phrase by phrase, the rest nearest by TF-IDF in one vectorized call.
        The same links as ``link`` one phrase at a time."""
        wanted = [p for p in dict.fromkeys(phrases) if p]
        pending, rates = [], []
        for phrase in wanted:
            if phrase in self._cache:
                continue
            hit = self._by_name(phrase)
            if isinstance(hit, Link):
                self._cache[phrase] = hit
            else:
                pending.append(phrase)
                rates.append(hit)
        for phrase, rate, (cols, scores) in zip(pending, rates, self._nearest(pending, 5)):
            self._cache[phrase] = self._choose_nearest(cols, scores, rate)
        return {p: self._cache[p] for p in wanted}

    def _by_name(self, phrase: str) -> Link | bool:
        """An exact or contained match, else whether the phrase names a rate."""
        key = normalize(phrase)
        if key in self._exact:
            return Link(self._exact[key], 1.0, "exact")
        key = strip_role_words(key)
        if key in self._exact:
            return Link(self._exact[key], 1.0, "exact")
        rate = is_rate(key)
        first = self._first_contained(key, rate)
        if first is not None:
            form = self._forms[first]
            return Link(self._exact[form], len(form) / len(key), "contains")
        return rate

    def _first_contained(self, key: str, rate: bool) -> int | None:
        """The first form in scan order (longest first) of at least ``min_contained``
        characters inside ``key`` and as much a rate as it: found by looking up each
        substring of ``key`` rather than scanning the catalog, longest first (every
        longer form comes before every shorter one in scan order), at the offsets
        where the key holds the first ``min_contained`` characters of some form."""
        get, form_is_rate, m = self._scan_order.get, self._form_is_rate, self.min_contained
        heads = [i for i in range(len(key) - m + 1) if key[i:i + m] in self._heads]
        if not heads:
            return None
        for n in range(min(self._longest, len(key)), m - 1, -1):
            first = None
            for i in heads:         # (only where some form's head is written)
                if i + n > len(key):
                    break
                at = get(key[i:i + n])
                if at is not None and (first is None or at < first) and form_is_rate[at] == rate:
                    first = at
            if first is not None:
                return first
        return None

    def _choose_nearest(self, cols: list[int], scores: list[float], rate: bool) -> Link:
        """Of the nearest indicators (positions in the model's ids, nearest first), the
        first as much a rate as the phrase, if its score reaches the threshold."""
        ids, rates = self._rows()[3], self._rate_rows()
        for j, score in zip(cols, scores):
            if rates[j] == rate:
                return Link(ids[j], score, "tfidf") if score >= self.threshold else Link(None, score, "none")
        return Link(None, 0.0, "none")

    def _rate_rows(self) -> list[bool]:
        """Whether each indicator of the model's ids names a rate."""
        if self._is_rate_row is None:
            self._is_rate_row = [is_rate(self.catalog.by_id[i].name) for i in self._rows()[3]]
        return self._is_rate_row


@lru_cache(maxsize=1)
def tuned_threshold() -> float:
    try:
        return float(json.loads(read_text("linker.json"))["threshold"])
    except (OSError, KeyError, ValueError, FileNotFoundError):
        return DEFAULT_THRESHOLD


@lru_cache(maxsize=1)
def default_linker() -> Linker:
    return Linker(default_catalog(), tuned_threshold())
