"""The role forms of benchmarks/role_forms.txt (sentences written from
GUIDE.md's roles, each number marked with the role it has) and the role rules
added for them: a rule that starts to misread a written form fails here."""

import sys

import pytest

from helpers import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import role_forms  # noqa: E402

# the forms the rules do not read (benchmarks/README.md): a plan carried into
# the next clause, 的约束性指标 after the number, 进度 as a completion
KNOWN_MISSES = {"3.2%", "3600个", "380亿元"}


# every form file (benchmarks/README.md and README.md, stop 27, say when each
# was written and what its first run read): at least this many forms, the
# numbers whose role is misread, those whose marked indicator is
FORM_FILES = [
    ("role_forms.txt", 100, KNOWN_MISSES, set()),
    ("role_forms_heldout.txt", 40, set(), set()),
    # stop 27: 75 of 77 at first; the two misses led to rules tested below
    ("role_forms_genres.txt", 40, set(), set()),
    ("role_forms_genres_heldout.txt", 20, {"105%"}, set()),
    ("role_forms_phrasing.txt", 20, set(), set()),
    # 原计划投资 (the gold reads 计划投资 both ways), 考核总分 (left unread)
    ("role_forms_lists.txt", 15, {"2.5亿元", "100分"}, set()),
    # 40 / 41 roles and 39 / 41 indicators at first
    ("role_forms_indicators.txt", 20, set(), set()),
    # 21 / 28 indicators at first (24 with three marks set to the gold's
    # convention); 15所学校 stays: its unit holds the noun counted
    ("role_forms_indicators2.txt", 10, set(), {"15所"}),
    ("role_forms_scopes.txt", 10, set(), set()),
    ("role_forms_tables.txt", 8, set(), set()),
    ("role_forms_traditional.txt", 10, set(), set()),
    ("role_forms_speeches.txt", 10, set(), set()),
    # a scoring item's 本项 and 经考核得分 where the marks name no indicator
    # (the scorer counts none there)
    ("role_forms_stop27_heldout.txt", 15, set(), {"15分", "14分"}),
    ("role_forms_scoring.txt", 7, set(), set()),
    # stop 28, held out: 65 / 74 roles and 65 / 74 indicators at first. Left:
    # 成员单位32家 and 干部职工1850人 (a background count written with its noun
    # first), 计划投资3.2亿元的…工程 (the gold reads 计划投资 both ways), a
    # self-scored item's 该项 / 经自评得, and 整改 qualified by the clause before
    ("role_forms_stop28_heldout.txt", 35, {"32家", "1850人", "3.2亿元"},
     {"32家", "8分", "7.5分", "1.27万处", "97.7%", "1850人"}),
    # stop 28, plans, forecasts and background: 33 / 50 at first, 41 / 50 once
    # eight marks were set to the gold's convention. Left: 到2027年…达到12% (a
    # year ahead is not told from a year past), 比承诺时限提速60%, 年度计划投资
    # (a town's own area, 全镇总面积86平方公里, which the file marks actual: since stop 34
    # the place's own area is background, as the real reports' gold marks it)
    ("role_forms_stop28_plans.txt", 30, {"12%", "60%", "86平方公里"},
     {"41.2万人", "98.1%", "78人", "60%", "86平方公里"}),
    # stop 28, layouts: 34 / 36 roles and 26 / 36 indicators at first. Left: a
    # cue broken by a short line's break (完成年度⏎目标任务的108%)
    ("role_forms_stop28_layouts.txt", 15, set(), {"108%"}),
    # stop 28, indicators in long heads: 29 / 31 roles and 26 / 31 indicators at first
    ("role_forms_stop28_indicators.txt", 15, set(), {"1240处", "386万元"}),
    # stop 29, written by a helper from GUIDE.md alone: 175 / 189 roles and
    # 161 / 189 indicators at first. Left: a plan or a 力争 carried into the
    # next clause (8%, 620亿元以上, 260公里), 开工率 (the gold reads it both
    # ways), a cue broken by a short line's break (低于年度⏎控制目标); among the
    # indicators 该项 / 该指标 standing for the item named before, a 其中 part
    # qualified by its whole (各类卫生机构医院), a name after 的 of three
    # characters (经季节性调整的失业率), the noun after a classifier (17.2万个单位)
    ("role_forms_stop29_heldout.txt", 60, {"0.2个百分点", "260公里", "8%", "92.9%"},
     {"0.13亿元", "0.1個百分點", "0.2个百分点", "0.54 亿元", "1,598億元", "10分", "126个", "17.2萬個", "2.9%",
      "2860.4万元", "4.2%", "4.2亿元", "4.5亿元", "4.63亿元", "8650万元", "96.7%"}),
    # stop 29, sectors and layouts (a helper's, from GUIDE.md alone): 200 / 220 roles and
    # 190 / 220 indicators at first. Left: a plan, 力争 or 到年底 carried into the next
    # clause (90%以上, 12所, 4200个, 85%以上, 1.2万户以上), a planned growth (7.5%以上,
    # which the gold reads as growth under a heading), 优于 (a rule seen first in a dev
    # document, left), a count of monitored sections (12个), 设 alone before units (32个,
    # 9个), a gap to a statutory limit (比法定时限压缩68.5%), a duration in working days;
    # among indicators a label: value record's 指标名称, a parenthesis note (（折纯）),
    # a subject before 全年实现 (the gold keeps it: tried and dropped)
    ("role_forms_stop29_sectors.txt", 60,
     {"1.2万户以上", "12个", "12所", "1个工作日", "32个", "4200个", "68.5%", "7.5%以上", "85%以上", "9个"},
     {"1.64万户", "12个", "1342家", "1个工作日", "3.3个百分点", "3265万元", "32个", "412.6亿元", "5832件", "5分", "720元", "8.4%", "80%",
      "98%", "98.7%", "9个"}),
    # stop 29, speeches and plain-text tables (a helper's): 318 / 390 roles, 284 / 390
    # indicators, 23 not found at first (tables copied one cell per line). Left among
    # roles: plans, 力争 and 确保 carried into the next clause or read as growth (the
    # gold reads a planned growth as growth: 7%, 8%), growth after a 预计 clause (the
    # gold's convention too), 开工率, background counts and 还有…没有 gaps; among
    # indicators projects' rows (their title names the measure), 按可比口径 and 平均每月
    ("role_forms_stop29_speeches_tables.txt", 55,
     {"1340套", "16项", "3项", "4个", "5%以下", "5.2%", "5.6%左右", "55%", "6.8%", "68.1%",
      "7%", "8%", "8.6万人", "80%", "95%"},
     {"0.6亿元左右", "10260", "11.7亿元以上", "12.4%", "12000", "126亿元", "13项", "15.8%", "19人",
      "1批次", "20.1亿元", "24.6%", "2起", "3120", "3项", "4000", "40分", "4260", "4350", "4个", "5000",
      "5亿元以下", "6000", "6120", "62%", "72.0", "72.5", "78.0", "85.2", "85.5", "8500", "862万元",
      "91.2", "94.5"}),
    # stop 29, paragraphs as PDF conversion leaves them (a helper's): 266 / 303 roles,
    # 230 / 303 indicators at first; most misses were cues and numbers broken by a
    # short paragraph's line ends, which compact.yaml's reflow now joins from three
    # full lines (min_lines). Left: a plan carried into the next clause (68.5亿元;
    # 42亿元, 8家 and 1.8% read since stop 38's plan scope), 比…增长9% of a plan
    # against a forecast, a ratio without a
    # unit (2.13), 比上⏎年末净增 broken inside the cue, 完成基本分指标97% (read both ways)
    ("role_forms_stop29_pdf.txt", 30, {"2.13", "350 万美元", "9%", "97%"},
     {"0.62亿\n元", "10\n7.9%", "107.2%", "178公里", "186.4億元", "1936\n户", "19个", "2.09",
      "2.13", "2.1個百分點", "203.7億\n元", "286.5万元", "29\n.5分", "2903.8万元", "3.1%", "3.3亿元", "38.25万元",
      "4.16万元", "432億元", "45.3亿元", "58公里", "68.\n5分", "70.\n4%", "8.55万元", "81.7%", "8分", "9%",
      "9.8%", "986億元"}),
    # stop 30, targets and forecasts (a helper's; its brief quoted dev phrases, see
    # its header): 221 / 279 roles, 261 / 279 indicators at first. Left: a planned
    # growth the file marks growth (the rules: target after a target colon), plans
    # carried into the next clause, 稳定在, 跨越…台阶, control figures in a colon or
    # 分别 list, a budget's 安排 without 预算 in its clause
    ("role_forms_stop30_targets.txt", 60,
     {"0.44 亿元", "1,200戶", "10.6亿元", "120亿元", "2", "2.1%", "28户", "3%",
      "481億元", "5%", "5.5%左右", "6%左右", "6.5%", "8000万美元", "86.5万亩以上", "9%"},
     {"0.58亿元", "1.2万亩", "1.5%", "115.5 %", "1386 家次", "18.6亿元以上", "214戶", "4.8个百分点", "400亿元", "40亿元", "500亿元",
      "512.6亿元", "6,470億元", "6.2%", "79.8%"}),
    # stop 30, indicators in noun phrases (a helper's): 223 / 235 roles, 211 / 235
    # indicators at first (224 roles since stop 33: a plan naming any action, 计划清淤…).
    # (stop 51: an average age read as a measure's value, 平均年龄42.3岁.)
    # Left: the measure named after the number (培养126名高技能
    # 人才), 其中 parts qualified by their whole, a label line under its heading
    ("role_forms_stop30_indicators.txt", 70,
     {"104.2%", "126.4", "13%", "18户", "3岁", "862.7", "9862名"},
     {"0.42‰", "10分", "126.4", "18户", "1‰", "23个", "32415名", "4126万元", "45个", "46宗", "47个",
      "5.3%", "6.8%", "6.83亿元", "8.6万元", "862.7", "9862名"}),
    # stop 30, scoring rules and formulas (a helper's; its brief quoted dev phrases):
    # 247 / 306 roles, 238 / 306 indicators at first. Left: tiers of a rule (the file
    # reads the top tier full_target, the rules the bound of a tier), weights in
    # formulas without ×, grades (90分以上为优), scores of a table's cells (stop 51:
    # a 得分 column's cell read as the score achieved)
    ("role_forms_stop30_scoring.txt", 60,
     {"0.2", "0.4", "0.6", "0.6%以内", "10", "100%", "100分", "10分", "110以内", "112.6 %", "15", "1500元", "15亿元", "2",
      "20", "24.5分", "25分", "2个", "3人以内", "4 分", "5", "5%以内", "5分", "6 分", "60%以上", "6分", "6場", "70%以上", "8.4分",
      "80", "80分以下", "85%以上", "850元", "89分", "90%以上", "90分以上", "91.2分", "92 %", "95%以上", "9分"},
     {"10 分", "100分", "10分", "110以内", "11分", "13分", "14分", "15", "15分", "16分", "19.5分", "2", "2.1个百分点", "20",
      "23.3分", "23分", "24 条", "24.5分", "25分", "2个", "3.7", "4 分", "4.1分", "4.72分", "4分", "5", "5 分", "5分",
      "6 分", "6.24", "6分", "6場", "7.72分", "8", "8.4分", "8.75分", "80", "80分以下", "812.4万元", "82.5%", "85%以上",
      "88.1%", "89分", "90%以上", "90.5%", "90分以上", "91.2分", "92.7%", "95%以上", "97.1%", "97.3分", "9分"}),
    # stop 30, background counts beside results (a helper's; its brief quoted dev
    # phrases): 139 / 224 roles, 130 / 224 indicators at first. Left: counts that set
    # a scope (对19家…开展督导, 每场不少于50人), a determiner before its subject
    # (全县38户重点骨干企业累计实现…), sizes and ages the file reads as background
    # (185 roles since stop 33: 明年计划接待游客 read as a plan; stop 51: ages a
    # clause names as a measure's value, 平均年龄, 预期寿命, are no background)
    ("role_forms_stop30_background.txt", 60,
     {"10%以上", "100%", "100人", "1186个", "12.6公里", "120元", "16个", "19家", "1名", "20多平方米",
      "260余人", "26人", "30家", "328个", "3800份", "3个", "3口", "3間", "4个",
      "5.6亿元", "50人", "5个", "5名", "6个", "780元", "7个", "8个", "95.2%", "七个"},
     {"100%", "100人", "103%", "11,230人", "1186个", "120元", "16个", "1846万元", "19家", "1名", "2.1万人次",
      "20多平方米", "24米", "26.4万元", "260余人", "26人", "30家", "328个", "37个", "3800份", "38所", "3个",
      "3口", "3間", "4.8个百分点", "4000人", "4个", "4家", "5.6亿元", "50人", "52.6万人次", "5个", "5名",
      "6个", "780元", "7个", "7家", "8个", "95.2%", "9个"}),
    # stop 30, progress reports (a helper's, its brief naming no dev phrase): 218 /
    # 272 roles, 207 / 272 indicators at first (211 since stop 33: 占计划面积58万亩 names
    # the plan, not the indicator). Left: remainders and the pace (剩余,
    # 序时进度, 预定进度) the file reads as gaps and targets where the gold has no
    # convention, changes against another place or a recovery ratio, plans in speeches
    ("role_forms_stop30_progress.txt", 60,
     {"1.05亿元以上", "10%以上", "10.4亿元", "12%", "140套", "15%", "18.7%", "2.5个百分点", "2.6亿元", "28件", "3.16亿元",
      "4.5‰", "481億元", "4人", "56%", "6 %", "6%左右", "6.2个百分点", "6.58個百分點", "63.5%", "67.7%", "68.8%",
      "6个", "7.5%", "75%", "76.5%", "7个", "8 %以上", "8.4个百分点", "81.3 %", "七成", "三成多", "两倍", "约1.8亿元", "近11亿元"},
     {"-10.0", "0. 42 萬公噸", "0.17亿元", "0.2個百分點", "0.8个百分点", "1.02亿元", "1.05亿元以上", "1.7个百分点", "10%以上", "10.1",
      "10.4亿元", "102.4%", "1118万元", "11亿元", "120亿元", "12个", "14人", "159亿元左右", "2.6亿元", "21.5%", "28件",
      "3 917 萬元", "3.16亿元", "3.9", "34个", "38人", "4 826 萬元", "4 萬公噸", "4.5‰", "412萬人次",
      "44.4%", "5.6个百分点", "5380人", "56%", "6 %", "620人", "64.3%", "65.0", "67.8%", "68.8%",
      "69.1%", "6个", "7个", "8 %以上", "8.3%", "800万元", "81.17 %", "81.3 %", "8136万元", "84.2", "8450万元",
      "9.2", "90 %", "96.1%", "98.3亿元", "两倍", "约1.8亿元", "近11亿元"}),
    # stop 30, comparisons and gaps (a helper's, its brief naming no dev phrase): 198 /
    # 252 roles, 210 / 252 indicators at first; 218 and 212 after stop 31's rules for
    # it (comparison verbs, 比 with the benchmark's number between, ratios to an
    # average, 超额完成 a target named with its number, 控制数, 的规划目标). The file
    # reads a gap to another place as difference even with 同期, multiples against
    # other places as difference, and a target's growth content as target
    ("role_forms_stop30_comparisons.txt", 60,
     {"0.15万亩", "0.4個百分點", "1.0毫克/升", "1.3", "1.9分", "107以下", "112以下", "12.4%", "12个",
      "15个", "15微克/立方公尺", "180公斤", "2,780元", "2.7", "214人", "28亿元", "2分", "3%",
      "4.7个百分点", "4.8%", "5%", "55%", "6.5%左右", "6.8亿元", "83.5%", "86人"},
     {"0.2個百分點", "0.62倍", "1.0毫克/升", "1.34 亿元", "1.9分", "107以下", "112以下", "115.8 %", "12个",
      "15.8个百分点", "2%", "2,780元", "2.8%", "214人", "2分", "3%",
      "3,160元", "3.1个百分点", "3.2%", "3.4%", "380元", "3人", "4.3億元", "4.8%", "55%", "5人", "6.6億元", "6.8亿元",
      "8.5 亿元", "83.5%", "94.6分"}),
    # stop 30, label-value layouts and tables (a helper's, its brief naming no dev
    # phrase): 203 / 266 roles, 191 / 266 indicators, 12 not found at first; 210 and
    # 196 after stop 30; 233 and 202 after stop 31's (a header going on in a table's
    # second row, an empty first cell of a table without outer bars, the headers
    # 达成率, 尚差, 高于（+）低于（-）, 核定, key/value tables, 同比N, 计划 N)
    ("role_forms_stop30_layouts.txt", 60,
     {"-126", "-2.7", "-3,384", "0 分", "1.5 分", "100%", "10分", "12 064", "14", "15 分", "18.5 分", "186.42", "28 740",
      "2860", "3%", "3.6%", "30", "312", "35,352", "37分", "3975", "4200", "5.3", "5.5年", "6", "65%", "6分",
      "7.6", "9.86", "90", "90%以上"},
     {"-0.4亿元", "-126", "-2.7", "-4.3%", "-5.1", "0 分", "0.5分", "0.8万吨", "1.2 万 人", "1.26 万 人", "1.5 分", "105 %",
      "106.8 %", "10分", "12 064", "12000", "12460", "126.4 亿 元", "14", "1850", "186.42", "2000 户", "2136 户", "23150",
      "28 740", "2860", "296.5", "3,412千元", "3,600千元", "3,986", "3000人", "312", "320", "3500人", "36.8", "3975",
      "4,200個", "42.0", "4200", "5.3", "5.5年", "5.8%", "60%", "612.4", "6150", "650", "6分", "8.1亿元", "8000", "85亿元",
      "86 个", "9.5分", "9.86", "90", "90%以上", "91.5", "92.7", "94.2%", "94.8%", "94.9", "98.5%", "約14,800個"}),
]


