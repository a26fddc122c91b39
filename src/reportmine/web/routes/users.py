"""User management for admins: add, disable or enable, change role."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.routing import Route

from ...review.errors import ReviewError
from .. import data
from ..auth import signed_in
from ..render import page


def _page(request, status_code: int = 200, **context):
    listed = data.list_users(request.app.state.engine)
    return page(request, "users.html", status_code, users=listed, **context)


@signed_in(admin=True)
async def users_page(request):
    return await run_in_threadpool(_page, request, notice=request.query_params.get("done") and "已保存。")


@signed_in(admin=True)
async def add_user(request):
    form = await request.form()
    name, role, password = (str(form.get(k, "")).strip() for k in ("name", "role", "password"))
    try:
        await run_in_threadpool(data.create_user, request.app.state.engine, name, role, password,
                                actor=request.state.user.name)
    except ReviewError as exc:
        return await run_in_threadpool(_page, request, 400, error=f"[{exc.code}] {exc.message}",
                                       typed={"name": name, "role": role})
    return await run_in_threadpool(_page, request, notice=f"已添加用户“{name}”。")


@signed_in(admin=True)
async def change_user(request):
    form = await request.form()
    name, change = request.path_params["name"], str(form.get("change", ""))
    engine, actor = request.app.state.engine, request.state.user.name
    calls = {"disable": lambda: data.disable_user(engine, name, actor=actor),
             "enable": lambda: data.enable_user(engine, name, actor=actor),
             "reviewer": lambda: data.set_role(engine, name, "reviewer", actor=actor),
             "admin": lambda: data.set_role(engine, name, "admin", actor=actor)}
    if change not in calls:
        return await run_in_threadpool(_page, request, 400, error="未知的操作。")
    if name == actor and change in ("disable", "reviewer"):
        return await run_in_threadpool(_page, request, 400, error="不能停用自己或取消自己的管理员权限。")
    try:
        await run_in_threadpool(calls[change])
    except ReviewError as exc:
        return await run_in_threadpool(_page, request, 400, error=f"[{exc.code}] {exc.message}")
    return await run_in_threadpool(_page, request, notice=f"已更新用户“{name}”。")


ROUTES = [Route("/admin/users", users_page, methods=["GET"]), Route("/admin/users", add_user, methods=["POST"]),
          Route("/admin/users/{name}", change_user, methods=["POST"])]
