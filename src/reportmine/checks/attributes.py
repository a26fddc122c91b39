"""Parts that describe one population along different attributes.

    全镇有党员1260名，其中女党员315名，少数民族党员86名，大专以上学历党员420名。

Such a 其中 list names subsets that overlap (a woman may hold a degree), so
its parts need not add up to the total, however near they come. The
attributes and the words that name a value of each are data
(`attribute_dimensions` in checks.yaml); parts whose labels name values of
two attributes or more are such a list.
"""

from __future__ import annotations

from functools import lru_cache

from ..claims.clauses import clause_start
from ..document import Quantity
from ..resources import load_yaml


@lru_cache(maxsize=1)
def dimensions() -> dict[str, tuple[str, ...]]:
    data = load_yaml("checks.yaml")["attribute_dimensions"]
    if not isinstance(data, dict) or not data or not all(isinstance(v, list) and v for v in data.values()):
        raise ValueError("checks.yaml: attribute_dimensions 应为“属性: [词, …]”的非空映射")
    return {str(k): tuple(str(w) for w in v) for k, v in data.items()}


_LABEL_CHARS = 24      # how much of a part's clause before it names its stage


@lru_cache(maxsize=1)
def nested_stages() -> tuple[tuple[str, str], ...]:
    data = load_yaml("checks.yaml")["nested_stages"]
    if not isinstance(data, list) or not data or not all(isinstance(p, list) and len(p) == 2 for p in data):
        raise ValueError("checks.yaml: nested_stages 应为“[先的阶段, 后的阶段]”的非空列表")
    return tuple((str(a), str(b)) for a, b in data)


def nested(text: str, parts: list[Quantity]) -> bool:
    """已开工建设项目14个，6个项目建成投产: one part counts what reached an early
    stage (开工, never 未开工), another what reached a later one (投产) — the later
    are among the earlier, so the parts overlap."""
    labels = []
    for p in parts:
        cs = max(clause_start(text, p.start), p.start - _LABEL_CHARS)     # (a line of numbers: read a few words)
        end = next((i for i in range(p.end, min(len(text), p.end + 12)) if text[i] in "，,；;。\n"), p.end + 12)
        labels.append(text[cs:p.start] + "|" + text[p.end:end])
    for early, late in nested_stages():
        if any(early in l and f"未{early}" not in l for l in labels) and any(late in l for l in labels) \
                and not all(early in l and late in l for l in labels):
            return True
    return False


def across_attributes(text: str, parts: list[Quantity]) -> bool:
    """Whether the parts' labels (their clause before the number) tell them
    apart by two attributes or more (an attribute every label names alike,
    党员 in 女党员 and 男党员, tells nothing apart), or name nested stages
    of one course (开工, then 投产: `nested_stages`)."""
    if len(parts) >= 2 and nested(text, parts):
        return True
    named, prev_end = [], -1
    for p in parts:
        # (its own label: from the part before it when that stands in its clause,
        # 其中女性7名、大专及以上学历11名: 大专及以上学历 alone)
        label = text[max(clause_start(text, p.start), prev_end):p.start]
        prev_end = p.end
        named.append({dim for dim, words in dimensions().items() if any(w in label for w in words)})
    if not named:
        return False
    return len(set.union(*named) - set.intersection(*named)) >= 2
