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
    "全县税收收入增长18.6%，比全省平均增速（10%）快8.6个百分点，比全市平均增速（13.9%）快4.7个百分点。",
    # a fall written with the level and the change before it: 712/(6230 + 712)
    "全年共受理治安案件6230起，较去年同期减少712起，同比下降10.26%。",
    # the earlier level after 比去年, a gap to the target between
    "一本上线86人，比县定目标60人超出26人，比去年50人增长72%。",
    # a rate of excess: the gap over the target, not a share of two levels
    "一本上线86人，比县定目标60人超出26人，超标率43.3%，比去年50人增长72%。",
    # the year's plan, not the bracketed part of it, is the completion's target
    "今年计划新开工重点项目180个（其中前三季度计划开工150个），截至9月底已开工126个，完成全年计划开工的70%。",
    # a bracket opened by 其中: some of the parts only
    "截至目前已竣工96个（其中，提前竣工12个，逾期竣工20个）。",
    # each group's 总投资 is its own, not the sum of the sentence before
    "列入省级重点的项目2个，总投资18亿元，已完成6.5亿元。列入市级重点的项目5个，总投资34.5亿元。",
    # items of a ；-list, each with its one 其中 part: the next item is no part
    "发现违纪违规资金2.3亿元，其中县本级1.1亿元；发现管理不规范资金43.5亿元，其中县本级40.6亿元；推动增收节支0.3亿元。",
    # a bracket right after a part breaks down that part, not the whole
    "我县共有36座病险水闸，其中已列入加固规划的水闸14座（大型2座、中型5座、小型7座），计划列入下一批的水闸22座（中型6座、小型16座）。",
    # a figure per thousand heads is no whole of the count after 其中
    "全县养老服务床位共2860张，每千名老年人拥有床位38.6张。其中护理型床位940张，占比32.9%。",
    # the amounts before a subtotal are inside it, not parts of the grand total beside it
    ("全年甲区销售彩票3120.5万元；乙县销售1840.2万元；丙县销售966.3万元；丁县销售735.4万元；戊县销售512.8万元；"
     "己县销售330.6万元；庚县销售210.7万元；辛县销售45.3万元；各县小计7761.8万元；市级0万余；全市合计7761.8万元。"),
    # an amount in a bracket closed before 其中 is an aside, not the whole
    "开展就业技能培训1200人，创业培训310人（培训后实现创业164人）。其中，脱贫劳动力培训2870人。",
    # a long label after 、 goes on with the 其中 list: the run is no whole breakdown
    "全年编发各类简报124期，其中《工作动态》9期、《信息专报》81期、《调研参考》8期、"
    "防汛、秋收、旅游节等专题工作简报26期。",
    # a completion named like an amount of another unit (工资收入) is not of the count before it
    "上半年全县外出务工人员62.4万人，实现劳务收入21.6亿元，务工人数已超过全年60万人的任务，"
    "劳务收入完成了全年任务的58.2%。",
    # another count between the total and 其中: the part above the first is the other's
    "全年组织联合检查9次，受理各类投诉线索26起，办结率100%；其中夜市摊点检查12次、噪声投诉6件。",
    # an item of the bracket left blank: its parts cannot add up
    "配套灌溉建筑物41座（节制闸6座、渡槽22座、便桥 座）。",
    "配套灌溉建筑物27座(节制闸4座、渡槽13座、便桥 座)。",     # (no digit slip read either)
    # a ratio written with colons is no total and its parts
    "三次产业比例由上年的0.5:15.9:83.6变化为0.5:15.2:84.3。",
    # a 其中 part is not the whole the breakdown after 分产业看 breaks down
    "全年实现地区生产总值412.36亿元，比上年增长5.2%，其中区本级268.41亿元，比上年增长7.6%。分产业看，第一产业实现增加值"
    "15.32亿元，增长3.1%；第二产业实现增加值251.83亿元，增长6.2%；第三产业实现增加值145.21亿元，增长3.9%。",
    # a 其中 part written with 累计 is no closing total of the amounts before it
    "1-6月，全镇地区生产总值完成16.4亿元，同比增长9.26%，完成全年目标的50%；公共财政预算收入累计完成2亿元，"
    "同比增长21.79%，完成全年目标的55.76%；固定资产投资累计完成25.15亿元，同比增长11.67%，完成全年目标的50.2%，"
    "其中服务业投资累计完成21.42亿元，同比增长18.61%。",
    # a growth rate is not flagged as the quotient of two other rates
    "今年上半年，全县实现财政总收入52316.4万元，较上年同期增长11.7%，其中县级财政收入17260万元，完成年度预算的57.6%，"
    "较上年同期增长10.7%，实现了时间过半、任务过半。",
    # 分别 listing words (awards, places) before the one number of the sentence
    "编排的节目《山乡新貌》《春到田园》分别获二等奖和三等奖，双人舞《归来》获一等奖，观众达1200人。",
    "接待游客最多的县分别是甲县、乙县和丙县，接待量均在80万人次以上。",
    # a bank's liquidity coverage is at least 100% by rule, no bounded rate
    "年末全市商业银行流动性覆盖率138.6%，资本充足率14.2%。",
    # 一般公共预算收入 names what was collected: no target of the rate before it
    "一季度实现税收412万元，占目标任务的231%，一般公共预算收入完成168万元，占目标任务的105%。",
]


