"""Breakdowns written in parallel: several totals broken down at once, and a
total's change against the changes of its parts.

A sentence may state several measures of one subject and then, after 其中,
give the same measures for each part, the parts set apart by semicolons:

    全区发生事故40起，死亡7人，损失52万元。其中道路事故31起，死亡5人，损失30万元；
    火灾事故9起，死亡2人，损失22万元。

Each measure is a column: its total is one amount of the sentence before the
cue, its parts are the amounts in the segments after it (between semicolons,
up to the end of the sentence) matched by unit, and where several totals of
the sentence share a unit, also by the word right before the number (死亡 /
受伤). A total's change (比上年增收40万元) is a column too, its parts the
changes of the segments, each signed by its word (增 / 减).

A column with one part in every segment verifies when its parts add up to
its total (changes as signed sums). A full column that misses is flagged
only when another full column of the same segments adds up: the breakdown
is then shown to be meant, so any gap is a contradiction, not another
relation. A column that fills only some segments (无人伤亡) is never flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..claims.clauses import clause_start, sentence_start
from ..document import Quantity
from ..resources import load_yaml, require
from . import arithmetic as ar
from .neighbourhood import Index, is_count
from .sums import sum_cues


_NOT_AMOUNTS = frozenset({"target", "basic_target", "full_target"})


@dataclass(frozen=True)
class Cell:
    q: Quantity
    change: int         # 0 for an amount, +1 / -1 for a change by its word
    word: str           # the character right before the number (its measure)


@dataclass(frozen=True)
class ColumnWords:
    segment_marks: str
    segment_pattern: object
    column_links: str
    none_words: tuple
    none_reach: int
    zero_text: str
    rest_words: tuple


@lru_cache(maxsize=1)
def column_words() -> ColumnWords:
    data = load_yaml("checks.yaml")["sum_columns"]
    require(data, ("segment_marks", "column_links", "none_words", "none_reach", "zero_text", "rest_words"),
            "checks.yaml: sum_columns")
    marks = str(data["segment_marks"])
    return ColumnWords(marks, re.compile("[" + re.escape(marks) + "]"), str(data["column_links"]), tuple(data["none_words"]),
                       int(data["none_reach"]), str(data["zero_text"]), tuple(data["rest_words"]))


def check_sum_columns(index: Index, found, cfg) -> None:
    text, words = index.text, column_words()
    seen = {tuple(map(tuple, v["spans"])) for v in found.verified if v["kind"] == "sum"}
    for m in sum_cues(index, cfg):
        end = _sentence_end(text, m.end(), m.end() + cfg.parts_reach)
        if end < 0:
            continue
        if not _enough(index, m.start() - cfg.parts_reach, m.start(), m.end(), end):
            continue                # (a cheap look first: the totals' sentence is within reach)
        lo = _head_start(text, m.start(), cfg)
        if not _enough(index, lo, m.start(), m.end(), end):
            continue
        heads = _cells(index, lo, m.start(), cfg, words)
        if len(heads) < 2:
            continue
        segments = _segments(text, m.end(), end, words) or _led_segments(index, heads, m.end(), end, cfg, words)
        if len(segments) >= 2:
            parts = [_cells(index, a, b, cfg, words) for a, b in segments]
            _judge_columns(found, text, heads, parts, segments, seen, words)


def _enough(index: Index, lo: int, cue: int, start: int, end: int) -> bool:
    """Two totals before the cue and three numbers after it (a column of two
    parts beside another column) at least: else no columns to compare."""
    return len(index.between(lo, cue)) >= 2 and len(index.between(start, end)) >= 3


def _sentence_end(text: str, start: int, limit: int) -> int:
    ends = [i for i in (text.find("。", start, limit), text.find("\n", start, limit)) if i >= 0]
    return min(ends) if ends else -1


def _head_start(text: str, cue: int, cfg) -> int:
    """Where the totals may start: the cue's sentence, or the one before it when
    the cue opens its sentence (…下降4.2%。其中：…)."""
    lo = sentence_start(text, cue)
    if not text[lo:cue].strip(" \t:：，,"):
        lo = sentence_start(text, max(lo - 1, 0))
    return max(lo, cue - cfg.parts_reach)


def _segments(text: str, start: int, end: int, words) -> list[tuple[int, int]]:
    """The stretches between semicolons from the cue to the sentence's end
    (none when there is no semicolon)."""
    out, a = [], start
    for m in words.segment_pattern.finditer(text, start, end):
        out.append((a, m.start()))
        a = m.end()
    out.append((a, end))
    out = [s for s in out if s[1] > s[0]]
    return out if len(out) >= 2 else []


def _led_segments(index: Index, heads: list[Cell], start: int, end: int, cfg, words) -> list[tuple[int, int]]:
    """Parts set apart by commas only (税收收入300万元，比上年增收30万元，非税收入…):
    each part opens with the measure of the first total (an amount), and its
    segment runs to the clause where the next part opens."""
    lead = next((h for h in heads if not h.change), None)
    key = _key(lead, heads) if lead is not None else None
    if key is None:
        return []
    cells = [c for c in _cells(index, start, end, cfg, words) if _matches(key, c)]
    if len(cells) < 2:
        return []
    cuts = [start] + [clause_start(index.text, c.q.start, start) for c in cells[1:]] + [end]
    return [(a, b) for a, b in zip(cuts, cuts[1:])]


def _cells(index: Index, lo: int, hi: int, cfg, words) -> list[Cell]:
    """The amounts (parts, not shares or targets) and the changes between lo and hi."""
    text, out = index.text, []
    for q in index.between(lo, hi):
        if not is_count(q) or q.role in _NOT_AMOUNTS:
            continue
        clause = clause_start(text, q.start, lo)
        cue = cfg.change_cue.search(text[max(lo, clause - 1):q.start])
        if cue is not None:
            down = any(ch in cue.group() for ch in cfg.compared_fall)
            out.append(Cell(q, -1 if down else 1, ""))
        elif q.role not in ("growth", "difference") and not cfg.not_part.search(text[clause:q.start]):
            out.append(Cell(q, 0, _word(text, q, lo, words)))   # an amount that opens its clause (sums._is_part)
    return out


def _word(text: str, q: Quantity, lo: int, words) -> str:
    """The last character before the number that is not a space or a linking word (为, 达)."""
    i = q.start - 1
    while i >= lo and (text[i].isspace() or text[i] in words.column_links):
        i -= 1
    return text[i] if i >= lo else ""


def _key(cell: Cell, heads: list[Cell]) -> tuple | None:
    """A head's column: its unit and kind, plus its word when another head of
    the same unit and kind exists; None when two heads cannot be told apart."""
    same = [h for h in heads if h.q.norm_unit == cell.q.norm_unit and (h.change != 0) == (cell.change != 0)]
    if len(same) == 1:
        return cell.q.norm_unit, cell.change != 0, None
    if cell.change or sum(h.word == cell.word for h in same) > 1:
        return None
    return cell.q.norm_unit, False, cell.word


def _matches(key: tuple, cell: Cell) -> bool:
    unit, change, word = key
    return cell.q.norm_unit == unit and (cell.change != 0) == change and (word is None or cell.word == word)


def _judge_columns(found, text: str, heads: list[Cell], parts: list[list[Cell]], spans, seen: set, words) -> None:
    """Columns full in every segment (a part, or words saying there is none):
    those that add up verify (unless a check before verified the same
    numbers: `seen`); the others are flagged when a column of two or more
    parts adds up."""
    full, fits = [], []
    for head in heads:
        key = _key(head, heads)
        if key is None:
            continue
        column = [[c for c in seg if _matches(key, c)] for seg in parts]
        zeros = [not cells and _says_none(text, span, head.word, words) for cells, span in zip(column, spans)]
        if all(len(cells) == 1 or zero for cells, zero in zip(column, zeros)) and (sum(map(len, column)) >= 2 or any(zeros)):
            cells = [cells[0] for cells in column if cells]
            full.append((head, cells, [(spans[i][0], words.zero_text.format(z)) for i, z in enumerate(zeros) if z]))
            fits.append(_fits(head, cells))
    witness = next(((h, cs, z) for (h, cs, z), ok in zip(full, fits) if ok and len(cs) >= 2), None)
    if witness is None:
        return              # no column of two or more parts adds up: the breakdown is not shown to be meant
    for (head, cells, zero), ok in zip(full, fits):
        arith = _arithmetic(head, cells, zero)
        qs = sorted([head.q, *(c.q for c in cells)], key=lambda q: q.start)
        if ok:
            key = tuple((q.start, q.end) for q in qs)
            if key not in seen:
                seen.add(key)
                found.verify("sum", arith, qs, head.q)
        elif head.q.start not in found.judged:
            found.flag("sum", head.q, f"{arith}（同一分项中{_arithmetic(*witness)}相符）", [c.q for c in cells],
                       tail=f"，所报为{_signed_text(head)}")


def _says_none(text: str, span: tuple[int, int], word: str, words) -> str:
    """The words by which the segment states that its part is nothing (无人伤亡
    for the measure 亡, 未发生死亡): a negation followed closely by the
    measure's character; "" when it does not."""
    if not word:
        return ""
    seg = text[span[0]:span[1]]
    for neg in words.none_words:
        at = seg.find(neg)
        while at >= 0:
            k = seg.find(word, at + len(neg), at + len(neg) + words.none_reach)
            if k >= 0:
                return _clause_of(seg, at, k + 1)
            at = seg.find(neg, at + 1)
    return ""


