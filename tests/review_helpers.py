"""A small report of our own, analyzed once, written into a fresh run database
(SQLite file or PostgreSQL) for the review tests."""

from __future__ import annotations

import pytest

from reportmine.pipeline import Pipeline
from reportmine.records import build_tables
from reportmine.store import Store

# a report written for these tests: one completion rate that does not match its
# numbers (R303), one placeholder (R101), two orgs' reports
REPORTS = {
    "东山县.txt": "东山县2025年就业工作总结\n\n一、主要指标完成情况\n"
                  "全县城镇新增就业5200人，完成市下达目标任务5000人的110%。\n"
                  "失业人员再就业1800人，完成目标任务2000人的90%。\n"
                  "全年开展职业技能培训XX人次，城镇登记失业率控制在3.2%以内。\n",
    "西山区.txt": "西山区2025年就业工作总结\n"
                  "全区城镇新增就业3300人，完成市下达目标任务3000人的110%。\n",
}


@pytest.fixture(scope="module")
def analyzed(tmp_path_factory):
    """[(doc, records, flag rows)] of REPORTS, analyzed once per module."""
    folder = tmp_path_factory.mktemp("reports")
    pipeline = Pipeline()
    out = []
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
        doc = pipeline.analyze(folder / name)
        out.append((doc, *build_tables(doc)))
    return out


def write_batch(url: str, analyzed) -> None:
    with Store.open(url) as store:
        run_id = store.start_run("test")
        for doc, records, flags in analyzed:
            store.write_document(doc, records, run_id, flags)
        store.finish_run(run_id)


def east(analyzed):
    """(doc_sha256, the record with the mismatched rate, its R303 flag seq, the R101 flag seq)."""
    doc, records, _ = analyzed[0]
    record = next(r for r in records if r["flag_codes"] == ["R303"])
    r303 = next(i for i, f in enumerate(doc.flags) if f.code == "R303")
    r101 = next(i for i, f in enumerate(doc.flags) if f.code == "R101")
    return doc.id, record, r303, r101
