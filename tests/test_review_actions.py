"""Reviewers' actions on real SQLite and real PostgreSQL: each writes the
audit log with before and after; a stale version raises ConflictError and
changes nothing; the audit log refuses UPDATE and DELETE; a rerun of analyze
keeps the reviews."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from reportmine.review import ConflictError, ReviewError, actions, audit, open_db, queries

from review_helpers import analyzed, east, write_batch  # noqa: F401 - fixtures
from store_helpers import db_url, pg_admin, pg_url, sqlite_url  # noqa: F401 - fixtures


@pytest.fixture
def engine(db_url, analyzed):
    write_batch(db_url, analyzed)
    engine = open_db(db_url)
    yield engine
    engine.dispose()


def count(engine, table):
    with engine.connect() as conn:
        return conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar()


def test_every_action_appends_its_audit_entry_with_before_and_after(engine, analyzed):
    doc, record, r303, _ = east(analyzed)
    rid = record["record_id"]
    actions.correct_value(engine, "ann", doc, "record", rid, "completion_rate", "104%", "原文笔误，应为104%", 0)
    actions.confirm_value(engine, "ann", doc, "record", rid, "actual", 0)
    actions.correct_value(engine, "ann", doc, "quantity", 0, "role", "actual", "核对原文", 0)
    actions.decide_flag(engine, "ann", doc, r303, "dismissed", "已改正完成率", 0)
    actions.add_note(engine, "ann", doc, "请核对培训人次", "flag", r303)
    actions.set_status(engine, "ann", doc, "returned", 0, message="请补填培训人次")
    log = audit.entries(engine, doc)
    assert [e["action"] for e in log] == ["correct", "confirm", "correct", "flag_dismissed", "note",
                                          "status_returned"]
    assert {e["actor"] for e in log} == {"ann"} and all(e["at"] for e in log)
    corrected = log[0]
    assert corrected["object"] == f"record:{rid}/completion_rate"
    assert corrected["before"] == {"kind": "extracted", "value": 1.1, "version": 0}
    assert corrected["after"]["value"] == 1.04 and corrected["after"]["original"] == 1.1
    assert corrected["after"]["reason"] == "原文笔误，应为104%" and corrected["after"]["version"] == 1
    assert log[3]["before"] == {"decision": "open", "version": 0}
    assert log[3]["after"]["decision"] == "dismissed" and log[3]["after"]["reason"] == "已改正完成率"
    assert log[5]["before"]["status"] == "new" and log[5]["after"]["message"] == "请补填培训人次"
    # a second correction's before is the first one
    actions.correct_value(engine, "bob", doc, "record", rid, "completion_rate", "1.05", "再次核对", 1)
    last = audit.entries(engine, doc)[-1]
    assert last["before"]["value"] == 1.04 and last["before"]["by"] == "ann" and last["after"]["version"] == 2


def test_a_stale_version_raises_conflict_and_changes_nothing(engine, analyzed):
    doc, record, r303, _ = east(analyzed)
    rid = record["record_id"]
    actions.correct_value(engine, "ann", doc, "record", rid, "actual", "5300", "原文为5300人", 0)
    actions.decide_flag(engine, "ann", doc, r303, "confirmed", "确有不符", 0)
    actions.set_status(engine, "ann", doc, "approved", 0)
    entries, rows = count(engine, "audit_log"), count(engine, "corrections")
    with pytest.raises(ConflictError) as info:
        actions.correct_value(engine, "bob", doc, "record", rid, "actual", "5250", "我看到的是5250", 0)
    assert info.value.code == "E611" and "ann" in info.value.message
    assert info.value.current["value"] == 5300 and info.value.current["by"] == "ann"
    assert info.value.current["version"] == 1 and info.value.seen == 0
    assert info.value.submitted == {"kind": "correct", "value": "5250", "reason": "我看到的是5250"}
    with pytest.raises(ConflictError) as flag:
        actions.decide_flag(engine, "bob", doc, r303, "dismissed", "误报", 0)
    assert flag.value.current["decision"] == "confirmed" and flag.value.submitted["reason"] == "误报"
    with pytest.raises(ConflictError) as status:
        actions.set_status(engine, "bob", doc, "returned", 0, message="请修改")
    assert status.value.current["status"] == "approved"
    with pytest.raises(ConflictError):         # a version from the future is stale too
        actions.set_status(engine, "bob", doc, "returned", 5, message="请修改")
    assert (count(engine, "audit_log"), count(engine, "corrections")) == (entries, rows)
    view = queries.document_view(engine, doc)
    reviewed = next(r for r in view["records"] if r["record_id"] == rid)
    assert reviewed["reviewed"]["actual"] == 5300 and view["review"]["status"] == "approved"


def test_the_audit_log_refuses_update_and_delete(engine, analyzed):
    doc, _, _, _ = east(analyzed)
    actions.add_note(engine, "ann", doc, "一条备注")
    for sql in ("UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"):
            with engine.begin() as conn:
                conn.execute(text(sql))
    assert [e["actor"] for e in audit.entries(engine, doc)] == ["ann"]


def test_bad_requests_are_coded_and_change_nothing(engine, analyzed):
    doc, record, r303, _ = east(analyzed)
    rid = record["record_id"]
    cases = [
        ("E606", lambda: actions.set_status(engine, "ann", "0" * 64, "approved", 0)),
        ("E607", lambda: actions.correct_value(engine, "ann", doc, "record", "nope", "actual", "1", "x", 0)),
        ("E607", lambda: actions.decide_flag(engine, "ann", doc, 999, "dismissed", "x", 0)),
        ("E607", lambda: actions.confirm_value(engine, "ann", doc, "quantity", "x", "value", 0)),
        ("E608", lambda: actions.correct_value(engine, "ann", doc, "record", rid, "quote", "1", "x", 0)),
        ("E609", lambda: actions.correct_value(engine, "ann", doc, "record", rid, "actual", "很多", "x", 0)),
        ("E610", lambda: actions.correct_value(engine, "ann", doc, "record", rid, "actual", "1", " ", 0)),
        ("E610", lambda: actions.decide_flag(engine, "ann", doc, r303, "dismissed", "", 0)),
        ("E610", lambda: actions.set_status(engine, "ann", doc, "returned", 0, message="")),
        ("E612", lambda: actions.decide_flag(engine, "ann", doc, r303, "ignored", "x", 0)),
        ("E612", lambda: actions.correct_value(engine, "ann", doc, "quantity", 0, "role", "boss", "x", 0)),
        ("E612", lambda: actions.set_status(engine, "ann", doc, "new", 0)),
    ]
    for code, call in cases:
        with pytest.raises(ReviewError) as info:
            call()
        assert info.value.code == code, info.value.message
    assert count(engine, "audit_log") == 0 and count(engine, "corrections") == 0


def test_analyzing_a_document_again_keeps_its_reviews(engine, db_url, analyzed):
    doc, record, r303, _ = east(analyzed)
    actions.correct_value(engine, "ann", doc, "record", record["record_id"], "actual", "5300", "核对", 0)
    actions.decide_flag(engine, "ann", doc, r303, "dismissed", "误报", 0)
    write_batch(db_url, analyzed)
    view = queries.document_view(engine, doc)
    assert view["text"].startswith("东山县2025年")
    reviewed = next(r for r in view["records"] if r["record_id"] == record["record_id"])
    assert reviewed["reviewed"]["actual"] == 5300
    assert next(f for f in view["flags"] if f["seq"] == r303)["decision"] == "dismissed"


def test_overview_filters_and_progress(engine, analyzed):
    doc, _, r303, _ = east(analyzed)
    rows = queries.overview(engine)
    assert [r["doc"] for r in rows] == ["东山县.txt", "西山区.txt"]
    first = rows[0]
    assert first["org"] == "东山县" and first["record_count"] > 0
    assert first["flags_by_type"] == {"inconsistency": 1, "placeholder": 1} and first["open_flags"] == 2
    assert {r["status"] for r in rows} == {"new"}
    actions.decide_flag(engine, "ann", doc, r303, "dismissed", "误报", 0)
    assert queries.overview(engine, status="in_review")[0]["open_flags"] == 1
    actions.set_status(engine, "ann", doc, "approved", 0)
    assert [r["doc"] for r in queries.overview(engine, status="approved")] == ["东山县.txt"]
    assert [r["doc"] for r in queries.overview(engine, org="西山区")] == ["西山区.txt"]
    assert [r["doc"] for r in queries.overview(engine, flag_type="placeholder")] == ["东山县.txt"]
    assert len(queries.overview(engine, indicator="employment.urban_new_jobs")) == 2
    assert queries.overview(engine, indicator="没有的指标") == []
    assert queries.progress(queries.overview(engine)) == {"new": 1, "in_review": 0, "approved": 1,
                                                          "returned": 0, "total": 2, "done": 1, "share": 0.5}
    options = queries.filter_options(engine)
    assert options["orgs"] == ["东山县", "西山区"] and "placeholder" in options["flag_types"]


def test_document_view_gives_the_text_spans_and_versions(engine, analyzed):
    doc, record, r303, _ = east(analyzed)
    actions.correct_value(engine, "ann", doc, "record", record["record_id"], "actual", "5300", "核对", 0)
    view = queries.document_view(engine, doc)
    text_ = view["text"]
    assert all(text_[q["start"]:q["end"]] == q["text"] for q in view["quantities"])
    assert all(text_[f["start"]:f["end"]] == f["text"] for f in view["flags"])
    rec = next(r for r in view["records"] if r["record_id"] == record["record_id"])
    assert rec["actual"] == 5200 and rec["reviewed"]["actual"] == 5300
    assert rec["corrections"]["actual"]["version"] == 1 and rec["corrections"]["actual"]["by"] == "ann"
    flag = next(f for f in view["flags"] if f["seq"] == r303)
    assert flag["message"] and flag["evidence"] and flag["version"] == 0
    assert view["review"] == {"status": "in_review", "message": None, "by": None, "at": None, "version": 0}
    assert [e["action"] for e in view["audit"]] == ["correct"]
    with pytest.raises(ReviewError, match="E606"):
        queries.document_view(engine, "f" * 64)


@pytest.mark.parametrize("first_version", [0, 1])
def test_two_reviewers_at_the_same_moment_one_wins_one_conflicts(engine, analyzed, monkeypatch, first_version):
    """Both read the item before either writes (a barrier after each one's first
    read forces it): one write lands, the other gets ConflictError; one audit entry."""
    import threading

    from reportmine.review import locking

    doc, record, _, _ = east(analyzed)
    rid = record["record_id"]
    if first_version:
        actions.correct_value(engine, "ann", doc, "record", rid, "target", "4900", "先改一次", 0)
    barrier, seen, read = threading.Barrier(2, timeout=20), threading.local(), locking.current

    def current_then_wait(*args):
        row = read(*args)
        if not getattr(seen, "done", False):
            seen.done = True
            barrier.wait()
        return row

    monkeypatch.setattr(locking, "current", current_then_wait)
    outcomes = {}

    def correct(name, value):
        try:
            outcomes[name] = actions.correct_value(engine, name, doc, "record", rid, "target", value,
                                                   f"{name} 的核对", first_version)
        except ConflictError as exc:
            outcomes[name] = exc

    threads = [threading.Thread(target=correct, args=a) for a in (("bob", "5100"), ("cy", "5200"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    conflicts = [o for o in outcomes.values() if isinstance(o, ConflictError)]
    wins = [o for o in outcomes.values() if isinstance(o, dict)]
    assert len(conflicts) == 1 and len(wins) == 1, outcomes
    assert conflicts[0].current["value"] == wins[0]["value"] and conflicts[0].current["version"] == first_version + 1
    log = [e for e in audit.entries(engine, doc) if e["object"] == f"record:{rid}/target"]
    assert len(log) == first_version + 1 and log[-1]["after"]["value"] == wins[0]["value"]


def test_decisions_follow_their_flag_and_quantity_when_a_new_analysis_renumbers_them(engine, db_url, analyzed):
    """A newer analyzer may number flags and quantities differently: a decision
    names its flag by code and span, a correction its quantity by span."""
    import dataclasses

    from reportmine.store import Store

    doc_id, _, r303, r101 = east(analyzed)
    doc, records, flags = analyzed[0]
    actions.decide_flag(engine, "ann", doc_id, r303, "dismissed", "误报", 0)
    target = next(i for i, q in enumerate(doc.quantities) if q.role == "target")
    actions.correct_value(engine, "ann", doc_id, "quantity", target, "role", "basic_target", "基本任务", 0)
    renumbered = dataclasses.replace(doc, flags=doc.flags[::-1], quantities=doc.quantities[::-1])
    with Store.open(db_url) as store:
        store.write_document(renumbered, records, None, flags)
    view = queries.document_view(engine, doc_id)
    decided = {f["code"]: f["decision"] for f in view["flags"]}
    assert decided == {"R303": "dismissed", "R101": None}
    moved = next(q for q in view["quantities"] if q["corrections"])
    assert moved["seq"] != target and moved["text"] == doc.quantities[target].text
    assert moved["corrections"]["role"]["value"] == "basic_target"
    r101_now = next(f for f in view["flags"] if f["code"] == "R101")
    assert r101_now["version"] == 0            # deciding it now is a first decision, not a conflict
    actions.decide_flag(engine, "bob", doc_id, r101_now["seq"], "confirmed", "确实是占位符", 0)


def test_api_records_and_flags_are_filtered_like_the_overview(engine, analyzed):
    doc, record, r303, _ = east(analyzed)
    everything = queries.api_records(engine)
    assert {r["org"] for r in everything} == {"东山县", "西山区"}
    west = queries.api_records(engine, org="西山区")
    assert west and {r["org"] for r in west} == {"西山区"}
    jobs = queries.api_records(engine, indicator="城镇新增就业人数")
    assert len(jobs) == 2 and {r["indicator_id"] for r in jobs} == {"employment.urban_new_jobs"}
    placeholders = queries.api_flags(engine, flag_type="placeholder")
    assert [f["code"] for f in placeholders] == ["R101"] and placeholders[0]["decision"] is None
    assert queries.api_records(engine, status="approved") == []
    actions.decide_flag(engine, "ann", doc, r303, "dismissed", "误报", 0)
    actions.set_status(engine, "ann", doc, "approved", 0)
    approved = queries.api_records(engine, status="approved")
    assert approved and {r["doc_sha256"] for r in approved} == {doc}
    assert {r["review_status"] for r in approved} == {"approved"}
    fixed = next(r for r in approved if r["record_id"] == record["record_id"])
    assert fixed["flag_codes"] == [] and fixed["reviewed_by"] == "ann"      # approved, flag dismissed
    decided = [f for f in queries.api_flags(engine) if f["decision"]]
    assert [(f["code"], f["decision"], f["decided_by"]) for f in decided] == [("R303", "dismissed", "ann")]
