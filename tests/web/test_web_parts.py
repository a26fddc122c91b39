"""The web app's small parts on their own: the sign-in limiter's window,
session cookies (forged, expired, Chinese names), CSRF tokens, and
`reportmine serve` on a port that is taken."""

from __future__ import annotations

import socket

from click.testing import CliRunner

from reportmine.cli import cli
from reportmine.web import sessions
from reportmine.web.csrf import token_for
from reportmine.web.ratelimit import SignInLimiter
from reportmine.web.signing import sign


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_the_limiter_opens_again_when_failures_leave_the_window():
    clock = Clock()
    limiter = SignInLimiter(per_user=2, per_address=10, window=60, clock=clock)
    limiter.failed("Ann", "10.0.0.1")
    assert limiter.wait_seconds("ann", "10.0.0.2") == 0
    clock.now += 10
    limiter.failed("ann ", "10.0.0.2")
    assert limiter.wait_seconds("ANN", "10.0.0.3") == 50          # names compare case-blind
    clock.now += 50
    assert limiter.wait_seconds("ann", "10.0.0.3") == 0
    limiter.failed("ann", "10.0.0.3")
    limiter.succeeded("ann")
    assert limiter.wait_seconds("ann", "10.0.0.3") == 0


def test_session_cookies_carry_chinese_names_and_refuse_forgeries():
    class Response:
        def set_cookie(self, name, value, **options):
            self.value, self.options = value, options

    r = Response()
    sessions.start(r, b"k", "张三", https=True)
    assert r.value.isascii() and r.options["secure"] and r.options["httponly"] and r.options["samesite"] == "lax"
    assert sessions.user_name_from(b"k", r.value) == "张三"
    assert sessions.user_name_from(b"other", r.value) is None
    assert sessions.user_name_from(b"k", r.value + "x") is None
    assert sessions.user_name_from(b"k", r.value, now=10 ** 12) is None          # expired
    assert sessions.user_name_from(b"k", sign(b"k", "not-base64!:1:x")) is None


def test_csrf_tokens_depend_on_the_secret_and_the_cookie():
    assert token_for(b"a", "seed") == token_for(b"a", "seed")
    assert token_for(b"a", "seed") != token_for(b"b", "seed") != token_for(b"a", "seed2")


def test_serve_on_a_taken_port_is_a_coded_error(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        res = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "run.db"), "--port", str(port)])
    assert res.exit_code == 2 and "E703" in res.output
