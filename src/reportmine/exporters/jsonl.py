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
    encode = json.JSONEncoder(ensure_ascii=False).encode      # json.dumps(row, ensure_ascii=False)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.writelines(encode(row) + "\n" for row in records)
