"""Records matched to rules: aliases and ids, periods, units, the statuses
missing / flagged / ambiguous, veto, totals and ranks (worked by hand)."""

from decimal import Decimal as D

from reportmine.scoring import score_records

from test_rule_methods import JOBS, rec, rules


def by_org(table):
    return {o.org: o for o in table.orgs}


def test_aliases_and_catalog_ids_match(tmp_path):
    rs = rules(tmp_path, JOBS + "    id: employment.urban_new_jobs\n")
    recs = [rec("新增城镇就业", org="甲县", actual=30000),                    # an alias
            rec("全年城镇新增就业人员", org="乙县", actual=15000, indicator_id="employment.urban_new_jobs"),
            rec("城镇新增就业人数", org="丙县", indicator_name="城镇新增就业", actual=33000),  # catalog name
            rec("城镇新增就业岗位补贴", org="丁县", actual=99999)]              # another indicator
    rows = {r.org: r for r in score_records(recs, rs).rows}
    # 8 x 30000/30000 = 8.00; 8 x 15000/30000 = 4.00; 8 x 33000/30000 = 8.80
    assert [rows[o].points for o in ("甲县", "乙县", "丙县")] == [D("8.00"), D("4.00"), D("8.80")]
    assert rows["丁县"].status == "missing" and rows["丁县"].points is None


def test_missing_is_listed_and_counted_never_zero(tmp_path):
    body = JOBS + "  - {indicator: 城镇登记失业率, weight: 5, method: threshold, direction: lower, unit: '%', target: 4.5}\n"
    rs = rules(tmp_path, body)
    recs = [rec("城镇新增就业", org="甲县", target=30000),     # no actual: missing
            rec("城镇登记失业率", org="甲县", actual=0.04)]
    table = score_records(recs, rs)
    jobs = table.rows[0]
    assert (jobs.status, jobs.points, jobs.record_id) == ("missing", None, recs[0]["record_id"])
    assert "实际值" in jobs.detail
    org = by_org(table)["甲县"]
    # total 5.00 (the rate only), max 8 x 1.2 + 5 = 14.6, one missing
    assert (org.total, org.max_total, org.missing) == (D("5.00"), D("14.6"), 1)


def test_a_unit_without_the_indicator_is_missing_for_it(tmp_path):
    rs = rules(tmp_path, JOBS)
    table = score_records([rec("城镇新增就业", org="甲县", actual=30000), rec("接待游客", org="乙县", actual=5)], rs)
    rows = {r.org: r for r in table.rows}
    assert rows["乙县"].status == "missing" and "没有" in rows["乙县"].detail
    assert by_org(table)["乙县"].missing == 1


def test_unit_mismatch_is_missing(tmp_path):
    # the rule counts 人 (万人); a record in 人次 is not the same quantity
    row = score_records([rec("城镇新增就业", actual=30000, actual_unit="人次")], rules(tmp_path, JOBS)).rows[0]
    assert row.status == "missing" and "人次" in row.detail


def test_flagged_records_are_scored_and_marked(tmp_path):
    row = score_records([rec("城镇新增就业", actual=30000, flags=["R303"])], rules(tmp_path, JOBS)).rows[0]
    assert (row.status, row.points) == ("flagged", D("8.00")) and "R303" in row.detail


def test_ambiguous_unless_the_period_picks_one(tmp_path):
    recs = [rec("城镇新增就业", rid="a", actual=30000, period="全年"),
            rec("城镇新增就业", rid="b", actual=12000, period="1-6月")]
    row = score_records(recs, rules(tmp_path, JOBS)).rows[0]
    assert (row.status, row.points, row.record_id) == ("ambiguous", None, "a;b")
    assert by_org(score_records(recs, rules(tmp_path, JOBS))).get("甲县").ambiguous == 1
    # period: 1-6月 picks b: 8 x 12000/30000 = 3.20
    row = score_records(recs, rules(tmp_path, JOBS + "    period: 1-6月\n")).rows[0]
    assert (row.status, row.record_id, row.points) == ("scored", "b", D("3.20"))
    # the same numbers twice (a summary and its detail) are one value, not ambiguous
    twice = [rec("城镇新增就业", rid="c", actual=30000), rec("城镇新增就业", rid="d", actual=30000)]
    assert score_records(twice, rules(tmp_path, JOBS)).rows[0].status == "scored"


def test_veto_sets_the_total_to_zero(tmp_path):
    body = JOBS + "  - {indicator: 较大安全事故, weight: 2, method: threshold, direction: lower, unit: 起, target: 0, veto: true}\n"
    rs = rules(tmp_path, body)
    recs = [rec("城镇新增就业", org="甲县", actual=30000), rec("较大安全事故", org="甲县", actual=1),
            rec("城镇新增就业", org="乙县", actual=15000), rec("较大安全事故", org="乙县", actual=0)]
    orgs = by_org(score_records(recs, rs))
    # 甲县: 8.00 + 0 but one accident misses the veto rule: total 0, vetoed, ranked last
    # 乙县: 8 x 0.5 = 4.00 + 2.00 = 6.00
    assert (orgs["甲县"].total, orgs["甲县"].vetoed, orgs["甲县"].rank) == (D("0.00"), True, 2)
    assert (orgs["乙县"].total, orgs["乙县"].vetoed, orgs["乙县"].rank) == (D("6.00"), False, 1)


