"""The document page: text with highlights, flags, records, notes, audit log."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.routing import Route

from .. import data
from ..auth import signed_in
from ..document_view import context
from ..render import page


def document_page(request, doc: str, status_code: int = 200, conflict: dict | None = None,
                  error: str | None = None):
    """The page (sync: call in a thread); a conflict or error shows what was typed back."""
    view = data.document_view(request.app.state.engine, doc)
    if view is None:
        raise HTTPException(404)
    ctx = context(view, conflict)
    if conflict and conflict.get("target", "").startswith("quantity:"):
        seq = conflict["target"].split(":", 1)[1]
        current = next((q for q in ctx["quantities_json"] if str(q["seq"]) == seq), None)
        if current:
            conflict["form"].update({f"v_{k}": v for k, v in current["versions"].items()})
            conflict["quantity"] = current
    return page(request, "document.html", status_code, error=error, **ctx)


@signed_in()
async def show(request):
    return await run_in_threadpool(document_page, request, request.path_params["doc"])


ROUTES = [Route("/documents/{doc}", show, methods=["GET"])]
