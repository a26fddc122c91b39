"""The SQLite run database written without SQLAlchemy (store/sqlite_writer.py)
is the database ``Store`` writes: the same schema, Alembic revision and rows
(values and their SQLite types), whichever of the two writes which run; a file
it cannot write as it is goes to ``Store``; ``analyze`` never imports SQLAlchemy."""

from __future__ import annotations

import copy
import sqlite3
import subprocess
import sys
import uuid
from dataclasses import replace
from datetime import datetime, timezone

import pytest

from reportmine.pipeline import Pipeline
from reportmine.records import build_tables
from reportmine.store import Store, StoreError, connect, upgrade
from reportmine.store import db as sqlalchemy_store
from reportmine.store import sqlite_writer
from reportmine.store.models import HEAD
from reportmine.store.run import open_store
from reportmine.store.sqlite_writer import SqliteWriter

from helpers import CORPORA

FILES = ["environment_energy_self_check.txt", "county_economy_speech.pdf", "employment_bureau_self_assessment.docx",
         "public_security_safety_summary.txt"]


@pytest.fixture(scope="module")
def batch():
    """Sample reports in the three formats, one without boilerplate, one with
    numbers that are not finite."""
    pipeline = Pipeline()
    docs = [pipeline.analyze(CORPORA / "samples" / name) for name in FILES]
    docs[1] = copy.copy(docs[1])
    docs[1].boilerplate = []
    docs[-1] = copy.copy(docs[-1])
    docs[-1].quantities = [replace(docs[-1].quantities[0], value=float("nan"), norm_value=float("inf")),
                           *docs[-1].quantities[1:]]
    out = [(d, *build_tables(d)) for d in docs]
    doc, records, flags = out[-1]
    out[-1] = (doc, [dict(records[0], actual=float("nan")), *records[1:]], flags)
    return out


@pytest.fixture
def same_ids_and_times(monkeypatch):
    """Both writers draw run ids and times from the same sequences; calling
    the fixture's value starts them again."""
    state = {}

    def restart():
        state["ids"] = iter(uuid.UUID(int=i) for i in range(1, 1000))
        state["moments"] = iter(datetime(2026, 3, 1, 8, 0, i % 60, 1000 * i, tzinfo=timezone.utc)
                                for i in range(1, 1000))

    restart()
    monkeypatch.setattr(uuid, "uuid4", lambda: next(state["ids"]))
    clock = lambda: next(state["moments"])  # noqa: E731
    monkeypatch.setattr(sqlalchemy_store, "_now", clock)
    monkeypatch.setattr(sqlite_writer, "_now", clock)
    return restart


def by_sqlalchemy(url):
    return Store.open(url)


def by_sqlite3(url):
    writer = SqliteWriter.open(url)
    assert writer is not None, url
    return writer


def first_run(store, batch):
    run_id = store.start_run("reportmine analyze a b")
    for doc, records, flags in batch:
        store.write_document(doc, records, run_id, flags)
    store.write_error("in/坏文件.txt", "E002", "文件为空", run_id)
    store.finish_run(run_id)


def second_run(store, batch):
    """A rerun: one document changed (fewer records), the others noted as they were."""
    run_id = store.start_run(None)
    assert store.has_documents({d.id for d, _, _ in batch}) and not store.has_documents({"0" * 64})
    store.write_run_files(run_id, [{"path": d.path, "doc": d.name, "doc_sha256": d.id, "status": "ok"}
                                   for d, _, _ in batch[1:]])
    doc, records, _ = batch[0]
    store.write_document(doc, records[:3], run_id)
    store.write_error("in/x.pdf", "E201", "无法读取", run_id)
    assert store.finish_run(run_id) == {"file_count": len(batch) + 1, "ok_count": len(batch), "error_count": 1}


def contents(path) -> dict:
    """Schema, revision and every row of every table with each value's SQLite type, sorted."""
    conn = sqlite3.connect(path)
    try:
        schema = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid").fetchall()
        tables = [name for kind, name, _, _ in schema if kind == "table"]
        out = {"schema": schema}
        for table in tables:
            names = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            typed = ", ".join(f'"{n}", typeof("{n}")' for n in names)
            out[table] = sorted(conn.execute(f'SELECT {typed} FROM "{table}"').fetchall(), key=repr)
        return out
    finally:
        conn.close()


