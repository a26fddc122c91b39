"""Which review flags belong to a record: those whose span overlaps the
claim's span, or whose evidence names one of its quantities."""

from __future__ import annotations

import bisect

from ..document import Flag, Quantity


class FlagIndex:
    def __init__(self, flags: list[Flag]):
        self.flags = sorted(flags, key=lambda f: (f.start, f.end))
        self.starts = [f.start for f in self.flags]
        self.longest = max((f.end - f.start for f in self.flags), default=0)
        self.by_evidence: dict[tuple[int, int], list[int]] = {}
        for i, f in enumerate(self.flags):
            for ev in f.evidence or ():
                if isinstance(ev.get("start"), int) and "doc" not in ev:
                    self.by_evidence.setdefault((ev["start"], ev["end"]), []).append(i)

    def indices(self, start: int, end: int, members: list[Quantity]) -> list[int]:
        found = set()
        lo = bisect.bisect_left(self.starts, start - self.longest)
        for i in range(lo, bisect.bisect_left(self.starts, end)):
            f = self.flags[i]
            if f.start < end and start < max(f.end, f.start + 1):
                found.add(i)
        for q in members:
            found.update(self.by_evidence.get((q.start, q.end), ()))
        return sorted(found)
