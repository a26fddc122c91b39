"""Relations other than sums, broken in ways the near-miss tests alone miss:
a part written above its whole, a base shared by several rates mistyped below
one of their parts, a target or budget off by one digit. Texts written here."""

import pytest


def incs(pipeline, text):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    return [f for f in doc.flags if f.type == "inconsistency"], doc.meta.get("verified", [])


def _flag_on(flags, text, number):
    at = text.index(number)
    return [f for f in flags if f.start <= at < f.end or at <= f.start < at + len(number)]


# (text, a number the flag must cover, words its message must hold)
FLAGGED = [
    # a 其中 part written above the count it is a part of (rate at most 100%)
    ("全县共登记新生儿5210人，出生率9.1‰。其中计划内出生5480人，符合率94.51%。", "94.51%", "5480人/5210人"),
    # two parts labelled as the two halves of the total (上半年, 下半年; 城镇, 农村) are all
    # of it: a gap of 12.5% is flagged, as for a named breakdown
    ("全年完成造林3.6万亩，其中上半年1.4万亩、下半年1.75万亩。", "3.6万亩", "1.4万亩 + 1.75万亩"),
    ("全县户籍人口52.3万人，其中城镇21.4万人，农村25.2万人。", "52.3万人", "21.4万人 + 25.2万人"),
    # 亏损面 of its counts, a digit off
    ("全县规上工业企业236家，其中亏损企业33家，企业亏损面为16.0%。", "16.0%", "33家/236家"),
    # a gap to another place whose two values stand in earlier sentences, mistyped
    ("年末全县森林覆盖率为58.4%，比上年提高0.6个百分点。全省森林覆盖率为61.2%。我县比全省低3.8个百分点。",
     "3.8个百分点", "|58.4% − 61.2%|"),
    # share clauses going on in the next sentence, the rest mistyped (the sum is 102.0%)
    ("从来源看，本地游客占46.2%，省内游客占31.5%。省外游客占17.4%，其他游客占6.9%。", "6.9%", "= 102.0%"),
    # a figure per thousand heads whose amount and population stand in earlier sentences, mistyped
    ("全县常住人口36万人。全县共有注册护士1188人，今年新增3人。每千人口注册护士3.8人。", "3.8人", "1188人/36万人×1000"),
    # the shortfall mistyped
    ("今年全县计划改造农村危房460户。截至9月底已完成改造372户。距年度目标尚差98户。", "98户", "460户 − 372户"),
    # a gap written with the direction word before the name (高出全省平均水平), mistyped
    ("今年全县高中毕业生一本上线率为31.6%。全省平均一本上线率为27.2%。我县高出全省平均水平3.4个百分点。",
     "3.4个百分点", "|31.6% − 27.2%|"),
    # a gap word after two values of one indicator in two earlier sentences, mistyped
    ("东坝乡今年玉米平均单产612公斤。西岭乡地处山区，玉米平均单产为538公斤。两乡单产相差84公斤。", "84公斤", "612公斤 − 538公斤"),
    # three breakdowns of one unit in a paragraph, two adding up exactly: the third,
    # short of its total by 22%, is flagged
    ("全镇现有特困供养对象108人。集中供养对象38人，其中男性21人、女性17人。分散供养对象58人，其中失能人员20人、"
     "半失能人员25人。供养孤儿9人，其中男童5人、女童4人。", "58人", "同段38人、9人"),
    # a current level that names nothing after a sentence giving last year's, the rate mistyped
    ("去年全县城镇居民人均消费支出为26400元。今年达到27800元，增长6.3%。", "6.3%", "(27800元 − 26400元)/26400元"),
    # a change written as zero that is not (-0.11%)
    ("资助学生2659人次，较上年的2662人次下降0.0%。", "0.0%", "-0.11%"),
    # a whole named like its part in an earlier sentence (育龄妇女人数 of 育龄妇女建档人数), a near miss
    ("全镇现有育龄妇女人数3120人，落实长效节育措施人数2890人。育龄妇女建档人数3096人，建档率为99.56%。",
     "99.56%", "3096人/3120人"),
    # the two counts right before the rate, the part named by the rate: the part above the whole
    ("辖区6岁以下儿童1840人，健康管理人数为1900人，健康管理率为91.58%。", "91.58%", "1900人/1840人"),
    # a share whose whole is written inside the phrase, the part above it
    ("新建校舍4120平方米，占计划面积3850平方米的97.5%。", "97.5%", "4120平方米/3850平方米"),
    # three rates agree on one base (600); the base stated is below one part
    ("本乡活产数596人，住院分娩人数590人，住院分娩率为98.33%。系统管理人数510人，系统管理率85.0%。"
     "新生儿访视597人，访视率为99.50%。", "596人", "共同推算的分母"),
    # a completion whose target in the phrase is one digit off: a near miss
    ("全年交通事故死亡4人，占年度控制指标(3人)的57.1%，未超进度。", "57.1%", "4人/3人 = 133.33%"),
    # beyond a near miss, one mistyped digit explains it
    ("全年交通事故死亡6人，占年度控制指标(1人)的85.7%，未超进度。", "85.7%", "1人若为7人"),
    # a completion rate whose target is stated after it in its sentence
    ("全年新办营业执照5130户，完成率为108.7%，年度目标任务为4960户。", "108.7%", "5130户/4960户"),
    # a completion written 为…的 with the target inside the phrase
    ("引进到位资金27.3亿元，为年度计划31亿元的96.5%。", "96.5%", "27.3亿元/31亿元"),
    # per head: the head count after the amount in the sentence, a near miss
    ("下发农机购置补贴1830万元，惠及农户2.4万户，户均820元。", "820元", "1830万元/2.4万户"),
    # per head: beyond a near miss, the head count's digits swapped
    ("全年向2130名教师发放补助258.3万元，人均2100元。", "2100元", "2130名若为1230名"),
    # per head per month of a year's amount
    ("全县特困供养对象2600人，全年支出供养资金1560万元，月人均补助550元。", "550元", "/12个月"),
    # per head: the head count in the sentence before, named like the amount
    ("特困供养对象2600人。全年特困供养支出1560万元，人均6300元。", "6300元", "1560万元/2600人"),
    # shares of the three sectors (a 分别 list) that do not add up to 100%
    ("第一、二、三产业增加值占全区生产总值的比重分别为9.6%、41.3%和47.1%。", "47.1%", "= 98.0%"),
    # share clauses whose labels are the whole (男 and 女)
    ("全部在职职工中，男职工占56.2%，女职工占42.8%。", "42.8%", "各部分占比之和应为100%"),
    # a structure: age bins
    ("从学员年龄结构看，30岁以下占21.4%，31至45岁占52.8%，46岁以上占28.8%。", "28.8%", "= 103.0%"),
    # the rest named 其他
    ("从投诉渠道看，电话占46.5%，网络占31.2%，其他渠道占20.1%。", "20.1%", "= 97.8%"),
    # growth against last year's level stated in the next sentence
    ("全年完成社会消费品零售总额93.6亿元，增长8.4%。上年全县社会消费品零售总额为88.1亿元。", "8.4%", "见后文"),
    # a change against last year's level stated later in its sentence
    ("全年办理出入境证件1640件，同比增长12%，去年同期为1320件。", "12%", "1640件 − 1320件"),
    # a difference of growth rates against last year's rate stated after it
    ("全区规上工业增加值增长9.4%，增速比上年提高2.6个百分点，上年增长7.2%。", "2.6个百分点", "= 2.2个百分点"),
    # a level, its change and the rate: the rate's digits swapped (beyond a near miss)
    ("全年共受理劳动仲裁案件86件，比上年减少12件，下降21.2%。", "21.2%", "21.2%若为12.2%"),
    # a difference of two rates with its digits swapped, beyond a near miss
    ("工业增速6.7%，比基本任务7.4%低7.0个百分点。", "7.0个百分点", "7.0个百分点若为0.7个百分点"),
    # a change against a level stated in an earlier sentence, one digit off
    ("上年全县受理信访事项46件。今年全县受理信访事项38件，比上年少3件。", "3件", "46件 − 38件 = 8件"),
    # a gap named between two amounts of the sentence
    ("全县职工平均工资68420元，农民工平均工资45180元，两者差距为32240元。", "32240元", "= 23240元"),
    # a multiple written 是…的x倍 with the other amount inside the phrase
    ("全年出口额46.2亿元，是进口额15.4亿元的3.6倍。", "3.6倍", "46.2亿元/15.4亿元"),
    # a difference against the compared value restated after it
    ("森林覆盖率达到63.8%，比全省平均水平高4.1个百分点，全省为60.2%。", "4.1个百分点", "= 3.6个百分点"),
    # a rate by which the target was exceeded: actual/target − 1
    ("今年下达造林任务6000亩，全年实际造林6540亩，超额完成8.6%。", "8.6%", "6540亩/6000亩 − 1"),
    # an excess over the target in its own clause, the subject in the clause before
    ("全年新增养老床位872张，超目标任务27张，完成率109.0%。", "109.0%", "872张/(872张−27张)"),
    # growth between two levels each with its year
    ("2021年全区专利授权量1380件，2022年专利授权量1562件，增长31.2%。", "31.2%", "(1562件/1380件) − 1"),
    # an average growth over the years between two dated levels
    ("全县粮食产量由2016年的21.35万吨增加到2021年的26.84万吨，年均增长5.7%。", "5.7%", "^(1/5)"),
    # a change between two levels written 由…到
    ("农村居民人均可支配收入由上年的16480元增加到17650元，增加1710元。", "1710元", "17650元 − 16480元 = 1170元"),
    # one mistyped digit beyond a near miss: a complement rate, a figure per 100,000, an excess
    ("抽检药品2480批次，检出不合格药品31批次，抽检合格率68.75%。", "68.75%", "68.75%若为98.75%"),
    ("全县常住人口64万人，全年发生交通事故1152起，每10万人发生交通事故480起。", "480起", "480起若为180起"),
    ("销售收入5460亿元，超年度目标360亿元，完成年度任务的170.1%。", "170.1%", "170.1%若为107.1%"),
    # a growth written as a multiple (增长x倍 is +x·100%) against last year's level after it
    ("全年引进项目资金336万元，比上年增长4.1倍，上年为140万元。", "4.1倍", "4.1倍若为1.4倍"),
    # a multiple of last year's level stated in the sentence before
    ("上年全县快递业务量46.5万件。今年全县快递业务量58.1万件，是上年的1.42倍。", "1.42倍", "即增长42%"),
    # a difference against another subject named after 比
    ("东片区完成造林3260亩，西片区完成造林2870亩，东片区比西片区多930亩。", "930亩", "3260亩 − 2870亩 = 390亩"),
    # a figure per head stated first as a standard, the amount and the heads after it
    ("按照每户800元的标准，为2430户困难家庭发放取暖补贴210.0万元。", "800元", "210.0万元/2430户"),
    # a budget written below what was spent, one digit off (a swap)
    ("年初下达预算3206万元，实际支出3254.3万元。剩余未支出5.7万元结转下年。", "5.7万元", "3206万元若为3260万元"),
    # stop 29: a shortening is a change too; last year's level opening the next sentence;
    # both levels after the rate; the rest of a 分别 list of shares; 超额x%完成
    ("项目平均审批时间为8.5天，比上年的12.4天缩短4.9天。", "4.9天", "= -3.9天"),
    ("全县限上商贸企业实现销售额86.4亿元。上年同期为78.2亿元，同比增长12.5%。", "12.5%", "= 10.49%"),
    ("全年新增私家车比上年增长16.4%，达到2.6万辆，上年为2.4万辆。", "16.4%", "= 8.33%"),
    ("从来信渠道看，网上来信、来访、电话分别占41.6%、25.2%和18.3%，其他渠道占17.9%。", "17.9%", "= 103.0%"),
    ("年度目标为4.5万吨，全年实际产量4.86万吨，超额6%完成任务。", "6%", "4.86万吨/4.5万吨 − 1"),
    # a figure per student; the benchmark restated after a comparison word; last year's level opening
    # the sentence after the level it is compared with
    ("全年拨付学生营养餐补助2520万元，受益学生4.2万人，生均650元。", "650元", "= 600.00元"),
    ("城市生活垃圾无害化处理率98.2%，高于省定目标2.2个百分点，省定目标为95%。", "2.2个百分点", "= 3.2个百分点"),
    ("全县儿童健康管理率达到92.4%。上年为90.1%，今年提高1.3个百分点。", "1.3个百分点", "= 2.3个百分点"),
    # a completion whose actual closes the sentence before, or whose target stands across a ；
    ("截至9月底，已完成植树造林4.2万亩。按全年6万亩的任务计算，完成进度为72%。", "72%", "= 70%"),
    ("调整后预算2500万元；全年实际支出2350万元，预算执行率96%。", "96%", "= 94%"),
    # a plan with 培育 states the target of the completion after it
    ("全年计划培育家庭农场80家，目前已培育72家，完成率80%。", "80%", "= 90%"),
    # a gap to the pace of the year (序时进度): the completion less the months gone by
    ("1-8月全县完成工业投资41亿元，完成全年目标的58.6%，落后序时进度9.1个百分点。", "9.1个百分点",
     "8/12（66.67%） − 58.6% = 8.07个百分点"),
    ("上半年完成招商引资到位资金32亿元，完成全年目标的58%，超序时进度6个百分点。", "6个百分点", "= 8个百分点"),
    # what is still to be done of the year's target
    ("全年新建村级服务中心目标180个，已建成112个，年底前还需完成58个。", "58个", "= 68个"),
    # a rate whose two counts an earlier sentence gives side by side, the rate named like them
    ("全年全县共立盗窃案件1320起，侦破846起。今年新建智慧安防小区14个。盗窃案件破案率为66.1%。",
     "66.1%", "846起/1320起"),
    # a share whose subject (税收) names the count its name starts with, not the one right before it
    ("全年一般公共预算收入完成9.84亿元。其中税收收入6.52亿元，非税收入3.32亿元，税收占比为68.3%。", "68.3%",
     "6.52亿元/9.84亿元"),
    # the parts after 其中 are of the count named like them (受理), not of the nearest (办结)
    ("全年共受理各类信访事项3265件，办结3108件。其中受理来信1204件，受理来访2081件。", "3265件",
     "所报为3265件"),
    # a completion rate whose target stands in an earlier sentence of its paragraph, named like
    # the amount of the rate's own sentence (stop 33: verified only before)
    ("年初下达新增养老床位目标任务800张。全年新增养老床位872张，完成率106.9%。", "106.9%", "872张/800张"),
    # the size of a change right, its direction word wrong (within a sentence, and against an
    # earlier sentence's level)
    ("全县农村留守儿童由上年的1860人减少到1702人，同比增加8.5%。", "8.5%", "方向相反"),
    ("上年全县农村留守儿童1860人。今年全县农村留守儿童1702人，同比增加8.5%。", "8.5%", "方向相反"),
    ("2023年全县农村留守儿童1860人。2024年全县农村留守儿童2018人，同比下降8.5%。", "8.5%", "方向相反"),
    # one indicator's level, or its growth, stated twice in a paragraph with values a slip apart
    # (the words of scope and period before the name set aside: 今年全县规上工业增加值)
    ("全年新增城镇就业5312人，完成年度目标5000人的106.2%。全县就业局势总体稳定，新增城镇就业5321人，其中失业人员再就业860人。",
     "5321人", "5312人 与 5321人"),
    ("今年全县规上工业增加值完成86.4亿元，同比增长7.6%。全年工业运行稳中有进，规上工业增加值增长8.1%。", "8.1%",
     "7.6% 与 8.1%"),
    # a rate whose part an earlier sentence names (不良贷款), its whole the one count of its own sentence
    ("年末全县农商银行不良贷款余额2.18亿元，比年初减少0.36亿元。各项贷款余额为146.2亿元，不良贷款率为1.94%。",
     "1.94%", "2.18亿元/146.2亿元"),
    # the value compared with written in brackets inside the comparison
    ("全县九年义务教育巩固率达到97.2%，比全省平均水平（95.8%）高2.4个百分点。", "2.4个百分点", "|97.2% − 95.8%|"),
    # the k-th rate of a 分别 list is of the k-th target and the k-th amount (a target list
    # read after 任务分别为)
    ("全年完成二氧化硫减排862吨、氮氧化物减排1315吨，年度减排任务分别为820吨和1290吨，分别完成任务的105.1%和103.9%。",
     "103.9%", "1315吨/1290吨"),
    # a figure per head whose amount stands in the sentence before, named like it, the heads in its own
    ("全年发放农村特困人员供养金864万元。供养金惠及特困人员0.72万人，人均发放供养金1350元。", "1350元",
     "864万元/0.72万人"),
    # 分别用于: a breakdown of the amount before it
    ("全年整合涉农资金3.46亿元，分别用于产业发展1.82亿元、基础设施1.21亿元和能力建设0.53亿元。", "3.46亿元",
     "= 3.56亿元"),
    # the one level of the gap's sentence is the place compared with (全市平均水平); the county's own
    # stands in the sentence before
    ("全县农村集中供水率达到91.4%，较上年提高1.6个百分点。全市平均水平为88.2%，我县高出全市3.6个百分点。",
     "3.6个百分点", "|91.4% − 88.2%|"),
    # a rate reckoned on a base written 按…计算, its part the count of the sentence before
    ("年末全县城乡居民养老保险参保人数为36.42万人。按应参保人口38.05万人计算，参保率为97.1%。", "97.1%",
     "36.42万人/38.05万人"),
    # a share of a whole that counts all of it above 100%
    ("全县参加城乡居民养老保险的农户2.84万户，占全县农户总数的118.6%。", "118.6%", "超过了100%"),
    # a gap to a value written inside its own comparison (比全省的61.2%低…)
    ("今年全县农村自来水普及率为88.6%，比全市的92.1%低2.5个百分点。", "2.5个百分点", "|88.6% − 92.1%|"),
    # a completion rate naming only the task (任务完成率) is the task's, not the last amount's
    ("市里下达我县今年农村公路提升改造任务260公里。截至年底，全县已完成农村公路提升改造238公里，公里均投入42万元。"
     "任务完成率为95.5%。", "95.5%", "238公里/260公里"),
    # a growth rate against the level of an earlier year stated in a sentence opening with that year
    ("2023年全县接待游客826万人次。今年全县接待游客达到905万人次，增长11.6%。", "11.6%",
     "(905万人次 − 826万人次)/826万人次"),
    # a change in points against last year's rate stated in an earlier sentence
    ("上年末全县城镇调查失业率为5.4%。今年新增城镇就业4820人。年末城镇调查失业率降至5.1%，比上年末下降0.5个百分点。",
     "0.5个百分点", "5.4% − 5.1%"),
    # what is left of a target, another action's amount nearer to it: the one named like the target
    ("今年县里下达我镇造林任务5000亩。目前已完成人工造林3650亩，同期完成森林抚育4200亩。造林任务尚差1550亩。",
     "1550亩", "5000亩 − 3650亩"),
    # target, amount and completion rate in three sentences of one paragraph, each named like the next
    ("年初市交通局下达我县农村公路新改建任务320公里。全年实际完成农村公路新改建338公里，另完成危桥改造12座。"
     "农村公路新改建任务完成率为108.6%。", "108.6%", "338公里/320公里"),
    # three parts in tenths can miss their total by at most one tenth: two is no rounding
    ("全镇完成植树造林2.3万亩，其中生态林1.5万亩、经济林0.6万亩、防护林0.4万亩。", "2.3万亩",
     "1.5万亩 + 0.6万亩 + 0.4万亩"),
    # an amount per mu (亩均) and an area per head (平均每名…) are quotients too
    ("全村流转土地1200亩发展大棚蔬菜，实现产值3840万元，亩均产值3.6万元。", "3.6万元", "3840万元/1200亩"),
    ("全县聘用护林员640名，管护林地51.2万亩，平均每名护林员管护900亩。", "900亩", "51.2万亩/640名"),
    # the compared value right before the gap, itself read as a difference (低于…97.9%约2.7个百分点)
    ("全县义务教育巩固率为96.2%，低于全市平均水平97.9%约2.7个百分点。", "2.7个百分点", "|96.2% − 97.9%|"),
    # a gap of an amount, shown in its unit (126毫米, not 126)
    ("全县今年降水量为486毫米，比常年平均值612毫米偏少136毫米。", "136毫米", "= 126毫米"),
    # a level dated by a year, restated by its head noun alone (余额) with the current period
    ("2024年末，全县住户存款余额为215.6亿元。今年末余额达到238.2亿元，同比增长12.5%。", "12.5%",
     "(238.2亿元 − 215.6亿元)/215.6亿元"),
    # a gap to a target its clause names, the level in the sentence before
    ("全年全县城镇登记失业率为3.2%。年度控制目标为4.0%，实际低于目标1.2个百分点。", "1.2个百分点",
     "|3.2% − 4.0%|"),
    # what is left of a target for a rate of change, in points
    ("市里下达我县的单位生产总值能耗下降目标为3.2%。前三季度实际下降2.1%，距全年目标尚差1.3个百分点。",
     "1.3个百分点", "3.2% − 2.1%"),
    # a rate written per mille by convention, its counts' quotient per mille, written with %
    ("全镇户籍人口4.25万人，全年死亡人口289人，死亡率6.80%。", "6.80%", "‰误写为%"),
    # a list written alike (接待游客 each) whose first three happen to add up to the total
    ("全年全县接待游客312.6万人次。其中青龙山景区接待游客128.4万人次，白云湖景区接待游客96.3万人次，"
     "古镇景区接待游客87.9万人次，湿地公园接待游客21.5万人次。", "312.6万人次", "= 334.1万人次"),
    # one indicator stated twice around its own breakdown, and with its name after the number
    ("全县油菜籽总产量达到4.8万吨，其中甘蓝型油菜3.1万吨、白菜型油菜1.7万吨，油菜籽总产量4.6万吨居全市第一。",
     "4.6万吨", "4.8万吨 与 4.6万吨"),
    ("全年实现社会消费品零售总额86.42亿元，增长6.1%。在84.62亿元社会消费品零售总额中，城镇消费品零售额占78.3%。",
     "84.62亿元", "86.42亿元 与 84.62亿元"),
    # one part under 其中 above the count it is of (the count of its unit, not the schools)
    ("全县现有中小学校58所，在校学生2.64万人。其中留守儿童2.91万人，均建立关爱档案。", "2.64万人", "已大于总数"),
    # a rate whose part (named like it) is in its sentence and whose whole is the one count before
    ("全年共受理行政复议申请428件。全年办结396件，办结率为96.3%。", "96.3%", "396件/428件"),
    # fewer persons than the households of the same name, a sentence apart
    ("全县共有监测户1284户，分布在9个乡镇。监测人口1176人，均已落实帮扶措施。", "1176人", "每户至少一人"),
    # a part written with the wrong scale (万元 for 亿元, 元 for 万元): the note says so
    ("全镇财政收入合计9.64亿元，其中税收部分7.18亿元，非税部分2.46万元。", "9.64亿元", "单位笔误"),
    ("县财政教育投入3360万元。其中义务教育配套经费920万元、校舍维修资金1050元、两项附加1390万元。", "3360万元",
     "1050元若为1050万元"),
    # states that split a whole (竣工, 在建, 未开工) are still a breakdown
    ("全年共实施重点项目34个，其中已竣工13个，在建17个，未开工3个。", "34个", "= 33个"),
]


