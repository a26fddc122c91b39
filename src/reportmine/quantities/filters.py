"""Numbers that look like quantities but are not, decided after matching.

- inside a cited title (``《关于印发…15件为民办实事任务分解表》``) a number is
  part of a name;
- ``×100%`` turns a ratio into a percentage in a formula, it measures nothing;
- a count right after 上述 / 前述 (``上述2项指标``) refers back to items
  already counted.
"""

from __future__ import annotations

import bisect
import re

from ..document import Quantity
from .lexicon import Lexicon

_TITLE = re.compile(r"《[^《》\n]{1,80}》")


def drop_names_and_references(text: str, found: list[Quantity], lo: int, hi: int,
                              lex: Lexicon) -> list[Quantity]:
    titles = [(m.start(), m.end()) for m in _TITLE.finditer(text, lo, hi)] if text.find("《", lo, hi) >= 0 else []
    starts = [s for s, _ in titles]
    return [q for q in found if not (_in_title(q, titles, starts) or _percent_conversion(text, q)
                                      or _reference(text, q, lex))]


def _in_title(q: Quantity, titles: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect.bisect_left(starts, q.start) - 1
    return i >= 0 and q.end < titles[i][1]


def _percent_conversion(text: str, q: Quantity) -> bool:
    return q.norm_unit == "ratio" and q.value == 100 and q.start > 0 and text[q.start - 1] in "×*"


def _reference(text: str, q: Quantity, lex: Lexicon) -> bool:
    head = text[max(0, q.start - 3):q.start]
    return head.endswith(lex.reference_before) or _label(text, q, lex)


def _label(text: str, q: Quantity, lex: Lexicon) -> bool:
    """见表1, 如图3所示, 附件2, 表1 opening a line: the number names a table, a
    figure or an attachment (GUIDE.md: names are not quantities)."""
    head = text[max(0, q.start - 3):q.start]
    opens_line = head[-1:] in ("表", "图", "圖") and (q.start < 2 or text[q.start - 2] in "\n \t\u3000")
    if not (head.endswith(lex.label_before) or opens_line):
        return False
    return not q.unit or text.startswith("所示", q.end - len(q.unit))
