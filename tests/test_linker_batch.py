"""Batch linking (a document's phrases in one vectorized call) and the vectors without a fit."""

import numpy as np
import pytest

from reportmine.catalog import Linker, default_catalog
from reportmine.catalog.linker import normalize, tuned_threshold
from reportmine.catalog.vectors import CharTfidf, char_ngrams
from reportmine.pipeline import Pipeline

from helpers import CORPORA


@pytest.fixture(scope="module")
def sample_phrases():
    pipeline = Pipeline()
    phrases = []
    for path in sorted((CORPORA / "samples").glob("*.txt")):
        phrases += [q.indicator for q in pipeline.analyze(path).quantities if q.indicator]
    return list(dict.fromkeys(phrases))


def _as_tuples(links):
    return {p: (link.id, link.score, link.method) for p, link in links.items()}


def test_batch_links_equal_one_by_one_on_the_samples(sample_phrases):
    one_by_one = Linker(default_catalog(), tuned_threshold())
    singles = {p: one_by_one.link(p) for p in sample_phrases}
    batch = Linker(default_catalog(), tuned_threshold()).link_all(sample_phrases)
    assert _as_tuples(batch) == _as_tuples(singles)
    methods = {link.method for link in batch.values()}
    assert {"exact", "contains", "tfidf", "none"} <= methods      # every path was exercised


def test_batch_keeps_duplicates_and_empty_phrases_apart():
    linker = Linker(default_catalog(), tuned_threshold())
    got = linker.link_all(["城镇登记失业率", None, "", "城镇登记失业率", "某某杂项说明文字"])
    assert set(got) == {"城镇登记失业率", "某某杂项说明文字"}
    assert got["城镇登记失业率"].method == "exact"
    assert linker.link("").method == "none"


def test_chunks_give_the_same_links(sample_phrases, monkeypatch):
    whole = Linker(default_catalog(), tuned_threshold()).link_all(sample_phrases)
    monkeypatch.setattr("reportmine.catalog.linker.CHUNK", 7)
    chunked = Linker(default_catalog(), tuned_threshold()).link_all(sample_phrases)
    assert _as_tuples(chunked) == _as_tuples(whole)


def test_char_ngrams_follow_scikit_learn_order():
    assert char_ngrams("AB  c") == ["a", "b", " ", "c", "ab", "b ", " c", "ab ", "b c"]
    assert char_ngrams("率") == ["率"]


def test_vectors_equal_scikit_learn_to_the_bit(sample_phrases):
    from sklearn.feature_extraction.text import TfidfVectorizer

    forms = Linker(default_catalog())._forms
    ours = CharTfidf(forms)
    theirs = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)
    their_matrix = theirs.fit_transform(forms)
    assert ours.vocabulary == theirs.vocabulary_
    assert np.array_equal(ours.idf, theirs.idf_)
    keys = [normalize(p) for p in sample_phrases]
    ours_sims = ours.matrix.similarities(ours.transform(keys)).T
    their_sims = (their_matrix @ theirs.transform(keys).T).toarray()
    assert np.array_equal(ours_sims, their_sims)


def test_rows_product_and_take_equal_scipy_sparse_to_the_bit():
    from scipy import sparse

    from reportmine.catalog.vectors import Rows

    rng = np.random.default_rng(7)

    def random_rows(n, width, shuffle):
        dense = rng.random((n, width)) * (rng.random((n, width)) < 0.3)
        m = sparse.csr_matrix(dense)
        if shuffle:                       # entries out of column order, as the catalog's rows are
            for i in range(n):
                a, b = m.indptr[i], m.indptr[i + 1]
                order = rng.permutation(b - a)
                m.indices[a:b], m.data[a:b] = m.indices[a:b][order], m.data[a:b][order]
            m.has_sorted_indices = False
        return m, Rows(m.data.copy(), m.indices.astype(np.int64), m.indptr.astype(np.int64), width)

    a, ours_a = random_rows(40, 60, shuffle=True)
    b, ours_b = random_rows(9, 60, shuffle=False)
    assert np.array_equal(ours_a.similarities(ours_b), (a @ b.T).toarray().T)
    rows = [5, 0, 39, 5, 12]
    taken, theirs = ours_a.take(rows), a[rows]
    assert np.array_equal(taken.indptr, theirs.indptr) and np.array_equal(taken.indices, theirs.indices)
    assert np.array_equal(taken.similarities(ours_b), (theirs @ b.T).toarray().T)
    empty = Rows(np.zeros(0), np.zeros(0, dtype=np.int64), np.zeros(3, dtype=np.int64), 60)
    assert ours_a.similarities(empty).shape == (2, 40) and not ours_a.similarities(empty).any()


def test_cached_vectors_are_the_built_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTMINE_CACHE_DIR", str(tmp_path))
    forms = Linker(default_catalog())._forms
    built = CharTfidf.cached(forms)
    assert len(list(tmp_path.glob("tfidf-*.bin"))) == 1
    monkeypatch.setattr(CharTfidf, "__init__", lambda self, forms: pytest.fail("built again"))
    read = CharTfidf.cached(forms)
    assert read.vocabulary == built.vocabulary
    assert np.array_equal(read.idf, built.idf)
    for name in ("data", "indices", "indptr"):
        assert np.array_equal(getattr(read.matrix, name), getattr(built.matrix, name))
    keys = ["城镇新增就业人数", "污水处理率", "某某说明"]
    assert np.array_equal(read.matrix.similarities(read.transform(keys)),
                          built.matrix.similarities(built.transform(keys)))