def test_both_writers_make_the_same_database(tmp_path, batch, same_ids_and_times):
    reference, fast = tmp_path / "sqlalchemy.db", tmp_path / "sqlite3.db"
    engine = connect(str(reference))                      # the schema the Alembic migrations build
    assert upgrade(engine, snapshot=False) == HEAD
    engine.dispose()
    results = {}
    for path, open_with in ((reference, by_sqlalchemy), (fast, by_sqlite3)):
        same_ids_and_times()
        for run in (first_run, second_run):
            with open_with(f"sqlite:///{path}") as store:
                run(store, batch)
        results[path] = contents(path)
    assert results[fast] == results[reference]
    assert results[fast]["alembic_version"] == [(HEAD, "text")]
    rows = results[fast]
    assert len(rows["runs"]) == 2 and len(rows["run_files"]) == 2 * (len(batch) + 1)
    assert len(rows["documents"]) == len(batch) and len(rows["records"]) > 100
    boilerplate = [r[4] for r in rows["document_texts"]]        # JSON: a none as SQLAlchemy writes it, and lists
    assert "null" in boilerplate and any(b.startswith("[[") for b in boilerplate)


@pytest.mark.parametrize("first, then", [(by_sqlite3, by_sqlalchemy), (by_sqlalchemy, by_sqlite3)])
def test_either_writer_continues_the_others_database(tmp_path, batch, same_ids_and_times, first, then):
    mixed, reference = tmp_path / "mixed.db", tmp_path / "reference.db"
    with first(f"sqlite:///{mixed}") as store:
        first_run(store, batch)
    with then(f"sqlite:///{mixed}") as store:
        second_run(store, batch)
    same_ids_and_times()
    for run in (first_run, second_run):
        with by_sqlalchemy(f"sqlite:///{reference}") as store:
            run(store, batch)
    assert contents(mixed) == contents(reference)
    with Store.open(f"sqlite:///{mixed}") as store:          # SQLAlchemy reads the records back
        doc, records, _ = batch[0]
        assert store.records(doc.id) == records[:3]


def test_a_database_to_migrate_or_that_will_not_open_goes_to_store(tmp_path):
    old = f"sqlite:///{tmp_path / 'old.db'}"
    engine = connect(old)
    assert upgrade(engine, "0001") == "0001"
    engine.dispose()
    assert SqliteWriter.open(old) is None
    store = open_store(old)                                  # Store migrates it
    assert isinstance(store, Store)
    store.close()
    assert SqliteWriter.open(old) is not None
    newer = tmp_path / "newer.db"
    with by_sqlite3(f"sqlite:///{newer}") as writer:
        writer.conn.execute("UPDATE alembic_version SET version_num = '9999'")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database, " * 100)
    for path, words in ((newer, "9999"), (junk, "not a database")):
        assert SqliteWriter.open(f"sqlite:///{path}") is None
        with pytest.raises(StoreError) as err:
            open_store(f"sqlite:///{path}")
        assert err.value.code == "E401" and words in err.value.message
    for url in ("sqlite://", "sqlite:///:memory:", f"sqlite:///{tmp_path}/x.db?mode=ro", "postgresql://u@h/db"):
        assert SqliteWriter.open(url) is None


def test_a_large_documents_rows_are_made_a_chunk_at_a_time_and_stored_the_same(tmp_path, batch, same_ids_and_times,
                                                                             monkeypatch):
    from reportmine.store import rows

    doc, records, flags = batch[-1]
    doc = copy.copy(doc)
    doc.quantities = list(doc.quantities)
    doc.quantities[9] = replace(doc.quantities[9], low=float("-inf"))      # not finite, in a later chunk
    assert len(doc.quantities) > 12 and len(doc.flags) > 4
    stored = []
    for chunk in (rows.CHUNK_ROWS, 4):
        monkeypatch.setattr(rows, "CHUNK_ROWS", chunk)
        for open_with in (by_sqlalchemy, by_sqlite3):
            path = tmp_path / f"{chunk}-{open_with.__name__}.db"
            same_ids_and_times()
            with open_with(f"sqlite:///{path}") as store:
                first_run(store, [(doc, records, flags)])
            stored.append(contents(path))
    assert all(s == stored[0] for s in stored[1:])
    assert len(stored[0]["quantities"]) == len(doc.quantities) and len(stored[0]["flags"]) == len(doc.flags)
    made = rows.quantity_rows(doc)
    assert not isinstance(made.values, list)            # made as they are inserted
    made = list(made.values)
    assert [r[1] for r in made] == list(range(len(doc.quantities)))
    assert made[9][rows.quantity_rows(doc).columns.index("low")] is None
    assert not isinstance(rows.flag_rows(doc).values, list)


