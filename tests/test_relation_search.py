"""The relation search: rates, shares, levels, tables, formulas and sums are
verified within the written rounding and flagged only when clearly meant."""

import pytest


def incs(pipeline, text):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    return [f for f in doc.flags if f.type == "inconsistency"], doc.meta.get("verified", [])


def flagged_as(pipeline, text, flagged):
    """The inconsistency flags of ``text``, asserted to be one on ``flagged`` (None: none at all)."""
    flags, verified = incs(pipeline, text)
    assert [f.text for f in flags] == ([flagged] if flagged else [])
    return flags, verified


FLAGGED = [
    ("ratio", "全镇总人口8000人，其中农业人口5000人，占全镇总人口的65.2%。", "5000人/8000人 = 62.500%"),
    ("ratio", "持证残疾人400人，其中视力残疾92人，占总数的24。", "92人/400人"),
    ("growth", "今年全区发生火灾7起，同比下降27.3%。", "9.63"),
    ("growth", "收入完成2000万元，比上年减收100万元，下降5.2%。", "100万元/(2000万元+100万元)"),
    ("growth", "油菜总产3000吨，较上年减少200吨，减幅5.9%。", "200吨/(3000吨+200吨)"),
    ("unit", "全年人口出生率9.12%，比上年下降0.35个千分点。", "9.12‰"),
    ("mismatch", "一季度工业投资同比增长6.2%，运行平稳。\n一季度工业投资增长5.1%，好于预期。", "6.2% 与 5.1%"),
    ("formula", "得分=任务完成率90%×0.5=0.48。", "= 0.4500"),
    ("sum", "收入共计455万元。其中：税收收入300万元，比上年增加20万元；非税收入150万元。", "300万元 + 150万元"),
    ("sum", "全区共受理投诉220件，来信80件，来访95件，网上投诉38件。", "80件 + 95件 + 38件 = 213件"),
    # a breakdown announced between the total and its parts (分产业看)
    ("sum", "全年生产总值500亿元，增长5%。分产业看，第一产业增加值60亿元；第二产业增加值200亿元；第三产业增加值250亿元。",
     "60亿元 + 200亿元 + 250亿元 = 510亿元"),
    # a scoring table: a heading's points against its numbered items
    ("sum", "一、组织领导（5分）\n1、健全机制（2分）\n2、工作部署（4分）\n二、宣传工作（10分）\n",
     "2分 + 4分 = 6分（标题下各项分值之和），与标题分值5分不符"),
    # another choice of parts fits only thanks to a coarsely rounded amount (0.2亿元): no excuse
    ("sum", "总产值实现5000万元，其中：农业2003万元；工业3000万元；其他收入0.2亿元；财政收入1800万元。",
     "2003万元 + 3000万元"),
    # parts in brackets are the whole breakdown: any miss is flagged
    ("sum", "争取资金100万元（省级10万元，县级自筹20万元），用于改造。", "10万元 + 20万元 = 30万元"),
    # an amount larger than the total (38亿元) is not one of its parts
    ("sum", "投行收入5160万元，其中承销规模38亿元；托管收入960万元；咨询费收入890万元；合计中收7080万元。",
     "890万元 + 960万元 + 5160万元"),
    # every part of the 其中 sentence: a miss of 8% (beyond near_miss_sum) is still flagged
    ("sum", "支出合计500万元，其中人员经费310万元；公用经费150万元。", "310万元 + 150万元 = 460万元"),
    ("sum", "争取专项资金300万元（省级180万元，县级配套150万元），用于改造。", "180万元 + 150万元"),
    ("ratio", "辖区适龄儿童520人，已接种人数498人，接种率为96.5%。", "498人/520人"),
    # ... and in the sentence after its counts, named by the rate (参保人数, 参保率)
    ("ratio", "全县应参保人数5000人，参保人数4800人。参保率90.0%。", "4800人/5000人"),
    # a miss of 9% on a pair clearly meant (near_miss_ratio 0.12)
    ("ratio", "辖区适龄儿童520人，已接种人数498人，接种率为87.0%。", "498人/520人"),
    # shares that do not name their whole are of the whole their siblings verify with (210/1000)
    ("ratio", "全镇党员1000名，女党员359名，35岁以下250名，占26.0%；60岁以上210名，占21%。", "250名/1000名"),
    # the count right after 其中 is a part of the count before it, across sentences
    ("ratio", "全市共出生1000人，人口出生率为7.64‰。其中政策内出生950人，政策符合率95.30%。", "950人/1000人"),
    ("ratio", "城市低保累计保障3265人次，累计支出58.9万元，月人均补差190.6元。", "58.9万元/3265人次"),
    # traditional script: the cue words are read through data/t2s.tsv (減收 as 减收)
    ("growth", "收入完成2000萬元，比上年減收100萬元，下降5.2%。", "100萬元/(2000萬元+100萬元)"),
    ("growth", "接报警情214起，其中出警37起，警情数、出警数分别下降11.6%、40.5%。", "62.18起"),
    ("garbled", "参检妇女年龄为2064岁。", "2064岁"),
    ("share", "全县三次产业结构比为15.9:26.7:55.4，比上年优化。", "15.9 + 26.7 + 55.4 = 98.0"),
    # the rate's subject names the unit it counts in (事故起数: the count in 起)
    ("growth", "道路交通事故12起、死亡5人，事故起数同比下降18.2%。", "14.67起"),
    # counts of person-visits are whole numbers too
    ("growth", "群众走访96批1548人次，批次、人次环比分别上升33.33%、27.40%。", "1215.07人次"),
    ("count", "低保家庭中因病致贫236户218人。", "户数多于人数"),
    # a level completed against a target level written inside the phrase (51/52 = 98.08%)
    ("ratio", "农村低保覆盖率达51%，完成52%目标任务的90.1%。", "51%/52% = 98.077%"),
    # completion stated with its excess: 500/(500−40) = 108.70%; the other 营业收入 (800) fits neither
    ("ratio", "全市营业收入800亿元。其中市属企业营业收入500亿元。市属企业营业收入超年度目标40亿元，完成年度任务的110.7%。",
     "500亿元/(500亿元−40亿元) = 108.696%"),
    # growth against the average of two earlier years: 30/(1−31.5%)×2 = 87.59, no whole count
    ("growth", "全年发生火灾30起，死亡4人，火灾起数与前2年均比下降31.5%。", "30/(1−31.5%)×2 = 87.59起"),
    # a difference of an earlier period's value and this one's, in percentage points (never relative)
    ("difference", "合格率由去年的5.4%提高到今年的6.85%，提高了1.55个百分点。", "|5.4% − 6.85%| = 1.45个百分点"),
    ("difference", "合格率为94.00%，较去年全年92.36%的合格率高出1.74个百分点。", "|94.00% − 92.36%| = 1.64个百分点"),
    # parts naming one action in different states (已办结, 尚未办结) split the total
    ("sum", "全年受理投诉案件64件，已办结案件41件，转交部门处理9件，尚未办结案件12件。", "41件 + 9件 + 12件 = 62件"),
    # a 分别 list of changes, each with its direction: 9/(1−49.0%) = 17.65, no whole count
    ("growth", "全县发生事故52宗，死亡9人，直接经济损失58.4万元，同比分别下降38.1%、下降49.0%、纯增16.0万元。",
     "9人下降49.0%"),
    # one direction word for the whole 分别 list: 3/(1−15%) = 3.53, no whole count
    ("growth", "今年全区发生火灾14起，受伤3人，直接经济损失21.6万元，较上年同期分别下降12.5%、15%和8.1%。",
     "3人下降15%"),
    # a rate that is the complement of a negated count: 1 − 30/2000 = 98.50%
    ("ratio", "全年抽检食品2000批次，检出不合格样品30批次，抽检合格率98.80%。", "1 − 30批次/2000批次 = 98.5000%"),
    # a count inside the share phrase in another unit (7户) names the whole, is not it;
    # the part's own growth between it and its share is not an earlier period's rate
    ("ratio", "利润总额14亿元。其中甲集团实现利润总额70954万元，较去年同期增长111%，占7户企业利润总额的46%。",
     "70954万元/14亿元 = 50.68%"),
    # a total named after its parts (合计) off by more than a near miss, but by
    # one mistyped digit (5600 for 4600, 18%): the note names the readings that fit
    ("sum", "实现咨询收入3200万元、培训收入900万元、租赁收入500万元，合计收入5600万元。",
     "5600万元若为4600万元"),
    # a named total split by state (已办结, 正在办理) with one digit swapped in a part (31 for 13)
    ("sum", "共计受理投诉60件，已办结47件，正在办理31件。", "31件若为13件"),
    # a rate of a meant pair missed by far more than a near miss, but one
    # mistyped digit of the part (420 for 490) explains it: 490/500 = 98.0%
    ("ratio", "辖区适龄儿童500人，已接种人数420人，接种率为98.0%。", "420人若为490人"),
    # households and persons written as one pair before the bracket that breaks both down
    ("sum", "全村有低保户60户150人（其中因病致贫25户70人，因残致贫30户80人），已全部建档。", "25户 + 30户 = 55户"),
    # parts after 其中 across sentences, off by 3.3%: two digits of a three-digit part swapped
    ("sum", "全年接待群众来访1651人次，其中集体访1280人次。个人访317人次，均已办结。", "317人次若为371人次"),
    # 其中 opening a bracket: its parts end with the bracket (4000元 after it is no part
    # that would let 3.2 + 6.8 + 0.4 pass for 11万元)
    ("sum", "发放助学金11万元（其中县级补助3.2万元，镇级自筹6.8万元），资助学生25名，每人4000元。",
     "3.2万元 + 6.8万元 = 10.0万元"),
    # a few words of scope between the earlier-period cue and its level (去年调整后全年)
    ("difference", "合格率为96.00%，较去年调整后全年94.50%的合格率高出1.60个百分点。", "|96.00% − 94.50%| = 1.5个百分点"),
    # the first parts named like the total (…总产值) are the breakdown as written, even when
    # another amount follows in the sentence: a 6% miss is flagged
    ("sum", "工农业总产值实现5000万元，增长8%，其中：农业总产值1800万元，增长3%；工业总产值2900万元，增长10%；"
     "乡镇企业营业总收入达到4100万元。", "1800万元 + 2900万元 = 4700万元"),
    # a change of the total (纯增16.0万元) right before 其中 is not the total its parts add up to
    # (stop 53: parts short of their total may be some of more; parts above it are read)
    ("sum", "今年直接经济损失58.4万元，与去年同期相比纯增16.0万元。其中道路交通事故损失8.7万元；火灾事故损失6.2万元；"
     "工矿企业事故损失45万元。", "8.7万元 + 6.2万元 + 45万元 = 59.9万元"),
    # counts written beside amounts that add up: the counts must add up too (12 + 41 + 9 = 62)
    ("sum", "关注类贷款12笔，余额300万元；可疑类贷款41笔，余额520万元；损失类贷款9笔，余额80万元。"
     "以上三类贷款65笔，合计金额为900万元。", "12笔 + 41笔 + 9笔 = 62笔，与总数65笔不符"),
    # a nested 其中 breaks down a part, not the total: 4125 + 738 = 4863, and 4125 + 735 (the
    # part's own part) is no excuse
    ("sum", "各项贷款4860万元。其中正常贷款金额4125万元，不良贷款总额738万元，其中呆滞贷款735万元。",
     "4125万元 + 738万元 = 4863万元"),
    # two parts of which one negates the other (通过 / 未通过) split the total: a 9% miss across
    # sentences is flagged
    ("sum", "对267户申请家庭进行了评议，其中252户通过评议。40户未通过评议。", "252户 + 40户 = 292户"),
    # 与上年同期 (without 相比) links a growth to its count: 13/(1+37.50%) = 9.45, no whole number
    ("growth", "到县信访办来访量13件人次，与上年同期上升37.50%。", "9.45"),
    # a change written with its two levels against its direction word
    ("growth", "全县专业委员会由17个增加为15个。", "由17个增加到15个，不升反降"),
    ("growth", "规上企业由120家减少至128家。", "由120家减少到128家，不降反升"),
    # the targets of a plan are the parts of its target total (力争…合计)
    ("sum", "一、年度经营目标\n1.中收：力争实现咨询收入3200万元、培训收入900万元、租赁收入500万元，合计中收5600万元。",
     "5600万元若为4600万元"),
    # a figure per thousand heads: 90000/12000000×1000 = 7.50, written 8.5
    ("ratio", "全年抽检食品90000批次，按照全市1200万人口计算，抽检量达到8.5批次/千人。", "90000批次/1200万人口×1000 = 7.50"),
    # a rate of an action whose target is named in the next paragraph (4120/4600 = 89.6%)
    ("ratio", "全县改造农村危房4120户，改造率达85.3%，进度较快。\n今年全县农村危房改造目标为4600户，1-6月已改造4120户。",
     "4120户/4600户 = 89.565%"),
    # completion against a target named like the actual in an earlier paragraph, or a later sentence
    ("ratio", "今年全县新增就业目标为5000人。\n1-10月全县新增就业4925人，完成年目标任务的96.5%。", "4925人/5000人 = 98.500%"),
    ("ratio", "1-10月全县新增就业4925人，完成年目标任务的96.5%。全年新增就业目标为5000人。", "4925人/5000人 = 98.500%"),
    # a figure per so many heads written before its number (每10万人): 1040/520000×100000 = 200
    ("ratio", "全县户籍人口52万人，全年发生刑事案件1040起，每10万人发案210起。", "1040起/52万人×100000 = 200.00起"),
    ("ratio", "全市常住人口86.5万，全年报告法定传染病692例，报告发病率为每十万人84.0例。", "692例/86.5万×100000 = 80.00例"),
    # a change and a growth rate against the earlier level stated in an earlier sentence
    ("difference", "上年全县发生火灾24起。今年全县发生火灾18起，比上年少4起。", "24起 − 18起 = 6起（较早的水平24起见前文）"),
    ("growth", "去年同期全县新增就业3000人。今年1-6月全县新增就业3300人，同比增长12%。",
     "(3300人 − 3000人)/3000人 = 10%（较早的水平3000人见前文）"),
    # a level compared with the earlier one after it, with a direction word the numbers do not go
    ("growth", "全县粮食总产12.5万吨，比上年的12.1万吨总产减0.4万吨。", "12.5万吨高于12.1万吨，不降反升"),
    ("growth", "全县发生火灾18起，比去年同期的24起增加6起。", "18起低于24起，不升反降"),
    ("growth", "年末贷款余额85.0亿元，较年初的80.0亿元增加5.0亿元，增长7.25%。", "(85.0亿元 − 80.0亿元)/80.0亿元 = 6.25%"),
    ("growth", "全年门急诊人次42.6万，比上年的40.2万人次增长6.5%。", "(42.6万 − 40.2万人次)/40.2万人次 = 5.97%"),
    # the targets of a verified breakdown's parts add up to the total's target
    ("sum", "全县保障房开工建设目标为2100套，已开工1850套。其中，公租房开工600套，占目标任务650套的92.3%；"
     "棚改开工1250套，占目标任务1350套的92.6%。", "650套 + 1350套 = 2000套，与总数2100套不符（而实际数1850套与各项实际数之和相符）"),
    # what is left of a budget: target − actual, here off by one mistyped digit
    ("difference", "全年下达预算资金500万元，实际支出462.5万元，结余47.5万元。", "500万元 − 462.5万元 = 37.5万元"),
    # a scanned table: the heading's points set apart from its name, after its first item
    ("sum", "一、宣传工作 1、队伍建设 (2分) 建立宣传队伍(2分)。 2、信息报送 (1)省级用稿(8分)。每篇得2分 报 送 (20分) "
     "(2)市级用稿(6分)。 (3)县级用稿(5分)。 3、宣传活动 (2分) 开展活动(2分)。 二、监督检查（10分）",
     "8分 + 6分 + 5分 = 19分（标题下各项分值之和），与标题分值20分不符"),
    # rates of one paragraph over one base count: the one that fits none is judged against it
    ("ratio", "全镇活产数400人，住院分娩人数388人，住院分娩率为97.0%。孕产妇系统管理人数320人，系统管理率为80.0%。"
     "新生儿访视396人，访视率为98.0%。", "396人/400人 = 99.000%（按所报精度为99.0%）（400人为同段其他比率共同的分母）"),
    # the k-th gap of a list is between the k-th target and the k-th value
    ("difference", "全县城镇化率、农村自来水普及率、生活垃圾无害化处理率目标分别为58%、90%和85%，实际分别达到60.5%、"
     "92.1%和88.4%，分别高出目标2.5、2.1和3.9个百分点。", "|85% − 88.4%| = 3.4个百分点"),
    # a completion rate of an amount expected is of that amount, not of the amount so far
    ("completion", "截至10月底，全市已完成植树造林3.9万亩，比上年同期多0.3万亩；预计全年造林可达4.4万亩左右，"
     "完成省下达任务（4万亩）的118%。", "4.4万亩左右/4万亩 = 110%"),
    # a total row whose label spans the row-number cell: its cells line up from the right
    ("sum", "序号|考核内容|分值|自评得分\n1|组织保障|20|18\n2|工作落实|40|37\n3|成效评价|40|36\n合计|100|93\n",
     "18 + 37 + 36 = 91"),
]


