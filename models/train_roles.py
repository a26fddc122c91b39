"""Train the role model (src/reportmine/data/roles.json) and measure it by
leave-one-document-out.

    python models/train_roles.py            # fit on all gold, write the model
    python models/train_roles.py --lodo     # LODO predictions + scores, writes nothing in models/

Data: every document with GUIDE.md gold the project can read: corpora/gold
(with corpora/samples), ../shared/gold (with ../shared/seeds) and
../shared/realdev (gold/ with docs/). Each document runs through the pipeline
(structure, quantities, claim rules); the pipeline's quantities that match a
gold quantity (GUIDE.md matching: spans overlap, values agree) are the
training rows, labelled with the gold role. Features: claims/features.py.
Model: scikit-learn LogisticRegression (multinomial, L2, newton-cg), fitted
deterministically; it is stored as plain JSON (feature -> one weight per
role), which the pipeline applies without scikit-learn.

--lodo --honest: the same, but in the fold of a document that a rule was
written after (models/rule_provenance.yaml) that rule is switched off, for the
features of every document the fold fits on and for the held-out run.

--forms FILE ...: the marked numbers of role-form files (benchmarks/role_forms*.txt,
helper-written sentences with their roles) join every fold's training rows;
with --honest, a file whose brief echoed a dev document (rule_provenance.yaml,
``forms``) is left out of that document's fold. Measured, not shipped
(ROLES.md, stop 35).

--lodo: for each real document (seeds + realdev; corpora too, the formats of
one sample held out together) fit on all the others, run the whole pipeline on
the held-out document with that model and write its output to
OUT/<set>/<doc>.json; then score each set with ../shared/gold/score.py.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared" if (ROOT.parent / "shared").is_dir() else Path("/work/shared")
MODEL_OUT = (HERE / "roles.json", ROOT / "src" / "reportmine" / "data" / "roles.json")
FEATURES_OUT = HERE / "roles_features.json"
CACHE = HERE / ".cache" / "roles"
SCORE = SHARED / "gold" / "score.py"
PROVENANCE = HERE / "rule_provenance.yaml"

# regularisation and vocabulary; chosen by LODO on seeds + realdev (ROLES.md)
C = 1.0
MIN_COUNT = 2
MAX_ITER = 500
ROUND = 6
# the rules' own verdict (rule role, the cue that decided it) enters the fit
# scaled up, i.e. less regularised than the context n-grams: the model departs
# from the rules only where the context is consistently against them
RULE_SCALE = 3.0
RULE_PREFIXES = ("rule:", "rule_nu:", "cue:")


@dataclass(frozen=True)
class Source:
    set: str          # corpora / seeds / realdev
    gold_dir: Path
    text_dir: Path


def sources(shared: Path = SHARED) -> list[Source]:
    out = [Source("corpora", ROOT / "corpora" / "gold", ROOT / "corpora" / "samples")]
    if (shared / "seeds").is_dir():
        out.append(Source("seeds", shared / "gold", shared / "seeds"))
    if (shared / "realdev").is_dir():
        out.append(Source("realdev", shared / "realdev" / "gold", shared / "realdev" / "docs"))
    return out


def group_of(src: Source, doc: str) -> str:
    """The formats of one sample (x.txt, x.pdf, x.docx) form one fold."""
    return f"{src.set}/{doc.rsplit('.', 1)[0]}"


# -- features, cached per document ----------------------------------------------------

def _code_hash() -> str:
    h = hashlib.sha256()
    pkg = ROOT / "src" / "reportmine"
    for p in sorted(pkg.rglob("*")):
        if p.suffix in (".py", ".yaml", ".txt") and p.is_file():
            h.update(p.relative_to(pkg).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _rule_pipeline():
    from reportmine.pipeline import Pipeline
    from reportmine.quantities import annotate_quantities
    from reportmine.structure import analyze_structure

    return Pipeline(stages=[analyze_structure, annotate_quantities])


def _match(gold: list[dict], pred: list) -> dict[int, dict]:
    """GUIDE.md matching (greedy, gold order): pipeline index -> gold quantity."""
    from reportmine.evaluation.scoring import quantity_match

    pd = [{"start": q.start, "end": q.end, "norm_value": q.norm_value} for q in pred]
    used: dict[int, dict] = {}
    for g in gold:
        for j, p in enumerate(pd):
            if j not in used and p["norm_value"] is not None and quantity_match(g, p):
                used[j] = g
                break
    return used


def extract(src: Source, gold_path: Path, pipeline, code: str, off: frozenset = frozenset()) -> dict:
    """Feature rows of one document: {"doc", "group", "rows": [[features, role]]};
    ``off``: claim rules switched off (claims/switches.py)."""
    from reportmine.claims import rule_claims
    from reportmine.claims.features import quantity_features
    from reportmine.claims.switches import rules_off

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    path = src.text_dir / gold["doc"]
    salt = (code + "|" + ",".join(sorted(off))).encode()
    key = hashlib.sha256(path.read_bytes() + gold_path.read_bytes() + salt).hexdigest()[:20]
    cached = CACHE / f"{key}.json"
    if cached.exists():
        return json.loads(cached.read_text(encoding="utf-8"))
    doc = pipeline.analyze(path)
    with rules_off(off):
        rule_claims(doc)
    feats = quantity_features(doc)
    matched = _match(gold["quantities"], doc.quantities)
    rows = [[sorted(feats[j]), g["role"]] for j, g in sorted(matched.items())]
    out = {"set": src.set, "doc": gold["doc"], "group": group_of(src, gold["doc"]), "rows": rows}
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return out


def form_rows(paths: list[Path], off: frozenset = frozenset()) -> list[dict]:
    """Training rows of role-form files, one pseudo-document per file: each
    marked number the pipeline finds is a row labelled with its written role."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import role_forms
    from reportmine.claims import rule_claims
    from reportmine.claims.features import quantity_features
    from reportmine.claims.switches import rules_off

    pipeline, code, out = _rule_pipeline(), _code_hash(), []
    for path in paths:
        salt = (code + "|" + ",".join(sorted(off))).encode()
        cached = CACHE / f"forms-{hashlib.sha256(path.read_bytes() + salt).hexdigest()[:20]}.json"
        if cached.exists():
            out.append(json.loads(cached.read_text(encoding="utf-8")))
            continue
        rows = []
        for line in role_forms.read_forms(path):
            text, marks = role_forms.parse(line)
            doc = pipeline.analyze_bytes(text.encode("utf-8"), "form.txt")
            with rules_off(off):
                rule_claims(doc)
            feats = quantity_features(doc)
            for start, end, role in marks:
                j = next((j for j, q in enumerate(doc.quantities)
                          if q.start < end and start < q.end and q.value is not None), None)
                if j is not None:
                    rows.append([sorted(feats[j]), role])
        entry = {"set": "forms", "doc": path.name, "group": f"forms/{path.name}", "rows": rows}
        CACHE.mkdir(parents=True, exist_ok=True)
        cached.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
        out.append(entry)
    return out


