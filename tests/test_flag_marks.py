"""Placeholder and missing-number flags on the forms real reports use (texts written for these tests)."""

import pytest


def flags_of(pipeline, text, ftype):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    return [f for f in doc.flags if f.type == ftype]


@pytest.mark.parametrize("text,marks", [
    # one flag per masked number, decimal point and unit inside the span
    ("全年增长x.x%，高于预期。", ["x.x%"]),
    ("安排资金x.xx万元用于改造。", ["x.xx万元"]),
    ("收入达****.**万元，为****年的*倍。", ["****.**万元", "****年", "*倍"]),
    ("比重为**.*%，提高*.*个百分点。", ["**.*%", "*.*个百分点"]),
    ("全市**个乡镇参加评比。", ["**个"]),
    # site masking of names
    ("由**县牵头，**经开区配合。", ["**县", "**"]),
    ("| **区 | 完成 |", ["**区"]),
    ("开展“美丽**”创建活动。", ["**"]),
    ("由办公室**统一汇总。", ["**"]),
    ("在“**乡”召开现场会。", ["**乡"]),
    ("由**縣牽頭。", ["**縣"]),
    # a lone tilde standing for a year
    ("~年度考核结果如下", ["~年"]),
    ("在×市召开，×县×镇参加。", ["×市", "×县", "×镇"]),
    ("补助金额×万元。", ["×万元"]),
    ("在□市召开，涉及□□项目。", ["□市", "□□"]),
    # circles mask a number or a name as boxes do (stop 28)
    ("全镇建成○○个服务站，○○县参加。", ["○○个", "○○县"]),
    # a single x before a noun masks a name
    ("开启x城市更新新篇章。", ["x"]),
    # a table of masked cells is still a form, however few Chinese characters it holds
    ("| 指标 | 完成 |\n| XX | XX |\n| 合格率 | XX% |", ["XX", "XX", "XX%"]),
    ("由___牵头，在_县召开。", ["___", "_县"]),
    # one underscore in a sentence is a blank, however it stands between words
    ("请以_为主题开展活动，做好_宣传工作。", ["_", "_"]),
    ("完成地区生产总值\nXX\n亿元，增长5%。", ["XX"]),
])
def test_placeholder_forms(pipeline, text, marks):
    flags = flags_of(pipeline, text, "placeholder")
    assert [f.text for f in flags] == marks
    assert all(f.code.startswith("R1") for f in flags)


@pytest.mark.parametrize("text", [
    "达标率=达标户数/总户数×100%。",
    "得分=到位率88%×0.4=0.352分。",
    "面积为3 × 4米，费用=单价×数量。",
    "采购x86服务器，升级Excel表格。",
    "加强学习(xí)，提升效(xiào)率。",
    "全年完成**重点项目**12个。",
    "要**加强领导，狠抓落实**，确保完成。",
    "**2023年工作总结**",
    "*注：数据来源于统计局。",
    "**注：以上数据为初步统计。",
    "GDP增长5%*，居全市前列。",
    "时间为2019 ~ 2020年度，3~5月集中整治。",
    "~~~~~~~~\n正文开始。",
    "是否达标：□是 □否",
    "□达标  □基本达标  □不达标",
    "以众人的智慧□众人的干劲推进工作。",
    # words that begin with a mark, a circle for 〇 in a numeral, circles as bullets (stop 28)
    "购置X光机2台，X射线检测仪1台。",
    "绘制x轴和y轴。",
    "二○二四年三月，完成一○○项。",
    "○已完成  ○未完成",
    # stop 45's fresh pages: one underscore joining two words of a site's label; a close
    # button alone on its line; marks in a run of stray Latin letters (garbled bytes)
    "【稿件来源：某县融媒体中心_今日要闻】",
    "登录后可下载全文\n\n×\n",
    "新建蓄水池12座 K. D4 f) @' Q\n# V2 N7 p/ ~' d5 _\n今年以来，全镇加快建设。",
    # a line of words joined by underscores without punctuation: a page title's or spam
    "在线视频_综合频道_精品专区_热门推荐\n本季度工作回顾",
    "某局年度工作总结_共12页",
    "落实“1+X”帮扶机制，推广“1+N+X”服务模式。",
])
def test_not_placeholders(pipeline, text):
    assert [f.text for f in flags_of(pipeline, text, "placeholder")] == []


