"""The run database on real SQLite and real PostgreSQL: migrations from
empty, the sample batch round-trips, both databases hold identical rows,
reruns replace, a failed document write leaves nothing behind."""

from __future__ import annotations

import sys

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, inspect, make_url, text

from reportmine.cli import cli
from reportmine.errors import ReportmineError
from reportmine.pipeline import Pipeline
from reportmine.records import NAMES, build_tables
from reportmine.store import TABLES, Store, StoreError, connect, engine_url, metadata, upgrade
from reportmine.store.models import HEAD

from helpers import CORPORA
from store_helpers import db_url, pg_admin, pg_url, sqlite_url  # noqa: F401 - fixtures

SAMPLES = sorted(p for p in (CORPORA / "samples").iterdir() if p.suffix in (".txt", ".docx", ".pdf"))


@pytest.fixture(scope="module")
def batch():
    """The sample reports (txt, docx, pdf), analyzed once: [(doc, records, flag rows)]."""
    pipeline = Pipeline()
    docs = [pipeline.analyze(p) for p in SAMPLES]
    return [(d, *build_tables(d)) for d in docs]


def write_batch(url, batch, command="test"):
    with Store.open(url) as store:
        run_id = store.start_run(command)
        for doc, records, flags in batch:
            store.write_document(doc, records, run_id, flags)
        store.finish_run(run_id)


def rows(url, sql):
    engine = create_engine(engine_url(url))
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]
    finally:
        engine.dispose()


def count(url, table, where=""):
    return rows(url, f"SELECT COUNT(*) FROM {table} {where}")[0][0]


# -- schema --------------------------------------------------------------

