"""Text as PDF conversion leaves it (a newline every printed line, a space on
each side of a number) reads like the same text written plainly, and every
span still points at the file's own characters."""

import pytest

from reportmine.compact import compaction, removals

PLAIN = ("一、主要指标完成情况\n"
         "全年全县完成地区生产总值256.8亿元，同比增长6.5%，完成年度目标250亿元的102.7%。"
         "其中第一产业增加值40.2亿元，第二产业增加值98.6亿元，第三产业增加值118亿元。"
         "城镇新增就业3200人，完成年度任务3000人的106.7%；城镇登记失业率控制在3.2%以内。"
         "全年共接待游客480万人次，比上年增长12.3%，旅游总收入达到52.6亿元，比上年增长15.1%。\n"
         "二、存在的问题\n"
         "部分项目推进较慢，全县规模以上工业企业达到126家，比上年增加8家，增长6.8%。\n")


def wrapped(text, width=30):
    out = []
    for line in text.split("\n"):
        out.append("\n".join(line[i:i + width] for i in range(0, len(line), width)))
    return "\n".join(out)


def spaced(text):
    import re
    return re.sub(r"(?<=[\u4e00-\u9fff，。])(?=\d)|(?<=\d)(?=[\u4e00-\u9fff%])", " ", text)


def analyze(pipeline, text):
    return pipeline.analyze_bytes(text.encode("utf-8"), "pdf-copy.txt")


def readings(doc):
    return [(q.norm_value, q.norm_unit, q.role, q.indicator) for q in doc.quantities]


def flags(doc):
    return sorted((f.type, f.subtype) for f in doc.flags)


@pytest.mark.parametrize("variant", [wrapped, spaced, lambda t: wrapped(spaced(t), 28),
                                     lambda t: wrapped(t).replace("\n", "\r\n")],
                         ids=["wrapped", "spaced", "both", "windows-wrapped"])
def test_a_pdf_copy_reads_like_the_plain_text(pipeline, variant):
    text = variant(PLAIN)
    assert text != PLAIN
    plain, copy = analyze(pipeline, PLAIN), analyze(pipeline, text)
    assert readings(copy) == readings(plain)
    assert flags(copy) == flags(plain)
    assert len(copy.meta["verified"]) == len(plain.meta["verified"]) > 0
    assert copy.text == text
    for q in copy.quantities:
        assert text[q.start:q.end] == q.text
    for f in copy.flags:
        assert text[f.start:f.end] == f.text
        assert all(text[e["start"]:e["end"]] == e["text"] for e in f.evidence)
    for v in copy.meta["verified"]:
        assert all(0 <= s < e <= len(text) for s, e in v["spans"])
    assert [s.title for s in copy.sections] == ["主要指标完成情况", "存在的问题"]


def test_a_broken_relation_across_a_printed_line_is_flagged(pipeline):
    text = wrapped("全镇总人口8000人，其中农业人口5000人，占全镇总人口的65.2%，比上年略有下降，外出务工人员有所增加，"
                   "全年新增城镇就业岗位1200个，农村劳动力转移就业人数稳步上升，社会保障覆盖面继续扩大。", 20)
    assert text.count("\n") >= 4
    doc = analyze(pipeline, text)
    (flag,) = [f for f in doc.flags if f.type == "inconsistency"]
    assert "5000人/8000人" in flag.arithmetic
    assert flag.text == text[flag.start:flag.end]


def test_a_number_split_by_a_printed_line_keeps_its_whole_span(pipeline):
    text = ("全年全县共完成固定资产投资额达到了12\n8.6亿元，比上年增长百分之十左右，总\n体保持平稳增长态势良好，各项工作有序\n"
            "推进，重点项目建设取得明显成效，民生\n投入持续加大，人民群众获得感不断增强\n。\n")
    doc = analyze(pipeline, text)
    q = next(q for q in doc.quantities if q.norm_unit == "元")
    assert q.norm_value == pytest.approx(128.6e8)
    assert q.text == "12\n8.6亿元"


def test_lines_that_end_their_sentences_or_open_items_stay_apart():
    text = ("全县完成投资120亿元，增长8%，完成年度目标。\n"
            "1、工业投资完成60亿元，同比增长6.5%，主要来自新建项目\n"
            "2、农业投资完成20亿元，同比增长3.5%，主要来自高标准农田\n"
            "| 指标 | 2023年 | 2024年 |\n"
            "| 投资 | 110 | 120 |\n")
    assert all(text[s:e].strip() == "" or text[s:e] == " " for s, e in removals(text, "txt"))
    assert "\n" not in "".join(text[s:e] for s, e in removals(text, "txt"))


