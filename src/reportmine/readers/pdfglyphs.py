"""Remove the doubled glyphs of fake-bold text from a page's characters.

Some PDFs draw bold type by painting each glyph twice, shifted by a fraction
of a point. :func:`dedupe_chars` keeps the same characters, in the same order,
as pdfplumber's ``utils.dedupe_chars(chars)`` with its defaults (tolerance 1,
extra attributes fontname and size), in O(n log n) instead of pdfplumber's
O(n^2) (it restores the page order with ``list.index`` per character):

- characters with the same (upright, text, fontname, size) form a group;
- a group is cut into clusters of ``doctop`` values whose sorted distinct
  values lie within ``tolerance`` of the previous one, each of those into
  clusters of ``x0`` values the same way;
- each cluster keeps its character with the smallest (doctop, x0), the first
  drawn on a tie; the kept characters stay in drawing order.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Callable

_GROUP_KEY = itemgetter("upright", "text", "fontname", "size")


def dedupe_chars(chars: list[dict], tolerance: float = 1) -> list[dict]:
    """The characters of ``chars`` that are not doubles of another one, in order."""
    groups: dict[tuple, list[int]] = {}
    for i, c in enumerate(chars):
        groups.setdefault(_GROUP_KEY(c), []).append(i)
    if len(groups) == len(chars):
        return list(chars)                    # no two chars even share a text
    doctop = [c["doctop"] for c in chars]
    x0 = [c["x0"] for c in chars]
    keep: list[int] = []
    for members in groups.values():
        if len(members) == 1:
            keep.append(members[0])
            continue
        for rows in _clusters(members, doctop.__getitem__, tolerance):
            for cluster in _clusters(rows, x0.__getitem__, tolerance):
                keep.append(min(cluster, key=lambda i: (doctop[i], x0[i])))
    keep.sort()
    return [chars[i] for i in keep]


def _clusters(members: list[int], value: Callable[[int], float], tolerance: float) -> list[list[int]]:
    """Split members (ascending indices) where their sorted distinct values
    are more than ``tolerance`` apart, as pdfplumber's ``cluster_list``
    does (``x <= last + tolerance``); each cluster keeps the members' order."""
    if len(members) == 1:
        return [members]
    cluster_of: dict[float, int] = {}
    last, n = None, -1
    for v in sorted(set(map(value, members))):
        if last is None or tolerance == 0 or not v <= last + tolerance:
            n += 1
        cluster_of[v] = n
        last = v
    out: list[list[int]] = [[] for _ in range(n + 1)]
    for i in members:
        out[cluster_of[value(i)]].append(i)
    return out
