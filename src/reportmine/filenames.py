"""File names as people see them.

On Linux a file name is bytes; Python gives a name that is not valid UTF-8
back as a str holding surrogate escapes (``os.fsdecode``). Such a str opens
the file, but cannot be written to JSON, CSV, a database or a web page.
:func:`display_path` is the name to show and record: valid UTF-8 kept as is,
else the bytes decoded as GB18030 (Chinese names written on Windows), else
UTF-8 with U+FFFD for the bytes that do not decode.
"""

from __future__ import annotations

import os


def _raw_bytes(text: str) -> bytes:
    try:
        return os.fsencode(text)
    except UnicodeEncodeError:          # a lone surrogate that is no escaped byte
        return text.encode("utf-8", "surrogatepass")


def display_path(path: str | bytes | os.PathLike) -> str:
    """A valid-UTF-8 form of ``path`` for messages and outputs (never for opening)."""
    text = os.fsdecode(path) if isinstance(path, bytes) else os.fspath(path)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    raw = _raw_bytes(text)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


def base_name(path: str | os.PathLike) -> str:
    """The file name of ``path`` as this system splits paths (a backslash is
    part of a POSIX name, a separator on Windows), in display form."""
    return display_path(os.path.basename(os.fspath(path)))
