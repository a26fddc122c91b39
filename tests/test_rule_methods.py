"""Scoring methods, worked by hand: every method and branch, each expected
number computed in the comment beside it (issue 12's Done-when list)."""

from decimal import Decimal as D

import pytest

from reportmine.scoring import load_rules, score_records


def rules(tmp_path, body: str, scale: str = ""):
    p = tmp_path / "rules.yaml"
    p.write_text(f"{scale}indicators:\n{body}", encoding="utf-8")
    return load_rules(p)


NUMBERS = ("actual", "target", "basic_target", "full_target", "completion_rate", "growth")


def rec(indicator, org="甲县", rid=None, flags=(), **numbers):
    r = {"record_id": rid or f"{org}-{indicator}-{len(numbers)}", "org": org, "indicator": indicator,
         "indicator_id": None, "indicator_name": None, "period": None, "actual_unit": None,
         "status": "flagged" if flags else "ok", "flag_codes": list(flags)}
    r.update(dict.fromkeys(NUMBERS))
    for k, v in numbers.items():
        r[k] = D(str(v)) if k in NUMBERS else v
    return r


def one(rs, *records):
    row = score_records(list(records), rs).rows[0]
    return row


GROWTH = """  - indicator: 地区生产总值增速
    weight: 10
    method: efficacy
    unit: "%"
    floor: 8
    satisfactory: 12
"""


# ---------- efficacy (功效系数法) ----------

def test_efficacy_higher_is_the_issue_example(tmp_path):
    # c = (10.5-8)/(12-8) = 0.625; 10 x (60 + 40 x 0.625) / 100 = 8.50
    row = one(rules(tmp_path, GROWTH), rec("地区生产总值增速", actual=0.105, actual_unit="ratio"))
    assert row.points == D("8.50") and row.status == "scored"
    assert row.detail == "功效系数 (10.5%-8%)/(12%-8%) = 0.625，得分 10×(60+40×0.625)/100 = 8.50"


@pytest.mark.parametrize("actual,points,missed", [
    (0.13, "10.00", False),   # c = (13-8)/4 = 1.25, clipped to 1: 10 x 100/100 = 10.00
    (0.12, "10.00", False),   # c = 1 exactly
    (0.08, "6.00", False),    # c = 0: 10 x 60/100 = 6.00, at the floor is not below it
    (0.07, "6.00", True),     # c = -0.25 clipped to 0: 6.00, and below the floor (veto would fire)
])
def test_efficacy_clipping(tmp_path, actual, points, missed):
    row = one(rules(tmp_path, GROWTH), rec("地区生产总值增速", actual=actual))
    assert (row.points, row.missed) == (D(points), missed)


def test_efficacy_zero_below_floor(tmp_path):
    body = GROWTH + "    zero_below_floor: true\n"
    # 7% is below the floor 8%: 0 instead of 6.00
    assert one(rules(tmp_path, body), rec("地区生产总值增速", actual=0.07)).points == D("0.00")
    # 9%: c = 0.25, 10 x (60 + 10)/100 = 7.00 (the option only acts below the floor)
    assert one(rules(tmp_path, body), rec("地区生产总值增速", actual=0.09)).points == D("7.00")


def test_efficacy_lower_is_better(tmp_path):
    body = """  - indicator: 单位地区生产总值能耗
    weight: 10
    method: efficacy
    direction: lower
    unit: 吨标准煤
    floor: 0.6
    satisfactory: 0.5
"""
    # c = (0.6-0.56)/(0.6-0.5) = 0.4; 10 x (60 + 40 x 0.4)/100 = 7.60
    assert one(rules(tmp_path, body), rec("单位地区生产总值能耗", actual=0.56)).points == D("7.60")
    # 0.45 is better than satisfactory: c = 1.5 -> 1, 10.00; 0.7 is worse than the floor: 6.00, missed
    assert one(rules(tmp_path, body), rec("单位地区生产总值能耗", actual=0.45)).points == D("10.00")
    row = one(rules(tmp_path, body), rec("单位地区生产总值能耗", actual=0.7))
    assert (row.points, row.missed) == (D("6.00"), True)


def test_efficacy_from_the_records_basic_and_full_targets(tmp_path):
    body = "  - {indicator: 规上工业增加值增速, weight: 6, method: efficacy}\n"
    # no floor/satisfactory in the rule: basic 8%, full 10% from the record (fractions)
    # c = (0.09-0.08)/(0.10-0.08) = 0.5; 6 x (60 + 40 x 0.5)/100 = 4.80
    r = rec("规上工业增加值增速", actual=0.09, basic_target=0.08, full_target=0.10)
    assert one(rules(tmp_path, body), r).points == D("4.80")
    # without them the record cannot be scored: missing, never 0
    row = one(rules(tmp_path, body), rec("规上工业增加值增速", actual=0.09))
    assert (row.status, row.points) == ("missing", None) and "基本任务" in row.detail


