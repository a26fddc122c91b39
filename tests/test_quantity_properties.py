"""Properties of the numeral parser and the recognizer (hypothesis)."""

import json
import math

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reportmine.numerals import parse_chinese_int
from reportmine.quantities import recognize

DIGITS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """Write n (0 <= n < 10**12) in standard Chinese numerals."""
    if n == 0:
        return "零"

    def section(x: int) -> str:
        out, zero = "", False
        for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = x // value % 10
            if d == 0:
                zero = bool(out)
                continue
            if zero:
                out += "零"
                zero = False
            out += DIGITS[d] + unit
        return out

    parts, out = [(n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")], ""
    for i, (x, unit) in enumerate(parts):
        if x == 0:
            continue
        if out and x < 1000:
            out += "零"
        out += section(x) + unit
    return out


@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_every_integer_in_chinese_numerals_parses_back(n):
    assert parse_chinese_int(to_chinese(n)) == n


@given(st.integers(min_value=10, max_value=99))
def test_colloquial_ten_prefix(n):
    # 十五 as well as 一十五
    text = to_chinese(n)
    if text.startswith("一十"):
        text = text[1:]
    assert parse_chinese_int(text) == n


@given(st.text(max_size=200))
@settings(max_examples=400)
def test_no_input_makes_the_recognizer_raise_and_spans_are_exact(text):
    for q in recognize(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text


ALPHABET = "0123456789０１２３４５６７８９.,%‰-—~万亿千百十一二两三四五六七八九零〇个人名元吨分成倍多余近约以上以内左右第年月日号“”、，。；xX_"


@given(st.text(alphabet=ALPHABET, max_size=80))
@example("0个亿百")          # a run of multipliers with 个 in it once raised KeyError
@settings(max_examples=600)
def test_dense_numeric_text_keeps_spans_inside_and_ordered(text):
    found = recognize(text)
    assert [q.start for q in found] == sorted(q.start for q in found)
    for q in found:
        assert text[q.start:q.end] == q.text
        assert q.norm_value is not None


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["个", "人", "元", "万元", "亿元", "%"]))
def test_arabic_number_with_unit_is_found_with_its_value(n, unit):
    text = f"全年完成{n}{unit}。"
    found = recognize(text)
    assert len(found) == 1 and found[0].value == n


@pytest.mark.parametrize("text", [
    "收入" + "9" * 400 + "元。",                                  # in prose, with a unit
    "| 指标 | 数值(万元) |\n| 收入 | " + "9" * 400 + " |\n",   # a table cell under a unit header
    "收入3-" + "9" * 400 + "亿元。",                               # a range's end
    "全年营业收入" + "9" * 400,                                    # the number the text ends with
    # a table the checks read cell by cell, one cell of hundreds of digits (the shape
    # benchmarks/fuzz.py --tables found raising OverflowError in checks/arithmetic.py)
    "| 增减额 | 增减额 | 增减额 |\n| 石桥镇 | " + "9" * 330 + " | 38053 |\n| 一、收入 | 49217.3 | 33864.89 |\n"
    "| 项目支出 | 100 | 20.1% |\n| 合计 | -113 | 93919.57 |\n| 城关镇 | 71466 | -323 |\n",
])
def test_a_number_beyond_any_float_is_no_quantity_and_raises_nothing(pipeline, text):
    """Hundreds of digits are no measure: before stop 30 they raised OverflowError
    (the whole document lost); as a quantity they would be written as Infinity."""
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "t.txt")
    assert all(math.isfinite(q.norm_value) for q in doc.quantities if q.norm_value is not None)
    assert "Infinity" not in json.dumps(doc.to_dict(text=False), ensure_ascii=False)


def test_a_space_joins_the_thousands_of_one_number_only():
    """3 420 起 is one number; a run of three-digit groups (a PDF row of cells) is not."""
    assert [q.text for q in recognize("调处纠纷 3 420 起，收入 41 268 元")] == ["3 420 起", "41 268 元"]
    assert [q.norm_value for q in recognize("合计 123 456 789 元")] == [789]
