"""Written formulas: 得分=完成率96%×0.5=0.48 evaluated and compared with the
result written after =, within the rounding of that result.

The expression is the text between the previous = (or the clause start) and
this =; names and units inside it are dropped, numbers, %, × ÷ + − and
brackets are kept. A formula that does not evaluate is left alone.
"""

from __future__ import annotations

import ast
import operator
import re

from ..document import Quantity

_RESULT = re.compile(r"[=＝]\s*([+\-]?[0-9]+(?:\.[0-9]+)?)")
_KEEP = re.compile(r"[0-9.%％×÷*/+\-−()（）【】\[\]]")
_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
_STOP = "。；;|\n"
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?[%％]?")


def check_formulas(doc, found, cfg) -> None:
    text = doc.text
    for start, end in doc.content_spans():
        for m in _RESULT.finditer(text, start, end):
            lo = max(start, m.start() - cfg.formula_reach)
            head = text[lo:m.start()]
            cut = max(head.rfind(c) for c in _STOP + "=＝")
            expr_start = lo + cut + 1
            _judge(found, text, expr_start, m, cfg)


def _judge(found, text: str, s: int, m, cfg) -> None:
    raw = text[s:m.start()]
    kept = "".join(_KEEP.findall(raw))
    if not re.search(r"[×÷*/]", kept) or not re.search(r"[0-9]", kept):
        return
    expr = (kept.replace("×", "*").replace("÷", "/").replace("−", "-").replace("（", "(").replace("）", ")")
            .replace("【", "(").replace("】", ")").replace("[", "(").replace("]", ")"))
    expr = re.sub(r"([0-9.]+)[%％]", r"(\1/100)", expr)
    value = _evaluate(expr)
    if value is None:
        return
    stated = float(m.group(1))
    digits = len(m.group(1).split(".")[1]) if "." in m.group(1) else 0
    q = Quantity(m.start(1), m.end(1), m.group(1), stated, None, stated, None)
    first = s + len(raw) - len(raw.lstrip())
    ev = Quantity(first, m.start(), text[first:m.start()], value, None, value, None)
    arith = f"{text[first:m.start()].strip()} = {value:.{digits + 2}f}"
    if abs(value - stated) <= 0.5 * 10 ** -digits + 1e-9:
        found.verify("formula", arith, [ev, q], q)
    else:
        found.flag("formula", q, f"{arith}（按所报精度为{value:.{digits}f}）", _operands(text, first, m.start()),
                   span=(first, m.end(1)))


def _operands(text: str, start: int, end: int) -> list[Quantity]:
    """The numbers the formula computes with, as evidence (a reviewer sees each
    factor's place, not only the result)."""
    out = []
    for n in _NUMBER.finditer(text, start, end):
        number = n.group().rstrip("%％")
        value = float(number) / (100 if n.group() != number else 1)
        unit = "%" if n.group() != number else None
        out.append(Quantity(n.start(), n.end(), n.group(), float(number), unit, value,
                            "ratio" if unit else None))
    return out


def _evaluate(expr: str) -> float | None:
    try:
        tree = ast.parse(expr, mode="eval")
        return _node(tree.body)
    except (SyntaxError, ValueError, ZeroDivisionError, TypeError, RecursionError):
        return None


def _node(n) -> float:
    if isinstance(n, ast.Constant) and isinstance(n.value, (int, float)):
        return float(n.value)
    if isinstance(n, ast.BinOp) and type(n.op) in _OPS:
        return _OPS[type(n.op)](_node(n.left), _node(n.right))
    if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub):
        return -_node(n.operand)
    raise ValueError("not arithmetic")
