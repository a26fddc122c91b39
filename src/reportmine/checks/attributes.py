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


def across_attributes(text: str, parts: list[Quantity]) -> bool:
    """Whether the parts' labels (their clause before the number) tell them
    apart by two attributes or more (an attribute every label names alike,
    党员 in 女党员 and 男党员, tells nothing apart)."""
    named = []
    for p in parts:
        label = text[clause_start(text, p.start):p.start]
        named.append({dim for dim, words in dimensions().items() if any(w in label for w in words)})
    if not named:
        return False
    return len(set.union(*named) - set.intersection(*named)) >= 2