def load_all(shared: Path = SHARED, off: frozenset = frozenset()) -> list[dict]:
    pipeline, code = _rule_pipeline(), _code_hash()
    docs = []
    for src in sources(shared):
        for gold_path in sorted(src.gold_dir.glob("*.gold.json")):
            docs.append(extract(src, gold_path, pipeline, code, off))
    return docs


def provenance(path: Path = PROVENANCE) -> dict[str, frozenset]:
    """document group -> the claim rules written after reading it."""
    import yaml

    from reportmine.claims.switches import RULES

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if data.get("schema") != "reportmine-rule-provenance/1":
        raise ValueError(f"{path.name}: schema must be reportmine-rule-provenance/1")
    out: dict[str, set] = {}
    for rule, entry in data["rules"].items():
        if rule not in RULES:
            raise ValueError(f"{path.name}: unknown rule {rule!r}")
        for group in entry["written_after"]:
            out.setdefault(group, set()).add(rule)
    return {g: frozenset(r) for g, r in out.items()}


def form_provenance(path: Path = PROVENANCE) -> dict[str, frozenset]:
    """form file name -> the document groups its brief echoed (``forms``)."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {name: frozenset(entry["written_after"]) for name, entry in (data.get("forms") or {}).items()}


def affected(shared: Path = SHARED) -> dict[str, list[str]]:
    """rule -> the document groups whose rule roles change when it alone is
    switched off (what rule_provenance.yaml lists as ``affected``)."""
    from reportmine.claims import rule_claims
    from reportmine.claims.switches import RULES, rules_off

    pipeline, out = _rule_pipeline(), {r: [] for r in RULES}
    for src in sources(shared):
        for gold_path in sorted(src.gold_dir.glob("*.gold.json")):
            name = json.loads(gold_path.read_text(encoding="utf-8"))["doc"]
            doc = pipeline.analyze(src.text_dir / name)
            rule_claims(doc)
            base = [q.role for q in doc.quantities]
            for rule in RULES:
                with rules_off({rule}):
                    rule_claims(doc)
                if [q.role for q in doc.quantities] != base and group_of(src, name) not in out[rule]:
                    out[rule].append(group_of(src, name))
    return out


# -- fitting ---------------------------------------------------------------------------

def vocabulary(rows: list[list[str]], min_count: int = MIN_COUNT) -> list[str]:
    from collections import Counter

    counts = Counter(f for row in rows for f in row)
    return sorted(f for f, n in counts.items() if n >= min_count)


def _scale(feature: str, rule_scale: float) -> float:
    return rule_scale if feature.startswith(RULE_PREFIXES) else 1.0


def fit(rows: list[list[str]], labels: list[str], c: float = C, min_count: int = MIN_COUNT,
        rule_scale: float = RULE_SCALE) -> dict:
    """A deterministic fit; returns the model as the JSON dict the pipeline reads."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    vocab = vocabulary(rows, min_count)
    index = {f: i for i, f in enumerate(vocab)}
    indptr, cols = [0], []
    for row in rows:
        cols += sorted({index[f] for f in row if f in index})
        indptr.append(len(cols))
    scale = np.array([_scale(f, rule_scale) for f in vocab])
    x = csr_matrix((scale[cols], cols, indptr), shape=(len(rows), len(vocab)))
    clf = LogisticRegression(C=c, max_iter=MAX_ITER, solver="newton-cg", tol=1e-6)
    with threadpool_limits(1):   # a small problem: threads only contend (50 s -> 1 s)
        clf.fit(x, labels)
    coef = np.round(clf.coef_ * scale, ROUND)   # applied to 0/1 features at run time
    classes = [str(k) for k in clf.classes_]
    if len(classes) == 2:   # binary: sklearn keeps one row; spread it as ±w/2
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
    weights = {f: [float(x) for x in coef[:, i]] for i, f in enumerate(vocab)}
    return {"schema": "reportmine-roles/1", "classes": classes,
            "intercept": [round(float(b), ROUND) for b in np.atleast_1d(clf.intercept_)],
            "weights": weights}


