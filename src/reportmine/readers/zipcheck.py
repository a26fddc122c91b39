"""Refuse a zip archive (a .docx) that unpacks beyond the reading limits.

Two checks before any part is parsed: the sizes the archive declares, and
the bytes it really inflates to, counted while streaming each member in
chunks and stopped at the limit. Declared sizes can lie: each member is
inflated as if it declared more than the limit, so a member that claims 1 KB
and holds 500 MB is refused too. Nothing is kept, so memory stays at one chunk. XML parts (what lxml parses) have their own,
smaller total.
"""

from __future__ import annotations

import copy
import zipfile

from .limits import LimitExceeded, Limits

_CHUNK = 1 << 20
_XML_SUFFIXES = (".xml", ".rels", ".vml")


def _is_xml(name: str) -> bool:
    return name.lower().endswith(_XML_SUFFIXES)


def check_declared(infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > limits.docx_members:
        raise LimitExceeded("docx.members", limits.docx_members, len(infos))
    for info in infos:
        if info.file_size > limits.docx_member_bytes:
            raise LimitExceeded("docx.member_bytes", limits.docx_member_bytes, info.file_size)
    xml = sum(i.file_size for i in infos if _is_xml(i.filename))
    if xml > limits.docx_xml_bytes:
        raise LimitExceeded("docx.xml_bytes", limits.docx_xml_bytes, xml)
    total = sum(i.file_size for i in infos)
    if total > limits.docx_total_bytes:
        raise LimitExceeded("docx.total_bytes", limits.docx_total_bytes, total)


class _Tally:
    def __init__(self, limits: Limits):
        self.limits, self.xml, self.total = limits, 0, 0

    def add(self, n: int, member: int, xml: bool) -> None:
        limits = self.limits
        self.total += n
        self.xml += n if xml else 0
        if member > limits.docx_member_bytes:
            raise LimitExceeded("docx.member_bytes", limits.docx_member_bytes)
        if self.xml > limits.docx_xml_bytes:
            raise LimitExceeded("docx.xml_bytes", limits.docx_xml_bytes)
        if self.total > limits.docx_total_bytes:
            raise LimitExceeded("docx.total_bytes", limits.docx_total_bytes)


def check_inflated(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    tally = _Tally(limits)
    for info in infos:
        if info.is_dir():
            continue
        xml, member = _is_xml(info.filename), 0
        with zf.open(_unbounded(info, limits.docx_member_bytes)) as stream:
            while chunk := stream.read(_CHUNK):
                member += len(chunk)
                tally.add(len(chunk), member, xml)


def _unbounded(info: zipfile.ZipInfo, limit: int) -> zipfile.ZipInfo:
    """A copy of ``info`` declaring more than ``limit`` bytes: zipfile stops
    inflating at the declared size, so the real size shows only this way."""
    real = copy.copy(info)
    real.file_size = max(info.file_size, limit + 1)
    return real


def check_zip(zf: zipfile.ZipFile, limits: Limits) -> None:
    """Raise LimitExceeded when the archive declares or inflates beyond ``limits``."""
    infos = zf.infolist()
    check_declared(infos, limits)
    check_inflated(zf, infos, limits)
