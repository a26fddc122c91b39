"""Real databases for the store tests: a SQLite file per test, and a fresh
PostgreSQL database per test on the server that .ci/dev-postgres.sh starts
(REPORTMINE_TEST_PG_URL). Without that server the PostgreSQL tests skip, except
under CI=true, where they fail."""

from __future__ import annotations

import os
import uuid

import pytest

ENV = "REPORTMINE_TEST_PG_URL"


def _admin_engine():
    from sqlalchemy import create_engine

    from reportmine.store import engine_url

    url = os.environ.get(ENV)
    problem = None
    if not url:
        problem = f"{ENV} is not set (eval \"$(bash .ci/dev-postgres.sh)\")"
    else:
        try:
            engine = create_engine(engine_url(url), isolation_level="AUTOCOMMIT")
            with engine.connect():
                return engine
        except Exception as exc:  # noqa: BLE001 - any failure to reach the server
            problem = f"PostgreSQL at {url} is not reachable: {exc}"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI needs a PostgreSQL server: {problem}")
    pytest.skip(problem)


@pytest.fixture(scope="session")
def pg_admin():
    engine = _admin_engine()
    yield engine
    engine.dispose()


@pytest.fixture
def pg_url(pg_admin):
    """A new, empty PostgreSQL database, dropped after the test."""
    from sqlalchemy import text

    name = "rm_test_" + uuid.uuid4().hex[:12]
    with pg_admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield pg_admin.url.set(database=name).render_as_string(hide_password=False)
    with pg_admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'run.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request):
    """Each test using this runs once on SQLite and once on PostgreSQL."""
    return request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "pg_url")
