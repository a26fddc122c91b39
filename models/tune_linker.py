"""Tune and measure the catalog linker on the sample corpus's linking gold.

    python models/tune_linker.py [--links corpora/links.json] [--write]

For every indicator phrase in corpora/links.json (gold: the catalog id it
measures, or null) the linker proposes an id; a proposal below the TF-IDF
threshold stays unlinked. Precision = right ids / ids proposed; recall = right
ids / gold ids. The threshold chosen is the lowest whose precision is at least
--min-precision, which keeps recall as high as that allows. --write stores it
with the scores in models/linker.json (plain JSON: no pickle is ever loaded).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def evaluate(linker, links, threshold):
    linker.threshold = threshold
    linker._cache.clear()
    proposed = right = gold = 0
    for entry in links:
        got = linker.link(entry["indicator"]).id
        gold += entry["id"] is not None
        proposed += got is not None
        right += got is not None and got == entry["id"]
    p = right / proposed if proposed else 1.0
    r = right / gold if gold else 1.0
    return {"threshold": threshold, "precision": p, "recall": r, "proposed": proposed, "right": right,
            "gold": gold}


def end_to_end(links, gold_dir, sources, threshold, show=False):
    """Link the phrases the pipeline itself finds, on quantities that match gold."""
    from reportmine.catalog import Linker, default_catalog
    from reportmine.catalog.stage import LinkStage
    from reportmine.evaluation import load_gold_dir
    from reportmine.pipeline import Pipeline, default_stages

    by_phrase = {e["indicator"]: e["id"] for e in links}
    stages = default_stages()[:3] + [LinkStage(Linker(default_catalog(), threshold))]
    pipeline = Pipeline(stages=stages)
    proposed = right = gold = 0
    for g in load_gold_dir(gold_dir):
        doc = pipeline.analyze(sources / g.doc)
        for gq in g.quantities:
            want = by_phrase.get(gq.get("indicator"))
            q = next((q for q in doc.quantities if q.start < gq["end"] and gq["start"] < q.end), None)
            if q is None:
                continue
            gold += want is not None
            proposed += q.indicator_id is not None
            right += q.indicator_id is not None and q.indicator_id == want
            if show and q.indicator_id is not None and q.indicator_id != want:
                print(f"  WRONG {q.indicator!r} -> {q.indicator_id}  (gold {gq.get('indicator')!r} -> {want})")
    return {"precision": right / proposed if proposed else 1.0, "recall": right / gold if gold else 1.0,
            "right": right, "proposed": proposed, "gold": gold}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--links", type=Path, default=ROOT / "corpora" / "links.json")
    ap.add_argument("--min-precision", type=float, default=0.93)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--show", action="store_true", help="print every wrong end-to-end link")
    args = ap.parse_args(argv)
    from reportmine.catalog import Linker, default_catalog

    links = json.loads(args.links.read_text(encoding="utf-8"))["links"]
    linker = Linker(default_catalog())
    rows = [evaluate(linker, links, t / 100) for t in range(20, 101, 5)]
    print(f"{'threshold':>9s} {'precision':>9s} {'recall':>7s} {'right':>6s} {'proposed':>8s} {'gold':>5s}")
    for row in rows:
        print(f"{row['threshold']:9.2f} {row['precision']:9.3f} {row['recall']:7.3f} {row['right']:6d} "
              f"{row['proposed']:8d} {row['gold']:5d}")
    ok = [r for r in rows if r["precision"] >= args.min_precision]
    chosen = min(ok, key=lambda r: r["threshold"]) if ok else max(rows, key=lambda r: r["precision"])
    print(f"chosen threshold {chosen['threshold']:.2f}: precision {chosen['precision']:.3f}, "
          f"recall {chosen['recall']:.3f}")
    e2e = end_to_end(links, ROOT / "corpora" / "gold", ROOT / "corpora" / "samples", chosen["threshold"],
                     show=args.show)
    print(f"end to end (pipeline phrases on matched quantities): precision {e2e['precision']:.3f}, "
          f"recall {e2e['recall']:.3f} ({e2e['right']}/{e2e['proposed']} proposed, {e2e['gold']} gold)")
    if args.write:
        out = {"threshold": chosen["threshold"], "scores": chosen, "end_to_end": e2e,
               "min_precision": args.min_precision,
               "data": "corpora/links.json (linking gold for the project's own sample corpus)",
               "method": "exact/alias, contained name (>= 4 chars), char 1-3-gram TF-IDF nearest neighbour",
               "trained_by": "models/tune_linker.py"}
        (HERE / "linker.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
