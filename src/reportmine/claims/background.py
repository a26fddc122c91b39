"""Background counts (GUIDE.md: other): counts of administrative divisions
given as the scope of a report, and bounds that name a class (3000万元以上
工业项目)."""

from __future__ import annotations

import regex

from ..document import Quantity
from .cues import Cues
from .switches import is_on

_CJK = regex.compile(r"\p{Han}")
_DIGIT = regex.compile(r"[0-9０-９]")


def background(c: Cues, text: str, q: Quantity, span: tuple[int, int, int], prev: Quantity | None) -> bool:
    """全镇辖7个行政村63个村民组, 有3个社区: a count of administrative
    divisions after a word of scope or composition (or after such a count in
    the same sentence) is background (GUIDE.md: other), unless the clause goes
    on to say what all of them did (…全部配备辅警)."""
    ss, cs, ce = span
    if _named_first(c, text, q, cs):
        return not c.background_done.search(text, q.end, max(ce, q.end))
    if not division_count(c, text, q):
        return False
    if c.background_done.search(text, q.end, max(ce, q.end)):
        return False
    if prev is not None and prev.start >= ss and prev.role == "other" and division_count(c, text, prev):
        gap = text[prev.end:q.start].lstrip(" \u3000")
        gap = gap[len(next((d for d in c.divisions_long if gap.startswith(d)), "")):]
        if c.marks.division_gap.fullmatch(gap):   # the rest of the first's noun and a separator
            return True     # 3个社区居民委会，68个居民小组 / 6镇1乡
    return text[cs:q.start].rstrip(" \u3000").endswith(c.background_scope)


def names_class(c: Cues, q: Quantity) -> bool:
    """35岁以下, 3000万元以上: a quantity ending in a class bound (``class_bounds``)."""
    return q.text.rstrip(" \u3000").endswith(c.class_bounds)


def class_threshold(c: Cues, text: str, q: Quantity, ce: int) -> bool:
    """实施3000万元以上工业项目75个, 年纳税500万元以上的38户: a bound that
    qualifies the noun after it names a class (other), when the clause counts
    that class or the bound is joined to it by 的 (a share, 70%以上的税收, only
    when the class is counted: 收入50%以上的家庭120户)."""
    if not names_class(c, q):
        return False
    after = text[q.end:ce]
    if after.startswith(c.marks.attributive) and _CJK.match(after, len(c.marks.attributive)):
        # 贡献了70%以上的税收: a share with a bound is a share, unless its list item counts the class
        item = after[:next((i for i, ch in enumerate(after) if ch in c.marks.list_gap), len(after))]
        return q.norm_unit != "ratio" or _DIGIT.search(item) is not None
    return _CJK.match(after) is not None and not after.startswith(c.score_award) and _DIGIT.search(after) is not None


def class_lists(c: Cues, text: str, quantities: list[Quantity]) -> list[Quantity]:
    """1-3亿元、3-5亿元、5亿元以上项目个数: the ranges and values listed
    before a class bound name classes too (other). Returns those it changed."""
    changed = []
    if not is_on("class_list"):
        return changed
    for i, q in enumerate(quantities):
        if q.role != "other" or not names_class(c, q):
            continue
        j = i - 1
        while j >= 0 and quantities[j].role == "actual" \
                and c.marks.class_gap.fullmatch(text, quantities[j].end, quantities[j + 1].start):
            quantities[j].role = "other"
            changed.append(quantities[j])
            j -= 1
    return changed


def division_count(c: Cues, text: str, q: Quantity) -> bool:
    if q.unit in c.divisions:
        return True
    if q.unit not in c.division_classifiers:
        return False
    after = text[q.end:q.end + 6].lstrip(" \u3000")
    division = next((d for d in c.divisions_long if after.startswith(d)), None)
    # 5个省级产业园: a level (省级, 市级以上), not a count of provinces
    return division is not None and not after.startswith(c.levels, len(division))


def _named_first(c: Cues, text: str, q: Quantity, cs: int) -> bool:
    """内设科室9个, 下设派出所14个: units of an organisation named before their
    count, after a verb that sets them up (``background.named_first``)."""
    if q.unit not in c.named_first_units or not c.named_first:
        return False
    head = text[cs:q.start].rstrip(" \u3000")
    if not head.endswith(c.divisions_long):
        return False
    return any(head.startswith(w, i) for i in range(max(0, len(head) - _NAMED_FIRST_REACH), len(head))
               for w in c.named_first)


_NAMED_FIRST_REACH = 12     # how far before the count the verb may stand
_HEAD_CHARS = 32            # how much of a clause around a count the stop-30 rules read


def described(c: Cues, text: str, q: Quantity, span: tuple[int, int, int]) -> bool:
    """A count that describes rather than measures (GUIDE.md: other), read
    from stop 30's background forms (switch ``background_forms``): how a body
    is made up (下设6个行业商会, 由5家企业整合组建, 分12个学科), where a place
    lies (距县城18公里)."""
    if not is_on("background_forms"):
        return False
    ss, cs, ce = span
    head = text[max(cs, q.start - _HEAD_CHARS):q.start].rstrip(" \u3000")
    tail = min(max(ce, q.end), q.end + _HEAD_CHARS)
    if head.endswith(c.composition_before) and not c.background_done.search(text, q.end, tail):
        return True
    if c.composition_split.search(head) or (q.unit in c.composition_split_units and c.composition_split_bare.search(head)) \
            or (c.composition_by.search(head) and c.composition_frame_end.search(text, q.end, tail)):
        return True
    return q.unit in c.length_units and c.location_before.search(head) is not None


