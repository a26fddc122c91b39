"""Who may do what: every page needs a session (else a redirect to /login),
admin pages need an admin (else 403), the JSON API needs a user's token in
``Authorization: Bearer`` (else 401). Endpoints are wrapped, never trusted to check."""

from __future__ import annotations

import functools
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, RedirectResponse

from . import data, sessions
from .render import page


def https(request) -> bool:
    return request.url.scheme == "https"


def session_user(request):
    name = sessions.user_name_from(request.app.state.secret, request.cookies.get(sessions.COOKIE))
    if not name:
        return None
    user = data.user(request.app.state.engine, name)
    return user if user and not user.disabled else None


def signed_in(admin: bool = False):
    """Wrap a page endpoint (async, request -> response)."""

    def wrap(endpoint):
        @functools.wraps(endpoint)
        async def guarded(request):
            user = await run_in_threadpool(session_user, request)
            if user is None:
                target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                return RedirectResponse("/login?next=" + quote(target, safe=""), status_code=303)
            request.state.user = user
            if admin and not user.is_admin:
                return page(request, "error.html", 403, heading="没有权限",
                            message="只有管理员可以管理用户。")
            return await endpoint(request)

        return guarded

    return wrap


def api_user(request):
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return data.user_by_token(request.app.state.engine, token.strip())


def token_required(endpoint):
    @functools.wraps(endpoint)
    async def guarded(request):
        user = await run_in_threadpool(api_user, request)
        if user is None:
            return JSONResponse({"error": {"code": "E701", "message": "需要有效的 API 令牌（Authorization: Bearer …）"}},
                                status_code=401, headers={"WWW-Authenticate": "Bearer"})
        request.state.user = user
        return await endpoint(request)

    return guarded
