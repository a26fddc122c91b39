"""Text reports of a :class:`~reportmine.evaluation.scoring.ScoreResult`.

``format_result`` prints the same lines as ``shared/gold/score.py`` (and its
``SUMMARY`` line last), optionally a per-document table and the error lists
with context.
"""

from __future__ import annotations

from .gold import FLAG_TYPES
from .scoring import PRF, ErrorItem, ScoreResult


def _prf_line(name: str, x: PRF) -> str:
    return f"{name:15s} P {x.p:.3f} R {x.r:.3f} F1 {x.f1:.3f} (gold {x.gold}, pred {x.pred})"


def summary_lines(result: ScoreResult) -> list[str]:
    q = result.quantity
    lines = [f"quantities   P {q.p:.3f} R {q.r:.3f} F1 {q.f1:.3f} (gold {q.gold}, pred {q.pred})",
             f"role accuracy on matched      {result.check('role'):.3f}",
             f"indicator accuracy on matched {result.check('indicator'):.3f}",
             f"claim recall (value+role+indicator of non-'other' gold) {result.check('claim'):.3f}"]
    for name, acc in result.checks.items():   # checks added beyond score.py's three
        if name not in ("role", "indicator", "claim"):
            label = result.check_labels.get(name, name)
            lines.append(f"{label:29s} {acc.value:.3f} ({acc.ok}/{acc.n})")
    lines += [_prf_line(t, result.flags[t]) for t in FLAG_TYPES]
    return lines


def summary_line(result: ScoreResult) -> str:
    """score.py's last line: ``SUMMARY qF1=… role=… …``."""
    s = result.summary()
    return (f"SUMMARY qF1={s['quantity']['f1']:.3f} role={s['role_acc']:.3f} "
            f"ind={s['indicator_acc']:.3f} claimR={s['claim_recall']:.3f} "
            f"ph={s['placeholder']['f1']:.3f} miss={s['missing_number']['f1']:.3f} "
            f"inc={s['inconsistency']['f1']:.3f}")


def doc_table(result: ScoreResult) -> list[str]:
    width = max([len(d) for d in result.docs] + [8])
    head = (f"{'document':{width}s} {'qP':>5s} {'qR':>5s} {'qF1':>5s} {'gold':>5s} {'pred':>5s} "
            f"{'role':>5s} {'ind':>5s} {'claimR':>6s} "
            + " ".join(f"{t[:4]:>5s}" for t in FLAG_TYPES))
    lines = [head, "-" * len(head)]
    for doc, s in result.docs.items():
        q = s.quantity
        flags = " ".join(f"{s.flags[t].f1:5.2f}" for t in FLAG_TYPES)
        lines.append(f"{doc:{width}s} {q.p:5.2f} {q.r:5.2f} {q.f1:5.2f} {q.gold:5d} {q.pred:5d} "
                     f"{_acc(s, 'role', 5)} {_acc(s, 'indicator', 5)} {_acc(s, 'claim', 6)} "
                     f"{flags}" + ("  (no prediction)" if s.missing else ""))
    return lines


ROLE_ORDER = ("actual", "completion_rate", "target", "basic_target", "full_target", "forecast",
              "growth", "difference", "other")
_SHORT = {"actual": "act", "completion_rate": "compl", "target": "tgt", "basic_target": "basic",
          "full_target": "full", "forecast": "fcst", "growth": "grow", "difference": "diff",
          "other": "other", None: "none"}


def role_confusion(result: ScoreResult) -> list[str]:
    """Gold role (rows) by predicted role (columns) over matched quantities."""
    pairs = result.errors.role_pairs
    if not pairs:
        return []
    seen = {r for pair in pairs for r in pair}
    roles = [r for r in ROLE_ORDER if r in seen] + sorted((r for r in seen if r not in ROLE_ORDER), key=str)
    cols = [_SHORT.get(r, str(r)[:5]) for r in roles]
    lines = ["role confusion on matched quantities (rows gold, columns predicted)",
             f"{'gold':16s}" + "".join(f"{c:>6s}" for c in cols) + f"{'n':>6s}{'acc':>6s}"]
    for g in roles:
        row = [pairs.get((g, p), 0) for p in roles]
        n = sum(row)
        if not n:
            continue
        acc = pairs.get((g, g), 0) / n
        lines.append(f"{str(g):16s}" + "".join(f"{x:6d}" if x else f"{'.':>6s}" for x in row)
                     + f"{n:6d}{acc:6.2f}")
    return lines


def _acc(s, name: str, width: int) -> str:
    acc = s.checks.get(name)
    return f"{acc.value:{width}.2f}" if acc is not None and acc.n else f"{'-':>{width}s}"


def _where(x: ErrorItem) -> str:
    return f"{x.doc}:{x.start}-{x.end}"


def _value(entry) -> str:
    if not isinstance(entry, dict):
        return ""
    unit = entry.get("norm_unit")
    return f"= {entry.get('norm_value')}{' ' + unit if unit else ''}"


ERROR_SECTIONS = ("quantities", "roles", "fields", "flags")


def error_lines(result: ScoreResult, limit: int | None = None,
                sections: tuple[str, ...] = ERROR_SECTIONS) -> list[str]:
    """Missed/spurious quantities, role confusions, field mistakes, flag errors (with context)."""
    e = result.errors
    lines: list[str] = []

    def section(title: str, items: list[ErrorItem], describe) -> None:
        if not items:
            return
        lines.append(f"{title} ({len(items)})")
        for x in items[:limit]:
            ctx = x.context if x.context is not None else repr(x.text)
            lines.append(f"  {_where(x):32s} {describe(x):28s} {ctx}")
        if limit is not None and len(items) > limit:
            lines.append(f"  … {len(items) - limit} more")

    if "quantities" in sections:
        section("MISSED quantities", e.missed, lambda x: _value(x.gold))
        section("SPURIOUS quantities", e.spurious, lambda x: _value(x.pred))
    if "roles" in sections and e.role_confusions:
        lines.append("ROLE confusions (gold -> predicted)")
        for (g, p), n in e.role_confusions.most_common():
            lines.append(f"  {str(g):16s} -> {str(p):16s} {n}")
    for name, items in e.fields.items() if "fields" in sections else ():
        if name != "role":
            section(f"{name.upper()} mistakes on matched",
                    items, lambda x: f"{x.gold!s} -> {x.pred!s}")
    for ftype in FLAG_TYPES if "flags" in sections else ():
        section(f"MISSED {ftype} flags", e.missed_flags.get(ftype, []), lambda x: "")
        section(f"SPURIOUS {ftype} flags", e.spurious_flags.get(ftype, []), lambda x: "")
    return lines


def format_result(result: ScoreResult, errors: bool = False, per_doc: bool = False,
                  limit: int | None = None, confusion: bool = False) -> str:
    """The score table; with ``per_doc`` a row per document, with ``confusion``
    the role confusion matrix, with ``errors`` the lists."""
    lines = list(result.warnings and [f"warning: {w}" for w in result.warnings] or [])
    if result.docs_missing:
        lines.append(f"no prediction for {len(result.docs_missing)} document(s): "
                     + ", ".join(result.docs_missing))
    if per_doc:
        lines += doc_table(result) + [""]
    if confusion and result.errors.role_pairs:
        lines += role_confusion(result) + [""]
    if errors:
        lines += error_lines(result, limit) + [""]
    lines += summary_lines(result)
    lines.append(summary_line(result))
    return "\n".join(lines)
