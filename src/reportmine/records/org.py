"""The reporting unit (org) of a document or article: the first org name in
its title, else its first lines, else the file name (data/records.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..document import Document
from ..resources import DataFileError, compile_pattern, load_yaml, require


@dataclass(frozen=True)
class OrgRules:
    pattern: "regex.Pattern"
    head_lines: int
    head_chars: int
    baseline: "regex.Pattern"


@lru_cache(maxsize=1)
def rules() -> OrgRules:
    data = load_yaml("records.yaml")
    require(data, ("org", "baseline_periods"), "records.yaml")
    org = data["org"]
    require(org, ("suffixes", "not_start", "chain_stop", "min_name", "head_lines", "head_chars"), "records.yaml: org")
    if not all(isinstance(s, str) and s for s in org["suffixes"] + org["not_start"]):
        raise DataFileError("records.yaml: org.suffixes and org.not_start must be non-empty strings")
    suffixes = "|".join(regex.escape(s) for s in sorted(org["suffixes"], key=len, reverse=True))
    single = [s for s in org["suffixes"] if len(s) == 1]     # 局对照…: a suffix starts no name
    first = "".join(regex.escape(s) for s in org["not_start"] + single)
    name = rf"[^\P{{Han}}{first}]\p{{Han}}{{{int(org['min_name']) - 1},8}}?(?:{suffixes})"
    stop = "".join(regex.escape(s) for s in org["chain_stop"])
    rest = rf"(?:[^\P{{Han}}{stop}]{{0,10}}?(?:{suffixes}))"
    pattern = compile_pattern(rf"{name}{rest}{{0,3}}", "records.yaml: org")
    return OrgRules(pattern, int(org["head_lines"]), int(org["head_chars"]),
                    compile_pattern(data["baseline_periods"], "records.yaml: baseline_periods"))


def find_org(text: str) -> str | None:
    m = rules().pattern.search(text)
    return m.group() if m else None


def document_orgs(doc: Document) -> dict[int | None, str | None]:
    """org per article index (None: text outside any article); the file name last."""
    from_name = find_org(doc.name.rsplit(".", 1)[0])
    out: dict[int | None, str | None] = {None: _from_head(doc, 0, len(doc.text)) or from_name}
    for a in doc.articles:
        out[a.index] = (find_org(a.title or "") or _from_head(doc, a.title_end, a.end)
                        or out[None])
    return out


def _from_head(doc: Document, start: int, end: int) -> str | None:
    r, pos, lines = rules(), start, 0
    limit = min(end, start + r.head_chars)
    while pos < limit and lines < r.head_lines:
        nl = doc.text.find("\n", pos, limit)
        stop = limit if nl < 0 else nl
        line = doc.text[pos:stop]
        if _title_like(line) and not doc.is_boilerplate(pos + len(line) - len(line.lstrip())):
            lines += 1
            found = find_org(line)
            if found:
                return found
        pos = stop + 1
    return None


def _title_like(line: str) -> bool:
    """A heading line, not a sentence of the body (我局对照年初与县委…)."""
    line = line.strip()
    return 0 < len(line) <= rules().head_chars // 3 and not any(ch in line for ch in "。，；,;")
