"""A sentence's period phrases found once answer, for every quantity in it, what
a scan of the sentence up to that quantity answers."""

import random

import regex

from reportmine.claims.cues import cues
from reportmine.claims.periods import period_before
from reportmine.claims.scans import Scans, end_free

PIECES = ["2020年", "1-7月", "7月份", "上半年", "全年", "今年", "一季度", "第三季度", "去年同期", "年底",
          "完成", "投资", "12", "5.6", "万元", "，", "、", "年", "月", "截至", "二〇二一", "__", "xx", "目前"]


def _direct(text: str, start: int, end: int) -> str | None:
    last = None
    for m in cues().period.finditer(text, start, end):
        if m.end() > m.start():
            last = m
    return last.group() if last else None


def test_period_before_from_the_sentence_scanned_once_equals_the_scan_up_to_each_quantity():
    rng = random.Random(23)
    c = cues()
    assert end_free(c.period)
    for _ in range(300):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 80)))
        n = len(text)
        start, region_end = sorted((rng.randint(0, n), rng.randint(0, n)))
        scans = Scans(text)
        for end in sorted(rng.randint(start, region_end) for _ in range(12)):   # in text order, as the claims ask
            assert period_before(c, text, start, end, scans, region_end) == _direct(text, start, end)


def test_patterns_that_read_the_end_of_their_text_are_not_end_free():
    for pattern in ("a(?=b)", "a(?!b)", "(?<=a)b", r"a\b", "a$", "^a", r"a\Z"):
        assert not end_free(regex.compile(pattern)), pattern
    assert end_free(regex.compile("(?:今年|去年)?[一二]季度"))
