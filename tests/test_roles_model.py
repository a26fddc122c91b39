"""The role model: the shipped file is what models/train_roles.py builds, it
loads as plain JSON, and it reads roles in texts written for this test."""

import json

import pytest

from helpers import ROOT, model_script
from reportmine.claims.model import RoleModel, default_model
from reportmine.claims.normalized import View
from reportmine.claims.script import simplified
from reportmine.resources import DataFileError
from reportmine.pipeline import analyze

SHIPPED = ROOT / "src" / "reportmine" / "data" / "roles.json"


def _roles(path, text: str) -> dict[str, str]:
    """Each quantity's role in ``text``, written to ``path`` and analyzed."""
    path.write_text(text, encoding="utf-8")
    return {q.text: q.role for q in analyze(path).quantities}


def _train_module():
    return model_script("train_roles")


def test_model_in_models_is_the_packaged_one():
    assert (ROOT / "models" / "roles.json").read_bytes() == SHIPPED.read_bytes()


def test_shipped_model_is_what_the_script_fits_on_the_stored_features():
    train = _train_module()
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    stored = json.loads((ROOT / "models" / "roles_features.json").read_text(encoding="utf-8"))
    vocab = sorted(shipped["weights"])
    assert len(vocab) == stored["vocabulary_size"]
    rows = [[vocab[i] for i in idx] for _, idx in stored["rows"]]
    labels = [label for label, _ in stored["rows"]]
    refit = train.fit(rows, labels, stored["c"], stored["min_count"], stored["rule_scale"])
    assert refit["classes"] == shipped["classes"]
    assert sorted(refit["weights"]) == vocab
    worst = max(abs(a - b) for f in vocab for a, b in zip(refit["weights"][f], shipped["weights"][f]))
    assert worst < 1e-3
    assert train.model_text(refit).count("\n") == SHIPPED.read_text(encoding="utf-8").count("\n")


def test_stored_features_are_what_the_pipeline_reads_now():
    """The stored rows are the features the pipeline gives the gold documents
    today (the project's corpus, read first, and the shared seeds and realdev
    where this checkout has them): a change to the stages that moves a feature
    must refit the model (python models/train_roles.py)."""
    train = _train_module()
    docs = train.load_all()
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    index = {f: i for i, f in enumerate(sorted(shipped["weights"]))}
    rows, labels = train.training_set(docs)
    stored = json.loads((ROOT / "models" / "roles_features.json").read_text(encoding="utf-8"))["rows"]
    assert rows and [[lab, sorted({index[f] for f in row if f in index})]
                     for row, lab in zip(rows, labels)] == stored[:len(rows)]


def test_model_file_is_validated():
    with pytest.raises(DataFileError):
        RoleModel.from_dict({"schema": "other", "classes": [], "intercept": [], "weights": {}})
    with pytest.raises(DataFileError):
        RoleModel.from_dict({"schema": "reportmine-roles/1", "classes": ["a", "b"], "intercept": [0, 0],
                             "weights": {"x": [1.0]}})


def test_model_is_loaded_once_and_predicts_known_roles():
    model = default_model()
    assert model is default_model()
    assert set(model.classes) >= {"actual", "growth", "target", "completion_rate", "other"}
    probs = model.predict_proba([["bias", "rule:growth", "cue:growth", "L2:增长"]])[0]
    assert abs(sum(probs) - 1) < 1e-9
    assert model.classes[probs.index(max(probs))] == "growth"


@pytest.mark.parametrize("text, expected", [
    ("今年全镇粮食总产量达到5200吨，同比增长3.5%，完成年度目标任务的104%。",
     {"5200吨": "actual", "3.5%": "growth", "104%": "completion_rate"}),
    ("明年力争新增就业岗位800个，预计全年财政收入1.2亿元。",
     {"800个": "target", "1.2亿元": "forecast"}),
    ("今年全鎮參保人數達到5200人，同比增長(zhǎng)3.5%，完成年度目標(biāo)任務的104%。",
     {"5200人": "actual", "3.5%": "growth", "104%": "completion_rate"}),
])
def test_pipeline_roles_in_written_texts(tmp_path, text, expected):
    got = _roles(tmp_path / "report.txt", text)
    for span, role in expected.items():
        assert got.get(span) == role, (span, got)


