"""Scoring rules: one model, loaded from YAML or from an xlsx sheet.

Both sources give raw entries (a dict per indicator, with where it was
written: a line of the YAML file or a row of the sheet); :func:`build_rules`
validates them all the same way, so a rule means the same in either format.
Every number of a rule is in the rule's ``unit`` and is converted on load to
the record's normalized unit (万人 -> 人 x 10000, % -> ratio x 0.01) by
:mod:`.units`, which reads the recognizer's own unit table.

Errors are :class:`RulesError` with a stable code (E501-E506) and a Chinese
message naming the file, the line or row, and the field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..errors import ReportmineError
from .units import RuleUnit, rule_unit
from .vocabulary import tier_names, tiers

METHODS = ("efficacy", "tiers", "ratio", "steps", "threshold")
VALUES = ("actual", "completion_rate", "growth")
DIRECTIONS = ("higher", "lower")
KEYS = ("indicator", "aliases", "id", "weight", "method", "value", "direction", "unit", "period",
        "target", "floor", "satisfactory", "cap", "zero_below_floor", "per", "points_per_step",
        "min_points", "max_points", "tiers", "veto")
NUMBER_KEYS = ("target", "floor", "satisfactory", "per")       # in the rule's unit
POINT_KEYS = ("points_per_step", "min_points", "max_points")   # in points


class RulesError(ReportmineError):
    """A rules file that cannot be used (E501-E506)."""


@dataclass(frozen=True)
class Scale:
    """功效系数法 range: a value at the floor earns base/full of the weight."""

    base: Decimal = Decimal(60)
    full: Decimal = Decimal(100)


@dataclass(frozen=True)
class Rule:
    indicator: str
    weight: Decimal
    method: str
    where: str
    aliases: tuple[str, ...] = ()
    id: str | None = None
    value: str = "actual"
    direction: str = "higher"
    unit: RuleUnit = field(default_factory=RuleUnit)
    period: str | None = None
    target: Decimal | None = None          # normalized (the record's unit)
    floor: Decimal | None = None
    satisfactory: Decimal | None = None
    cap: Decimal = Decimal(1)
    zero_below_floor: bool = False
    per: Decimal | None = None
    points_per_step: Decimal | None = None
    min_points: Decimal | None = None
    max_points: Decimal | None = None
    tiers: tuple[tuple[str, Decimal, Decimal], ...] = ()   # (standard, coefficient, normalized value)
    veto: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return (self.indicator, *self.aliases)

    @property
    def lower(self) -> bool:
        return self.direction == "lower"

    @property
    def most(self) -> Decimal:
        """The most points the rule can give."""
        if self.method == "ratio":
            return self.weight * self.cap
        if self.method == "steps" and self.max_points is not None:
            return self.max_points
        return self.weight

    def show(self, normalized: Decimal) -> str:
        """A normalized number written in the rule's unit: 0.105 -> 10.5%."""
        return self.unit.show(normalized)


@dataclass(frozen=True)
class Rules:
    rules: tuple[Rule, ...]
    scale: Scale = Scale()
    source: str = ""


def load_rules(path: str | Path) -> Rules:
    """Rules from a ``.yaml``/``.yml`` file or an ``.xlsx`` workbook."""
    path = Path(path)
    if not path.is_file():
        raise RulesError("E501", path=path, reason="文件不存在")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from .rules_xlsx import read_xlsx
        scale, entries = read_xlsx(path)
    elif path.suffix.lower() in (".yaml", ".yml"):
        from .rules_yaml import read_yaml
        scale, entries = read_yaml(path)
    else:
        raise RulesError("E501", path=path, reason="只支持 .yaml、.yml 或 .xlsx 文件")
    return build_rules(scale, entries, path.name)


@dataclass
class Entry:
    """One raw indicator entry and where each of its fields was written."""

    values: dict
    where: str                                  # 'rules.yaml 第5行'
    field_where: dict = field(default_factory=dict)

    def at(self, key: str) -> str:
        return self.field_where.get(key, self.where)


