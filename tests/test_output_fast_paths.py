"""The outputs' checks done once per row or per table give what the cell-by-cell
paths give (records.xlsx cells, report.html anchors, the database's numbers)."""

import math
import random

from reportmine.exporters import highlight, spreadsheetml
from reportmine.store import rows

TEXTS = ["", "全县完成投资", "a&b", "<b>", "x>y", "\x01控制", "\ud800", "\uffff", "'引'", '"双"', "第 3 页", "普通文字"]
VALUES = [None, 0, 12, -3, 1.5, 9207.0, float("nan"), True, False, ["R301", "R302"], ("a", "<b"), []] + TEXTS


def _row(rng: random.Random) -> list:
    return [rng.choice(VALUES) for _ in range(rng.randint(0, 12))]


def test_xlsx_cells_of_a_row_checked_once_equal_the_cells_checked_one_by_one():
    rng = random.Random(3)
    for _ in range(2000):
        row, style = _row(rng), rng.choice([0, 1, 2])
        s = f' s="{style}"' if style else ""
        one_by_one = spreadsheetml._checked_cells(row, s, f"<c{s}/>",
                                                  f'<c{s} t="inlineStr"><is><t xml:space="preserve">')
        assert spreadsheetml._cells(row, style) == one_by_one


def test_xlsx_cells_cut_at_the_cell_limit_and_escaped():
    long = "字" * (spreadsheetml.MAX_CELL + 5)
    cells = spreadsheetml._cells([long, "a<b", None], 0)
    assert cells.count("字") == spreadsheetml.MAX_CELL
    assert "a&lt;b" in cells and cells.endswith("<c/>")


def test_anchor_tags_equal_each_anchor_escaped():
    rng = random.Random(5)
    names = ["d0-r12", "d0-f3", ("d0-p1", "第 1 页"), "a<b", ("x", 'say "hi"'), "a&b", "d1-r0"]
    for _ in range(300):
        anchors = {rng.randint(0, 50): [rng.choice(names) for _ in range(rng.randint(1, 3))]
                   for _ in range(rng.randint(0, 8))}
        tags = highlight._anchor_tags(anchors)
        assert tags == {p: "".join(highlight._anchor(n) for n in at) for p, at in anchors.items()}


def test_numbers_cleaned_at_once_equal_each_row_cleaned():
    rng = random.Random(9)
    numbers = [None, 0, 0.0, 1.5, -2, 10**400, 1e308, float("nan"), math.inf, -math.inf]
    for _ in range(500):
        table = [(rng.choice(["a", None]), rng.choice(numbers), rng.choice(numbers), rng.choice(numbers))
                 for _ in range(rng.randint(0, 6))]
        for positions in ((1,), (1, 2, 3), (2, 3)):
            expected = [rows._clean(row, positions) for row in table]
            got = rows._cleaned(table, positions)
            assert [tuple(map(repr, r)) for r in got] == [tuple(map(repr, r)) for r in expected]
