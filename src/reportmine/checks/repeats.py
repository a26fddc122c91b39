"""Document-wide checks: 分别 lists that do not pair, and one indicator
reported with two values."""

from __future__ import annotations

import bisect
import re

from ..claims.clauses import sentence_start
from ..document import Document
from .flags import make_flag

_RESPECTIVELY = re.compile(r"分别")
_SENT_END = "。；;！？!?\n"


def check_respectively(doc: Document, found) -> None:
    """分别完成省下达任务的114% with a single value: the list is incomplete."""
    text = doc.text
    starts = [q.start for q in doc.quantities]
    for start, end in doc.content_spans():
        for m in _RESPECTIVELY.finditer(text, start, end):
            stop = m.end()
            while stop < end and text[stop] not in _SENT_END and not text.startswith("分别", stop):
                stop += 1
            lo, hi = bisect.bisect_left(starts, m.end()), bisect.bisect_left(starts, stop)
            after = [q for q in doc.quantities[lo:hi] if q.norm_value is not None]
            missing = any(m.end() <= f.start < stop for f in found.flags) or "%" in text[m.end():stop].replace(
                "".join(q.text for q in after), "")
            if len(after) == 1 and not missing and not _listed_before(text, m.start()):
                q = after[0]
                found.flags.append(make_flag(text, m.start(), q.end, "inconsistency", "respectively",
                                             "分别 with a single value", [q], None,
                                             detail=f"“分别”之后只有一个数值（{q.text}）"))


def _listed_before(text: str, pos: int) -> bool:
    """A 分别 after a list of values (A为3个和5个，分别…) refers back to them."""
    s = sentence_start(text, pos)
    return False if s >= pos else bool(re.search(r"[0-9]\S{0,4}[、和及与][^，。]{0,8}[0-9]", text[s:pos]))


def check_mismatch(doc: Document, found) -> None:
    """未成年人175 … 社区176未成年人: the same indicator, two values."""
    text = doc.text
    seen = {}
    spans = sorted((q.start, q.end) for q in doc.quantities)
    searched = set()
    for q in doc.quantities:
        if q.norm_value is None or q.role not in ("actual", None) or not q.indicator or q.approx \
                or q.group is not None:
            continue
        ind = q.indicator
        if len(ind) < found.cfg.mismatch_min_chars:
            continue
        key = (q.article, ind, q.period, q.norm_unit, q.subject)
        if q.period and key in seen and seen[key].norm_value != q.norm_value and \
                sentence_start(text, seen[key].start) != sentence_start(text, q.start):
            first = seen[key]
            found.flags.append(make_flag(text, q.start, q.end, "inconsistency", "mismatch",
                                         f"{ind}: {first.text} vs {q.text}", [first, q], None,
                                         indicator=ind, values=f"{first.text} 与 {q.text}"))
        seen.setdefault(key, q)
        if q.unit is None and (q.article, ind) not in searched:
            searched.add((q.article, ind))
            _attached(doc, found, q, spans)


def _inside(spans, pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _attached(doc: Document, found, q, spans) -> None:
    """Numbers glued to the indicator's name elsewhere in the article (176未成年人)."""
    text, ind = doc.text, q.indicator
    art = doc.articles[q.article] if q.article is not None and q.article < len(doc.articles) else None
    lo, hi = (art.start, art.end) if art else (0, len(text))
    for m in re.finditer(r"(?<![0-9.])([0-9]{1,6})" + re.escape(ind), text[lo:hi]):
        s, e = lo + m.start(1), lo + m.end(1)
        if s == q.start or doc.is_boilerplate(s) or _inside(spans, s):
            continue
        if float(m.group(1)) != q.norm_value:
            flag = make_flag(text, s, e, "inconsistency", "mismatch", f"{ind} given as {q.text} and as {m.group(1)}",
                             [q], None, indicator=ind, values=f"{q.text} 与 {m.group(1)}")
            flag.evidence.append({"start": s, "end": e, "text": m.group(1), "norm_value": float(m.group(1)),
                                  "norm_unit": None, "role": None, "indicator": ind})
            found.flags.append(flag)