def territory(c: Cues, text: str, q: Quantity, cs: int) -> bool:
    """全乡国土面积486.2平方公里, 辖区面积…: the area of the place itself, as an
    overview gives it, is background (GUIDE.md: other; switch ``territory_area``);
    so is the site a project takes (该项目占地225亩; switch ``site_area``)."""
    head = text[max(cs, q.start - _HEAD_CHARS):q.start].rstrip(" \u3000")
    return _area_after("territory_area", c.territory_area, c.area_units, head, q) \
        or _area_after("site_area", c.site_area, c.site_units, head, q)


def _area_after(switch: str, words, units: frozenset, head: str, q: Quantity) -> bool:
    """An area of ``units`` right after ``words`` (a pattern ending at the number), its switch on."""
    return is_on(switch) and words is not None and q.norm_unit in units and words.search(head) is not None


def subject_count(c: Cues, text: str, q: Quantity, nxt: Quantity | None, cs: int, ce: int) -> bool:
    """纳入统计的14个景区接待游客186.2万人次: the number of bodies the clause reports
    on as a whole, its subject (nothing but words of scope before it), a verb of
    what was done after its noun and an amount of another unit after that in the
    clause, is background (GUIDE.md: other; switch ``subject_count``). So is
    the number of bodies an average is taken over, the noun and 平均 right
    after it (``subject_average``; stop 37's annotated pages, no switch)."""
    if c.subject_scope is None or q.unit not in c.subject_units \
            or nxt is None or nxt.start >= ce or nxt.norm_unit == q.norm_unit or nxt.value is None:
        return False
    if q.start - cs <= _HEAD_CHARS and c.subject_average is not None \
            and c.subject_average.match(text, q.end, nxt.start) is not None:
        return True         # 全省86个城市平均优良天数比例为91.2%: the bodies an average is over
    if not is_on("subject_count"):
        return False
    if q.start - cs > _HEAD_CHARS or c.subject_scope.match(text[cs:q.start].strip(" \u3000")) is None:
        return False        # (the subject's head is a few words: a long clause is read no further)
    return c.subject_verbs.match(text, q.end, nxt.start) is not None


def counted_among(c: Cues, text: str, q: Quantity, nxt: Quantity | None, cs: int) -> bool:
    """全省1280个地表水监测断面中，优良断面比例为86.5%; 完成年度目标的比例位居9县（区）第二:
    the number of bodies a share or a rank is taken among is background
    (GUIDE.md: other; stop 38's annotated pages, no switch): the count at the
    head of its clause with its noun and 中 after it and a number of another
    unit next (a share; not a part counted so, 58个问题中，已整改51个: a count
    of what was found or planned), or after a word of ranking with the rank
    after it, or after 在 with the rank after its noun (``rank_among``: 在全省18个
    设区市中居第5位; stop 39's annotated pages)."""
    if q.unit not in c.subject_units and q.unit not in c.divisions:
        return False
    if c.subject_among is not None and q.start - cs <= _HEAD_CHARS and c.subject_among.match(text, q.end) \
            and nxt is not None and nxt.norm_unit != q.norm_unit:
        return True
    head = text[max(cs, q.start - _HEAD_CHARS):q.start]
    if c.rank_among is not None and "在" in head and c.rank_among.match(text, q.end) is not None:
        return True         # 在全省18个设区市中居第5位 (stop 39's annotated pages)
    return c.rank_before is not None and c.rank_before.search(head) is not None \
        and c.rank_after.match(text, q.end) is not None


def bound_of_noun(c: Cues, text: str, q: Quantity, cs: int) -> bool:
    """超过30万元的村, 低于4000元的学生: a bound written before the noun it
    qualifies, the bound word right before the number or inside its span (超过
    as an approximation) and 的 after it, names a class (other; switch
    ``background_forms``)."""
    if not is_on("background_forms") or c.threshold_after.match(text, q.end) is None:
        return False
    head = text[max(cs, q.start - _HEAD_CHARS):q.start].rstrip(" \u3000")
    return head.endswith(c.threshold_before) or q.text.startswith(c.threshold_before)


def profile_sentence(c: Cues, text: str, q: Quantity, ss: int) -> bool:
    """县人民医院位于城关镇东街，建筑面积9800平方米: a sentence that says where
    its subject lies describes it; its lengths and areas (``profile_units``)
    without a cue are background (GUIDE.md: other; stop 38's annotated pages).
    The units were narrowed to those after reading realdev m03's gold (its
    farmland in 亩 is a value): switch ``profile_units``, off in m03's fold
    (every number of such a sentence background, as the pages were read)."""
    if c.profile is None or (is_on("profile_units") and q.norm_unit not in c.profile_units):
        return False
    return c.profile.match(text, ss) is not None


def example_sentence(c: Cues, text: str, ss: int) -> bool:
    """如某贷户贷款5万元，…: a sentence that gives an example; its numbers are
    other (stop 30's background forms, switch ``background_forms``)."""
    return is_on("background_forms") and c.examples.match(text, ss) is not None