@pytest.mark.parametrize("subtype,text,arith", FLAGGED, ids=[c[0] for c in FLAGGED])
def test_broken_relations_are_flagged_with_readable_arithmetic(pipeline, subtype, text, arith):
    flags, _ = incs(pipeline, text)
    assert [f.subtype for f in flags] == [subtype]
    assert arith in flags[0].message and arith in (flags[0].arithmetic or flags[0].message)
    for ev in flags[0].evidence:
        assert text[ev["start"]:ev["end"]] == ev["text"]


HOLDING = [
    ("全镇总人口8000人，其中农业人口5000人，占全镇总人口的62.5%。", "ratio"),
    ("今年全区发生火灾8起，同比下降20%。", "growth"),
    ("收入完成2000万元，比上年减收100万元，下降4.8%。", "growth"),
    # the level is the earlier one: 5/40 = 12.5% (not 5/(40+5))
    ("全年发生溺水死亡35人，比上年的40人减少5人，下降12.5%。", "growth"),
    ("得分=任务完成率90%×0.5=0.45。", "formula"),
    ("辖区适龄儿童520人，已接种人数498人，接种率为95.77%。", "ratio"),
    ("城市低保累计保障3265人次，累计支出58.9万元，月人均补差180.6元。", "per_capita"),
    ("收入完成2000萬元，比上年減收100萬元，下降4.8%。", "growth"),
    ("接报警情214起，其中出警37起，警情数、出警数分别下降11.6%、42.2%。", "growth"),
    ("全区共受理投诉213件，来信80件，来访95件，网上投诉38件。", "sum"),
    ("争取专项资金300万元（省级180万元，县级配套120万元），用于改造。", "sum"),
    # a bracket holding two breakdowns of one whole, one after the other: the second sums to it
    ("全县留守儿童900人（其中女童460人，残疾儿童35人；按年龄分学龄前210人，小学440人，初中250人），已全部建档。", "sum"),
    ("收入共计450万元。其中：税收收入300万元，比上年增加20万元；非税收入150万元。", "sum"),
    ("一、组织领导（5分）\n1、健全机制（2分）\n2、工作部署（3分）\n二、宣传工作（10分）\n", "sum"),
    # 3.7% covers 3.65%..3.75%: 37/1000 = 3.7% holds, and rounding of the inputs is honoured
    ("生产总值1000亿元，其中第一产业增加值37亿元，占生产总值的比重为3.7%。", "ratio"),
    ("五保集中供养率达41%，完成42%目标任务的97.6%。", "ratio"),
    ("全市营业收入800亿元。其中市属企业营业收入500亿元。市属企业营业收入超年度目标40亿元，完成年度任务的108.7%。",
     "completion"),
    # 30/(1−21.1%)×2 = 76.05: 76 起 over the two earlier years
    ("全年发生火灾30起，死亡4人，火灾起数与前两年均比下降21.1%。", "growth"),
    ("合格率由去年的5.4%提高到今年的6.85%，提高了1.45个百分点。", "difference"),
    ("全年受理投诉案件62件，已办结案件41件，转交部门处理9件，尚未办结案件12件。", "sum"),
    ("全县发生事故52宗，死亡9人，直接经济损失58.4万元，同比分别下降38.1%、下降43.8%、纯增16.0万元。", "growth"),
    # the list's direction word holds for its later items: 4 → 3 is a fall of 25%, not a rise
    ("今年全区发生火灾14起，受伤3人，直接经济损失21.6万元，较上年同期分别下降12.5%、25%和8.1%。", "growth"),
    ("全年抽检食品2000批次，检出不合格样品30批次，抽检合格率98.50%，不合格率1.50%。", "ratio"),
    ("全年抽检食品90000批次，按照全市1200万人口计算，抽检量达到7.5批次/千人。", "per_capita"),
    ("一、宣传工作 1、队伍建设 (2分) 建立宣传队伍(2分)。 2、信息报送 (1)省级用稿(8分)。每篇得2分 报 送 (19分) "
     "(2)市级用稿(6分)。 (3)县级用稿(5分)。 3、宣传活动 (2分) 开展活动(2分)。 二、监督检查（10分）", "sum"),
    ("今年全县新增就业目标为5000人。\n1-10月全县新增就业4925人，完成年目标任务的98.5%。", "ratio"),
    ("全市常住人口86.5万，全年报告法定传染病692例，报告发病率为每十万人80.0例。", "per_capita"),
    ("上年全县发生火灾24起。今年全县发生火灾18起，比上年少6起。", "difference"),
    ("全年下达预算资金500万元，实际支出462.5万元，结余37.5万元。", "difference"),
    ("全县保障房开工建设目标为2000套，已开工1850套。其中，公租房开工600套，占目标任务650套的92.3%；"
     "棚改开工1250套，占目标任务1350套的92.6%。", "sum"),
    ("去年同期全县新增就业3000人。今年1-6月全县新增就业3300人，同比增长10%。", "growth"),
    ("全镇共有农户3200户，今年新建沼气池160个，每百户拥有5个。", "per_capita"),
    ("全县改造农村危房4120户，改造率达89.6%，进度较快。\n今年全县农村危房改造目标为4600户，1-6月已改造4120户。", "ratio"),
    # a level after 比年初的 is the earlier one (a balance against the start of the year)
    ("年末贷款余额85亿元，较年初的80亿元增加5亿元，增长6.25%。", "growth"),
    # a count whose unit ends its indicator's name (门急诊人次42.6万) is of that unit
    ("全年门急诊人次42.6万，比上年的40.2万人次增长6.0%。", "growth"),
]


