"""Structure ratios: 三次产业结构比重为15.9:26.7:57.4 are shares of one whole
and add up to 100 within the rounding of the written numbers (R309).

A run of two or more numbers joined by colons right after a structure word
(`structure_ratio`) is read; a run whose sum is not 100 within the rounding
of its numbers (half a unit in the last written place of each) is flagged
when it is a near miss of 100 (`near_miss_share`): parts far from 100 are a
ratio of two amounts (男女比例为1:1.05, 按1:1配套), not shares of a whole.
"""

from __future__ import annotations

from ..document import Document, Quantity
from .arithmetic import tolerance


def check_structure(doc: Document, found, cfg) -> None:
    text = doc.text
    for start, end in doc.content_spans():
        for m in cfg.structure_ratio.finditer(text, start, end):
            parts = [_share(text, a, b) for a, b in _numbers(m)]
            if len(parts) < 2:
                continue
            total = sum(q.value for q in parts)
            slack = sum(tolerance(q) for q in parts) * 100 + 1e-9
            arithmetic = " + ".join(q.text for q in parts) + f" = {total:.{_places(parts)}f}"
            if abs(total - 100) <= slack:
                found.verify("share", arithmetic + "，结构比之和为100", parts, parts[-1])
            elif parts[-1].start not in found.judged and abs(total - 100) <= cfg.near_miss_share * 100:
                found.flag("share", parts[-1], arithmetic + f"（按所报精度允许偏离{slack:.2g}），应为100",
                           parts[:-1], span=(parts[0].start, parts[-1].end), tail="")


def _numbers(m) -> list[tuple[int, int]]:
    return [(a, b) for a, b in m.spans("n")]


def _share(text: str, a: int, b: int) -> Quantity:
    value = float(text[a:b])
    return Quantity(a, b, text[a:b], value, "%", value / 100, "ratio", role="actual")


def _places(parts: list[Quantity]) -> int:
    return max((len(q.text.split(".")[1]) if "." in q.text else 0) for q in parts)
