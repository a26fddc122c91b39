"""The Starlette application: routes by area (routes/), one CSRF middleware,
static files, and the error pages in Chinese."""

from __future__ import annotations

import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from ..review import open_db
from .csrf import CSRFMiddleware
from .headers import SecurityHeadersMiddleware
from .ratelimit import SignInLimiter
from .render import page
from .routes import all_routes
from .signing import new_secret

STATIC = Path(__file__).with_name("static")
SECRET_ENV = "REPORTMINE_SECRET"
HEADINGS = {404: ("找不到页面", "您要找的页面或文档不存在。"), 405: ("不支持的请求", "该地址不接受这种请求。")}


def secret_from_env() -> bytes:
    """REPORTMINE_SECRET (any text) signs sessions; without it a random one per
    process (everyone signs in again after a restart, and workers cannot share)."""
    value = os.environ.get(SECRET_ENV)
    return value.encode("utf-8") if value else new_secret()


async def http_error(request, exc: HTTPException):
    heading, message = HEADINGS.get(exc.status_code, ("出错了", exc.detail or ""))
    if request.url.path.startswith("/api/"):
        from starlette.responses import JSONResponse

        return JSONResponse({"error": {"code": f"HTTP{exc.status_code}", "message": message}},
                            status_code=exc.status_code)
    request.state.user = getattr(request.state, "user", None)
    return page(request, "error.html", exc.status_code, heading=heading, message=message)


def create_app(db_url: str, secret: bytes | None = None, limiter: SignInLimiter | None = None,
               export_dir: str | Path | None = None, engine=None) -> Starlette:
    secret = secret or secret_from_env()
    routes = [*all_routes(), Mount("/static", StaticFiles(directory=STATIC), name="static")]
    app = Starlette(routes=routes, exception_handlers={HTTPException: http_error},
                    middleware=[Middleware(SecurityHeadersMiddleware),
                                Middleware(CSRFMiddleware, secret=secret)])
    app.state.engine = engine or open_db(db_url)
    app.state.secret = secret
    app.state.limiter = limiter or SignInLimiter()
    app.state.export_dir = Path(export_dir) if export_dir else None
    return app