def test_columns_and_headings_keep_their_spaces():
    text = "门诊收入  5053.28  5363.02\n住院收入 2551.77 2333.68\n一、工作目标 2024年全年完成投资 120 亿元\n"
    cut = removals(text, "txt")
    kept = compaction(text, cut).text
    assert "门诊收入  5053.28  5363.02" in kept and "住院收入 2551.77 2333.68" in kept
    assert kept.endswith("一、工作目标 2024年全年完成投资120亿元\n")


def test_the_map_moves_spans_back():
    text = "新建校舍 3200 平方米，完成投资 1.2 亿元。"
    c = compaction(text, removals(text, "txt"))
    assert c.text == "新建校舍3200平方米，完成投资1.2亿元。"
    s = c.text.index("3200平方米")
    assert c.span(s, s + len("3200平方米")) == (text.index("3200"), text.index("平方米") + 3)
    assert all(c.source(c.compact(i)) == i for i, ch in enumerate(text) if ch != " ")


def test_a_page_footer_inside_a_paragraph_is_read_across(pipeline):
    body = ("全县共完成固定资产投资120亿元，其中工业投资80亿元，基础设施投资\n"
            "— 3 —\n"
            "30亿元，民生投资10亿元。\n"
            "第4页 共9页\n"
            "二、存在的问题\n")
    doc = analyze(pipeline, body)
    sums = [v for v in doc.meta["verified"] if v["kind"] == "sum"]
    assert sums and "80亿元 + 30亿元 + 10亿元" in sums[0]["arithmetic"]
    assert [s.title for s in doc.sections] == ["存在的问题"]
    assert all(body[q.start:q.end] == q.text for q in doc.quantities)
    assert not any("— 3 —" in q.text or "第4页" in q.text for q in doc.quantities)


def test_spaces_inside_table_cells_go_and_the_cell_padding_stays(pipeline):
    text = ("| 单位 | 计分 | 得分 |\n"
            "| 东区 | 得分=招商任务完成率 104 %× 0.5 = 0.52 | 0.52 |\n"
            "| 项目 | 上年 | 本年 | 增减额 | 增减率 |\n"
            "| 门诊人次 | 9216 | 8704 | - 512 | - 5.56 % |\n")
    kept = compaction(text, removals(text, "txt")).text
    assert "| 得分=招商任务完成率104%×0.5=0.52 | 0.52 |" in kept
    assert "| 9216 | 8704 | -512 | -5.56% |" in kept
    doc = analyze(pipeline, text)
    values = {q.text: q.norm_value for q in doc.quantities}
    assert values["- 512"] == -512 and values["- 5.56 %"] == pytest.approx(-0.0556)
    assert values["0.5"] == 0.5 and values["0.52"] == 0.52


def test_a_spaced_range_is_one_range_and_a_row_of_figures_stays():
    text = "全县引进投资 5 - 20 亿元项目6个，20 亿元以上项目2个。\n指标 4410.5 3980.2 - 430.3 18\n"
    kept = compaction(text, removals(text, "txt")).text
    assert kept.startswith("全县引进投资5-20亿元项目6个，20亿元以上项目2个。")
    assert "4410.5 3980.2 - 430.3 18" in kept


@pytest.mark.parametrize("written, unit, value", [("全线新修道路 86 km ，", "公里", 86),
                                                   ("新建标准厂房 4500 m 2 ，", "平方米", 4500),
                                                   ("细颗粒物年均浓度 31 ug/m 3 ，", "微克/立方米", 31),
                                                   ("出水化学需氧量 28 mg/L ，", "毫克/升", 28),
                                                   # an ASCII comma right after the exponent ends the clause
                                                   ("二氧化氮年均浓度 26 μg/m 3,", "微克/立方米", 26)])
def test_a_latin_unit_set_apart_from_its_number_is_read(pipeline, written, unit, value):
    doc = analyze(pipeline, written + "较上年有所提高。")
    (q,) = doc.quantities
    assert (q.norm_unit, q.norm_value) == (unit, value)
    assert q.text == written[written.index(str(value)):].rstrip(" ，,")


