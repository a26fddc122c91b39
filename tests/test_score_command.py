"""`reportmine score` end to end: a hand-made records file (csv, jsonl,
parquet) with just the columns scoring reads, the four output files, and the
chart looked at by machine (size, bars drawn, Chinese glyphs not boxes)."""

import csv
import json
import os

import pytest
from click.testing import CliRunner

from reportmine.cli import cli

from helpers import ROOT
from test_rule_files import YAML

COLUMNS = ["record_id", "org", "indicator", "period", "actual", "actual_unit", "target", "basic_target",
           "full_target", "completion_rate", "growth", "status", "flag_codes"]
HAND = [
    ["j1", "甲县", "城镇新增就业人数", "全年", "28000", "人", "", "", "", "", "", "ok", ""],
    ["j2", "甲县", "地区生产总值增速", "全年", "0.105", "ratio", "", "", "", "", "", "ok", ""],
    ["j3", "甲县", "空气质量优良天数比例", "全年", "0.87", "ratio", "", "", "", "", "", "ok", ""],
    ["j4", "甲县", "一般公共预算收入增速", "全年", "0.085", "ratio", "", "", "", "", "", "flagged", "R305"],
    ["j5", "甲县", "较大安全事故", "全年", "0", "起", "", "", "", "", "", "ok", ""],
    ["y1", "乙县", "新增城镇就业", "全年", "36000", "人", "", "", "", "", "", "ok", ""],
    ["y2", "乙县", "地区生产总值增速", "全年", "0.07", "ratio", "", "", "", "", "", "ok", ""],
    ["y5", "乙县", "较大安全事故", "全年", "1", "起", "", "", "", "", "", "ok", ""],
    ["b1", "丙县", "城镇新增就业人数", "全年", "30000", "人", "", "", "", "", "", "ok", ""],
    ["b2", "丙县", "地区生产总值增速", "全年", "0.12", "ratio", "", "", "", "", "", "ok", ""],
    ["b3", "丙县", "空气质量优良天数比例", "全年", "0.90", "ratio", "", "", "", "", "", "ok", ""],
    ["b4", "丙县", "一般公共预算收入增速", "全年", "0.095", "ratio", "", "", "", "", "", "ok", ""],
    ["b5", "丙县", "较大安全事故", "全年", "0", "起", "", "", "", "", "", "ok", ""],
]


