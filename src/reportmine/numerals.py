"""Chinese and full-width numerals to numbers (tables in data/numerals.yaml)."""

from __future__ import annotations

import re
from functools import lru_cache

from .resources import DataFileError, load_yaml, require

_WRITTEN = re.compile(r"[0-9０-９]+(?:[.．]([0-9０-９]+))?")


@lru_cache(maxsize=4096)
def decimal_places(text: str) -> int:
    """The decimals written in the first number of ``text`` (97.25% -> 2, 46台 -> 0)."""
    m = _WRITTEN.search(text)
    return len(m.group(1)) if m and m.group(1) else 0


@lru_cache(maxsize=1)
def tables():
    data = load_yaml("numerals.yaml")
    require(data, ("digits", "small_units", "big_units", "digit_forms"), "numerals.yaml")
    for key in ("digits", "small_units", "big_units"):
        for ch, v in data[key].items():
            if not isinstance(v, int) or v < 0:
                raise DataFileError(f"numerals.yaml: {key}.{ch} must be a non-negative integer")
    for ch, v in data["digit_forms"].items():
        if len(ch) != 1 or len(str(v)) != 1:
            raise DataFileError(f"numerals.yaml: digit_forms.{ch} must map one char to one char")
    return data


def digit_chars() -> str:
    return "".join(tables()["digits"])


def unit_chars() -> str:
    t = tables()
    return "".join(list(t["small_units"]) + [u for u in t["big_units"] if len(u) == 1])


@lru_cache(maxsize=1)
def _width_table():
    return str.maketrans(tables()["digit_forms"])


def to_ascii_digits(s: str) -> str:
    """Full-width digits, point, comma and percent to ASCII."""
    return s.translate(_width_table())


def parse_chinese_decimal(s: str) -> float | int | None:
    """A Chinese numeral with a decimal point: 九十八点五 -> 98.5, 六点零五 -> 6.05
    (the digits after 点 read one by one); without 点, as parse_chinese_int."""
    whole, point, fraction = s.partition("点")
    if not point:
        return parse_chinese_int(s)
    digits = tables()["digits"]
    number = parse_chinese_int(whole)
    if number is None or not fraction or not all(ch in digits for ch in fraction):
        return None
    return float(f"{number}." + "".join(str(digits[ch]) for ch in fraction))


def parse_chinese_int(s: str) -> int | None:
    """Parse a Chinese-numeral integer: 十一, 三百零五, 一万二千, 两千, 二〇一〇.

    Returns None when the string is not a well-formed numeral.
    """
    if not s:
        return None
    t = tables()
    digits, small, big = t["digits"], t["small_units"], t["big_units"]
    if all(ch in digits for ch in s):
        # a digit-by-digit reading: 二〇一〇 -> 2010, 一 -> 1
        if len(s) > 1 and any(ch in ("两", "俩", "仨") for ch in s):
            return None
        return int("".join(str(digits[ch]) for ch in s))
    high, wan, section, digit, last_mult = 0, 0, 0, None, 1
    i = 0
    while i < len(s):
        ch = s[i]
        if s[i:i + 2] in big:
            ch, i = s[i:i + 2], i + 1
        if ch in digits:
            if digit is not None and digits[ch] != 0 and digit != 0:
                return None  # two digits in a row: 一二 is not a number here
            digit = digits[ch]
        elif ch in small:
            section += (1 if digit is None else digit) * small[ch]
            digit, last_mult = None, small[ch]
        elif ch in big and big[ch] == 10000:
            wan += (section + (digit or 0) or 1) * 10000
            section, digit, last_mult = 0, None, 10000
        elif ch in big:
            high = (high + wan + section + (digit or 0) or 1) * big[ch]
            wan, section, digit, last_mult = 0, 0, None, big[ch]
        else:
            return None
        i += 1
    if digit and last_mult >= 100 and s[-2:-1] not in digits:
        # 一万二 -> 12000, 三百五 -> 350: a trailing digit takes the next lower unit
        digit *= last_mult // 10
    return high + wan + section + (digit or 0)


_EXACT = 10 ** 12       # integers below this have at most 12 digits: tidy leaves them as they are


def tidy(x: float) -> float | int:
    """A computed value as a reader writes it: 12 not 12.0, 53630200 not 53630200.00000001."""
    if type(x) is int and -_EXACT < x < _EXACT:
        return x                    # (what the formatting below gives back)
    r = float(f"{x:.12g}")
    return int(r) if abs(r) < 1e18 and r == int(r) else r     # (inf and nan stay floats)
