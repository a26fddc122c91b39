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
    ours_sims = (ours.matrix @ ours.transform(keys).T).toarray()
    their_sims = (their_matrix @ theirs.transform(keys).T).toarray()
    assert np.array_equal(ours_sims, their_sims)