@pytest.mark.parametrize("text,kind", HOLDING)
def test_relations_that_hold_are_verified_and_silent(pipeline, text, kind):
    flags, verified = incs(pipeline, text)
    assert flags == []
    assert any(v["kind"] == kind and "一致" in v["arithmetic"] for v in verified)


SILENT = [
    # a target stated after a rate but under the next section's heading is the next period's
    "一、2024年工作完成情况\n1-10月全县新增就业4925人，完成年目标任务的103%。\n"
    "二、2025年主要目标\n全县新增就业5000人以上。\n",
    # two items of one list are not a whole and its part: the rate is of both
    "全年办理人大代表建议12件、政协委员提案9件，办复率100%，满意率97.5%。",
    # a rate with no count in its sentence takes an earlier one only if it names it
    "资助家庭经济困难学生23946人次，其中上半年11007人次、下半年12939人次。\n"
    "资助家庭经济困难学生9016人次，同比增长20.3%。学前教育毛入园率88.8%，年度目标为92.3%。",
    "完成教育经费投入24.55亿元，其中上半年12.42亿元、下半年12.13亿元。学前教育毛入园率92.3%。",
    # the levels go the way the verb says
    "全县专业委员会由11个增加为13个，合格率由去年的5.4%提高到今年的6.85%。",
    # the same breakdown with its counts adding up: verified, silent
    "关注类贷款12笔，余额300万元；可疑类贷款41笔，余额520万元；损失类贷款9笔，余额80万元。以上三类贷款62笔，合计金额为900万元。",
    # a bound is no typo: 不低于30% is not a mistyped 82%
    "贷款余额14.62亿元，其中绿色贷款12亿元，绿色贷款占比不低于30%。",
    # parts after 其中 need not be all of the total: a gap of one digit (23 of 33) says nothing
    "全年受理信访33件，其中来信13件，来访10件。",
    # a named total whose gap no single mistyped digit explains (3200 + 900 + 500 = 4600, not 5900)
    "实现咨询收入3200万元、培训收入900万元、租赁收入500万元，合计收入5900万元。",
    # two counts that are not related: no rate between them is meant
    "全镇有行政村12个，农户3456户，农村劳动力就业率为87.3%。",
    # last year's rate is not this year's counts' ratio
    "出生1000人，其中政策内出生940人，政策符合率94.00%，较去年全年92.36%的政策符合率高出1.64个百分点。",
    # a 分别 list cut off by the end of the text
    "事故7起，死亡12人，分别同比下降36.4%、8",
    # 总 in an indicator's name (营业总收入) does not make the amounts after it its parts
    "全市营业总收入500亿元，同比增长5%；利润总额60亿元，同比增长3%；缴纳税收380亿元。",
    # approximate figures per head are not checked for typos
    "全县有执法人员23人，监管2,100多家企业，人均监管90余家。",
    # a 分别 list of rates is paired only with as many counts after the last rate before it
    # (58/1.45 = 40 and 1380/1.2545 = 1100: whole earlier levels)
    "走访96批1548人次，分别上升33.33%、27.41%，其中集访58批1380人次，分别上升45.00%、25.45%。",
    # a scoring table whose items add up; and one whose items the end of the text cuts off
    "一、组织领导（5分）\n1、健全机制（2分）\n2、工作部署（3分）\n二、宣传工作（10分）\n",
    "一、组织领导（9分）\n1、健全机制（2分）\n2、工作部署（3分）\n",
    # the same amounts without a breakdown cue: not clearly its parts
    "全年生产总值500亿元，增长5%。第一产业增加值60亿元；第二产业增加值200亿元；第三产业增加值250亿元。",
    # levels per unit (concentrations) are not counts a rate is a share of
    "PM10浓度均值为52μg/m3。PM2.5控制目标为年均浓度35ug/m3，空气质量优良天数比例为86.4%。",
    # a structure ratio that adds up to 100 within its rounding; a time of day is not one
    "全县三次产业结构比为15.9:26.7:57.3，比上年优化。",
    "会议于9:30开始，比例代表12人。",
    # a ratio of two amounts after 比例 is no set of shares (1 + 1.05 is far from 100)
    "全镇常住人口男女比例为1:1.05，师生比例为1:16.5。",
    # two counts written together: the rate is of the first (84/57 = 1.4737)
    "来访84件113人次，同比上升47.37%。",
    # 其中 names one subset; the counts of the next sentence are not its parts (8% off)
    "本月来访1000人次，其中到市来访800人次。到省来访70人次，进京来访50人次。",
    # a big count: many whole earlier levels fit, nothing to say
    "今年接待游客123456人次，同比增长7.3%。",
    # an excess over the target with no level of that name before it: nothing to check against
    "全市粮食产量500万吨。工业增加值超年度目标40亿元，完成年度任务的110.7%。",
    # parts in one state only: not a split of the total by state
    "全年受理投诉案件64件，已办结案件41件，转交部门处理9件，移送纪委12件。",
    # last year's rate after this year's is not the complement of this year's counts
    "全年抽检食品2000批次，检出不合格样品30批次，抽检合格率98.50%，与上年抽检合格率98.62%基本持平。",
    # a later target of another action is not the rate's whole
    "全县改造农村危房4120户，改造率达85.3%。\n今年全县易地搬迁安置目标为4600户。",
    # the numbers go the way the word says
    "全县粮食总产12.5万吨，比上年的12.1万吨增加0.4万吨。",
    # an earlier level of another indicator is not the one the change is from
    "去年全县招商引资到位资金15亿元。今年全县新增就业3300人，同比增长12%。",
    # a level after 比上年 is this year's, compared: not an earlier level
    "农业总产值13472万元，比上年增长18.6%；工业总产值21935万元，比上年增长36.2%。",
    # a target of another action is not the completion's whole
    "今年全县新建公租房目标为5000套。\n1-10月全县改造棚户区4925套，完成年目标任务的96.5%。",
    # a rate whose part its name does not name (培训人员, 合格率) is not over the paragraph's base count
    "全镇活产数400人，住院分娩人数388人，住院分娩率为97.0%。孕产妇系统管理人数320人，系统管理率为80.0%。"
    "参加培训人员196人，合格率为98.0%。",
    # one count written twice is not a part of itself (4个/4个 = 100%)
    "新建村级图书室4个，图书借阅满意率96.5%。全年投入资金12万元。新建村级图书室4个，图书借阅满意率96.5%。",
    # next year's planned growth is no second reading of this year's
    "一、2025年工作回顾\n全年完成税收收入8.6亿元，增长9.2%；外贸进出口总额41亿元，增长6.4%。\n"
    "二、2026年主要目标\n今年全区的主要预期目标是：税收收入增长7%；外贸进出口总额增长8%。",
    # a second gap is to the province's level, which is not written: not to the target
    "规模以上工业增加值：省下达目标为增长8%，全年实际增长7.1%，比目标低0.9个百分点，比全省平均水平高0.5个百分点。",
    # the k-th gap of a list against the k-th target and value: all hold
    "全县城镇化率、农村自来水普及率、生活垃圾无害化处理率目标分别为58%、90%和85%，实际分别达到60.5%、92.1%和88.4%，"
    "分别高出目标2.5、2.1和3.4个百分点。",
    # the completion of an amount expected (4.4/4 = 110%), not of the amount so far
    "截至10月底，全市已完成植树造林3.9万亩，比上年同期多0.3万亩；预计全年造林可达4.4万亩左右，完成省下达任务（4万亩）的110%。",
    # a count's change is no earlier level of it (3 of 18 is 16.7%)
    "全年共发生道路交通事故36起，死亡15人。与上年相比，事故起数下降10%，死亡人数减少3人（下降16.7%）。",
    # one unit's score and its gap to the average are no parts of the maximum
    "全市乡镇综合考核平均得分86.40分（满分100分），其中青石镇得分最高，为94.20分，比全市平均高7.80分。",
    # a rate named for another indicator after the pair's own rate is not of that pair
    "上半年计划新开工项目52个，实际开工47个，完成开工计划的90.4%；项目用地保障指标完成率为96.5%。",
    # row numbers are no column of values (score = points − row number in three rows of four)
    "序号|项目|分值|得分\n1|队伍建设|10|9\n2|制度落实|15|13\n3|业务培训|20|18\n4|信息报送|25|21\n",
    # two rows of three fitting a difference of small numbers is chance, not the column's relation
    "单位：毫克/升\n监测点 | 甲项 | 乙项 | 丙项\n东站 | 20 | 48 | 28\n西站 | 26 | 57 | 31\n南站 | 24 | 50 | 29\n",
    # a scoring rule's condition is no completion rate stated
    "招商引资按“得分=实际到位额÷目标任务额×权重分”计算，如石桥镇全年目标任务额6亿元，实际到位6.6亿元，完成率110%，"
    "得分=110%×20=22分；完成率低于60%的，本项不得分。",
    # birth and death rates are of the year's mean population, not of the year-end count
    "年末常住人口25.40万人，比上年末减少0.30万人。全年出生人口1905人，出生率7.46‰；死亡人口2260人，死亡率8.85‰。",
    # a share of a whole named 耕地面积 is not of a count named only alike in 面积
    "全镇小麦播种面积3.20万亩，玉米播种面积2.10万亩。设施蔬菜面积0.80万亩，占耕地面积的比重为14.5%。",
]


