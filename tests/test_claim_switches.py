"""Claim rules switched off by name (claims/switches.py), as the
provenance-honest LODO of models/train_roles.py does, and the provenance
table it reads (models/rule_provenance.yaml). Texts written for this test."""

import sys

import pytest
import yaml

from helpers import ROOT, model_script
from reportmine.claims.switches import RULES, is_on, rules_off
from reportmine.pipeline import analyze

# rule -> (text, quantity, its role with the rule, without it)
CASES = {
    "target_heading": ("三、下年打算\n（一）主要目标\n全乡蔬菜种植面积6000亩。\n", "6000亩", "target", "actual"),
    "run_in_heading": ("一、回顾（一）目标1.产量:全年养殖生猪9000头。（二）成效1.产量:出栏8800头。\n",
                       "9000头", "target", "actual"),
    "formula_divisor": ("计分办法：得分=(引进企业数6÷5)×30%。\n", "5", "target", "actual"),
    "formula_factor": ("计分办法：得分=签约率98%×0.4=0.392。\n", "0.4", "other", "actual"),
    "class_list": ("新建1-3亿元、3亿元以上项目分别为4个、2个。\n", "1", "other", "actual"),
    "forecast_scope": ("预计全年完成税收收入9.6亿元，增长4%；非税收入2.2亿元。\n", "2.2亿元", "forecast", "actual"),
    "growth_object": ("全县开展家政服务技能提升培训650人。\n", "650人", "actual", "growth"),
    "list_tail_modifier": ("围绕新建标准化厂房8栋的近期目标开展工作。\n", "8栋", "target", "actual"),
    "plan_heading": ("二、下一步工作打算\n全年新建公厕25座。\n", "25座", "target", "actual"),
    "class_count": ("全村党员中，45岁以下38名。\n", "38名", "actual", "other"),
    "bound_fewer": ("每个行政村全年放映公益电影不少于12场。\n", "不少于12场", "target", "actual"),
    "background_forms": ("服务中心下设5个工作站，全年服务群众8600人次。\n", "5个", "other", "actual"),
    "scoring_forms": ("每少1户扣0.2分。全年新增签约企业14户，得1.6分。\n", "1.6分", "actual", "other"),
    "target_forms": ("前三季度税收6.1亿元，推算全年税收8.3亿元。\n", "8.3亿元", "forecast", "actual"),
    "better_than": ("降尘量优于全市平均0.4吨。\n", "0.4吨", "difference", "actual"),
    "difference_list": ("利润增长7.2%，高于全市0.9、全省1.6个百分点。\n", "1.6个百分点", "difference", "actual"),
    "paren_parts": ("下达预算6个项目520万元（含2个续建项目130万元）。\n", "130万元", "target", "actual"),
    "subject_count": ("全县纳入统计的12家规上企业实现产值86亿元。\n", "12家", "other", "actual"),
    "territory_area": ("全镇国土面积186.4平方公里，全年完成造林面积1.3万亩。\n", "186.4平方公里", "other", "actual"),
    "site_area": ("该项目占地225亩，总投资3.2亿元。\n", "225亩", "other", "actual"),
    # on: farmland in a sentence saying where the place lies stays a value; off: background
    "profile_units": ("某村位于乡政府以北，耕地5200亩。\n", "5200亩", "actual", "other"),
    "measured_age": ("全乡党员平均年龄46.7岁，35岁以下318名。\n", "46.7岁", "actual", "other"),
}


def _role(path, text: str, quantity: str, off=()) -> str:
    path.write_text(text, encoding="utf-8")
    with rules_off(off):
        roles = {q.text: q.role for q in analyze(path).quantities}
    return roles[quantity]


@pytest.mark.parametrize("rule", sorted(CASES))
def test_a_rule_switched_off_leaves_the_role_it_set(tmp_path, rule):
    text, quantity, on, off = CASES[rule]
    assert _role(tmp_path / "r.txt", text, quantity) == on
    assert _role(tmp_path / "r.txt", text, quantity, {rule}) == off
    assert _role(tmp_path / "r.txt", text, quantity) == on     # back on after the block


