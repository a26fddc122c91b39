"""The record builder: claims -> rows (texts written for these tests)."""

import dataclasses
import json

import jsonschema
import pytest

from helpers import add_word_table
from reportmine.document import Document, Quantity
from reportmine.pipeline import Pipeline
from reportmine.records import NAMES, build_records, group_claims, json_schema, load_schema
from reportmine.records.build import claims_in_order

TEXT = (
    "东川县人力资源和社会保障局2022年度目标责任考核自查报告\n"
    "一、主要指标完成情况\n"
    "全市下岗失业人员再就业6384人，完成局下达任务的135%。"
    "亩均工业总产值仅完成72万元，全年预测138万元，连基本任务153.6万元都未达到。\n"
    "全年新农合参合率分别为：北山县98.2%、南河县97.1%、西湖区96.5%。\n"
    "城镇新增就业5600人，完成年度目标5000人的112%，同比增长8.3%。\n"
    "其中，失业人员再就业1530人、就业困难人员实现就业412人，分别完成年度目标的127.5%和103.0%。\n"
    "全年发放创业担保贷款6850万元，完成市下达任务6000万元的124.2%。\n"
)


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    path = tmp_path_factory.mktemp("rec") / "东川县自查报告.txt"
    path.write_text(TEXT, encoding="utf-8")
    doc = Pipeline().analyze(path)
    return doc, build_records(doc)


def find(rows, indicator, org=None):
    hits = [r for r in rows if r["indicator"] and indicator in r["indicator"]
            and (org is None or r["org"] == org)]
    assert len(hits) == 1, [(r["indicator"], r["org"]) for r in rows]
    return hits[0]


def test_actual_and_completion_rate_in_one_record(records):
    doc, rows = records
    r = find(rows, "下岗失业人员再就业")
    assert (r["actual"], r["actual_unit"], r["completion_rate"]) == (6384, "人", 1.35)
    assert r["setter"] == "局" and r["target"] is None and r["computed_completion_rate"] is None
    assert r["quote"] == "全市下岗失业人员再就业6384人，完成局下达任务的135%。"
    assert doc.text[r["start"]:r["end"]] == "6384人，完成局下达任务的135%"
    assert r["status"] == "ok" and r["flag_codes"] == []


def test_actual_forecast_and_basic_target_in_one_record(records):
    _, rows = records
    r = find(rows, "亩均工业总产值")
    assert (r["actual"], r["forecast"], r["basic_target"]) == (720000, 1380000, 1536000)
    assert r["actual_unit"] == "元" and r["completion_rate"] is None


def test_respectively_list_over_counties_gives_one_record_per_county(records):
    _, rows = records
    got = [(r["org"], r["actual"]) for r in rows if r["indicator"] and "参合率" in r["indicator"]]
    assert got == [("北山县", 0.982), ("南河县", 0.971), ("西湖区", 0.965)]


def test_org_from_the_title_when_no_list_names_one(records):
    _, rows = records
    assert find(rows, "城镇新增就业")["org"] == "东川县人力资源和社会保障局"


def test_full_claim_with_computed_completion_rate(records):
    _, rows = records
    r = find(rows, "城镇新增就业")
    assert (r["actual"], r["target"], r["completion_rate"], r["growth"]) == (5600, 5000, 1.12, 0.083)
    assert r["computed_completion_rate"] == 1.12
    assert r["indicator_id"] == "employment.urban_new_jobs"
    assert r["indicator_name"] == "城镇新增就业人数" and r["direction"] == "higher"


def test_respectively_rates_pair_with_the_values_before_them(records):
    _, rows = records
    pairs = {(r["actual"], r["completion_rate"]) for r in rows if r["quote"].startswith("其中")}
    assert pairs == {(1530, 1.275), (412, 1.03)}


def test_inconsistency_flag_is_attached_and_record_flagged(records):
    _, rows = records
    r = find(rows, "创业担保贷款")
    assert r["status"] == "flagged" and r["flag_codes"] == ["R303"]
    assert r["computed_completion_rate"] == round(6850 / 6000, 6) and r["completion_rate"] == 1.242
    assert r["setter"] == "市" and r["growth"] is None   # not in the text: empty, never 0
    assert sum(r["status"] == "flagged" for r in rows) == 1


def test_rows_have_the_columns_in_order_and_validate(records):
    _, rows = records
    assert rows and all(list(r) == list(NAMES) for r in rows)
    validator = jsonschema.Draft202012Validator(load_schema())
    for r in rows:
        validator.validate(json.loads(json.dumps(r, ensure_ascii=False)))
    assert len({r["record_id"] for r in rows}) == len(rows)


def test_shipped_schema_is_the_one_columns_describe():
    assert load_schema() == json.loads(json.dumps(json_schema()))
    jsonschema.Draft202012Validator.check_schema(load_schema())