@pytest.mark.parametrize("text", SILENT)
def test_unrelated_numbers_raise_nothing(pipeline, text):
    assert incs(pipeline, text)[0] == []


TABLE = ("| 指标 | 本年 | 上年 | 增长额 | 增长率 |\n"
         "| 收入(万元) | 120 | 100 | 20 | 20% |\n"
         "| 支出(万元) | 90 | 80 | 10 | 12.5% |\n"
         "| 人次(人) | 330 | 300 | 30 | 10% |\n")


def test_table_change_columns_are_checked_row_by_row(pipeline):
    flags, verified = incs(pipeline, TABLE)
    assert flags == [] and sum(v["kind"] in ("difference", "growth") for v in verified) == 6
    flags, _ = incs(pipeline, TABLE.replace("| 10 | 12.5% |", "| 13 | 12.5% |"))
    assert [(f.subtype, f.text) for f in flags] == [("difference", "13")]
    assert "90 − 80 = 10" in flags[0].arithmetic


def test_a_cell_far_off_its_established_column_is_flagged(pipeline):
    # 99 for 90 (10% off): the change columns, held by the other rows, are far off
    flags, _ = incs(pipeline, TABLE.replace("| 90 | 80 |", "| 99 | 80 |"))
    assert [(f.subtype, f.text) for f in flags] == [("difference", "10"), ("growth", "12.5%")]
    assert "本列有2行符合此关系" in flags[0].message


def test_percentage_change_written_as_a_fraction_is_a_unit_slip(pipeline):
    flags, _ = incs(pipeline, TABLE + "| 药占比(%) | 28.07% | 30.28% | -0.02 | |\n")
    assert [(f.subtype, f.code) for f in flags] == [("unit", "R310")]
    assert "-2.21个百分点" in flags[0].message


def test_a_total_of_zero_before_its_parts_is_no_division_by_zero():
    from reportmine.pipeline import Pipeline

    text = "全年共发生较大事故0起，其中城区2起、乡镇3起。全年共受理投诉0件，其中市场类4件、物业类6件、其他1件。"
    doc = Pipeline().analyze_bytes(text.encode("utf-8"), "zero_total.txt")
    assert [q.norm_value for q in doc.quantities][:3] == [0, 2, 3]


TABLE_HEADS = (
    "项 目 | 本期 | 上期 |\n"
    "门诊收入(万元) | 120.50 | 100.00 |\n"
    "门诊人次(人) | 5000 | 4000 |\n"
    "门诊均次费用(元) | {} | 250.00 |\n"
)


def test_a_per_head_table_row_is_checked_column_by_column(pipeline):
    """均次费用 = 收入(万元)×10000/人次 in each column; the column that fits
    (250.00 = 100.00×10000/4000) establishes the rows, the other is flagged."""
    flags, verified = incs(pipeline, TABLE_HEADS.format("241.00").replace("120.50", "125.00"))
    assert [f.subtype for f in flags] == ["ratio"]
    assert "125.00×10000/5000 = 250.0000" in flags[0].message and "所报为241.00" in flags[0].message
    flags, verified = incs(pipeline, TABLE_HEADS.format("241.00"))
    assert flags == []
    assert sum(v["kind"] == "per_capita" for v in verified) == 2


def test_rates_that_agree_on_a_base_flag_the_count_stated_for_it(pipeline):
    """Three rates of one paragraph imply one base between them (400); the count stated is 401."""
    text = ("全镇活产数401人，死胎0人，住院分娩人数388人，住院分娩率为97.0%。孕产妇系统管理人数320人，系统管理率为80.0%。"
            "新生儿访视396人，访视率为99.0%。")
    flags, _ = incs(pipeline, text)
    base = [f for f in flags if f.text == "401人"]
    assert len(base) == 1
    assert "320人/80.0% ≈ 400.0" in base[0].message and "同段3个比率共同推算的分母为399.8～400.2" in base[0].message
    assert {e["text"] for e in base[0].evidence} >= {"388人", "97.0%", "320人", "80.0%", "396人", "99.0%", "401人"}


def test_rates_that_disagree_on_their_base_accuse_no_count(pipeline):
    text = ("全镇活产数401人，死胎0人，住院分娩人数388人，住院分娩率为97.0%。孕产妇系统管理人数320人，系统管理率为85.0%。"
            "新生儿访视396人，访视率为92.0%。")
    flags, _ = incs(pipeline, text)
    assert not [f for f in flags if f.text == "401人"]


def test_a_per_capita_figure_far_off_beside_one_of_its_form_that_fits_is_flagged(pipeline):
    """Far misses are silent alone; beside a figure of the same form that fits, the form is shown."""
    fits = "全县农村低保累计保障61200人次，累计支出450.2万元，人均补差73.6元。"
    off = "医疗救助累计救助7100人次，累计支出420万元，人均救助59.2元，完成目标任务的45%。"
    flags, verified = incs(pipeline, fits + off)
    (flag,) = flags
    assert flag.text == "59.2元" and flag.subtype == "ratio"
    assert "420万元/7100人次 = 591.549元" in flag.arithmetic and "73.6元与所报一致" in flag.arithmetic
    assert {e["text"] for e in flag.evidence} == {"61200人次", "450.2万元", "73.6元", "7100人次", "420万元", "59.2元"}
    assert [v["kind"] for v in verified] == ["per_capita"]
    assert incs(pipeline, off) == ([], [])
    heads_differ = fits + off.replace("7100人次", "7100户")
    assert incs(pipeline, heads_differ)[0] == []
    other_paragraph = fits + "\n" + off
    assert incs(pipeline, other_paragraph)[0] == []


def test_a_direction_in_a_summary_list_against_its_change_is_flagged(pipeline):
    summary = "今年全县财政运行呈现收入增、支出降、结余减的格局。"
    figures = "一般公共预算收入25.6亿元，较上年增长4.2%；支出31.8亿元，较上年下降1.5%；结余2.3亿元，较上年增加0.4亿元。"
    flags, _ = incs(pipeline, summary + figures)
    (flag,) = flags
    assert flag.text == "结余减" and flag.subtype == "growth"
    assert "其后结余增长0.4亿元" in flag.arithmetic and "“收入增”与一般公共预算收入4.2%一致" in flag.arithmetic
    assert {e["text"] for e in flag.evidence} == {"4.2%", "1.5%", "0.4亿元"}
    agreeing = summary.replace("结余减", "结余增")
    assert incs(pipeline, agreeing + figures)[0] == []
    # no item agrees with its change: the list is not shown to describe these figures
    lone = "今年呈现结余减、收入降的格局。全县结余2.3亿元，较上年增加0.4亿元。"
    assert incs(pipeline, lone)[0] == []
    # a part's change says nothing of the whole
    part = summary + "一般公共预算收入25.6亿元，较上年增长4.2%；其中税收结余1.1亿元，较上年增加0.2亿元。"
    assert incs(pipeline, part)[0] == []


