"""A user's own account: a new API token (shown once), a new password."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.routing import Route

from ...review.errors import ReviewError
from .. import data
from ..auth import signed_in
from ..render import page


@signed_in()
async def account_page(request):
    return page(request, "account.html", token=None)


@signed_in()
async def new_token(request):
    user = request.state.user
    token = await run_in_threadpool(data.issue_token, request.app.state.engine, user.name, actor=user.name)
    return page(request, "account.html", token=token, notice="已生成新的 API 令牌；旧令牌已失效。")


@signed_in()
async def new_password(request):
    form = await request.form()
    user, engine = request.state.user, request.app.state.engine
    current, new = str(form.get("current", "")), str(form.get("password", ""))
    if not await run_in_threadpool(data.sign_in, engine, user.name, current):
        return page(request, "account.html", 400, token=None, error="当前密码不正确。")
    try:
        await run_in_threadpool(data.set_password, engine, user.name, new, actor=user.name)
    except ReviewError as exc:
        return page(request, "account.html", 400, token=None, error=f"[{exc.code}] {exc.message}")
    return page(request, "account.html", token=None, notice="密码已更新。")


ROUTES = [Route("/account", account_page, methods=["GET"]), Route("/account/token", new_token, methods=["POST"]),
          Route("/account/password", new_password, methods=["POST"])]
