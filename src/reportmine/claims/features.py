"""Features of a quantity for the role model: what the rules say, its unit,
the words around it in its clause, its section heading, its table header and
its place in a 分别/依次 list.

Features are strings (``"L2:增长"`` = the two characters right before the
quantity are 增长); the model (model.py) keeps a weight per string and role.
The context is read in a normalized view of the text (``view``): pinyin
glosses dropped (目標(biāo) -> 目標) and traditional characters mapped to
simplified ones, so 完成目標任務 reads like 完成目标任务.
"""

from __future__ import annotations

import bisect

from ..document import Document, Quantity
from .clauses import boundaries
from .cues import Cues, before_cues, cues
from .roles import role_cue
from .normalized import GLOSS, View
from .script import simplified

LEFT_CHARS = 12       # context window before the quantity, inside its clause
RIGHT_CHARS = 8       # after it
UNDECIDED = "cue:none"   # no rule cue before or after the quantity
SENTENCE_CHARS = 16   # the clauses before it in its sentence (bag of bigrams)
# a window of the view as the features read it: no spaces, every digit 0
_FLAT = {ord(c): None for c in " \t\r\n\u3000\xa0"}
_FLAT.update({ord(c): "0" for c in "0123456789０１２３４５６７８９"})


def view(s: str) -> str:
    """The text the features read: no pinyin glosses, simplified script, digits as 0."""
    return simplified(GLOSS.sub("", s)).translate(_FLAT)


def _grams(prefix: str, s: str, sizes=(1, 2, 3)) -> list[str]:
    out = []
    for n in sizes:
        out += [f"{prefix}{n}:{s[i:i + n]}" for i in range(len(s) - n + 1)]
    return out


def _affixes(prefix: str, s: str, tail: bool, sizes=(1, 2, 3, 4)) -> list[str]:
    """The characters touching the quantity: L2:增长 (left), R2:的任 (right)."""
    return [f"{prefix}{n}:{s[-n:] if tail else s[:n]}" for n in sizes if len(s) >= n]


def _value_features(q: Quantity) -> list[str]:
    out = [f"u:{q.unit}", f"nu:{q.norm_unit}", f"ap:{q.approx}"]
    v = q.value
    if v is None:
        return out + ["v:none"]
    if v < 0:
        out.append("v:neg")
    if q.norm_unit in ("ratio", None) and v is not None:
        out.append("v:pct>100" if v > 100 else "v:pct<=100")
    if float(v).is_integer():
        out.append("v:int")
    out.append(f"v:mag{min(len(str(int(abs(v)))), 6)}")
    return out


class _Tables:
    """Which table cell a position is in, its column header and its row label."""

    def __init__(self, doc: Document):
        cells = sorted((b.start, b.end, b) for b in doc.blocks if b.kind == "table_cell")
        self.cells = cells
        self.starts = [c[0] for c in cells]
        self.grid = {(b.table, b.row, b.col): b for _, _, b in cells}

    def cell(self, pos: int):
        i = bisect.bisect_right(self.starts, pos) - 1
        if i < 0 or not (self.cells[i][0] <= pos < max(self.cells[i][1], self.cells[i][0] + 1)):
            return None
        return self.cells[i][2]


def _table_features(doc: Document, tables: _Tables, q: Quantity) -> list[str]:
    cell = tables.cell(q.start) if tables.cells else None
    if cell is None:
        return ["tab:no"]
    out = ["tab:yes", f"tab:row0={cell.row == 0}", f"tab:col0={cell.col == 0}"]
    header = tables.grid.get((cell.table, 0, cell.col))
    if header is not None and header is not cell:
        out += _grams("TH", view(doc.text[header.start:header.end])[:16], (1, 2))
    label = tables.grid.get((cell.table, cell.row, 0))
    if label is not None and label is not cell:
        out += _grams("TR", view(doc.text[label.start:label.end])[-12:], (2,))
    return out


class _Sections:
    """The innermost section heading over a position (positions asked in order)."""

    def __init__(self, doc: Document):
        self.sections = sorted(doc.sections, key=lambda s: s.start)
        self.starts = [s.start for s in self.sections]

    def title(self, pos: int) -> str | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        # the nearest heading before pos that still governs it (nested ones end first)
        while i >= 0:
            s = self.sections[i]
            if s.start <= pos < s.end:
                return s.title
            if s.parent is None:
                return None
            i = s.parent if s.parent < i else i - 1
        return None


