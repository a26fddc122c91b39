"""Claim rules over a normalized view of the text: pinyin glosses dropped
(目標(biāo)任務(wù) -> 目標任務) and traditional characters read as simplified
(目標任務 -> 目标任务), so the cue words of data/claims.yaml apply to pages in
either script. Quantities are mapped into the view and back; indicator and
period phrases are copied from the original text where they stand.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from ..document import Quantity
from .script import simplified

GLOSS = regex.compile(r"[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[)）]")
_COPIED = ("role", "indicator", "period", "setter", "group", "subject")


class View:
    """The normalized text and the maps between its offsets and the original's."""

    def __init__(self, text: str):
        self.original = text
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
        to_norm, j = [], 0
        for i in range(len(text) + 1):
            while j < len(to_orig) - 1 and to_orig[j] < i:
                j += 1
            to_norm.append(j)
        self.to_norm = to_norm

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def original_phrase(self, phrase: str | None, near: int) -> str | None:
        """The phrase as the original text writes it (glosses dropped), found
        in the view nearest before ``near`` (or after it)."""
        if not phrase:
            return phrase
        pos = self.text.rfind(phrase, 0, near + len(phrase))
        if pos < 0:
            pos = self.text.find(phrase, near)
        if pos < 0:
            return phrase
        start, end = self.to_orig[pos], self.to_orig[pos + len(phrase) - 1] + 1
        return GLOSS.sub("", self.original[start:end])


def assign_in_view(assign, text: str, quantities: list[Quantity], raw: dict) -> None:
    """Run ``assign(text, quantities, raw)`` on the normalized view and copy
    roles, indicators and periods back onto the original quantities."""
    view = View(text)
    if not view.changed:
        assign(text, quantities, raw)
        return
    shadows = [replace(q, start=view.to_norm[q.start], end=view.to_norm[q.end]) for q in quantities]
    shadow_raw: dict[int, str | None] = {}
    assign(view.text, shadows, shadow_raw)
    for q, s in zip(quantities, shadows):
        for name in _COPIED:
            setattr(q, name, getattr(s, name))
        q.indicator = view.original_phrase(s.indicator, s.start)
        q.period = view.original_phrase(s.period, s.start)
        if id(s) in shadow_raw:
            raw[id(q)] = view.original_phrase(shadow_raw[id(s)], s.start)
