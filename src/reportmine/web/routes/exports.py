"""Exports: returned documents per org (CSV, for sending back), the audit log
(CSV), and the reviewed records (the same files as `reportmine export`, zipped)."""

from __future__ import annotations

import io
import tempfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response
from starlette.routing import Route

from .. import data
from ..auth import signed_in
from ..document_view import audit_row
from ..render import page


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")


def _download(body: bytes, name: str, media: str) -> Response:
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@signed_in()
async def exports_page(request):
    engine = request.app.state.engine
    returned = await run_in_threadpool(data.returned_documents, engine)
    return page(request, "exports.html", returned=returned,
                orgs=sorted({r.get("org") or "" for r in returned}))


@signed_in()
async def returned_csv(request):
    org = request.query_params.get("org") or None
    body = await run_in_threadpool(data.returned_csv, request.app.state.engine, org)
    return _download(body.encode("utf-8-sig"), f"returned-{_stamp()}.csv", "text/csv; charset=utf-8")


@signed_in()
async def audit_csv(request):
    body = await run_in_threadpool(data.audit_csv, request.app.state.engine)
    return _download(body.encode("utf-8-sig"), f"audit-{_stamp()}.csv", "text/csv; charset=utf-8")


@signed_in()
async def audit_page(request):
    entries = await run_in_threadpool(data.audit_entries, request.app.state.engine)
    return page(request, "audit.html", audit=[audit_row(a) for a in reversed(entries[-500:])])


def _zip_export(engine, actor: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="rm-export-") as tmp:
        written = data.export_reviewed(engine, Path(tmp), actor)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(Path(tmp).rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(tmp).as_posix())
        del written
        return buffer.getvalue()


@signed_in()
async def export_records(request):
    body = await run_in_threadpool(_zip_export, request.app.state.engine, request.state.user.name)
    return _download(body, f"reviewed-records-{_stamp()}.zip", "application/zip")


ROUTES = [Route("/exports", exports_page, methods=["GET"]),
          Route("/exports/returned.csv", returned_csv, methods=["GET"]),
          Route("/exports/audit.csv", audit_csv, methods=["GET"]),
          Route("/exports/records", export_records, methods=["POST"]),
          Route("/audit", audit_page, methods=["GET"])]