def test_efficacy_scale_and_half_up_rounding(tmp_path):
    # base 50: 10 x (50 + 50 x 0.625)/100 = 8.125 -> 8.13 half-up (binary float round() gives 8.12)
    rs = rules(tmp_path, GROWTH, scale="scale: {base: 50, full: 100}\n")
    assert one(rs, rec("地区生产总值增速", actual=0.105)).points == D("8.13")


# ---------- tiers (企业绩效评价 多档功效系数) ----------

TIERS = """  - indicator: 空气质量优良天数比例
    weight: 10
    method: tiers
    unit: "%"
    tiers: {优秀: 90, 良好: 85, 平均: 80, 较低: 75, 较差: 70}
"""


@pytest.mark.parametrize("pct,points", [
    (95, "10.00"),   # beyond 优秀: w
    (90, "10.00"),   # at 优秀: w
    (87, "8.80"),    # 良好 band: 10x0.8 + (87-85)/(90-85) x 10 x (1.0-0.8) = 8 + 0.8
    (85, "8.00"),    # at 良好: 10 x 0.8
    (82, "6.80"),    # 平均 band: 6 + (82-80)/5 x 2 = 6.8
    (76, "4.40"),    # 较低 band: 4 + (76-75)/5 x 2 = 4.4
    (72.5, "3.00"),  # 较差 band: 2 + (72.5-70)/5 x 2 = 3
    (70, "2.00"),    # at 较差: 10 x 0.2
    (69, "0.00"),    # worse than 较差: 0
])
def test_tiers_at_each_band_and_beyond_both_ends(tmp_path, pct, points):
    row = one(rules(tmp_path, TIERS), rec("空气质量优良天数比例", actual=D(str(pct)) / 100))
    assert row.points == D(points)


def test_tiers_lower_is_better(tmp_path):
    body = """  - indicator: 生产安全事故死亡人数
    weight: 10
    method: tiers
    direction: lower
    unit: 人
    tiers: {优秀: 1, 良好: 2, 平均: 3, 较低: 4, 较差: 5}
"""
    rs = rules(tmp_path, body)
    # 2.5 reaches 平均 (<= 3), 上档 良好 (2): 6 + (2.5-3)/(2-3) x 10 x 0.2 = 6 + 1 = 7.00
    assert one(rs, rec("生产安全事故死亡人数", actual=2.5)).points == D("7.00")
    assert one(rs, rec("生产安全事故死亡人数", actual=0)).points == D("10.00")   # better than 优秀
    row = one(rs, rec("生产安全事故死亡人数", actual=6))                        # worse than 较差
    assert (row.points, row.missed) == (D("0.00"), True)


# ---------- ratio ----------

JOBS = """  - indicator: 城镇新增就业
    aliases: [新增城镇就业]
    weight: 8
    method: ratio
    unit: 万人
    target: 3
    cap: 1.2
"""


def test_ratio_with_cap_and_unit_wan_ren(tmp_path):
    rs = rules(tmp_path, JOBS)
    # 3万人 = 30000 人; 8 x 28000/30000 = 7.4666.. -> 7.47
    row = one(rs, rec("城镇新增就业", actual=28000, actual_unit="人"))
    assert row.points == D("7.47") and "2.8万人/3万人" in row.detail
    # 8 x min(40000/30000 = 1.333, 1.2) = 9.60
    assert one(rs, rec("城镇新增就业", actual=40000)).points == D("9.60")


def test_ratio_default_cap_is_one(tmp_path):
    rs = rules(tmp_path, JOBS.replace("    cap: 1.2\n", ""))
    assert one(rs, rec("城镇新增就业", actual=40000)).points == D("8.00")   # 8 x min(1.333, 1)


def test_ratio_lower_and_yi_yuan(tmp_path):
    body = """  - {indicator: 城镇登记失业率, weight: 10, method: ratio, direction: lower, unit: "%", target: 4}
  - {indicator: 城乡居民医保基金收入, weight: 5, method: ratio, unit: 亿元, target: 4}
"""
    rs = rules(tmp_path, body)
    # lower: 10 x min(4%/5%, 1) = 8.00
    rows = score_records([rec("城镇登记失业率", actual=0.05), rec("城乡居民医保基金收入", actual=421000000)], rs).rows
    got = {r.rule.indicator: r.points for r in rows}
    # 4亿元 = 400000000 元; 5 x min(4.21/4, 1) = 5.00 (cap 1); 4.21亿元 shown in the rule's unit
    assert got == {"城镇登记失业率": D("8.00"), "城乡居民医保基金收入": D("5.00")}


