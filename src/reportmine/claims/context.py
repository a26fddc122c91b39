"""Context features of a quantity beyond its clause, for the role model: the
cue of the clause before it in its sentence and of the clause after it, words
of tense and modality (data/role_context.yaml) in its clause and sentence,
and the headings it sits under."""

from __future__ import annotations

from functools import lru_cache

from ..resources import DataFileError, compile_pattern, load_yaml, require
from .cues import Cues

SENTENCE_BACK = 60    # how far back in its sentence the cue of an earlier clause is looked for
NEXT_CLAUSE = 24      # how far into the next clause its cue is looked for


@lru_cache(maxsize=1)
def markers() -> dict:
    data = load_yaml("role_context.yaml")
    require(data, ("schema", "markers"), "role_context.yaml")
    if data["schema"] != "reportmine-role-context/1":
        raise DataFileError("role_context.yaml: schema must be reportmine-role-context/1")
    return {k: compile_pattern(v, f"role_context.yaml: markers.{k}") for k, v in data["markers"].items()}


def sentence_cue(c: Cues, text: str, ss: int, cs: int, view) -> list[str]:
    """The last role cue in the clauses before the quantity's own, in its sentence."""
    last = None
    for m in c.before.finditer(text, max(ss, cs - SENTENCE_BACK), cs):
        last = m
    if last is None:
        return ["scue:none"]
    return [f"scue:{last.lastgroup}", f"scuew:{view(last.group())[-4:]}"]


def next_cue(c: Cues, text: str, ce: int, se: int) -> list[str]:
    """The role cue of the clause after the quantity's (…12亿元，完成目标的98%)."""
    if ce >= se:
        return ["ncue:end"]
    m = c.before.search(text, ce, min(se, ce + NEXT_CLAUSE))
    return [f"ncue:{m.lastgroup}"] if m else ["ncue:none"]


def modality(text: str, ss: int, cs: int, start: int) -> list[str]:
    """Which kinds of marker stand in the clause before the quantity, and in
    the sentence before its clause."""
    out = []
    for kind, pattern in markers().items():
        if pattern.search(text, cs, start):
            out.append(f"mod:{kind}:clause")
        elif pattern.search(text, max(ss, cs - SENTENCE_BACK), cs):
            out.append(f"mod:{kind}:sentence")
    return out
