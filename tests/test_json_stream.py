"""JSON streamed to a file equals json.dumps of the same object."""

import io
import json

from reportmine.json_stream import write_compact

OBJ = {"document": {"text": "全年完成投资1.2亿元\n\"引号\"", "quantities": [
    {"start": 1, "end": 5, "value": 1.2, "norm_value": 120000000.0, "evidence": [{"a": None}], "ok": True}] * 3,
    "blocks": []}, "records": [[1, "二"], {"x": -0.5e-7}], "meta": {1: "a non-str key"}, "empty": {},
    "path": "bad\udcffname.txt", "n": None}


def test_compact_equals_dumps():
    for depth in (0, 1, 3, 6):
        out = io.StringIO()
        write_compact(out, OBJ, depth)
        assert out.getvalue() == json.dumps(OBJ, ensure_ascii=False, separators=(",", ":"))



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
