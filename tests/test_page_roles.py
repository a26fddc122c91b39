"""Roles of layouts that real pages annotated at stops 37 and 38 (not realdev;
models/ROLES.md, "Real pages annotated role by role") showed the rules
misread, each section a rule and its guards: a change verb right after a
body's name (集体企业增长2.3%), scores of a results list, the bodies an
average is over, a rule's requirements, weights, caps, shortfalls and money,
plans, a flattened form, changes against an earlier stretch of the year.
Texts written here."""

import pytest


def roles(pipeline, text):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    return [q.role for q in doc.quantities]


@pytest.mark.parametrize("text, expected", [
    # -- a change verb after a sector
    # a change verb right after a sector or a kind of firm ending in 业 (企业, 制造业)
    ("分登记类型看，国有企业增加值增长3.1%，私营企业增长8.2%，外资企业增长2.4%。", ["growth", "growth", "growth"]),
    ("分门类看，制造业增长7.5%，建筑业下降1.2%，批发业增长4.8%。", ["growth", "growth", "growth"]),
    # 增加值 stays a noun: its amount is a level
    ("全年规模以上工业增加值1250亿元，农业增加值320亿元。", ["actual", "actual"]),
    # -- scores of a results list are achieved
    # a results list, one place a line, each score in brackets: scores achieved
    ("一、考评结果\n（一）乡镇组\n东岭镇（97.35分）\n南湾乡（96.8分）\n北坡镇（95分）\n", ["actual"] * 3),
    # a grade after the score, then the next name
    ("西园街道（91.62分）（优秀）\n河口街道（86分）（良好）\n", ["actual", "actual"]),
    # the group's maximum, then its members' scores
    ("二、部门组（满分为100分）：甲局考评得分为100分，乙中心98.25分，丙站92.5分。",
     ["full_target", "actual", "actual", "actual"]),
    # read backwards from a score off the points grid
    ("本季度排名靠后的是：市农机站62.5分，市档案馆70分，县供水公司71.3分。", ["actual"] * 3),
    # -- items points stay maximum points
    # items' maximum points on their grid stay maximum points
    ("一、组织领导（20分）\n二、队伍建设（15分）\n三、信息报送（2.5分）\n四、宣传引导（0.5分）\n", ["full_target"] * 4),
    # an item's points before a self-assessed score, only 自评 between
    ("其中履职效能40分，自评37.6分。", ["full_target", "actual"]),
    # -- the bodies an average is over
    # the bodies an average is taken over (GUIDE.md: other), whatever names them before
    ("一季度，全省86个县级城市平均优良天数比例为91.2%。", ["other", "actual"]),
    ("沿江地区23个城市平均细颗粒物浓度为31微克/立方米。", ["other", "actual"]),
    # a count of what was built, then an average of it: no average over the count
    ("新建4个村级服务站，平均每站投入6万元。", ["actual", "actual"]),
    # -- the least a rule requires
    # the least a rule requires is a target
    ("领导班子每年至少召开3次专题会议研究安全生产工作。", ["target"]),
    ("分管领导每半年至少听取1次工作汇报（1分）。", ["target", "full_target"]),
    # what there was, or what was done, at least
    ("开放日当天至少有500名群众参观。", ["actual"]),
    ("全年至少组织了15次技能培训。", ["actual"]),
    # -- approved and needed funds are planned
    # what was approved or is needed is planned (GUIDE.md: target)
    ("该工程经市发改委批准建设，批复总投资426.3万元。", ["target"]),
    ("按照建设方案，项目共需资金1650万元，其中规划设计需资金85万元。", ["target", "target"]),
    ("表彰奖励资金预算共30万元。", ["target"]),
    # what was put in is achieved
    ("全年实际投入资金380万元。", ["actual"]),
    # -- weights of a rule
    # shares a rule weighs results by are weights (other)
    ("考评结果按社区和机关分别以60%、40%比例计分。", ["other", "other"]),
    ("群众满意度测评按30%的权重计入总分。", ["other"]),
    # a share that is reported stays a value
    ("第三产业占比提高到48%，比重逐年上升。", ["actual"]),
    # -- a flattened form
    # a self-assessment form flattened by PDF conversion: target, then the value achieved
    ("一级指标二级指标三级指标年度指标值全年完成值偏差原因产出指标数量指标设备配备率100%96%维修及时率95%97%",
     ["target", "actual", "target", "actual"]),
    # two values together without those headers stay as they were read
    ("设备配备率100%96%维修及时率95%97%", ["actual"] * 4),
    # -- a gap to a benchmark growth rate
    # a gap to a benchmark's growth rate is a difference (GUIDE.md: 高于全省1.3个百分点)
    ("全县社会消费品零售总额增长9.6%，高于全市平均增速2.3个百分点。", ["growth", "difference"]),
    ("外贸出口下降4.2%，低于全省平均增幅6.1个百分点。", ["growth", "difference"]),
    # a change of the growth rate against an earlier period stays growth
    ("农民人均可支配收入增长7.9%，增速比上年提高0.4个百分点。", ["growth", "growth"]),
    # -- caps and shortfalls of a rule
    # the most an item gives is its maximum (full_target); the most a rule takes off is other
    ("资金到位分值=实际到位资金/目标任务×40，最高得40分。", ["full_target"]),
    ("工作创新有特色的，最多可得5分。", ["full_target"]),
    ("未建立台账的，少1本扣0.5分，最高扣3分。", ["other", "other", "other"]),
    # 总分值 is the scheme's maximum; a place's 总分 is its score
    ("本细则总分值：100分。", ["full_target"]),
    ("东岭镇总分93.5分。", ["actual"]),
    # a comparison with an earlier period is no shortfall of a rule
    ("全年受伤人数比上年少5人，扣1分。", ["growth", "other"]),
    # -- money a rule gives
    # money a rule gives or takes per unit or to each is like its points (other)
    ("验收合格的村各奖2000元，不合格的村各罚500元。", ["other", "other"]),
    ("季度到位率在80%以下的，每季度罚款800元。", ["actual", "other"]),
    # money received is a value
    ("全年共获得上级奖励资金60万元。", ["actual"]),
    # -- the unit a rule counts
    # one of a thing with its points right against it is the rule's unit (other)
    ("群众满意率下降1个百分点减0.3分。", ["other", "other"]),
    # a report's own record, then its deduction
    ("全年发生一般事故1起，扣2分。", ["actual", "other"]),
    # -- the places a check goes over
    # the places a check or an assessment goes over are its scope (GUIDE.md: other)
    ("通过考核评估，检查12个村9个社区的计生工作台账。", ["other", "other"]),
    ("镇考评组对我镇16个村（居）的人居环境开展检查评比。", ["other"]),
    # places that did something are counted as done
    ("今年新建12个村级文化活动室。", ["actual"]),
    # -- a plans modal covers its sentence
    # a plan's modal 拟 covers the clauses after it in its sentence (targets)
    ("开展污水管网建设，拟新建泵站3座，改造管网12公里，采购检测车各2台。", ["target", "target", "target"]),
    # not 模拟 or 虚拟; what was done stays done
    ("开展应急模拟演练5次，参加人员300人。", ["actual", "actual"]),
    # -- a years plan covers its sentence
    # this year's or next year's 将 states a plan for its sentence (targets)
    ("明年全县将实施危房改造工程，投入资金450万元，改造农户300户。", ["target", "target"]),
    # what this year did is done
    ("今年全县实施危房改造，投入资金450万元，改造农户300户。", ["actual", "actual"]),
    # -- changes plans and scores of the fourth round
    # a change against an earlier stretch of the same year (GUIDE.md: growth)
    ("一至九月工业增加值增长5.6%，增速比1月至8月加快0.3个百分点。", ["growth", "growth"]),
    ("固定资产投资增长8.1%，增速比一季度提高1.2个百分点。", ["growth", "growth"]),
    # a rise written as its size; last year's final accounts are an earlier period
    ("上半年零售业销售额的升幅为4.6%。", ["growth"]),
    ("本年支出420.3万元，较2022年度决算数减少36.8万元。", ["actual", "growth"]),
    # a signed rate in brackets after an amount is its change
    ("全年实现营业收入612亿元（+8.3%），净利润48亿元（-3.5%）。", ["actual", "growth", "actual", "growth"]),
    # the year's planned investment is a target; what was done is done
    ("市级重点项目年度计划投资36.5亿元，截至6月底已完成投资18.2亿元。", ["target", "actual"]),
    # a plan of this year's body (今年该局将…) covers its clauses, not 今年以来
    ("今年该局将力争使辖区出生率控制在11‰以内；政策符合率达到95%以上。", ["target", "target"]),
    ("今年以来，全区将重点项目作为抓手，完成投资12亿元。", ["actual"]),
    # an exam's scores are achieved
    ("毕业班平均成绩86分，数学单科平均分92分。", ["actual", "actual"]),
    # -- stop 38: completions of a pace or a budget
    # what was done of the year's pace, of a budget with its own number between
    ("全区引进外资2150万美元，完成全年进度的96.4%；一期路面完成总体进度的65%。",
     ["actual", "completion_rate", "completion_rate"]),
    ("税收收入完成52130万元，占年初预算数88460万元的58.9%。", ["actual", "target", "completion_rate"]),
    # -- stop 38: changes written otherwise
    # a slowing of a growth rate; a net change against an earlier year's end; 年增
    ("外贸进出口增长12.2%，比上年同期减慢4.6个百分点；出口增长9.1%，减慢2个百分点。",
     ["growth", "growth", "growth", "growth"]),
    ("园区企业总数达到2418户，较2022年末净增365户。", ["actual", "growth"]),
    ("第一季出口年增3.7%，第二季成长2.9%。", ["growth", "growth"]),
    # a rise to a level is the level; a change heading a list with a colon is no cue for the list
    ("市场占有率持续提升达到27.5%。", ["actual"]),
    ("主要指标稳步增长：新签合同额达860亿元、营业收入415亿元。", ["actual", "actual"]),
    # 成长 inside a word is no change (高成长性企业)
    ("培育高成长性企业12家，实施总投资46.8亿元的项目20个。", ["actual", "actual", "actual"]),
    # a change verb inside a list of names is part of a name (丙路改造提升、…等6个项目)
    ("甲路桥、乙路北延、丙路改造提升、丁区污水处理厂等6个项目正在施工。", ["actual"]),
    # beyond the task first set is a gap to it
    ("全年改造农户236户，超过原定任务数16户。", ["actual", "difference"]),
    # -- stop 38: the bodies a share or a rank is taken among
    ("全省1280个地表水监测断面中，优良断面比例为86.5%。", ["other", "actual"]),
    ("在监测的105个重点湖泊中，富营养化湖泊比例为12.4%。", ["other", "actual"]),
    ("固定资产投资完成年度目标的比例位居9县（区）第二。", ["other"]),
    # a part counted among the whole: the whole is a count of what was found or planned
    ("排查发现的46个隐患中，已整改41个，整改率89.1%。", ["actual", "actual", "actual"]),
    # in one's home is no body counted among (到12户困难家庭家中，…)
    ("干部深入12户困难群众家中，了解实际困难。", ["actual"]),
    # -- stop 38: a plan word opens its sentence's plan
    ("力争全院医疗服务水平进入全市前列，完成门诊诊疗36万人次，收治住院病人1.8万例。", ["target", "target"]),
    ("确保工程一次验收合格率100%，创省级优质工程2项、市级优质工程6项。", ["target", "target", "target"]),
    ("全县今冬水利建设计划完成土方860万方，投资2.3亿元，投劳540万工日。", ["target", "target", "target"]),
    # a purpose, what was secured, what was obtained, and after ；: done
    ("为确保工程进度，投入资金320万元，增加施工人员60人。", ["actual", "actual"]),
    ("积极争取上级资金支持，落实贴息贷款1680万元，扶持创业380人。", ["actual", "actual"]),
    ("确保了春耕生产顺利进行，全年粮食产量达到21.6万吨。", ["actual"]),
    # how far it got ends a plan's scope: up to now, the months gone by (not a quarter ahead)
    ("确保违建早发现早处置，截至目前，共拆除违章建筑96处。", ["actual"]),
    ("全年计划改造棚户区1800套，前5个月完成430套。", ["target", "actual"]),
    ("力争四季度新开工亿元以上项目4个，全年新增规上企业12家以上。", ["target", "target"]),
    # -- stop 38: the bodies ranked, the places an assessment covers, a bound naming a kind of body
    ("（一）6个评价片区排名及得分：东片区93.5分，西片区91分。", ["other", "actual", "actual"]),
    ("考核对象为全县范围内的11个乡镇。", ["other"]),
    ("新增产值超5亿元企业有4家，新增产值超20亿元企业有1家。", ["other", "actual", "other", "actual"]),
    # an amount past a bound with no body after it is a value
    ("全年营业收入超12亿元，利润超1亿元。", ["actual", "actual"]),
    # -- stop 38: a sentence saying where its subject lies describes it (lengths, areas)
    # (its site, 占地面积30亩, is background by stop 42's site_area as well)
    ("县人民医院位于城关镇东街，占地面积30亩，建筑面积9800平方米，距高速出口3公里。",
     ["other", "other", "other"]),
    # its people and farmland are values of indicators; a sentence after it reports
    ("某村位于乡政府以北，共有农户436户，耕地5200亩。全年新建村道3公里。", ["actual", "actual", "actual"]),
    # -- stop 39 (a sixth sample of annotated pages, its development half)
    # the parts a plan lists after 其中 are planned too (not the parts of a value)
    ("明年计划新建公园12个，其中口袋公园8个，郊野公园4个。", ["target", "target", "target"]),
    ("全年共建成公园12个，其中口袋公园8个，郊野公园4个。", ["actual", "actual", "actual"]),
    ("计划新建公园12个；其中口袋公园8个已完工。", ["target", "actual"]),
    # a rate before a colon that opens a month is no part of a ratio
    ("1—7月同比增长5.2%：7月当月同比增长6.9%。", ["growth", "growth"]),
    ("三次产业结构调整为12.1:40.3:47.6。", ["actual", "actual", "actual"]),
    # a change verb inside the name of listed items counted after 等
    ("背街小巷环境提升等4项民生工程进度偏慢。", ["actual"]),
    # what was added beyond last year; a bare 增 right before a rate
    ("全县设施蔬菜面积2.6万亩，比上年新增0.4万亩。", ["actual", "growth"]),
    ("工业企业利润增长9.1%，其中国有企业增6.2%。", ["growth", "growth"]),
    # 据预测 leads the sentence's figures, 将 on each
    ("据预测，今年全县粮食总产量将达到42万吨，农民人均收入将达到2.1万元。", ["forecast", "forecast"]),
    # a rate written before what it completes; a plan called 方案
    ("拆除违法建筑86处，100%完成县级任务数。", ["actual", "completion_rate"]),
    ("年度目标为3亿元，全年实际完成3.3亿元，超额10%完成任务。", ["target", "actual", "difference"]),
    ("机插秧面积35.2万亩，是年方案的103.4%。", ["actual", "completion_rate"]),
    # the second of two targets' completions, without 完成 of its own
    ("完成省定目标任务的108.2%，市定目标任务的104.5%。", ["completion_rate", "completion_rate"]),
    # the target in brackets after the value
    ("全年完成造林2.3万亩（任务2万亩）。", ["actual", "target"]),
    # the bodies a rank is taken among, the place named before them
    ("综合考评位列全省106个县（市）中第十二位。", ["other"]),
    # 相比 is no 比 of a gap: a change against last year stays a change
    ("调查失业率为5.1%，和去年相比降低0.2个百分点。", ["actual", "growth"]),
    # a number before the kind of target it is
    ("实现森林覆盖率年均提高0.5个百分点的增长目标。", ["target"]),
    # what was already issued, and its rate, are values; an issued task is a target
    ("省级已提前下达转移支付项目52个，下达率100%。", ["actual", "actual"]),
    ("市下达我县就业任务1500人，完成1620人。", ["target", "actual"]),
    # the bodies a clause reports on, named with who oversees them and a period first
    ("今年一季度省国资委监管的96家企业累计实现营业收入2.1万亿元。", ["other", "actual"]),
    ("全年完成的36个项目实现产值12亿元。", ["actual", "actual"]),
    # -- stop 39, the second half (K) as development, after its figure was taken
    # a colon list of a plan's parts runs across ；
    ("今年的任务是：计划完成小型水利工程860件，其中：渠道维修40件，塘坝整治120件；河道清淤3件。",
     ["target", "target", "target", "target"]),
    ("全年共建成公园12个，其中：口袋公园8个；郊野公园4个。", ["actual", "actual", "actual"]),
    ("计划新建公园12个。其中口袋公园8个。", ["target", "actual"]),
    # -- stop 39, the seventh sample (L) as development, after its figure was taken
    # a share of a task done, in brackets after the count done; the rate keeps the count's indicator
    ("12个养老驿站建设已完成7个（58%），90处积水点改造已完成81处（90%）。",
     ["actual", "actual", "completion_rate", "actual", "actual", "completion_rate"]),
    ("全年共接待游客12万人次（增长8%）。", ["actual", "growth"]),
    ("收到建议120件（占45%）。", ["actual", "actual"]),
    # a target, the value reached and their rate, told apart by the arithmetic
    ("甲类业务目标：1500万元，达成1920万元，达成率128%", ["target", "actual", "completion_rate"]),
    ("月均增长率5%，达成7.6%，达成率152%", ["target", "actual", "completion_rate"]),
    ("月均新增客户650人，达成836人，达成率119%", ["actual", "actual", "completion_rate"]),
    ("月均新增客户700人，达成836人，达成率119%", ["target", "actual", "completion_rate"]),
    # a rate cut, not rounded (838/700 is 119.7): no pair, as the completion checks read it
    ("月均新增客户700人，达成838人，达成率119%", ["actual", "actual", "completion_rate"]),
    ("反馈问题31个，已完成整改26个，整改完成率83.9%。", ["actual", "actual", "completion_rate"]),
    # a header whose first column is merged over its two rows, its second row copied without that cell
    ("单 位 | 办结率 | ||\n本月 | 上年同月 | 增减 | |\n甲所 | 91.5% | 88.0% | 3.5 |\n乙所 | 86.4% | 90.1% | -3.7 |\n",
     ["actual", "actual", "growth"] * 2),
    ("项目 | 年初 | 调整后 |\n | 预算数 | 预算数 |\n甲 | 100 | 120 |\n", ["target", "target"]),
    # the list of parts ends where a clause is more than a part's name (round 7's pages)
    ("区里下达我街道的招商任务9000万元，其中市外到位资金5200万元，今年以来，我街道对接客商9次，接待考察团31批次。",
     ["target", "target", "actual", "actual"]),
    # a number before the kind of target it is, the last of a list
    ("超额完成二氧化氮浓度同比下降3%、轻度污染天数同比减少5%的改善目标。", ["growth", "target"]),
    # the extent of the place (background)
    ("全镇辖11个村。东西长12公里，南北宽7公里。", ["other", "other", "other"]),
    # a target named before a bracket: its rate in the bracket
    ("限上零售额增长7.2%，高于年度预期目标增速（6%）1.2个百分点。", ["growth", "target", "difference"]),
    # a bound before the noun it qualifies, 过 for 超过; a share of the workload is no completion
    ("续建项目14个，其中过800万元的三个。", ["actual", "other", "actual"]),
    ("其中，应急值守占任务总量的35%。", ["actual"]),
    # a completion whose % was lost
    ("实现税收收入2.71亿元，同比增长4.85%，完成年度计划87.46。", ["actual", "growth", "completion_rate"]),
    ("完成年度计划5000。", ["actual"]),
    # a requirement given a body is a target; done as required is done
    ("要求在明年6月前各村卫生室标准化率达到100%。", ["target"]),
    ("全区调解组织调处纠纷需达到900件以上。", ["target"]),
    ("按要求完成培训1200人。", ["actual"]),
    ("各项工作与满分标准要求分别达到92%、80%仍有差距。", ["full_target", "full_target"]),
    # a change verb whose object runs to 至 before the number: the level reached
    ("扩大特色果园种植面积至6500亩，新建冷库3座。", ["actual", "actual"]),
    # the bodies a rank is among, after 在
    ("空气质量综合指数在全市12个区县排名第9位。", ["other"]),
    ("一般公共预算收入增长11.8%，在全省18个设区市中居第5位。", ["growth", "other"]),
    ("我县有3个项目排名全省第一。", ["actual"]),
])
def test_roles_of_the_annotated_pages_layouts(pipeline, text, expected):
    assert roles(pipeline, text) == expected


