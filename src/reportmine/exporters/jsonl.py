"""records.jsonl: one JSON record per line (UTF-8, schema reportmine-record/2)."""

from __future__ import annotations

import json

FILENAME = "records.jsonl"


def write(result, path) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for row in result.records:
            fh.write(json.dumps(row, ensure_ascii=False))
            fh.write("\n")
