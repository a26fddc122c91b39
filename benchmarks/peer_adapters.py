"""Adapters that run peer quantity recognizers and map their output to GUIDE.md fields.

Each peer is a callable ``peer(text) -> list[dict]`` with ``start``, ``end``
(end exclusive, Python ``str`` offsets), ``text``, ``value``, ``unit``,
``norm_value``, ``norm_unit`` and ``approx``. ``peer.load()`` imports the
peer and raises :class:`PeerUnavailable` with an install hint when it is not
installed. The mapping is as faithful as each peer's output allows; nothing
here filters a peer's output to make it look better or worse.
"""

from __future__ import annotations

import contextlib
import io
import re
from typing import Any

INSTALL_HINT = "see benchmarks/README.md (pip install -e '.[peers]')"


class PeerUnavailable(Exception):
    pass


def _quantity(text: str, start: int, end: int, value: Any, unit: str | None,
              norm_value: Any, norm_unit: str | None, approx: str | None = None) -> dict:
    return dict(start=start, end=end, text=text[start:end], value=value, unit=unit,
                norm_value=norm_value, norm_unit=norm_unit, approx=approx)


def _float(x: Any) -> float | None:
    try:
        return float(str(x).replace(",", ""))
    except (TypeError, ValueError):
        return None


class Peer:
    name = "peer"
    description = ""

    def load(self) -> None:
        """Import the peer and build its models; raise PeerUnavailable if missing."""

    def __call__(self, text: str) -> list[dict]:  # pragma: no cover - abstract
        raise NotImplementedError


# -- a) Microsoft Recognizers-Text, Chinese culture -----------------------------------

ISO_CURRENCY = {"CNY": "元", "USD": "美元", "EUR": "欧元", "HKD": "港元", "JPY": "日元",
                "GBP": "英镑", "TWD": "新台币"}


class RecognizersText(Peer):
    """Number, percentage, currency and dimension models with Culture.Chinese.

    The four models are run on the text; where their results overlap the more
    specific reading wins (currency, dimension, percentage, then bare number),
    as one mention gets one reading. Offsets: Recognizers' ``end`` is
    inclusive. Percentages become ratios (``111%`` -> 1.11 ``ratio``;
    ``3个百分点`` -> 0.03 ``ratio_point``), currencies their base amount in the
    ISO currency's Chinese name (``1549万元`` -> 15490000 ``元``), dimensions
    their value with Recognizers' English unit name, bare numbers their value
    with no unit.
    """

    name = "recognizers-text"
    description = "Microsoft Recognizers-Text (zh-cn: number, percentage, currency, dimension)"
    PRIORITY = ("currency", "dimension", "percentage", "number")

    def load(self) -> None:
        try:
            from recognizers_number import Culture, NumberRecognizer
            from recognizers_number_with_unit import NumberWithUnitRecognizer
        except ImportError as exc:
            raise PeerUnavailable(f"recognizers-text not installed ({exc}); {INSTALL_HINT}")
        units = NumberWithUnitRecognizer(Culture.Chinese)
        numbers = NumberRecognizer(Culture.Chinese)
        self.models = {"currency": units.get_currency_model(),
                       "dimension": units.get_dimension_model(),
                       "percentage": numbers.get_percentage_model(),
                       "number": numbers.get_number_model()}

    def _map(self, text: str, kind: str, r: Any) -> dict | None:
        start, end = r.start, r.end + 1
        if not 0 <= start < end <= len(text):
            return None
        res = r.resolution or {}
        raw = res.get("value")
        if kind == "percentage":
            pct = _float(str(raw).rstrip("%")) if raw is not None else None
            point = "百分点" in r.text
            norm = pct / 100 if pct is not None else None
            return _quantity(text, start, end, pct, "个百分点" if point else "%", norm,
                             "ratio_point" if point else "ratio")
        value = _float(raw) if raw is not None else None
        if kind == "currency":
            unit = ISO_CURRENCY.get(res.get("isoCurrency") or "", res.get("unit"))
            return _quantity(text, start, end, value, unit, value, unit)
        if kind == "dimension":
            return _quantity(text, start, end, value, res.get("unit"), value, res.get("unit"))
        return _quantity(text, start, end, value, None, value, None)

    def __call__(self, text: str) -> list[dict]:
        found = []
        for rank, kind in enumerate(self.PRIORITY):
            for r in self.models[kind].parse(text):
                q = self._map(text, kind, r)
                if q is not None:
                    found.append((rank, q))
        kept: list[dict] = []
        for rank, q in sorted(found, key=lambda x: (x[0], -(x[1]["end"] - x[1]["start"]))):
            if not any(q["start"] < k["end"] and k["start"] < q["end"] for k in kept):
                kept.append(q)
        return sorted(kept, key=lambda q: (q["start"], q["end"]))