@pytest.mark.parametrize("text,number,words", FLAGGED)
def test_flagged(pipeline, text, number, words):
    flags, _ = incs(pipeline, text)
    on = _flag_on(flags, text, number)
    assert on, [f.message for f in flags]
    assert any(words in f.message or words in (f.note or "") for f in on), [f.message for f in on]


# the same sentences as written correctly: verified, not flagged
VERIFIED = [
    ("全县共登记新生儿5210人，出生率9.1‰。其中计划内出生4924人，符合率94.51%。", "4924人/5210人"),
    ("辖区6岁以下儿童1840人，健康管理人数为1685人，健康管理率为91.58%。", "1685人/1840人"),
    ("新建校舍3754平方米，占计划面积3850平方米的97.5%。", "3754平方米/3850平方米"),
    ("本乡活产数600人，住院分娩人数590人，住院分娩率为98.33%。系统管理人数510人，系统管理率85.0%。"
     "新生儿访视597人，访视率为99.50%。", "590人/600人"),
    ("全年交通事故死亡4人，占年度控制指标(7人)的57.1%，未超进度。", "4人/7人"),
    ("年初下达预算3260万元，实际支出3254.3万元。剩余未支出5.7万元结转下年。", "3260万元 − 3254.3万元"),
    ("全年新办营业执照5130户，完成率为108.7%，年度目标任务为4720户。", "5130户/4720户"),
    ("按照每户800元的标准，为2430户困难家庭发放取暖补贴194.4万元。", "194.4万元/2430户"),
    ("东片区完成造林3260亩，西片区完成造林2870亩，东片区比西片区多390亩。", "3260亩 − 2870亩"),
    ("全年引进项目资金336万元，比上年增长1.4倍，上年为140万元。", "(336万元 − 140万元)/140万元"),
    ("上年全县快递业务量46.5万件。今年全县快递业务量58.1万件，是上年的1.25倍。", "(58.1万件 − 46.5万件)/46.5万件"),
    ("2021年全区专利授权量1380件，2022年专利授权量1562件，增长13.2%。", "(1562件/1380件) − 1"),
    ("全县粮食产量由2016年的21.35万吨增加到2021年的26.84万吨，年均增长4.7%。", "^(1/5)"),
    ("农村居民人均可支配收入由上年的16480元增加到17650元，增加1170元。", "17650元 − 16480元"),
    ("年初下达新增养老床位目标任务800张。全年新增养老床位872张，完成率109%。", "872张/800张"),
    ("今年下达造林任务6000亩，全年实际造林6540亩，超额完成9%。", "6540亩/6000亩 − 1"),
    ("全年新增养老床位872张，超目标任务72张，完成率109.0%。", "872张/(872张−72张)"),
    ("全县职工平均工资68420元，农民工平均工资45180元，两者差距为23240元。", "68420元 − 45180元"),
    ("全年出口额46.2亿元，是进口额15.4亿元的3倍。", "46.2亿元/15.4亿元"),
    ("森林覆盖率达到63.8%，比全省平均水平高3.6个百分点，全省为60.2%。", "|63.8% − 60.2%|"),
    ("全年共受理劳动仲裁案件86件，比上年减少12件，下降12.2%。", "12件/(86件+12件)"),
    ("工业增速6.7%，比基本任务7.4%低0.7个百分点。", "|6.7% − 7.4%|"),
    ("全年完成社会消费品零售总额93.6亿元，增长6.2%。上年全县社会消费品零售总额为88.1亿元。", "93.6亿元 − 88.1亿元"),
    ("全年办理出入境证件1640件，同比增长24.2%，去年同期为1320件。", "1640件 − 1320件"),
    ("蔬菜总产量达到18.2万吨，比上年增产1.1万吨，增长6.4%。", "1.1万吨/(18.2万吨−1.1万吨)"),
    ("全区规上工业增加值增长9.4%，增速比上年提高2.2个百分点，上年增长7.2%。", "|9.4% − 7.2%|"),
    ("第一、二、三产业增加值占全区生产总值的比重分别为9.6%、41.3%和49.1%。", "9.6% + 41.3% + 49.1% = 100.0%"),
    ("全部在职职工中，男职工占56.2%，女职工占43.8%。", "56.2% + 43.8% = 100.0%"),
    ("从投诉渠道看，电话占46.5%，网络占31.2%，其他渠道占22.3%。", "46.5% + 31.2% + 22.3% = 100.0%"),
    ("下发农机购置补贴1830万元，惠及农户2.4万户，户均762.5元。", "1830万元/2.4万户"),
    ("全县特困供养对象2600人，全年支出供养资金1560万元，月人均补助500元。", "1560万元/2600人/12个月"),
    ("特困供养对象2600人。全年特困供养支出1560万元，人均6000元。", "1560万元/2600人"),
    ("今年计划改造管网64公里，目前已完成56公里，完成率87.5%。", "56公里/64公里"),
    ("引进到位资金29.9亿元，为年度计划31亿元的96.5%。", "29.9亿元/31亿元"),
    # stop 29 (the sentences flagged above, as written correctly)
    ("项目平均审批时间为8.5天，比上年的12.4天缩短3.9天。", "8.5天 − 12.4天"),
    ("全县限上商贸企业实现销售额86.4亿元。上年同期为78.2亿元，同比增长10.5%。", "(86.4亿元 − 78.2亿元)/78.2亿元"),
    ("全年新增私家车比上年增长8.3%，达到2.6万辆，上年为2.4万辆。", "(2.6万辆 − 2.4万辆)/2.4万辆"),
    ("从来信渠道看，网上来信、来访、电话分别占41.6%、25.2%和18.3%，其他渠道占14.9%。", "= 100.0%"),
    ("年度目标为4.5万吨，全年实际产量4.86万吨，超额8%完成任务。", "4.86万吨/4.5万吨 − 1"),
    ("全年拨付学生营养餐补助2520万元，受益学生4.2万人，生均600元。", "2520万元/4.2万人"),
    ("城市生活垃圾无害化处理率98.2%，高于省定目标3.2个百分点，省定目标为95%。", "|98.2% − 95%|"),
    ("全县儿童健康管理率达到92.4%。上年为90.1%，今年提高2.3个百分点。", "|92.4% − 90.1%|"),
    ("截至9月底，已完成植树造林4.2万亩。按全年6万亩的任务计算，完成进度为70%。", "4.2万亩/6万亩"),
    ("调整后预算2500万元；全年实际支出2350万元，预算执行率94%。", "2350万元/2500万元"),
    ("全年计划培育家庭农场80家，目前已培育72家，完成率90%。", "72家/80家"),
    ("1-8月全县完成工业投资41亿元，完成全年目标的58.6%，落后序时进度8.1个百分点。", "8/12（66.67%） − 58.6%"),
    ("上半年完成招商引资到位资金32亿元，完成全年目标的58%，超序时进度8个百分点。", "58% − 6/12（50%）"),
    ("全年新建村级服务中心目标180个，已建成112个，年底前还需完成68个。", "180个 − 112个"),
    # a share of a whole written with its multiplier and a noun (46.5万户籍人口)
    ("在全县38.6万户籍人口中，65岁及以上老年人有7.72万人，占20%。", "7.72万人/38.6万"),
    # a rate in a later sentence, its part the nearest count named like it (not the 5个 between)
    ("全县应接种疫苗儿童18460人次，实际接种18276人次。今年新建预防接种门诊5个。疫苗接种率达到99.0%。",
     "18276人次/18460人次"),
    # the second nearest count named like the rate is its part (1.74 of 96.5, not 0.86)
    ("年末各项贷款余额96.5亿元，不良贷款余额1.74亿元。全年清收处置不良贷款0.86亿元。不良贷款率为1.80%。",
     "1.74亿元/96.5亿元"),
    # 亏损面: the share of firms that made a loss
    ("全县规上工业企业236家，其中亏损企业33家。利润总额增长7.4%。企业亏损面为14.0%。", "33家/236家"),
    # a difference from another place whose value and the level compared stand in
    # earlier sentences (我县 … 全市 … 我县比全市低)
    ("全县农村居民人均可支配收入达到21360元，增长6.1%。全市农村居民人均可支配收入为22980元。我县比全市平均水平低1620元。",
     "|21360元 − 22980元|"),
    # a list of share clauses whose first names the whole between 占 and 的
    ("从支出结构看，人员经费占部门支出的52.6%，公用经费占18.3%，项目支出占29.1%。", "52.6% + 18.3% + 29.1%"),
    # share clauses that go on in the next sentence, the rest last
    ("从来源看，本地游客占46.2%，省内游客占31.5%。省外游客占17.4%，其他游客占4.9%。", "46.2% + 31.5% + 17.4% + 4.9%"),
    # a figure per thousand heads whose amount and population stand in earlier sentences,
    # the amount named most like it (not 新增…3人), a bracket in the name
    ("全县常住人口36万人。全县共有注册（执业）护士1188人，今年新增3人。每千人口注册（执业）护士3.3人。",
     "1188人/36万人×1000"),
    # what is still short of a target (尚差, 还需), the target and the amount done in earlier sentences
    ("今年全县计划改造农村危房460户。截至9月底已完成改造372户。距年度目标尚差88户。", "460户 − 372户"),
    ("全年计划新建村级活动场所36个。目前已建成29个，还需建设7个。", "36个 − 29个"),
    # a gap written with the direction word before the name (高出全省平均水平), levels elsewhere
    ("今年全县高中毕业生一本上线率为31.6%。全省平均一本上线率为27.2%。我县高出全省平均水平4.4个百分点。",
     "|31.6% − 27.2%|"),
    # two firms' values in two sentences, the later one compared with the earlier
    ("县水务集团年末资产负债率为55.1%。县文旅集团资产负债率为61.4%。文旅集团比水务集团高6.3个百分点。",
     "|61.4% − 55.1%|"),
    # a gap word after two values of one indicator stated in two earlier sentences
    ("东坝乡今年玉米平均单产612公斤。西岭乡地处山区，玉米平均单产为538公斤。两乡单产相差74公斤。",
     "612公斤 − 538公斤"),
    # a current level that names nothing, right after a sentence giving last year's
    ("去年全县城镇居民人均消费支出为26400元。今年达到27800元，增长5.3%。", "(27800元 − 26400元)/26400元"),
    # a completion in a later sentence whose target names the indicator's words in another order
    ("县里下达全年农村转移就业目标任务3200人。全年实际转移农村就业3456人。完成目标任务的108%。", "3456人/3200人"),
    # a change of zero written to one decimal covers -0.05%..0.05%
    ("新登记市场主体34725户，较上年的34726户下降0.0%。", "(34725户 − 34726户)/34726户"),
    # the two flagged above as written
    ("全年全县共立盗窃案件1320起，侦破846起。今年新建智慧安防小区14个。盗窃案件破案率为64.1%。",
     "846起/1320起"),
    ("今年县里下达我镇造林任务5000亩。目前已完成人工造林3650亩，同期完成森林抚育4200亩。造林任务尚差1350亩。",
     "5000亩 − 3650亩"),
    ("上年末全县城镇调查失业率为5.4%。今年新增城镇就业4820人。年末城镇调查失业率降至5.1%，比上年末下降0.3个百分点。",
     "5.4% − 5.1%"),
    ("市里下达我县今年农村公路提升改造任务260公里。截至年底，全县已完成农村公路提升改造238公里，公里均投入42万元。"
     "任务完成率为91.5%。", "238公里/260公里"),
    ("2023年全县接待游客826万人次。今年全县接待游客达到905万人次，增长9.6%。", "(905万人次 − 826万人次)/826万人次"),
    ("今年全县农村自来水普及率为88.6%，比全市的92.1%低3.5个百分点。", "|88.6% − 92.1%|"),
    ("年初下达新增养老床位目标任务800张。全年新增养老床位872张，完成率109.0%。", "872张/800张"),
    ("年末全县农商银行不良贷款余额2.18亿元，比年初减少0.36亿元。各项贷款余额为146.2亿元，不良贷款率为1.49%。",
     "2.18亿元/146.2亿元"),
    ("全县九年义务教育巩固率达到97.2%，比全省平均水平（95.8%）高1.4个百分点。", "|97.2% − 95.8%|"),
    ("全年完成二氧化硫减排862吨、氮氧化物减排1315吨，年度减排任务分别为820吨和1290吨，分别完成任务的105.1%和101.9%。",
     "1315吨/1290吨"),
    ("全年发放农村特困人员供养金864万元。供养金惠及特困人员0.72万人，人均发放供养金1200元。", "864万元/0.72万人"),
    ("全年整合涉农资金3.56亿元，分别用于产业发展1.82亿元、基础设施1.21亿元和能力建设0.53亿元。", "= 3.56亿元"),
    ("全县农村集中供水率达到91.4%，较上年提高1.6个百分点。全市平均水平为88.2%，我县高出全市3.2个百分点。",
     "|91.4% − 88.2%|"),
    ("年末全县城乡居民养老保险参保人数为36.42万人。按应参保人口38.05万人计算，参保率为95.7%。", "36.42万人/38.05万人"),
    # a figure per head is a rounded quotient, even written as a whole number of 元
    ("全年发放临时救助金2368000元，救助1374人，人均1723元。", "2368000元/1374人"),
    ("全年一般公共预算收入完成9.84亿元。其中税收收入6.52亿元，非税收入3.32亿元，税收占比为66.3%。", "6.52亿元/9.84亿元"),
    ("全年共受理各类信访事项3265件，办结3108件。其中受理来信1204件，受理来访2061件。", "1204件 + 2061件"),
    # the second comparison of the sentence is with another value (城关镇's), not the first's
    ("城关镇完成全年任务的62.5%；石桥乡完成了38.4%，比全县平均的51.6%低13.2个百分点，比城关镇低24.1个百分点。",
     "|38.4% − 51.6%|"),
    ("年初市交通局下达我县农村公路新改建任务320公里。全年实际完成农村公路新改建338公里，另完成危桥改造12座。"
     "农村公路新改建任务完成率为105.6%。", "338公里/320公里"),
    ("全镇完成植树造林2.4万亩，其中生态林1.5万亩、经济林0.5万亩、防护林0.4万亩。", "1.5万亩 + 0.5万亩 + 0.4万亩"),
    ("全村流转土地1200亩发展大棚蔬菜，实现产值3840万元，亩均产值3.2万元。", "3840万元/1200亩"),
    ("全县聘用护林员640名，管护林地51.2万亩，平均每名护林员管护800亩。", "51.2万亩/640名"),
    ("全镇户籍人口4.25万人，全年死亡人口289人，死亡率6.80‰。", "289人/4.25万人"),
    ("全年全县接待游客334.1万人次。其中青龙山景区接待游客128.4万人次，白云湖景区接待游客96.3万人次，"
     "古镇景区接待游客87.9万人次，湿地公园接待游客21.5万人次。", "= 334.1万人次"),
    ("全年共受理行政复议申请428件。全年办结396件，办结率为92.5%。", "396件/428件"),
]


