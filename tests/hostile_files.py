"""Builders of hostile input files, written byte by byte: small on disk, huge
when unpacked (zip and PDF bombs), damaged, or oddly named. Shared by the
tests and by benchmarks/bombs.py (which builds bigger ones to measure)."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>')
PARAGRAPH = "<w:p><w:r><w:t>本季度完成投资1200万元，同比增长15%。</w:t></w:r></w:p>"


def docx_bomb(path: Path, inflated: int, declared: int | None = None) -> Path:
    """A valid .docx whose document.xml unpacks to about ``inflated`` bytes of
    repeated paragraphs. With ``declared``, the archive lies: its headers
    give that size for document.xml instead of the real one."""
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>'.encode()
    tail = b"</w:body></w:document>"
    para = PARAGRAPH.encode("utf-8")
    block = para * max(1, (1 << 20) // len(para))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        with zf.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(head)
            for _ in range(max(1, inflated // len(block))):
                f.write(block)
            f.write(tail)
    if declared is not None:
        _lie_about_size(path, "word/document.xml", declared)
    return path


def _lie_about_size(path: Path, name: str, size: int) -> None:
    """Rewrite the uncompressed size of ``name`` in its central directory
    entry and local header (zip64 extra fields included)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(name)
    local = info.header_offset
    _patch_sizes(data, local, 22, 30, size)
    central = data.rfind(b"PK\x01\x02" + bytes(data[data.find(b"PK\x01\x02"):][4:4]), 0)
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        n = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46:pos + 46 + n] == name.encode():
            _patch_sizes(data, pos, 24, 46, size)
        pos = data.find(b"PK\x01\x02", pos + 4)
    del central
    path.write_bytes(bytes(data))


def _patch_sizes(data: bytearray, start: int, size_at: int, name_at: int, size: int) -> None:
    """Set the 32-bit size field, or the zip64 extra's when it is 0xFFFFFFFF."""
    if struct.unpack_from("<I", data, start + size_at)[0] != 0xFFFFFFFF:
        struct.pack_into("<I", data, start + size_at, size)
        return
    n_name, n_extra = struct.unpack_from("<HH", data, start + name_at - 4)
    extra = start + name_at + n_name
    end = extra + n_extra
    while extra < end:
        tag, length = struct.unpack_from("<HH", data, extra)
        if tag == 1:
            struct.pack_into("<Q", data, extra + 4, size)     # uncompressed size comes first
            return
        extra += 4 + length


def pdf_bytes(content: bytes, *, flate: bool = True, raw: bytes | None = None,
              extra_objects: tuple[bytes, ...] = (), xobjects: bytes = b"") -> bytes:
    """A one-page PDF (Helvetica) whose page content is ``content``, FlateDecode
    compressed (or ``raw`` bytes stored as the compressed stream, e.g. damaged)."""
    stream = raw if raw is not None else (zlib.compress(content, 9) if flate else content)
    filt = b"/Filter /FlateDecode " if (flate or raw is not None) else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> " + xobjects + b">> >>",
        b"<< " + filt + b"/Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *extra_objects,
    ]
    return _assemble_pdf(objects)


def _assemble_pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def text_page(lines: list[str]) -> bytes:
    """Content drawing ASCII lines of text."""
    ops = [b"BT /F1 12 Tf 72 720 Td 14 TL"]
    ops += [b"(" + line.encode("ascii") + b") '" for line in lines]
    return b"\n".join(ops + [b"ET"])


def pdf_stream_bomb(inflated: int) -> bytes:
    """A PDF whose page content inflates to ``inflated`` bytes: a line of text,
    then blank space (compressed ~1000:1 without ever holding it whole)."""
    comp = zlib.compressobj(9)
    parts = [comp.compress(text_page(["Quarterly report"]) + b"\n")]
    chunk = b" " * (1 << 20)
    for _ in range(max(1, inflated // len(chunk))):
        parts.append(comp.compress(chunk))
    parts.append(comp.flush())
    return pdf_bytes(b"", raw=b"".join(parts))


def pdf_char_bomb(chars: int) -> bytes:
    """A PDF whose page draws ``chars`` characters from a small stream."""
    return pdf_bytes(b"BT /F1 1 Tf 0 700 Td (" + b"A" * chars + b") Tj ET")


def pdf_form_bomb(form_chars: int, uses: int) -> bytes:
    """A page that draws one small form (``form_chars`` characters) ``uses``
    times: few bytes, many characters."""
    form_content = b"BT /F1 1 Tf 0 0 Td (" + b"B" * form_chars + b") Tj ET"
    form = (b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "
            b"/Length " + str(len(form_content)).encode() + b" >>\nstream\n" + form_content + b"\nendstream")
    page = b"q " + b"/X1 Do " * uses + b"Q"
    return pdf_bytes(page, extra_objects=(form,), xobjects=b"/XObject << /X1 6 0 R >> ")


def pdf_broken_stream() -> bytes:
    """A PDF whose only content stream claims FlateDecode but is not zlib data."""
    return pdf_bytes(b"", raw=b"\x00\x01this is not zlib data at all\xff" * 8)
