"""The read-only JSON API for integrators: /api/records and /api/flags,
filtered like the overview (org, indicator, flag_type, status), authenticated
by a user's token (Authorization: Bearer)."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse
from starlette.routing import Route

from .. import data
from ..auth import token_required
from .overview import filters_of


def _filters(request) -> dict:
    return {k: v or None for k, v in filters_of(request).items()}


@token_required
async def records(request):
    rows = await run_in_threadpool(data.api_records, request.app.state.engine, **_filters(request))
    return JSONResponse({"count": len(rows), "records": rows})


@token_required
async def flags(request):
    rows = await run_in_threadpool(data.api_flags, request.app.state.engine, **_filters(request))
    return JSONResponse({"count": len(rows), "flags": rows})


ROUTES = [Route("/api/records", records, methods=["GET"]), Route("/api/flags", flags, methods=["GET"])]