def test_traditional_page_gives_indicators_in_its_own_script(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("城鎮新增就業(yè)人數5200人，完成目標(biāo)任務的104%。", encoding="utf-8")
    quantities = analyze(path).quantities
    assert [q.indicator for q in quantities] == ["城鎮新增就業人數", "城鎮新增就業人數"]


def test_script_map_keeps_length_and_leaves_simplified_text_alone():
    assert simplified("完成目標任務的個百分點") == "完成目标任务的个百分点"
    text = "今年的完成率为98%"
    assert simplified(text) == text


def test_view_drops_glosses_and_maps_offsets_back():
    text = "增長(zhǎng)3.5%"
    view = View(text)
    assert view.text == "增长3.5%"
    assert view.norm(text.index("3")) == 2
    assert view.orig(2) == text.index("3")
    assert view.original_phrase("增长", 2) == "增長"


def test_eval_prints_a_row_per_document_and_the_role_confusion(tmp_path):
    from click.testing import CliRunner

    from reportmine.cli import cli

    text = "全县新增就业岗位5200个，同比增长3.5%，完成年度目标任务的104%。"
    src, gold_dir, pred_dir = tmp_path / "src", tmp_path / "gold", tmp_path / "pred"
    for d in (src, gold_dir, pred_dir):
        d.mkdir()
    (src / "r.txt").write_text(text, encoding="utf-8")

    def q(span, value, unit, norm, role):
        start = text.index(span)
        return {"start": start, "end": start + len(span), "text": span, "value": value, "unit": unit,
                "norm_value": norm, "norm_unit": unit if unit != "%" else "ratio", "approx": None,
                "role": role, "indicator": "新增就业岗位", "period": None}

    gold = [q("5200个", 5200, "个", 5200, "actual"), q("3.5%", 3.5, "%", 0.035, "growth"),
            q("104%", 104, "%", 1.04, "completion_rate")]
    pred = [dict(gold[0]), dict(gold[1], role="actual"), dict(gold[2])]
    (gold_dir / "r.txt.gold.json").write_text(json.dumps(
        {"schema": "reportmine-gold/1", "doc": "r.txt", "quantities": gold, "flags": []}), encoding="utf-8")
    (pred_dir / "r.txt.json").write_text(json.dumps({"quantities": pred, "flags": []}), encoding="utf-8")
    out = CliRunner().invoke(cli, ["eval", "--gold", str(gold_dir), "--pred", str(pred_dir),
                                    "--sources", str(src)]).output
    lines = out.splitlines()
    assert any(line.startswith("r.txt ") for line in lines)
    growth = next(line for line in lines if line.startswith("growth "))
    assert growth.split()[1:3] == ["1", "."] and growth.split()[-1] == "0.00"
    assert "role accuracy on matched      0.667" in out


def test_pipeline_with_the_role_model(tmp_path):
    from reportmine.pipeline import Pipeline

    text = "今年全镇粮食总产量达到5200吨，同比增长3.5%，完成年度目标任务的104%。"
    doc = Pipeline(role_model=True).analyze_bytes(text.encode("utf-8"), "r.txt")
    got = {q.text: q.role for q in doc.quantities}
    assert got["3.5%"] == "growth" and got["104%"] == "completion_rate"
    assert all(q.indicator is None for q in doc.quantities if q.role == "other")


def test_a_reference_phrase_is_not_the_indicator(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("全镇税收收入累计完成3200万元，完成年初预算数8000万元的40%，比上年增收120万元。",
                    encoding="utf-8")
    got = {q.text: (q.role, q.indicator) for q in analyze(path).quantities}
    assert got["40%"] == ("completion_rate", "税收收入")
    assert got["120万元"][1] == "税收收入"


def test_a_score_in_parentheses_measures_the_item_before_it(tmp_path):
    path = tmp_path / "rules.txt"
    path.write_text("一、档案管理 (15分)\n资料齐全得3分。\n", encoding="utf-8")
    got = {q.text: (q.role, q.indicator) for q in analyze(path).quantities}
    assert got["15分"] == ("full_target", "档案管理")
    assert got["3分"][0] == "other"


def test_cue_word_feature_is_the_cue_that_decided_even_with_a_lookahead():
    # the completion cue 完成…任务 only matches when its lookahead sees the
    # number after it; the cue-word feature must name it, not the shorter
    # target cue 目标任务 that ends at the same place
    from reportmine.claims.features import quantity_features
    from reportmine.pipeline import Pipeline

    doc = Pipeline().analyze_bytes("全县新增就业岗位4800个，完成目标任务113.4%。".encode("utf-8"), "r.txt")
    rate = next(i for i, q in enumerate(doc.quantities) if q.text == "113.4%")
    words = [f for f in quantity_features(doc)[rate] if f.startswith("cuew:")]
    assert doc.quantities[rate].role == "completion_rate"
    assert words == ["cuew:完成目标任务"]


def test_a_forecast_cue_covers_the_clauses_after_it_across_semicolons(tmp_path):
    got = _roles(tmp_path / "report.txt", "预计全年实现地区生产总值85.2亿元，同比增长6.1%；社会消费品零售总额31.4亿元，增长5%。"
                                          "一季度完成投资12亿元。")
    assert got["85.2亿元"] == "forecast" and got["31.4亿元"] == "forecast"
    assert got["6.1%"] == "growth" and got["5%"] == "growth"
    assert got["12亿元"] == "actual"


def test_scoring_steps_with_spaces_and_arrows_for_growth(tmp_path):
    got = _roles(tmp_path / "rules.txt", "市级媒体用稿，每增加 1 篇加 2 分。\n绿色信贷占比31.5%，同比↑6个百分点。\n")
    assert got["1 篇"] == "other" and got["2 分"] == "other"
    assert got["6个百分点"] == "growth"


def test_scoring_rules_requirements_item_points_and_ratio_weights(tmp_path):
    got = _roles(tmp_path / "rules.txt", "(一)档案管理30分(二)安全生产20分\n"
                                         "1.案件办结率达95%得3分；用稿1篇，2分。\n"
                                         "2.水平和进步按6:4计分。\n"
                                         "3.经考核，自评得分18分。\n")
    assert got["30分"] == "full_target" and got["20分"] == "full_target"
    assert got["95%"] == "full_target" and got["3分"] == "other"
    assert got["1篇"] == "full_target" and got["2分"] == "other"
    assert got["6"] == "other" and got["4"] == "other"
    assert got["18分"] == "actual"


def test_a_score_with_a_bound_is_a_requirement_not_an_items_points(tmp_path):
    got = _roles(tmp_path / "plan.txt", "明年工作目标：群众满意度保持在95分以上，投诉办结率不低于98%。\n"
                                        "(一)组织领导10分(二)宣传教育15分\n")
    assert got["95分以上"] == "target"
    assert got["10分"] == "full_target" and got["15分"] == "full_target"


def test_a_budget_set_at_the_start_of_the_year_is_a_target(tmp_path):
    got = _roles(tmp_path / "report.txt", "年初批复预算1200万元，全年实际支出1150万元。")
    assert got["1200万元"] == "target" and got["1150万元"] == "actual"


def test_counts_of_administrative_divisions_are_background(tmp_path):
    got = _roles(tmp_path / "report.txt", "全乡辖8个行政村42个村民小组，总人口1.2万人。新建3个社区服务站。"
                                          "全县150个行政村全部建成卫生室。\n")
    assert got["8个"] == "other" and got["42个"] == "other"
    assert got["3个"] == "actual"
    assert got["150个"] == "actual"


def test_a_bound_that_qualifies_a_noun_names_a_class(tmp_path):
    got = _roles(tmp_path / "report.txt", "全年实施5000万元以上工业项目42个，对年纳税100万元以上的26户企业开展走访。"
                                          "空气优良率达到85%以上。\n")
    assert got["5000万元以上"] == "other" and got["100万元以上"] == "other"
    assert got["42个"] == "actual"
    assert got["85%以上"] == "actual"     # a bound that qualifies nothing


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["unix", "windows"])
def test_a_table_flattened_one_cell_per_line_reads_roles_from_its_header(tmp_path, newline):
    path = tmp_path / "table.txt"
    path.write_bytes(("指标名称 |\n年度目标值 |\n实际完成值 |\n|\n"
                      "群众满意度 |\n90% |\n93% |\n培训人数 |\n500人 |\n512人 |\n").replace("\n", newline).encode())
    got = [(q.text, q.role) for q in analyze(path).quantities]
    assert got == [("90%", "target"), ("93%", "actual"), ("500人", "target"), ("512人", "actual")]


def test_a_parenthesis_inside_a_phrase_does_not_end_its_clause(tmp_path):
    got = _roles(tmp_path / "report.txt", "全年火灾死亡5人，占全年控制指标（12人）的41.7%。")
    assert got["12人"] == "target" and got["41.7%"] == "completion_rate"
    assert got["5人"] == "actual"


def test_control_within_a_limit_is_a_target_where_it_stayed_is_a_value(tmp_path):
    got = _roles(tmp_path / "report.txt", "年末城镇登记失业率控制在2.9%。全年安全事故死亡人数控制在10人以内。")
    assert got["2.9%"] == "actual" and got["10人以内"] == "target"


def test_yao_inside_a_word_is_not_a_target_cue(tmp_path):
    got = _roles(tmp_path / "report.txt", "主要企业销售收入占全省重要骨干企业的86%；明年要新增就业岗位300个。")
    assert got["86%"] == "actual" and got["300个"] == "target"


def test_a_change_cue_binds_to_its_own_number_and_ratios_are_levels(tmp_path):
    got = _roles(tmp_path / "report.txt", "交通事故12起、同比下降20%、受伤3人。城乡收入分别增长6.5%和7.1%。"
                                          "地区生产总值增长4.5%三次产业比重为12.1:40.3:47.6。")
    assert got["20%"] == "growth" and got["3人"] == "actual"
    assert got["6.5%"] == "growth" and got["7.1%"] == "growth"
    assert got["4.5%"] == "growth" and got["12.1"] == "actual" and got["47.6"] == "actual"


def test_cueless_values_under_a_target_heading_are_targets(tmp_path):
    got = _roles(tmp_path / "plan.txt", "一、上年工作\n全镇粮食总产量5200吨，同比增长3.5%。\n"
                                        "二、明年安排\n（一）主要目标\n粮食总产量5500吨，村级集体经济收入3万元以上，"
                                        "完成造林面积800亩，目前已完成造林面积300亩。\n（二）目标完成情况\n已建成温室大棚12个。\n")
    assert got["5200吨"] == "actual" and got["3.5%"] == "growth"
    assert got["5500吨"] == "target" and got["3万元以上"] == "target"
    assert got["800亩"] == "target" and got["300亩"] == "actual"     # 已: reached, heading or not
    assert got["12个"] == "actual"       # a heading that reports on targets


def test_a_divisor_in_a_score_formula_is_the_benchmark(tmp_path):
    got = _roles(tmp_path / "rules.txt", "评分办法：得分=(新签项目个数12÷10)×40%+(完成投资额3.6亿元÷4亿元)×60%。\n"
                                         "全县人均用水量=用水总量÷常住人口。\n")
    assert got["10"] == "target" and got["4亿元"] == "target"
    assert got["12"] == "actual" and got["3.6亿元"] == "actual"
    assert got["40%"] == "other" and got["60%"] == "other"


def test_a_target_heading_run_into_its_text_covers_it_up_to_the_next_heading(tmp_path):
    got = _roles(tmp_path / "flat.txt", "二、年度回顾（一）目标1.产量:粮食总产5500吨,新增温室20个。"
                                        "（二）成效1.产量:粮食总产5600吨。（三）就业目标任务全面完成,新增就业300人。\n")
    assert got["5500吨"] == "target" and got["20个"] == "target"
    assert got["5600吨"] == "actual" and got["300人"] == "actual"


def test_ranges_listed_before_a_class_bound_name_classes(tmp_path):
    path = tmp_path / "rules.txt"
    path.write_text("引进1-3亿元、3-5亿元、5亿元以上项目分别为6个、3个、2个。\n全年完成投资7亿元、8亿元。\n",
                    encoding="utf-8")
    got = [(q.text, q.role, q.indicator) for q in analyze(path).quantities]
    assert [t for t, role, _ in got if role == "other"] == ["1", "3亿元", "3", "5亿元", "5亿元以上"]
    assert all(ind is None for _, role, ind in got if role == "other")
    assert [role for t, role, _ in got if t in ("6个", "7亿元", "8亿元")] == ["actual"] * 3


def test_a_level_not_reached_is_a_target_with_or_without_dao(tmp_path):
    got = _roles(tmp_path / "report.txt", "群众满意率还没有达到95%，业务办结率也没有达98%，全年招商引资未达3000万元。"
                                          "对未达标的12户进行了整改。")
    assert got["95%"] == got["98%"] == got["3000万元"] == "target"
    assert got["12户"] == "actual"