def test_a_row_of_figures_keeps_its_spaces_before_a_latin_unit():
    text = "道路里程 4410 3980 km\n全长 12 km 3 段道路\n"
    kept = compaction(text, removals(text, "txt")).text
    assert "4410 3980 km" in kept and "全长12km 3段道路" in kept


def test_a_table_row_broken_by_the_printed_line_or_a_page_goes_on():
    lines = ["全区各项医疗指标运行总体平稳，门诊和住院服务量保持增长，费用控制见到成效",
             "，现将三季度主要指标变化情况列表如下，请各单位对照分析并抓好整改落实。",
             "项目 | 上年同期 | 本年 | 增长额 | 增长率 |",
             "门诊收入(万元) | 3612.40 | 3804.10 | 191.7",
             "0 | 5.31% |",
             "住院人次(人) | 4120 | 3986 | -134 | -3.25% |",
             "药品收入(万元) | 1502.33 | 1420.18 | -82.15 | -",
             "5.47% |",
             "以上指标中，住院服务量有所下降，药品收入占比继续回落，耗材收入基本持平。"]
    text = "\n".join(lines) + "\n"
    kept = compaction(text, removals(text, "txt")).text
    assert "| 191.70 | 5.31% |\n" in kept and "| -82.15 | -5.47% |\n" in kept
    assert "| -134 | -3.25% |\n" in kept and "增长率 |\n" in kept
    paged = "门诊收入(万元) | 3612.40 | 3804.10\n- 7 -\n | 191.70 | 5.31% |\n住院人次(人) | 4120 | 3986 | -134 | -3.25% |\n"
    kept = compaction(paged, removals(paged, "txt")).text
    assert "| 3804.10 | 191.70 | 5.31% |\n住院人次" in kept


def test_prose_wrapped_beside_a_table_of_short_cells_is_read_across():
    prose = ("本年度项目实际下达预算资金共计2860万元，全年实际支出2851.4万元，项目预算执行率"
             "为99.7%。未执行完的资金主要为应征入伍学生资助经费，因不足一名学生的最低资助标准"
             "，将结转下一年度继续使用，并按规定程序报批后统筹安排。下一步将加强预算执行进度的"
             "监控，按月通报各项目支出情况，确保资金及时足额发放到位，同时做好绩效自评和结果"
             "公开工作，接受社会监督。")
    cells = "\n".join(f"指标{i} |\n{i}分 |" for i in range(1, 21))
    text = cells + "\n" + "\n".join(prose[i:i + 40] for i in range(0, len(prose), 40)) + "\n"
    kept = compaction(text, removals(text, "txt")).text
    assert prose in kept
    assert cells in kept


def test_a_pdf_page_footer_is_not_read_as_the_text_that_goes_on(pipeline, tmp_path):
    """The last words of a page before its footer: a number there ends its
    sentence (the footer's dash is no range, the number is not cut off)."""
    import render_helpers as rh

    path = tmp_path / "paged.pdf"
    c = rh.canvas(path)
    for page, line in enumerate(["全年新增贷款投放12.6亿元，新发放贷款不良率0.21%。",
                                 "截至年末，关注类贷款余额占全部贷款0.46"]):
        c.setFont("STSong-Light", 12)
        c.drawString(72, 800, "某县农村信用社年度经营情况")
        c.drawString(72, 760, line)
        c.drawString(280, 40, f"- {page + 1} -")
        c.showPage()
    c.save()
    doc = pipeline.analyze(path)
    marks = [(b.kind, doc.text[b.start:b.end]) for b in doc.boilerplate]
    assert marks == [("page_header", "某县农村信用社年度经营情况"), ("page_footer", "- 1 -"),
                     ("page_header", "某县农村信用社年度经营情况"), ("page_footer", "- 2 -")]
    assert [q.text for q in doc.quantities] == ["12.6亿元", "0.21%", "0.46"]
    assert not [f for f in doc.flags if f.type == "missing_number"]
    assert all(doc.text[q.start:q.end] == q.text for q in doc.quantities)


from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = st.sampled_from(["全年", "完成", "投资", "12", "3.5", "%", "亿元", " ", "  ", "\n", "\r\n", "。", "，",
                           "一、", "— 3 —", "|", "\t", "万元", "增长", "第2页 共9页", "\u3000"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=80))