# -- b) JioNLP money extractor ---------------------------------------------------------------

JIONLP_APPROX = {"accurate": None, "blur": "about", "blur+": "more", "blur-": "less"}


class JioNLPMoney(Peer):
    """``jionlp.ner.extract_money(text, with_parsing=True)``.

    Offsets are JioNLP's (end exclusive). ``detail.num`` is the amount in the
    currency ``detail.case`` (``1549万元`` -> 15490000 ``元``); for a range or
    a blurred amount (``300多`` -> [300, 400]) the lower bound is taken, which
    is the number as written.
    """

    name = "jionlp"
    description = "JioNLP extract_money (money only)"

    def load(self) -> None:
        try:
            with contextlib.redirect_stdout(io.StringIO()):   # it prints a banner on import
                import jionlp
        except ImportError as exc:
            raise PeerUnavailable(f"jionlp not installed ({exc}); {INSTALL_HINT}")
        self.extract = jionlp.ner.extract_money

    def __call__(self, text: str) -> list[dict]:
        out = []
        for r in self.extract(text, with_parsing=True):
            start, end = r["offset"]
            detail = r.get("detail") or {}
            num = detail.get("num")
            value = _float(num[0] if isinstance(num, list) else num)
            unit = detail.get("case")
            out.append(_quantity(text, start, end, value, unit, value, unit,
                                 JIONLP_APPROX.get(detail.get("definition"))))
        return out


# -- c) blank spaCy zh + jieba: number token followed by a unit token ----------------------------

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6,
             "柒": 7, "捌": 8, "玖": 9}
CN_SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}
CN_NUMERAL = re.compile("[" + "".join(CN_DIGITS) + "".join(CN_SMALL) + "".join(CN_BIG) + "]+")
ARABIC = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?")
FUSED_PERCENT = re.compile(r"(\d[\d,]*(?:\.\d+)?)([%％‰])")
UNIT_TOKEN = re.compile(r"[\u4e00-\u9fff%％‰]{1,3}")
DATE_UNITS = {"年", "月", "日", "号", "时", "月份", "年度"}


def cn_number(s: str) -> float | None:
    """Chinese numerals to a number: 两 -> 2, 三百 -> 300, 一万二千 -> 12000, 二〇一〇 -> 2010."""
    if not s:
        return None
    if len(s) > 1 and all(c in CN_DIGITS for c in s):
        return float("".join(str(CN_DIGITS[c]) for c in s))
    total, section, num = 0, 0, 0
    for c in s:
        if c in CN_DIGITS:
            num = CN_DIGITS[c]
        elif c in CN_SMALL:
            section += (num or 1) * CN_SMALL[c]
            num = 0
        elif c in CN_BIG:
            total = (total + section + num) * CN_BIG[c]
            section = num = 0
        else:
            return None
    return float(total + section + num)


def _number(token_text: str) -> float | None:
    if ARABIC.fullmatch(token_text):
        return _float(token_text)
    if CN_NUMERAL.fullmatch(token_text):
        return cn_number(token_text)
    return None


