"""Leave-one-document-out for the near-miss limits of the relation search.

    python benchmarks/thresholds.py [--shared DIR]

For each limit (near_miss_share, near_miss_ratio, near_miss_growth,
near_miss_sum), the others held at their values in data/checks.yaml, every
value of a grid is run on all documents (../shared/realdev and the seeds).
For each document, the value with the best inconsistency F1 on the OTHER
documents (ties: the smaller limit) is applied to it; the flags so obtained,
summed over documents, give the leave-one-document-out precision and recall.
Printed too: the value the whole set prefers, beside the one in use.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GRID = (0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0)
LIMITS = ("near_miss_share", "near_miss_ratio", "near_miss_growth", "near_miss_sum")


def documents(shared: Path):
    for p in sorted((shared / "realdev" / "docs").glob("*.txt")):
        yield p, shared / "realdev" / "gold" / (p.name + ".gold.json")
    for p in sorted((shared / "seeds").glob("*.txt")):
        yield p, shared / "gold" / (p.name + ".gold.json")


def counts(pipeline, docs) -> dict[str, Counter]:
    out = {}
    for path, gold_path in docs:
        doc = pipeline.analyze_bytes(path.read_bytes(), path.name)
        gold = [f for f in json.loads(gold_path.read_text(encoding="utf-8"))["flags"] if f["type"] == "inconsistency"]
        pred = [f for f in doc.flags if f.type == "inconsistency"]
        used, tp = set(), 0
        for g in gold:
            for i, f in enumerate(pred):
                if i not in used and f.start < g["end"] + 4 and g["start"] < f.end + 4:
                    used.add(i)
                    tp += 1
                    break
        out[path.name] = Counter(tp=tp, fp=len(pred) - tp, fn=len(gold) - tp)
    return out


def f1(c: Counter) -> float:
    return 2 * c["tp"] / (2 * c["tp"] + c["fp"] + c["fn"]) if c["tp"] else 0.0


def sweep(limit: str, shared: Path) -> dict[float, dict[str, Counter]]:
    from reportmine.checks import relations
    from reportmine.checks.search_config import search_config
    from reportmine.pipeline import Pipeline

    base = search_config()
    pipeline = Pipeline()
    runs = {}
    try:
        for v in GRID:
            cfg = dataclasses.replace(base, **{limit: v})
            relations.search_config = lambda cfg=cfg: cfg
            runs[v] = counts(pipeline, list(documents(shared)))
    finally:
        relations.search_config = search_config
    return runs


def leave_one_out(runs: dict[float, dict[str, Counter]]) -> tuple[Counter, Counter]:
    names = list(next(iter(runs.values())))
    total, chosen = Counter(), Counter()
    for d in names:
        def score(v):
            c = Counter()
            for n in names:
                if n != d:
                    c.update(runs[v][n])
            return f1(c), -v
        best = max(GRID, key=score)
        chosen[best] += 1
        total.update(runs[best][d])
    return total, chosen


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("REPORTMINE_SHARED", ROOT.parent / "shared")))
    args = ap.parse_args(argv)
    from reportmine.checks.search_config import search_config

    for limit in LIMITS:
        runs = sweep(limit, args.shared)
        loo, chosen = leave_one_out(runs)
        whole = {v: sum(runs[v].values(), Counter()) for v in GRID}
        best_all = max(GRID, key=lambda v: (f1(whole[v]), -v))
        p = loo["tp"] / (loo["tp"] + loo["fp"]) if loo["tp"] + loo["fp"] else 0.0
        r = loo["tp"] / (loo["tp"] + loo["fn"]) if loo["tp"] + loo["fn"] else 0.0
        print(f"{limit}: in use {getattr(search_config(), limit)}, whole set prefers {best_all}; "
              f"leave-one-document-out P {p:.3f} R {r:.3f} (tp {loo['tp']} fp {loo['fp']} fn {loo['fn']}); "
              f"values chosen per held-out document: {dict(sorted(chosen.items()))}")
        print("   grid F1 on all documents: " + " ".join(f"{v}:{f1(whole[v]):.3f}" for v in GRID))


if __name__ == "__main__":
    main()