def test_ratio_with_the_records_target(tmp_path):
    body = "  - {indicator: 城镇新增就业, weight: 10, method: ratio, cap: 1.2}\n"
    # rule without target: the record's 5600; 10 x 6218/5600 = 11.1035.. -> 11.10
    assert one(rules(tmp_path, body), rec("城镇新增就业", actual=6218, target=5600)).points == D("11.10")


# ---------- steps (基本分 + 扣分/加分) ----------

STEPS = """  - indicator: 一般公共预算收入增速
    weight: 10
    method: steps
    unit: "%"
    target: 9
    per: 0.2
    points_per_step: -1
"""


def test_steps_counts_percentage_points(tmp_path):
    # shortfall 9% - 8.5% = 0.5 个百分点; whole steps of 0.2 = 2; 10 - 1 x 2 = 8.00
    row = one(rules(tmp_path, STEPS), rec("一般公共预算收入增速", actual=0.085))
    assert row.points == D("8.00") and "0.5个百分点" in row.detail and row.missed
    # at or above the target: no shortfall, 10.00 (max_points defaults to w)
    assert one(rules(tmp_path, STEPS), rec("一般公共预算收入增速", actual=0.12)).points == D("10.00")


def test_steps_kou_wan_wei_zhi(tmp_path):
    # 5%: shortfall 4 个百分点 = 20 steps: 10 - 20 = -10
    r = rec("一般公共预算收入增速", actual=0.05)
    assert one(rules(tmp_path, STEPS), r).points == D("-10.00")                       # no floor
    row = one(rules(tmp_path, STEPS + "    min_points: 0\n"), r)                       # 扣完为止
    assert row.points == D("0.00") and "扣完为止" in row.detail


def test_steps_lower_and_bonus(tmp_path):
    body = """  - {indicator: 生产安全事故死亡人数, weight: 10, method: steps, direction: lower, unit: 人, target: 5, per: 1, points_per_step: -2, min_points: 0}
  - {indicator: 招商引资, weight: 10, method: steps, unit: 亿元, target: 3, per: 1, points_per_step: 0.5, max_points: 12}
"""
    rs = rules(tmp_path, body)
    rows = score_records([rec("生产安全事故死亡人数", actual=7), rec("招商引资", actual=550000000)], rs).rows
    got = {r.rule.indicator: r.points for r in rows}
    # deaths: 7 - 5 = 2 over, 2 steps x -2: 10 - 4 = 6.00
    # 加分: 5.5亿元 - 3亿元 = 2.5 over, 2 whole steps x 0.5: 10 + 1 = 11.00 (max 12)
    assert got == {"生产安全事故死亡人数": D("6.00"), "招商引资": D("11.00")}
    # 10亿元: 7 steps, 10 + 3.5 = 13.5, kept at max_points 12.00
    assert score_records([rec("招商引资", actual=1000000000)], rs).rows[1].points == D("12.00")


# ---------- threshold ----------

def test_threshold_higher_and_lower(tmp_path):
    body = """  - {indicator: 参保率, weight: 4, method: threshold, unit: "%", target: 95}
  - {indicator: 城镇登记失业率, weight: 5, method: threshold, direction: lower, unit: "%", target: 4.5}
"""
    rs = rules(tmp_path, body)

    def pts(**values):
        recs = [rec(k, actual=v) for k, v in values.items()]
        return [r.points for r in score_records(recs, rs).rows]

    assert pts(参保率=0.96, 城镇登记失业率=0.0312) == [D("4.00"), D("5.00")]   # both met
    assert pts(参保率=0.95, 城镇登记失业率=0.045) == [D("4.00"), D("5.00")]    # equal meets
    assert pts(参保率=0.949, 城镇登记失业率=0.046) == [D("0.00"), D("0.00")]   # both missed


def test_ratio_edges(tmp_path):
    body = """  - {indicator: 较大事故起数, weight: 4, method: ratio, direction: lower, unit: 起, target: 2, cap: 1.5}
  - {indicator: 新增市场主体, weight: 5, method: ratio}
"""
    rs = rules(tmp_path, body)
    rows = score_records([rec("较大事故起数", actual=0), rec("新增市场主体", actual=120, target=0)], rs).rows
    # lower with x = 0: target/x is unbounded, the cap applies: 4 x 1.5 = 6.00
    assert rows[0].points == D("6.00")
    # a target of 0 from the record cannot be divided by: missing with the reason, not 0 points
    assert (rows[1].status, rows[1].points) == ("missing", None) and "目标值为0" in rows[1].detail