def test_points_after_one_of_a_thing_are_awarded_not_achieved(pipeline):
    """市级采用1条，计8分: the clause before states a rule's unit, so 计8分 is
    what the rule awards (other), not the unit's own score (a report's
    全县达标率88.1%，得4.1分)."""
    assert roles(pipeline, "市级采用：《工作动态》采用1条，计8分。")[-1] == "other"
    assert roles(pipeline, "全县达标率88.1%，得4.1分。")[-1] == "actual"
    # the last item of a list is no rule's unit
    assert roles(pipeline, "三类项目分别落地5个、2个、1个，得0.5分。")[-1] == "actual"


@pytest.mark.parametrize("text, expected", [
    # -- stop 42: helper-annotated pages (roles read blind, then compared with the rules)
    # a heading that says how a project's targets were set governs its cueless numbers,
    # however long its title and in either script, glosses and all
    ("一、项目基本情况\n本项目下达资金80万元。\n（二）财政衔接推进乡村振兴补助资金项目绩效目标设定情况\n"
     "1.数量指标：新建村道2.5公里，修建便桥3座。\n", ["target", "target", "target"]),
    ("（二）財政補助資金項(xiàng)目績效目標(biāo)設(shè)定情況\n1.數量指標：新建村道2.5公里，修建便橋3座。\n",
     ["target", "target"]),
    # how many indicators the plan sets is no target
    ("（二）补助资金项目绩效目标设定情况\n该项目共设置绩效指标8个，其中一级指标3个。\n1.数量指标：新建村道2.5公里。\n",
     ["actual", "actual", "target"]),
    ("（二）补助资金项目绩效目标设定情况\n全年共编制9个绩效目标指标。\n1.数量指标：新建村道2.5公里。\n", ["actual", "target"]),
    # one that reports how they were met does not
    ("（三）绩效目标完成情况\n1.数量指标：新建村道2.5公里，修建便桥3座。\n", ["actual", "actual"]),
    # a forecast written after what its sentence reports is an aside: its scope ends with the sentence
    ("已建成6座，其余2座预计年底前完工；改造管网3.5公里。", ["actual", "actual", "actual"]),
    # a sentence that opens with its forecast still carries it across ；
    ("预计全年实现地区生产总值135亿元，增长6%；规上工业增加值45亿元，增长7%。",
     ["forecast", "growth", "forecast", "growth"]),
    # a plan word's reach stops at a word of what was done
    ("86个计划新开工项目已开工47个。", ["actual", "actual"]),
    ("今年计划清淤河道156公里。", ["target"]),
    # short of a pace is a gap to it, as past it is; a count of what lags is no gap
    ("1-9月，全县重点项目完成投资88亿元，占年度计划的70%，欠序时进度5个百分点。",
     ["actual", "completion_rate", "difference"]),
    ("经核实，欠进度的有5项。", ["actual"]),
    # a title that sums up the half year before its plans is no target heading; a plans heading is
    ("乡镇上半年工作总结及打算\n截止6月底，完成税收600万元，占全年任务1200万元的50%。\n",
     ["actual", "target", "completion_rate"]),
    ("二、下半年工作打算\n全年完成税收1300万元。\n", ["target"]),
    # what was added since the start of the year is a change against it
    ("存款余额1200亿元，同比增长12%，比年初新增80.5亿元。", ["actual", "growth", "growth"]),
    # missions counted as events are what was done, not a target; a task's size is
    ("共处置自然灾害救援任务214起、危化品事故处置任务1600起。", ["actual", "actual"]),
    ("全年新增就业任务4500人。", ["target"]),
    # the site a project takes describes it (switch site_area); land supplied or taken is a value
    ("该项目占地225亩，总投资3.2亿元。", ["other", "actual"]),
    ("全年新增建设用地面积120亩，征收土地300亩。", ["actual", "actual"]),
])
def test_roles_of_the_stop42_pages_layouts(pipeline, text, expected):
    assert roles(pipeline, text) == expected
