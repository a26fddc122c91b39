"""Users, the migration from 0002 with data present, the export of reviewed
records (corrections with provenance and the original value, every format,
valid against the record schema), score --db on reviewed values, and the
users and export commands run as real processes with a piped password."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from types import SimpleNamespace

import jsonschema
import openpyxl
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from sqlalchemy import inspect, text

from reportmine.cli import cli as cli_group
from reportmine.records import NAMES, REVIEW_NAMES, load_schema
from reportmine.review import ReviewError, actions, audit, open_db, queries, users
from reportmine.review.returned import returned_documents, write_returned
from reportmine.review.reviewed import reviewed_records
from reportmine.store import connect, upgrade
from reportmine.store.models import HEAD

from review_helpers import analyzed, east, write_batch  # noqa: F401 - fixtures
from store_helpers import db_url, pg_admin, pg_url, sqlite_url  # noqa: F401 - fixtures

RULES = """scale: {base: 60, full: 100}
indicators:
  - indicator: 城镇新增就业人数
    id: employment.urban_new_jobs
    weight: 10
    method: ratio
    cap: 1.2
"""


@pytest.fixture
def engine(db_url, analyzed):
    write_batch(db_url, analyzed)
    engine = open_db(db_url)
    yield engine
    engine.dispose()


def process(*args, stdin: str = ""):
    """The command as a real process (a pipe for standard input)."""
    return subprocess.run([sys.executable, "-m", "reportmine.cli", *map(str, args)], input=stdin,
                          capture_output=True, text=True, timeout=120)


def cli(*args, stdin: str = ""):
    """The command in this process (faster): .returncode, .stdout, .stderr like a process."""
    result = CliRunner().invoke(cli_group, [str(a) for a in args], input=stdin)
    return SimpleNamespace(returncode=result.exit_code, stdout=result.stdout, stderr=result.stderr)


def downgrade(engine, revision):
    from alembic import command
    from alembic.config import Config

    from reportmine.store.db import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


# -- users ---------------------------------------------------------------
def test_users_sign_in_tokens_and_disabled_users(engine):
    ann = users.create_user(engine, "ann", "reviewer", "correct-horse", actor="admin")
    assert ann.role == "reviewer" and not ann.is_admin
    assert users.verify_password(engine, "ann", "correct-horse").name == "ann"
    assert users.verify_password(engine, "ann", "wrong-horse") is None
    assert users.verify_password(engine, "nobody", "correct-horse") is None
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT password_hash, token_hash FROM users")).one()
    assert stored[0].startswith("$argon2id$") and "correct-horse" not in stored[0] and stored[1] is None
    token = users.issue_token(engine, "ann", actor="admin")
    assert users.verify_token(engine, token).name == "ann" and users.verify_token(engine, token + "x") is None
    with engine.connect() as conn:
        assert token not in conn.execute(text("SELECT token_hash FROM users")).scalar()
    newer = users.issue_token(engine, "ann", actor="admin")
    assert users.verify_token(engine, token) is None and users.verify_token(engine, newer)
    users.disable_user(engine, "ann", actor="admin")
    assert users.verify_password(engine, "ann", "correct-horse") is None
    assert users.verify_token(engine, newer) is None
    with pytest.raises(ReviewError, match="E601"):
        users.create_user(engine, "ann", "reviewer", "another-pass", actor="admin")
    for args, code in [(("bob", "boss", "long-enough"), "E603"), (("bob", "reviewer", "short"), "E604"),
                       (("b o b", "reviewer", "long-enough"), "E605")]:
        with pytest.raises(ReviewError, match=code):
            users.create_user(engine, *args, actor="admin")
    with pytest.raises(ReviewError, match="E602"):
        users.disable_user(engine, "nobody", actor="admin")
    actions_done = [e["action"] for e in audit.entries(engine)]
    assert actions_done == ["user_add", "user_token", "user_token", "user_disable"]


def test_users_commands_with_a_piped_password(tmp_path):
    db = tmp_path / "review.db"
    added = process("users", "add", "ann", "--role", "admin", "--db", db, stdin="s3cret-pass\n")
    assert added.returncode == 0, added.stderr
    listed = cli("users", "list", "--db", db)
    assert listed.stdout.split("\t")[:3] == ["ann", "admin", "active"]
    token = cli("users", "token", "ann", "--db", db).stdout.strip()
    engine = open_db(str(db))
    try:
        assert users.verify_password(engine, "ann", "s3cret-pass").is_admin
        assert users.verify_token(engine, token).name == "ann"
        assert cli("users", "disable", "ann", "--db", db).returncode == 0
        assert users.verify_password(engine, "ann", "s3cret-pass") is None
    finally:
        engine.dispose()
    assert "disabled" in cli("users", "list", "--db", db).stdout
    again = process("users", "add", "ann", "--db", db, stdin="other-pass\n")
    assert again.returncode == 2 and "[E601]" in again.stderr
    short = cli("users", "add", "bob", "--db", db, stdin="abc\n")
    assert short.returncode == 2 and "[E604]" in short.stderr


def test_users_add_on_a_terminal_asks_twice_without_echo(tmp_path):
    """On a real pseudo-terminal the password is asked twice and never shown."""
    import os
    import pty
    import select
    import time

    db = tmp_path / "review.db"
    main, side = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "reportmine.cli", "users", "add", "tty-user", "--db", str(db)],
                            stdin=side, stdout=side, stderr=side, close_fds=True)
    os.close(side)
    seen, sent, deadline = b"", 0, time.monotonic() + 90
    while time.monotonic() < deadline:
        ready, _, _ = select.select([main], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(main, 1024)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        if seen.count("密码".encode()) > sent and sent < 2:
            os.write(main, b"typed-secret-9\n")
            sent += 1
        if proc.poll() is not None and not ready:
            break
    proc.wait(30)
    os.close(main)
    text_seen = seen.decode("utf-8", "replace")
    assert proc.returncode == 0, text_seen
    assert "typed-secret-9" not in text_seen and "已添加用户 tty-user" in text_seen
    engine = open_db(str(db))
    try:
        assert users.verify_password(engine, "tty-user", "typed-secret-9")
    finally:
        engine.dispose()


# -- migration -----------------------------------------------------------
def test_upgrade_from_0002_with_data_keeps_the_rows(db_url, analyzed):
    write_batch(db_url, analyzed)
    engine = connect(db_url)
    try:
        downgrade(engine, "0002")
        assert "audit_log" not in inspect(engine).get_table_names()
        with engine.connect() as conn:
            before = conn.execute(text("SELECT record_id, actual FROM records ORDER BY record_id")).all()
        assert before and upgrade(engine) == HEAD
        with engine.connect() as conn:
            assert conn.execute(text("SELECT record_id, actual FROM records ORDER BY record_id")).all() == before
        doc = east(analyzed)[0]
        view = queries.document_view(engine, doc)
        assert view["text"] is None and view["records"]        # text comes with the next analyze
        actions.add_note(engine, "ann", doc, "迁移后可以复核")
        write_batch(db_url, analyzed)
        assert queries.document_view(engine, doc)["text"].startswith("东山县")
    finally:
        engine.dispose()


# -- export and score ----------------------------------------------------
def review_east(engine, analyzed):
    doc, record, r303, _ = east(analyzed)
    rid = record["record_id"]
    actions.correct_value(engine, "ann", doc, "record", rid, "actual", "4000", "原文为4000人", 0)
    actions.decide_flag(engine, "ann", doc, r303, "dismissed", "改正实际值后相符", 0)
    actions.set_status(engine, "bob", doc, "returned", 0, message="请补填培训人次")
    return doc, rid


def test_export_holds_corrections_with_provenance_in_every_format(engine, db_url, analyzed, tmp_path):
    doc, rid = review_east(engine, analyzed)
    out = tmp_path / "reviewed"
    result = cli("export", "--db", db_url, "--out", out)
    assert result.returncode == 0, result.stderr
    jsonl = [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    validator = jsonschema.Draft202012Validator(load_schema())
    for row in jsonl:
        validator.validate(row)
        assert tuple(row) == NAMES + REVIEW_NAMES
    fixed = next(r for r in jsonl if r["record_id"] == rid)
    assert fixed["actual"] == 4000 and fixed["reviewed_by"] == "ann" and fixed["reviewed_at"]
    assert fixed["corrected_fields"] == ["actual"] and json.loads(fixed["original_values"]) == {"actual": 5200}
    assert fixed["computed_completion_rate"] == 0.8 and fixed["flag_codes"] == [] and fixed["status"] == "ok"
    assert fixed["review_status"] == "returned"
    untouched = [r for r in jsonl if r["doc_sha256"] != doc]
    assert untouched and all(r["review_status"] == "new" and r["reviewed_by"] is None for r in untouched)
    with open(out / "records.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(jsonl) and next(r for r in rows if r["record_id"] == rid)["actual"] == "4000"
    sheet = list(openpyxl.load_workbook(out / "records.xlsx", read_only=True)["records"].values)
    assert sheet[0] == NAMES + REVIEW_NAMES and len(sheet) == len(jsonl) + 1
    table = pq.read_table(out / "records.parquet")
    assert table.to_pylist() == jsonl and table.schema.metadata[b"schema"] == b"reportmine-record/2"
    with open(out / "flags.csv", encoding="utf-8-sig", newline="") as fh:
        flags = list(csv.DictReader(fh))
    assert [(f["code"], f["decision"], f["decided_by"]) for f in flags if f["decision"]] == [
        ("R303", "dismissed", "ann")]
    audit_rows = list(csv.DictReader(open(out / "audit_log.csv", encoding="utf-8-sig", newline="")))
    corrected = next(a for a in audit_rows if a["action"] == "correct")
    assert json.loads(corrected["after"])["value"] == 4000 and json.loads(corrected["before"])["value"] == 5200
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "R101" in page and "R303" not in page            # the dismissed flag is gone from the page
    returned = list(csv.DictReader(open(out / "returned.csv", encoding="utf-8-sig", newline="")))
    assert [(r["org"], r["message"], r["returned_by"]) for r in returned] == [("东山县", "请补填培训人次", "bob")]


def test_a_quantity_role_correction_moves_its_value_in_the_record(engine, analyzed):
    doc, record, _, _ = east(analyzed)
    view = queries.document_view(engine, doc)
    target = next(q for q in view["quantities"] if q["role"] == "target" and q["norm_value"] == 5000)
    actual = next(q for q in view["quantities"] if q["role"] == "actual" and q["norm_value"] == 5200)
    actions.correct_value(engine, "ann", doc, "quantity", target["seq"], "role", "basic_target", "是基本任务", 0)
    actions.correct_value(engine, "bob", doc, "quantity", actual["seq"], "norm_value", "5300", "原文5300", 0)
    reviewed = next(r for r in reviewed_records(engine, [doc]) if r["record_id"] == record["record_id"])
    assert (reviewed["target"], reviewed["basic_target"], reviewed["actual"]) == (None, 5000, 5300)
    assert reviewed["corrected_fields"] == ["actual", "basic_target", "target"]
    assert json.loads(reviewed["original_values"]) == {"actual": 5200, "basic_target": None, "target": 5000}
    assert reviewed["reviewed_by"] == "bob" and reviewed["computed_completion_rate"] is None
    # the record's own correction wins over the quantity's
    actions.correct_value(engine, "cy", doc, "record", record["record_id"], "actual", "5250", "核对", 0)
    reviewed = next(r for r in reviewed_records(engine, [doc]) if r["record_id"] == record["record_id"])
    assert reviewed["actual"] == 5250 and isinstance(reviewed["actual"], float)


def test_returned_documents_as_xlsx(engine, analyzed, tmp_path):
    review_east(engine, analyzed)
    rows = returned_documents(engine)
    write_returned(rows, tmp_path / "returned.xlsx")
    sheet = list(openpyxl.load_workbook(tmp_path / "returned.xlsx", read_only=True)["returned"].values)
    assert sheet[1][:2] == ("东山县", "东山县.txt") and "请补填培训人次" in sheet[1]
    assert returned_documents(engine, org="西山区") == []


def test_score_db_scores_the_reviewed_value(engine, db_url, analyzed, tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES, encoding="utf-8")

    def east_score(out):
        result = cli("score", "--db", db_url, "--rules", rules, "--out", tmp_path / out)
        assert result.returncode == 0, result.stderr
        with open(tmp_path / out / "scores.csv", encoding="utf-8-sig", newline="") as fh:
            return next(r for r in csv.DictReader(fh) if r["org"] == "东山县")

    before = east_score("before")
    review_east(engine, analyzed)
    after = east_score("after")
    assert before != after
    assert float(after["value"]) == 4000 and float(before["value"]) == 5200
    assert after["status"] == "scored" and before["status"] == "flagged"


def test_audit_csv_quotes_a_cell_a_spreadsheet_would_run():
    import csv as csv_module
    import io

    from reportmine.review.audit import to_csv

    row = {"audit_id": 7, "at": "2026-01-02T03:04:05+00:00", "actor": "=cmd|'/c calc'!A1",
           "action": "note", "doc_sha256": "ab", "object": "doc", "before": None, "after": {"text": "=1+1"}}
    got = list(csv_module.DictReader(io.StringIO(to_csv([row]))))[0]
    assert got["actor"] == "'=cmd|'/c calc'!A1" and got["audit_id"] == "7"
    assert got["after"] == '{"text": "=1+1"}'        # JSON of before/after starts with {, safe as it is