@pytest.mark.parametrize("text", SILENT)
def test_silent(pipeline, text):
    assert flags(pipeline, text) == []


# the same sentences with the stated value wrong under every reading
FLAGGED = [
    ("全县税收收入增长18.6%，比全省平均增速（10%）快8.6个百分点，比全市平均增速（13.9%）快5.2个百分点。", "5.2个百分点"),
    ("全年共受理治安案件6230起，较去年同期减少712起，同比下降11.26%。", "11.26%"),
    ("一本上线86人，比县定目标60人超出26人，比去年50人增长77%。", "77%"),
    # the parts of a part aside, the parts still add up to more than the whole
    ("全县共有待改造水闸36座，其中已纳入改造计划的水闸14座（大型2座、中型5座、小型7座），"
     "尚未纳入计划的水闸25座（中型9座、小型16座）。", "36座"),
    ("上半年全县外出务工人员62.4万人，务工人数完成了全年60万人任务的108%。", "108%"),
    ("配套灌溉建筑物41座（节制闸6座、渡槽22座、便桥9座）。", "41座"),
    ("全县在校生3.86万人，其中寄宿生4.12万人。", "3.86万人"),
    ("全县义务教育阶段在校生2.94万人，学校71所。其中寄宿生3.18万人，全部实现一人一床位。", "2.94万人"),
    ("全年实现地区生产总值412.36亿元，比上年增长5.2%。分产业看，第一产业实现增加值15.32亿元，增长3.1%；"
     "第二产业实现增加值251.83亿元，增长6.2%；第三产业实现增加值146.21亿元，增长3.9%。", "412.36亿元"),
    ("全县两项指标分别完成省下达任务的108%。", "108%"),
    ("大病保险、医疗救助资金分别支出3,160万元。", "3,160万元"),
    # a bracket without 其中 is the whole breakdown
    ("项目总投资150万元（省级补助120万元，县级配套20万元）。", "150万元"),
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
    "开展“千村万户”入户走访，走访农户1.6万户。",
])
def test_no_missing_number(pipeline, text):
    assert flags(pipeline, text, "missing_number") == []


@pytest.mark.parametrize("text,span", [
    ("本班学员里退休人员约3，其余为在职职工。", "约3"),
    ("全年完成造林 亩，比上年增长3%。", "亩"),
    ("项目总投资亿元，已完成投资3亿元。", "亿元"),
])
def test_missing_number_still_flagged(pipeline, text, span):
    assert [f.text for f in flags(pipeline, text, "missing_number")] == [span]
