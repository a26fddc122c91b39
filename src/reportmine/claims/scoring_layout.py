"""Roles in the layouts of scoring rules (GUIDE.md): scores (扣1分 / 得2分
are other, (20分) and an item's points are full_target), written formulas
(a factor after × is a weight, the result of the formula actual), the
requirement a rule rewards (达100%得3分: full_target; 达90%的得基本分:
basic_target), steps (每低1个百分点扣
0.5分: other) and weights (按7:3计分, 分别以60%、40%比例评价: other)."""

from __future__ import annotations

import regex

from ..document import Quantity
from .background import names_class
from .clauses import clause_start, next_sentence_end
from .cues import Cues
from .switches import is_on


def scoring_role(c: Cues, text: str, q: Quantity, clause: tuple[int, int], prev: Quantity | None,
                  role: str, last_cue: int | None = None) -> str:
    """Scoring rules (GUIDE.md): scores, formulas, the requirement a rule
    rewards, steps and ratio weights."""
    cs, ce = clause
    role = _formula_role(c, text, cs, q, _score_role(c, text, q, role, cs, last_cue))
    # score_condition needs a score unit (分) written after the quantity: tried only then
    # (a completion rate a rule rewards, 完成率达到100%的得5分, is the requirement too)
    if role in ("actual", "completion_rate") and q.unit not in c.score_units and c.score_condition is not None \
            and c.marks.has_score_unit(text[q.end:q.end + 24]) \
            and c.score_condition.match(text, q.end, max(ce, min(len(text), q.end + 24))) \
            and not _self_award_after(c, text, q, ce):
        role = "full_target"    # 办结率达100%得3分: the requirement for the points
    if role in ("actual", "completion_rate") and q.unit not in c.score_units \
            and c.score_condition_basic.match(text, q.end, max(ce, min(len(text), q.end + 24))):
        role = "basic_target"   # 达到90%的得基本分: the requirement for the basic points
    if _step_size(c, text, cs, q, ce) or _ratio_weight(c, text, q, prev) \
            or (role == "actual" and c.rule_money_before.search(text, max(cs, q.start - 8), q.start) is not None) \
            or (q.norm_unit == "ratio" and c.share_weight_after.match(text, q.end) is not None):
        role = "other"
    return role


def achieved_runs(c: Cues, text: str, quantities: list[Quantity]) -> None:
    """甲县考评得分为141.6分，乙区140.2分，丙县138.9分: scores beside an
    achieved score with only a name between (`score_run_gap`; a name a line
    too) are achieved too (actual), not items' maximum points; read forward,
    then back (甲公司62.5分，乙局70分，丙集团71.3分: the last is off the
    points grid), a score before one only when no cue of its own
    (`score_run_head`: 满分, 分值) stands in its clause and the achieved one
    has no word of its own that says so (预算执行30分，自评27.2分)."""
    pairs = list(zip(quantities, quantities[1:]))
    for a, b in pairs:
        if a.role == "actual" and b.role == "full_target" and _score_run(c, text, a, b) \
                and c.score_item_then_achieved.match(text, b.end) is None:
            b.role = "actual"
    for a, b in reversed(pairs):
        if b.role == "actual" and a.role == "full_target" and _score_run(c, text, a, b) \
                and c.score_run_head.search(text, clause_start(text, a.start), a.start) is None \
                and c.score_achieved.search(text, a.end, b.start) is None:
            a.role = "actual"


def _score_run(c: Cues, text: str, a: Quantity, b: Quantity) -> bool:
    return a.unit in c.score_units and b.unit in c.score_units and c.score_run_gap.match(text, a.end, b.start) is not None


def _on_points_grid(c: Cues, value: float | None) -> bool:
    """An item's points sit on claims.yaml's score_points_grid (multiples of
    0.5; of 0.1 below 10): 97.35 and 71.3 are off it, scores achieved."""
    if value is None:
        return True
    step, fine, below = c.score_points_grid
    grid = fine if value < below else step
    steps = value / grid
    return abs(steps - round(steps)) < 1e-6


def _score_role(c: Cues, text: str, q: Quantity, role: str, cs: int, last_cue: int | None) -> str:
    """Scores (GUIDE.md): 扣1分 / 得2分 are other, (20分) is full_target, and
    so is any score no cue, award or achieved-score word speaks of (an
    item's points: (一)档案管理20分(二)…)."""
    if q.unit not in c.score_units:
        return role
    before = text[max(0, q.start - 3):q.start].rstrip(" \u3000")
    award = next((a for a in c.score_award if before.endswith(a)), None)
    if award is not None:
        head = text[max(cs, q.start - 12):q.start].rstrip(" \u3000")
        if award in c.score_cap_awards and c.score_cap.search(head[:-len(award)]):
            return "full_target"    # 最高得20分: the most the item gives
        # 经自评得7.5分, 共得12分: the score achieved; 得2分, 扣1分: points a rule gives
        return "actual" if c.score_self.search(head[:-len(award)]) or _self_score(c, text, q, cs, award) else "other"
    if c.score_after_condition.search(text, max(0, q.start - 12), q.start):
        return "other"
    paren = _paren_score(text, q)
    if not _on_points_grid(c, q.value) and (role == "actual" or paren):
        return "actual"     # 甲县（97.35分）, 乙局71.3分: no item's points are written so
    if role in ("full_target", "basic_target") and last_cue is not None \
            and c.score_achieved.search(text, max(cs, last_cue, q.start - 12), q.start):
        return "actual"     # 满分为100分）：甲区考评得分为100分: the achieved word is the score's own cue
    if paren:
        return "full_target"
    if role == "actual" and c.score_achieved.search(text, max(cs, q.start - 12), q.start) is None:
        # 满意度保持在98分以上: a bound makes the score a requirement, not an item's points
        return "target" if names_class(c, q) else "full_target"
    return role


