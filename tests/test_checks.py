"""Checks: placeholders, missing numbers, inconsistencies, with evidence."""

import pytest


def flags_of(pipeline, text):
    return pipeline.analyze_bytes(text.encode("utf-8"), "t.txt").flags


@pytest.mark.parametrize("text,mark,subtype", [
    ("全年新增就业x%。", "x%", "number"),
    ("接待游客x万人次。", "x万人次", "number"),
    ("xx市委召开会议。", "xx市", "name"),
    ("XX县区完成任务。", "XX县", "name"),
    ("20xx年工作总结。", "20xx年", "date"),
    ("于x月x日召开。", "x月x日", "date"),
    ("在__年度考核中。", "__年", "date"),
    ("整改___项问题。", "___项", "number"),
    ("有效治疗20_人。", "20_人", "number"),
    ("自*年*月*日起施行。", "*年*月*日", "date"),
    ("×市发布通知。", "×市", "name"),
    ("涉及□□项目整改。", "□□", "name"),
    ("已完成ｘ个子项。", "ｘ个", "number"),
    ("共有20xx9人参加。", "20xx9人", "number"),
    ("化解纠纷2XX起。", "2XX起", "number"),
    ("从业2x年。", "2x年", "date"),
    # a masked number with a thousands comma is one placeholder
    ("全年服务群众xx,xxx人次。", "xx,xxx人次", "number"),
])
def test_placeholders(pipeline, text, mark, subtype):
    flags = [f for f in flags_of(pipeline, text) if f.type == "placeholder"]
    assert [f.text for f in flags] == [mark]
    assert flags[0].subtype in (subtype, "number" if subtype == "date" else subtype)
    assert flags[0].code.startswith("R1") and mark in flags[0].message


@pytest.mark.parametrize("text", [
    "PM2.5浓度下降，创建4a级景区，GDP增长，采购x86服务器和Excel培训。",
    "面积为3×4米。",
    "*注：数据来源于统计局。",
    "绩效自评报告_第1页\n绩效自评报告_第2页",
])
def test_not_placeholders(pipeline, text):
    assert [f.text for f in flags_of(pipeline, text) if f.type == "placeholder"] == []


@pytest.mark.parametrize("text,near", [
    ("城镇登记失业率控制在%以内。", "%"),
    ("转移就业规模万人，", "万人"),
    ("全年招商引资要达到亿元以上。", "亿元"),
    ("比市下达任务低了个百分点。", "个百分点"),
    ("完成市局下达任务的%。", "%"),
    ("全年预计将达到 万美元，", "万美元"),
    ("小学、初中入学率分别为100%、%；", "%"),
    ("质量提高了个百\n分点。", "个百\n分点"),
    ("每千人口托位数达到个，", "个"),
    ("占居民总数的2左右，", "2左右"),
    # a blank left where the number was to be typed before its unit
    ("今年完成荒山造林  亩，", "亩"),
    ("全年改造危旧桥梁完成  座。", "座"),
])
def test_missing_numbers(pipeline, text, near):
    flags = [f for f in flags_of(pipeline, text) if f.type == "missing_number"]
    assert len(flags) == 1 and flags[0].text == near
    assert "缺少" in flags[0].message


@pytest.mark.parametrize("text", [
    "万元GDP能耗下降4%，每万人口拥有医生28人，新开工亿元以上项目12个。",
    "完成率111%，增长8.5个百分点。",
    # a number set apart by spaces; a unit that labels a column, after 单位 and a space
    "新建校舍 3200 平方米，",
    "表3 项目资金（单位 万元）",
    # a class bound before a word names a class of projects
    "今年新开工亿元以上重点产业项目36个，万元及以下的小额支出免审。",
    # (as seen on real report pages, written here anew) a unit inside a whole quantity
    # with its pinyin glosses; an approximate number before 万; a table's unit cell
    # before the row's numbers; an idiom, a name in quotes; a file name's page separator
    "线损率较年度计划降低0.38個(gè)百分點(diǎn)。",
    "全年发放宣传资料近6万份，接待读者大约3万人次。",
    "病床使用率 % 84.2 72.5 69.6\n诊疗人次数 万人次 812.6 776.5",
    "指标 | 单位 | 2024年\n客房开房率 | % | 48.6",
    "新型农村合作医疗惠及千家万户，开展“万名干部进万家”活动，建成税收“亿元楼”。",
])
def test_not_missing_numbers(pipeline, text):
    assert [f.text for f in flags_of(pipeline, text) if f.type == "missing_number"] == []


