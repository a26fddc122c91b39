"""jieba's word table read back from the cache of derived data: looked up in
place, table by table (claims/segment.py ShardedFreq), beside the way it was
read before stop 39 (each table unpacked, then copied into one dict).

    python benchmarks/segment_tables.py [--rounds 5] [--sources DIR ...]

The texts are phrases of 30 characters cut from the .txt files of --sources
(default ../shared/realdev/docs, else corpora/samples). Each round builds a
fresh tokenizer of each kind from the same cached bytes (in turn, the order
alternating) and times, in CPU milliseconds, the first pass over the phrases
(every table a phrase needs is unpacked then: what a new worker pays) and a
second pass (all tables in hand). The words cut are checked to be the same.
Printed: the median of the rounds for each kind and their ratio.
"""

from __future__ import annotations

import argparse
import marshal
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class CopiedFreq(dict):
    """The table as read before stop 39: a character's table unpacked and
    copied into this dict when a text holding the character is cut."""

    def __init__(self, shards):
        super().__init__()
        self._shards, self._seen = shards, set()

    def load_for(self, text):
        for first in set(text).difference(self._seen):
            self._seen.add(first)
            blob = self._shards.get(first)
            if blob is not None:
                self.update(marshal.loads(blob))


def phrases(folders) -> list[str]:
    out = []
    for folder in folders:
        for f in sorted(Path(folder).glob("*.txt")):
            t = f.read_text(encoding="utf-8")
            out += [t[i:i + 30] for i in range(0, len(t), 97)]
    return out


def tokenizers(jieba, body):
    """A tokenizer of each kind over the same cached bytes."""
    from reportmine.claims import segment

    in_place = segment._restore(jieba, body)
    copied = segment._restore(jieba, body)
    shards = in_place.FREQ._shards
    copied.FREQ = CopiedFreq(shards)
    cut = copied.cut

    def cut_loading(sentence, *a, **k):
        copied.FREQ.load_for(sentence)
        return cut(sentence, *a, **k)

    copied.cut = cut_loading
    return {"in place (now)": in_place, "copied (before)": copied}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--sources", type=Path, nargs="+")
    args = ap.parse_args(argv)
    from reportmine import derived_cache
    from reportmine.claims import segment

    default = ROOT.parent / "shared" / "realdev" / "docs"
    texts = phrases(args.sources or [default if default.is_dir() else ROOT / "corpora" / "samples"])
    jieba = segment._import_jieba()
    segment.load_tokenizer()            # the cache of derived data filled
    body = derived_cache.map_cached("segment", segment._key(jieba, segment.catalog_words()))
    if body is None:
        print("the cache of derived data is off or unwritable: nothing to compare", file=sys.stderr)
        return 1
    first: dict[str, list[float]] = {}
    again: dict[str, list[float]] = {}
    for r in range(args.rounds):
        toks = list(tokenizers(jieba, body).items())
        words = {}
        for name, tok in toks[::-1] if r % 2 else toks:
            t0 = time.process_time()
            words[name] = [tok.lcut(s) for s in texts]
            t1 = time.process_time()
            for s in texts:
                tok.lcut(s)
            t2 = time.process_time()
            first.setdefault(name, []).append(t1 - t0)
            again.setdefault(name, []).append(t2 - t1)
        a, b = words.values()
        if a != b:
            print("the two kinds cut differently", file=sys.stderr)
            return 1
    print(f"{len(texts)} phrases of 30 characters; CPU ms, median of {args.rounds} rounds, kinds in turn")
    print(f"{'table':18} {'first pass':>11} {'second pass':>12}")
    for name in first:
        print(f"{name:18} {1000 * statistics.median(first[name]):11.1f} {1000 * statistics.median(again[name]):12.1f}")
    (n, a), (m, b) = first.items()
    print(f"first pass, {n} / {m}: {statistics.median(a) / statistics.median(b):.2f}x the time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
