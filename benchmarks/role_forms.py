"""Role forms: one sentence per way of writing a quantity's role, written for
this benchmark (benchmarks/role_forms.txt) from GUIDE.md's role list and
conventions, not taken from any report.

    python benchmarks/role_forms.py [--forms FILE] [--misses] [--role-model]

Each marked number of a form (``〔number|role〕``) is looked up among the
quantities the pipeline finds on the sentence (the one whose span overlaps
it); its role is right or wrong, or the number is not found. Printed: right /
marked per role and in all, and with --misses each wrong or missing number
in its sentence (``⏎`` in a form stands for a line break). A mark may name the indicator too (``〔12亿元|actual|财政收入〕``;
``-`` for none): the pipeline's indicator is right when its characters match
by F1 >= 0.5, as ../shared/gold/score.py counts (none right only for none),
and the indicators are counted apart. The realdev figures (models/train_roles.py --lodo) measure
roles on real documents; this is a second source, independent of any
document, for the ways of writing a role the rules should read wherever they
appear.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"〔([^|〔〕]+)\|([a-z_]+)(?:\|([^|〔〕]+))?〕")
NONE = "-"      # an indicator mark that says the quantity names none
ROLES = ("actual", "completion_rate", "target", "basic_target", "full_target",
         "forecast", "growth", "difference", "other")


def parse(line: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The sentence without marks, and each marked number's span and role
    (see ``indicators`` for the indicator marks)."""
    text, marks, at = [], [], 0
    for m in MARK.finditer(line):
        if m.group(2) not in ROLES:
            raise SystemExit(f"unknown role {m.group(2)!r} in: {line}")
        text.append(line[at:m.start()])
        start = sum(map(len, text))
        text.append(m.group(1))
        marks.append((start, start + len(m.group(1)), m.group(2)))
        at = m.end()
    text.append(line[at:])
    return "".join(text), marks


def indicators(line: str) -> list[str | None]:
    """Each mark's indicator as written (``-``: none), or None when the mark names none."""
    return [m.group(3) for m in MARK.finditer(line)]


def char_f1(a: str, b: str) -> float:
    """../shared/gold/score.py's indicator match: F1 of the characters in common."""
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    if common == 0:
        return 0.0
    p, r = common / len(b), common / len(a)
    return 2 * p * r / (p + r)


def indicator_right(want: str, got: str | None) -> bool:
    return got is None if want == NONE else char_f1(want, got or "") >= 0.5


LINE_BREAK = "⏎"     # written in a form for a line break (a heading and the lines under it)


def read_forms(path: Path) -> list[str]:
    """The forms of a file, one per line (``⏎`` in a line stands for a line break)."""
    return [ln.strip().replace(LINE_BREAK, "\n") for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.lstrip().startswith("#")]


def judge(pipeline, line: str) -> list[tuple[str, str | None, str]]:
    """(role written, role found or None when no quantity overlaps, number) per mark."""
    return [(role, got, number) for role, got, number, _ in judge_all(pipeline, line)]


def judge_all(pipeline, line: str) -> list[tuple[str, str | None, str, object]]:
    """judge's triples with the quantity found (None when none overlaps) as a fourth."""
    text, marks = parse(line)
    doc = pipeline.analyze_bytes(text.encode("utf-8"), "form.txt")
    out = []
    for start, end, role in marks:
        hit = next((q for q in doc.quantities if q.start < end and start < q.end and q.value is not None), None)
        out.append((role, hit.role if hit else None, text[start:end], hit))
    return out


def misses(pipeline, forms: list[str]) -> tuple[list[str], list[str]]:
    """The marked numbers of ``forms`` whose role is not the one written, and
    those whose indicator, where one is written, is not right."""
    roles, named = [], []
    for line in forms:
        for (want, got, number, hit), ind in zip(judge_all(pipeline, line), indicators(line)):
            if got != want:
                roles.append(number)
            if ind is not None and not indicator_right(ind, hit.indicator if hit is not None else None):
                named.append(number)
    return roles, named


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--forms", type=Path, default=HERE / "role_forms.txt")
    ap.add_argument("--misses", action="store_true", help="list each wrong or missing number")
    ap.add_argument("--role-model", action="store_true", help="roles by the learned model (opt-in) instead of the rules")
    args = ap.parse_args(argv)

    from reportmine.pipeline import Pipeline

    pipeline = Pipeline(role_model=args.role_model)
    right, total, missing, named = Counter(), Counter(), 0, Counter()
    for line in read_forms(args.forms):
        for (want, got, number, hit), ind in zip(judge_all(pipeline, line), indicators(line)):
            total[want] += 1
            right[want] += got == want
            missing += got is None
            if args.misses and got != want:
                print(f"  {want:>15} -> {got or '(not found)':<15} {number}  | {parse(line)[0].replace(chr(10), LINE_BREAK)}")
            if ind is not None:
                found = hit.indicator if hit is not None else None
                named["marked"] += 1
                named["right"] += hit is not None and indicator_right(ind, found)
                if args.misses and not (hit is not None and indicator_right(ind, found)):
                    print(f"  {'indicator':>15} {ind} -> {found or '(none)'}  {number}  | {parse(line)[0].replace(chr(10), LINE_BREAK)}")
    for role in ROLES:
        if total[role]:
            print(f"{role:>15}  {right[role]:3d} / {total[role]:3d}")
    n, ok = sum(total.values()), sum(right.values())
    print(f"{'all':>15}  {ok:3d} / {n:3d} = {ok / n:.3f} ({missing} not found)")
    if named["marked"]:
        print(f"{'indicators':>15}  {named['right']:3d} / {named['marked']:3d} = "
              f"{named['right'] / named['marked']:.3f} (characters in common, F1 >= 0.5)")


if __name__ == "__main__":
    main()
