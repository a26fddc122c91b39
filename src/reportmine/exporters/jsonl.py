"""records.jsonl: one JSON record per line (UTF-8, schema reportmine-record/2)."""

from __future__ import annotations

import json
import shutil

FILENAME = "records.jsonl"


def write(result, path) -> None:
    records = result.records
    spooled = getattr(records, "path", None)       # a RowSpool on disk: its lines are these lines already
    if spooled is not None:
        records.flush()
        shutil.copyfile(spooled, path)
        return
    encode = _line_encoder()
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.writelines(encode(row) for row in records)


def _line_encoder():
    """``row -> json.dumps(row, ensure_ascii=False) + "\\n"``; with the C encoder, one
    made for the file instead of one per row as ``JSONEncoder.encode`` makes."""
    encoder = json.JSONEncoder(ensure_ascii=False)
    try:                # what JSONEncoder.iterencode makes for one call
        encode = json.encoder.c_make_encoder(
            {}, encoder.default, json.encoder.encode_basestring, encoder.indent, encoder.key_separator,
            encoder.item_separator, encoder.sort_keys, encoder.skipkeys, encoder.allow_nan)
    except (AttributeError, TypeError):         # no C encoder in this Python
        return lambda row: encoder.encode(row) + "\n"
    return lambda row: "".join(encode(row, 0)) + "\n"