@pytest.mark.parametrize("text, flagged", [
    ("2022年全镇水稻产量3.6万吨，比2022年增长2.4%。", "比2022年增长2.4%"),
    ("2025年1-9月，全区社会消费品零售总额完成88.3亿元，较2025年同期增长5.7%。", "较2025年同期增长5.7%"),
    ("2025年全区水稻产量3.6万吨，比2024年增长2.4%。", None),
    ("截至2025年底，全区个体工商户达1.8万户，比2025年初增加900户。", None),
])
def test_a_change_measured_against_its_own_period_is_flagged(pipeline, text, flagged):
    flags, _ = flagged_as(pipeline, text, flagged)
    if flagged:
        assert "同一时期与自身相比" in flags[0].arithmetic and flags[0].evidence[0]["role"] == "actual"


@pytest.mark.parametrize("text, flagged", [
    ("全市水环境质量持续改善，化学需氧量平均浓度为18毫克/升，比上年上升6.5%。", "改善"),
    ("全区治安形势明显好转。全年刑事案件发案数1320起，比上年增加8.1%。", "好转"),
    ("全市水环境质量持续改善，化学需氧量平均浓度为18毫克/升，比上年下降6.5%。", None),
    ("水环境改善成果仍需巩固，化学需氧量平均浓度比上年上升6.5%。", None),
    ("全区营商环境持续改善，新登记市场主体4100户，比上年增长9.3%。", None),
])
def test_a_word_of_improvement_against_a_worsening_figure_is_flagged(pipeline, text, flagged):
    flags, _ = flagged_as(pipeline, text, flagged)
    if flagged:
        assert "上升意味着变差" in flags[0].arithmetic and flags[0].evidence
        assert ("持续改善" if flagged == "改善" else "明显好转") in flags[0].arithmetic


@pytest.mark.parametrize("text, flagged, verified", [
    ("全区共有幼儿园42所。全区共有小学65所，比幼儿园多13所。", "65所，比幼儿园多13所", False),
    ("全区共有幼儿园42所。全区共有小学65所，比幼儿园多23所。", None, True),
    ("城镇居民人均可支配收入41250元。\n农村居民人均可支配收入22480元，比城镇居民少19270元。", "22480元，比城镇居民少19270元", False),
    ("全区共有幼儿园42所。全区共有小学65所，比上年多3所。", None, False),
    ("全区共有幼儿园42所。全区共有小学65所，比中学多13所。", None, False),
])
def test_a_difference_named_against_a_value_of_an_earlier_sentence(pipeline, text, flagged, verified):
    flags, checked = flagged_as(pipeline, text, flagged)
    assert any(v["kind"] == "difference" for v in checked) == verified
    if flagged:
        assert flags[0].subtype == "difference" and len(flags[0].evidence) == 3


# (kind: the check that reads it; in a `|` line 执行率 is read as a completion rate,
# claims.yaml, and its budget as the target, so the completion check does)
@pytest.mark.parametrize("text, flagged, kind", [
    ("项目名称 公用经费 年初预算 250 实际执行 236.4 执行率 92.56%", "92.56%", "ratio"),
    ("项目名称 公用经费 年初预算 250 实际执行 236.4 执行率 94.56%", None, "ratio"),
    ("| 全年预算数 | 48.6 | 全年执行数 | 48.6 | 执行率 | 100% |", None, "completion"),
    ("| 全年预算数 | 48.6 | 全年执行数 | 46.2 | 执行率 | 100% |", "100%", "completion"),
])
def test_a_flattened_budget_line_is_checked(pipeline, text, flagged, kind):
    flags, verified = flagged_as(pipeline, text, flagged)
    if flagged:
        assert flags[0].subtype == kind and len(flags[0].evidence) == 3
    else:
        assert [v["kind"] for v in verified] == [kind]


