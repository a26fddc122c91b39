"""Numbers that contradict their own unit or a companion number.

- A rate written with % whose change is given in 千分点 (出生率7.93%，比上年
  下降1.84个千分点): the rate is per thousand, the % is wrong.
- A value no unit allows (an age of 2064岁).
- Letters where a number belongs (OCR: IO for 10, M.8万元).
- Households and persons side by side (236户218人): a group of households
  has at least as many persons as households.
"""

from __future__ import annotations

from .neighbourhood import Index


def check_units(index: Index, found, cfg) -> None:
    text = index.text
    _ocr_letters(index, found, cfg)
    qs = index.qs
    for i, q in enumerate(qs):
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        if q.unit in ("%", "％") and q.start not in found.judged:
            _per_thousand_change(found, text, q, nxt, cfg)
        elif q.norm_unit in cfg.max_values and q.norm_value > cfg.max_values[q.norm_unit]:
            found.flag("garbled", q, f"{q.text}超出以“{q.norm_unit}”计的合理范围（至多"
                                     f"{cfg.max_values[q.norm_unit]:g}{q.norm_unit}），疑有数字粘连或缺漏", [], tail="")
        elif nxt is not None and (q.norm_unit, nxt.norm_unit) == tuple(cfg.household_person) \
                and nxt.start == q.end and q.norm_value > nxt.norm_value and not (q.approx or nxt.approx):
            found.flag("count", nxt, f"{q.text}{nxt.text}：户数多于人数，每户至少一人", [q],
                       span=(q.start, nxt.end), tail="")
    _named_households(index, found, cfg)


_NAMED_REACH = 200      # how far apart (characters) the households and the persons named alike may stand


def _named_households(index: Index, found, cfg) -> None:
    """脱贫户3426户 … 脱贫人口2918人: households and the persons of the same name
    (the households' name without 户, then 人口/人数/人员) in one paragraph,
    fewer persons than households: each household has at least one person."""
    from .neighbourhood import paragraph_bounds

    hh, pp = cfg.household_person
    qs = index.qs
    for i, h in enumerate(qs):
        name = (h.indicator or "").rstrip("户戶")
        if h.norm_unit != hh or h.approx or len(name) < 2 or not (h.indicator or "").endswith(("户", "戶")) \
                or h.start in found.judged:
            continue
        hi = min(paragraph_bounds(index.text, h.start)[1], h.end + _NAMED_REACH)
        for p in qs[i + 1:]:
            if p.start >= hi:
                break
            if p.norm_unit == pp and not p.approx and any(name + w in (p.indicator or "") for w in cfg.person_words) \
                    and p.norm_value < h.norm_value:
                found.flag("count", p, f"{h.text}与{p.text}：{name}人数少于户数，每户至少一人", [h], tail="")
                break


def _per_thousand_change(found, text: str, q, nxt, cfg) -> None:
    stop = min(q.end + cfg.change_reach, nxt.start if nxt is not None and nxt.norm_unit == "ratio" else len(text))
    window = cfg.gloss.sub("", text[q.end:stop])
    m = cfg.per_thousand_change.match(window)
    if m:
        found.flag("unit", q, f"{q.text}的变化写作“{m.group(1)}”，以千分点计，此比率应为{q.value:g}‰而非{q.text}", [],
                   tail="")


def _ocr_letters(index: Index, found, cfg) -> None:
    """Letters read by OCR in place of digits (IO for 10, M.8万元 for 14.8万元)."""
    from ..document import Quantity

    text = index.text
    for start, end in index.doc.content_spans():
        for m in cfg.ocr_garbled.finditer(text, start, end):
            q = Quantity(m.start(), m.end(), m.group(), None, None, None, None)
            found.flag("garbled", q, f"“{m.group()}”处应为数字，却含字母（疑为文字识别错误，如 O/I 误作 0/1）", [],
                       tail="")
