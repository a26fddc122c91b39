"""What the document page shows, from the review layer's view of one
document: the highlighted text, flag cards, record cards with their reviewed
values, the quantities' data for the correction form, and a conflict's
typed-back values. Presentation only; the data comes from web/data.py."""

from __future__ import annotations

from ..exporters.labels import labels
from ..exporters.values import shown
from .labels import RECORD_FIELDS, flag_types, role_choices
from .text_marks import highlighted, role_css

RATIO_FIELDS = ("completion_rate",)
TEXT_FIELDS = ("org", "period", "setter", "indicator_id", "actual_unit")
QUANTITY_FIELDS = ("role", "norm_value", "indicator_id")


def context(view: dict, conflict: dict | None = None) -> dict:
    L = labels()
    quantities = [_reviewed_quantity(q, q.get("corrections") or {}) for q in view["quantities"]]
    flags = [_flag(f, L) for f in view["flags"]]
    decisions = {f["seq"]: f["decision"]["decision"] for f in flags if f["decision"]}
    html = highlighted(view.get("text") or "", quantities, view["flags"], view.get("boilerplate") or (),
                       view.get("headings") or (), decisions)
    review = view.get("review") or {"status": "new", "version": 0}
    records = [_record(r) for r in view["records"]]
    return {"doc": {**view["document"], "orgs": _orgs(view["records"])}, "text_html": html,
            "has_text": view.get("text") is not None,
            "flags": flags, "records": records, "notes": view.get("notes") or [],
            "audit": [audit_row(a) for a in view.get("audit") or []], "review": review,
            "quantities_json": [_quantity_json(q, L) for q in quantities],
            "roles": role_choices(), "flag_types": flag_types(), "role_css": role_css(),
            "flag_styles": {k: v["style"] for k, v in L.flags.items()},
            "field_names": RECORD_FIELDS, "conflict": conflict, "typed": _typed(conflict)}


def _typed(conflict: dict | None):
    def typed(target: str, key: str) -> str:
        if not conflict or conflict.get("target") != target:
            return ""
        value = (conflict.get("form") or {}).get(key)
        return "" if value is None else str(value)

    return typed


def _orgs(records: list[dict]) -> list[str]:
    return list(dict.fromkeys(r["org"] for r in records if r.get("org")))


def _flag(f: dict, L) -> dict:
    """A flag with its decision as a dict (decision, reason, by, at, version) or None."""
    decision = f.get("decision_state")
    return {**f, "type": L.flag(f.get("type")), "decision": decision,
            "version": (decision or {}).get("version", 0),
            "evidence": [e for e in f.get("evidence") or [] if isinstance(e, dict)]}


def _reviewed_quantity(q: dict, fixes: dict) -> dict:
    out = dict(q)
    for field, fix in fixes.items():
        if fix.get("kind") == "correct":
            out[field] = fix.get("value")
    out["versions"] = {f: (fixes.get(f) or {}).get("version", 0) for f in QUANTITY_FIELDS}
    return out


def _quantity_json(q: dict, L) -> dict:
    role = L.role(q.get("role"))
    return {"seq": q["seq"], "text": q.get("text") or "", "role": role, "role_label": L.roles[role]["label"],
            "value": shown(q.get("norm_value"), q.get("norm_unit")), "indicator": q.get("indicator") or "",
            "indicator_id": q.get("indicator_id") or "", "versions": q["versions"]}


def _record(r: dict) -> dict:
    fixes = r.get("corrections") or {}
    fields = {key: _field(r, key, fixes.get(key)) for key in RECORD_FIELDS}
    decided = [f for f in fixes.values() if f]
    reviewed = ""
    if any(f.get("kind") == "correct" for f in decided):
        reviewed = "已更正"
    elif decided:
        reviewed = "已确认"
    return {**r, "fields": fields, "reviewed": reviewed,
            "flagged": r.get("status") == "flagged" and not reviewed}


def _field(r: dict, key: str, fix: dict | None) -> dict:
    original = r.get(key)
    corrected = bool(fix and fix.get("kind") == "correct")
    value = fix.get("value") if corrected else original
    if key == "indicator_id":
        original_text = r.get("indicator_name") or r.get("indicator") or original
        value_text = value if corrected else original_text
    else:
        original_text, value_text = _value_text(key, original, r), _value_text(key, value, r)
    return {"shown": value_text or "", "original_shown": original_text or "", "corrected": corrected,
            "by": (fix or {}).get("by") or (fix or {}).get("reviewed_by"),
            "at": (fix or {}).get("at") or (fix or {}).get("reviewed_at"),
            "reason": (fix or {}).get("reason"), "version": (fix or {}).get("version", 0)}


def _value_text(key: str, value, r: dict) -> str:
    if value is None or value == "":
        return ""
    if key in TEXT_FIELDS:
        return str(value)
    return shown(value, "ratio" if key in RATIO_FIELDS else (r.get("actual_unit") or None))


ACTIONS = {"confirm": "确认数值", "correct": "更正", "flag_dismissed": "驳回标记", "flag_confirmed": "确认标记",
           "status_approved": "通过", "status_returned": "退回", "status_in_review": "开始审核", "note": "备注",
           "user_add": "添加用户", "user_disable": "停用用户", "user_enable": "启用用户", "user_role": "修改角色",
           "user_token": "API 令牌", "user_password": "修改密码", "export": "导出"}


def audit_row(a: dict) -> dict:
    return {**a, "action_label": ACTIONS.get(a.get("action"), a.get("action")),
            "before_text": _state_text(a.get("before")), "after_text": _state_text(a.get("after"))}


def _state_text(state) -> str:
    if not state:
        return "—"
    if not isinstance(state, dict):
        return str(state)
    keep = [k for k in ("kind", "value", "decision", "status", "role", "disabled", "token", "text", "message", "reason")
            if state.get(k) not in (None, "")]
    return "；".join(f"{k}={state[k]}" for k in keep) or "—"
