"""Shares of one whole that add up to 100% (R309).

    第一、二、三产业增加值占地区生产总值的比重分别为12.4%、38.9%和48.7%。
    全县参保人员中，男性占52.3%，女性占47.7%。

Two kinds of lists are read: a 分别 list of shares (the words before it hold
占, 比重, 比例 or 占比), and a run of share clauses in one sentence, each a label
and 占 with the share right after it (`share_clause`; no count between, so
every share is of the sentence's one whole). A list adding up to 100 within
the rounding of its numbers is verified. It is flagged only when the list is
clearly the whole: a structure or the three sectors named before it
(`whole_words`), labels that together are the whole (`complement_sets`: 男 and
女, read after the scope a label may open with: 病例中男性), the two ends of
one range (`range_ends`: 35岁以下 … 51岁以上, one unit), or a last label that
is the rest (`rest_words`: 其他); and then only when
the sum is within `near_points` of 100 (a mistyped share, not another list).
Shares of lists that may overlap (学历 and 年龄 of one membership) are never
added up without one of these signs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..claims.clauses import clause_start, sentence_start
from ..document import Quantity
from ..resources import compile_pattern, load_yaml, require, word_list
from .arithmetic import tolerance
from .neighbourhood import Index, is_count, is_rate, joined_runs

_KEYS = ("whole_words", "complement_sets", "rest_words", "share_clause", "near_points", "range_ends",
         "label_scope", "share_words", "list_gap", "lead_end")
_WORD_REACH = 6          # the share words stand this close before the share in a share clause
_CUE_REACH = 20          # …or, with the whole named between 占 and 的, this close
_HEAD_REACH = 300        # characters before a list read for its share and whole words (not
                         # back to the start of a sentence that may run for pages)


@dataclass(frozen=True)
class ShareSumConfig:
    whole_words: tuple[str, ...]
    complement_sets: tuple[tuple[str, ...], ...]
    rest_words: tuple[str, ...]
    share_clause: object
    near_points: float
    range_low: object       # a label that is the low end of a range: group `unit`
    range_high: object
    label_scope: object     # the scope a label may open with (病例中, 其中)
    share_words: tuple[str, ...]    # words that name shares (占, 比重…)
    list_gap: object        # what joins the shares of a bare list
    lead_end: object        # how the words before a bare list end (为, 是, a colon)


@lru_cache(maxsize=1)
def share_sum_config() -> ShareSumConfig:
    data = load_yaml("checks.yaml")["share_sums"]
    require(data, _KEYS, "checks.yaml: share_sums")
    words = word_list(data, "share_words", "checks.yaml: share_sums")
    pattern = lambda k: compile_pattern(data[k], f"checks.yaml: share_sums: {k}")     # noqa: E731
    return ShareSumConfig(tuple(data["whole_words"]), tuple(tuple(s) for s in data["complement_sets"]),
                          tuple(data["rest_words"]), pattern("share_clause"),
                          float(data["near_points"]), *_range_patterns(data["range_ends"]),
                          pattern("label_scope"), words, pattern("list_gap"), pattern("lead_end"))


def _range_patterns(ends) -> tuple:
    if not (isinstance(ends, list) and len(ends) == 2 and all(isinstance(e, list) and e for e in ends)):
        raise ValueError("checks.yaml: share_sums: range_ends 应为两组词（区间下端、上端）")
    number = r"[0-9０-９]+(?:\.[0-9]+)?\s*(?P<unit>[^0-9０-９\s，,。；;、]{1,2}?)\s*"
    return tuple(regex.compile(number + "(?:" + "|".join(map(regex.escape, e)) + ")") for e in ends)


def check_share_sums(index: Index, found, cfg) -> None:
    sc = share_sum_config()
    for shares, labels in _lists(index, sc):
        _judge(index.text, found, shares, labels, sc)


def _lists(index: Index, sc) -> list[tuple[list[Quantity], list[str]]]:
    """(shares, their labels; labels empty for a 分别 list)."""
    text = index.text
    out, groups, run = [], {}, []
    for q in [q for q in index.qs if q.norm_unit == "ratio"]:
        if q.group is not None:
            groups.setdefault(q.group, []).append(q)
            continue
        window = text[max(0, q.start - _CUE_REACH):q.start]
        if not any(w in window for w in sc.share_words):
            continue            # (a cheap test before the pattern)
        m = sc.share_clause.search(text, clause_start(text, q.start), q.start)
        if m is None:
            continue
        if run and (not _goes_on(text, run, m.start())
                    or any(is_count(x) or is_rate(x) for x in index.between(run[-1][0].end, m.start()))):
            if len(run) >= 2:
                out.append(([s for s, _ in run], [lab for _, lab in run]))
            run = []
        run.append((q, m.group("label")))
    if len(run) >= 2:
        out.append(([s for s, _ in run], [lab for _, lab in run]))
    for shares in groups.values():
        head = _head(text, shares[0].start)
        if len(shares) >= 2 and any(w in head for w in sc.share_words):
            rest = _rest_after(index, shares[-1], sc)
            out.append(([*shares, rest[0]], [""] * len(shares) + [rest[1]]) if rest else (shares, []))
    return out + _bare_lists(index, sc)


def _complete(run: list) -> bool:
    """The shares of the run so far add up to 100% within their rounding (a run
    that goes on in the next sentence starts anew then: another whole's shares)."""
    total = sum(q.norm_value for q, _ in run)
    return abs(total - 1) <= sum(tolerance(q) for q, _ in run)


def _goes_on(text: str, run: list, clause: int) -> bool:
    """The share clause at ``clause`` continues the run: it is in the sentence of
    the run's last share, or, the run short of 100%, opens the next sentence
    right after it (…其他 share clauses go on after 。: 治安类占18.7%，交通类占
    24.1%。纠纷类占21.5%，其他占35.7%)."""
    last = run[-1][0]
    s = sentence_start(text, clause)
    if s == sentence_start(text, last.start):
        return True
    if len(run) >= 2 and _complete(run):
        return False
    return s > last.end and text[last.end:s].strip(" \u3000") in _SENTENCE_ENDS and clause_start(text, clause) == s


_SENTENCE_ENDS = ("。", "；", ";")


def _bare_lists(index: Index, sc) -> list[tuple[list[Quantity], list[str]]]:
    """三次产业结构比为12.5%、41.3%、46.2%: shares joined by 、/和 right after
    the words that name them (share or whole words in the clause before the
    first, ending in 为/是/:), without 分别."""
    text = index.text
    shares = [q for q in index.qs if q.norm_unit == "ratio" and q.group is None]
    lists = []
    for run in joined_runs(shares, lambda a, b: sc.list_gap.fullmatch(text, a.end, b.start) is not None):
        lead = text[clause_start(text, run[0].start):run[0].start]
        if sc.lead_end.search(lead) and any(w in lead for w in (*sc.share_words, *sc.whole_words)):
            lists.append((run, []))
    return lists


def _head(text: str, pos: int) -> str:
    """The sentence before ``pos``, at most _HEAD_REACH characters of it."""
    return text[max(sentence_start(text, pos), pos - _HEAD_REACH):pos]


def _rest_after(index: Index, last: Quantity, sc) -> tuple[Quantity, str] | None:
    """…分别占28.4%、22.1%和17.5%，其他类占32%: a share clause of the rest
    (`rest_words`) right after a 分别 list of shares, in its sentence: the
    list's last share and its label."""
    text = index.text
    after = [q for q in index.between(last.end, last.end + _WORD_REACH + 12) if q.start > last.end]
    if not after or not is_rate(after[0]) or after[0].group is not None \
            or sentence_start(text, after[0].start) != sentence_start(text, last.start):
        return None
    q = after[0]
    m = sc.share_clause.search(text, clause_start(text, q.start), q.start)
    if m is None or not m.group("label").startswith(sc.rest_words):
        return None
    return q, m.group("label")


def _whole(text: str, shares: list[Quantity], labels: list[str], sc) -> bool:
    """Whether the list is clearly the whole."""
    head = _head(text, shares[0].start)
    if any(w in head for w in sc.whole_words):
        return True
    if labels and labels[-1].startswith(sc.rest_words):
        return True
    if len(labels) >= 2 and _range_ends(labels[0], labels[-1], sc, len(labels) == 2):
        return True
    named = [sc.label_scope.sub("", lab, count=1) or lab for lab in labels]
    return bool(labels) and any(len(named) == len(s) and all(any(lab.startswith(w) for lab in named) for w in s)
                                for s in sc.complement_sets)


def _range_ends(first: str, last: str, sc, alone: bool) -> bool:
    """35岁以下 … 51岁以上 (or the other way round): the two open ends of one
    range of one unit, so the labels between cover the whole. ``alone``: no
    label between, so the two ends must meet (35岁以下 / 35岁以上, 36岁以上)."""
    for lo_label, hi_label in ((first, last), (last, first)):
        lo, hi = sc.range_low.search(lo_label), sc.range_high.search(hi_label)
        if lo and hi and lo.group("unit") == hi.group("unit"):
            return not alone or 0 <= _number(hi) - _number(lo) <= 1
    return False


def _number(m) -> float:
    return float(regex.match(r"[0-9.]+", m.group().translate(_FULL_DIGITS)).group())


_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _judge(text: str, found, shares: list[Quantity], labels: list[str], sc) -> None:
    if any(s.start in found.judged for s in shares):
        return
    total = sum(s.norm_value for s in shares) * 100
    slack = sum(tolerance(s) for s in shares) * 100 + 1e-9
    places = max(len(s.text.split(".")[1].rstrip("%％ ")) if "." in s.text else 0 for s in shares)
    arithmetic = " + ".join(s.text for s in shares) + f" = {total:.{places}f}%"
    if abs(total - 100) <= slack:
        found.verify("share", arithmetic + "，各部分占比之和为100%", shares, shares[-1])
    elif abs(total - 100) <= sc.near_points and _whole(text, shares, labels, sc):
        found.flag("share", shares[-1], arithmetic + f"（按所报精度允许偏离{slack:.2g}个百分点），"
                   "各部分占比之和应为100%", shares[:-1], span=(shares[0].start, shares[-1].end), tail="")