def _list_positions(quantities: list[Quantity]) -> dict[int, str]:
    groups: dict[int, list[int]] = {}
    for i, q in enumerate(quantities):
        if q.group is not None:
            groups.setdefault(q.group, []).append(i)
    out = {}
    for members in groups.values():
        for k, i in enumerate(members):
            out[i] = "first" if k == 0 else "last" if k == len(members) - 1 else "mid"
    return out


def _neighbour_features(text: str, quantities: list[Quantity], i: int, cs: int, ce: int) -> list[str]:
    q, out = quantities[i], []
    if i > 0 and quantities[i - 1].end >= cs:
        p = quantities[i - 1]
        gap = view(text[p.end:q.start])
        out += [f"prev:{p.role}", f"prevgap:{gap[-3:]}" if len(gap) <= 6 else "prevgap:long",
                f"prevnu:{p.norm_unit}"]
    else:
        out.append("prev:none")
    if i + 1 < len(quantities) and quantities[i + 1].start < ce:
        n = quantities[i + 1]
        gap = view(text[q.end:n.start])
        out += [f"nextgap:{gap[:3]}" if len(gap) <= 6 else "nextgap:long", f"nextnu:{n.norm_unit}"]
    else:
        out.append("next:none")
    return out


def _cue_features(c: Cues, text: str, q: Quantity, cs: int, ce: int) -> list[str]:
    """Which rule cue decided the rule role, how near it is, and its words."""
    role, first, last = role_cue(c, text, cs, q.start, q.end, ce)
    after = c.after.match(text, q.end, ce)
    if after:
        return [f"cue:after:{after.lastgroup}", f"cuew:{view(after.group())[:6]}"]
    if first is None:
        return [UNDECIDED]
    gap = q.start - last
    near = "0" if gap <= 0 else "1-3" if gap <= 3 else "4-8" if gap <= 8 else "far"
    out = [f"cue:{role}", f"cue:{role}|{near}"]
    best = None
    # searched up to the quantity's end, as role_cue does: a cue's lookahead
    # sees the number it stands before (完成省目标任务113.4%); only cues that
    # end before the quantity count
    for m in before_cues(c).finditer(text, cs, q.end, overlapped=True):
        if m.end() == last and m.end() <= q.start and (best is None or m.end() - m.start() > len(best)):
            best = m.group()
    if best:
        out.append(f"cuew:{view(best)[-6:]}")
    return out


def quantity_features(doc: Document, text_view: View | None = None) -> list[list[str]]:
    """One list of feature strings per quantity of ``doc`` (in order); reads
    the rule role already set on each quantity."""
    text, quantities = doc.text, doc.quantities
    tv = text_view or View(text)
    vt = tv.text

    def window(a: int, b: int) -> str:
        return vt[tv.norm(a):tv.norm(b)].translate(_FLAT)

    tables, c, sections, bounds = _Tables(doc), cues(), _Sections(doc), boundaries(text, len(quantities))
    listed = _list_positions(quantities)
    out = []
    for i, q in enumerate(quantities):
        cs, ce = bounds.clause_start(q.start), bounds.clause_end(q.end)
        ss = bounds.sentence_start(q.start)
        left = window(max(cs, q.start - 3 * LEFT_CHARS), q.start)[-LEFT_CHARS:]
        right = window(q.end, min(ce, q.end + 3 * RIGHT_CHARS))[:RIGHT_CHARS]
        before = window(max(ss, q.start - SENTENCE_CHARS), max(ss, cs))
        f = ["bias", f"rule:{q.role}", f"rule_nu:{q.role}|{q.norm_unit}"]
        f += _value_features(q)
        f += _cue_features(c, text, q, cs, ce)
        f += _affixes("L", left, tail=True) + _affixes("R", right, tail=False)
        f += _grams("LC", left, (2, 3)) + _grams("RC", right, (1, 2))
        f += _grams("S", before, (2,))
        f.append("clause_start" if not left else "clause_mid")
        title = sections.title(q.start)
        if title:
            f += _grams("H", view(title)[:10], (2,))
        f += _table_features(doc, tables, q)
        f += [f"list:{listed[i]}", "list:yes"] if i in listed else ["list:no"]
        f += _neighbour_features(text, quantities, i, cs, ce)
        out.append(list(set(f)))
    return out