def training_set(docs: list[dict], skip: str | None = None) -> tuple[list[list[str]], list[str]]:
    rows, labels = [], []
    for d in docs:
        if d["group"] == skip:
            continue
        for feats, role in d["rows"]:
            rows.append(feats)
            labels.append(role)
    return rows, labels


# -- leave one document out ------------------------------------------------------------

def predict_doc(src: Source, doc_name: str, model_dict: dict | None, off: frozenset = frozenset()):
    """The whole pipeline on one document, with the given role model (None:
    rules only) and the claim rules ``off`` switched off."""
    from reportmine.claims import annotate_claims
    from reportmine.claims.model import RoleModel
    from reportmine.claims.switches import rules_off
    from reportmine.pipeline import Pipeline, default_stages

    model = RoleModel.from_dict(model_dict) if model_dict is not None else None
    stages = default_stages()
    stages[2] = lambda d: annotate_claims(d, model=model)   # model None: the rules alone
    with rules_off(off):
        return Pipeline(stages=stages).analyze(src.text_dir / doc_name)


def lodo(docs: list[dict], out: Path, rules_only: bool = False, c: float = C,
         honest: bool | Path = False, forms: list[Path] = ()) -> dict[str, str]:
    """Each document predicted by a model fitted on the others (``honest``:
    with the rules written after it switched off in its fold); scores per set.
    ``forms``: role-form files whose rows join every fold's training set."""
    by_set = {s.set: s for s in sources()}
    prov = provenance(PROVENANCE if honest is True else honest) if honest else {}
    echoed = form_provenance(PROVENANCE if honest is True else honest) if honest else {}
    fold_docs = {frozenset(): docs}
    fold_forms: dict[frozenset, list[dict]] = {}
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    for d in docs:
        model, off = None, prov.get(d["group"], frozenset())
        if not rules_only:
            if off not in fold_docs:
                fold_docs[off] = load_all(off=off)
            if forms and off not in fold_forms:
                fold_forms[off] = form_rows(list(forms), off)
            kept = [f for f in fold_forms.get(off, []) if d["group"] not in echoed.get(f["doc"], ())]
            rows, labels = training_set(fold_docs[off] + kept, skip=d["group"])
            model = fit(rows, labels, c)
        doc = predict_doc(by_set[d["set"]], d["doc"], model, off)
        target = out / d["set"] / (d["doc"] + ".json")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(doc.to_dict(text=False), ensure_ascii=False), encoding="utf-8")
    print(f"{len(docs)} folds in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    summaries = {}
    for name, src in by_set.items():
        summaries[name] = _score(src.gold_dir, out / name)
        if name == "realdev":
            for half, gold in _halves(src.gold_dir, out / "_halves").items():
                summaries[f"realdev {half}"] = _score(gold, out / name)
    return summaries


def _score(gold_dir: Path, pred_dir: Path) -> str:
    res = subprocess.run([sys.executable, str(SCORE), str(gold_dir), str(pred_dir)],
                         capture_output=True, text=True, check=True)
    return res.stdout.strip().splitlines()[-1]


def _halves(gold_dir: Path, out: Path) -> dict[str, Path]:
    """realdev's halves as gold folders (links): MANIFEST.tsv order, odd rows A, even rows B."""
    import shutil

    rows = (gold_dir.parent / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    names = [r.split("\t", 1)[0] for r in rows if r.strip()]
    shutil.rmtree(out, ignore_errors=True)
    halves = {}
    for half, picked in (("A", names[0::2]), ("B", names[1::2])):
        folder = out / half
        folder.mkdir(parents=True)
        for name in picked:
            gold = gold_dir / f"{name}.gold.json"
            if gold.exists():
                (folder / gold.name).symlink_to(gold)
        halves[half] = folder
    return halves


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lodo", action="store_true", help="leave-one-document-out predictions and scores")
    ap.add_argument("--rules", action="store_true", help="with --lodo: the rules alone (no model)")
    ap.add_argument("--honest", action="store_true",
                    help="with --lodo: rules written after a document (rule_provenance.yaml) off in its fold")
    ap.add_argument("--provenance", type=Path, default=None,
                    help="with --honest: another provenance table (default models/rule_provenance.yaml)")
    ap.add_argument("--out", default="/tmp/roles_lodo", help="where --lodo writes its predictions")
    ap.add_argument("--c", type=float, default=C, help="inverse regularisation strength")
    ap.add_argument("--forms", type=Path, nargs="+", default=[],
                    help="with --lodo: role-form files whose marked numbers join every fold's training rows")
    ap.add_argument("--affected", action="store_true",
                    help="print the documents each switchable rule changes (rule_provenance.yaml)")
    args = ap.parse_args(argv)
    if args.affected:
        for rule, groups in affected().items():
            print(f"{rule}: {', '.join(groups)}")
        return
    docs = load_all()
    if args.lodo:
        for name, line in lodo(docs, Path(args.out), args.rules, args.c,
                                 (args.provenance or True) if args.honest else False, args.forms).items():
            print(f"{name:9s} {line}")
        return
    rows, labels = training_set(docs)
    model = fit(rows, labels, args.c)
    text = model_text(model)
    for path in MODEL_OUT:
        path.write_text(text, encoding="utf-8")
    write_features(docs, model)
    print(f"{len(rows)} rows from {len(docs)} documents, {len(model['weights'])} features -> "
          + ", ".join(str(p.relative_to(ROOT)) for p in MODEL_OUT))


def model_text(model: dict) -> str:
    """The model as JSON, one feature per line (readable diffs)."""
    head = {k: v for k, v in model.items() if k != "weights"}
    head["generated_by"] = "models/train_roles.py: do not edit"
    lines = [json.dumps(f, ensure_ascii=False) + ":" + json.dumps(w, separators=(",", ":"))
             for f, w in sorted(model["weights"].items())]
    return (json.dumps(head, ensure_ascii=False, sort_keys=True)[:-1] + ',"weights":{\n'
            + ",\n".join(lines) + "\n}}\n")


def write_features(docs: list[dict], model: dict) -> None:
    """The training set as indices into the model's sorted vocabulary (what the
    rebuild test refits): one [label, [feature indices]] per row. Features are
    n-grams of at most 4 characters; no source text is stored."""
    rows, labels = training_set(docs)
    vocab = vocabulary(rows)
    index = {f: i for i, f in enumerate(vocab)}
    data = {"vocabulary_size": len(vocab), "c": C, "min_count": MIN_COUNT, "rule_scale": RULE_SCALE,
            "rows": [[lab, sorted({index[f] for f in row if f in index})] for row, lab in zip(rows, labels)]}
    FEATURES_OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
