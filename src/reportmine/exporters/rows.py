"""The body of a document's records table and its list of flags in report.html.

Built here rather than in the template: a long report has thousands of
records and a Jinja loop over their cells costs more than the rest of the
page. Every cell goes through :func:`.highlight.escape`.
"""

from __future__ import annotations

from markupsafe import Markup

from .highlight import escape

VALUES = ("actual", "target", "basic_target", "full_target", "forecast", "completion_rate", "computed",
          "growth", "difference")


def table_rows(rows: list[dict]) -> Markup:
    return Markup("\n".join(_row(r) for r in rows))


def _row(r: dict) -> str:
    name = escape(r["indicator"])
    if r["anchor"]:
        name = f'<a href="#{escape(r["anchor"])}">{name}</a>'
    if r["indicator_id"]:
        name += f' <span class="muted">{escape(r["indicator_id"])}</span>'
    cells = [name, escape(r["org"]), escape(r["period"])]
    cells += [escape(r[k]) for k in VALUES]
    tds = "".join(f"<td>{c}</td>" for c in cells[:3])
    tds += "".join(f'<td class="num">{c}</td>' for c in cells[3:])
    codes = " ".join(f'<span class="code">{escape(c)}</span>' for c in r["codes"])
    tds += f"<td>{escape(r['setter'])}</td><td>{codes}</td>"
    cls = ' class="flagged"' if r["flagged"] else ""
    return f'<tr{cls} title="{escape(r["quote"])}" data-record-id="{escape(r["id"])}">{tds}</tr>'


def flag_items(flags: list[dict]) -> Markup:
    return Markup("\n".join(
        f'<li><a href="#{escape(f["anchor"])}"><span class="code">{escape(f["code"])}</span></a> '
        f'<span class="fl s-{escape(f["style"])}">{escape(f["label"])}</span> {escape(f["message"])}</li>'
        for f in flags))
