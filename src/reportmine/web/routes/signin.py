"""Sign-in and sign-out."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse
from starlette.routing import Route

from .. import data, sessions
from ..auth import https, session_user
from ..render import page


def safe_next(target: str | None) -> str:
    """Only a path on this site (never //host or a scheme)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


async def login_form(request):
    if await run_in_threadpool(session_user, request):
        return RedirectResponse(safe_next(request.query_params.get("next")), status_code=303)
    return page(request, "login.html", next=safe_next(request.query_params.get("next")), username="")


async def login(request):
    form = await request.form()
    name, password = str(form.get("username", "")).strip(), str(form.get("password", ""))
    target = safe_next(str(form.get("next", "")))
    limiter, address = request.app.state.limiter, request.client.host if request.client else "?"
    wait = limiter.wait_seconds(name, address)
    if wait:
        minutes = max(1, (wait + 59) // 60)
        return page(request, "login.html", 429, next=target, username=name,
                    error=f"登录失败次数过多，请 {minutes} 分钟后再试。")
    user = await run_in_threadpool(data.sign_in, request.app.state.engine, name, password) if name else None
    if user is None:
        limiter.failed(name, address)
        return page(request, "login.html", 401, next=target, username=name, error="用户名或密码错误。")
    limiter.succeeded(name)
    response = RedirectResponse(target, status_code=303)
    sessions.start(response, request.app.state.secret, user.name, https(request))
    return response


async def logout(request):
    response = RedirectResponse("/login", status_code=303)
    sessions.end(response, https(request))
    return response


ROUTES = [Route("/login", login_form, methods=["GET"]), Route("/login", login, methods=["POST"]),
          Route("/logout", logout, methods=["POST"])]
