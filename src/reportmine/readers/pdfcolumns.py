"""Tables a PDF draws without rules: lines of text parted into columns by
wide gaps.

A line's ink characters part into segments where the gap between two
neighbours is wider than ``GAP_SIZES`` font sizes (running text, justified or
not, never leaves such a gap; a space drawn by the PDF counts as gap). A run
of at least ``MIN_ROWS`` consecutive lines with the same number (at least
``MIN_COLUMNS``) of segments, each line close under the one before, whose
segments line up (every segment of a line is nearest, by its centre, to the
segment of the same column in the run's first line) and which holds digits
in a column after the first on at least two lines, is a table: each segment
is a cell. A later line may leave cells blank (at least two segments, each
nearest to a column of its own, in order): its blank cells are empty. A line
of one segment in the first column, between two rows, is the row label above
it broken onto a second line. Lines that do not fit stay running text.
"""

from __future__ import annotations

GAP_SIZES = 1.5          # a gap wider than this many font sizes parts two cells
MIN_COLUMNS = 3
MIN_ROWS = 2
_PITCH_SIZES = 2.5       # a row lies within this many font sizes under the one before


def split_rows(groups: list[list[dict]]) -> tuple[list[tuple[float, list[list[list[dict]]]]], list[list[dict]]]:
    """``groups``: the page's lines as lists of chars in x order, top to
    bottom. Returns the tables found (their top and rows of cells, each cell
    its chars) and the lines left as running text."""
    segs = [_segments(g) for g in groups]
    tables, rest, i = [], [], 0
    while i < len(groups):
        j, wrapped = i + 1, set()
        if len(segs[i]) >= MIN_COLUMNS:
            while j < len(groups):
                if _continues(groups, segs, i, j):
                    j += 1
                elif j + 1 < len(groups) and _wrapped_label(groups, segs, i, j) and _continues(groups, segs, i, j + 1):
                    wrapped.add(j)      # a row label broken onto a line of its own
                    j += 1
                else:
                    break
        run = [segs[i]]
        for k in range(i + 1, j):
            if k in wrapped:
                run[-1] = [run[-1][0] + segs[k][0]] + run[-1][1:]
            else:
                run.append(_placed(segs[k], segs[i]))
        if len(run) >= MIN_ROWS and sum(1 for row in run if _has_digits(row[1:])) >= 2:
            tables.append((min(c["top"] for c in groups[i]), run))
        else:
            rest.extend(groups[i:j])
        i = j
    return tables, rest


def _wrapped_label(groups: list[list[dict]], segs: list, first: int, j: int) -> bool:
    """A line of one cell, close under a row of the table, in its first column."""
    row, head = segs[j], segs[first]
    if len(row) != 1 or j - 1 == first or _columns(row, head) != [0]:
        return False
    above = groups[j - 1]
    size = max(c["size"] for c in above)
    return min(c["top"] for c in groups[j]) - max(c["bottom"] for c in above) <= _PITCH_SIZES * size


def _segments(chars: list[dict]) -> list[list[dict]]:
    out: list[list[dict]] = []
    prev = None
    for c in chars:
        if not c["text"].strip():
            continue
        if prev is None or c["x0"] - prev["x1"] > GAP_SIZES * max(prev["size"], c["size"]):
            out.append([])
        out[-1].append(c)
        prev = c
    return out


def _continues(groups: list[list[dict]], segs: list, first: int, j: int) -> bool:
    row, head = segs[j], segs[first]
    if not 2 <= len(row) <= len(head):
        return False
    above = groups[j - 1]
    size = max(c["size"] for c in above)
    if min(c["top"] for c in groups[j]) - max(c["bottom"] for c in above) > _PITCH_SIZES * size:
        return False
    columns = _columns(row, head)
    return all(b > a for a, b in zip(columns, columns[1:])) and (len(row) < len(head) or columns == list(range(len(head))))


def _columns(row: list[list[dict]], head: list[list[dict]]) -> list[int]:
    """The column of each segment of ``row``: the head segment nearest by centre."""
    centres = [_centre(s) for s in head]
    return [min(range(len(centres)), key=lambda k: abs(centres[k] - _centre(s))) for s in row]


def _placed(row: list[list[dict]], head: list[list[dict]]) -> list[list[dict]]:
    """The row's segments in their columns, blank columns empty."""
    out: list[list[dict]] = [[] for _ in head]
    for seg, col in zip(row, _columns(row, head)):
        out[col] = seg
    return out


def _centre(seg: list[dict]) -> float:
    return (seg[0]["x0"] + seg[-1]["x1"]) / 2


def _has_digits(cells: list[list[dict]]) -> bool:
    return any(ch.isdigit() for cell in cells for c in cell for ch in c["text"])
