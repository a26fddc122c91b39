"""Quantity recognition (GUIDE.md matching) on the seeds, the sample corpus and the real dev set.

    reportmine analyze ../shared/seeds --out S && reportmine analyze ../shared/realdev/docs --out R
    reportmine analyze corpora/samples --out C
    python benchmarks/quantity_scores.py --seeds-pred S/documents --real-pred R/documents --corpus-pred C/documents

Rows: seeds, corpus, realdev, and realdev's two halves by document (MANIFEST.tsv
order, 28 + 28, the same split as benchmarks/flag_scores.py): the quantity rules
of issue 9 were developed looking only at the first half's errors; the second
half was held out until its before/after was measured, then both were used.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reportmine.evaluation import PRF, load_gold_dir, score

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()),
              ROOT.parent / "shared")


def halves(manifest: Path) -> tuple[set[str], set[str]]:
    names = [line.split("\t")[0] for line in manifest.read_text(encoding="utf-8").splitlines()[1:] if line]
    mid = len(names) // 2
    return set(names[:mid]), set(names[mid:])


def row(name: str, gold_dir: Path, pred_dir: Path, sources: Path, docs: set[str] | None = None) -> str:
    gold = [g for g in load_gold_dir(gold_dir) if docs is None or g.doc in docs]
    q: PRF = score(gold, pred_dir, sources=sources).quantity
    return f"{name:24s} P {q.p:.3f} R {q.r:.3f} F1 {q.f1:.3f} (gold {q.gold}, pred {q.pred})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds-pred", type=Path, required=True)
    ap.add_argument("--real-pred", type=Path, required=True)
    ap.add_argument("--corpus-pred", type=Path)
    ap.add_argument("--shared", type=Path, default=SHARED)
    a = ap.parse_args()
    real = a.shared / "realdev"
    develop, held = halves(real / "MANIFEST.tsv")
    print(row("seeds", a.shared / "gold", a.seeds_pred, a.shared / "seeds"))
    if a.corpus_pred:
        print(row("corpus", ROOT / "corpora" / "gold", a.corpus_pred, ROOT / "corpora" / "samples"))
    print(row("realdev", real / "gold", a.real_pred, real / "docs"))
    print(row("realdev develop half", real / "gold", a.real_pred, real / "docs", develop))
    print(row("realdev held-out half", real / "gold", a.real_pred, real / "docs", held))


if __name__ == "__main__":
    main()
