"""The web app's one door to the data: thin calls into the review layer
(reportmine.review), so that routes never touch tables. Each function takes
the app's engine first; the CLI calls the same review functions."""

from __future__ import annotations

from ..review import actions as _actions
from ..review import audit as _audit
from ..review import queries as _queries
from ..review import returned as _returned
from ..review import users as _users
from ..review.errors import ReviewError

# users
list_users = _users.list_users
create_user = _users.create_user
disable_user = _users.disable_user
enable_user = _users.enable_user
set_role = _users.set_role
set_password = _users.set_password
issue_token = _users.issue_token
# actions
confirm_value = _actions.confirm_value
correct_value = _actions.correct_value
decide_flag = _actions.decide_flag
set_status = _actions.set_status
add_note = _actions.add_note
# reads
overview = _queries.overview
api_records = _queries.api_records
api_flags = _queries.api_flags
returned_documents = _returned.returned_documents


def user(engine, name: str):
    return _users.get_user(engine, name)


def user_by_token(engine, token: str):
    return _users.verify_token(engine, token)


def sign_in(engine, name: str, password: str):
    return _users.verify_password(engine, name, password)


def progress(engine, rows: list[dict] | None = None) -> dict:
    """Counts over every document (``rows``: the unfiltered overview, if at hand)."""
    got = _queries.progress(_queries.overview(engine) if rows is None else rows)
    return {"counts": {s: got.get(s, 0) for s in ("new", "in_review", "approved", "returned")},
            "total": got["total"], "done": got["done"]}


def filter_choices(engine) -> dict:
    options = _queries.filter_options(engine)
    return {"orgs": options["orgs"], "flag_types": options["flag_types"],
            "indicators": [(i, n or i) for i, n in options["indicators"]]}


def document_view(engine, doc: str) -> dict | None:
    try:
        return _queries.document_view(engine, doc)
    except ReviewError as exc:
        if exc.code == "E606":
            return None
        raise


def record_values(engine, doc: str, record_id: str) -> dict:
    """The extracted values of one record (E607 when it is not in the document)."""
    view = document_view(engine, doc) or {"records": []}
    for record in view["records"]:
        if record["record_id"] == record_id:
            return record
    raise ReviewError("E607", doc=doc, kind="记录", item=record_id)


def returned_csv(engine, org: str | None = None) -> str:
    return _returned.returned_csv(_returned.returned_documents(engine, org))


def audit_entries(engine, doc: str | None = None, limit: int | None = None) -> list[dict]:
    return _audit.entries(engine, doc, limit)


def audit_csv(engine) -> str:
    return _audit.to_csv(_audit.entries(engine))


def export_reviewed(engine, out_dir, actor: str):
    from ..review import export as _export

    return _export.export(engine, out_dir)