@pytest.mark.parametrize("name, at_least, roles, indicators", FORM_FILES, ids=[f[0] for f in FORM_FILES])
def test_form_files_read_as_marked_but_the_known_misses(pipeline, name, at_least, roles, indicators):
    forms = role_forms.read_forms(ROOT / "benchmarks" / name)
    wrong_roles, wrong_indicators = role_forms.misses(pipeline, forms)
    assert len(forms) >= at_least
    assert set(wrong_roles) == roles and set(wrong_indicators) == indicators


def test_indicator_marks_are_read_and_judged_as_the_scorer_does():
    line = "全年完成〔12亿元|actual|财政收入〕，辖〔9个|other|-〕乡镇，增长〔5%|growth〕。"
    text, marks = role_forms.parse(line)
    assert text == "全年完成12亿元，辖9个乡镇，增长5%。" and [r for _, _, r in marks] == ["actual", "other", "growth"]
    assert role_forms.indicators(line) == ["财政收入", "-", None]
    assert role_forms.indicator_right("财政收入", "一般公共预算财政收入")     # F1 0.67
    assert not role_forms.indicator_right("财政收入", "全年完成")
    assert role_forms.indicator_right("-", None) and not role_forms.indicator_right("-", "乡镇")


@pytest.mark.parametrize("text, indicators", [
    # what follows a comparison word names the benchmark, not the indicator
    ("地区生产总值增长5.5%，高于全国1个百分点。", ["地区生产总值", "地区生产总值"]),
    ("农村居民收入增长7.1%，增速高于城镇居民1.5个百分点。", ["农村居民收入", "农村居民收入增速"]),
    # a share's verb is no part of it
    ("年龄在35岁以下的干部占42%。", [None, "35岁以下的干部"]),
    # a government that sets a task and 实际 name no indicator: the task's does
    ("市政府下达的全年税收任务9亿元，实际完成9.4亿元。", ["税收", "税收"]),
    # 把 opens a phrase as a preposition
    ("把城乡居民医保参保率提高到97%。", ["城乡居民医保参保率"]),
    # stop 28: a clause head ending in 是 before a colon leads in to the indicator after it;
    # a list's lead (依次为：) and a label (交通：) do not
    ("今年的主要预期目标是：粮食总产量增长2%左右。", ["粮食总产量"]),
    # a head of scope alone (全市) names nothing: a count right against the next one
    # (households, then persons) counts what that one does
    ("全市2140户3862人享受城乡低保。", ["享受城乡低保", "享受城乡低保"]),
    # a head ending in 目标 before a colon leads in too
    ("2027年主要预期目标：地区生产总值增长6%左右。", ["地区生产总值"]),
    ("各镇税收完成进度依次为：东镇80.1%、西镇75.2%。", ["各镇税收", "各镇税收"]),
    ("水上交通：事故3起。", ["水上交通：事故"]),
    # ...and 控制在 is trimmed from the end of a head like 保持在
    ("年末城镇调查失业率控制在4.8%。", ["城镇调查失业率"]),
    # 现有/共有 are trimmed from the front; a word that starts with a lead word is not
    ("全区现有幼儿园42所。", ["幼儿园"]),
    ("全县在校学生5.6万人，从业人员21万人，离退休人员1.2万人。", ["在校学生", "从业人员", "离退休人员"]),
    # a bare rate after its count is qualified by it, the words they share written once
    ("全县职工医疗保险参保9.2万人，参保率97%。", ["职工医疗保险参保", "职工医疗保险参保率"]),
    # a table's most specific indicator column names the row
    ("一级指标|二级指标|三级指标|指标值|完成值\n产出指标|数量指标|改造户数|300|320\n", ["改造户数", "改造户数"]),
    ("指标名称|单位|目标|完成\n造林面积|万亩|1.2|1.5\n", ["造林面积", "造林面积"]),
    # a level bound inside the noun counted; 缩短至 trimmed from a head
    ("培育12家市级以上龙头企业。", ["市级以上龙头企业"]),
    ("办理时限缩短至3个工作日，平均办结时间缩短至2.5天。", ["平均办结时间"]),
    # who did it, then 共 and what was counted; not 公共, 共有, 共建
    ("今年县综合执法局共拆除违法建筑126处。", ["拆除违法建筑"]),
    ("城乡居民收入比缩小到2.1。", ["城乡居民收入比"]),
    ("全年一般公共预算支出完成32亿元。", ["一般公共预算支出"]),
    # stop 29: a label before a colon (评分标准：, 产出指标：) is no part of the indicator,
    # nor is 年度指标值; a completed value (实际完成值) names none of its own
    ("考核内容：城区绿化覆盖率达到42%。", ["城区绿化覆盖率"]),
    ("数量指标：年度指标值为新建村级卫生室≥15个，实际完成值16个。", ["新建村级卫生室", "新建村级卫生室"]),
    # a period before the lead (年末共有), 截至9月底; a short parenthesis inside a name
    ("年末共有养老机构56家。", ["养老机构"]),
    ("截至9月底全区发放稳岗补贴860万元。", ["发放稳岗补贴"]),
    ("每万人口拥有全科（助理）医生3.5人。", ["每万人口拥有全科（助理）医生"]),
    # a currency named after a multiplier is a unit, not the indicator
    ("全年入境旅游收入28亿澳门元。", ["入境旅游收入"]),
    # a short note in parentheses after a name is no part of it
    ("全县化肥使用量（折纯）2.8万吨。", ["化肥使用量"]),
    # 实际 leads a head (实际完成 names nothing: the task's indicator)
    ("省下达高标准农田建设任务2.8万亩，实际建成3.1万亩。", ["高标准农田建设", "高标准农田建设"]),
    # 按年 (year on year) opens a change as 同比 does: no indicator of its own
    ("全年零售业总销货价值1,200亿元，按年下跌3.4%。", ["零售业总销货价值", "零售业总销货价值"]),
    # stop 30: a noun after the number that opens with 高/低 is what it counts
    # (高标准农田, 低收入农户; not 高于, 低于), up to 发放
    ("全年新建6.2万亩高标准农田。", ["高标准农田"]),
    ("为1280名高龄老人发放高龄津贴。", ["高龄老人"]),
    # a sentence that names nothing before its number reports on the target of the
    # sentence before (same unit); not a count of another unit, not a bound
    ("年初确定招商引资到位资金目标为25亿元。全年实际完成26.3亿元。",
     ["招商引资到位资金", "招商引资到位资金"]),
    ("年初确定招商引资到位资金目标为25亿元。全年完成12个项目。", ["招商引资到位资金", "项目"]),
])
def test_indicator_rules_for_the_written_forms(pipeline, text, indicators):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [q.indicator for q in doc.quantities if q.value is not None] == indicators