def test_every_switch_has_a_case():
    assert sorted(CASES) == sorted(RULES)


def test_switching_nests_and_restores():
    with rules_off({"class_list"}):
        with rules_off({"formula_factor"}):
            assert not is_on("class_list") and not is_on("formula_factor")
        assert not is_on("class_list") and is_on("formula_factor")
    assert all(is_on(r) for r in RULES)


def test_an_unknown_rule_name_is_an_error():
    with pytest.raises(ValueError, match="unknown claim rules: no_such_rule"):
        with rules_off({"no_such_rule"}):
            pass


def _train_module():
    return model_script("train_roles")


def test_provenance_names_every_switch_with_documents_it_affects():
    data = yaml.safe_load((ROOT / "models" / "rule_provenance.yaml").read_text(encoding="utf-8"))
    assert sorted(data["rules"]) == sorted(RULES)
    for entry in data["rules"].values():
        assert entry["written_after"] and set(entry["written_after"]) <= set(entry["affected"])
    by_doc = _train_module().provenance()
    assert by_doc["realdev/k05"] == {"target_heading", "run_in_heading", "better_than"}
    assert by_doc["realdev/c06"] == {"formula_divisor", "formula_factor", "class_list", "bound_fewer", "scoring_forms"}
    assert by_doc["realdev/m06"] == {"background_forms", "territory_area"} and by_doc["realdev/a06"] == {"target_forms"}


def test_provenance_with_an_unknown_rule_is_refused(tmp_path):
    bad = tmp_path / "p.yaml"
    bad.write_text("schema: reportmine-rule-provenance/1\nrules:\n  made_up: {written_after: [realdev/x]}\n",
                   encoding="utf-8")
    with pytest.raises(ValueError, match="unknown rule 'made_up'"):
        _train_module().provenance(bad)


@pytest.mark.parametrize("key, late, message", [
    ("late_words", {"no_such_rule": {"target_bounds": ["不少于"]}}, "未知的规则开关"),
    ("late_words", {"bound_fewer": {"no_such_list": ["不少于"]}}, "未知的词表"),
    ("late_words", {"bound_fewer": {"target_bounds": ["不在表中"]}}, "应在该词表中"),
    ("late_patterns", {"no_such_rule": {"target_heading": "目标"}}, "未知的规则开关"),
    ("late_cues", {"no_such_rule": {"forecast": ["推算"]}}, "未知的规则开关"),
    ("late_cues", {"target_forms": {"no_such_role": ["推算"]}}, "未知的角色"),
    ("late_cues", {"target_forms": {"forecast": []}}, "模式列表"),
    ("late_cues", {"target_forms": {"forecast": ["(推算"]}}, "bad pattern"),
    ("late_patterns", {"plan_heading": {"no_such_pattern": "目标"}}, "未知的模式"),
    ("late_patterns", {"plan_heading": {"target_heading": "(目标"}}, "bad pattern"),
])
def test_late_words_and_patterns_are_validated(monkeypatch, key, late, message):
    from reportmine.resources import DataFileError, load_yaml

    module = sys.modules["reportmine.claims.cues"]
    data = dict(load_yaml("claims.yaml"), **{key: late})
    monkeypatch.setattr(module, "load_yaml", lambda name: data)
    module.cues.cache_clear()
    try:
        with pytest.raises(DataFileError, match=message):
            module.cues()
    finally:
        monkeypatch.undo()
        module.cues.cache_clear()


def test_form_provenance_names_form_files_and_dev_documents():
    table = _train_module().form_provenance()
    assert table["role_forms_stop30_scoring.txt"] >= {"realdev/c06"}
    for name, groups in table.items():
        assert (ROOT / "benchmarks" / name).is_file(), name
        assert groups and all(g.startswith("realdev/") for g in groups)
