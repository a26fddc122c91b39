"""JSON streamed to a file equals json.dumps of the same object."""

import io
import json

from reportmine.json_stream import read_lines, write_compact, write_lines

OBJ = {"document": {"text": "全年完成投资1.2亿元\n\"引号\"", "quantities": [
    {"start": 1, "end": 5, "value": 1.2, "norm_value": 120000000.0, "evidence": [{"a": None}], "ok": True}] * 3,
    "blocks": []}, "records": [[1, "二"], {"x": -0.5e-7}], "meta": {1: "a non-str key"}, "empty": {},
    "path": "bad\udcffname.txt", "n": None}


def test_compact_equals_dumps():
    for depth in (0, 1, 3, 6):
        out = io.StringIO()
        write_compact(out, OBJ, depth)
        assert out.getvalue() == json.dumps(OBJ, ensure_ascii=False, separators=(",", ":"))



def test_lines_are_json_and_read_back_a_line_at_a_time():
    for depth in (0, 1, 3, 6):
        out = io.StringIO()
        write_lines(out, OBJ, depth)
        text = out.getvalue()
        expected = json.loads(json.dumps(OBJ, ensure_ascii=False))
        assert json.loads(text) == expected
        if depth >= 3:      # the text, each quantity, each record: a line of its own
            assert '"全年完成投资1.2亿元\\n\\"引号\\""' in text.splitlines()
        lines = text.encode("utf-8", "surrogateescape").splitlines(keepends=True)
        assert read_lines(lines, "surrogateescape") == expected


def test_read_lines_refuses_what_is_not_whole():
    out = io.StringIO()
    write_lines(out, OBJ)
    lines = out.getvalue().encode("utf-8", "surrogateescape").splitlines(keepends=True)
    for broken in (lines[:-1], lines[:len(lines) // 2], lines + [b"{\n"], [b"{\n", b"}x\n"]):
        try:
            read_lines(broken, "surrogateescape")
        except ValueError:
            continue
        raise AssertionError(f"read: {broken[-2:]}")


def test_long_lists_in_runs_and_mixed_items_equal_dumps():
    from reportmine import json_stream

    record = {"id": "a", "actual": 1.5, "flag_codes": ["R301"], "quote": "完成\u2028率"}
    big = {"rows": [[i, str(i)] for i in range(json_stream.SMALL + 5)]}      # opened: a long list inside
    obj = {"records": [dict(record, n=i) for i in range(3 * json_stream.RUN + 7)],
           "mixed": [record, big, record, [], [big], None, big],
           "document": {"text": "正文", "quantities": [record] * (json_stream.SMALL + 1)}}
    for depth in (1, 2, 3, 4):
        out = io.StringIO()
        json_stream.write_compact(out, obj, depth)
        assert out.getvalue() == json.dumps(obj, ensure_ascii=False, separators=(",", ":")), depth
    pieces = list(json_stream._pieces(obj, 3))
    assert max(map(len, pieces)) < len(json.dumps(obj["records"], ensure_ascii=False)) / 2   # never one piece


def test_equal_text_values_of_list_items_are_read_back_as_one_object():
    quantities = [{"start": i, "unit": "万" + "元", "role": "act" + "ual", "text": f"{i}万元"} for i in range(1200)]
    out = io.StringIO()
    write_lines(out, {"document": {"quantities": quantities}})
    back = read_lines(out.getvalue().encode("utf-8").splitlines(keepends=True))["document"]["quantities"]
    assert back == quantities
    assert len({id(q["unit"]) for q in back}) == 1 and len({id(q["role"]) for q in back}) == 1
    assert len({id(q["text"]) for q in back}) == 1200
