"""Tell a file's format from its first bytes, with the suffix as a hint."""

from __future__ import annotations

import io
import os
import zipfile

from ..errors import ReaderError

_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def _suffix(path: str) -> str:
    name = os.path.basename(path)
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def detect_format(data: bytes, path: str) -> str:
    """Return "txt", "docx" or "pdf", or raise ReaderError with a code."""
    suffix = _suffix(path)
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError, EOFError) as exc:
            if suffix == "docx":
                raise ReaderError("E101", path=path, reason=f"zip 结构损坏：{exc}") from exc
            raise ReaderError("E004", path=path, kind="损坏的 zip 压缩包") from exc
        if "word/document.xml" in names:
            return "docx"
        if suffix == "docx":
            raise ReaderError("E101", path=path, reason="缺少 word/document.xml")
        kind = "Excel 工作簿" if "xl/workbook.xml" in names else "zip 压缩包"
        raise ReaderError("E004", path=path, kind=kind)
    if head.startswith(_OLE2):
        if suffix in ("doc", "wps", "dot", ""):
            raise ReaderError("E005", path=path)
        raise ReaderError("E004", path=path, kind="Office 97-2003 二进制文件")
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        raise ReaderError("E006", path=path)
    for magic, _name in _IMAGES:
        if head.startswith(magic):
            raise ReaderError("E006", path=path)
    if head.startswith(b"{\\rtf"):
        raise ReaderError("E004", path=path, kind="RTF 富文本")
    if suffix == "pdf":
        raise ReaderError("E201", path=path, reason="文件头不是 %PDF")
    if suffix == "docx":
        raise ReaderError("E101", path=path, reason="不是 zip 格式")
    if suffix == "doc":
        raise ReaderError("E005", path=path)
    if _looks_binary(data):
        raise ReaderError("E004", path=path, kind="二进制数据")
    return "txt"


_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes, unless a UTF-16/32 BOM explains them."""
    if data.startswith(_BOMS):
        return False
    sample = data[:65536]
    if b"\x00" in sample:
        # UTF-16 without BOM: NULs at every other position of ASCII text
        even = sample[0::2].count(0)
        odd = sample[1::2].count(0)
        half = len(sample) // 2 or 1
        if max(even, odd) / half > 0.3 and min(even, odd) / half < 0.05:
            return False
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    return controls > max(8, len(sample) // 100)