def _paren_score(text: str, q: Quantity) -> bool:
    """(20分): a score alone in brackets."""
    before = text[max(0, q.start - 3):q.start].rstrip(" \u3000")
    after = text[q.end:q.end + 2].lstrip(" \u3000")
    return before.endswith(("(", "（")) and after.startswith((")", "）"))


def _self_score(c: Cues, text: str, q: Quantity, cs: int, award: str) -> bool:
    """该项得5分; 全县达标率88.1%，得4.1分: the unit's own score, after words that
    say so or opening a clause after one that reports a value and sets no
    condition (stop 30's scoring forms, switch ``scoring_forms``)."""
    if not is_on("scoring_forms") or award not in c.score_self_awards:
        return False
    at = text.rfind(award, max(cs, q.start - 8), q.start)
    if c.score_self_forms.search(text, max(cs, at - 6), at):
        return True
    return at - cs <= 8 and not text[cs:at].strip(" \u3000") and _reported_before(c, text, cs)


def _reported_before(c: Cues, text: str, cs: int) -> bool:
    """The clause before ``cs`` reports a value and sets no condition."""
    if cs == 0:
        return False
    before = text[max(clause_start(text, cs - 1), cs - 64):cs]
    return any(ch.isdigit() for ch in before) and c.score_rule_words.search(before) is None


def _self_award_after(c: Cues, text: str, q: Quantity, ce: int) -> bool:
    """全县达标率88.1%，得4.1分: the value the unit's own score follows is no
    requirement (stop 30's scoring forms, switch ``scoring_forms``)."""
    if not is_on("scoring_forms"):
        return False
    end = min(len(text), q.end + 24)
    cut = next((i for i in range(q.end, end) if text[i] in "，,"), None)
    if cut is None or not text[cut + 1:end].lstrip(" \u3000").startswith(c.score_self_awards):
        return False
    return _reported_before(c, text, cut + 1)


_FORMULA_CHARS = 40   # how far back a divisor looks for its formula's =


def _formula_role(c: Cues, text: str, cs: int, q: Quantity, role: str) -> str:
    """得分=完成率96%×0.5=0.48: 0.5 is a weight (other), 0.48 what the formula
    computes (actual); 得分=(个数28÷27)×50%: 27 the benchmark (target)."""
    before = text[max(cs, q.start - 2):q.start].rstrip(" \u3000【[(（")
    if not before:
        return role
    if before.endswith(c.formula_factor) and is_on("formula_factor"):
        return "other"
    if before.endswith(c.formula_divisor or ("\0",)) and any(
            r in text[max(0, q.start - _FORMULA_CHARS):q.start] for r in c.formula_result) \
            and is_on("formula_divisor"):
        return "target"     # the formula's brackets end clauses: look back a fixed stretch
    if before.endswith(c.formula_result) and any(op in text[cs:q.start] for op in c.formula_operators):
        return "actual"
    return role


_SPACES_COMMAS = regex.compile(r"[ \u3000，,]*")    # between a shortfall and its award (少1份，扣0.5分)
_STEP_REACH = 30      # how far after a step its award may stand, in the clause after it (每增加1家，加0.5分)


def _step_size(c: Cues, text: str, cs: int, q: Quantity, ce: int) -> bool:
    """每低0.5个百分点扣0.2分: 0.5个百分点 is the rule's step (GUIDE.md: other);
    so is 1家 in 每增加1家亿元以上企业，加0.5分 (the award in the next clause of
    its sentence), and 1条 in 少1份扣0.5分 (a shortfall, the award right after)."""
    if c.step_before is None:
        return False
    if c.step_before.search(text, max(cs, q.start - 6), q.start) is None:
        if q.value == 1 and q.unit not in c.score_units and c.step_unit_award.match(text, q.end):
            return True     # 下降1个百分点减0.3分: one of a thing, its points right against it
        # 少1份扣0.5分: a shortfall without 每, its award right after it
        award = c.step_award.match(text, _SPACES_COMMAS.match(text, q.end).end())
        return award is not None and c.step_bare_before.search(text, max(cs, q.start - 3), q.start) is not None
    end = max(ce, q.end)
    if c.step_award.search(text, q.end, end) is not None:
        return True
    return c.step_award.search(text, end, next_sentence_end(text, end, _STEP_REACH)) is not None


def _ratio_weight(c: Cues, text: str, q: Quantity, prev: Quantity | None) -> bool:
    """按7:3计分: the parts of a ratio written after 按 are weights (other)."""
    if prev is not None and prev.role == "other" and text[prev.end:q.start].strip() in (":", "："):
        return True
    if text[q.end:q.end + 1] not in (":", "："):
        return False
    return text[max(0, q.start - 4):q.start].rstrip(" \u3000").endswith(c.ratio_weight_lead)


def ratio_part(text: str, q: Quantity) -> bool:
    """三次产业结构比重为15.9:26.7:57.4: a part of a ratio (not a rate before a
    colon that opens a date, 1-5月增长8.3%：6月当月…)."""
    return text[q.end:q.end + 1] in (":", "：") and text[q.end + 1:q.end + 2].isdigit() \
        and not _DATE_AFTER.match(text, q.end + 1) \
        or text[q.start - 1:q.start] in (":", "：") and text[q.start - 2:q.start - 1].isdigit()


_DATE_AFTER = regex.compile(r"[0-9]+(?:[.．][0-9]+)?\s*(?:月|日|号|时|年|季)")
