"""Helpers shared by the reader tests: build real .docx/.pdf files and
compare reader output with golden files.

Golden files live in tests/data/<fmt>/groundtruth/<name>.json and are written
when the environment variable REPORTMINE_REGEN=1 is set (a test fails while
it is left on, so CI never regenerates silently). The source documents in
tests/data/<fmt>/sources are made from tests/data/<fmt>/texts with
corpora/tools/render.py.
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
REGEN = os.environ.get("REPORTMINE_REGEN") == "1"


def load_render():
    """corpora/tools/render.py is a script, not a package: import it by path."""
    if "reportmine_render_tool" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "reportmine_render_tool", ROOT / "corpora" / "tools" / "render.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    return sys.modules["reportmine_render_tool"]


# -- golden files --------------------------------------------------------

def groundtruth(doc) -> dict:
    """The parts of a Document a reader is responsible for, as plain JSON."""
    text = doc.text
    return {
        "text": text,
        "pages": doc.pages,
        "page_starts": doc.page_starts,
        "warnings": [w.code for w in doc.warnings],
        "blocks": [{"kind": b.kind, "start": b.start, "end": b.end, "page": b.page,
                    "style": b.style, "table": b.table, "row": b.row, "col": b.col,
                    "text": text[b.start:b.end]} for b in doc.blocks],
        "tables": [{"index": t.index, "page": t.page, "start": t.start, "end": t.end,
                    "rows": [[text[doc.blocks[i].start:doc.blocks[i].end] for i in row]
                             for row in t.rows]} for t in doc.tables],
        "boilerplate": [{"kind": b.kind, "start": b.start, "end": b.end,
                         "text": text[b.start:b.end]} for b in doc.boilerplate],
    }


def check_groundtruth(fmt: str, name: str, doc) -> None:
    path = DATA / fmt / "groundtruth" / f"{name}.json"
    actual = groundtruth(doc)
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    for key in expected:
        assert actual[key] == expected[key], f"{name}: {key} differs from {path.name}"


def check_spans(doc) -> None:
    """Every block spans exactly its stripped text; tables cover their cells."""
    n = len(doc.text)
    for b in doc.blocks:
        assert 0 <= b.start <= b.end <= n
        piece = doc.text[b.start:b.end]
        assert piece == piece.strip(), (b, piece)
        if b.kind != "table_cell":
            assert piece, b
        assert "\n" not in piece or b.kind != "table_cell"
    for t in doc.tables:
        for row in t.rows:
            for i in row:
                assert t.start <= doc.blocks[i].start <= doc.blocks[i].end <= t.end


# -- pdf builders --------------------------------------------------------

def canvas(path: Path, **kwargs):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    load_render().register_font()
    return Canvas(str(path), pagesize=A4, invariant=1, **kwargs)


def fake_bold_pdf(path: Path, text: str, offset: float = 0.3) -> Path:
    """Every line drawn twice, shifted by a fraction of a point (fake bold)."""
    c = canvas(path)
    c.setFont("STSong-Light", 12)
    for dx in (0, offset):
        c.drawString(72 + dx, 760, text)
    c.drawString(72, 730, "正常文字只画一次。")
    c.save()
    return path


def image_only_pdf(path: Path, pages: int = 1) -> Path:
    """A 'scanned' PDF: each page holds a picture (an image and drawings), no text."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    image = Image.new("RGB", (200, 80), "white")
    for x in range(20, 180):
        image.putpixel((x, 40), (0, 0, 0))
    c = canvas(path)
    for _ in range(pages):
        c.drawImage(ImageReader(image), 72, 600, width=400, height=160)
        c.rect(72, 300, 200, 100, fill=1)
        c.showPage()
    c.save()
    return path


def text_and_empty_pages_pdf(path: Path, empty: tuple[int, ...] = (2,), pages: int = 2) -> Path:
    c = canvas(path)
    for number in range(1, pages + 1):
        if number not in empty:
            c.setFont("STSong-Light", 12)
            c.drawString(72, 760, f"第{number}页正文：全年完成投资12.5亿元。")
        else:
            c.rect(100, 400, 50, 50)
        c.showPage()
    c.save()
    return path


_FILLER = "在县委县政府的坚强领导下全县各部门团结协作攻坚克难统筹推进稳增长调结构惠民生"


def split_number_text(number: str = "130.48%", head: str = "130.", size: float = 12) -> str:
    """A paragraph whose first line, as render.py wraps it, ends exactly
    with `head` (the first part of `number`): the filler before it grows by
    whole CJK characters and by half-width digits until the break falls there."""
    render = load_render()
    render.register_font()
    tail = f"{number}，比上年提高5.2个百分点，各项工作取得明显成效。"
    for n in range(40):
        for year in ("", "1", "12", "123", "2023", "20231"):
            text = f"{_FILLER[:n]}，第{year}项目标任务完成率达到{tail}"
            lines = render.break_lines(text, render.TEXT_WIDTH, size, size * 2)
            lines = [line for _, line in lines]
            if lines[0].endswith(head):
                return text
    raise AssertionError(f"no filler puts the line break after {head!r}")


def layout_pdf(path: Path, pages: list[list[str]], lefts=(72,), indent: float = 24,
               gap: float = 0, size: float = 12, width: float = 440) -> Path:
    """Paragraphs laid out line by line with render.break_lines and drawn on a
    canvas: page i starts its text at lefts[i % len(lefts)] (mirrored margins),
    first lines indented by `indent`, `gap` extra points between paragraphs."""
    render = load_render()
    c = canvas(path)
    for number, paragraphs in enumerate(pages):
        left, y = lefts[number % len(lefts)], 760
        c.setFont("STSong-Light", size)
        for text in paragraphs:
            for x, line in render.break_lines(text, width, size, indent):
                c.drawString(left + x, y, line)
                y -= size * 1.6
            y -= gap
        c.showPage()
    c.save()
    return path


def pdf_from_text(path: Path, text: str, **kwargs) -> Path:
    return load_render().render_pdf(text + "\n", path, **kwargs)


# -- docx builders -------------------------------------------------------

def rewrite_zip(data: bytes, replace: dict[str, bytes | None]) -> bytes:
    """A copy of a zip with members replaced (bytes) or dropped (None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    dst.writestr(info.filename, replace[info.filename])
            else:
                dst.writestr(info, src.read(info.filename))
    return out.getvalue()


def block_texts(doc, kind=None) -> list[str]:
    """The text of every block (of one kind), in order."""
    return [doc.text[b.start:b.end] for b in doc.blocks if kind in (None, b.kind)]
