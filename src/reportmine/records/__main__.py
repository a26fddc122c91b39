"""``python -m reportmine.records``: write schema.json from columns.py."""

import json
from pathlib import Path

from . import json_schema

target = Path(__file__).with_name("schema.json")
target.write_text(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(target)
