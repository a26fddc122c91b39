"""A real review site for the web tests: the run database written by the real
`reportmine analyze --db` over the reports in tests/data/web (one of them
carries hostile HTML), two users, and the app served by a real uvicorn on a
free loopback port (in a thread), on SQLite or PostgreSQL."""

from __future__ import annotations

import re
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field

import pytest
from click.testing import CliRunner

from reportmine.cli import cli

from helpers import DATA
from store_helpers import ENV, _admin_engine

REPORTS = DATA / "web"
HOSTILE = "白石镇2024年工作报告.txt"
COUNTY = "青山县交通运输局2024年工作总结.txt"
USERS = {"ann": ("admin", "ann-password-1"), "bob": ("reviewer", "bob-password-1")}
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def analyze_into(url: str, out) -> None:
    """Run the real analyze command into the database, then add the users with the
    same function `reportmine users add` calls."""
    res = CliRunner().invoke(cli, ["analyze", str(REPORTS), "--out", str(out), "--db", url])
    assert res.exit_code == 0, res.output
    from reportmine.review import open_db, users

    engine = open_db(url)
    for name, (role, password) in USERS.items():
        users.create_user(engine, name, role, password, actor="test-setup")
    engine.dispose()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LiveServer:
    """uvicorn serving ``app`` in a thread on a free loopback port."""

    app: object
    port: int = field(default_factory=free_port)

    def __enter__(self):
        import uvicorn

        self.server = uvicorn.Server(uvicorn.Config(self.app, host="127.0.0.1", port=self.port,
                                                    log_level="warning", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(10)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture(scope="module")
def cheap_hashes():
    """argon2 with small costs while these tests run (they test the app, not the
    hash's strength; the hashes still verify with the default hasher)."""
    from argon2 import PasswordHasher

    from reportmine.review import users

    saved, users._hasher = users._hasher, PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    users._hasher = saved


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def site_db(request, tmp_path_factory, cheap_hashes):
    """A run database written by analyze, with users: a SQLite file, or a fresh
    PostgreSQL database (dropped afterwards)."""
    out = tmp_path_factory.mktemp("site")
    if request.param == "sqlite":
        url = f"sqlite:///{out / 'run.db'}"
        analyze_into(url, out / "out")
        yield url
        return
    admin = _admin_engine()
    from sqlalchemy import text

    name = "rm_web_" + uuid.uuid4().hex[:12]
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    try:
        analyze_into(url, out / "out")
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="module")
def site(site_db):
    from reportmine.web import create_app

    app = create_app(site_db, secret=b"test-secret-" + site_db.encode())
    with LiveServer(app) as server:
        server.db_url, server.app = site_db, app
        yield server
    app.state.engine.dispose()


def client(site, name: str | None = None):
    """An httpx client; signed in as ``name`` when given. Returns (client, csrf token)."""
    import httpx

    c = httpx.Client(base_url=site.url, follow_redirects=False, timeout=30)
    token = CSRF.search(c.get("/login").text).group(1)
    if name:
        r = c.post("/login", data={"username": name, "password": USERS[name][1], "csrf_token": token})
        assert r.status_code == 303, r.text[-500:]
    return c, token


def doc_ids(c) -> dict[str, str]:
    """File name -> doc_sha256, from the overview's links."""
    html = c.get("/").text
    return {name: sha for sha, name in re.findall(r'href="/documents/([0-9a-f]{64})">([^<]+)</a>', html)}