@pytest.mark.parametrize("text,arith", VERIFIED)
def test_verified(pipeline, text, arith):
    flags, verified = incs(pipeline, text)
    assert not flags, [f.message for f in flags]
    assert any(arith in v["arithmetic"] for v in verified), [v["arithmetic"] for v in verified]


# silence: the rate is not over the smaller count of another sentence
SILENT = [
    "全县城镇职工养老保险参保4.31万人，完成目标任务的101.5%。全县养老保险待遇领取人员5.2万人，待遇按时发放率100%。",
    # per head of another paragraph's count, not named like the amount: not judged
    "全县共有村医2600人。\n全年发放困难群众救助金1560万元，人均6300元。",
    # shares of one membership by two measures (they overlap): never added up
    "全体党员中，大专以上学历占61.5%，35岁以下占44.2%。",
    # shares that may not be the whole (no sign that they are): not flagged
    "从投诉渠道看，电话占46.5%，网络占31.2%，信件占17.1%。",
    # another area's rate after the difference is not last year's
    "全区规上工业增加值增长9.4%，增速比上年提高2.6个百分点，全市增长7.2%。",
    # a value restated after the difference, but of another area: not the compared one
    "森林覆盖率达到63.8%，比全省平均水平高4.1个百分点，全市为60.2%。",
    # a gap word with three amounts before it: which two is not clear
    "职工平均工资68420元，农民工45180元，灵活就业人员38650元，差距为20230元。",
    # two counts side by side that the rate does not name are siblings, not a part above its whole
    "全年办理人大代表建议16件、政协委员提案17件，办复率100%，满意率97.5%。",
    # a completion rate whose earlier target is of another thing: not judged
    "年初下达农村公路建设目标任务800公里。全年新增养老床位872张，完成率106.9%。",
    # a change against last year after a 其中 part: not a difference of the two values
    "全县完成投资5.2亿元，其中政府投资1.2亿元，比去年同期多4.0亿元。",
    # a standard per head with two head counts in the sentence: which is meant is not clear
    "按照每户800元的标准，为2430户困难家庭、126名孤儿发放补贴249.6万元。",
    # a completion rate with no target in its sentence: nothing to judge it by
    "全年新办营业执照5130户，完成率为108.7%，其中个体工商户4100户。",
    # a remainder far from budget less spending, no digit explains it: another amount
    "年初下达预算3260万元，实际支出1254.3万元。剩余资金620万元用于明年续建项目。",
    # a plan set at the start of the year (年初…下达…计划) is no level of last year's
    "年初市局下达我县全年新增城镇就业计划5200人。全年实际新增城镇就业5480人，比上年增长3.6%。",
    # a gap word after two values of different indicators in earlier sentences
    "全县今年小麦平均单产412公斤。全县生猪出栏38.6万头，出栏均重118公斤。两者相差294公斤。",
    # a difference from another place whose sentence gives another indicator than the level's
    "全县城镇居民人均可支配收入42860元。全市农村居民人均可支配收入为22980元。我县比全市平均水平高1200元。",
    # a breakdown short of its total with only one other in its paragraph adding up: not flagged
    "全镇现有特困供养对象96人。集中供养对象38人，其中男性21人、女性17人。分散供养对象58人，其中失能人员20人、半失能人员25人。",
    # parts named after 城镇 and 农村 that need not be all of the total (another measure each)
    "全县新增就业8000人，其中城镇新增就业3200人，农村劳动力转移就业3000人。",
    # one indicator stated twice (two levels of it, not a part and its whole), then a
    # rate of something else: no ratio of the two counts
    "全年完成8个村卫生室标准化改造，门诊量增长5.2%。\n二、重点工作\n完成7个村卫生室标准化改造，县域内就诊率达到86.4%。",
    "全年完成8个村卫生室标准化改造。完成7个村卫生室标准化改造，县域内就诊率达到86.4%。",
    # two parts side by side (named alike but for their heads, after their whole) are no
    # part and whole of a rate in a later sentence (a guard of the pair above: silent before it)
    "全县工业营业收入540亿元，其中电子信息产业实现营业收入132亿元，生物医药产业实现营业收入88亿元。两大产业对工业增长的贡献率达到61.2%。",
    # a year's target is no earlier level (2026年…目标), nor is the level of a year after the
    # current one (guards of the rule above: silent before it too)
    "2026年全县接待游客目标为1000万人次。今年全县接待游客达到905万人次，增长9.6%。",
    "2025年全县接待游客826万人次。2024年全县接待游客达到905万人次，增长11.6%。",
    # (guards of the rule above, silent before it too) one measure of two places, of two
    # subjects in parallel clauses, and a name carried into the next clause (实有) are no
    # indicator written twice
    "全县农村居民人均可支配收入19860元，增长7.2%；全市农村居民人均可支配收入21430元，增长6.8%。",
    "城市医疗救助累计救助5820人次，人均医疗救助62.4元；农村医疗救助累计救助12406人次，人均医疗救助65.1元。",
    "全县行政编制核定1260名，实有1188名，空编72名。",
    # a share of an amount that may hold losses may exceed 100% (a guard: silent before too)
    "7户重点企业实现利润总额14亿元，占全县规上企业利润总额的112.5%。",
    # last year's counts, this year's rate
    "上年全县受理信访事项860件，办结812件。今年全县信访事项办结率为96.1%。",
    # (guards of this stop's rules) a 分别 list of last year's levels is no 其中 part; averages
    # per head under 其中 are no parts of the whole's average; 亩均 of another amount far off;
    # a 其中 part of the schools, not the pupils; a rate not written per mille by convention
    "全年共调处矛盾纠纷412起，涉及群众1860人，同比分别下降8.4%和6.1%，上年分别为450起1981人。",
    "上半年全镇居民人均可支配收入16420元，同比增长6.2%。其中城镇居民人均可支配收入21380元。",
    "全县流转土地1.6万亩，带动农户增收2400万元，亩均流转费用800元。",
    "全县有幼儿园46所，在园幼儿1.2万人。其中民办幼儿园21所。",
    "全县农林牧渔业总产值实现286430万元。农林牧渔业增加值实现14260万元，农林牧渔业增加值率为49.8%。",
    "全县共有监测户1284户，分布在9个乡镇。监测人口3176人，其中有劳动能力的1802人。",
    # stages of one course overlap: what was put into production had been started
    "今年全县共签约招商引资项目26个，已开工建设项目18个，9个项目建成投产。",
    # a 其中 in brackets after its total ends with the bracket; a change against last year
    # in points is not a gap to the limit beside it; the bodies counted are no level
    "全乡青壮年总数为8620人（其中城镇360人），青壮年人口中非文盲人数8604人（其中城镇360人），非文盲率达99.8%。",
    "城镇登记失业率3.86%，控制在4.5%以内，同比下降0.08个百分点。",
    # rows of zeros fit any difference: they establish no relation of a table's columns
    "项目 | 年初预算 | 调整后预算 | 执行数 | 执行率\n总额 | 0.00 | 5.20 | 5.20 | 100.00%\n"
    "其中：财政资金 | 0.00 | 5.20 | 5.20 | 100.00%\n专户资金 | 0.00 | 0.00 | 0.00 | 0.00%\n单位资金 | 0.00 | 0.00 | 0.00 | 0.00%\n",
    "全年城镇失业人员再就业86万人，完成全年120万人目标的72%。年末城镇登记失业人数132万人，比上季度末减少2万人；城镇登记失业率为3.8%。",
    "全市纳入统计的12个主要景区接待游客186.4万人次，实现营业收入3260万元，分别同比增长18.2%和11.6%。",
    # (false alarms seen on real report pages, written again here with other words and
    # numbers) two measures of one subject, each with its level; a block of measures
    # repeated for another place; goals 左右; 两年平均; an integer total over parts in
    # hundredths; parts of a part after 包括 or a nested 其中;
    # two parts of one 其中 list as part and whole; a list run cut by a stop word; a
    # count that is the next rate's; the level compared with (…7.5%平均水平); a change
    # as a rate's count; bounds (以上); one 分别 list of gaps; points deducted; figures
    # per head beside parts; an earlier figure per head; a rank
    "（一）营业收入。1-9月，全省国有企业营业收入8420亿元，同比增长9.6%。其中省属企业5210亿元，同比增长8.2%。（二）利润总额。1-9月，全省国有企业利润总额612亿元，同比增长12.4%。其中省属企业418亿元，同比增长10.9%。",
    "甲市优良天数比例为86.2%，PM2.5浓度为31微克/立方米，臭氧浓度为148微克/立方米，同比上升8.2%乙市优良天数比例为84.9%，PM2.5浓度为33微克/立方米，臭氧浓度为151微克/立方米。",
    "2025年全县农民人均纯收入增长8.6%。2026年主要预期目标：地区生产总值增长7%左右，农民人均纯收入增长8%左右。",
    "1-9月，全县固定资产投资同比增长12.4%，两年平均增长6.8%。社会消费品零售总额同比增长9.2%，两年平均增长4.1%。",
    "年末全县公路总里程2386公里，其中：国道112.46公里、省道205.38公里、县道418.72公里、乡村道1649.31公里。",
    "今年全县教育投入累计9420万元，其中上级拨付教育资金6210万元，包括义务教育经费保障资金5480万元、校舍维修资金730万元；县本级投入3210万元。",
    "全县固定电话用户38620户，其中：城市17410户，农村21210户。全县有移动电话用户86240户。乡镇通程控电话率达到100%。",
    "全年社会消费品零售总额86420万元，增长9.1%。从行业看：①批发零售业零售额74310万元，增长9.4%，其中：限额以上12860万元，增长15.2%。②餐饮业零售额9830万元，增长7.6%。③其他行业零售额2280万元。",
    "对40项考核指标进行了梳理，其中，12项指标由省统一下达，18项指标由市下达，5项指标可达到满分，3项指标无法核算，2项指标为综合评估指标。",
    "全县28个项目全部开工，开工率为100%，竣工25个，竣工率89.3%。",
    "地区生产总值：增长7%左右（依据县人代会GDP目标9%增速设置，GDP目标增速高于省、市7.5%平均水平，居全市第一）。",
    "年末全县城镇登记失业人数1.86万人，比上年末减少0.1万人；城镇登记失业率为3.6%。",
    "全县脱贫人口人均纯收入预计超过1.32万元，比上年增加1850元以上，增长16.3%以上。",
    "1-6月，全市规模以上工业增加值增长9.8%，居全省第4位，分别较去年同期和全年分别回落3.2、2.6个百分点。",
    "完成农村道路硬化任务计12分，不完成任务扣3分，没有建设任务的乡镇计8分。",
    "全县高考本科上线4218人，比上年净增加1326人，增长45.9%，上线率为86%。",
    "全市农商银行不良贷款余额38.62亿元，比年初减少4.15亿元，不良贷款率2.84%，比年初下降0.37个百分点。",
    "全县城乡居民医保共筹集基金8640万元，其中县级财政补助2915万元（人均补助124元），乡镇财政补助2108万元（人均补助90元），个人缴纳3617万元（人均154元）。",
    "全县城乡居民医保参保23.46万人，人均筹资标准由320元提高至380元。",
    "全市保费收入为186亿元，全省排名3位，同比增长12.7%。",
]


@pytest.mark.parametrize("text", SILENT)
def test_silent(pipeline, text):
    flags, _ = incs(pipeline, text)
    assert not flags, [f.message for f in flags]


def test_a_run_of_shares_that_adds_up_ends_at_its_sentence(pipeline):
    """Share clauses go on into the next sentence only while the run is short of
    100%: two wholes' shares in two sentences are two runs, each verified."""
    _, verified = incs(pipeline, "从性别看，男性占52.4%，女性占47.6%。城镇户籍占61.2%，农村户籍占38.8%。")
    sums = [v["arithmetic"] for v in verified if v["kind"] == "share"]
    assert len(sums) == 2 and sums[0].startswith("52.4% + 47.6%") and sums[1].startswith("61.2% + 38.8%"), sums