def build_rules(scale: Entry | None, entries: list[Entry], source: str = "") -> Rules:
    built = [build_rule(e) for e in entries]
    _no_duplicates(built)
    return Rules(tuple(built), build_scale(scale) if scale else Scale(), source)


def build_scale(entry: Entry) -> Scale:
    for key in entry.values:
        if key not in ("base", "full"):
            raise RulesError("E504", where=entry.at(key), field=f"scale.{key}", known="base、full")
    base = _number(entry, "base", Decimal(60))
    full = _number(entry, "full", Decimal(100))
    if not (0 <= base < full):
        raise RulesError("E503", where=entry.at("full"), field="scale", value=f"{base}..{full}",
                         expected="0 ≤ base < full 的两个数")
    return Scale(base, full)


def build_rule(e: Entry) -> Rule:
    for key in e.values:
        if key not in KEYS and key not in tier_names():
            raise RulesError("E504", where=e.at(key), field=key, known="、".join(KEYS))
    for key in ("indicator", "weight", "method"):
        if _empty(e.values.get(key)):
            raise RulesError("E502", where=e.where, field=key)
    method = _choice(e, "method", METHODS, None)
    unit = _unit(e)
    kw = {k: _number(e, k, None, unit) for k in NUMBER_KEYS}
    kw.update({k: _number(e, k, None) for k in POINT_KEYS})
    rule = Rule(indicator=_text(e, "indicator"), weight=_number(e, "weight", None, minimum=0),
                method=method, where=e.where, aliases=_aliases(e), id=_text(e, "id"),
                value=_choice(e, "value", VALUES, "actual"),
                direction=_choice(e, "direction", DIRECTIONS, "higher"), unit=unit,
                period=_text(e, "period"), cap=_number(e, "cap", Decimal(1), minimum=0),
                zero_below_floor=_bool(e, "zero_below_floor"), veto=_bool(e, "veto"),
                tiers=_tiers(e, unit), **kw)
    _check_method(e, rule)
    return rule


def _check_method(e: Entry, r: Rule) -> None:
    """What each method needs beyond the common fields."""
    if r.method == "efficacy":
        _check_efficacy(e, r)
    if r.method == "tiers" and not r.tiers:
        raise RulesError("E502", where=e.where, field="tiers（" + "、".join(tier_names()) + "）")
    if r.method == "steps":
        for key in ("per", "points_per_step"):
            if getattr(r, key) is None:
                raise RulesError("E502", where=e.where, field=key)
        if r.per <= 0:
            raise RulesError("E503", where=e.at("per"), field="per", value=e.values["per"], expected="正数")
        if r.points_per_step == 0:
            raise RulesError("E503", where=e.at("points_per_step"), field="points_per_step",
                             value=e.values["points_per_step"], expected="非零的数（负数扣分，正数加分）")
    if r.value == "completion_rate" and r.unit.norm not in (None, "ratio"):
        raise RulesError("E503", where=e.at("unit"), field="unit", value=r.unit.written,
                         expected="完成率的单位 %（或不写单位，按小数）")


def _check_efficacy(e: Entry, r: Rule) -> None:
    if (r.floor is None) != (r.satisfactory is None):
        raise RulesError("E502", where=e.where, field="satisfactory" if r.satisfactory is None else "floor")
    if r.floor is None:
        return
    if (r.satisfactory >= r.floor) if r.lower else (r.satisfactory <= r.floor):
        better = "低于" if r.lower else "高于"
        raise RulesError("E503", where=e.at("satisfactory"), field="satisfactory",
                         value=e.values["satisfactory"], expected=f"{better} floor（{e.values['floor']}）的数")


def _no_duplicates(rules: list[Rule]) -> None:
    seen: dict[tuple[str, str | None], Rule] = {}
    for r in rules:
        for name in r.names:
            other = seen.get((name, r.period))
            if other is not None and other is not r:
                raise RulesError("E506", where=r.where, indicator=name, other=other.where)
            seen[(name, r.period)] = r


