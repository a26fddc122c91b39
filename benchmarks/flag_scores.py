"""Placeholder and missing-number flags on the seeds and the real dev set, and combined.

    python benchmarks/flag_scores.py --seeds-pred S/documents --real-pred R/documents [--errors]

where S and R are `reportmine analyze` outputs of /work/shared/seeds and
/work/shared/realdev/docs. Scores follow GUIDE.md (reportmine.evaluation, the
same numbers as shared/gold/score.py). Rows: the seeds, realdev, its two halves
by document (MANIFEST.tsv order: the first half is where the flag rules were
developed, the second was held out until its before/after was measured), and
seeds + realdev summed (TP, predictions and gold added over both sets).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reportmine.evaluation import PRF, load_gold_dir, score

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the repository (main) or beside the worktrees folder (wt/<name>)
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()),
              ROOT.parent / "shared")
TYPES = ("placeholder", "missing_number")


def halves(manifest: Path) -> tuple[set[str], set[str]]:
    names = [line.split("\t")[0] for line in manifest.read_text(encoding="utf-8").splitlines()[1:] if line]
    mid = len(names) // 2
    return set(names[:mid]), set(names[mid:])


def scored(gold_dir: Path, pred_dir: Path, sources: Path, docs: set[str] | None = None):
    gold = [g for g in load_gold_dir(gold_dir) if docs is None or g.doc in docs]
    return score(gold, pred_dir, sources=sources)


def row(name: str, results) -> str:
    cells = []
    for t in TYPES:
        x = PRF()
        for res in results:
            x.add(res.flags[t])
        cells.append(f"{t} P {x.p:.3f} R {x.r:.3f} F1 {x.f1:.3f} ({x.tp}/{x.pred} pred, {x.gold} gold)")
    return f"{name:28s} " + " | ".join(cells)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds-pred", type=Path, required=True)
    ap.add_argument("--real-pred", type=Path, required=True)
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--errors", action="store_true", help="list missed and spurious flags of realdev")
    a = ap.parse_args()
    real = a.shared / "realdev"
    develop, held = halves(real / "MANIFEST.tsv")
    seeds = scored(a.shared / "gold", a.seeds_pred, a.shared / "seeds")
    full = scored(real / "gold", a.real_pred, real / "docs")
    print(row("seeds", [seeds]))
    print(row("realdev", [full]))
    print(row("realdev develop half", [scored(real / "gold", a.real_pred, real / "docs", develop)]))
    print(row("realdev held-out half", [scored(real / "gold", a.real_pred, real / "docs", held)]))
    print(row("seeds + realdev", [seeds, full]))
    if a.errors:
        for t in TYPES:
            for kind, items in (("MISSED", full.errors.missed_flags.get(t, [])),
                                ("SPURIOUS", full.errors.spurious_flags.get(t, []))):
                for x in items:
                    print(kind, t, x.doc, x.context or x.text)


if __name__ == "__main__":
    main()