def normalize(value: float, unit: str) -> tuple[float, str]:
    """The baseline's simple normalization: %/‰ to ratio, a leading 万/亿 multiplied out."""
    if unit in ("%", "％"):
        return value / 100, "ratio"
    if unit == "‰":
        return value / 1000, "ratio"
    bare = unit.lstrip("多余")          # 300多万元: the approximation word is not the unit
    if bare[:1] in CN_BIG and len(bare) > 1:
        return value * CN_BIG[bare[0]], bare[1:]
    return value, bare or unit


class SpacyJieba(Peer):
    """``spacy.blank("zh")`` with the jieba segmenter, and one rule.

    A number token (``like_num``, Arabic digits or Chinese numerals) directly
    followed by a unit token (1-3 Chinese characters or %/‰, not a date word
    年/月/日/号/时) is a quantity; jieba's fused ``111%`` tokens count too.
    """

    name = "spacy+jieba"
    description = "blank spaCy zh, jieba segmenter, number token + unit token"

    def load(self) -> None:
        try:
            import spacy
            import jieba
        except ImportError as exc:
            raise PeerUnavailable(f"spaCy/jieba not installed ({exc})")
        jieba.setLogLevel(60)
        self.nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        self.nlp.max_length = 10**8

    def __call__(self, text: str) -> list[dict]:
        doc = self.nlp.make_doc(text)
        out = []
        for i, tok in enumerate(doc):
            fused = FUSED_PERCENT.fullmatch(tok.text)
            if fused:
                value = _float(fused.group(1))
                norm, nunit = normalize(value, fused.group(2))
                out.append(_quantity(text, tok.idx, tok.idx + len(tok), value, fused.group(2),
                                     norm, nunit))
                continue
            if i + 1 >= len(doc) or tok.whitespace_:
                continue
            value = _number(tok.text) if (tok.like_num or tok.text[:1].isdigit()
                                          or CN_NUMERAL.fullmatch(tok.text)) else None
            unit = doc[i + 1]
            if (value is None or unit.like_num or not UNIT_TOKEN.fullmatch(unit.text)
                    or unit.text in DATE_UNITS):
                continue
            norm, nunit = normalize(value, unit.text)
            out.append(_quantity(text, tok.idx, unit.idx + len(unit), value, unit.text,
                                 norm, nunit))
        return out


# -- d) ours ------------------------------------------------------------------------------------

class Reportmine(Peer):
    """``reportmine.quantities.recognize(text)``."""

    name = "reportmine"
    description = "reportmine.quantities.recognize"

    def load(self) -> None:
        try:
            from reportmine.quantities import recognize
        except ImportError as exc:
            raise PeerUnavailable(f"reportmine: not available yet ({exc})")
        self.recognize = recognize

    def __call__(self, text: str) -> list[dict]:
        out = []
        for q in self.recognize(text):
            d = q if isinstance(q, dict) else {k: getattr(q, k, None) for k in (
                "start", "end", "text", "value", "unit", "norm_value", "norm_unit", "approx")}
            out.append(dict(d))
        return out


class ReportminePipeline(Reportmine):
    """The whole pipeline on the text: structure (boilerplate skipped) + quantities."""

    name = "reportmine pipeline"
    description = "reportmine.pipeline.Pipeline (skips marked boilerplate)"

    def load(self) -> None:
        try:
            from reportmine.pipeline import Pipeline
        except ImportError as exc:
            raise PeerUnavailable(f"reportmine: not available yet ({exc})")
        pipeline = Pipeline()
        self.recognize = lambda text: pipeline.analyze_bytes(text.encode("utf-8"), "peer.txt").quantities


PEERS = {p.name: p for p in (RecognizersText, JioNLPMoney, SpacyJieba, Reportmine, ReportminePipeline)}


# -- reference: jieba alone ------------------------------------------------------------------------

class JiebaCut(Peer):
    """``jieba.lcut(text)``: segmentation only, the floor under spaCy+jieba."""

    name = "jieba.lcut"
    description = "reference: jieba segmentation alone"

    def load(self) -> None:
        import jieba
        jieba.setLogLevel(60)
        jieba.initialize()
        self.cut = jieba.lcut

    def __call__(self, text: str) -> list:
        return self.cut(text)