INCONSISTENT = [
    ("sum", "党员58名，其中在职党员41名、离退休党员19名。", "41名 + 19名 = 60"),
    ("sum", "淘汰燃煤锅炉46台，其中城区18台、园区15台、乡镇11台。", "= 44"),
    ("ratio", "活产数2,402人，系统管理2,285人，系统管理率97.2%。", "95.129%"),
    ("completion", "到位资金32.6亿元，完成年度目标40亿元的91.5%。", "81.5%"),
    ("difference", "零售总额增速7.6%，比基本任务8.5%低1.2个百分点。", "0.9个百分点"),
    ("growth", "民间投资完成23.4亿元，上年同期为21.9亿元，同比增长12.8%。", "6.85%"),
    ("bound", "学生体质健康测试合格率102.6%。", None),
    ("respectively", "累计发放贷款1876万元，分别完成市下达任务的117%。", None),
]


@pytest.mark.parametrize("subtype,text,arith", INCONSISTENT, ids=[c[0] + str(i) for i, c in enumerate(INCONSISTENT)])
def test_inconsistencies_are_flagged_with_evidence(pipeline, subtype, text, arith):
    flags = [f for f in flags_of(pipeline, text) if f.type == "inconsistency"]
    assert [f.subtype for f in flags] == [subtype]
    f = flags[0]
    assert f.code.startswith("R3") and f.evidence and f.message
    for ev in f.evidence:
        assert text[ev["start"]:ev["end"]] == ev["text"]
    if arith:
        assert arith in f.arithmetic


CONSISTENT = [
    "党员60名，其中在职党员41名、离退休党员19名。",
    "出生653人，计划内出生637人，计划生育率为97.55%。",
    "到位资金36.6亿元，完成年度目标40亿元的91.5%。",
    "零售总额增速7.6%，比基本任务8.5%低0.9个百分点。",
    "民间投资完成23.4亿元，上年同期为21.9亿元，同比增长6.8%。",
    "城乡居民收入分别为16842元和5217元，分别增长11.4%和13.7%。",
    "新增就业3125个，其中技能性岗位1874个。",
]


@pytest.mark.parametrize("text", CONSISTENT)
def test_consistent_relations_raise_nothing_and_are_recorded(pipeline, text):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [f for f in doc.flags if f.type == "inconsistency"] == []


def test_verified_relation_keeps_its_arithmetic(pipeline):
    doc = pipeline.analyze_bytes("出生653人，计划内出生637人，计划生育率为97.55%。".encode("utf-8"), "t.txt")
    assert any("637人/653人 = 97.54" in v["arithmetic"] and "一致" in v["arithmetic"]
               for v in doc.meta["verified"])


def test_boilerplate_is_not_checked(pipeline):
    assert flags_of(pipeline, "相关文章\n    20xx年工作总结x篇\n") == []


def run_cli(*args):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "reportmine.cli", *args], capture_output=True)


def test_targets_file_checks_completion_rates(tmp_path):
    import json

    (tmp_path / "r.txt").write_text("全年城镇新增就业6218人，完成市下达任务的121.0%。\n", encoding="utf-8")
    (tmp_path / "t.csv").write_text("indicator,target,unit\n城镇新增就业,5600,人\n", encoding="utf-8")
    assert run_cli("analyze", str(tmp_path / "r.txt"), "--out", str(tmp_path / "o"),
                   "--targets", str(tmp_path / "t.csv")).returncode == 0
    data = json.loads((tmp_path / "o/documents/r.txt.json").read_text(encoding="utf-8"))
    [flag] = [f for f in data["flags"] if f["type"] == "inconsistency"]
    assert flag["subtype"] == "completion" and "111.04%" in flag["arithmetic"]


def test_bad_targets_file_is_a_usage_error(tmp_path):
    (tmp_path / "r.txt").write_text("全年新增就业6218人。\n", encoding="utf-8")
    (tmp_path / "t.csv").write_text("indicator,target,unit\n城镇新增就业,很多,人\n", encoding="utf-8")
    result = run_cli("analyze", str(tmp_path / "r.txt"), "--out", str(tmp_path / "o"), "--targets", str(tmp_path / "t.csv"))
    assert result.returncode == 2 and "第2行" in result.stderr.decode("utf-8")


def test_batch_checks_flag_one_indicator_with_two_values_across_files(tmp_path):
    import json

    (tmp_path / "a.txt").write_text("全年城镇新增就业6218人。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("全年城镇新增就业6128人。\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("全年城镇新增就业6218人。\n", encoding="utf-8")
    assert run_cli("analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(tmp_path / "c.txt"),
                   "--out", str(tmp_path / "o"), "--batch-checks").returncode == 0
    flags = {n: json.loads((tmp_path / f"o/documents/{n}.txt.json").read_text(encoding="utf-8"))["flags"]
             for n in "abc"}
    assert flags["a"] == [] and flags["c"] == []
    assert [f["code"] for f in flags["b"]] == ["R308"] and "a.txt" in flags["b"][0]["message"]
