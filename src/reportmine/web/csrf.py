"""One middleware checks the CSRF token of every state-changing request.

Every visitor gets a random ``rm_csrf`` cookie (HttpOnly, SameSite=Lax); the
token that forms carry in their hidden ``csrf_token`` field (or a script in the
``X-CSRF-Token`` header) is an HMAC of that cookie under the app's secret. A
POST, PUT, PATCH or DELETE whose token is missing or wrong is answered 403
before any route runs, so it changes nothing. The body is read once here and
replayed to the app.
"""

from __future__ import annotations

import hmac
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

from .signing import mac, random_token

COOKIE = "rm_csrf"
FIELD = "csrf_token"
HEADER = b"x-csrf-token"
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
MAX_BODY = 1 << 20
REFUSED = "请求缺少有效的安全令牌（CSRF），操作未执行。请刷新页面后重试。"


def token_for(secret: bytes, seed: str) -> str:
    return mac(secret, "csrf:" + seed)


def cookie_value(scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == b"cookie":
            jar = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # noqa: BLE001 - a malformed cookie header is no cookie
                return None
            if COOKIE in jar:
                return jar[COOKIE].value
    return None


class CSRFMiddleware:
    def __init__(self, app, secret: bytes):
        self.app, self.secret = app, secret

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        seed = cookie_value(scope)
        fresh = seed is None
        if fresh:
            seed = random_token()
        scope.setdefault("state", {})["csrf_token"] = token_for(self.secret, seed)
        if scope["method"] in UNSAFE:
            body = await _read_body(receive)
            if body is None:
                return await _refuse(send, 413, "请求内容过大。")
            if fresh or not self._valid(scope, body, seed):
                return await _refuse(send, 403, REFUSED)
            receive = _replay(body)
        await self.app(scope, receive, _with_cookie(send, seed, scope) if fresh else send)

    def _valid(self, scope, body: bytes, seed: str) -> bool:
        expected = token_for(self.secret, seed)
        headers = dict(scope.get("headers", ()))
        given = headers.get(HEADER, b"").decode("latin-1")
        if not given and headers.get(b"content-type", b"").startswith(b"application/x-www-form-urlencoded"):
            given = parse_qs(body.decode("utf-8", "replace")).get(FIELD, [""])[0]
        return bool(given) and hmac.compare_digest(given, expected)


async def _read_body(receive) -> bytes | None:
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
        if not message.get("more_body"):
            break
    return b"".join(chunks)


def _replay(body: bytes):
    sent = False

    async def receive():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}

    return receive


def _with_cookie(send, seed: str, scope):
    secure = "; Secure" if scope.get("scheme") == "https" else ""
    header = f"{COOKIE}={seed}; Path=/; HttpOnly; SameSite=Lax{secure}".encode("latin-1")

    async def wrapped(message):
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), (b"set-cookie", header)]}
        await send(message)

    return wrapped


async def _refuse(send, status: int, text: str) -> None:
    body = (f'<!doctype html><meta charset="utf-8"><title>{status}</title>'
            f'<p style="font-family:sans-serif;padding:2em">{text}</p>').encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/html; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
