"""The body of a document's records table and its list of flags in report.html.

Built here rather than in the template: a long report has thousands of
records and a Jinja loop over their cells costs more than the rest of the
page. Every cell is escaped (:func:`.highlight.escape`): a row whose cells hold no
character HTML reserves, the usual case, is checked with one search.
"""

from __future__ import annotations

from markupsafe import Markup

from .highlight import RESERVED, escape

VALUES = ("actual", "target", "basic_target", "full_target", "forecast", "completion_rate", "computed",
          "growth", "difference")


def table_rows(rows: list[dict]) -> Markup:
    return Markup("\n".join(_row(r) for r in rows))


def _row(r: dict) -> str:
    texts = [r["indicator"], r["indicator_id"], r["org"], r["period"], *(r[k] for k in VALUES), r["setter"],
             r["quote"], r["id"], r["anchor"] or "", *r["codes"]]
    if RESERVED.search("".join(texts)) is not None:      # rarely: escape cell by cell
        texts = [escape(t) for t in texts]
    indicator, indicator_id, org, period = texts[:4]
    setter, quote, record_id, anchor = texts[13:17]
    name = f'<a href="#{anchor}">{indicator}</a>' if r["anchor"] else indicator
    if indicator_id:
        name += f' <span class="muted">{indicator_id}</span>'
    tds = f"<td>{name}</td><td>{org}</td><td>{period}</td>"
    tds += "".join([f'<td class="num">{c}</td>' for c in texts[4:13]])
    codes = " ".join([f'<span class="code">{c}</span>' for c in texts[17:]])
    tds += f"<td>{setter}</td><td>{codes}</td>"
    cls = ' class="flagged"' if r["flagged"] else ""
    return f'<tr{cls} title="{quote}" data-record-id="{record_id}">{tds}</tr>'


def flag_items(flags: list[dict]) -> Markup:
    return Markup("\n".join(
        f'<li><a href="#{escape(f["anchor"])}"><span class="code">{escape(f["code"])}</span></a> '
        f'<span class="fl s-{escape(f["style"])}">{escape(f["label"])}</span> {escape(f["message"])}</li>'
        for f in flags))
