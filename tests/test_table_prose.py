"""A table cell holding running text is read like prose: its own cue words
and clause head give role and indicator, not the column header and row label."""

from reportmine.pipeline import Pipeline


def test_prose_cell_keeps_its_own_cues(tmp_path):
    path = tmp_path / "prose_cell.txt"
    path.write_text("单位 | 考核说明 | 得分\n"
                    "甲镇 | 按计分办法,新建农村公路完成率88%,得分=完成率88%×0.5=0.44。 | 0.44\n",
                    encoding="utf-8")
    doc = Pipeline().analyze(path)
    got = [(q.text, q.role, q.indicator) for q in doc.quantities]
    assert got[0] == ("88%", "completion_rate", "新建农村公路")
    assert got[2][:2] == ("0.5", "other")
    assert got[3][1] == "actual" and got[3][2] and "甲镇" not in got[3][2]


def test_short_cells_still_take_header_role_and_row_label(tmp_path):
    path = tmp_path / "short_cells.txt"
    path.write_text("指标名称 | 年度目标 | 完成率\n新增造林面积 | 1200亩 | 96.5%\n", encoding="utf-8")
    doc = Pipeline().analyze(path)
    assert [(q.text, q.role, q.indicator) for q in doc.quantities] == [
        ("1200亩", "target", "新增造林面积"), ("96.5%", "completion_rate", "新增造林面积")]
