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


def test_a_few_phrases_summed_in_python_equal_the_numpy_product_to_the_bit(sample_phrases):
    """The path a short document takes while numpy is not loaded (``_nearest_few``)
    gives the numpy path's nearest indicators and scores, bit for bit, ties and
    zero scores included."""
    import math

    linker = Linker(default_catalog(), tuned_threshold())
    phrases = sample_phrases + ["某某杂项说明文字", "率", "xyz", "完成率完成率完成率", "  "]
    import sys

    assert "numpy" in sys.modules               # (imported above): _nearest takes the numpy path
    numpy_side = list(linker._nearest(phrases, 7))
    python_side = list(linker._nearest_few(phrases, 7))
    assert python_side == numpy_side
    assert sum(1 for _, scores in python_side if 0.0 in scores) > 3        # zero ties exercised
    assert [math.log(k) for k in range(1, 200)] == np.log(np.arange(1, 200, dtype=np.float64)).tolist()


def test_a_short_document_links_without_numpy_and_as_with_it(tmp_path):
    """A fresh process analyzing a short report never imports numpy, and its
    links are the ones this process (numpy loaded) gives."""
    import json
    import subprocess
    import sys

    text = ("全年城镇新增就业1.2万人，城镇登记失业率控制在3.5%以内；规模以上工业增加值增长8.1%，"
            "农村居民人均可支配收入18520元，森林覆盖率达到62.3%，污水处理厂运行负荷率85%。\n")
    path = tmp_path / "short.txt"
    path.write_text(text, encoding="utf-8")
    code = ("import json, sys\nfrom reportmine.pipeline import analyze\nd = analyze(sys.argv[1])\n"
            "print(json.dumps([[q.indicator, q.indicator_id] for q in d.quantities], ensure_ascii=False))\n"
            "print('numpy' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    fresh, numpy_loaded = done.stdout.strip().splitlines()
    assert numpy_loaded == "False"
    from reportmine.pipeline import analyze

    here = [[q.indicator, q.indicator_id] for q in analyze(path).quantities]
    assert json.loads(fresh) == here and sum(1 for _, i in here if i) >= 3


def test_past_its_budget_a_linker_loads_numpy_and_links_the_same(sample_phrases):
    """A batch worker sums FEW_BUDGET phrases in Python, then takes the numpy path."""
    import json
    import subprocess
    import sys

    phrases = sample_phrases[:40]
    code = ("import json, sys\nimport reportmine.catalog.linker as L\nL.FEW_BUDGET = 12\n"
            "lk = L.Linker(L.default_catalog(), L.tuned_threshold())\nphrases = json.loads(sys.argv[1])\n"
            "seen = []\nout = {}\nfor i in range(0, len(phrases), 5):\n"
            "    out.update({p: [l.id, l.score, l.method] for p, l in lk.link_all(phrases[i:i + 5]).items()})\n"
            "    seen.append('numpy' in sys.modules)\nprint(json.dumps([out, seen], ensure_ascii=False))\n")
    done = subprocess.run([sys.executable, "-c", code, json.dumps(phrases, ensure_ascii=False)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    links, seen = json.loads(done.stdout)
    assert seen[:2] == [False, False] and seen[-1] is True        # 5 + 5 in Python, then numpy
    here = Linker(default_catalog(), tuned_threshold()).link_all(phrases)
    assert links == {p: [l.id, l.score, l.method] for p, l in here.items()}


def test_a_worker_links_on_the_numpy_path_from_its_warm_up(monkeypatch):
    """work.warm_up asks the link stage for the batch path: the model is loaded
    before the worker's first file (and before its memory limit counts)."""
    from reportmine.engines.work import Settings, pipeline_for, warm_up
    from reportmine.catalog.stage import LinkStage

    settings = Settings(version="test", max_bytes=10_000_000)
    warm_up(settings)
    [stage] = [s for s in pipeline_for(settings)[0].stages if isinstance(s, LinkStage)]
    from reportmine.catalog.linker import default_linker

    linker = stage.linker or default_linker()
    assert linker._few_left == 0 and linker._model is not None
    assert linker.link_all(["某某杂项说明文字"])["某某杂项说明文字"].method in ("tfidf", "none")