def _empty(v) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _text(e: Entry, key: str) -> str | None:
    v = e.values.get(key)
    return None if _empty(v) else str(v).strip()


def _choice(e: Entry, key: str, allowed: tuple[str, ...], default):
    v = _text(e, key)
    if v is None:
        return default
    if v not in allowed:
        raise RulesError("E503", where=e.at(key), field=key, value=v, expected=" 或 ".join(allowed))
    return v


def to_decimal(v) -> Decimal:
    """int/float/str -> Decimal, floats by their shortest repr (0.1 -> 0.1)."""
    if isinstance(v, bool):
        raise InvalidOperation
    text = repr(v) if isinstance(v, float) else str(v).strip().replace(",", "")
    d = Decimal(text)
    if not d.is_finite():
        raise InvalidOperation
    return d


def _number(e: Entry, key: str, default, unit: RuleUnit | None = None, minimum=None):
    v = e.values.get(key)
    if _empty(v):
        return default
    try:
        d = to_decimal(v)
    except (InvalidOperation, ValueError):
        raise RulesError("E503", where=e.at(key), field=key, value=v, expected="数字") from None
    if minimum is not None and d < minimum:
        raise RulesError("E503", where=e.at(key), field=key, value=v, expected=f"不小于 {minimum} 的数")
    return unit.normalize(d) if unit is not None else d


_TRUE = {"true", "yes", "是", "1", "y"}
_FALSE = {"false", "no", "否", "0", "n", ""}


def _bool(e: Entry, key: str) -> bool:
    v = e.values.get(key)
    if v is None or isinstance(v, bool):
        return bool(v)
    text = str(v).strip().lower()
    if text in _TRUE | _FALSE:
        return text in _TRUE
    raise RulesError("E503", where=e.at(key), field=key, value=v, expected="true 或 false（是/否）")


def _aliases(e: Entry) -> tuple[str, ...]:
    from .vocabulary import split_aliases

    v = e.values.get("aliases")
    if _empty(v):
        return ()
    items = v if isinstance(v, (list, tuple)) else split_aliases(str(v))
    return tuple(str(a).strip() for a in items if not _empty(a))


def _unit(e: Entry) -> RuleUnit:
    written = _text(e, "unit")
    unit = rule_unit(written)
    if unit is None:
        raise RulesError("E505", where=e.at("unit"), unit=written)
    return unit


def _tiers(e: Entry, unit: RuleUnit) -> tuple[tuple[str, Decimal, Decimal], ...]:
    given = e.values.get("tiers")
    if _empty(given):
        given = {k: e.values[k] for k in tier_names() if not _empty(e.values.get(k))}
    if not given:
        return ()
    if not isinstance(given, dict):
        raise RulesError("E503", where=e.at("tiers"), field="tiers", value=given,
                         expected="标准值映射（" + "、".join(tier_names()) + "）")
    out = []
    for name, coef in tiers():
        if _empty(given.get(name)):
            raise RulesError("E502", where=e.at("tiers"), field=f"tiers.{name}")
        sub = Entry({name: given[name]}, e.at("tiers"), {name: _tier_at(e, name)})
        out.append((name, coef, _number(sub, name, None, unit)))
    _check_tier_order(e, out, given)
    return tuple(out)


def _tier_at(e: Entry, name: str) -> str:
    """An xlsx tier column, else the YAML `tiers` line."""
    return e.field_where.get(name) or e.at("tiers")


def _check_tier_order(e: Entry, out: list, given: dict) -> None:
    """Standards must get strictly worse from 优秀 to 较差."""
    lower = _text(e, "direction") == "lower"
    for (better, _, b), (worse, _, w) in zip(out, out[1:]):
        if (b >= w) if lower else (b <= w):
            order = "逐档升高" if lower else "逐档降低"
            raise RulesError("E503", where=_tier_at(e, worse), field=f"tiers.{worse}", value=given[worse],
                             expected=f"比“{better}”更差的标准值（标准值须{order}）")
