"""Rules files: YAML and xlsx load into the same model and give the same
scores; bad rules get a coded Chinese error naming the line/row and field."""

from decimal import Decimal as D

import openpyxl
import pytest

from reportmine.scoring import RulesError, load_rules, score_records

from test_rule_methods import rec

YAML = """scale: {base: 60, full: 100}
indicators:
  - indicator: 城镇新增就业
    aliases: [新增城镇就业, 城镇新增就业人数]
    weight: 8
    method: ratio
    unit: 万人
    target: 3
    cap: 1.2
  - indicator: 地区生产总值增速
    weight: 10
    method: efficacy
    unit: "%"
    floor: 8
    satisfactory: 12
    zero_below_floor: true
  - indicator: 空气质量优良天数比例
    weight: 10
    method: tiers
    unit: "%"
    tiers: {优秀: 90, 良好: 85, 平均: 80, 较低: 75, 较差: 70}
  - indicator: 一般公共预算收入增速
    weight: 10
    method: steps
    unit: "%"
    target: 9
    per: 0.2
    points_per_step: -1
    min_points: 0
  - indicator: 较大安全事故
    weight: 2
    method: threshold
    direction: lower
    unit: 起
    target: 0
    veto: true
"""

HEADER = ["indicator", "aliases", "weight", "method", "direction", "unit", "target", "floor",
          "satisfactory", "cap", "zero_below_floor", "per", "points_per_step", "min_points", "veto",
          "优秀", "良好", "平均", "较低", "较差"]
ROWS = [
    ["城镇新增就业", "新增城镇就业、城镇新增就业人数", 8, "ratio", None, "万人", 3, None, None, 1.2],
    ["地区生产总值增速", None, 10, "efficacy", None, "%", None, 0.08, 0.12, None, "是"],
    ["空气质量优良天数比例", None, 10, "tiers", None, "%"] + [None] * 9 + [90, 85, 80, 75, 70],
    ["一般公共预算收入增速", None, 10, "steps", None, "%", 9, None, None, None, None, 0.2, -1, 0],
    ["较大安全事故", None, 2, "threshold", "lower", "起", 0, None, None, None, None, None, None, None, True],
]


def write_xlsx(path, header=HEADER, rows=ROWS, scale=True):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "rules"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    # 8% and 12% typed as percentages: Excel keeps 0.08 and shows 8%
    for cell in ("H3", "I3"):
        sheet[cell].number_format = "0%"
    if scale:
        s = book.create_sheet("scale")
        s.append(["base", "full"])
        s.append([60, 100])
    book.save(path)
    return path


RECORDS = [
    rec("城镇新增就业人数", org="甲县", actual=28000),
    rec("地区生产总值增速", org="甲县", actual=0.105),
    rec("空气质量优良天数比例", org="甲县", actual=0.87),
    rec("一般公共预算收入增速", org="甲县", actual=0.085),
    rec("较大安全事故", org="甲县", actual=0),
    rec("新增城镇就业", org="乙县", actual=36000),
    rec("地区生产总值增速", org="乙县", actual=0.07),
    rec("空气质量优良天数比例", org="乙县", actual=0.95),
    rec("一般公共预算收入增速", org="乙县", actual=0.05),
    rec("较大安全事故", org="乙县", actual=0),
]


def test_yaml_and_xlsx_give_the_same_rules_and_scores(tmp_path):
    (tmp_path / "r.yaml").write_text(YAML, encoding="utf-8")
    from_yaml = load_rules(tmp_path / "r.yaml")
    from_xlsx = load_rules(write_xlsx(tmp_path / "r.xlsx"))
    strip = lambda rs: [r.__class__(**{**r.__dict__, "where": ""}) for r in rs.rules]  # noqa: E731
    assert strip(from_yaml) == strip(from_xlsx) and from_yaml.scale == from_xlsx.scale
    a, b = score_records(RECORDS, from_yaml), score_records(RECORDS, from_xlsx)
    assert [(r.org, r.points, r.status, r.detail) for r in a.rows] == \
           [(r.org, r.points, r.status, r.detail) for r in b.rows]
    # 甲县: 7.47 + 8.50 + 8.80 + 8.00 + 2.00 = 34.77
    # 乙县: 8 x 1.2 = 9.60; 7% < floor, zero_below_floor: 0; 95% >= 优秀: 10.00;
    #       shortfall 4 个百分点 = 20 steps, 扣完为止: 0.00; 2.00 -> 21.60
    assert [(o.org, o.total, o.rank) for o in a.orgs] == [("甲县", D("34.77"), 1), ("乙县", D("21.60"), 2)]


def load_yaml_text(tmp_path, text):
    p = tmp_path / "rules.yaml"
    p.write_text(text, encoding="utf-8")
    return load_rules(p)


