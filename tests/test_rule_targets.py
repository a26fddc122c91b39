"""`analyze --rules`: the rules' targets feed the completion-rate check."""

import json

from test_checks import run_cli

REPORT = "全年城镇新增就业6218人，完成市下达任务的121.0%。\n"
RULES = """indicators:
  - indicator: 城镇新增就业
    weight: 8
    method: ratio
    unit: 万人
    target: 0.56
"""


def completion_flags(tmp_path, *extra):
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    result = run_cli("analyze", str(tmp_path / "r.txt"), "--out", str(tmp_path / "o"), *extra)
    assert result.returncode == 0, result.stderr.decode("utf-8")
    data = json.loads((tmp_path / "o/documents/r.txt.json").read_text(encoding="utf-8"))
    return [f for f in data["flags"] if f.get("subtype") == "completion"]


def test_rules_targets_check_completion_rates(tmp_path):
    assert completion_flags(tmp_path) == []            # the report states no target: nothing to check
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    # 0.56万人 = 5600 人: 6218 / 5600 = 111.04%, not the 121.0% reported
    [flag] = completion_flags(tmp_path, "--rules", str(tmp_path / "rules.yaml"))
    assert "111.04%" in flag["arithmetic"] and "0.56万人" in flag["arithmetic"]


def test_bad_rules_are_a_usage_error(tmp_path):
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "rules.yaml").write_text(RULES.replace("ratio", "按比例"), encoding="utf-8")
    result = run_cli("analyze", str(tmp_path / "r.txt"), "--out", str(tmp_path / "o"),
                     "--rules", str(tmp_path / "rules.yaml"))
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2 and "[E503]" in err and "第4行" in err and "--rules" in err