def test_migrations_create_the_schema_from_empty(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    engine = connect(db_url)
    try:
        assert set(TABLES) - set(inspect(engine).get_table_names()) == set(TABLES)
        assert upgrade(engine, snapshot=False) == HEAD          # the migrations themselves
        assert set(TABLES) <= set(inspect(engine).get_table_names())
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
        assert diff == [], "models.py and the migrations disagree"
        assert upgrade(engine) == HEAD          # a second upgrade is a no-op
    finally:
        engine.dispose()


def test_a_new_sqlite_file_gets_exactly_the_schema_the_migrations_build(tmp_path):
    from reportmine.store import snapshot

    def schema(url):
        return rows(url, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid")

    migrated, fast = f"sqlite:///{tmp_path}/migrated.db", f"sqlite:///{tmp_path}/fast.db"
    for url, use_snapshot in ((migrated, False), (fast, True)):
        engine = connect(url)
        try:
            assert upgrade(engine, snapshot=use_snapshot) == HEAD
        finally:
            engine.dispose()
    assert snapshot.load()[0] == HEAD, "run python -m reportmine.store after a new migration"
    assert len(schema(fast)) > len(TABLES) and schema(fast) == schema(migrated)
    assert rows(fast, "SELECT version_num FROM alembic_version") == [(HEAD,)]
    engine = connect(migrated)
    try:
        with engine.connect() as conn:
            assert snapshot.dump(conn) == snapshot.SNAPSHOT.read_text(encoding="utf-8")
    finally:
        engine.dispose()


def test_upgrade_from_the_first_revision_keeps_the_rows(db_url, batch):
    engine = connect(db_url)
    try:
        assert upgrade(engine, "0001") == "0001"
        assert "record_flags" not in inspect(engine).get_table_names()
        doc = batch[0][0]
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO documents (doc_sha256, doc, path, format, length, quantity_count, "
                              "record_count, flag_count, warning_codes, analyzed_at) VALUES (:sha, :doc, "
                              ":doc, 'txt', 1, 0, 0, 0, '', CURRENT_TIMESTAMP)"), {"sha": doc.id, "doc": doc.name})
        assert upgrade(engine) == HEAD
        assert "record_flags" in inspect(engine).get_table_names()
    finally:
        engine.dispose()
    assert rows(db_url, "SELECT doc FROM documents") == [(doc.name,)]
    write_batch(db_url, batch[:1])                          # the old row is replaced, not duplicated
    assert count(db_url, "documents") == 1 and count(db_url, "records") == len(batch[0][1])


def test_a_database_from_a_newer_version_is_a_coded_error(sqlite_url):
    write_batch(sqlite_url, [])
    engine = create_engine(sqlite_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError) as err:
        Store.open(sqlite_url)
    assert err.value.code == "E401" and "9999" in err.value.message


def test_head_constant_is_alembics_head():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from reportmine.store.db import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD


def test_records_table_has_the_record_columns_in_order(sqlite_url):
    write_batch(sqlite_url, [])
    engine = create_engine(sqlite_url)
    columns = [c["name"] for c in inspect(engine).get_columns("records")]
    engine.dispose()
    assert columns == [*NAMES, "seq"]


# -- writing ----------------------------------------------------------------

def test_sample_batch_round_trips(db_url, batch):
    write_batch(db_url, batch)
    with Store.open(db_url) as store:
        for doc, records, _ in batch:
            assert store.records(doc.id) == records, doc.name
    for doc, records, _ in batch:
        where = f"WHERE doc_sha256 = '{doc.id}'"
        assert count(db_url, "quantities", where) == len(doc.quantities)
        assert count(db_url, "flags", where) == len(doc.flags)
        assert rows(db_url, f"SELECT record_count, doc FROM documents {where}") == [(len(records), doc.name)]
    assert sum(len(r) for _, r, _ in batch) > 500            # the batch is not trivially small
    engine = connect(db_url)
    flags = metadata.tables["flags"]
    with engine.connect() as conn:                          # evidence is JSON, read back as written
        stored = conn.execute(flags.select().order_by(flags.c.doc_sha256, flags.c.seq)).mappings().all()
    engine.dispose()
    written = [f for doc, _, _ in sorted(batch, key=lambda b: b[0].id) for f in doc.flags]
    assert [r["evidence"] for r in stored] == [f.evidence or None for f in written]
    assert any(r["evidence"] for r in stored)


def test_sqlite_and_postgresql_hold_identical_rows(sqlite_url, pg_url, batch):
    write_batch(sqlite_url, batch)
    write_batch(pg_url, batch)
    cols = ", ".join(f'"{n}"' for n in NAMES)
    queries = [f"SELECT {cols} FROM records ORDER BY record_id",
               'SELECT doc_sha256, seq, "start", "end", text, norm_value, norm_unit, role, indicator, '
               "indicator_id, period, article, page FROM quantities ORDER BY doc_sha256, seq",
               'SELECT doc_sha256, seq, "start", "end", code, type, subtype, message, arithmetic '
               "FROM flags ORDER BY doc_sha256, seq",
               "SELECT doc_sha256, doc, format, pages, length, quantity_count, record_count, flag_count "
               "FROM documents ORDER BY doc_sha256",
               "SELECT record_id, doc_sha256, flag_seq FROM record_flags ORDER BY record_id, flag_seq"]
    for sql in queries:
        in_sqlite, in_pg = rows(sqlite_url, sql), rows(pg_url, sql)
        assert in_sqlite and in_sqlite == in_pg, sql


def test_rerun_replaces_rows_never_duplicates(db_url, batch):
    write_batch(db_url, batch, "first")
    before = {t: count(db_url, t) for t in ("documents", "quantities", "flags", "records")}
    write_batch(db_url, batch, "second")
    assert {t: count(db_url, t) for t in before} == before
    assert count(db_url, "runs") == 2
    assert count(db_url, "run_files") == 2 * len(batch)
    assert rows(db_url, "SELECT command, file_count, ok_count FROM runs ORDER BY started_at") == [
        ("first", len(batch), len(batch)), ("second", len(batch), len(batch))]

    doc, records, _ = batch[0]
    with Store.open(db_url) as store:                      # the document changed: fewer records
        store.write_document(doc, records[:3])
        assert store.records(doc.id) == records[:3]
    assert count(db_url, "records") == before["records"] - len(records) + 3


def test_failed_write_leaves_the_old_rows_and_no_partial_ones(db_url, batch):
    (doc, records, _), (other, other_records, _) = batch[0], batch[1]
    broken = records + [dict(records[0])]                 # a duplicate record_id: the insert fails
    with Store.open(db_url) as store:
        store.write_document(doc, records)
        with pytest.raises(StoreError) as err:
            store.write_document(doc, broken)
        assert err.value.code == "E402" and doc.name in err.value.message
        assert store.records(doc.id) == records
        with pytest.raises(StoreError):
            store.write_document(other, other_records + [dict(other_records[-1])])
    assert count(db_url, "quantities", f"WHERE doc_sha256 = '{doc.id}'") == len(doc.quantities)
    for table in ("documents", "quantities", "flags", "records"):
        assert count(db_url, table, f"WHERE doc_sha256 = '{other.id}'") == 0, table


def test_plain_sql_reads_flag_codes_and_empty_values(sqlite_url, batch):
    write_batch(sqlite_url, batch)
    flagged = rows(sqlite_url, "SELECT flag_codes, status FROM records WHERE status = 'flagged'")
    assert flagged and all(codes and codes.startswith("R") for codes, _ in flagged)
    assert rows(sqlite_url, "SELECT COUNT(*) FROM records WHERE flag_codes = '' AND status = 'ok'")[0][0] > 0
    # a value the text does not give is empty (NULL), never 0
    assert rows(sqlite_url, "SELECT COUNT(*) FROM records WHERE target IS NULL")[0][0] > 0


def test_record_flags_link_each_flagged_record_to_its_flags(db_url, batch):
    write_batch(db_url, batch)
    links = sum(len(f["record_ids"]) for _, _, flags in batch for f in flags)
    assert links > 0 and count(db_url, "record_flags") == links
    joined = rows(db_url, "SELECT r.record_id, r.flag_codes, f.code FROM records r "
                          "JOIN record_flags l ON l.record_id = r.record_id "
                          "JOIN flags f ON f.doc_sha256 = l.doc_sha256 AND f.seq = l.flag_seq")
    codes: dict[str, set] = {}
    for record_id, flag_codes, code in joined:
        assert code in flag_codes.split(","), (record_id, flag_codes, code)
        codes.setdefault(record_id, set()).add(code)
    flagged = dict(rows(db_url, "SELECT record_id, flag_codes FROM records WHERE status = 'flagged'"))
    assert set(codes) == set(flagged)
    assert all(codes[r] == set(c.split(",")) for r, c in flagged.items())


def test_numbers_that_are_not_finite_are_stored_empty(db_url, batch):
    import copy
    from dataclasses import replace

    doc, records, _ = batch[0]
    doc = copy.copy(doc)
    doc.quantities = [replace(doc.quantities[0], norm_value=float("inf"), value=float("nan")),
                      *doc.quantities[1:]]
    records = [dict(records[0], actual=float("nan"), target=float("-inf")), *records[1:]]
    with Store.open(db_url) as store:
        store.write_document(doc, records)
        assert store.records(doc.id)[0]["actual"] is None and store.records(doc.id)[0]["target"] is None
    assert rows(db_url, "SELECT value, norm_value FROM quantities WHERE seq = 0") == [(None, None)]


# -- URLs, errors, command line ------------------------------------------

def test_engine_urls(tmp_path):
    assert engine_url("postgresql://u@h:5/db") == "postgresql+psycopg://u@h:5/db"
    assert engine_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert engine_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert engine_url(None, tmp_path) == f"sqlite:///{tmp_path.resolve() / 'reportmine.db'}"
    assert engine_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path.resolve() / 'x.db'}"


