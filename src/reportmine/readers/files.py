"""Opening input files: the coded error of a path that cannot be read.

``os.stat`` tells a missing file (E001) from a symlink loop (E009), a broken
link (E010) and a file we may not read (E013); a FIFO, socket or device is
refused before it is opened (E012: reading a FIFO would wait forever).
"""

from __future__ import annotations

import errno
import os
import stat

from ..errors import ReaderError

_KINDS = ((stat.S_ISFIFO, "命名管道"), (stat.S_ISSOCK, "套接字"), (stat.S_ISCHR, "字符设备"),
          (stat.S_ISBLK, "块设备"), (stat.S_ISDIR, "文件夹"))


def kind_of(mode: int) -> str | None:
    """The Chinese name of a file type that is not a regular file, else None."""
    return next((name for test, name in _KINDS if test(mode)), None)


def stat_error(path: str, exc: OSError) -> ReaderError:
    """The coded error for a failed os.stat/open of a file."""
    if exc.errno == errno.ELOOP:
        return ReaderError("E009", path=path)
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        broken = os.path.islink(path)
        return ReaderError("E010" if broken else "E001", path=path)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return ReaderError("E013", path=path)
    return ReaderError("E008", path=path, reason=exc.strerror or type(exc).__name__)


def open_regular(path: str):
    """Open a regular file for reading, or raise its coded error."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise stat_error(path, exc) from None
    if stat.S_ISDIR(mode):
        raise ReaderError("E008", path=path, reason="这是一个目录")
    kind = kind_of(mode)
    if kind is not None:
        raise ReaderError("E012", path=path, kind=kind)
    try:
        return open(path, "rb")
    except OSError as exc:
        raise stat_error(path, exc) from None
