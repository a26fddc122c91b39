"""分别 / 依次 lists: one quantity per element, paired with its own indicator,
period or reporting unit; and changes listed without them after as many names
or levels (事故起数、死亡人数同比下降a%和b%), paired the same way."""

from __future__ import annotations

import bisect

import regex

from ..document import Quantity
from .clauses import next_sentence_end, sentence_start
from .cues import Cues, TextMarks

# separators, list cues and subjects: claims.yaml text_marks (Cues.marks)
_PERIOD_REACH = 400     # characters before a 分别 list searched for its periods
_SUBJECT = regex.compile(r"\p{Han}{2,}")


def groups(text: str, quantities: list[Quantity], cues: Cues) -> list[list[Quantity]]:
    """Runs of quantities joined only by list separators, after 分别/依次."""
    out, run, marks = [], [], cues.marks
    for q in quantities:
        if run and _joined(marks, text, run[-1], q):
            run.append(q)
            continue
        if len(run) > 1 and _has_cue(marks, text, run[0]):
            out.append(run)
        run = [q]
    if len(run) > 1 and _has_cue(marks, text, run[0]):
        out.append(run)
    return out


def _joined(marks: TextMarks, text: str, a: Quantity, b: Quantity) -> bool:
    gap = text[a.end:b.start]
    if marks.list_join.fullmatch(gap):
        return True
    # 依次为:甲县112.3%、乙区108.7%: a short name between items
    return len(gap) <= 10 and gap[:1] in "、,，" and marks.list_subject.search(gap) is not None


def _has_cue(marks: TextMarks, text: str, q: Quantity) -> bool:
    start = max(sentence_start(text, q.start), q.start - 30)
    return marks.list_cue.search(text, start, q.start) is not None


def pair_lists(text: str, quantities: list[Quantity], cues: Cues) -> None:
    cued = groups(text, quantities, cues)
    for gi, run in enumerate(cued):
        for q in run:
            q.group = gi
        _subjects(cues.marks, text, run)
        _split_indicator(run, cues)
        _pair_periods(text, run, cues)
    for gi, (run, names) in enumerate(_uncued_changes(text, quantities, cues), start=len(cued)):
        for q, name in zip(run, names):
            q.group, q.indicator = gi, name      # (each name as written: 事故起数、死亡人数)


def _uncued_changes(text: str, quantities: list[Quantity], cues: Cues) -> list[tuple[list[Quantity], list[str]]]:
    """Changes joined by list marks without 分别/依次, paired one by one all the
    same (real pages of stop 45), with the names they take: after as many names
    joined by list marks (事故起数、死亡人数同比下降18.2%和25.6%), or right after as
    many levels of their sentence, a clause each (受理案件6150件，审结5720件，同比
    上升8.5%、9.5%)."""
    out, run, marks = [], [], cues.marks
    for k, q in enumerate(quantities + [None]):
        if q is not None and run and q.group is None and marks.list_join.fullmatch(text[run[-1].end:q.start]):
            run.append(q)
            continue
        if len(run) > 1 and all(x.role == "growth" and x.norm_unit in ("ratio", "ratio_point") for x in run):
            names = [x for x in marks.list_split.split(run[0].indicator or "") if x]
            if len(names) != len(run):
                names = _levels_named(text, quantities[:k - len(run)], run)
            if names:
                out.append((run, names))
        run = [q] if q is not None and q.group is None else []
    return out


def _levels_named(text: str, before: list[Quantity], run: list[Quantity]) -> list[str]:
    """The names of the levels right before a run of changes in its sentence, as
    many as it has, each in a clause of its own (none if they are not so written)."""
    levels = before[-len(run):]
    s = sentence_start(text, run[0].start)
    if len(levels) < len(run) or levels[0].start < s or any(
            x.role != "actual" or x.norm_unit in ("ratio", "ratio_point") or not x.indicator for x in levels):
        return []
    if any(not any(ch in text[a.end:b.start] for ch in "，,") for a, b in zip(levels + run[:1], levels[1:] + run[:1])):
        return []
    names = [levels[0].indicator]
    for a, b in zip(levels, levels[1:]):    # (结案 carries 受理各类案件 before it: its own words only)
        names.append(b.indicator[len(a.indicator):] if b.indicator.startswith(a.indicator)
                     and len(b.indicator) > len(a.indicator) else b.indicator)
    return names


def _subjects(marks: TextMarks, text: str, run: list[Quantity]) -> None:
    for prev, q in zip([None] + run[:-1], run):
        start = prev.end if prev else max(0, q.start - 12)
        m = marks.list_subject.search(text, start, q.start)
        if m and (prev is not None or text[m.start() - 1:m.start()] in ":：、"):
            q.subject = m.group(1)
            if prev is not None:
                q.indicator = run[0].indicator


