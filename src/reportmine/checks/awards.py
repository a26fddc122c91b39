"""Scoring rules: an item's points against the points its rules award.

A scoring scheme gives an item its points in brackets and then the rules
that award them, as criteria set apart by semicolons or as numbered entries:

    （二）宣传工作（8分）在省级媒体发稿1篇，得3分；在市级媒体发稿2篇，得3分；
    在县级媒体发稿4篇，得2分。

The item's body runs to the next numbering mark of its level or above (a
scanned table may lose line breaks, so a bracketed mark counts after any
character). Two readings, each only where the item's own numbered entries
(checks/points.py) do not judge it:

- Points in brackets inside the body are the points of its entries, one of
  them perhaps without its number (人口宣传（40分）… 2、出生上报（60分）),
  when the body's numbered entries are of one level.
- Otherwise the awards: numbers of points right after an award word (得, 计,
  记: `award_words`) or alone in their clause (用稿3篇，2分), not in a clause of
  deductions, extras or per-unit rules (`award_not`). With numbered entries in
  the body, each entry's first award is its points (later ones are its
  sub-rules). Without, each semicolon segment is a criterion of one award; a
  set of criteria that reads as grades of one measure (`award_grades`, two
  criteria opening with the same words, a criterion with no name of its own)
  is alternatives, not parts, and says nothing.

Awards that add up to the item's points verify. A gap is flagged when every
criterion has an award or is a deduction rule (a sum below the points may
otherwise leave out a criterion scored in words), and no award exceeds the
item's points.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from ..document import Quantity
from ..resources import compile_pattern, load_yaml, require, word, word_list
from .neighbourhood import Index
from .points import Entry, _bracketed, marks


@dataclass(frozen=True)
class AwardWords:
    award_words: tuple
    award_not: object
    award_grades: tuple
    criterion_marks: str
    bracket_points: tuple[str, ...]     # a text with none of these has no bracketed points
    split_word: str                     # (2分，其中…): the word a bracket's points are split after


@lru_cache(maxsize=1)
def award_words() -> AwardWords:
    data = load_yaml("checks.yaml")["awards"]
    keys = ("award_words", "award_not", "award_grades", "criterion_marks", "bracket_points", "split_word")
    require(data, keys, "checks.yaml: awards")
    points = word_list(data, "bracket_points", "checks.yaml: awards")
    split = word(data, "split_word", "checks.yaml: awards")
    return AwardWords(tuple(data["award_words"]), compile_pattern(data["award_not"], "checks.yaml: awards: award_not"),
                      tuple(data["award_grades"]), str(data["criterion_marks"]), points, split)


def check_awards(index: Index, found, cfg) -> None:
    text, words = index.text, award_words()
    if not any(w in text for w in words.bracket_points):
        return                      # no bracketed points: no item to judge (the marks are not searched)
    if sum(q.norm_unit == "分" for q in index.qs) < 3:
        return
    entries = _entries(index, cfg)
    starts = [e.start for e in entries]
    for i, head in enumerate(entries):
        if head.points is None or head.points.start in found.judged:
            continue
        end = _closing(entries, i, cfg.points_reach)
        if end is None:
            continue                # the item's end is not shown (within reach): its rules may be cut off
        inner = entries[i + 1:bisect.bisect_left(starts, end)]
        body = [q for q in index.between(head.points.end, end) if q.norm_unit == "分"]
        bracketed = [q for q in body if _bracketed(text, q, cfg)]
        if bracketed:
            _judge_entries(found, head, bracketed, inner, text, cfg)
        elif inner:
            _judge_numbered(found, head, body, inner, end, text, words)
        else:
            _judge_criteria(found, head, body, end, text, words)


def _closing(entries: list[Entry], i: int, reach: int) -> int | None:
    """Where the entry of the item's level or above that closes item i starts,
    within `reach` characters (no slice of the rest per item: quadratic)."""
    head = entries[i]
    for k in range(i + 1, len(entries)):
        if entries[k].start - head.start > reach:
            return None
        if entries[k].level <= head.level:
            return entries[k].start
    return None


def check_bracket_splits(index: Index, found, cfg) -> None:
    """（2分，其中资料齐全1分，报送及时1分）: points opening a bracket, split
    after 其中 within it; the parts are the points ending the clauses that
    follow, up to the first clause that does not end in points (若…，得2分 is
    another rule). Points are allocated, so the parts are the whole split."""
    text, words = index.text, award_words()
    qs = [q for q in index.qs if q.norm_unit == "分"]
    for i, head in enumerate(qs):
        at = text[max(0, head.start - 4):head.start].rstrip()      # (a few characters: no copy of the text)
        if not at.endswith(("（", "(")) or head.start in found.judged:
            continue
        close = min((k for k in (text.find("）", head.end, head.end + 200), text.find(")", head.end, head.end + 200))
                     if k >= 0), default=-1)
        cue = text.find(words.split_word, head.end, close) if close >= 0 else -1
        if cue < 0 or text[head.end:cue].strip(" ，,：:"):
            continue
        parts = []
        for k in range(i + 1, len(qs)):     # (no slice of the rest per head: quadratic)
            q = qs[k]
            lo = max(cue + len(words.split_word), *(text.rfind(c, cue, q.start) + 1 for c in "，,；;"))
            name = text[lo:q.start].strip()
            if q.start >= close or text[q.end:q.end + 1] not in "，,；;）)" or not name \
                    or name.endswith(words.award_words):
                break               # a clause without a name of its own (…，得2分) is another rule
            parts.append(q)
        if len(parts) >= 2:
            _judge(found, head, parts, "其中各项分值", flag=True, bounded=False)


def _entries(index: Index, cfg) -> list[Entry]:
    """Numbering marks with the points of their label (points.py's reading),
    a bracketed mark also after a character that is no mark's (lost line breaks)."""
    bracketed = {level for level, p in enumerate(cfg.point_marks) if p.pattern.startswith("[（(")}
    return [e for e, after_mark in marks(index, cfg) if after_mark or e.level in bracketed]


def _judge_entries(found, head: Entry, bracketed: list[Quantity], inner: list[Entry], text: str, cfg) -> None:
    """Bracketed points in the body: the entries' points, one entry before
    the first numbered one perhaps without its number."""
    if len({e.level for e in inner}) > 1 or len(bracketed) < 2:
        return
    own = [e.points for e in inner]
    if any(p is None for p in own):
        return
    loose = [q for q in bracketed if all(q.start != p.start for p in own)]
    if len(loose) > 1 or (loose and inner and loose[0].start > inner[0].start):
        return
    _judge(found, head.points, sorted(bracketed, key=lambda q: q.start), "各项分值", flag=True)


def _judge_numbered(found, head: Entry, body: list[Quantity], inner: list[Entry], end: int, text: str, words) -> None:
    """Numbered entries without bracketed points: each entry's first award
    (and the lead before the first entry, when it awards)."""
    cuts = [head.points.end] + [e.start for e in inner] + [end]
    firsts = []
    for a, b in zip(cuts, cuts[1:]):
        awards = [q for q in body if a <= q.start < b and _is_award(text, q, a, words)]
        if awards:
            firsts.append(awards[0])
        elif a != cuts[0]:
            return                  # a numbered entry without points: nothing to compare
    _judge(found, head.points, firsts, "各项得分", flag=len(firsts) >= 2)


def _judge_criteria(found, head: Entry, body: list[Quantity], end: int, text: str, words) -> None:
    """Criteria set apart by semicolons (or sentence ends), one award each."""
    cuts = [head.points.end] + [i for i in range(head.points.end, end) if text[i] in words.criterion_marks] + [end]
    awards, complete, names = [], True, []
    for a, b in zip(cuts, cuts[1:]):
        seg = text[a:b].strip(" \t\n。；;,，.)）")
        mine = [q for q in body if a <= q.start < b and _is_award(text, q, a, words)]
        if len(mine) > 1 or any(w in seg for w in words.award_grades):
            return                  # several awards in one criterion, or grades: alternatives
        if mine:
            awards.append(mine[0])
            names.append(_name(text[a:mine[0].start]))
        elif seg and not words.award_not.search(seg):
            complete = False        # a criterion scored in words (or not at all)
    if len(awards) < 2 or not all(names) or len({n[:2] for n in names}) < len(names):
        return                      # a criterion without a name of its own, or two of one measure
    below = sum(q.norm_value for q in awards) < head.points.norm_value
    _judge(found, head.points, awards, "各项得分", flag=complete or not below)


def _is_award(text: str, q: Quantity, floor: int, words) -> bool:
    """Points awarded: after an award word, or alone in their clause; not in a
    clause of deductions, extras or per-unit rules."""
    lo = max(floor, *(text.rfind(c, floor, q.start) + 1 for c in "，,；;。：:"))
    clause = text[lo:q.end + 1]
    if words.award_not.search(clause):
        return False
    before = text[lo:q.start].rstrip()
    return not before or before.endswith(words.award_words)


def _name(before: str) -> str:
    """The criterion's first run of two or more CJK characters (its measure or subject)."""
    run = ""
    for ch in before:
        if "\u4e00" <= ch <= "\u9fff":
            run += ch
        elif len(run) >= 2:
            return run
        else:
            run = ""
    return run if len(run) >= 2 else ""


def _judge(found, head: Quantity, items: list[Quantity], what: str, flag: bool, bounded: bool = True) -> None:
    """`bounded`: an item above the head's points means the reading is wrong
    (not the head's rules), except where the split is explicit (其中 in its bracket)."""
    if len(items) < 2 or (bounded and any(q.norm_value > head.norm_value for q in items)):
        return
    total = sum(q.norm_value for q in items)
    arithmetic = " + ".join(q.text for q in items) + f" = {total:g}分"
    if abs(total - head.norm_value) < 1e-6:
        found.verify("sum", arithmetic + f"，为条目分值{head.text}", [head, *items], head)
    elif flag:
        found.flag("sum", head, arithmetic + f"（{what}之和），与条目分值{head.text}不符", items, tail="")
