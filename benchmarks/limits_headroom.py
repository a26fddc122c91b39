"""How close a long, dense, ordinary report comes to the reading limits.

    python benchmarks/limits_headroom.py DIR [--pages 300]

writes DIR/long.pdf (reportlab, a CJK font, --pages pages of dense Chinese
text and a table per page) and DIR/long.docx (python-docx, the same text
and tables), reads both with the shipped limits and prints what they used
beside each limit (characters per page, decoded stream bytes, unpacked XML
bytes) and the read time (one read each). Texts are generated here, from a few sentences
written for this script.
"""

from __future__ import annotations

import argparse
import time
import zipfile
from pathlib import Path

SENTENCES = ["今年以来，全区上下围绕年度目标任务，扎实推进各项工作，全年完成固定资产投资{n}亿元，同比增长{p}%。",
             "城镇新增就业{n}人，完成年度目标的{p}%，城镇登记失业率控制在{q}%以内。",
             "全年共组织培训{n}场次，参训人数达到{m}人次，群众满意度{p}%。"]


def text_of(page: int, chars: int) -> str:
    out, i = [], 0
    while sum(map(len, out)) < chars:
        out.append(SENTENCES[i % 3].format(n=1000 + page * 7 + i, m=300 + i, p=80 + i % 20, q=3 + i % 2))
        i += 1
    return "".join(out)


def write_pdf(path: Path, pages: int) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    for page in range(pages):
        text = text_of(page, 1600)
        y = 800
        for start in range(0, len(text), 40):
            c.setFont("STSong-Light", 10)
            c.drawString(40, y, text[start:start + 40])
            y -= 14
        for row in range(6):
            for col in range(4):
                c.rect(40 + col * 120, 60 + row * 16, 120, 16)
                c.drawString(44 + col * 120, 64 + row * 16, f"指标{row}{col} {1000 + row * col}")
        c.showPage()
    c.save()


def write_docx(path: Path, pages: int) -> None:
    import docx

    document = docx.Document()
    for page in range(pages):
        document.add_heading(f"第{page + 1}部分", level=2)
        text = text_of(page, 1600)
        for start in range(0, len(text), 200):
            document.add_paragraph(text[start:start + 200])
        table = document.add_table(rows=6, cols=4)
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row.cells):
                cell.text = f"指标{r}{c} {1000 + r * c}"
    document.save(str(path))


def read_pdf(path: Path):
    """The document and what reading it used, beside the limits."""
    from reportmine.readers import pdf
    from reportmine.readers.limits import default_limits
    from reportmine.readers.pdfguard import guarded

    limits = default_limits()
    with guarded(limits) as budget:
        doc = pdf._read(path.read_bytes(), path.name, budget)
    return doc, {"pages": (doc.pages, limits.pdf_pages),
                 "page_chars (most)": (max(budget.most_page_chars, budget.page_chars), limits.pdf_page_chars),
                 "total_chars": (budget.chars, limits.pdf_total_chars),
                 "total_stream_bytes": (budget.inflated, limits.pdf_total_stream_bytes)}


def read_docx(path: Path):
    from reportmine.readers import read
    from reportmine.readers.limits import default_limits

    limits = default_limits()
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
    xml = sum(i.file_size for i in infos if i.filename.endswith((".xml", ".rels")))
    print(f"  zip check: {_check_cpu(path):.4f} s CPU (best of 7)")
    return read(path), {"members": (len(infos), limits.docx_members),
                        "member_bytes (most)": (max(i.file_size for i in infos), limits.docx_member_bytes),
                        "xml_bytes": (xml, limits.docx_xml_bytes),
                        "total_bytes": (sum(i.file_size for i in infos), limits.docx_total_bytes)}


def _check_cpu(path: Path) -> float:
    """CPU time of the zip check alone (readers/zipcheck.py), best of 7."""
    from reportmine.readers.limits import default_limits
    from reportmine.readers.zipcheck import check_zip

    best = float("inf")
    for _ in range(7):
        start = time.process_time()
        with zipfile.ZipFile(path) as zf:
            check_zip(zf, default_limits())
        best = min(best, time.process_time() - start)
    return best


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    files = {"long.pdf": (write_pdf, read_pdf), "long.docx": (write_docx, read_docx)}
    for name, (write, read) in files.items():
        path = args.out / name
        write(path, args.pages)
        start = time.perf_counter()
        doc, usage = read(path)
        seconds = time.perf_counter() - start
        print(f"{name}: {path.stat().st_size} bytes, {len(doc.text)} chars, read in {seconds:.2f} s")
        for what, (used, limit) in usage.items():
            print(f"  {what}: {used} of {limit} ({100 * used / limit:.1f}%)")


if __name__ == "__main__":
    main()
