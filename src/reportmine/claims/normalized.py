"""Claim rules over a normalized view of the text: pinyin glosses dropped
(目標(biāo)任務(wù) -> 目標任務) and traditional characters read as simplified
(目標任務 -> 目标任务), so the cue words of data/claims.yaml apply to pages in
either script. Quantities are mapped into the view and back; indicator and
period phrases are copied from the original text where they stand.
"""

from __future__ import annotations

import bisect

import regex

from ..document import Quantity
from ..folds import phrase_near
from .script import has_traditional, simplified

GLOSS = regex.compile(r"[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[)）]")
_REACH = 400   # how far from its quantity an indicator phrase is looked for
_COPIED = ("role", "indicator", "period", "setter", "group", "subject")


class View:
    """The normalized text and the maps between its offsets and the original's
    (identity maps, and no copy, when the text has nothing to normalize)."""

    def __init__(self, text: str):
        self.original = text
        self.to_orig: list[int] | None = None
        if GLOSS.search(text) is None:
            self.changed = has_traditional(text)
            self.text = simplified(text, keep=True) if self.changed else text
            return
        kept, to_orig, pos = [], [], 0
        for m in GLOSS.finditer(text):
            kept.append(text[pos:m.start()])
            to_orig.extend(range(pos, m.start()))
            pos = m.end()
        kept.append(text[pos:])
        to_orig.extend(range(pos, len(text)))
        to_orig.append(len(text))
        self.text = simplified("".join(kept))
        self.to_orig = to_orig
        self.changed = True

    def norm(self, i: int) -> int:
        """Offset in the view of original offset i (inside a gloss: the next character)."""
        return i if self.to_orig is None else bisect.bisect_left(self.to_orig, i)

    def orig(self, j: int) -> int:
        return j if self.to_orig is None else self.to_orig[j]

    def original_phrase(self, phrase: str | None, near: int) -> str | None:
        """The phrase as the original text writes it (glosses dropped), found
        in the view nearest before ``near`` (or after it)."""
        if not phrase:
            return phrase
        pos = phrase_near(self.text, phrase, near, _REACH)
        if pos < 0:
            return phrase
        start, end = self.orig(pos), self.orig(pos + len(phrase) - 1) + 1
        return GLOSS.sub("", self.original[start:end])


def assign_in_view(assign, text: str, quantities: list[Quantity], raw: dict) -> View:
    """Run ``assign(text, quantities, raw)`` on the normalized view and copy
    roles, indicators and periods back onto the original quantities."""
    view = View(text)
    if not view.changed:
        assign(text, quantities, raw)
        return view
    # the rules read only these fields (role, indicator … are still unset)
    shadows = [Quantity(view.norm(q.start), view.norm(q.end), q.text, q.value, q.unit, q.norm_value,
                        q.norm_unit, q.approx) for q in quantities]
    shadow_raw: dict[int, str | None] = {}
    assign(view.text, shadows, shadow_raw)
    for q, s in zip(quantities, shadows):
        for name in _COPIED:
            setattr(q, name, getattr(s, name))
        q.indicator = view.original_phrase(s.indicator, s.start)
        q.period = view.original_phrase(s.period, s.start)
        if id(s) in shadow_raw:
            raw[id(q)] = view.original_phrase(shadow_raw[id(s)], s.start)
    return view