def test_compaction_is_the_source_less_its_cuts_and_maps_back(pieces):
    text = "".join(pieces)
    cuts = removals(text, "txt")
    assert all(0 <= s < e <= len(text) for s, e in cuts)
    c = compaction(text, cuts)
    cut_at = set()
    for s, e in cuts:
        cut_at.update(range(s, e))
    assert c.text == "".join(ch for i, ch in enumerate(text) if i not in cut_at)
    kept = [i for i in range(len(text)) if i not in cut_at]
    assert [c.source(j) for j in range(len(c.text))] == kept
    assert all(c.compact(i) == j for j, i in enumerate(kept))
    for s in range(0, len(c.text), 3):
        for e in range(s + 1, min(len(c.text), s + 9) + 1):
            a, b = c.span(s, e)
            assert 0 <= a < b <= len(text) and text[a] == c.text[s] and text[b - 1] == c.text[e - 1]


def test_a_short_wrapped_paragraph_is_joined_from_three_full_lines(pipeline):
    """Stop 29: a paragraph of four printed lines (three full, breaking a cue and a
    number) is read as one, as a longer page is."""
    text = ("全年全县一般公共预算收入完成8.6亿元，同比增\n长6.5%，其中税收收入完成6.1亿元，占一般公共预\n"
            "算收入的比重为70.9%，比上年提高1.2个百分点，\n财政收入质量持续向好。\n")
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [(q.text, q.role) for q in doc.quantities] == [
        ("8.6亿元", "actual"), ("6.5%", "growth"), ("6.1亿元", "actual"), ("70.9%", "actual"),
        ("1.2个百分点", "growth")]


def fragmented(text):
    """A web page copied with each number (and each number with its unit) on a
    line of its own, as some report sites lay out figures in spans."""
    import re
    return re.sub(r"(\d[\d.]*%?)", r"\n\1\n", text).replace("\n\n", "\n")


def test_a_text_with_its_numbers_on_lines_of_their_own_reads_like_the_plain_text(pipeline):
    plain = analyze(pipeline, PLAIN)
    broken = fragmented(PLAIN)
    assert broken.count("\n") > 30
    doc = analyze(pipeline, broken)
    assert readings(doc) == readings(plain)
    assert flags(doc) == flags(plain)
    assert all(doc.text[q.start:q.end] == q.text for q in doc.quantities)


def test_three_numbers_on_lines_of_their_own_are_enough_to_read_the_page_as_prose(pipeline):
    """Stop 46: a short page with three numbers each on a line of its own, the
    sentence going on after each (受理业务⏎86421⏎件，日均…⏎352⏎多件，…): the
    numbers keep their units (the fragments rule asked for five such lines)."""
    text = ("政务服务中心全年共受理业务\n86421\n件，日均受理量由开办之初的\n120\n多件，逐年增长到目前的\n352\n"
            "多件，群众满意率保持在较高水平。\n")
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [(q.text, q.unit, q.approx) for q in doc.quantities] == [
        ("86421\n件", "件", None), ("120\n多件", "件", "more"), ("352\n多件", "件", "more")]


def test_a_table_written_one_cell_a_line_is_no_fragmented_prose():
    text = ("指标名称\n年度目标\n实际完成\n完成率\n城镇新增就业（人）\n3000\n3200\n106.7%\n"
            "新增市场主体（户）\n5500\n5860\n106.5%\n农村劳动力转移（人）\n1800\n1950\n108.3%\n"
            "技能培训（人次）\n2400\n2600\n108.3%\n创业担保贷款（万元）\n900\n980\n108.9%\n")
    assert removals(text, "txt") == []


@pytest.mark.parametrize("text, expected", [
    # stop 42: a number ending a line of prose whose unit, multiplier or % opens the next line
    ("全县生猪存栏0.36\n万头，同比增长3%。", [("0.36\n万头", 3600), ("3%", 0.03)]),
    ("三项工作分别完成全年目标的95%、60%、97\n%，进度良好。", [("95%", 0.95), ("60%", 0.6), ("97\n%", 0.97)]),
    ("实现营业收入15.4\n亿元，增长5%。", [("15.4\n亿元", 1540000000), ("5%", 0.05)]),
    # a blank line between is a paragraph's end; a table row keeps its line ends
    ("全县生猪存栏0.36\n\n万头工程开工。", []),
    ("| 项目 | 存栏 |\n| 生猪 | 36 |\n万头以上规模场另计\n", [("36", 36)]),
])
def test_a_quantity_broken_before_its_unit_by_a_line_end_is_read_whole(pipeline, text, expected):
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert [(q.text, q.norm_value) for q in doc.quantities] == expected