def _split_indicator(run: list[Quantity], cues: Cues) -> None:
    ind = run[0].indicator
    if not ind:
        return
    items = [x for x in cues.marks.list_split.split(ind) if x]
    if len(items) == len(run) > 1:
        # 化学需氧量、氨氮、二氧化硫排放量分别下降…: one indicator each, the shared
        # head word (排放量) carried over from the last item; not to an item
        # that ends in a count or rate of its own (事故起数、死亡人数; 事故起数、
        # 死亡人数、直接财产损失: 损失 is the last item's, not the counts')
        subject, items[0] = _subject_of(items[0], cues.marks)
        shared = _shared_head(items[0], items[-1])
        measure = cues.marks.list_item_measure
        for q, item in zip(run, items):
            own = item.endswith(shared) or measure.search(item) is not None
            q.indicator = subject + (item if own else item + shared)
        return
    for key, parts in cues.split.items():
        if key in ind and len(parts) == len(run):
            for q, part in zip(run, parts):
                q.indicator = ind.replace(key, part, 1)
            return


def _shared_head(first: str, last: str) -> str:
    """城镇、农村居民人均可支配收入 -> 居民人均可支配收入: the head words the last
    item of a list carries for every item. After the words of the last item
    that stand parallel to the first (as many characters as it, or one more or
    less: 道路交通、火灾、工矿商贸事故死亡人数 -> 事故死亡人数; 农村 for 城镇 inside
    a name the catalog holds as one word); else, when the last item is more than one word, its
    last word (化学需氧量、氨氮、二氧化硫排放量 -> 排放量); "" when no head of two
    characters is left (营业收入、利润总额)."""
    from .segment import cut_within, tokenizer

    words, lead, near = cut_within(last), 0, []
    for word in words[:-1]:
        lead += len(word)
        if len(last) - lead < 2 or lead > len(first) + 1:
            break
        if abs(lead - len(first)) <= 1:
            near.append((abs(lead - len(first)), lead))
    if near:
        return last[min(near)[1]:]
    whole = tokenizer().lcut(last)
    return whole[-1] if len(whole) > 1 and len(whole[-1]) >= 2 else ""


def _subject_of(first: str, marks: TextMarks) -> tuple[str, str]:
    """规模以上工业实现营业收入 -> (规模以上工业, 营业收入): the subject a listed
    indicator's first item carries before its verb, which every item shares;
    ("", first) when none is written so."""
    m = marks.list_subject_verb.search(first, 2)
    if m is None or m.end() >= len(first) or not _SUBJECT.fullmatch(first, 0, m.start()):
        return "", first
    return first[:m.start()], first[m.end():]


def _pair_periods(text: str, run: list[Quantity], cues: Cues) -> None:
    """2019年、2020年…供地率,完成分别为72.6%、68.35%…: one period each."""
    # the periods are read in the reach before the list, not back to the start of
    # a sentence that may run for pages (PDF text without 。): a long line of
    # such lists would otherwise be read once per list
    start = max(sentence_start(text, run[0].start), run[0].start - _PERIOD_REACH)
    found = [m for m in cues.period.finditer(text, start, run[0].start) if m.group()]
    for i in range(len(found) - len(run) + 1):
        window = found[i:i + len(run)]
        if all(cues.marks.list_join.fullmatch(text[a.end():b.start()]) for a, b in zip(window, window[1:])):
            for q, m in zip(run, window):
                q.period = m.group()
            return


def refer_back(text: str, quantities: list[Quantity], inherited: set[int], cues: Cues) -> None:
    """事故52宗,死亡9人,伤61人,较去年同期分别下降38.1%、43.8%、41.3%: a
    分别 list that names no indicator of its own pairs, item by item, with the
    quantities written before it in the sentence."""
    if not inherited:
        return
    starts = [q.start for q in quantities]
    end = -1
    for m in cues.marks.list_cue.finditer(text):
        i = bisect.bisect_left(starts, m.end())
        if end < m.end():           # else the sentence end found for the cue before
            end = next_sentence_end(text, m.end())      # (no end mark between) is this one's
        j = bisect.bisect_left(starts, end, lo=i)
        after = quantities[i:j]
        if len(after) < 2 or not all(id(q) in inherited for q in after):
            continue
        ss = sentence_start(text, m.start())
        k = bisect.bisect_left(starts, ss, hi=i)
        before = [q for q in quantities[k:i] if q.end <= m.start() and q.role != "other"][-len(after):]
        if len(before) < len(after) or not all(q.indicator for q in before):
            continue
        for q, ref in zip(after, before):
            q.indicator = ref.indicator


