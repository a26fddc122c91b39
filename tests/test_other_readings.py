"""Other readings of a sentence before a miss is flagged (checks/readings.py),
and the stop-35 readings of brackets, lists and missing numbers written after
real report pages: a bracket opened by 其中 holds only some parts, a bracket
after a part breaks down that part, a project's
own 总投资 sums its own sentence, an item of a ；-list ends at the next ；, a
target word inside a name (一般公共预算收入) marks no target, durations and set
phrases are no missing numbers. Texts written here."""

import pytest


def flags(pipeline, text, kind="inconsistency"):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    return [f for f in doc.flags if f.type == kind]


SILENT = [
    # two gaps of one growth rate, each against its own bracketed average: the
    # second is 18.6 − 13.2, not read against the first gap
    "全县一般公共预算收入增长18.6%，高于全省平均增幅（10%）8.6个百分点，高于全市平均增幅（13.2%）5.4个百分点。",
    # a fall written with the level and the change before it: 712/(6230 + 712)
    "全年接报警情6230起，较去年同期减少712起，同比下降10.26%。",
    # the earlier level after 比去年, a gap to the target between
    "本科上线86人，比县目标60人超出26人，比去年50人增长72%。",
    # a rate of excess: the gap over the target, not a share of two levels
    "本科上线86人，比县目标60人超出26人，超标率43.3%，比去年50人增长72%。",
    # the year's plan, not the bracketed part of it, is the completion's target
    "本年度计划开工项目180项（其中1-9月计划开工150项），目前已开工126项，完成年度计划开工的70%。",
    # a bracket opened by 其中: some of the parts only
    "目前已开工96项（其中，提前开工项目12项，未按计划开工项目20项）。",
    # each group's 总投资 is its own, not the sum of the sentence before
    "省重点项目2个，总投资18亿元，完成投资6.5亿元。市重点项目5个，总投资34.5亿元。",
    # items of a ；-list, each with its one 其中 part: the next item is no part
    "查出违规金额2.3亿元，其中市本级1.1亿元；管理不规范金额43.5亿元，其中市本级40.6亿元；促进增收节支0.3亿元。",
    # a bracket right after a part breaks down that part, not the whole
    "我市共有36座病险水库，其中已列入加固规划的水库14座（大型2座、中型5座、小型7座），计划列入第三批的水库22座（中型6座、小型16座）。",
    # a figure per thousand heads is no whole of the count after 其中
    "全区共有养老机构18家，拥有养老总床位3920张，每千名老人拥有床位41.3张。其中护理型床位1150张，护理型床位比例达到29.3%。",
    # the amounts before a subtotal are inside it, not parts of the grand total beside it
    ("全年甲区销售彩票3120.5万元；乙县销售1840.2万元；丙县销售966.3万元；丁县销售735.4万元；戊县销售512.8万元；"
     "己县销售330.6万元；庚县销售210.7万元；辛县销售45.3万元；县区小计7761.8万元；市本级0万余；合计销售彩票7761.8万元。"),
    # an amount in a bracket closed before 其中 is an aside, not the whole
    "完成职业技能培训1200人，创业能力培训310人（培训后当期实现自主创业人数164人）。其中，精准脱贫培训2870人。",
    # a long label after 、 goes on with the 其中 list: the run is no whole breakdown
    "截至11月底，我局共发布各类服务材料124期，其中《重要天气报告》9期、《气象信息专报》81期、《农业专题气象服务》8期、"
    "春运、中考、花卉节等专题气象服务材料26期。",
    # a completion named like an amount of another unit (工资收入) is not of the count before it
    "截止6月底，全区农村劳动力转移就业62.4万人，实现工资收入21.6亿元，转移人数已经完成了全年60万人的任务，"
    "工资收入完成了全年任务的58.2%。",
    # another count between the total and 其中: the part above the first is the other's
    "全年开展联合执法9次，核查处理工地噪音、餐饮油烟等问题线索26起，整改率100%；其中餐饮油烟检查12次、夜间噪音投诉6件。",
    # an item of the bracket left blank: its parts cannot add up
    "配套渠系建筑物41座（取水坝6座、背水桥22座、人行桥 座）。",
    # a ratio written with colons is no total and its parts
    "三次产业比例由上年的0.5:15.9:83.6变化为0.5:15.2:84.3。",
    # a 其中 part is not the whole the breakdown after 分产业看 breaks down
    "全年实现地区生产总值412.36亿元，比上年增长5.2%，其中区本级268.41亿元，比上年增长7.6%。分产业看，第一产业实现增加值"
    "15.32亿元，增长3.1%；第二产业实现增加值251.83亿元，增长6.2%；第三产业实现增加值145.21亿元，增长3.9%。",
    # 一般公共预算收入 names what was collected: no target of the rate before it
    "完成税收收入412万元，占目标任务的231%，一般公共预算收入完成168万元，占目标任务的105%。",
]


