"""Named identities between rates of one paragraph (checks.yaml `identities`):
人口自然增长率 = 出生率 − 死亡率. A rate named as an identity's result is
judged against the latest rates named as its terms before it in its
paragraph (the same unit), as a difference within one sentence is: verified
within the written rounding, flagged when a near miss or one mistyped digit
explains the gap."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..document import Quantity
from ..resources import DataFileError, load_yaml, require, word_list
from . import arithmetic as ar
from .neighbourhood import Index, compatible, paragraph_bounds
from .typos import difference_typos


@dataclass(frozen=True)
class Identity:
    result: tuple[str, ...]     # endings of the result's name (自然增长率)
    minuend: tuple[str, ...]    # endings of the first term's name (出生率)
    subtrahend: tuple[str, ...]  # endings of the second term's name (死亡率)


@lru_cache(maxsize=1)
def identities() -> tuple[Identity, ...]:
    where = "checks.yaml: identities"
    data = load_yaml("checks.yaml").get("identities")
    if not isinstance(data, list) or not data:
        raise DataFileError(f"{where} 应为非空列表")
    out = []
    for i, entry in enumerate(data):
        if not isinstance(entry, dict):
            raise DataFileError(f"{where}[{i}] 应为 result / minuend / subtrahend")
        require(entry, ("result", "minuend", "subtrahend"), f"{where}[{i}]")
        out.append(Identity(*(word_list(entry, k, f"{where}[{i}]") for k in ("result", "minuend", "subtrahend"))))
    return tuple(out)


def check_identities(index: Index, found, cfg) -> None:
    text = index.text
    rules = identities()
    for q in index.qs:
        name = q.indicator or ""
        rule = next((r for r in rules if name.endswith(r.result)), None)
        if rule is None or q.start in found.judged or q.norm_value is None or q.approx:
            continue
        lo = paragraph_bounds(text, q.start)[0]
        before = [p for p in index.between(lo, q.start) if compatible(p, q) and not p.approx]
        a = _last_named(before, rule.minuend)
        b = _last_named(before, rule.subtrahend)
        if a is None or b is None:
            continue
        computed = a.norm_value - b.norm_value
        tol = ar.tolerance(q) + ar.tolerance(a) + ar.tolerance(b)
        found.judge(q, computed, tol, [a, b], "difference", f"{a.text} − {b.text} = {_fmt(computed, q)}",
                    typos=lambda: difference_typos(q, a, b))


def _last_named(qs: list[Quantity], endings: tuple[str, ...]) -> Quantity | None:
    named = [p for p in qs if (p.indicator or "").endswith(endings)]
    return named[-1] if named else None


def _fmt(x: float, like: Quantity) -> str:
    if like.norm_unit == "ratio":
        per_mille = (like.unit or "").endswith("‰")
        return f"{x * (1000 if per_mille else 100):.2f}" + ("‰" if per_mille else "%")
    return f"{x:g}"
