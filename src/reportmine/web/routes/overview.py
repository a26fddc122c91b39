"""The batch overview: documents with counts, filters and review progress."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.routing import Route

from .. import data
from ..auth import signed_in
from ..labels import flag_types
from ..render import page

FILTERS = ("org", "indicator", "flag_type", "status")


def filters_of(request) -> dict:
    return {k: (request.query_params.get(k) or "").strip() for k in FILTERS}


def _context(engine, filters: dict) -> dict:
    chosen = {k: v or None for k, v in filters.items()}
    documents = data.overview(engine, **chosen)
    progress = data.progress(engine, None if any(chosen.values()) else documents)
    total = progress.get("total") or 0
    progress["percent"] = round(100 * progress.get("done", 0) / total) if total else 0
    choices = data.filter_choices(engine)
    known = dict(flag_types())
    choices["flag_types"] = [(t, known.get(t, t)) for t in choices.get("flag_types", [])] or list(known.items())
    return {"documents": documents, "progress": progress, "choices": choices, "filters": filters}


@signed_in()
async def overview(request):
    filters = filters_of(request)
    context = await run_in_threadpool(_context, request.app.state.engine, filters)
    return page(request, "overview.html", **context)


ROUTES = [Route("/", overview, methods=["GET"])]