def test_unreachable_server_is_a_coded_error():
    with pytest.raises(ReportmineError) as err:
        Store.open("postgresql://nobody:secret@127.0.0.1:1/none")
    assert err.value.code == "E401" and "secret" not in err.value.message
    result = CliRunner().invoke(cli, ["db", "upgrade", "--db", "postgresql://nobody@127.0.0.1:1/none"])
    assert result.exit_code == 2 and "E401" in result.output


def test_analyze_writes_the_default_sqlite_file_and_a_db_url(tmp_path, pg_url, monkeypatch):
    files = [str(p) for p in SAMPLES if p.suffix == ".txt"][-2:]
    for _ in range(2):
        result = CliRunner().invoke(cli, ["analyze", *files, "--out", str(tmp_path / "out")])
        assert result.exit_code == 0, result.output
    default = engine_url(None, tmp_path / "out")
    assert count(default, "documents") == 2 and count(default, "runs") == 2
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(cli, ["analyze", files[0], files[0], str(tmp_path / "empty.txt"),
                                      "--out", str(tmp_path / "out")])
    assert result.exit_code == 1                                  # one file failed, the rest written
    assert rows(default, "SELECT status, error_code FROM run_files WHERE run_id = (SELECT run_id FROM "
                "runs WHERE error_count = 1)") == [("ok", None), ("error", "E002")]   # a file named twice is read once
    assert count(default, "documents") == 2
    url = make_url(pg_url)
    if not url.password:                      # the dev/CI server trusts loopback: any password will do
        url = url.set(password="s3cret")
    argv = ["analyze", *files, "--out", str(tmp_path / "o2"), "--db", url.render_as_string(False)]
    monkeypatch.setattr(sys, "argv", ["reportmine", *argv])
    result = CliRunner().invoke(cli, argv)
    assert result.exit_code == 0, result.output
    [(command,)] = rows(pg_url, "SELECT command FROM runs")
    assert "--db postgresql" in command and url.password not in command
    sql = "SELECT record_id, actual, completion_rate, flag_codes FROM records ORDER BY record_id"
    assert rows(pg_url, sql) == rows(default, sql) and len(rows(pg_url, sql)) > 50


def test_db_upgrade_command(tmp_path):
    target = tmp_path / "new.db"
    result = CliRunner().invoke(cli, ["db", "upgrade", "--db", str(target)])
    assert result.exit_code == 0 and HEAD in result.output
    assert rows(engine_url(str(target)), "SELECT version_num FROM alembic_version") == [(HEAD,)]


def test_postgresql_tests_fail_in_ci_and_skip_elsewhere_without_a_server(monkeypatch):
    from store_helpers import ENV, _admin_engine

    for url in (None, "postgresql://nobody@127.0.0.1:1/none"):
        if url:
            monkeypatch.setenv(ENV, url)
        else:
            monkeypatch.delenv(ENV, raising=False)
        monkeypatch.setenv("CI", "true")
        with pytest.raises(pytest.fail.Exception):
            _admin_engine()
        monkeypatch.delenv("CI")
        with pytest.raises(pytest.skip.Exception):
            _admin_engine()


def test_two_processes_migrating_an_empty_database_at_once_both_succeed(db_url):
    import subprocess
    import sys

    code = "import sys; from reportmine.store import Store; Store.open(sys.argv[1]).close()"
    procs = [subprocess.Popen([sys.executable, "-c", code, db_url], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT) for _ in range(3)]
    outputs = [p.communicate(timeout=120)[0].decode("utf-8", "replace") for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outputs
    assert rows(db_url, "SELECT version_num FROM alembic_version") == [(HEAD,)]
