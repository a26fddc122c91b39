#!/usr/bin/env python3
"""Peer quantity recognizers on the gold texts: P/R/F1 and throughput, side by side.

Example:
    python benchmarks/peers.py --size 200000 --runs 3 --json peers.json

Accuracy: each peer runs on every gold document's source text and its
quantities are scored with ``reportmine.evaluation`` (GUIDE.md rules; peers
give no roles or flags, so only quantity P/R/F1 is shown). Throughput: each
peer runs on the same text (the sources concatenated and repeated to
``--size`` characters), best of ``--runs`` timed runs after one warm-up call.
A peer that is not installed is reported, not fatal.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from peer_adapters import PEERS, JiebaCut, Peer, PeerUnavailable  # noqa: E402

from reportmine.evaluation import format_result, load_gold_dir, score  # noqa: E402
from reportmine.evaluation.report import error_lines  # noqa: E402

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
DEFAULT_GOLD = str(SHARED / "gold")
DEFAULT_SOURCES = str(SHARED / "seeds")


def read_sources(gold, sources: Path) -> dict[str, str]:
    texts = {}
    for g in gold:
        path = sources / g.doc
        if not path.is_file():
            raise SystemExit(f"source text missing for gold document {g.doc}: {path}")
        texts[g.doc] = path.read_bytes().decode("utf-8")
    return texts


def bench_text(texts: dict[str, str], size: int) -> str:
    base = "\n".join(texts[d] for d in sorted(texts))
    if not base:
        raise SystemExit("no source text")
    return (base * (size // len(base) + 1))[:size]


def throughput(peer: Peer, text: str, runs: int, by_line: bool = False) -> tuple[float, float]:
    """(best seconds, characters per second) over ``runs`` runs after a warm-up.

    ``by_line``: call the peer once per line instead of once on the whole text.
    """
    peer(text[:2000])
    pieces = text.splitlines(keepends=True) if by_line else [text]
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        for piece in pieces:
            peer(piece)
        best = min(best, time.perf_counter() - t0)
    return best, len(text) / best if best else float("inf")


def run_peer(peer: Peer, gold, texts, bench: str, runs: int, errors: int | None,
             by_line: bool = False) -> dict:
    row = {"peer": peer.name, "description": peer.description}
    try:
        t0 = time.perf_counter()
        peer.load()
        row["load_seconds"] = time.perf_counter() - t0
    except PeerUnavailable as exc:
        row.update(available=False, message=str(exc))
        return row
    preds = {doc: {"quantities": peer(text), "flags": []} for doc, text in texts.items()}
    result = score(gold, preds, sources=texts)
    q = result.quantity
    row.update(available=True, p=q.p, r=q.r, f1=q.f1, tp=q.tp, gold=q.gold, pred=q.pred,
               per_doc={d: s.quantity.to_dict() for d, s in result.docs.items()})
    row["seconds"], row["chars_per_sec"] = throughput(peer, bench, runs, by_line)
    if errors:
        print(f"== {peer.name}: errors (first {errors} per list)")
        print("\n".join(error_lines(result, limit=errors, sections=("quantities",))))
        print(format_result(result).splitlines()[0])
        print()
    return row


def table(rows: list[dict], reference: dict | None, size: int, runs: int,
          by_line: bool = False) -> str:
    head = f"{'peer':18s} {'P':>6s} {'R':>6s} {'F1':>6s} {'tp':>5s} {'pred':>5s} {'gold':>5s} {'chars/s':>11s}"
    lines = [f"quantities on {rows[0].get('gold', '?') if rows else '?'} gold mentions; "
             f"throughput on {size:,} chars{' fed line by line' if by_line else ''}, "
             f"best of {runs}", head, "-" * len(head)]
    for r in rows:
        if not r.get("available"):
            lines.append(f"{r['peer']:18s} {r['message']}")
            continue
        lines.append(f"{r['peer']:18s} {r['p']:6.3f} {r['r']:6.3f} {r['f1']:6.3f} {r['tp']:5d} "
                     f"{r['pred']:5d} {r['gold']:5d} {r['chars_per_sec']:11,.0f}")
    if reference:
        lines.append(f"{reference['peer']:18s} {'':6s} {'':6s} {'':6s} {'':5s} {'':5s} {'':5s} "
                     f"{reference['chars_per_sec']:11,.0f}  (segmentation only, reference)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="example: python benchmarks/peers.py --size 50000 --runs 1")
    ap.add_argument("--gold", default=DEFAULT_GOLD, help="gold dir (<doc>.gold.json)")
    ap.add_argument("--sources", default=DEFAULT_SOURCES, help="dir of the gold documents' texts")
    ap.add_argument("--size", type=int, default=200_000, help="characters for the speed test")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per peer (best is kept)")
    ap.add_argument("--by-line", action="store_true",
                    help="time each peer called once per line, not once on the whole text")
    ap.add_argument("--peers", default=",".join(PEERS),
                    help=f"comma-separated subset of: {', '.join(PEERS)}")
    ap.add_argument("--errors", type=int, metavar="N", help="print N missed/spurious per peer")
    ap.add_argument("--json", metavar="OUT", help="save the results as JSON")
    args = ap.parse_args(argv)

    names = [n.strip() for n in args.peers.split(",") if n.strip()]
    unknown = [n for n in names if n not in PEERS]
    if unknown:
        ap.error(f"unknown peer(s) {unknown}; choose from {list(PEERS)}")
    gold = load_gold_dir(args.gold)
    texts = read_sources(gold, Path(args.sources))
    bench = bench_text(texts, args.size)

    rows = [run_peer(PEERS[n](), gold, texts, bench, args.runs, args.errors, args.by_line)
            for n in names]
    jieba_ref = JiebaCut()
    jieba_ref.load()
    seconds, cps = throughput(jieba_ref, bench, args.runs, args.by_line)
    reference = {"peer": jieba_ref.name, "seconds": seconds, "chars_per_sec": cps}
    print(table(rows, reference, len(bench), args.runs, args.by_line))
    if args.json:
        out = {"gold": str(args.gold), "sources": str(args.sources), "size": len(bench),
               "runs": args.runs, "by_line": args.by_line, "peers": rows, "reference": reference}
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
