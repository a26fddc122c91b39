"""Write a YAML rules file as the equivalent Excel sheet (one row per
indicator, the YAML keys as column names, tiers in 优秀…较差 columns, a
`scale` sheet), the template an office fills in instead of YAML.

    python corpora/tools/rules_xlsx.py corpora/rules/samples.yaml corpora/rules/samples.xlsx

tests/test_rule_files.py checks that corpora/rules/samples.xlsx loads into
the same rules as samples.yaml.
"""

from __future__ import annotations

import sys

import openpyxl
import yaml

from reportmine.scoring.rules import KEYS
from reportmine.scoring.vocabulary import tier_names


def to_workbook(data: dict) -> openpyxl.Workbook:
    items = data["indicators"]
    used = [k for k in KEYS if k != "tiers" and any(k in item for item in items)]
    header = used + (list(tier_names()) if any("tiers" in item for item in items) else [])
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "rules"
    sheet.append(header)
    for item in items:
        tiers = item.get("tiers") or {}
        row = [_cell(item.get(k)) for k in used] + [tiers.get(n) for n in header[len(used):]]
        sheet.append(row)
    scale = book.create_sheet("scale")
    scale.append(["base", "full"])
    scale.append([data.get("scale", {}).get("base", 60), data.get("scale", {}).get("full", 100)])
    return book


def _cell(value):
    if isinstance(value, list):
        return "、".join(map(str, value))
    return value


def main(argv: list[str]) -> None:
    source, target = argv
    with open(source, encoding="utf-8") as fh:
        to_workbook(yaml.safe_load(fh)).save(target)


if __name__ == "__main__":
    main(sys.argv[1:])