def test_parse_takes_the_marks_out():
    text, marks = role_forms.parse("全年完成〔12亿元|actual〕，增长〔5%|growth〕。")
    assert text == "全年完成12亿元，增长5%。"
    assert [(text[s:e], r) for s, e, r in marks] == [("12亿元", "actual"), ("5%", "growth")]


@pytest.mark.parametrize("text, roles", [
    # stop 31 (role_forms_stop30_comparisons.txt): a comparison verb and the gap after
    # its benchmark; not a class met (达到或优于二级的9个)
    ("出口增速领先全省平均2.4个百分点，降尘量差于全市平均0.3。", ["difference", "difference"]),
    ("全县一级水质断面达到或优于二级的9个。", ["actual"]),
    ("人均存款超过全市平均水平1500元，参会人员超过3000人。", ["difference", "actual"]),
    # 比 with the benchmark's own number between: the number after the verb is the gap
    ("行政经费支出410万元，比控制数450万元少40万元。", ["actual", "target", "difference"]),
    ("罚没收入6.1亿元，较预算数5.8亿元超收0.3亿元。", ["actual", "target", "difference"]),
    ("全年税收比年初预算3亿元少0.2亿元。", ["target", "difference"]),
    ("利税比上年的880万元多95万元。", ["actual", "growth"]),
    # a ratio to an average; a ratio to last year is a change
    ("人均用地效益仅为全省平均水平的71%。", ["difference"]),
    ("粮食产量是上年的1.1倍。", ["growth"]),
    ("比上年同期高1.4个百分点，比上年同月少0.6亿元。", ["growth", "growth"]),
    ("降幅比全省平均降幅大0.9个百分点，收入比由上年的2.31缩小到2.27。", ["difference", "actual"]),
    ("超额完成4%的年度目标1.2个百分点，距8张的规划目标还差0.5张。", ["target", "difference", "target", "difference"]),
    # the comparison word or the plan's word alone before its number (not 计划生育率, nor
    # 完成年度计划N的x%, whose cue is the completion)
    ("资产负债率59.8%，利润总额6.3亿元，同比12.5%；失业率比上年-0.2个百分点。", ["actual", "actual", "growth", "growth"]),
    ("旱厕改造：计划 1500 户，完成 1620 户；事故起数：控制指标15起，实际11起；较控制指标少：4起。",
     ["target", "actual", "target", "actual", "difference"]),
    ("全县计划生育率98.5%。", ["actual"]),
    ("全年新建驿站18个，完成年度计划25个的72%。", ["actual", "target", "completion_rate"]),
    # stop 31 (role_forms_stop30_targets.txt): what a budget arranges; 达成率 in prose
    ("2026年失业保险基金预算收入安排 6.42 亿元，支出安排 5.87 亿元。", ["target", "target"]),
    ("全年安排资金800万元。", ["actual"]),
    ("计划建设960户，实际完工912户，达成率95%。", ["target", "actual", "completion_rate"]),
    # a second benchmark in a list shares the gap's cue; a new indicator does not
    ("利润增长7.2%，高于全市0.9、全省1.6个百分点。", ["growth", "difference", "difference"]),
    ("同比下降12%、受伤3人。", ["growth", "actual"]),
    # a parenthesis of parts right after a target is targets
    ("下达预算6个项目520万元（含2个续建项目130万元），实际支出480万元。",
     ["target", "target", "target", "target", "actual"]),
    ("全年完成投资8亿元（含技改投资2亿元）。", ["actual", "actual"]),
    # a colon after a target word opens a list of targets, growth ones too
    ("今年的主要目标是：城镇居民收入增长7%，农村居民收入增长8.5%。", ["target", "target"]),
    ("年度目标：新增市场主体3000户，新增规上企业25家。", ["target", "target"]),
    # ...to the end of the sentence only, and not what the clause says was done
    ("主要目标是：新增就业5000人。全年新增就业5200人。", ["target", "actual"]),
    ("目标任务：新增就业5000人，实际完成5600人。", ["target", "actual"]),
    # ...across ；(the items of a goals list parted as in a government report)
    ("今年主要预期目标：全县生产总值增长7%左右；一般公共预算收入增长6%；城镇新增就业4500人。",
     ["target", "target", "target"]),
    ("年度目标任务：新增就业5000人；实际完成5600人。", ["target", "actual"]),
    # a target noun right before its number
    ("全年植树任务8000株，实际完成8600株。", ["target", "actual"]),
    ("完成目标任务113.4%。", ["completion_rate"]),
    ("单位整体绩效目标1分。", ["full_target"]),
    # 执行率 is a completion rate
    ("项目资金执行率97.5%。", ["completion_rate"]),
    # a change word cut to one character after 同比; a change against a year named
    # (GUIDE.md: growth is against an earlier period of the same indicator)
    ("全年生猪出栏量6.7万头，同比增12.6%。", ["actual", "growth"]),
    ("全县城镇化率达到55.1%，比2021年提高了3.4个百分点。", ["actual", "growth"]),
    ("全县城镇化率达到55.1%，比“十三五”末提高了9个百分点。", ["actual", "growth"]),
    ("全县城镇化率达到55.1%，比全省高2.3个百分点。", ["actual", "difference"]),
    # a share of the plan without 的 (占年度投资计划52.6%), 实现…目标数的 and 完成…目标数 as
    # completions; a pace written 时序进度; what is still short (距均衡差); a target 设定为
    ("完成投资8.6亿元，占年度投资计划52.6%，超时序进度4.1个百分点。", ["actual", "completion_rate", "difference"]),
    ("新增就业1.9万人，完成全年目标数71.2%；参保31.3万人，实现全年目标数的93.6%。",
     ["actual", "completion_rate", "actual", "completion_rate"]),
    ("完成地税6197万元，距均衡差186万元。", ["actual", "difference"]),
    ("明年城镇新增就业目标设定为6500人。", ["target"]),
    # the bodies a clause reports on as its subject, before what they did as a whole
    ("全县纳入统计的14个景区接待游客186.2万人次。", ["other", "actual"]),
    ("全年新建6个污水处理厂，总投资2.8亿元。", ["actual", "actual"]),
    # a gap to the usual level of many years (较多年同期偏少: not the adverb 较多)
    ("全县水库蓄水量为2.06亿立方米，较多年同期偏少0.37亿立方米。", ["actual", "difference"]),
    ("全年降水量为716毫米，比常年偏多12.4%。", ["actual", "difference"]),
    # 上涨, 下跌, 回升 are changes
    ("全市居民消费价格上涨1.8%，工业生产者出厂价格下跌2.6%。", ["growth", "growth"]),
    ("制造业采购经理指数回升0.7个百分点。", ["growth"]),
    # 将达到 after 预计 is the forecast's
    ("预计到年底全市常住人口将达到120万人。", ["forecast"]),
    ("明年将新建幼儿园6所。", ["target"]),
    # a share of the budget is a completion rate, as one of the plan is
    ("税收收入完成8.6亿元，为年度预算的96.3%。", ["actual", "completion_rate"]),
    ("预算支出为预算执行数的98%。", ["actual"]),
    # a planned change states the target, as after 力争
    ("明年贷款余额计划净增8亿元。", ["target"]),
    ("全年计划增长6.5%。", ["target"]),
    # a change against the plan is a gap to it (GUIDE.md difference)
    ("实际支出比计划增加120万元。", ["difference"]),
    ("地方财政收入较年初预算减少3%。", ["difference"]),
    ("全县粮食产量比上年增加3万吨。", ["growth"]),
    # a gap over a target some level set is a difference
    ("全县参保率98.2%，超过市定目标3.2个百分点。", ["actual", "difference"]),
    # the requirement a rule rewards, a completion rate too, or with full points
    ("任务完成率达到100%的得4分。", ["full_target", "other"]),
    ("办结率达到95%以上得满分。", ["full_target"]),
    # a clause of nothing but a target or forecast cue and a time leads the next
    ("力争到年底，全县森林覆盖率提高到45%。", ["target"]),
    ("预计到年底，全县城镇化率将达到58%左右。", ["forecast"]),
    ("预计到年底，全县生产总值增长8%，财政收入增长5%。", ["forecast", "growth"]),
    ("到年底，全县森林覆盖率提高到45%。", ["actual"]),
    # the target named before 完成 and a rate right after it
    ("就业任务已完成96.4%。", ["completion_rate"]),
    ("全年任务完成120万元。", ["actual"]),
    # the gap after a comparison with the target is a difference
    ("全县失业率3.1%，低于市控制目标0.9个百分点。", ["actual", "difference"]),
    # 周岁 is an age, like 岁 (other)
    ("年满60周岁的老年人全部纳入保障范围。", ["other"]),
    # a budget right before its number is the plan; not after 完成
    ("本年预算1850万元，执行数1790万元。", ["target", "actual"]),
    ("收入完成预算91.2%。", ["completion_rate"]),
    # a step of a scoring rule written with a longer verb
    ("完成率每低于目标2个百分点扣1分。", ["other", "other"]),
    # a row of figures run into the text: each field has its own cue
    ("固定资产投资 目标50亿元 完成46.3亿元 完成率92.6%", ["target", "actual", "completion_rate"]),
    ("新建校舍 3200 平方米，增长 12.5%", ["actual", "growth"]),
    # an other cue (年龄, 抽查) is the number's right after it, and a list's
    ("年龄在35岁以下的干部占42%。", ["other", "actual"]),
    ("随机抽查3个社区、5个村。", ["other", "other"]),
    # a sentence announcing the coming period's work governs its paragraph
    ("下一步，我们要重点做好四方面工作。一是培训农民3000人次；二是新建村级站点12个。", ["target", "target"]),
    ("下一步，我们要重点做好四方面工作。\n全年培训农民3000人次。", ["actual"]),
    ("今年全县培训农民3000人次，明年将继续做好培训工作。新建站点12个。", ["actual", "actual"]),
    # a quantity whose own words say it changed (翻了一番) is a growth, or a target after 力争
    ("五年来全县工业产值翻了一番。", ["growth"]),
    ("力争到2030年全县工业产值翻一番。", ["target"]),
    # stop 28: a net change against an earlier period is growth; a bare 净增 is what the year added
    ("全县市场主体达到5.2万户，较上年净增3100户。", ["actual", "growth"]),
    ("全年净增市场主体3100户。", ["actual"]),
    # an amount against the budget or the plan is a gap to it, not a change over time
    ("税收收入完成6.4亿元，比年初预算多收0.3亿元。", ["actual", "difference"]),
    ("全年完成造林1.2万亩，比计划多0.2万亩。", ["actual", "difference"]),
    # a number the words 的控制目标 follow is that target
    ("城镇调查失业率为4.6%，低于5.5%的控制目标。", ["actual", "target"]),
    # a score the self-assessment gives is achieved; points a rule gives are other
    ("本项满分6分，经自评得5.5分。", ["full_target", "actual"]),
    ("未按期报送的扣1分。", ["other"]),
    # units of an organisation after 下设/内设 are background
    ("中心内设5个科室，全年受理业务1.6万件。", ["other", "actual"]),
    # a plan with any verb, 规划, a budget's allocation: targets; a spending pace: a completion rate
    ("全年计划举办招聘会12场，已举办10场。", ["target", "actual"]),
    ("十五五期间规划新建养老服务中心8个。", ["target"]),
    ("年初预算安排奖补资金500万元，已拨付420万元，拨付进度84%。", ["target", "actual", "completion_rate"]),
    ("今年全县计划生育率为96.5%。", ["actual"]),
    # 根据测算， and 明年， lead the clause after them
    ("经测算，全年农业总产值可增长4%。", ["forecast"]),
    ("明年，全县新增城镇就业5000人以上。", ["target"]),
    # a level before a noun (省级) is no count of provinces; 缩短 is a change
    ("全市共有8个省级特色小镇。", ["actual"]),
    ("平均审批时间为4.5天，较上年缩短1.5天。", ["actual", "growth"]),
    # the 比 of 占比 is no comparison; a share with a bound is a share unless its class is counted
    ("其中非税收入占比提高到24%。", ["actual"]),
    ("中小企业贡献了60%以上的税收。", ["actual"]),
    ("收入50%以上来自种植业的农户有320户。", ["other", "actual"]),
    # stop 29: a share of the target whose number has a thousands comma; 较 as 比 (not the adverb 较快)
    ("全县完成税收18,360万元，为年度目标16,000万元的114.8%。", ["actual", "target", "completion_rate"]),
    ("外来务工人员工资较全市平均水平低6.2%，增速较上年提高0.4个百分点。", ["difference", "growth"]),
    # a gap to a scoring level (not a rate after it: the level passed); the basic points' requirement
    ("全年引资6.8亿元，超出基本任务0.8亿元。", ["actual", "difference"]),
    ("参保率达到92%，已超过基本任务90%。", ["actual", "basic_target"]),
    ("按时办结率达到85%的得基本分。", ["basic_target"]),
    # an item's 分值 is its maximum points; divisions named 行政区; 将 with a plan's verbs; 编列
    ("本项指标分值8分，自评得分7分。", ["full_target", "actual"]),
    ("全省辖13个地级市。", ["other"]),
    ("明年将新开工保障性住房1200套。", ["target"]),
    ("全年岁出编列3,200亿元。", ["target"]),
    # a clause that names an earlier period is outside a forecast's scope
    ("预计今年粮食产量增长2%，去年为1.5%。", ["forecast", "actual"]),
    # against an earlier quarter a change is growth (加快, 放缓, 收窄 too); a parenthesis
    # right after a target word gives the target's values
    ("上半年地区生产总值增长6.2%，比一季度加快0.6个百分点。", ["growth", "growth"]),
    ("全年发生火灾12起，低于市下达的控制指标（15起）。", ["actual", "target"]),
    # an organisation's units named before their count are background
    ("县局下设派出所11个，内设科室7个。", ["other", "other"]),
    # a gap to a benchmark named after the comparison word (标准, 目标, 目标值)
    ("平安建设群众满意度96.1%，高于省定标准1.1个百分点。", ["actual", "difference"]),
    ("垃圾分类覆盖率92%，高于省定目标4个百分点。", ["actual", "difference"]),
    ("完成情况：超过目标值2.7个百分点。", ["difference"]),
    # a label's colon before a score is no clock
    ("分值：8分\n自评得分：7.5分\n", ["full_target", "actual"]),
    # stop 30: a line that is a target heading's title alone, with no numbered
    # marker, governs the lines after it; a report of what was done is not under it
    ("本单位明年工作目标\n完成营业收入36亿元，新增客户800户。\n二、今年完成情况\n完成营业收入31亿元。\n",
     ["target", "target", "actual"]),
    ("本单位明年工作目标\n| 指标 | 数值 |\n| 营业收入 | 36 |\n", ["actual"]),
    # the whole a share is of is no target (unless a plan names it)
    ("全镇党员中女党员410名，占党员总数1640名的25%。", ["actual", "actual", "actual"]),
    ("截至9月底已完成投资6.3亿元，占年度计划投资9亿元的70%。", ["actual", "target", "completion_rate"]),
    # 比上年的…多: the earlier level named between, the amount more is growth
    ("全年实现税收8650万元，比上年的8100万元多550万元。", ["actual", "actual", "growth"]),
    # stop 30's background forms (switch background_forms): a body's make-up, an
    # example, a bound that qualifies a noun, where a place lies
    ("协会下设7个专业分会，全年开展活动56场。", ["other", "actual"]),
    ("调查组由6名干部组成，共走访农户930户。", ["other", "actual"]),
    ("新建了由28台设备组成的检测中心。", ["actual"]),
    ("培训分8期进行，全年培训学员1640人次。", ["other", "actual"]),
    ("全年给予党纪处分19人。", ["actual"]),
    ("如某农户贷款6万元，可贴息2400元。全年发放贴息贷款1.2亿元。", ["other", "other", "actual"]),
    ("年收入超过50万元的村达到12个。", ["other", "actual"]),
    ("该村位于镇政府以南6.5公里，全村户籍人口2830人。", ["other", "actual"]),
    ("经自评，综合得分为 96.5分。", ["actual"]),
    # stop 30's scoring forms (switch scoring_forms): the unit's own score after
    # words that say so, or opening a clause after a value reported with no condition
    ("本项满分8分，该项得7分。", ["full_target", "actual"]),
    ("全县覆盖率93.6%，得4.2分。", ["actual", "actual"]),
    ("覆盖率达到95%以上的，得5分。", ["full_target", "other"]),
    ("全县覆盖率93.6%，扣0.8分。", ["actual", "other"]),
    # stop 30's target forms: a plan with its year or 年内 before the verb, more plan
    # verbs (化解, 办理), 拟安排; 推算 as a forecast (switch target_forms), over the
    # clause after it too
    ("公司计划2026年完成技改投资3.2亿元，年内计划化解债务1.1亿元。", ["target", "target"]),
    ("明年拟安排专项资金600万元。", ["target"]),
    ("推算全年，全县可实现税收8.3亿元。", ["forecast"]),
    # a control figure's values (GUIDE.md: 控制在…以内), after a colon or 分别为
    ("省下达的控制指标为：火灾起数30起，死亡人数4人。", ["target", "target"]),
    ("全年发生火灾21起，控制指标分别为30起、4人。", ["actual", "target", "target"]),
    # stop 30's progress forms: a share of the year's budget is a completion (not of
    # 预算支出, a measure); a formal 之 as 的; a table's 占预算 and 比上月 columns
    ("1-9月救助支出占年度预算2400万元的71.5%。", ["target", "completion_rate"]),
    ("教育支出占一般公共预算支出的比重为18.6%。", ["actual"]),
    ("本年度收購公糧2.6萬公噸，達年度計畫量3萬公噸之86.7%。", ["actual", "target", "completion_rate"]),
    ("项目 | 年初预算(万元) | 1-6月完成(万元) | 占预算(%) | 比上月提高(百分点)\n"
     "税收收入 | 62000 | 30380 | 49.0 | 8.5\n", ["target", "actual", "completion_rate", "growth"]),
    # a change against a named earlier month, and of the pace against last year's
    ("6月份新增就业4120人，比5月份多310人。", ["actual", "growth"]),
    ("参保率97.2%，较6月末提高0.4个百分点。", ["actual", "growth"]),
    ("夏粮收购进度比去年同期快3.5个百分点。", ["growth"]),
    # label：value records: a label that a table header's words name decides the role
    ("计划总投资：2600万元\n本年完成投资：980万元\n完成率：37.7%\n同比：+4.1%\n",
     ["target", "actual", "completion_rate", "growth"]),
    ("年 度 目 标 ： 900 户\n实 际 完 成 ： 936 户\n", ["target", "actual"]),
    ("道路长度：12.6公里；总投资：3800万元\n", ["actual", "actual"]),
])

