"""The rules' targets for the completion-rate check (``analyze --rules``).

A rule that scores the actual value against a ``target`` (ratio, steps,
threshold) says what the unit was asked to reach; the checks stage then
judges a reported completion rate against actual / target, exactly as with a
``--targets`` file (:mod:`reportmine.checks.targets`), one target per name
(the indicator and each alias).
"""

from __future__ import annotations

from ..checks.targets import Target
from .rules import Rules
from .units import plain

METHODS_WITH_TARGET = ("ratio", "steps", "threshold")


def rule_targets(rules: Rules) -> list[Target]:
    from ..catalog import default_linker

    out = []
    for r in rules.rules:
        if r.value != "actual" or r.target is None or r.method not in METHODS_WITH_TARGET or not r.unit.norm:
            continue
        text = plain(r.unit.number(r.target)) + (r.unit.written or "")
        for name in r.names:
            out.append(Target(name, r.id or default_linker().link(name).id, float(r.target), r.unit.norm,
                              r.period, text))
    return out
