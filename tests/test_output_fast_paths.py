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


def test_parquet_columns_in_one_pass_equal_each_record_asked():
    from reportmine.exporters import parquet

    names = ["a", "b", "c"]
    whole = [{"a": 1, "b": None, "c": "x", "extra": 2}, {"a": 2.5, "b": [1], "c": ""}]
    assert [list(c) for c in parquet._columns(whole, names)] == [[r.get(n) for r in whole] for n in names]
    holes = whole + [{"a": 3}]
    assert [list(c) for c in parquet._columns(holes, names)] == [[r.get(n) for r in holes] for n in names]


def test_csv_formula_check_equals_each_text_checked():
    from reportmine.exporters import csv as csv_writer
    from reportmine.exporters.cells import FORMULA_START

    rng = random.Random(13)
    pieces = [None, "", "=A1", "+3", "-x", "@x", "\tx", "\rx", "文字", "a=b", 7, 0]
    for _ in range(2000):
        values = tuple(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        kinds = set(map(type, values))
        if not kinds <= csv_writer._TEXT:
            continue
        expected = any(v.startswith(FORMULA_START) for v in values if type(v) is str)
        assert csv_writer._formula_in(values, kinds) == expected


def test_a_new_run_database_gets_16k_pages_and_an_existing_file_keeps_its_own(tmp_path):
    import sqlite3

    from reportmine.store.run import open_store

    def page_size(path):
        conn = sqlite3.connect(path)
        try:
            return conn.execute("PRAGMA page_size").fetchone()[0], conn.execute("PRAGMA journal_mode").fetchone()[0]
        finally:
            conn.close()

    new = tmp_path / "new.db"
    with open_store(f"sqlite:///{new}") as store:
        store.finish_run(store.start_run("test"))
    assert page_size(new) == (16384, "wal")
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    conn.execute("CREATE TABLE other (x)")          # a file made elsewhere, at SQLite's default size
    conn.close()
    before = page_size(old)[0]
    with open_store(f"sqlite:///{old}") as store:     # not at the snapshot: goes to the migrating Store
        store.finish_run(store.start_run("test"))
    assert page_size(old)[0] == before == 4096


def test_xlsx_display_width_counts_wide_characters_twice_as_a_scan_does():
    from reportmine.exporters import xlsx

    rng = random.Random(17)
    for _ in range(3000):
        text = "".join(chr(rng.choice([rng.randint(32, 0x2E7F), rng.randint(0x2E7E, 0x2E81),
                                       rng.randint(0x2E80, 0xFFFF), rng.randint(0x10000, 0x10FFFF)]))
                       for _ in range(rng.randint(0, 20)))
        assert xlsx._display(text) == sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
    assert xlsx._display(None) == 0 and xlsx._display(12.5) == 4


def _render_by_position(text: str, marks: list, anchors: dict) -> str:
    """report.html's text the slow way: the marks over each piece looked up one by one."""
    n = len(text)
    spans = [(max(0, m.start), min(n, m.end)) for m in marks]
    cuts = sorted({0, n, *[p for s, e in spans if s < e for p in (s, e)], *[p for p in anchors if 0 <= p <= n]})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        out += [highlight._anchor(name) for name in anchors.get(a, ())]
        over = [i for i, (s, e) in enumerate(spans) if s <= a < e]
        piece = highlight.escape(text[a:b])
        if not over:
            out.append(piece)
        else:
            tag = (marks[over[0]].tag or highlight._open([marks[over[0]]])) if len(over) == 1 else \
                highlight._open([marks[i] for i in over])
            out += [tag, piece, "</span>"]
    out += [highlight._anchor(name) for name in anchors.get(n, ())]
    return "".join(out)


def test_the_sweep_renders_what_a_piece_by_piece_lookup_renders():
    rng = random.Random(19)
    for _ in range(400):
        text = "".join(rng.choice("ab<>&\"'一二 \n") for _ in range(rng.randint(0, 60)))
        marks = []
        for i in range(rng.randint(0, 10)):
            s = rng.randint(-2, 62)
            title = rng.choice(["", "t", "t<i>", "数&量"])
            mark = highlight.Mark(s, s + rng.randint(-1, 20), rng.choice(["q r-a", "fl s-box", "bp"]), title,
                                  rng.choice([{}, {"q": str(i)}, {"f": f"<{i}>"}]))
            if rng.random() < 0.5:
                mark.tag = highlight._open([mark])
            marks.append(mark)
        anchors = {rng.randint(-1, 62): [rng.choice(["d0-r1", "d0-f2", ("d0-p1", "第 1 页"), "a<b"])]
                   for _ in range(rng.randint(0, 4))}
        for per_chunk in (1, 3, 4096):
            rendered = "".join(highlight.render_chunks(text, marks, anchors, cuts_per_chunk=per_chunk))
            assert rendered == _render_by_position(text, marks, anchors)


def test_titled_marks_tags_equal_each_tag_made_by_opening():
    from reportmine.exporters import sections

    for titles in (["12万元 → 120,000元", "[R301] 前后不一致：合计不符"], ["a<b", "x & y", '"引"', "普通"]):
        titled = [(i, i + 2, "q r-actual", "q r-actual", t, "qf"[i % 2], i) for i, t in enumerate(titles)]
        marks = sections._titled_marks(titled)
        assert [m.tag for m in marks] == [highlight.opening(safe, t, f' data-{k}="{i}"')
                                          for _, _, _, safe, t, k, i in titled]
        assert [(m.start, m.end, m.classes, m.title, m.data) for m in marks] == \
            [(s, e, c, t, {k: str(i)}) for s, e, c, _, t, k, i in titled]
