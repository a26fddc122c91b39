"""Targets a user supplies (--targets FILE): completion rates are checked
against actual / target even when the report does not state the target.

The file is CSV (UTF-8, header row): indicator,target,unit[,period]
  城镇新增就业,5600,人,2023年
The indicator is matched by catalog id when it links, else by the phrase.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReportmineError


@dataclass(frozen=True)
class Target:
    indicator: str
    indicator_id: str | None
    norm_value: float
    norm_unit: str | None
    period: str | None
    text: str


class TargetsError(ReportmineError):
    pass


def load_targets(path: str | Path) -> list[Target]:
    from ..catalog import default_linker
    from ..quantities import recognize

    rows = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        for i, row in enumerate(csv.DictReader(f), start=2):
            if not row.get("indicator") or not row.get("target"):
                raise TargetsError("E008", path=str(path), reason=f"第{i}行缺少 indicator 或 target")
            written = f"{row['target'].strip()}{(row.get('unit') or '').strip()}"
            found = recognize(written)
            if len(found) != 1:
                raise TargetsError("E008", path=str(path), reason=f"第{i}行的目标值“{written}”无法识别")
            q = found[0]
            ind = row["indicator"].strip()
            rows.append(Target(ind, default_linker().link(ind).id, q.norm_value, q.norm_unit,
                               (row.get("period") or "").strip() or None, written))
    return rows
