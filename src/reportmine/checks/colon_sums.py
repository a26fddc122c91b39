"""A total followed by a colon and its parts.

    处理信访件86件：来信32件，来访41件，网上信访12件。

A count written right before a colon (nothing between the number and the
colon but its unit) opens a breakdown the way 其中 does: the amounts of its
unit that open the clauses after the colon are its parts, judged as after
其中 (sums.py: verified when the first k of them, or a few, add up within the
written rounding; flagged only when none do and the run of the sentence's
parts is a near miss). A colon after a heading or a name (主要指标：) has no
count right before it and opens nothing here.
"""

from __future__ import annotations

from .neighbourhood import Index, is_count
from .sums import _in_sentence, _is_part, _judge, _parts_after

_COLONS = ("：", ":")


def check_colon_sums(index: Index, found, cfg) -> None:
    text = index.text
    if "：" not in text and ":" not in text:
        return
    done = {s for v in found.verified if v["kind"] == "sum" for s in map(tuple, v["spans"])}
    for colon in _colon_positions(text):
        before = index.between(max(0, colon - 16), colon)
        if not before or before[-1].end != colon or text[colon + 1:colon + 2].isdigit():
            continue            # (0.4:14.9:84.8: a ratio, the colon between two numbers)
        total = before[-1]
        if not is_count(total) or total.approx or (total.start, total.end) in done or \
                not _is_part(text, total, max(0, total.start - 16), cfg) or total.start in found.judged:
            continue
        parts = _parts_after(index, total, colon + 1, cfg)
        if len(parts) >= 2:
            _judge(found, total, parts, cfg, _in_sentence(text, colon + 1, parts), listed=True)


def _colon_positions(text: str):
    for c in _COLONS:
        i = text.find(c)
        while i >= 0:
            yield i
            i = text.find(c, i + 1)