def test_a_formula_flag_shows_each_factor_as_evidence(pipeline):
    """A reviewer sees where every number of a wrong formula stands, not only the result."""
    text = "考核得分=年度任务完成率96%×权重0.5×系数2=0.98。"
    flags, _ = incs(pipeline, text)
    (flag,) = [f for f in flags if f.subtype == "formula"]
    shown = {e["text"]: e for e in flag.evidence}
    assert set(shown) == {"96%", "0.5", "2", "0.98"}
    for e in flag.evidence:
        assert text[e["start"]:e["end"]] == e["text"]
    assert "= 0.9600" in flag.arithmetic


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_docx_or_pdf_table_is_checked_like_a_text_table(pipeline, tmp_path, fmt):
    """The same change columns in a real docx table and a drawn PDF table
    (rendered by corpora/tools/render.py): verified, and a wrong cell flagged."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "corpora" / "tools"))
    import render

    def as_file(table, name):
        rows = [line.strip().strip("|").split("|") for line in table.strip().split("\n")]
        src = tmp_path / f"{name}.txt"
        src.write_text("表格报告\n" + "\n".join("\t".join(c.strip() for c in r) for r in rows) + "\n",
                       encoding="utf-8")
        out = tmp_path / f"{name}.{fmt}"
        (render.render_docx if fmt == "docx" else render.render_pdf)(src, out)
        doc = pipeline.analyze(out)
        return [f for f in doc.flags if f.type == "inconsistency"], doc.meta["verified"]

    flags, verified = as_file(TABLE, "right")
    assert flags == [] and sum(v["kind"] in ("difference", "growth") for v in verified) == 6
    flags, _ = as_file(TABLE.replace("| 10 | 12.5% |", "| 13 | 12.5% |"), "wrong")
    assert [(f.subtype, f.text) for f in flags] == [("difference", "13")]


def test_a_level_after_a_year_compared_with_is_the_earlier_one(pipeline):
    """较2019年的118个增长21.2%: 118 is 2019's level, the count before it this year's."""
    flags, verified = incs(pipeline, "建成村级服务中心143个，较2019年的118个增长21.2%。招聘教师239人，较2018年的259人下降7.7%。")
    assert flags == []
    assert {v["arithmetic"].split("，")[0] for v in verified} >= {"(143个 − 118个)/118个 = 21.19%",
                                                                  "(239人 − 259人)/259人 = -7.72%"}
    flags, _ = incs(pipeline, "建成村级服务中心143个，较2019年的118个增长25.2%。")
    assert [f.subtype for f in flags] == ["growth"] and flags[0].text.endswith("118个增长25.2%")
    assert "(143个 − 118个)/118个 = 21.19%" in flags[0].arithmetic


def test_persons_counted_in_ming_are_parts_of_a_population_in_ren(pipeline):
    text = "全乡有退役军人360名，占全乡总人口12000人的3%。"
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [f for f in doc.flags if f.type == "inconsistency"] == []
    assert any(v["kind"] == "ratio" for v in doc.meta["verified"])
    doc = pipeline.analyze_bytes(text.replace("3%", "4%").encode("utf-8"), "t.txt")
    flags = [f for f in doc.flags if f.type == "inconsistency"]
    assert [f.text for f in flags] == ["4%"]
    # the evidence keeps each unit as written
    assert {e["text"]: e["norm_unit"] for e in flags[0].evidence}["360名"] == "名"
    assert [q.norm_unit for q in doc.quantities if q.text == "360名"] == ["名"]


@pytest.mark.parametrize("text, flagged", [
    ("一季度完成造林1800亩，二季度完成2600亩，上半年累计完成4400亩。", None),
    ("一季度完成造林1800亩，二季度完成2600亩，上半年累计完成4500亩。", "4500亩"),
    # a running total since the start is no sum of the parts before it: far off, silent
    ("今年一季度新增就业120人，二季度新增150人，累计新增就业5200人。", None),
])
def test_a_running_total_closes_the_periods_before_it(pipeline, text, flagged):
    flagged_as(pipeline, text, flagged)


@pytest.mark.parametrize("text, flagged", [
    ("参加体检的460人中，男性250人，女性210人。", None),
    ("参加体检的460人中，男性250人，女性230人。", "460人"),
    # parts after 中 may leave some out (one village not started): only a near miss is flagged
    ("全镇12个村中，有8个村完成了改厕任务，另有3个村正在推进。", None),
])
def test_a_count_closed_by_zhong_is_the_total_of_the_parts_after_it(pipeline, text, flagged):
    flagged_as(pipeline, text, flagged)


@pytest.mark.parametrize("text, flagged", [
    # the count per so many heads is written before the count it comes from
    ("全县常住人口32万人，每千人口拥有医疗床位6.5张，共有床位2080张。", None),
    ("全县常住人口32万人，每千人口拥有医疗床位6.8张，共有床位2080张。", "6.8张"),
    # a count of people per so many people: the population is the one named 人口
    ("全区户籍人口25万人，在岗教师2100人，每万人拥有教师84人。", None),
    # (a whole number per so many heads is rounded: 86 is 2100 over 24.5万, which 25万 covers)
    ("全区户籍人口25万人，在岗教师2100人，每万人拥有教师86人。", None),
    ("全区户籍人口25万人，在岗教师2100人，每万人拥有教师89人。", "89人"),
    # per thousand named heads (每千名老人)
    ("每千名老人拥有养老床位35张，全县60岁以上老人8万人，养老床位2800张。", None),
])
def test_a_figure_per_so_many_heads_wherever_its_count_stands(pipeline, text, flagged):
    flags, verified = flagged_as(pipeline, text, flagged)
    assert flagged or any(v["kind"] == "per_capita" for v in verified)


@pytest.mark.parametrize("text, flagged", [
    ("年度目标任务1200户，实际完成1290户，超额完成90户。", None),
    ("年度目标任务1200户，实际完成1290户，超额完成80户。", "80户"),
])
def test_what_was_done_beyond_the_target_is_their_difference(pipeline, text, flagged):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [q.role for q in doc.quantities] == ["target", "actual", "difference"]
    flags, _ = incs(pipeline, text)
    assert [f.subtype for f in flags] == (["difference"] if flagged else [])
    assert all(f.text.endswith(flagged) for f in flags)     # the span runs from the target to it


@pytest.mark.parametrize("text, flagged, verified", [
    ("全县财政收入由2016年的8亿元增加到2023年的24亿元，增长了2倍。", None, True),
    ("村集体收入由12万元增加到36万元，增长2倍。", None, True),
    ("村集体收入由12万元增加到48万元，增长2倍。", "2倍", False),
    # 增长3倍 for three times as much: a common way of writing it, not flagged
    ("村集体收入由12万元增加到36万元，增长3倍。", None, False),
])
def test_a_multiple_after_a_rise_word_is_the_growth_it_states(pipeline, text, flagged, verified):
    _, said = flagged_as(pipeline, text, flagged)
    assert any(v["kind"] == "growth" for v in said) == verified


@pytest.mark.parametrize("text, flagged, verified", [
    ("2024年全县环境空气优良天数为301天，优良天数占比82.2%。", None, True),
    ("2024年全县环境空气优良天数为301天，优良天数占比84.2%。", "84.2%", False),
    ("1-4月城区优良天数103天，同比增加6天，优良率85.8%。", None, True),
    # no period written: a year is only assumed, so a miss says nothing
    ("城区优良天数301天，优良率84.2%。", None, False),
])
def test_a_share_of_days_is_read_over_the_days_of_its_period(pipeline, text, flagged, verified):
    _, said = flagged_as(pipeline, text, flagged)
    assert any("期内天数" in v["arithmetic"] for v in said) == verified


@pytest.mark.parametrize("text, flagged, verified", [
    ("全年共办结信访事项186件，办结率93.0%，受理信访事项200件。", None, True),
    ("全年共办结信访事项186件，办结率95.0%，受理信访事项200件。", "95.0%", False),
    ("全县林地面积118万亩，森林覆盖率达到59%，国土面积200万亩。", None, True),
    ("项目已支出资金312万元，支出进度78%，项目总投资400万元。", None, True),
    ("项目已支出资金312万元，支出进度75%，项目总投资400万元。", "75%", False),
    # three counts of the unit: the pair meant is not shown, a miss says nothing
    ("全年受理210件，办结率95.0%，其中来信84件，来访126件。", None, False),
])
def test_a_rate_whose_counts_come_after_it(pipeline, text, flagged, verified):
    _, said = flagged_as(pipeline, text, flagged)
    assert any(v["kind"] == "ratio" for v in said) == verified


@pytest.mark.parametrize("text, flagged, verified", [
    ("全年签约重点项目24个，协议总投资60亿元，平均每个项目2.5亿元。", None, True),
    ("全年签约重点项目24个，协议总投资60亿元，平均每个项目2.8亿元。", "2.8亿元", False),
    ("全镇共有村卫生室18个，乡村医生54人，村均3人。", None, True),
])
def test_an_average_per_counted_item(pipeline, text, flagged, verified):
    flags, said = flagged_as(pipeline, text, flagged)
    assert any(v["kind"] == "per_capita" for v in said) == verified
    assert all(f.message.split("：", 1)[1].startswith("平均值应为") for f in flags)


@pytest.mark.parametrize("text, flagged", [
    ("全年培训农民工2600人次，城镇开展1100人次，农村开展1500人次。", None),
    ("全年培训农民工2600人次，城镇开展1100人次，农村开展1560人次。", "2600人次"),
    # two parts that are no complementary scopes: a total not named as one says nothing
    ("全年培训农民工2600人次，东片开展1100人次，西片开展1560人次。", None),
])
def test_parts_of_complementary_scopes_are_the_whole_breakdown(pipeline, text, flagged):
    flagged_as(pipeline, text, flagged)


def test_the_other_part_of_a_quality_is_not_its_whole(pipeline):
    # 合格 and 不合格 both counted: the whole is the number sampled, not the 合格 count
    text = "共抽检农产品2450批次，合格2401批次，不合格49批次，合格率98.0%。"
    _, said = flagged_as(pipeline, text, None)
    assert any("49批次/2450批次" in v["arithmetic"] for v in said)
    flagged_as(pipeline, text.replace("98.0%", "97.0%"), "97.0%")


@pytest.mark.parametrize("text, flagged", [
    ("年末各项贷款余额46800万元，比年初增加5200万元，增长12.5%。", None),
    ("年末各项贷款余额46800万元，较年初增加5200万元，增长13.5%。", "13.5%"),
])
def test_a_change_since_the_start_of_the_year_is_checked_like_one_since_last_year(pipeline, text, flagged):
    flagged_as(pipeline, text, flagged)


@pytest.mark.parametrize("text, flagged, verified", [
    ("全年小麦播种面积18.5万亩，总产7.4万吨，亩产400公斤。", None, True),
    ("全年小麦播种面积18.5万亩，总产7.4万吨，亩产430公斤。", "430公斤", False),
    ("全年开展农技培训32期，培训农民2560人次，平均每期80人次。", None, True),
])
def test_a_yield_per_area_and_an_average_per_session(pipeline, text, flagged, verified):
    flags, said = flagged_as(pipeline, text, flagged)
    assert any(v["kind"] == "per_capita" for v in said) == verified
    assert all("单位面积产量应为7.4万吨/18.5万亩 = 400.00公斤" in f.message for f in flags)


def test_a_gross_enrolment_rate_may_exceed_a_hundred_percent(pipeline):
    flagged_as(pipeline, "全县初中毛入学率102.3%，九年义务教育巩固率96.8%。", None)
    flagged_as(pipeline, "全县初中入学率102.3%，九年义务教育巩固率96.8%。", "102.3%")


@pytest.mark.parametrize("text, flagged, verified", [
    ("城镇居民人均可支配收入41200元，农村居民人均可支配收入19800元，城乡收入比2.08。", None, True),
    ("城镇居民人均可支配收入41200元，农村居民人均可支配收入19800元，城乡收入比2.28。", "2.28", False),
    ("年末存贷比为71.5%，各项存款余额64800万元，各项贷款余额46330万元。", None, True),
    # three amounts: which two the ratio divides is not shown
    ("城镇居民收入41200元，农村居民收入19800元，全县平均30100元，城乡收入比2.28。", None, False),
])
def test_a_ratio_named_by_bi_divides_the_two_amounts_of_its_sentence(pipeline, text, flagged, verified):
    _, said = flagged_as(pipeline, text, flagged)
    assert any(v["kind"] == "ratio" for v in said) == verified


@pytest.mark.parametrize("text, flagged, verified", [
    # the scope a label opens with is read past: 男性 / 女性 are the whole
    ("病例中男性占54.5%，女性占45.5%。", None, True),
    ("病例中男性占55.8%，女性占45.5%。", "55.8%，女性占45.5%", False),
    # the two open ends of one range of ages: the labels cover the whole
    ("从年龄看，35岁以下的占32%，36至50岁的占45%，51岁以上的占23%。", None, True),
    ("从年龄看，35岁以下的占35%，36至50岁的占45%，51岁以上的占23%。", "35%，36至50岁的占45%，51岁以上的占23%", False),
    # two ends alone must meet: with a band left out between them they are not the whole
    ("从年龄看，35岁以下的占42%，35岁以上的占60%。", "42%，35岁以上的占60%", False),
    ("从年龄看，35岁以下的占32%，51岁以上的占60%。", None, False),
    # an age and an education are no range: shares of overlapping groups say nothing
    ("党员中，35岁以下的占25%，大专以上学历的占68%。", None, False),
])
def test_shares_of_a_whole_named_by_their_labels(pipeline, text, flagged, verified):
    _, said = flagged_as(pipeline, text, flagged)
    assert any(v["kind"] == "share" for v in said) == verified


@pytest.mark.parametrize("text, flagged", [
    ("累计投入资金860万元，分别是：道路硬化520万元，饮水工程180万元，危房改造160万元。", None),
    ("累计投入资金860万元，分别是：道路硬化520万元，饮水工程180万元，危房改造190万元。", "860万元"),
    ("县本级安排资金500万元，乡镇自筹200万元，群众投工投劳折资100万元，总投入800万元。", None),
    ("县本级安排资金500万元，乡镇自筹200万元，群众投工投劳折资100万元，总投入820万元。", "820万元"),
])
def test_a_breakdown_after_fenbieshi_and_a_total_investment_after_its_sources(pipeline, text, flagged):
    _, said = flagged_as(pipeline, text, flagged)
    assert any(v["kind"] == "sum" for v in said) == (flagged is None)


@pytest.mark.parametrize("text, flagged, kind", [
    # last year's level alone in the next sentence, no name: the change's own
    ("农民人均纯收入8900元，比上年增加800元。上年为8100元。", None, "difference"),
    ("农民人均纯收入8900元，比上年增加800元。上年为8200元。", "8900元，比上年增加800元", None),
    # last year's level in the change's own sentence, the change in an amount
    ("农民人均纯收入8900元，上年为8100元，比上年增加800元。", None, "difference"),
    ("农民人均纯收入8900元，上年为8200元，比上年增加800元。", "8900元，上年为8200元，比上年增加800元", None),
    # a sentence opening with 上年 states last year's level of each indicator it names
    ("全年门诊量28.6万人次，同比增长6.3%；出院病人1.24万人次，同比增长4.2%。"
     "上年门诊量26.9万人次，出院病人1.21万人次。", "1.24万人次，同比增长4.2%", "growth"),
    # the balance at the start of the year, stated after the change since then
    ("各项贷款余额62.3亿元，较年初增加7.1亿元，年初余额为55.2亿元。", None, "difference"),
    ("各项贷款余额62.3亿元，较年初增加7.1亿元，年初余额为55.5亿元。", "62.3亿元，较年初增加7.1亿元", None),
    # a budget set at the start of the year is no earlier level
    ("年初预算安排资金120万元，比年初增加资金30万元，全年执行148万元。", None, None),
])
def test_an_earlier_level_stated_apart_from_its_change(pipeline, text, flagged, kind):
    _, said = flagged_as(pipeline, text, flagged)
    if kind:
        assert any(v["kind"] == kind for v in said)


@pytest.mark.parametrize("text, flagged", [
    ("地区生产总值3256亿元，人均地区生产总值53980元，年末常住人口603.2万人。", None),
    ("地区生产总值3256亿元，人均地区生产总值53680元，年末常住人口603.2万人。", "53680元"),
])
def test_a_per_capita_figure_whose_population_comes_after_it(pipeline, text, flagged):
    _, said = flagged_as(pipeline, text, flagged)
    assert any(v["kind"] == "per_capita" for v in said) == (flagged is None)


@pytest.mark.parametrize("text, flagged, reading", [
    # a part mistyped above its total is no part by size, but one digit makes the breakdown exact
    ("全镇总人口3.2万人，其中农业人口8.2万人，非农业人口0.4万人。", "3.2万人", "8.2万人若为2.8万人"),
    # a total mistyped below its parts
    ("全镇总人口2.3万人，其中农业人口2.8万人，非农业人口0.4万人。", "2.3万人", "2.3万人若为3.2万人"),
    ("新建村级活动场所21个，改扩建8个，共计20个。", "20个", "21个若为12个"),
    # every part of the sentence adds up to more than the total: no subset of it, any reading goes
    ("实现地区生产总值112亿元，其中第一产业81亿元，第二产业52亿元，第三产业42亿元。", "112亿元", "81亿元若为18亿元"),
    # a rate whose part one digit explains, though the parts the other way round are the nearer quotient
    ("本年度共收到群众来信86件，办结28件，办结率95.3%。", "95.3%", "28件若为82件"),
    # the two counts right before a rate, the part above the whole: one digit reads it back
    ("全年受理案件160件，办结案件180件，结案率93.75%。", "93.75%", "180件若为150件"),
    ("本年度共收到群众来信68件，办结82件，办结率95.3%。", "95.3%", "68件若为86件"),
    # two items of one list are siblings, not a part and its whole
    ("建议16件、提案17件，办复率100%。", None, None),
    # any one digit is one digit apart from any other: no reading
    ("全年完成投资3.6亿元，其中新建项目2.4亿元，总投资8亿元。", None, None),
    # a total of sources does not add an amount and its own 其中 part
    ("全年完成投资3.6亿元，其中新建项目2.4亿元，总投资6.8亿元。", None, None),
])
def test_a_mistyped_number_outside_the_candidates_is_read_back(pipeline, text, flagged, reading):
    flags, _ = flagged_as(pipeline, text, flagged)
    if reading:
        assert reading in flags[0].message


@pytest.mark.parametrize("text, flagged", [
    # two levels and the change right after them are one move: flagged whatever the gap
    ("不良贷款率由年初的3.83%下降到3.31%，下降0.52个百分点。", None),
    ("不良贷款率由年初的4.21%下降到3.31%，下降0.52个百分点。", "0.52个百分点"),
    ("全年共接收捐款58万元，较上年的51万元增加12万元。", "12万元"),
    ("全市生产总值从452.3亿元增加到488.6亿元，增长12.0%。", "12.0%"),
    # more parts than the whole after 中 is no subset of it
    ("在排查的145家企业中，合格172家，不合格3家。", "145家"),
    ("在排查的45家企业中，合格46家，不合格3家。", "45家"),
    # a change per year between two dated levels is over the years between
    ("粮食产量由2015年的30万吨增加到2020年的36万吨，年均增加1.2万吨。", None),
])
def test_a_move_written_as_one_is_flagged_whatever_the_gap(pipeline, text, flagged):
    flagged_as(pipeline, text, flagged)


def test_a_txt_table_typed_with_tabs_is_checked_with_its_header_units(pipeline):
    # 增长（%） over bare cells: each row's growth against its two years
    head = "主要指标完成情况\n指标\t单位\t2022年\t2023年\t增长（%）\n"
    rows = "地区生产总值\t亿元\t210.5\t226.8\t7.7\n财政总收入\t亿元\t12.4\t13.1\t5.6\n零售总额\t亿元\t86.2\t92.5\t{}\n"
    _, said = flagged_as(pipeline, head + rows.format("7.3"), None)
    assert sum("− 1 =" in v["arithmetic"] for v in said) == 3
    flagged_as(pipeline, head + rows.format("7.8"), "7.8")


def test_a_rate_column_fits_a_planned_column_the_header_words_do_not_name(pipeline):
    # 执行率 is 实际支出 over 调整预算, not over 年初预算: no flag
    text = ("预算执行情况（单位：万元）\n项目\t年初预算\t调整预算\t实际支出\t执行率\n"
            "基本支出\t1260\t1300\t1287\t99.0%\n项目支出\t840\t900\t810\t90.0%\n")
    _, said = flagged_as(pipeline, text, None)
    assert any("1287/1300" in v["arithmetic"] for v in said)


@pytest.mark.parametrize("share, flagged", [("40.0", None), ("43.0", "43.0")])
def test_a_share_column_under_a_total_row_of_100(pipeline, share, flagged):
    text = ("支出结构（单位：万元）\n| 科目 | 支出 | 占比（%） |\n| 教育 | 5600 | {} |\n"
            "| 卫生 | 3500 | 25.0 |\n| 农林水 | 4900 | 35.0 |\n| 合计 | 14000 | 100.0 |\n").format(share)
    flags, said = incs(pipeline, text)
    assert any("3500/14000" in v["arithmetic"] for v in said)
    assert [f.text for f in flags if f.subtype == "ratio"] == ([flagged] if flagged else [])


def test_a_growth_column_of_a_bar_table_read_with_its_header_unit(pipeline):
    text = ("| 指标 | 2023年 | 2022年 | 增减 | 增幅（%） |\n| 门诊人次 | 52340 | 48960 | 3380 | 6.9 |\n"
            "| 出院人次 | 6120 | 5870 | 250 | 4.3 |\n| 手术台次 | 1830 | 1652 | 178 | {} |\n")
    _, said = flagged_as(pipeline, text.format("10.8"), None)
    assert sum("− 1 =" in v["arithmetic"] for v in said) == 3
    flagged_as(pipeline, text.format("11.8"), "11.8")


@pytest.mark.parametrize("text", [
    # two levels of one move are no part and whole for the rate after them
    "全县贫困人口由上年末的1.2万人减少到0.35万人，贫困发生率由4.8%下降到1.4%，下降3.4个百分点。",
    # the pair that verified one rate is not the pair of the rate beside it
    "全年受理热线诉求2.36万件，办结2.31万件，办结率97.9%，群众满意率96.5%。",
])
def test_counts_that_belong_to_something_else_are_no_rate_pair(pipeline, text):
    flagged_as(pipeline, text, None)


@pytest.mark.parametrize("text, flagged", [
    # parts told apart by gender, ethnicity and education overlap: no breakdown
    ("全镇有党员1260名，其中女党员315名，少数民族党员86名，大专以上学历党员420名。", None),
    ("全镇有党员1260名，其中女党员315名，35岁以下党员252名。", None),
    # told apart by one attribute (党员 in both tells nothing apart): a breakdown
    ("全镇有党员320名，其中女党员120名，男党员210名。", "320名，其中女党员120名，男党员210名"),
    # a number named a total is no part of a running total, out of range or not
    ("项目总投资3.6亿元，今年完成投资1.2亿元，累计完成投资2.8亿元。", None),
])
def test_parts_of_overlapping_attributes_and_totals_are_no_breakdown(pipeline, text, flagged):
    flagged_as(pipeline, text, flagged)


@pytest.mark.parametrize("text, flagged", [
    # the period of the count's own sentence (截至11月底: 334 days) over a 全年 sentences before it
    ("全年有效工作日250天，干部出勤率96%。截至11月底，城区优良天数290天，优良率86.8%。", None),
    ("截至11月底，城区优良天数290天，优良率88.8%。", "88.8%"),
    # parts far below a total's rounding (元 beside 亿元) say nothing of it, by a typo or otherwise
    ("城镇居民人均可支配收入38600元；农村居民人均可支配收入17500元。今年一季度完成产值8亿元。"
     "截至目前，共完成投资8.6亿元。", None),
])
def test_a_period_and_a_total_read_from_their_own_sentence(pipeline, text, flagged):
    flagged_as(pipeline, text, flagged)


def test_a_bound_after_the_parts_is_no_part(pipeline):
    # 加分项不超过5分 is a cap, not a fourth part of the 100 points
    _, said = flagged_as(pipeline, "考核总分100分，其中基础工作30分，重点任务50分，群众满意度20分，加分项不超过5分。", None)
    assert any("30分 + 50分 + 20分" in v["arithmetic"] for v in said)


@pytest.mark.parametrize("text, flagged, kind", [
    # stop 30's held-out relation forms: 比上年的…多 with the amount more (a comparison, not 万元多)
    ("全年实现税收8650万元，比上年的8100万元多550万元，增长6.8%。", None, "difference"),
    ("全年实现税收8650万元，比上年的8100万元多550万元，增长7.8%。", "7.8%", "difference"),
    # thousands parted by a space, as PDF conversion leaves them
    ("全年调处纠纷 4 316 起，调处成功 4 187 起，调处成功率 97.0%。", None, "ratio"),
    # a yield between its area and the total after it
    ("全县油菜种植面积6.4万亩，亩产175公斤，总产1.12万吨。", None, "per_capita"),
    ("全县油菜种植面积6.4万亩，亩产175公斤，总产1.32万吨。", "175公斤", None),
    # 人次均 / 次均: a figure per visit
    ("全年支出医疗救助资金372万元，救助2480人次，人次均救助1500元。", None, "per_capita"),
    ("全年支出医疗救助资金372万元，救助2480人次，人次均救助1700元。", "1700元", None),
    # a change first, then the earlier level and this period's, each named
    ("资产负债率比年初下降1.35个百分点，年初为58.2%，年末为56.85%。", None, "difference"),
    ("资产负债率比年初下降1.35个百分点，年初为58.2%，年末为57.85%。", "1.35个百分点，年初为58.2%，年末为57.85%", None),
    # the whole of a share is an amount, not a target
    ("全镇党员中女党员410名，占党员总数1640名的25%。", None, "ratio"),
    ("全镇党员中女党员410名，占党员总数1640名的28%。", "28%", None),
])
def test_relations_of_the_stop_30_forms(pipeline, text, flagged, kind):
    _, verified = flagged_as(pipeline, text, flagged)
    assert kind is None or any(v["kind"] == kind for v in verified)


@pytest.mark.parametrize("text", [
    # an item's maximum in brackets is no part of a score
    "项目绩效自评得分88.5分，其中产出指标得分44分（分值50分）。",
    # a share whose own subject is named before its cue is not the share of the count before it
    "全县特困供养人员共2450人，其中集中供养人员380人，供养人员中老年人占62.4%、残疾人占19.8%。",
])
def test_stop_30_sentences_whose_numbers_need_not_relate(pipeline, text):
    assert incs(pipeline, text)[0] == []


@pytest.mark.parametrize("text, flagged", [
    # a named identity (checks.yaml identities): 自然增长率 = 出生率 − 死亡率
    ("全年人口出生率为9.12‰，死亡率为6.85‰，自然增长率为2.27‰。", None),
    ("全年人口出生率为9.12‰，死亡率为6.85‰，自然增长率为2.57‰。", "9.12‰，死亡率为6.85‰，自然增长率为2.57‰"),
    ("全年出生率6.30‰；死亡率7.15‰；人口自然增长率为-0.85‰。", None),
])
def test_a_rate_named_by_an_identity_is_checked_against_its_terms(pipeline, text, flagged):
    _, verified = flagged_as(pipeline, text, flagged)
    assert (flagged is None) == any(v["kind"] == "difference" for v in verified)


@pytest.mark.parametrize("text, verified, flagged", [
    # a completion whose sentence holds no amount: the amount of the sentence before,
    # against the target named like it before that; flagged as a near miss only when
    # the three stand in one paragraph, each named like the next (stop 33)
    ("年初确定招商引资到位资金目标为25亿元。全年实际完成26.3亿元，同比增长8.2%。完成年度目标的105.2%。", True, False),
    ("年初确定招商引资到位资金目标为25亿元。全年实际完成26.3亿元，同比增长8.2%。完成年度目标的115.2%。", False, True),
    # the target in another paragraph: verified only, never flagged
    ("年初确定招商引资到位资金目标为25亿元。\n全年实际完成26.3亿元，同比增长8.2%。完成年度目标的115.2%。", False, False),
])
def test_a_completion_after_the_sentence_of_its_amount(pipeline, text, verified, flagged):
    flags, said = incs(pipeline, text)
    assert any(v["kind"] == "completion" for v in said) == verified
    assert bool(flags) == flagged, [f.message for f in flags]



def test_a_rate_after_a_plan_and_its_part_is_of_the_whole(pipeline):
    """Stop 38: 计划完成造林任务2.40万亩，其中储备林0.80万亩 makes the part a
    target too (the plan covers its sentence); a completion rate in a later
    sentence is still of the whole, not stopped by the part between."""
    plan = "年度计划完成人工造林任务3.60万亩，其中储备林建设1.20万亩。截至12月底，全县实际完成人工造林3.24万亩，"
    flags, verified = incs(pipeline, plan + "完成率达到90.0%。")
    assert flags == [] and any(v["kind"] == "completion" for v in verified)
    flags, _ = incs(pipeline, plan + "完成率达到93.0%。")
    assert [f.subtype for f in flags] == ["completion"] and "3.24万亩/3.60万亩" in flags[0].arithmetic


def test_a_change_names_the_unit_it_counts(pipeline):
    """Stop 38: 同比件数下降…、人数下降… after 312件486人 and last year's 520件910人:
    each rate is of the count of its own unit (件数, 人数), not of the nearest count."""
    text = "审结起诉案件312件486人，去年同期为520件910人，同比件数下降{}%、人数下降46.59%。"
    flags, verified = incs(pipeline, text.format("40.00"))
    assert flags == [] and sum(v["kind"] == "growth" for v in verified) == 2
    flags, _ = incs(pipeline, text.format("42.00"))
    assert [f.subtype for f in flags] == ["growth"] and "(312件 − 520件)/520件" in flags[0].arithmetic


def test_a_count_in_a_bracket_of_parts_is_no_level_of_the_change_after_it(pipeline):
    """受理案件4218件（含旧存126件），同比上升3.85%: the rate is of the total, whose
    earlier level is not given; the bracket's part is not read as its level."""
    flags, _ = incs(pipeline, "全年共受理诉讼案件4218件（含旧存126件），同比上升3.85%。")
    assert flags == []


