"""--batch-checks: one indicator and period reported with two values across
the documents of a batch (the 2023 figure of 城镇新增就业 in two reports)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from ..document import Document
from ..errors import MESSAGES


def claims_of(doc: Document) -> list[dict]:
    """What the batch check needs of a document, small enough to keep for
    thousands of documents."""
    out = []
    for q in doc.quantities:
        if q.role != "actual" or q.approx or q.group is not None or not q.period or q.norm_value is None:
            continue
        key = q.indicator_id or q.indicator
        if key:
            out.append({"key": key, "indicator": q.indicator, "period": q.period, "unit": q.norm_unit,
                        "value": q.norm_value, "start": q.start, "end": q.end, "text": q.text})
    return out


def batch_flags(summaries: list[tuple[str, str, list[dict]]]) -> dict[str, list[dict]]:
    """summaries: (output path, doc name, claims_of(doc)). Returns the flags to
    add per output path: each value differing from the first document's."""
    first: dict[tuple, tuple[str, dict]] = {}
    added: dict[str, list[dict]] = defaultdict(list)
    for out_path, name, claims in summaries:
        for c in claims:
            k = (c["key"], c["period"], c["unit"])
            if k not in first:
                first[k] = (name, c)
                continue
            other_name, other = first[k]
            if other_name != name and other["value"] != c["value"]:
                values = f"{other_name}中为{other['text']}，本文为{c['text']}"
                added[out_path].append({
                    "start": c["start"], "end": c["end"], "text": c["text"], "type": "inconsistency",
                    "subtype": "mismatch", "code": "R308", "severity": "warning",
                    "message": MESSAGES["R308"].format(indicator=c["indicator"], values=values),
                    "note": f"batch: {c['indicator']} {c['period']} also given as {other['text']} in {other_name}",
                    "evidence": [{"doc": other_name, "start": other["start"], "end": other["end"],
                                  "text": other["text"]}, {"start": c["start"], "end": c["end"], "text": c["text"]}],
                    "arithmetic": None, "article": None, "page": None})
    return added


def apply(added: dict[str, list[dict]]) -> int:
    for out_path, flags in added.items():
        path = Path(out_path)
        data = json.loads(path.read_text(encoding="utf-8"))
        data["flags"] = sorted(data["flags"] + flags, key=lambda f: (f["start"], f["end"]))
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(path)
    return sum(len(f) for f in added.values())