def test_role_rules_for_the_written_forms(pipeline, text, roles):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [q.role for q in doc.quantities if q.value is not None] == roles


def test_a_share_of_the_plan_column_is_a_completion_rate_and_checked(pipeline):
    """A column headed 占年度目标 holds completion rates (stop 27, role_forms_tables.txt),
    so a rate that is not done / plan is flagged; 增减（%） heads changes."""
    text = "指标 | 目标任务 | 1-9月完成 | 占年度目标\n新增就业（人） | 4000 | 3320 | 93%\n"
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [q.role for q in doc.quantities] == ["target", "actual", "completion_rate"]
    assert [f.code for f in doc.flags] == ["R303"]
    text = "指标 | 本年 | 上年 | 增减（%）\n税收收入（亿元） | 20.5 | 19.0 | 7.9\n"
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [q.role for q in doc.quantities] == ["actual", "actual", "growth"]


def test_a_record_naming_only_a_role_takes_the_indicator_named_above(pipeline):
    """指标名称：X over 目标值：/完成率：/同比： records (one block); a label that names
    a measure (计划总投资) keeps it; a blank line ends the block."""
    text = ("指标名称：农村危房改造\n目标值：900户\n完成率：104%\n计划总投资：2600万元\n\n"
            "目标值：500户\n")
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [q.indicator for q in doc.quantities] == ["农村危房改造", "农村危房改造", "计划总投资", None]