def test_an_amount_after_ling_is_no_part_of_the_breakdown_before(pipeline):
    """达重点线以上36人，其中…14人；另被定向录取9人；达普通线97人: what 另 adds and
    what follows it are beside the breakdown, not parts of 36."""
    text = "达重点线以上36人，其中达省示范高中统招线640分以上14人，比去年增加40%；另被定向录取9人；达普通线97人；达600分以上70人。"
    flags, _ = incs(pipeline, text)
    assert flags == []


def test_two_parts_short_of_their_total_may_be_two_of_more(pipeline):
    """Stop 38: 货运量…其中公路…；水路… (no rail, no air) is a partial breakdown:
    two parts short of their total, not each other's complement, raise nothing;
    complements short of it, or parts above it, still do."""
    flags, _ = incs(pipeline, "全年完成营业性货运量86.4亿吨，同比增长3.2%。其中，完成公路货运量65.1亿吨，"
                              "同比增长2.8%；完成水路货运量15.6亿吨，同比增长4.1%。")
    assert flags == []
    flags, _ = incs(pipeline, "全县户籍人口52.6万人，其中城镇人口18.3万人，农村人口32.1万人。")
    assert [f.subtype for f in flags] == ["sum"]
    flags, _ = incs(pipeline, "全年完成营业性货运量86.4亿吨，其中，完成公路货运量72.1亿吨，完成水路货运量15.6亿吨。")
    assert [f.subtype for f in flags] == ["sum"]