def test_record_id_is_stable_across_runs_and_paths(tmp_path):
    a = tmp_path / "a" / "报告.txt"
    b = tmp_path / "b" / "copy.txt"
    for p in (a, b):
        p.parent.mkdir()
        p.write_text(TEXT, encoding="utf-8")
    pipeline = Pipeline()
    ids = [[r["record_id"] for r in build_records(pipeline.analyze(p))] for p in (a, a, b)]
    assert ids[0] == ids[1] == ids[2] and ids[0]
    changed = tmp_path / "c.txt"
    changed.write_text(TEXT + "\n", encoding="utf-8")
    assert build_records(pipeline.analyze(changed))[0]["record_id"] != ids[0][0]


def _q(text, sub, role, indicator, value, unit="元", **kw):
    start = text.index(sub)
    return Quantity(start, start + len(sub), sub, value, unit, value, unit, role=role,
                    indicator=indicator, **kw)


def test_every_role_of_a_claim_fills_its_column():
    text = "亩均产值仅完成72万元，全年预测138万元，连基本任务153.6万元都未达到，离满分186.25万元指标相差更远。"
    qs = [_q(text, "72万元", "actual", "亩均产值", 720000),
          _q(text, "138万元", "forecast", "亩均产值", 1380000, period="全年"),
          _q(text, "153.6万元", "basic_target", "亩均产值", 1536000),
          _q(text, "186.25万元", "full_target", "亩均产值", 1862500)]
    doc = Document(id="0" * 64, path="x.txt", format="txt", text=text, quantities=qs)
    (r,) = build_records(doc)
    assert (r["actual"], r["forecast"], r["basic_target"], r["full_target"]) == (
        720000, 1380000, 1536000, 1862500)
    assert r["period"] == "全年" and r["indicator_id"] is None and r["direction"] is None


def test_claims_are_given_as_they_are_final_not_all_held():
    # a draft goes once nothing after it can join it: a long document's drafts are never all held
    sentences = [f"第{i}项工程完成投资{i}亿元，完成年度目标的{100 + i}%。" for i in range(1, 31)]
    text = "".join(sentences)
    qs = []
    for i, sentence in enumerate(sentences, 1):
        offset = text.index(sentence)
        for sub, role, value, unit in ((f"{i}亿元", "actual", i * 1e8, "元"), (f"{100 + i}%", "completion_rate",
                                                                            (100 + i) / 100, "ratio")):
            start = offset + sentence.index(sub, sentence.index("投资"))
            qs.append(Quantity(start, start + len(sub), sub, value, unit, value, unit, role=role,
                               indicator="工程投资"))
    doc = Document(id="2" * 64, path="x.txt", format="txt", text=text, quantities=qs)
    given = claims_in_order(doc)
    held = [len(given.gi_frame.f_locals["drafts"]) for _ in given]
    assert len(held) == 30 and max(held) <= 2
    assert [[q.start for q in d.members] for d in group_claims(doc)] == [[a.start, b.start] for a, b in
                                                                         zip(qs[::2], qs[1::2])]


def test_a_second_value_for_a_taken_slot_starts_a_new_record():
    text = "2019年招商引资12亿元，2020年招商引资15亿元。"
    qs = [_q(text, "12亿元", "actual", "招商引资", 1.2e9, period="2019年"),
          _q(text, "15亿元", "actual", "招商引资", 1.5e9, period="2020年")]
    doc = Document(id="1" * 64, path="x.txt", format="txt", text=text, quantities=qs)
    rows = build_records(doc)
    assert [(r["period"], r["actual"]) for r in rows] == [("2019年", 1.2e9), ("2020年", 1.5e9)]
    assert [r["record_id"] for r in rows] == ["1" * 16 + f"-{text.index('12亿元')}",
                                              "1" * 16 + f"-{text.index('15亿元')}"]


def test_changes_are_signed_and_a_change_amount_gets_its_own_record(tmp_path):
    path = tmp_path / "收支.txt"
    path.write_text("全镇税收收入完成12.5亿元，减少0.6亿元，下降4.6%。"
                    "粮食总产量3.2万吨，增长6.1%，比全市平均水平低1.5个百分点。\n", encoding="utf-8")
    rows = build_records(Pipeline().analyze(path))
    tax = [r for r in rows if r["indicator"] and "税收收入" in r["indicator"]]
    assert [(r["actual"], r["growth"], r["actual_unit"]) for r in tax] == [
        (1.25e9, -0.046, "元"), (None, -6e7, "元")]
    power = [r for r in rows if r["actual"] == 3.2e4]
    assert len(power) == 1 and power[0]["growth"] == 0.061 and power[0]["difference"] == -0.015
    assert power[0]["actual_unit"] == "吨"


@pytest.mark.parametrize("title, org", [
    ("北山县农业农村局2022年度工作总结", "北山县农业农村局"),
    ("关于南河市人民政府办公室2021年目标考核情况的通报", "南河市人民政府办公室"),
    ("2023年西湖区统计公报", "西湖区"),
    ("区教育局2020年工作总结", "区教育局"),
    ("全市就业工作会议上的讲话", None),
    ("常务副市长在全县大会上的讲话", None),
    ("我局对照年初与县委签订的责任书", None),
])
def test_org_names_in_titles(title, org):
    from reportmine.records.org import find_org

    assert find_org(title) == org


