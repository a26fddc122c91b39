"""Role of a quantity from the cue nearest before it in its clause."""

from __future__ import annotations

from .cues import PRIORITY, Cues



def role_cue(cues: Cues, text: str, clause_start: int, q_start: int, q_end: int, clause_end: int):
    """(role, first_cue_start): the role of the cue nearest before the
    quantity (or right after it), and where the first cue of the clause starts
    (the indicator phrase ends there); ("actual", None) when no cue applies."""
    best, first = None, None
    for m in cues.before.finditer(text, clause_start, q_start, overlapped=True):
        role = m.lastgroup
        key = (m.end(), -PRIORITY.index(role))
        if best is None or key > best[0]:
            best = (key, role)
        if first is None or m.start() < first:
            first = m.start()
    after = cues.after.match(text, q_end, clause_end)
    if after:
        return after.lastgroup, first
    if best is None:
        return "actual", None
    return best[1], first