def test_a_completion_clause_names_no_subject_for_the_growth_after_it(pipeline):
    """Stop 39: …完成X万元，为年计划的N%，同比增长M%: the growth's subject is not
    read from the completion clause before it (为年计划的, the same words in every
    such sentence), so two sentences' different growths raise nothing; the
    same subject written out twice with two rates still does."""
    flags, _ = incs(pipeline, "上半年，全镇工业产值完成61250万元，为年计划的48.2%，同比增长17.3%。商贸销售额完成12.86亿元，"
                              "为年计划的51.6%，同比增长14.2%；税收收入完成6120万元，为年计划的40.8%，同比增长9.7%。")
    assert flags == []
    flags, _ = incs(pipeline, "上半年全镇工业产值同比增长17.3%，运行平稳。\n上半年全镇工业产值增长12.1%，好于预期。")
    assert [f.subtype for f in flags] == ["mismatch"]


def test_a_signed_gap_in_a_table_is_read_by_its_size(pipeline):
    """与目标差距 -0.7 under 目标增速 7.0 and 实际增速 6.3: the sign says which side."""
    table = ("单位|目标增速(%)|实际增速(%)|与目标差距(个百分点)\n"
             "东关镇|7.0|7.8|0.8\n西湖镇|7.0|6.3|-0.7\n南山镇|6.5|5.2|-1.3\n")
    flagged_as(pipeline, table, None)
    flags, _ = incs(pipeline, table.replace("|-0.7", "|-0.9"))
    assert [(f.subtype, f.text) for f in flags] == [("difference", "7.0|6.3|-0.9")]
    assert flags[0].arithmetic.startswith("−|7.0 − 6.3| = -0.7")


@pytest.mark.parametrize("text, verified", [
    # stop 51, after the round-3 batteries: a slip that would write a nonzero amount
    # as nothing (0.3亿元 as 0.0亿元) explains no per-head figure
    ("东湖镇辖区面积98平方公里，镇机关在编人员56人，上半年全镇实现地区生产总值8.6亿元，同比增长6.1%，"
     "招商引资到位资金1.8亿元，比去年同期增加0.3亿元，农村居民人均可支配收入10480元，同比增长6.9%。", None),
    # a remainder of the budget, not of the last of its parts (140 is one digit from 740)
    ("项目年初预算740万元（其中中央补助400万元、省级补助200万元、县级配套140万元），年内未作调整。"
     "截至年底实际支出702.5万元，预算执行率94.93%，结余37.5万元。", "740万元 − 702.5万元 = 37.5万元"),
    # a gap to a control figure is of this year's level, not of last year's in a note
    ("全年共发生生产安全事故17起、死亡7人，同比分别下降15%和30%（上年为20起、10人）。"
     "市下达我县全年事故死亡控制指标11人，实际死亡人数比控制指标少4人。", "|7人 − 11人| = 4人"),
])
def test_typo_readings_that_mean_another_pairing_raise_nothing(pipeline, text, verified):
    _, done = flagged_as(pipeline, text, None)
    assert verified is None or any(v["arithmetic"].startswith(verified) for v in done)
