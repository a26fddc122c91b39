"""Plain text reader.

The canonical text is the decoded content exactly: no newline, width or
punctuation changes, U+FFFD kept. Only a byte-order mark is dropped, since it
is not content. Every non-empty line becomes a paragraph block; the structure
stage later marks headings.
"""

from __future__ import annotations

import codecs

from ..document import Block, Document
from ..errors import ReaderError, warning

# (BOM, codec name reported, codec used to decode without the BOM)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# tried in order when there is no BOM and the bytes are not UTF-8
_LEGACY = ("gb18030", "big5")
# a file whose bytes are mostly valid in one encoding keeps it, with a warning
_MAX_BAD_SHARE = 0.002


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str, list]:
    """Return (text, encoding, warnings) or raise ReaderError E007."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            codec = "utf-8" if name == "utf-8-sig" else name
            try:
                return body.decode(codec), name, []
            except UnicodeDecodeError:
                text = body.decode(codec, errors="replace")
                bad = text.count("\ufffd") - body.decode(codec, errors="ignore").count("\ufffd")
                return text, name, [warning("W001", count=bad, encoding=name)]
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    if _utf16_without_bom(data):
        codec = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        try:
            return data.decode(codec), codec, [warning("W002", encoding=codec)]
        except UnicodeDecodeError:
            pass
    decoded = []
    for codec in _LEGACY:
        try:
            decoded.append((codec, data.decode(codec)))
        except UnicodeDecodeError:
            continue
    if len(decoded) == 1:
        return decoded[0][1], decoded[0][0], []
    if len(decoded) > 1:
        codec, text = _best_guess(data, decoded)
        return text, codec, []
    # nothing decodes strictly: keep the encoding with the fewest bad bytes
    best = None
    for codec in ("utf-8",) + _LEGACY:
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd") - data.count("\xef\xbf\xbd".encode("latin-1"))
        if best is None or bad < best[2]:
            best = (codec, text, bad)
    codec, text, bad = best
    if bad <= max(1, len(data) * _MAX_BAD_SHARE):
        return text, codec, [warning("W001", count=bad, encoding=codec)]
    raise ReaderError("E007", path=path)


def _utf16_without_bom(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return False
    half = len(sample) // 2
    return max(sample[0::2].count(0), sample[1::2].count(0)) > 0.3 * half


def _best_guess(data: bytes, decoded: list[tuple[str, str]]) -> tuple[str, str]:
    """Both GB18030 and Big5 decode: let charset-normalizer judge; else GB18030."""
    try:
        from charset_normalizer import from_bytes

        match = from_bytes(data, cp_isolation=[c for c, _ in decoded]).best()
    except Exception:  # noqa: BLE001 - the judge is optional
        match = None
    if match is not None:
        wanted = match.encoding.replace("_", "").replace("-", "").lower()
        for codec, text in decoded:
            if codec.replace("-", "") == wanted:
                return codec, text
    return decoded[0]


def line_blocks(text: str, page: int | None = None, offset: int = 0) -> list[Block]:
    """One paragraph block per non-blank line (offsets exclude the newline)."""
    blocks = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        line_end = end - 1 if end > pos and text[end - 1] == "\r" else end
        seg = text[pos:line_end]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg.rstrip())
            blocks.append(Block(offset + pos + lead, offset + pos + trail, "paragraph", page))
        if nl < 0:
            break
        pos = nl + 1
    return blocks


def read(data: bytes, path: str) -> Document:
    text, encoding, warnings = decode(data, path)
    doc = Document(id="", path=path, format="txt", text=text, encoding=encoding)
    doc.warnings.extend(warnings)
    doc.blocks = line_blocks(text)
    return doc
