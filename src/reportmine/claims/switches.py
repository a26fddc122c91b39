"""Claim rules that can be switched off by name, to measure what they add.

Some rules were written after reading particular documents of the dev set.
Leave-one-document-out measurement (models/train_roles.py --honest) switches
those rules off while it reads the documents they were written after, so a
figure never credits a rule to the document it was fitted on
(models/rule_provenance.yaml names the rules and those documents).

    with rules_off({"target_heading"}):
        annotate_claims(doc)

By default every rule is on; the switch is a context variable, so it holds for
the thread (or task) that set it and costs one look-up where a rule fires.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# name -> where the rule lives
RULES = {
    "target_heading": "headings.py: a cueless value under a heading that states targets",
    "run_in_heading": "headings.py: a target heading run into its text (flattened pages)",
    "formula_divisor": "scoring_layout.py: the number after ÷ in a score formula is the target",
    "formula_factor": "scoring_layout.py: a factor after × in a written formula is a weight",
    "class_list": "background.py: ranges listed before a class bound are other",
    "forecast_scope": "__init__.py: a forecast cue covers the cueless clauses after it",
    "growth_object": "roles.py: a change verb with a noun after it is no growth cue (claims.yaml growth_object)",
    "list_tail_modifier": "claims.yaml target_list_tail: a modifier before 目标 (…的近期目标)",
    "plan_heading": "claims.yaml target_heading: a heading that states plans (下一步工作打算)",
    "class_count": "__init__.py: a count right after a class bound (45岁以下38名) counts the class",
    "bound_fewer": "claims.yaml late_words: 不少于 as a target bound (target_bounds)",
    "background_forms": "background.py described, example_sentence: counts that describe (stop 30's background forms)",
    "scoring_forms": "scoring_layout.py _self_score: the unit's own score (stop 30's scoring forms)",
    "target_forms": "claims.yaml late_cues: 推算 as a forecast cue (stop 30's target forms)",
    "better_than": "claims.yaml late_cues: 优于 as a difference cue, as 好于 (seen in realdev k05 at an earlier stop)",
    "difference_list": "__init__.py: 高于全市1.2、全省0.8个百分点: a gap to a second benchmark shares the cue (claims.yaml)",
    "territory_area": "background.py territory: the area of the place a report covers (国土面积, 辖区面积) is background",
    "subject_count": "background.py subject_count: the number of bodies a clause reports on as its subject (9个景区接待…)",
    "paren_parts": "__init__.py: a cueless part in a parenthesis of parts (含…) takes the role of the number before it",
    "site_area": "background.py territory: the site a project or a building takes (占地225亩) is background (stop 42)",
    "measured_age": "walk.py: an age a clause names as a measure's value (平均年龄46.7岁) is not background (claims.yaml other_units_measured)",
    "profile_units": "background.py profile_sentence: only lengths and areas of a sentence saying where its subject lies are background",
}

_OFF: ContextVar[frozenset[str]] = ContextVar("reportmine_claim_rules_off", default=frozenset())


def is_on(name: str) -> bool:
    return name not in _OFF.get()


@contextmanager
def rules_off(names: Iterable[str]) -> Iterator[None]:
    """Switch the named rules off inside the block; an unknown name is an error."""
    names = frozenset(names)
    unknown = names - RULES.keys()
    if unknown:
        raise ValueError(f"unknown claim rules: {', '.join(sorted(unknown))}; known: {', '.join(sorted(RULES))}")
    token = _OFF.set(_OFF.get() | names)
    try:
        yield
    finally:
        _OFF.reset(token)