def test_a_failed_document_leaves_the_old_rows(tmp_path, batch):
    (doc, records, flags), (other, other_records, _) = batch[0], batch[1]
    with by_sqlite3(f"sqlite:///{tmp_path / 'run.db'}") as store:
        store.write_document(doc, records, None, flags)
        with pytest.raises(StoreError) as err:
            store.write_document(doc, records + [dict(records[0])])        # a duplicate record_id
        assert err.value.code == "E402" and doc.name in err.value.message
        with pytest.raises(StoreError):
            store.write_document(other, other_records + [dict(other_records[-1])])
    with Store.open(f"sqlite:///{tmp_path / 'run.db'}") as store:
        assert store.records(doc.id) == records and store.records(other.id) == []


def test_processes_creating_one_new_database_at_once_all_succeed_and_lose_nothing(tmp_path):
    """Each process writes a run right after the database is created, some through
    Store, some through the sqlite3 writer; no run is lost (a process closing its
    connection must never take another's write-ahead log for its own: with the
    lock on the database file itself this lost a run about one time in five)."""
    url = f"sqlite:///{tmp_path / 'new.db'}"
    code = ("import sys; from reportmine.store.run import open_store; from reportmine.store import Store\n"
            "s = Store.open(sys.argv[1]) if sys.argv[2] == 'Store' else open_store(sys.argv[1])\n"
            "s.start_run('x'); s.close(); print(type(s).__name__)")
    kinds = ["SqliteWriter", "Store", "SqliteWriter"] * 2
    procs = [subprocess.Popen([sys.executable, "-c", code, url, kind], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT) for kind in kinds]
    outputs = [p.communicate(timeout=120)[0].decode("utf-8", "replace").strip() for p in procs]
    assert [p.returncode for p in procs] == [0] * 6 and outputs == kinds, outputs
    conn = sqlite3.connect(tmp_path / "new.db")
    assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
    assert conn.execute("SELECT COUNT(*) FROM runs").fetchone() == (6,)
    conn.close()


def test_a_database_another_process_is_still_creating_is_waited_for_not_handed_to_store(tmp_path):
    """Store creates a new file's tables one statement at a time, the revision
    last, under the file lock: a writer that sees some tables and no revision
    waits for the lock and looks again (it used to hand the file to Store)."""
    import threading
    import time

    from reportmine.store import snapshot

    path = tmp_path / "new.db"
    _, statements = snapshot.load()
    creator = sqlite3.connect(path)
    creator.execute(statements[0])
    creator.commit()
    opened = {}

    def open_and_write():
        writer = SqliteWriter.open(f"sqlite:///{path}")
        opened["writer"] = type(writer).__name__
        if writer is not None:
            writer.start_run("x")
            writer.close()

    with snapshot.file_lock(str(path)):
        waiter = threading.Thread(target=open_and_write)
        waiter.start()
        time.sleep(0.5)
        assert "writer" not in opened               # waiting for the creator
        for statement in statements[1:]:
            creator.execute(statement)
        creator.commit()
    waiter.join(30)
    creator.close()
    assert opened["writer"] == "SqliteWriter"
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT COUNT(*) FROM runs").fetchone() == (1,)
    conn.close()


def test_analyze_writes_its_database_without_sqlalchemy(tmp_path):
    code = ("import sys; from reportmine.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "print(sorted(m for m in ('sqlalchemy', 'alembic') if m in sys.modules))")
    source = str(CORPORA / "samples" / FILES[0])
    done = subprocess.run([sys.executable, "-c", code, "analyze", source, "--out", str(tmp_path), "-q"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stdout + done.stderr
    with Store.open(f"sqlite:///{tmp_path / 'reportmine.db'}") as store:
        assert len(store.records()) > 50


def test_record_number_columns_are_the_models_doubles():
    from sqlalchemy import Double

    from reportmine.store.models import Record
    from reportmine.store.rows import RECORD_COLUMNS, RECORD_NUMBERS

    assert RECORD_COLUMNS == tuple(c.name for c in Record.__table__.columns if c.name != "seq")
    assert RECORD_NUMBERS == tuple(c.name for c in Record.__table__.columns if isinstance(c.type, Double))

