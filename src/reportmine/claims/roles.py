"""Role of a quantity from the cue nearest before it in its clause."""

from __future__ import annotations

from .cues import PRIORITY, Cues



def role_cue(cues: Cues, text: str, clause_start: int, q_start: int, q_end: int, clause_end: int):
    """(role, first_cue_start, last_cue_end): the role of the cue nearest
    before the quantity (or right after it), where the first cue of the clause
    starts and where the last one ends (the indicator is written before the
    first or between the last and the quantity); ("actual", None, None) when
    no cue applies."""
    best, first, modal, last = None, None, None, None
    # searched up to the quantity's end so that a cue's lookahead can see the
    # number it stands before (完成省目标任务105.9%); only cues ending before it count
    for m in cues.before.finditer(text, clause_start, q_end, overlapped=True):
        if m.end() > q_start:
            continue
        role = m.lastgroup
        key = (m.end(), m.end() - m.start(), -PRIORITY.index(role))   # nearest, then longest
        if best is None or key > best[0]:
            best = (key, role)
        if first is None or m.start() < first:
            first = m.start()
        if last is None or m.end() > last:
            last = m.end()
        if role in cues.modal_over_growth and modal is None:
            modal = role
    after = cues.after.match(text, q_end, clause_end)
    if after:
        return after.lastgroup, first, last
    if best is None:
        return "actual", None, None
    if best[1] == "growth" and modal is not None:
        return modal, first, last
    return best[1], first, last