def _clause_of(seg: str, start: int, end: int, longest: int = 12) -> str:
    """The clause holding seg[start:end] (无人伤亡 in …6宗，无人伤亡，损失…), or
    that stretch alone when the clause is longer than `longest`."""
    lo = max(seg.rfind(c, 0, start) for c in "，,、；;：:") + 1
    ends = [i for i in (seg.find(c, end) for c in "，,、；;。") if i >= 0]
    hi = min(ends) if ends else len(seg)
    return seg[lo:hi].strip() if hi - lo <= longest else seg[start:end]


def _fits(head: Cell, cells: list[Cell]) -> bool:
    """The parts (signed by their words) add up to the total as precisely as they
    are written (strictly: ar.sum_fits)."""
    s = sum((c.change or 1) * c.q.norm_value for c in cells)
    head_value = -head.q.norm_value if head.change < 0 else head.q.norm_value
    slack = ar.tolerance(head.q) + ar.coarseness([c.q for c in cells])
    return abs(head_value - s) < slack * (1 - 1e-6) + 1e-9


def _arithmetic(head: Cell, cells: list[Cell], zeros=()) -> str:
    """The column's sum as a reviewer checks it; a part stated as nothing shows as 0 (its words)."""
    total = sum((c.change or 1) * c.q.norm_value for c in cells)
    if not head.change:
        terms = sorted([(c.q.start, c.q.text) for c in cells] + list(zeros))
        return " + ".join(t for _, t in terms) + f" = {ar.sum_text(total, head.q, [c.q for c in cells])}"
    terms = "".join(("" if i == 0 and c.change > 0 else " + " if c.change > 0 else (" − " if i else "−")) + c.q.text
                    for i, c in enumerate(cells))
    shown = ar.sum_text(abs(total), head.q, [c.q for c in cells])
    return f"各项增减{terms} = {'−' if total < 0 else ''}{shown}，即总额应{'减' if total < 0 else '增'}{shown}"


def _signed_text(head: Cell) -> str:
    return head.q.text if not head.change else f"{'减' if head.change < 0 else '增'}{head.q.text}"
