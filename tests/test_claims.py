"""Claims spec files (tests/specs/claims/*.json) and the spaCy component."""

import json
from pathlib import Path

import pytest

from reportmine.claims import assign_claims
from reportmine.quantities import recognize

SPECS = Path(__file__).parent / "specs" / "claims"


def cases():
    out = []
    for path in sorted(SPECS.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            out.append(pytest.param(case, id=f"{path.stem}-{case['id']}"))
    return out


@pytest.mark.parametrize("case", cases())
def test_claim_spec(case):
    found = recognize(case["input"])
    assign_claims(case["input"], found)
    assert [q.text for q in found] == [e["text"] for e in case["expected"]]
    for q, e in zip(found, case["expected"]):
        assert q.role == e["role"], q.text
        for key in ("indicator", "period", "subject", "setter"):
            if key in e:
                assert getattr(q, key) == e[key], (q.text, key, getattr(q, key))


def test_spacy_component_sets_spans_with_claims():
    import spacy

    import reportmine.spacy_component  # noqa: F401 - registers the factory

    nlp = spacy.blank("zh")
    nlp.add_pipe("reportmine_quantities")
    doc = nlp("全年新增城镇就业岗位27506个，完成局目标任务的106%。")
    spans = doc.spans["quantities"]
    assert [(s.text, s.label_) for s in spans] == [("27506个", "actual"), ("106%", "completion_rate")]
    assert spans[1]._.norm_value == pytest.approx(1.06)
    assert spans[1]._.indicator == spans[0]._.indicator == "新增城镇就业岗位"


@pytest.mark.parametrize("text, role", [
    # GUIDE.md: more or fewer than an earlier period is growth, not a difference
    ("全镇出生人口比上年多46人。", "growth"),
    ("辖区火灾起数比去年同期少5起。", "growth"),
    ("今年比去年同期多出生18人。", "growth"),
    ("实际完成数比年度计划多60户。", "difference"),
])
def test_more_or_fewer_than_an_earlier_period_is_growth(pipeline, text, role):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [q.role for q in doc.quantities] == [role]


@pytest.mark.parametrize("text, role, indicator", [
    # the comparison word nearest the number, not one inside the name compared with
    ("城关一小平均班额比乡镇中心小学多13.7人。", "difference", "城关一小平均班额"),
    ("城关一小平均班额比乡镇中心小学平均班额多13.7人。", "difference", "城关一小平均班额"),
    # (guards, so before too: a verb between the word and the number; 缩小至 is a level)
    ("比市下达的控制指标少死亡2人。", "difference", None),
    ("城乡居民收入比缩小至2.08。", "actual", None),
])
def test_a_comparison_word_nearest_its_number(pipeline, text, role, indicator):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [q.role for q in doc.quantities] == [role]
    assert indicator is None or doc.quantities[0].indicator == indicator


@pytest.mark.parametrize("text, role, indicator", [
    # a plan names its action, any action, before its number: the target
    ("今年计划清淤疏浚中小河流156公里。", "target", "清淤疏浚中小河流"),
    ("明年计划接待游客1050万人次。", "target", "接待游客"),
    # done as planned is done; 计划免疫 is a noun, no plan (a guard: so before too)
    ("按计划完成道路硬化12公里。", "actual", None),
    ("全县计划免疫接种率98%。", "actual", "计划免疫接种率"),
])
def test_a_plan_states_a_target(pipeline, text, role, indicator):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [q.role for q in doc.quantities] == [role]
    assert indicator is None or doc.quantities[0].indicator == indicator


@pytest.mark.parametrize("text, roles, indicator", [
    # a change verb inside a name (技能提升培训) or before its object: the number measures the noun
    ("全年开展电商技能提升培训860人。", ["actual"], "开展电商技能提升培训"),
    ("规范提升标准化养殖场12个。", ["actual"], None),
    # still growth: the verb right before its number, a named earlier period, the size of the change
    ("农民人均纯收入增长9.5%。", ["growth"], None),
    ("比上年增加公益性岗位120个。", ["growth"], None),
    ("亩均产量增长幅度为4.2%。", ["growth"], None),
    ("出口额增加两倍。", ["growth"], None),
])
def test_a_change_verb_before_a_noun_is_no_growth_cue(pipeline, text, roles, indicator):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [q.role for q in doc.quantities] == roles
    if indicator:
        assert doc.quantities[0].indicator == indicator


@pytest.mark.parametrize("text, role", [
    ("每个社区全年开展志愿服务不少于24次。", "target"),
    ("全县新建村级文化广场不少於15个。", "target"),
])
def test_a_lower_bound_is_a_target(pipeline, text, role):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [q.role for q in doc.quantities] == [role]


@pytest.mark.parametrize("text, roles", [
    # a heading that states plans: its cueless values are targets
    ("一、今年工作回顾\n全年新建公厕18座。\n二、2025年工作计划\n全年新建公厕25座，改造农贸市场4个。\n",
     ["actual", "target", "target"]),
    ("三、下一步工作打算\n其中垃圾中转站已建成2座。\n", ["actual"]),
    # a change it plans is a target too (GUIDE.md: target), a title that proposes
    # targets (目标建议) states them; a change the clause reports of an earlier
    # period, or says was reached, stays a change
    ("二、明年主要目标建议\n全镇财政收入增长7%左右，外贸进出口额增长5%以上。\n",
     ["target", "target"]),
    ("三、2026年工作目标\n农民人均可支配收入增长8%（去年增长6.9%），一季度已增长3.2%。\n",
     ["target", "growth", "growth"]),
    # one that also reports problems does not
    ("四、存在的问题和下一步打算\n全镇执法人员仅9名。\n", ["actual"]),
])
def test_a_plan_heading_states_targets(pipeline, text, roles):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [q.role for q in doc.quantities] == roles


def test_a_row_label_s_unit_note_is_no_part_of_the_indicator(pipeline):
    text = "指标\t年度目标\t实际完成\n门诊人次(人次)\t52000\t54310\n药品收入（万元）\t1800\t1725\n"
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [(q.text, q.unit, q.indicator) for q in doc.quantities] == [
        ("52000", "人次", "门诊人次"), ("54310", "人次", "门诊人次"),
        ("1800", "万元", "药品收入"), ("1725", "万元", "药品收入")]



def test_a_section_title_the_catalog_knows_names_what_its_sentences_do_not(pipeline):
    text = ("一、重点指标完成情况\n（一）城镇新增就业\n县下达我镇目标任务1200人，全年实际完成1350人，完成目标任务的112.5%。\n"
            "（二）抓进度\n县下达任务18项，已完成11项。\n"
            "（三）农村劳动力转移就业。今年下达任务2000人，已完成2150人。\n"
            "二、主要做法\n县下达任务6项，已完成6项。\n")
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    got = [(q.text, q.indicator, q.indicator_id) for q in doc.quantities]
    assert got[:3] == [(t, "城镇新增就业", "employment.urban_new_jobs") for t in ("1200人", "1350人", "112.5%")]
    assert got[5][1] == got[6][1] == "农村劳动力转移就业" and got[5][2] is not None
    # a task (the catalog does not know it) and a title that names a part of the report give nothing
    assert [g[1] for g in got[3:5] + got[7:]] == [None] * 4


@pytest.mark.parametrize("text, indicators", [
    # notes in brackets after a row label's unit note are no part of it either
    ("指标\t本年\t上年\n药占比(%)[不含集采药品]\t26.51%\t28.20%\n平均住院日（天）【含日间手术】\t7.8\t8.1\n",
     ["药占比", "药占比", "平均住院日", "平均住院日"]),
    # a bracket that is no unit note stays (乡镇(街道)卫生院 is a name)
    ("指标\t本年\t上年\n乡镇(街道)卫生院诊疗人次\t3200\t3050\n", ["乡镇(街道)卫生院诊疗人次"] * 2),
    # the subject before a listed indicator's first verb is every item's (GUIDE.md: 城镇居民收入, 农村居民收入)
    ("今年全市规模以上工业实现营业收入、利润总额同比分别增长8.5%和12.3%。",
     ["规模以上工业营业收入", "规模以上工业利润总额"]),
    ("全县规模以上企业实现主营收入、利税、利润分别为120亿元、15亿元和9亿元。",
     ["规模以上企业主营收入", "规模以上企业利税", "规模以上企业利润"]),
    # items that are counts or rates of their own, as the last one is, take no head
    # word from it; one that is not still does
    ("上半年全区火灾起数、受伤人数同比分别下降18.2%和40%。", ["火灾起数", "受伤人数"]),
    ("各乡镇餐厨垃圾收运率、处理率分别达到91.5%和88%。", ["各乡镇餐厨垃圾收运率", "处理率"]),
    ("今年早稻、晚稻播种面积分别为12.3万亩和15.1万亩。", ["早稻播种面积", "晚稻播种面积"]),
    # the head is shared when the catalog holds the last item as one word, after
    # the characters parallel to the first item (农村 for 城镇); not a head that
    # stands beside a measure of its own (营业收入、利润总额)
    ("今年城镇、农村居民人均可支配收入依次为41200元和20350元。", ["城镇居民人均可支配收入", "农村居民人均可支配收入"]),
    ("全县小学、初中入学率分别为99.6%和98.9%。", ["小学入学率", "初中入学率"]),
    ("上半年营业收入、利润总额分别增长6.1%和4.3%。", ["营业收入", "利润总额"]),
    # the currency named before an amount is no part of what it measures
    ("今年全镇一般公共预算收入完成人民币1.86亿元。", ["一般公共预算收入"]),
    # no verb: nothing tells the subject from the first item, which keeps its words
    ("三个重点园区营业收入、税金分别占全县规模以上工业的35.2%和30.1%。", ["三个重点园区营业收入", "税金"]),
    # 低保户 is qualified by the sentence's main indicator; the 其中 items after the
    # count that shares it are parts of that, not of one another
    ("全乡共有农业人口9800人，现有低保户420户1310人(其中一类户96户120人,二类户210户730人)。",
     ["农业人口", "农业人口低保户", "农业人口低保户", "农业人口一类户", "农业人口一类户",
      "农业人口二类户", "农业人口二类户"]),
    # a sentence PDF text broke right before its number measures its own clause's
    # words, not the whole line above (the sentence before it on that line)
    ("全县婴儿死亡率3.19‰。报告传染病发病率\n186.43/10万，比上年下降5.2%。",
     ["婴儿死亡率", "报告传染病发病率", "报告传染病发病率"]),
])
def test_indicators_of_labels_lists_and_parts(pipeline, text, indicators):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [q.indicator for q in doc.quantities] == indicators


@pytest.mark.parametrize("text, expected", [
    # the class a bound names is what the next count counts (GUIDE.md: 3000万元以上工业项目)
    ("全镇6岁以下儿童1820人，其中3岁以下儿童系统管理人数为905人。",
     [("6岁以下", "other", None), ("1820人", "actual", "6岁以下儿童"), ("3岁以下", "other", None),
      ("905人", "actual", "3岁以下儿童系统管理人数")]),
    ("新开工5000万元以上产业项目42个。", [("5000万元以上", "other", None), ("42个", "actual", "5000万元以上产业项目")]),
])
def test_a_count_after_a_class_bound_counts_the_class(pipeline, text, expected):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [(q.text, q.role, q.indicator) for q in doc.quantities] == expected


@pytest.mark.parametrize("text, indicator", [
    # a comparison with an earlier period names no indicator: the rate takes its count's
    ("本月共收到群众网络投诉186件，与上月相比上升12.4%。", "收到群众网络投诉"),
    ("全年受理来信92件，与去年同期相比下降8.2%。", "受理来信"),
    ("规上工业增加值与上年相比增长6.8%。", "规上工业增加值"),
])
def test_a_comparison_names_no_indicator(pipeline, text, indicator):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert doc.quantities[-1].role == "growth" and doc.quantities[-1].indicator == indicator


@pytest.mark.parametrize("text, indicators", [
    # the list measures the counts before it: each item is qualified by their indicator
    ("本月群众来访96批1548人次，与上月相比批次、人次分别上升33.3%、27.4%。",
     ["本月群众来访", "本月群众来访", "本月群众来访批次", "本月群众来访人次"]),
    # items that name parts of their own stay as they are
    ("社会消费品零售总额52.3亿元，增长6.1%；其中零售业、餐饮业分别增长5.8%、7.9%。",
     ["社会消费品零售总额", "社会消费品零售总额", "零售业", "餐饮业"]),
])
def test_a_respectively_list_of_measures_is_qualified(pipeline, text, indicators):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [q.indicator for q in doc.quantities] == indicators


@pytest.mark.parametrize("text, indicator", [
    # the indicator written between the clause's cues (力争 … 增长, 确保 … 控制在)
    ("力争全年地区生产总值增长7%。", "地区生产总值"),
    ("确保城镇登记失业率控制在3.5%以内。", "城镇登记失业率"),
    ("明年新建污水管网12公里，力争PM2.5平均浓度控制在35微克/立方米以内。", "PM2.5平均浓度"),
    # who assigned the task (before 下达, 确定) is not what it measures
    ("年初市商务局下达我县全年外贸进出口总额目标任务42亿元。", "外贸进出口总额"),
    ("县委经济工作会议确定今年新增规模以上工业企业目标为35家。", "新增规模以上工业企业"),
])
def test_an_indicator_between_two_cues(pipeline, text, indicator):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert doc.quantities[-1].role == "target" and doc.quantities[-1].indicator == indicator


@pytest.mark.parametrize("text, indicators", [
    # a benchmark (全市平均水平) is what the number is compared with, not what it measures
    ("全县人均旅游消费912元，低于全市平均水平86元。", ["人均旅游消费", "人均旅游消费"]),
    # the writer names no indicator: the one after its cue words does
    ("我们年初确定的财政收入任务是2.3亿元。", ["财政收入"]),
])
def test_a_benchmark_or_the_writer_is_no_indicator(pipeline, text, indicators):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [q.indicator for q in doc.quantities] == indicators


@pytest.mark.parametrize("text, roles", [
    # stop 36, after real scoring pages (not realdev):
    # a 分别 list written as one phrase, its unit once after the last: one role
    # (scoring rules award points by class; the plan earlier in the sentence and
    # the bare-points default of a scoring layout are not the later numbers')
    ("按年度投资计划10亿元以上、1-10亿元、亿元以下分别加12、7、4分。",
     ["target", "target", "target", "other", "other", "other"]),
    ("工业、农业、服务业类项目分别加9、6、3分。", ["other", "other", "other"]),
    # numbers each with its own unit keep their own roles
    ("两镇分别完成目标任务的105%和98%，分别增长6%、下降2%。",
     ["completion_rate", "completion_rate", "growth", "growth"]),
    # a step whose award stands in the next clause of its sentence (GUIDE.md: other)
    ("超额完成的，每增加1家规上企业，加0.5分。", ["other", "other"]),
    ("出口额每增长1个百分点，另加0.2分，最高加6分。", ["other", "other", "other"]),
    # no award in the sentence: a count per head, and its change
    ("每万人口拥有执业医师2.6人，比上年增加0.3人。", ["actual", "growth"]),
    # scores after an achieved one, only a name between: achieved too
    ("3月份，甲县考评得分为96.5分，乙区95.2分；丙县93.8分。", ["actual", "actual", "actual"]),
    # an item's maximum points after a self-assessed score stay maximum points
    ("自评得分18分，满分20分。", ["actual", "full_target"]),
    # stop 52 (batteries): items' maxima in parentheses, each with the score it
    # achieved right after; the achieved one before is no run of scores
    ("对照细则，组织领导(20分)自评20分；制度建设(15 分)自评 13 分；台账管理（10分）得分9.5分。",
     ["full_target", "actual"] * 3),
    ("组织领导(20分)自评20分；档案管理(10分)因资料不全扣1分，自评9分。", ["full_target", "actual", "full_target", "other", "actual"]),
    # a rank's score is the unit's own, not an item's maximum
    ("一、考评得分及排名\n第一名：甲镇90.99分\n第二名：乙镇85.1分\n第十一名：丙办事处68.56分\n", ["actual"] * 3),
])
def test_roles_in_the_language_of_scoring_rules(pipeline, text, roles):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [q.role for q in doc.quantities] == roles


@pytest.mark.parametrize("text, roles", [
    # stop 51, after the stop-49/50 batteries (helper-written texts): a column of
    # scores achieved (GUIDE.md: actual), a target's growth column, a gap to the
    # province, a change on the start of the year
    ("单位|目标增速(%)|实际增速(%)|与目标差距(个百分点)|自评得分(分)\n东关镇|7.0|7.8|0.8|10\n西湖镇|6.5|6.3|-0.2|9.2\n",
     ["target", "growth", "difference", "actual"] * 2),
    ("指标|增长(%)|与全省比较(百分点)\n地区生产总值|6.4|1.2\n工业增加值|8.7|2.1\n",
     ["growth", "difference"] * 2),
    ("指标|年末余额|比年初增加|下达计划\n各项存款|386420|41250|38000\n各项贷款|264310|27860|30000\n",
     ["actual", "growth", "target"] * 2),
    # the target of a change, written right before its verb
    ("固定资产投资目标增长10%，实际增长11.6%，超目标1.6个百分点。", ["target", "growth", "difference"]),
    # an age that is a measure's value, and its change, are no background
    ("全乡党员平均年龄46.7岁，35岁以下318名。", ["actual", "other", "actual"]),
    ("居民人均预期寿命78.6岁，比上年提高0.2岁。", ["actual", "growth"]),
])
def test_roles_from_table_headers_and_measured_ages(pipeline, text, roles):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [q.role for q in doc.quantities] == roles