@pytest.mark.parametrize("text", SILENT)
def test_silent(pipeline, text):
    assert flags(pipeline, text) == []


# the same sentences with the stated value wrong under every reading
FLAGGED = [
    ("全县一般公共预算收入增长18.6%，高于全省平均增幅（10%）8.6个百分点，高于全市平均增幅（13.2%）5.9个百分点。", "5.9个百分点"),
    ("全年接报警情6230起，较去年同期减少712起，同比下降11.26%。", "11.26%"),
    ("本科上线86人，比县目标60人超出26人，比去年50人增长77%。", "77%"),
    # the parts of a part aside, the parts still add up to more than the whole
    ("全市共有病险水库36座，其中已列入加固规划的水库14座（大型2座、中型5座、小型7座），"
     "尚未列入规划的水库25座（中型9座、小型16座）。", "36座"),
    ("截止6月底，全区农村劳动力转移就业62.4万人，转移人数完成了全年60万人任务的108%。", "108%"),
    ("配套渠系建筑物41座（取水坝6座、背水桥22座、人行桥9座）。", "41座"),
    ("全县在校生3.86万人，其中寄宿生4.12万人。", "3.86万人"),
    ("全县义务教育阶段在校生2.94万人，学校71所。其中寄宿生3.18万人，全部实现一人一床位。", "2.94万人"),
    ("全年实现地区生产总值412.36亿元，比上年增长5.2%。分产业看，第一产业实现增加值15.32亿元，增长3.1%；"
     "第二产业实现增加值251.83亿元，增长6.2%；第三产业实现增加值146.21亿元，增长3.9%。", "412.36亿元"),
    # a bracket without 其中 is the whole breakdown
    ("争取中央计划投资150万元（中央资金120万元，地方配套20万元）。", "150万元"),
    # a total that is an item of a ；-list keeps its parts named like it after the next ；
    ("全县地区生产总值实现52.3亿元；工农业总产值实现38.6亿元，其中：农业总产值12.4亿元，增长4.1%；"
     "工业总产值27.2亿元，增长9.3%；社会消费品零售总额18.8亿元。", "38.6亿元"),
    # 总投资 closing its own sentence's sources, one digit off
    ("该项目中央补助资金18亿元，地方配套6.5亿元，总投资34.5亿元。", "34.5亿元"),
]


@pytest.mark.parametrize("text,number", FLAGGED)
def test_flagged(pipeline, text, number):
    at = text.index(number)
    assert any(f.start <= at < f.end for f in flags(pipeline, text)), flags(pipeline, text)


@pytest.mark.parametrize("text", [
    "近5年来，全市完成投资12亿元。",
    "深入开展“千企万户”走访，走访企业1.6万户。",
])
def test_no_missing_number(pipeline, text):
    assert flags(pipeline, text, "missing_number") == []


@pytest.mark.parametrize("text,span", [
    ("学员中70岁以上的老人近1，其中年龄最大的86岁。", "近1"),
    ("全年完成造林 亩，比上年增长3%。", "亩"),
    ("项目总投资亿元，已完成投资3亿元。", "亿元"),
])
def test_missing_number_still_flagged(pipeline, text, span):
    assert [f.text for f in flags(pipeline, text, "missing_number")] == [span]