# stop 31 (role_forms_stop30_layouts.txt): a header that goes on in the table's
# second row, whose first cell is empty (tables written for this test)
TWO_ROW_HEADER = ("支出执行情况\n单位：万元\n项目 | 年初 | 调整后 | 执行数 | 执行率\n | 预算数 | 预算数 |  | （%）\n"
                  "教育支出 | 5200 | 5400 | 5130 | 95.0\n卫生支出 | 3100 | 3000 | 2940 | 98.0\n")


@pytest.mark.parametrize("text, roles", [
    (TWO_ROW_HEADER, ["target", "target", "actual", "completion_rate"] * 2),
    # outer bars are no cells
    ("| 项目 | 目标 | 完成 |\n| 投资（亿元） | 12 | 13 |\n", ["target", "actual"]),
    # a second row of numbers is no header
    ("项目 | 目标 | 完成\n投资（亿元） | 12 | 13\n用地（亩） | 300 | 310\n", ["target", "actual"] * 2),
    # headers: what was approved, what is still short, a signed gap to a benchmark, an attainment rate
    ("部门 | 核定补助（万元） | 已争取（万元） | 尚差（万元） | 达成率（%）\n水利局 | 800 | 650 | 150 | 81.3\n",
     ["target", "actual", "difference", "completion_rate"]),
    ("镇 | 人均收入（元） | 高于（+）低于（-）全县平均（元）\n东镇 | 24100 | +1300\n西镇 | 21500 | -1300\n",
     ["actual", "difference"] * 2),
    # a key/value table of two columns: a header that names no role leaves it to the row's label
    ("项目\t内容\n年度预算资金（万元）\t480\n实际到位资金（万元）\t470\n资金执行率\t97.9%\n",
     ["target", "actual", "completion_rate"]),
    ("指标 | 数值\n常住人口（万人） | 31.2\n计划生育率（%） | 95.4\n", ["actual", "actual"]),
    # (not in a wider table, where a column may hold what the label does not say)
    ("项目 | 单位 | 数值\n年度预算资金 | 万元 | 480\n", ["actual"]),
])
def test_table_headers_over_two_rows_and_their_words(pipeline, text, roles):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [q.role for q in doc.quantities] == roles


def test_a_docx_table_whose_header_goes_on_in_its_second_row(pipeline, tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=3, cols=4)
    for r, row in enumerate([["项目", "本年度", "本年度", "达成率"], ["", "目标值", "实际值", "（%）"],
                             ["照护服务人数（人）", "8500", "9126", "107.4"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = tmp_path / "t.docx"
    document.save(path)
    doc = pipeline.analyze(path)
    assert [(q.text, q.role) for q in doc.quantities] == [
        ("8500", "target"), ("9126", "actual"), ("107.4", "completion_rate")]
