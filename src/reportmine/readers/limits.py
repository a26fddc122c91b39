"""How much a reader may unpack and parse (``data/limits.yaml``).

A reader checks what it unpacks against a :class:`Limits` and raises
:class:`LimitExceeded` beyond it; the format's reader turns that into its
coded error (E102 .docx, E205 PDF).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache


_SECTIONS = {"docx": ("members", "member_bytes", "xml_bytes", "total_bytes"),
             "pdf": ("pages", "page_chars", "total_chars", "stream_bytes", "total_stream_bytes")}

# Chinese names of the limits, for messages
LABELS = {
    "docx.members": "压缩包内的条目数", "docx.member_bytes": "单个部件解压后的字节数",
    "docx.xml_bytes": "XML 部件解压后的总字节数", "docx.total_bytes": "全部部件解压后的总字节数",
    "pdf.pages": "页数", "pdf.page_chars": "单页字符数", "pdf.total_chars": "全文字符数",
    "pdf.stream_bytes": "单个数据流解压后的字节数", "pdf.total_stream_bytes": "数据流解压后的总字节数",
}


@dataclass(frozen=True)
class Limits:
    docx_members: int
    docx_member_bytes: int
    docx_xml_bytes: int
    docx_total_bytes: int
    pdf_pages: int
    pdf_page_chars: int
    pdf_total_chars: int
    pdf_stream_bytes: int
    pdf_total_stream_bytes: int

    def replace(self, **changes) -> "Limits":
        from dataclasses import replace

        return replace(self, **changes)


class LimitExceeded(Exception):
    """A reading limit was passed: ``name`` (e.g. "pdf.page_chars"), the value
    met (None when counting stopped at the limit) and the limit."""

    def __init__(self, name: str, limit: int, value: int | None = None):
        super().__init__(f"{name}: {value if value is not None else '>' + str(limit)} > {limit}")
        self.name, self.value, self.limit = name, value, limit

    @property
    def details(self) -> dict:
        value = str(self.value) if self.value is not None else f">{self.limit}"
        return {"what": LABELS.get(self.name, self.name), "value": value, "limit": self.limit}


def parse_limits(data, where: str = "limits.yaml") -> Limits:
    from ..resources import DataFileError, require

    require(data, ("schema", *_SECTIONS), where)
    if data["schema"] != "reportmine-limits/1":
        raise DataFileError(f"{where}: unknown schema {data['schema']!r}")
    values = {}
    for section, keys in _SECTIONS.items():
        require(data[section], keys, f"{where}: {section}")
        unknown = set(data[section]) - set(keys)
        if unknown:
            raise DataFileError(f"{where}: {section}: unknown keys {sorted(unknown)}")
        for key in keys:
            value = data[section][key]
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise DataFileError(f"{where}: {section}.{key} must be a positive integer, got {value!r}")
            values[f"{section}_{key}"] = value
    assert set(values) == {f.name for f in fields(Limits)}
    return Limits(**values)


@lru_cache(maxsize=1)
def default_limits() -> Limits:
    """The shipped limits (data/limits.yaml), read once per process."""
    from ..resources import load_yaml

    return parse_limits(load_yaml("limits.yaml"))