def test_ranks_share_ties_and_skip(tmp_path):
    rs = rules(tmp_path, "  - {indicator: 参保人数, weight: 10, method: ratio, unit: 人, target: 100}\n")
    # 10 x 100/100 = 10; 10 x 80/100 = 8 twice; 10 x 50/100 = 5
    recs = [rec("参保人数", org=o, actual=v) for o, v in (("丙", 80), ("甲", 100), ("丁", 50), ("乙", 80))]
    table = score_records(recs, rs)
    assert [(o.org, o.total, o.rank) for o in table.orgs] == [
        ("甲", D("10.00"), 1), ("丙", D("8.00"), 2), ("乙", D("8.00"), 2), ("丁", D("5.00"), 4)]


def test_total_is_the_sum_of_rounded_points(tmp_path):
    body = """  - {indicator: 指标一, weight: 1, method: ratio, unit: 人, target: 3}
  - {indicator: 指标二, weight: 1, method: ratio, unit: 人, target: 3}
  - {indicator: 指标三, weight: 1, method: ratio, unit: 人, target: 3}
"""
    # each 1 x 2/3 = 0.666.. -> 0.67; total 0.67 x 3 = 2.01 (not round(2.0) = 2.00)
    recs = [rec(n, actual=2) for n in ("指标一", "指标二", "指标三")]
    assert score_records(recs, rules(tmp_path, body)).orgs[0].total == D("2.01")


def test_scored_values_other_than_actual(tmp_path):
    body = """  - {indicator: 旅游综合收入, weight: 5, method: ratio, value: completion_rate, unit: '%', target: 100, cap: 1.1}
  - {indicator: 税收收入, weight: 4, method: threshold, value: growth, unit: '%', target: 5}
"""
    recs = [rec("旅游综合收入", completion_rate=1.085, actual=5.86e9, actual_unit="元"),
            rec("税收收入", growth=0.062, actual=1e8)]
    rows = score_records(recs, rules(tmp_path, body)).rows
    # 5 x min(108.5%/100%, 1.1) = 5.425 -> 5.43 (half-up); growth 6.2% >= 5%: 4.00
    assert [r.points for r in rows] == [D("5.43"), D("4.00")]


def test_completion_rate_not_stated_is_actual_over_target(tmp_path):
    body = "  - {indicator: 一般公共预算收入, weight: 10, method: ratio, value: completion_rate, unit: '%', target: 100}\n"
    r = rec("一般公共预算收入", actual=32.6e8, target=40e8)
    r["computed_completion_rate"] = D("0.815")
    row = score_records([r], rules(tmp_path, body)).rows[0]
    # no stated rate: 32.6亿 / 40亿 = 81.5%; 10 x min(81.5%/100%, 1) = 8.15
    assert row.points == D("8.15") and "按实际值/目标值计算" in row.detail
    r["completion_rate"] = D("0.915")                    # a stated rate wins: 9.15
    assert score_records([r], rules(tmp_path, body)).rows[0].points == D("9.15")


def test_a_summary_and_its_detail_are_one_value(tmp_path):
    body = "  - {indicator: 城镇新增就业, weight: 10, method: ratio, cap: 1.2}\n"
    rs = rules(tmp_path, body)
    # the same 6218, once with the target 5600 and once without: one value, target 5600
    # 10 x 6218/5600 = 11.1035.. -> 11.10
    recs = [rec("城镇新增就业", rid="detail", actual=6218), rec("城镇新增就业", rid="summary", actual=6218, target=5600)]
    row = score_records(recs, rs).rows[0]
    assert (row.status, row.record_id, row.points) == ("scored", "detail", D("11.10"))
    # the same value against two different targets is ambiguous, and says which target each has
    recs.append(rec("城镇新增就业", rid="other", actual=6218, target=6000))
    row = score_records(recs, rs).rows[0]
    assert row.status == "ambiguous" and "目标5600" in row.detail and "目标6000" in row.detail


def test_the_same_records_in_any_order_give_the_same_table(tmp_path):
    rs = rules(tmp_path, JOBS + "  - {indicator: 参保人数, weight: 10, method: ratio, unit: 人, target: 100}\n")
    recs = [rec("城镇新增就业", org="乙县", rid="b1", actual=30000), rec("城镇新增就业", org="乙县", rid="b0", actual=30000),
            rec("参保人数", org="甲县", rid="a1", actual=100), rec("城镇新增就业", org="甲县", rid="a2", actual=30000),
            rec("参保人数", org="丙县", rid="c1", actual=50)]

    def table(rs_, rows):
        t = score_records(rows, rs_)
        return ([(r.org, r.rule.indicator, r.record_id, r.points, r.status) for r in t.rows],
                [(o.org, o.total, o.rank) for o in t.orgs])

    # 甲县 8.00 + 10.00 = 18.00; 乙县 8.00 (two equal records: the first id, b0); 丙县 5.00
    first = table(rs, recs)
    assert first[1] == [("甲县", D("18.00"), 1), ("乙县", D("8.00"), 2), ("丙县", D("5.00"), 3)]
    assert ("乙县", "城镇新增就业", "b0", D("8.00"), "scored") in first[0]
    assert table(rs, list(reversed(recs))) == first
