"""Properties of the numeral parser and the recognizer (hypothesis)."""

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
