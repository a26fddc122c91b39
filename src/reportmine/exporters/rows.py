"""The body of a document's records table and its list of flags in report.html.

Built here rather than in the template: a long report has thousands of
records and a Jinja loop over their cells costs more than the rest of the
page. Every cell is escaped (:func:`.highlight.escape`): a row whose cells hold no
character HTML reserves, the usual case, is checked with one search.
"""

from __future__ import annotations

from itertools import chain
from operator import itemgetter

from markupsafe import Markup

from .highlight import RESERVED, escape
from .values import shown

AMOUNTS = ("actual", "target", "basic_target", "full_target", "forecast")
RATES = ("completion_rate", "computed_completion_rate")


def table_rows(key: str, records: list[dict], anchors: dict[int, list], units: dict) -> tuple[Markup, int]:
    """The ``<tr>`` of each record (its anchor added to ``anchors`` at its start) and how
    many are flagged. ``units``: (role, value) -> [(offset, norm unit)] of the document's
    growth and difference quantities (a record keeps only their values)."""
    out, flagged = [], 0
    for r in records:
        out.append(_row(key, r, anchors, units))
        flagged += r.get("status") == "flagged"
    return Markup("\n".join(out)), flagged


def _row(key: str, r: dict, anchors: dict[int, list], units: dict) -> str:
    get = r.get
    start, unit = get("start"), get("actual_unit") or None
    anchor = ""
    if isinstance(start, int):
        anchor = f"{key}-r{start}"
        at = anchors.setdefault(start, [])
        if anchor not in at:
            at.append(anchor)
    codes = get("flag_codes") or []
    if isinstance(codes, str):
        codes = [c for c in codes.replace(";", ",").split(",") if c.strip()]
    growth, difference = get("growth"), get("difference")       # (an empty value shows empty in any unit)
    texts = [get("indicator_name") or get("indicator") or "", get("indicator_id") or "", get("org") or "",
             get("period") or "", *["" if (v := get(k)) is None else shown(v, unit) for k in AMOUNTS],
             *["" if (v := get(k)) is None else shown(v, "ratio") for k in RATES],
             "" if growth is None else shown(growth, _unit_in(units, r, "growth", "ratio")),
             "" if difference is None else shown(difference, _unit_in(units, r, "difference", unit)),
             get("setter") or "", get("quote") or "", get("record_id") or "", anchor, *codes]
    return _html(texts, get("status") == "flagged")


_NUM = '<td class="num">'
_NUMS = "</td>" + _NUM
_CODES = '</span> <span class="code">'


def _html(texts: list[str], flagged: bool) -> str:
    if RESERVED.search("".join(texts)) is not None:      # rarely: escape cell by cell
        texts = [escape(t) for t in texts]
    indicator, indicator_id, org, period = texts[:4]
    setter, quote, record_id, anchor = texts[13:17]
    name = f'<a href="#{anchor}">{indicator}</a>' if anchor else indicator
    if indicator_id:
        name += f' <span class="muted">{indicator_id}</span>'
    codes = f'<span class="code">{_CODES.join(texts[17:])}</span>' if len(texts) > 17 else ""
    cls = ' class="flagged"' if flagged else ""
    return (f'<tr{cls} title="{quote}" data-record-id="{record_id}"><td>{name}</td><td>{org}</td>'
            f'<td>{period}</td>{_NUM}{_NUMS.join(texts[4:13])}</td><td>{setter}</td><td>{codes}</td></tr>')


def _unit_in(units: dict, r: dict, role: str, default: str | None) -> str | None:
    start, end = r.get("start"), r.get("end")
    for offset, unit in units.get((role, r.get(role)), ()):
        if start is None or end is None or start <= offset <= end:
            return unit
    return default


def flag_items(flags: list[dict]) -> Markup:
    """The ``<li>`` of each flag, its texts escaped (one search over all of them first)."""
    cells = list(map(itemgetter("anchor", "code", "style", "label", "message"), flags))
    if RESERVED.search("".join(chain.from_iterable(cells))) is not None:
        cells = [tuple(map(escape, c)) for c in cells]
    return Markup("\n".join(
        f'<li><a href="#{anchor}"><span class="code">{code}</span></a> '
        f'<span class="fl s-{style}">{label}</span> {message}</li>'
        for anchor, code, style, label, message in cells))
