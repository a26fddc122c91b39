"""The reviewer's actions, each a POST form (the CSRF middleware has already
checked its token): confirm or correct a value, decide a flag, add a note,
approve or return the document. Success redirects back to the page (and the
item); a conflict (someone else changed the item first) re-renders the page
with 409, the other reviewer's change and what this reviewer typed."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse
from starlette.routing import Route

from ...review.errors import ConflictError, ReviewError
from .. import data
from ..auth import signed_in
from ..labels import RECORD_FIELDS
from .documents import document_page

CONFIRMABLE = ("actual", "target", "basic_target", "full_target", "forecast", "completion_rate",
               "growth", "difference")


def _version(form: dict, key: str = "version") -> int:
    try:
        return int(form.get(key) or 0)
    except ValueError:
        return -1


def _act(request, doc: str, target: str, anchor: str, form: dict, work):
    """Run ``work(engine, actor)``; redirect on success, re-render on refusal."""
    engine, actor = request.app.state.engine, request.state.user.name
    try:
        work(engine, actor)
    except ConflictError as exc:
        conflict = {"target": target, "message": exc.message, "current": _current_text(exc.current),
                    "form": dict(form)}
        return document_page(request, doc, 409, conflict=conflict)
    except ReviewError as exc:
        return document_page(request, doc, 400, conflict={"target": target, "message": None, "form": dict(form)},
                             error=f"[{exc.code}] {exc.message}")
    return RedirectResponse(f"/documents/{doc}{anchor}", status_code=303)


def _current_text(state: dict) -> str:
    shown = [f"{k}={state[k]}" for k in ("kind", "value", "decision", "status", "message", "reason")
             if state.get(k) not in (None, "")]
    who = f"（{state.get('by')} · {state.get('at')}）" if state.get("by") else ""
    return "；".join(shown) + who


async def _form(request) -> dict:
    return {k: str(v) for k, v in (await request.form()).items() if k != "csrf_token"}


@signed_in()
async def confirm_record(request):
    doc, rid, form = request.path_params["doc"], request.path_params["rid"], await _form(request)
    fields = [f for f in CONFIRMABLE if f"v_{f}" in form]

    def work(engine, actor):
        values = data.record_values(engine, doc, rid)
        for field in fields:
            if values.get(field) is not None:
                data.confirm_value(engine, actor, doc, "record", rid, field, _version(form, f"v_{field}"))

    return await run_in_threadpool(_act, request, doc, f"record:{rid}", "#tab-records", form, work)


@signed_in()
async def correct_record(request):
    doc, rid, form = request.path_params["doc"], request.path_params["rid"], await _form(request)
    field = form.get("field", "")
    if field not in RECORD_FIELDS:
        field = ""

    def work(engine, actor):
        data.correct_value(engine, actor, doc, "record", rid, field or "?", form.get("value", ""),
                           form.get("reason", ""), _version(form, f"v_{field}"))

    return await run_in_threadpool(_act, request, doc, f"record:{rid}", "#tab-records", form, work)


@signed_in()
async def correct_quantity(request):
    doc, seq, form = request.path_params["doc"], request.path_params["seq"], await _form(request)
    field = form.get("field", "")

    def work(engine, actor):
        data.correct_value(engine, actor, doc, "quantity", seq, field, form.get("value", ""),
                           form.get("reason", ""), _version(form, f"v_{field}"))

    return await run_in_threadpool(_act, request, doc, f"quantity:{seq}", "", form, work)


@signed_in()
async def decide_flag(request):
    doc, seq, form = request.path_params["doc"], request.path_params["seq"], await _form(request)

    def work(engine, actor):
        data.decide_flag(engine, actor, doc, seq, form.get("decision", ""), form.get("reason", ""),
                         _version(form))

    return await run_in_threadpool(_act, request, doc, f"flag:{seq}", f"#flag-{seq}", form, work)


@signed_in()
async def add_note(request):
    doc, form = request.path_params["doc"], await _form(request)

    def work(engine, actor):
        data.add_note(engine, actor, doc, form.get("text", ""))

    return await run_in_threadpool(_act, request, doc, "note", "#tab-notes", form, work)


@signed_in()
async def set_status(request):
    doc, form = request.path_params["doc"], await _form(request)

    def work(engine, actor):
        data.set_status(engine, actor, doc, form.get("status", ""), _version(form), form.get("message"))

    return await run_in_threadpool(_act, request, doc, "status", "", form, work)


ROUTES = [Route("/documents/{doc}/records/{rid}/confirm", confirm_record, methods=["POST"]),
          Route("/documents/{doc}/records/{rid}/correct", correct_record, methods=["POST"]),
          Route("/documents/{doc}/quantities/{seq}", correct_quantity, methods=["POST"]),
          Route("/documents/{doc}/flags/{seq}", decide_flag, methods=["POST"]),
          Route("/documents/{doc}/notes", add_note, methods=["POST"]),
          Route("/documents/{doc}/status", set_status, methods=["POST"])]