@pytest.fixture
def files(tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text(YAML, encoding="utf-8")
    records = tmp_path / "records.csv"
    with open(records, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        w.writerows(HAND)
    return records, rules


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def run(*args):
    return CliRunner().invoke(cli, list(map(str, args)))


def test_score_writes_every_file(files, tmp_path):
    records, rules = files
    out = tmp_path / "scores"
    result = run("score", records, "--rules", rules, "--out", out)
    assert result.exit_code == 0, result.output
    orgs = read_csv(out / "org_scores.csv")
    # 丙县: 8.00 + 10.00 + 10.00 + (9%-9.5% no shortfall) 10.00 + 2.00 = 40.00
    # 甲县: 7.47 + 8.50 + 8.80 + 8.00 + 2.00 = 34.77
    # 乙县: 9.60 + 0 (zero_below_floor) + 2 missing + one accident: vetoed, 0
    assert [(o["org"], o["total"], o["rank"], o["vetoed"], o["missing"]) for o in orgs] == [
        ("丙县", "40.00", "1", "false", "0"), ("甲县", "34.77", "2", "false", "0"),
        ("乙县", "0.00", "3", "true", "2")]
    rows = read_csv(out / "scores.csv")
    assert list(rows[0]) == ["record_id", "org", "indicator", "method", "value", "unit", "points", "weight",
                             "status", "detail"]
    j2 = next(r for r in rows if r["record_id"] == "j2")
    assert (j2["value"], j2["unit"], j2["points"], j2["status"]) == ("10.5", "%", "8.50", "scored")
    assert j2["detail"] == "功效系数 (10.5%-8%)/(12%-8%) = 0.625，得分 10×(60+40×0.625)/100 = 8.50"
    assert next(r for r in rows if r["record_id"] == "j4")["status"] == "flagged"
    missing = [r for r in rows if r["status"] == "missing"]
    assert {r["org"] for r in missing} == {"乙县"} and all(r["points"] == "" for r in missing)
    import openpyxl

    book = openpyxl.load_workbook(out / "scores.xlsx")
    assert book.sheetnames == ["scores", "org_scores"]
    assert book["org_scores"]["A2"].value == "丙县" and book["org_scores"]["B2"].value == 40.0
    assert book["scores"].max_row == len(rows) + 1
    assert "丙县" in result.output and "已评分 3 个单位" in result.output


def test_jsonl_and_parquet_records_score_the_same(files, tmp_path):
    records, rules = files
    rows = read_csv(records)
    recs = []
    for r in rows:
        d = {k: (v or None) for k, v in r.items()}
        for k in ("actual", "target", "basic_target", "full_target", "completion_rate", "growth"):
            d[k] = float(d[k]) if d[k] else None
        d["flag_codes"] = [d["flag_codes"]] if d["flag_codes"] else []
        recs.append(d)
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    import pyarrow as pa
    import pyarrow.parquet as pq

    parquet = tmp_path / "records.parquet"
    pq.write_table(pa.Table.from_pylist(recs), parquet)
    outs = []
    for src in (records, jsonl, parquet):
        out = tmp_path / f"out_{src.suffix[1:]}"
        assert run("score", src, "--rules", rules, "--out", out).exit_code == 0
        outs.append((out / "scores.csv").read_text(encoding="utf-8-sig"))
    assert outs[0] == outs[1] == outs[2]


def test_bad_input_gets_a_coded_chinese_error(files, tmp_path):
    records, rules = files
    bad = tmp_path / "bad.yaml"
    bad.write_text(YAML.replace("method: ratio", "method: 比率"), encoding="utf-8")
    result = run("score", records, "--rules", bad, "--out", tmp_path / "o")
    assert result.exit_code == 2 and "[E503]" in result.output and "第6行" in result.output
    nocol = tmp_path / "nocol.csv"
    nocol.write_text("org,actual\n甲县,1\n", encoding="utf-8")
    result = run("score", nocol, "--rules", rules, "--out", tmp_path / "o")
    assert result.exit_code == 2 and "[E508]" in result.output and "indicator" in result.output
    notnum = tmp_path / "notnum.csv"
    notnum.write_text("org,indicator,actual\n甲县,城镇新增就业,很多\n", encoding="utf-8")
    result = run("score", notnum, "--rules", rules, "--out", tmp_path / "o")
    assert result.exit_code == 2 and "[E507]" in result.output and "第2行" in result.output


def test_scores_png_is_a_real_chart_with_chinese(files, tmp_path):
    """The chart is drawn with a CJK font: Chinese tick labels have ink (a
    font without the glyphs would draw the same empty box for each)."""
    from reportmine.scoring.chart import cjk_font

    if cjk_font() is None:
        assert os.environ.get("CI") != "true", "CI must have a CJK font (.ci/run installs fonts-wqy-microhei)"
        pytest.skip("no CJK font on this machine")
    records, rules = files
    out = tmp_path / "scores"
    assert run("score", records, "--rules", rules, "--out", out).exit_code == 0
    import matplotlib.image as mpimg
    import numpy as np

    png = out / "scores.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    img = mpimg.imread(png)[..., :3]
    height, width = img.shape[:2]
    assert width >= 600 and height >= 250
    bar_blue = (np.abs(img - np.array([0x3B, 0x6E, 0xA8]) / 255).sum(axis=2) < 0.05)
    vetoed_red = (np.abs(img - np.array([0xB2, 0x22, 0x22]) / 255).sum(axis=2) < 0.05)
    # two blue bars (丙县, 甲县) of different lengths; 乙县 is vetoed at 0, drawn as no bar
    lengths = sorted({int(n) for n in bar_blue.sum(axis=1) if n > 20})
    assert len(lengths) >= 2 and lengths[-1] > 1.1 * lengths[0]
    assert not vetoed_red.any()
    artifacts = ROOT / "tests" / "artifacts"                 # kept for a person to look at
    artifacts.mkdir(exist_ok=True)
    (artifacts / "scores.png").write_bytes(png.read_bytes())


def test_cjk_glyphs_differ_from_each_other():
    """Two different Chinese strings render to different pixels in the font
    the chart uses (tofu boxes would render the same)."""
    from reportmine.scoring.chart import cjk_font

    family = cjk_font()
    if family is None:
        assert os.environ.get("CI") != "true"
        pytest.skip("no CJK font on this machine")
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextPath

    prop = FontProperties(family=family)
    a = TextPath((0, 0), "甲县", prop=prop).vertices
    b = TextPath((0, 0), "乙县", prop=prop).vertices
    assert len(a) > 20 and (len(a) != len(b) or (a != b).any())


def test_without_matplotlib_the_rest_is_written_and_w301_says_why(files, tmp_path):
    import subprocess
    import sys

    records, rules = files
    out = tmp_path / "scores"
    code = ("import sys; sys.modules['matplotlib'] = None\n"
            "from reportmine.cli import main\n"
            f"main(['score', {str(records)!r}, '--rules', {str(rules)!r}, '--out', {str(out)!r}])\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "[W301] 未安装 matplotlib，未写出 scores.png" in proc.stderr and "reportmine[scoring]" in proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["org_scores.csv", "scores.csv", "scores.xlsx"]


def test_score_from_the_run_database(files, tmp_path):
    """`score --db URL` reads what `analyze` stored and scores it exactly as
    the records.csv of the same run."""
    _, rules = files
    report = tmp_path / "甲县.txt"
    report.write_text("甲县2024年工作总结\n全年城镇新增就业2.8万人，完成年度目标。\n"
                      "地区生产总值增速10.5%。\n", encoding="utf-8")
    out = tmp_path / "out"
    db = f"sqlite:///{tmp_path / 'runs.db'}"
    assert run("analyze", report, "--out", out, "--db", db).exit_code == 0
    assert run("score", out / "records.csv", "--rules", rules, "--out", tmp_path / "from_csv").exit_code == 0
    result = run("score", "--db", db, "--rules", rules, "--out", tmp_path / "from_db")
    assert result.exit_code == 0, result.output
    from_csv = (tmp_path / "from_csv" / "scores.csv").read_text(encoding="utf-8-sig")
    from_db = (tmp_path / "from_db" / "scores.csv").read_text(encoding="utf-8-sig")
    assert from_db == from_csv and ",scored," in from_db


def test_a_big_batch_charts_its_first_fifty(tmp_path):
    from decimal import Decimal

    import matplotlib.image as mpimg

    from reportmine.scoring.chart import MAX_BARS, write_chart
    from reportmine.scoring.table import OrgScore, ScoreTable

    orgs = [OrgScore(f"第{i}单位", Decimal(300 - i), Decimal(300), rank=i + 1) for i in range(300)]
    write_chart(ScoreTable([], orgs), tmp_path / "big.png")
    height = mpimg.imread(tmp_path / "big.png").shape[0]
    assert MAX_BARS == 50 and 2000 < height < 3500      # 50 bars at 0.45 in x 110 dpi, not 300
