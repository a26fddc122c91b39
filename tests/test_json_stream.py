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

