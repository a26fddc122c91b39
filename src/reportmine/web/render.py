"""Pages from Jinja2 templates, autoescaped: every value a template prints is
escaped unless it is markupsafe.Markup built by our own code (the highlighted
text, whose pieces exports/highlight.py escapes). Report text never passes
through ``|safe``; JSON for scripts goes through ``|tojson`` (which escapes
``<``, ``>``, ``&`` and quotes)."""

from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache

from jinja2 import Environment, PackageLoader
from starlette.responses import HTMLResponse

from .labels import DECISIONS, STATUS, flag_label, role_label


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("reportmine.web", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(when=when, status_label=lambda s: STATUS.get(s or "new", STATUS["new"])["label"],
                       flag_label=flag_label, role_label=role_label, num=num)
    env.globals.update(STATUS=STATUS, DECISIONS=DECISIONS)
    return env


def page(request, template: str, status_code: int = 200, **context) -> HTMLResponse:
    context.setdefault("user", getattr(request.state, "user", None))
    for key in ("notice", "error", "conflict"):
        context.setdefault(key, None)
    context["status_code"] = status_code
    context["csrf_token"] = request.scope.get("state", {}).get("csrf_token", "")
    context["request_path"] = request.url.path
    html = environment().get_template(template).render(**context)
    return HTMLResponse(html, status_code=status_code)


def when(value) -> str:
    """A time as reviewers read it: local-free UTC, to the minute."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M")


def num(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)
