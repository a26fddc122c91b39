"""Write hostile files to measure the readers' limits on (data/limits.yaml).

    python benchmarks/bombs.py DIR [--mb 300]

writes into DIR: bomb.docx (document.xml unpacks to --mb MiB of paragraphs),
lying.docx (the same, its zip headers claiming 1 KB), stream.pdf (one page
whose content stream inflates to --mb MiB), chars.pdf (one page drawing 1
million characters from a 1 MB stream) and forms.pdf (one page drawing a
1,000-character form 2,000 times). Then time each one, e.g.:

    /usr/bin/time -v reportmine text DIR/bomb.docx

With --read, each file is also read here, in one process after a warm-up,
and the code and seconds of its refusal printed (the reader alone, no
interpreter start-up). The builders are tests/hostile_files.py (the tests use small ones).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import hostile_files as H  # noqa: E402


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--mb", type=int, default=300, help="MiB the bombs unpack to")
    parser.add_argument("--read", action="store_true", help="read each file and time its refusal")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    H.docx_bomb(args.out / "bomb.docx", args.mb << 20)
    H.docx_bomb(args.out / "lying.docx", args.mb << 20, declared=1000)
    (args.out / "stream.pdf").write_bytes(H.pdf_stream_bomb(args.mb << 20))
    (args.out / "chars.pdf").write_bytes(H.pdf_char_bomb(1_000_000))
    (args.out / "forms.pdf").write_bytes(H.pdf_form_bomb(1000, 2000))
    for path in sorted(args.out.iterdir()):
        print(f"{path.name}\t{path.stat().st_size} bytes")
    if args.read:
        time_refusals(sorted(args.out.iterdir()))


def time_refusals(paths: list[Path]) -> None:
    import time

    from reportmine.errors import ReaderError
    from reportmine.readers import read, read_bytes

    read_bytes(H.pdf_bytes(H.text_page(["warm-up"])), "warm.pdf")       # imports pdfplumber
    read_bytes(H.docx_bomb(Path(paths[0]).with_name("warm.docx"), 1 << 16).read_bytes(), "warm.docx")
    Path(paths[0]).with_name("warm.docx").unlink()
    for path in paths:
        start = time.perf_counter()
        try:
            read(path)
            outcome = "read"
        except ReaderError as exc:
            outcome = exc.code
        print(f"{path.name}\t{outcome}\t{time.perf_counter() - start:.3f} s")


if __name__ == "__main__":
    main()