@pytest.mark.parametrize("text,near", [
    ("全年水质达到类标准。", "类"),
    ("出席县届人大常委会第一次会议。", "届"),
    ("召开第次全体会议。", "次"),
    ("第季度完成投资。", "季度"),
    ("召開第屆代表大會。", "屆"),
    ("每月补助资金元，", "元"),
    ("全年投入资金约元。", "元"),
    ("占全县总人口的7，涉及多个家庭。", "7"),
    ("约占38.5。其余为外来人口。", "38.5"),
    ("占總人數的12.6，", "12.6"),
    ("本季度撥付資金元，", "元"),
    ("全年合格率为\n二、主要做法", "率为"),
    ("覆盖率达到\n第3页\n（二）下一步工作", "率达到"),
    ("满意率达到\n2、%以上", "%"),
    # an empty bracket pair where a form's count was to be filled in (stop 28)
    ("全年新建（  ）座，改造【 】户。", None),
    # a scale word after a template mark or an amount's noun still wants its number
    ("全县茶园面积万亩茶园全部投产。", "万亩"),
    ("投产面积※万亩。", "万亩"),
])
def test_missing_number_forms(pipeline, text, near):
    flags = flags_of(pipeline, text, "missing_number")
    assert [f.text for f in flags] == ([near] if near else ["座", "户"])
    assert flags[0].code.startswith("R2")


@pytest.mark.parametrize("text", [
    "单个项目投资超过亿元，近亿元资金到位，逾万人受益。",
    "單個項目投資超過億元。",
    "| 培训经费(万元) | 86.5 |\n| 合格率(%) | 97.20% |",
    "单位：万元",
    "入选省(万人计划)专家3人。",
    "完成年度任务的56。8%，进度较快。",
    "截至年底，负债率占比0.52",
    "全年合格率为\n98.5%，较上年提高。",
    "合格率达到98\n%，较上年提高。",
    "评为国家级示范区，达到类似水平，为省级重点。",
    "全年合格率为",
    "一、提高覆盖率\n二、主要做法",
    "占地面积3000平方米，占全省第3位。",
    "由建设第位负责填报。",
    "资金已退还持有人。公告通知所有人，现场没有人，",
    # a column's label ending with its unit before the cell's bar (stop 41)
    "行业 |\n同比增长(±%) |\n合计 |\n3 |",
    "单位 | 地方收入 | 税收占比% | 累计 | 为预算的% | 增幅% |\n某县 | 7100 | 83 | 5200 | 61 | 4 |",
    # a scale word before a noun is no amount (打造万亩…基地)
    "全镇流转土地3万亩，重点打造沿江万亩蔬菜基地。",
    # the unit figures are given in; the later units of a declared list; a set phrase 百X万Y
    "(说明：增减幅度均以万元为单位计算。)",
    "表2 收支情况\n单位：户、万元\n项目 | 本月 |",
    "深入开展“百村万户”帮扶活动。",
    # stop 45's fresh pages: a water-use intensity named per 万元 of GDP; a class bound
    # before its count; a program named right after a quoted name; a percent sign in a
    # run of stray Latin letters (a page's garbled bytes)
    "全省人均用水量385立方米，万元国内生产总值用水量52.4立方米。",
    "全县新开工项目86个。其中，亿元以上31个，10亿元以上4个。",
    "实施“乡村护林员”万人就业工程，招聘护林员。",
    "; K q7 {2 R5 t% m ! h% Y3 全县道路硬化工程顺利推进。",
    # a rate per 万人; a denominator after a slash; a class bound after 人民币 (earlier pool pages)
    "全区刑事案件万人发案率连续三年下降。",
    "单位产值能耗为0.418吨标准煤/万元，同比下降3.1%。",
    "前三季度，总投资亿元人民币及以上项目开工38个。",
    # a second held-out sample (stop 45): 有名 is famous; a scaled unit inside a short quoted
    # name is a word of the name
    "科技工作全省一流，全国有名，为今后发展提供支撑。",
    "红十字会举行了“千村帮万户”迎春活动，比往年更早开展“万人助万企”工作。",
    # stop 53's fresh pages: the name after a scaled unit spaced off by PDF text (亿元 GDP)
    "全市亿元 GDP 生产安全事故死亡率为 0.052，低于省定控制指标。",
    # a chart's units on a line of their own, under its title
    "“十四五”全县地区生产总值及增速\n亿元、%\n2023年全县生产总值及增长速度",
])
def test_not_missing_numbers(pipeline, text):
    assert [f.text for f in flags_of(pipeline, text, "missing_number")] == []


def test_check_rules_validate_their_data():
    from reportmine.checks.rules import _any_of
    from reportmine.resources import DataFileError

    with pytest.raises(DataFileError, match="list of patterns"):
        _any_of([], "checks.yaml: numeral_slot")
    with pytest.raises(DataFileError, match="bad pattern"):
        _any_of(["(unclosed"], "checks.yaml: numeral_slot")
    from reportmine.checks.rules import _placeholder_rules
    from reportmine.resources import load_yaml

    section = dict(load_yaml("checks.yaml")["placeholders"])
    assert "X光" in _placeholder_rules(section)["words"]
    for broken in ([], ["X光", ""], "X光"):
        with pytest.raises(DataFileError, match="words"):
            _placeholder_rules(dict(section, words=broken))
    from reportmine.checks.rules import _missing_rules

    missing = dict(load_yaml("checks.yaml")["missing_numbers"])
    assert _missing_rules(missing)["scaled_class"].match("以上重点项目")
    with pytest.raises(DataFileError, match="bad pattern"):
        _missing_rules(dict(missing, scaled_class="(以上"))