@pytest.mark.parametrize("edit,code,where,field", [
    (("method: ratio", "method: ratios"), "E503", "第6行", "method"),
    (("    cap: 1.2\n", "    cap: 1.2\n    weigth: 3\n"), "E504", "第10行", "weigth"),
    (("    weight: 8\n", ""), "E502", "第3行", "weight"),
    (("unit: 万人", "unit: 万斤斤"), "E505", "第7行", "万斤斤"),
    (("target: 3", "target: 三个"), "E503", "第8行", "target"),
    (("较差: 70", "较差: 80"), "E503", "第21行", "较差"),
    (("    per: 0.2\n", ""), "E502", "第22行", "per"),
    (("- indicator: 较大安全事故", "- indicator: 新增城镇就业"), "E506", "第30行", "新增城镇就业"),
    (("zero_below_floor: true", "zero_below_floor: 也许"), "E503", "第16行", "zero_below_floor"),
    (("satisfactory: 12", "satisfactory: 7"), "E503", "第15行", "satisfactory"),     # not better than floor 8
    (("satisfactory: 12", "satisfactory: 8"), "E503", "第15行", "satisfactory"),
    (("    floor: 8\n", ""), "E502", "第10行", "floor"),
    (("points_per_step: -1", "points_per_step: 0"), "E503", "第28行", "points_per_step"),
    (("    weight: 8\n", "    weight: 8\n    value: completion_rate\n"), "E503", "第8行", "unit"),
    (("direction: lower", "direction: down"), "E503", "第33行", "direction"),
    (("    weight: 2\n", "    weight: -2\n"), "E503", "第31行", "weight"),
])
def test_bad_yaml_rules_name_the_line_and_field(tmp_path, edit, code, where, field):
    assert edit[0] in YAML
    with pytest.raises(RulesError) as info:
        load_yaml_text(tmp_path, YAML.replace(edit[0], edit[1], 1))
    assert info.value.code == code
    assert where in info.value.message and field in info.value.message
    assert "rules.yaml" in info.value.message


def test_broken_yaml_and_wrong_shape(tmp_path):
    with pytest.raises(RulesError) as info:
        load_yaml_text(tmp_path, "indicators:\n  - indicator: [x\n")
    assert info.value.code == "E501" and "行" in info.value.message
    with pytest.raises(RulesError) as info:
        load_yaml_text(tmp_path, "rules: []\n")
    assert info.value.code == "E504"
    with pytest.raises(RulesError) as info:
        load_rules(tmp_path / "absent.yaml")
    assert info.value.code == "E501"


def test_bad_xlsx_rows_name_the_row_and_column(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[2][3] = "档次"                                  # method of the indicator on sheet row 4
    with pytest.raises(RulesError) as info:
        load_rules(write_xlsx(tmp_path / "r.xlsx", rows=rows))
    assert info.value.code == "E503" and "r.xlsx 第4行 D列" in info.value.message
    rows = [list(r) for r in ROWS]
    rows[0][2] = None                                    # no weight on row 2
    with pytest.raises(RulesError) as info:
        load_rules(write_xlsx(tmp_path / "r2.xlsx", rows=rows))
    assert info.value.code == "E502" and "第2行" in info.value.message and "weight" in info.value.message
    (tmp_path / "bad.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(RulesError) as info:
        load_rules(tmp_path / "bad.xlsx")
    assert info.value.code == "E501"


def test_the_shipped_xlsx_rules_are_the_yaml_rules():
    from helpers import CORPORA

    yaml_rules = load_rules(CORPORA / "rules" / "samples.yaml")
    xlsx_rules = load_rules(CORPORA / "rules" / "samples.xlsx")
    strip = lambda rs: [r.__class__(**{**r.__dict__, "where": ""}) for r in rs.rules]  # noqa: E731
    assert strip(yaml_rules) == strip(xlsx_rules) and len(xlsx_rules.rules) == 10


def test_scoring_vocabulary_is_validated(monkeypatch):
    from reportmine.resources import DataFileError
    from reportmine.scoring import vocabulary

    assert vocabulary.split_aliases("新增城镇就业、城镇新增就业人数,新增就业 ") == [
        "新增城镇就业", "城镇新增就业人数", "新增就业"]
    bad = {"tiers": [{"name": "优秀", "coef": "0.8"}, {"name": "良好", "coef": "1.0"}],
           "alias_separators": ["、"], "fonts": ["X"]}
    monkeypatch.setattr(vocabulary, "load_yaml", lambda name: bad)
    vocabulary._data.cache_clear()
    try:
        with pytest.raises(DataFileError):
            vocabulary.tiers()
    finally:
        vocabulary._data.cache_clear()


def test_xlsx_rules_without_openpyxl_say_which_extra(tmp_path):
    import subprocess
    import sys

    path = write_xlsx(tmp_path / "r.xlsx")
    code = ("import sys; sys.modules['openpyxl'] = None\n"
            "from reportmine.scoring import load_rules, RulesError\n"
            f"try:\n    load_rules({str(path)!r})\nexcept RulesError as e:\n    print(e.code, e.message)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert out.startswith("E509") and "openpyxl" in out and "reportmine[scoring]" in out