def test_record_scores_catch_a_split_claim():
    from reportmine.evaluation import GoldDoc
    from reportmine.evaluation.records import RecordScore, score_records

    text = "城镇新增就业5600人，完成年度目标的112%。"
    gold = [dict(start=6, end=11, text="5600人", norm_value=5600, role="actual", indicator="城镇新增就业"),
            dict(start=19, end=23, text="112%", norm_value=1.12, role="completion_rate",
                 indicator="城镇新增就业")]
    pred = [dict(g) for g in gold]
    together = [{"start": 6, "end": 23, "actual": 5600.0, "completion_rate": 1.12}]
    apart = [{"start": 6, "end": 11, "actual": 5600.0, "completion_rate": None},
             {"start": 19, "end": 23, "actual": None, "completion_rate": 1.12}]
    missing = [{"start": 6, "end": 11, "actual": 5600.0, "completion_rate": None}]
    scores = []
    for records in (together, apart, missing):
        s = RecordScore()
        score_records(GoldDoc("x.txt", gold, []), pred, records, text, s)
        scores.append((s.in_record, s.claims_right, s.pairs_together, s.pairs))
    assert scores == [(2, 2, 1, 1), (2, 2, 0, 1), (1, 2, 0, 1)]


def test_a_claim_that_points_back_joins_the_record_before_it(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("全年城镇新增就业3120人，完成目标任务的104%。按照考核办法，该项指标以3000人为基本任务、"
                    "3300人为满分指标。\n全年新增就业困难人员就业210人。该项工作获得表彰。\n",
                    encoding="utf-8")
    rows = build_records(Pipeline().analyze(path))
    jobs = [r for r in rows if r["actual"] == 3120]
    assert len(jobs) == 1
    assert (jobs[0]["basic_target"], jobs[0]["full_target"], jobs[0]["completion_rate"]) == (3000, 3300, 1.04)
    assert not [r for r in rows if r["indicator"] and r["indicator"].startswith("该项")]


def test_a_table_row_is_one_record(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("西山县统计局2022年主要指标完成情况")
    add_word_table(d, ("指标名称", "年度目标", "完成值", "完成率"), ("城镇新增就业", "5000人", "5600人", "112%"),
                   ("新增农村劳动力转移就业", "8000人", "7600人", "95%"))
    path = tmp_path / "table.docx"
    d.save(path)
    rows = build_records(Pipeline().analyze(path))
    got = [(r["indicator"], r["target"], r["actual"], r["completion_rate"], r["org"]) for r in rows]
    assert [g[1:] for g in got] == [(5000, 5600, 1.12, "西山县统计局"), (8000, 7600, 0.95, "西山县统计局")]
    assert "城镇新增就业" in got[0][0] and "农村劳动力转移就业" in got[1][0]
    assert rows[0]["computed_completion_rate"] == 1.12


def test_numbers_are_clean_and_finite():
    from reportmine.records.build import clean_number

    assert clean_number(41.2 * 1e8) == 4120000000.0 and clean_number(0.1 + 0.2) == 0.3
    assert clean_number(float("inf")) is None and clean_number(float("nan")) is None


@pytest.mark.parametrize("text", [
    "", "。", "一句话。两句话；三\n四！五?六", "没有句号的一段文字", "\n\n甲。；乙\r\n丙",
])
def test_scopes_find_the_sentences_the_claims_stage_finds(text):
    from reportmine.claims.clauses import sentence_start
    from reportmine.records.scopes import Scopes

    scopes = Scopes(Document(id="0" * 64, path="x.txt", format="txt", text=text))
    for pos in range(len(text) + 1):
        assert scopes.sentence_start(pos) == sentence_start(text, pos), pos


def test_an_actual_with_rates_for_two_periods_sits_in_both_their_records(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("全市社保费征缴4200万元，完成一季度目标任务的105%，占全年目标的26%。\n"
                    "全县新增就业1200人，完成年度目标的108%，完成省下达任务的123%。\n", encoding="utf-8")
    rows = build_records(Pipeline().analyze(path))
    fees = [(r["actual"], r["completion_rate"], r["period"]) for r in rows if r["indicator"] == "社保费征缴"]
    assert fees == [(42_000_000, 1.05, "一季度"), (42_000_000, 0.26, "全年")]
    assert len({r["record_id"] for r in rows}) == len(rows)
    second = next(r for r in rows if r["completion_rate"] == 0.26)
    assert second["start"] == next(r for r in rows if r["completion_rate"] == 1.05)["start"]
    # the same period (none given) for both rates: the second is not taken as the same actual's
    jobs = [(r["actual"], r["completion_rate"]) for r in rows if r["indicator"] == "新增就业"]
    assert jobs == [(1200, 1.08), (None, 1.23)]
