"""Measure a learned indicator chooser against the claim rules by
leave-one-document-out (issue 9: "treat indicator boundaries the same way if
a learned approach beats the trimming rules").

    python models/indicator_spans.py          # LODO table, per set and override threshold

For every pipeline quantity that matches a gold quantity with an indicator
(GUIDE.md matching), the candidates are the rules' indicator and every run of
jieba POS chunks (at most 10 chunks, 24 characters, some Han) in the text
before the quantity on its line, back to the end of a sentence or at most 40
characters. A logistic regression (scikit-learn, liblinear) learns from the
chunks' parts of speech and characters, the gap to the quantity, the rules'
role, overlap with the rules' phrase and whether the catalog (the shipped
indicators.yaml) names it, whether a candidate is right (character F1 >= 0.5
against the gold, the scorer's test) where the rules' phrase is wrong, or
wrong where it is right. In each fold (a document; the formats of one corpus
sample together) the model is fitted on the other documents, and the rules'
phrase is replaced by the best candidate when the model's probability passes
a threshold. Prints, per set, indicator accuracy of the rules and of the
chooser at each threshold, with the rows it puts right and wrong; then how
many of the rows the rules get wrong have a right candidate at all, and on
how many the gold indicator is not written near the quantity (composed).

Nothing is written; the chooser is not shipped (models/ROLES.md, "Indicators:
a learned chooser").
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from reportmine.evaluation.scoring import char_f1  # noqa: E402  (the scorer's indicator test)
from train_roles import _match, _rule_pipeline, group_of, sources  # noqa: E402

WINDOW = 40                        # characters before the quantity a candidate may start at
MAX_CHUNKS, MAX_CHARS = 10, 24
SENTENCE_ENDS = set("。；;！？!?\n|")
THRESHOLDS = (0.5, 0.7, 0.8, 0.9, 0.95)
C = 1.0


def _han(s: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in s)


def candidates(text: str, start: int) -> list[tuple[int, int, str, str, int, int, int]]:
    """Runs of jieba POS chunks before ``start``: (begin, end, first POS, last POS,
    first chunk, last chunk, chunks in the window)."""
    import jieba.posseg as pseg

    lo, begin = max(0, start - WINDOW), start
    while begin > lo and text[begin - 1] not in SENTENCE_ENDS:
        begin -= 1
    chunks, pos = [], begin
    for token in pseg.cut(text[begin:start]):
        chunks.append((pos, pos + len(token.word), token.flag))
        pos += len(token.word)
    out = []
    for i in range(len(chunks)):
        for j in range(i, min(len(chunks), i + MAX_CHUNKS)):
            a, b = chunks[i][0], chunks[j][1]
            if b - a > MAX_CHARS:
                break
            if _han(text[a:b]):
                out.append((a, b, chunks[i][2], chunks[j][2], i, j, len(chunks)))
    return out


def _catalog_marks(phrase: str, names: frozenset, long_names: tuple) -> list[str]:
    marks = ["cat:exact"] if phrase in names else []
    if any(phrase.endswith(n) for n in long_names):
        marks.append("cat:suffix")
    if any(n in phrase for n in long_names):
        marks.append("cat:contains")
    return marks


def span_features(text: str, start: int, role: str, cand, rules_phrase: str, names, long_names) -> list[str]:
    a, b, first_pos, last_pos, i, j, n = cand
    span, gap = text[a:b], text[b:start]
    f = [f"len:{min(len(span), 12)}", f"chunks:{min(j - i + 1, 6)}", f"pos0:{first_pos}", f"pos1:{last_pos}",
         f"pos:{first_pos}_{last_pos}", f"gaplen:{min(len(gap), 8)}", f"c0:{span[0]}", f"c1:{span[-1]}",
         f"before:{text[a - 1] if a else '^'}", f"first:{i == 0}", f"last:{j == n - 1}",
         f"gap0:{gap[:1]}", f"gap1:{gap[-1:]}", f"role:{role}",
         f"punct:{any(ch in '，,、:：（）()' for ch in span)}", f"digit:{any(ch.isdigit() for ch in span)}"]
    if len(gap) <= 4:
        f.append(f"gap:{gap}")
    f += _catalog_marks(span, names, long_names)
    if rules_phrase:
        f += [f"rf1:{int(char_f1(rules_phrase, span) * 4)}", f"rin:{span in rules_phrase}",
              f"rhas:{rules_phrase in span}"]
        f += ["r" + m for m in _catalog_marks(rules_phrase, names, long_names)]
    else:
        f.append("rules:none")
    return f


def rows_of_documents() -> list[dict]:
    """One row per matched quantity with a gold indicator: its fold, set, the
    rules' score and its candidates (features, score)."""
    import json

    from reportmine.catalog.model import default_catalog
    from reportmine.claims import rule_claims

    forms = frozenset(f for e in default_catalog().indicators for f in e.surface_forms())
    long_forms = tuple(sorted(f for f in forms if len(f) >= 3))
    pipeline = _rule_pipeline()
    out = []
    for src in sources():
        for gold_path in sorted(src.gold_dir.glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            doc = pipeline.analyze(src.text_dir / gold["doc"])
            rule_claims(doc)
            for j, g in sorted(_match(gold["quantities"], doc.quantities).items()):
                if not g.get("indicator"):
                    continue
                q = doc.quantities[j]
                phrase = q.indicator or ""
                cands = [(span_features(doc.text, q.start, q.role, c, phrase, forms, long_forms),
                          char_f1(g["indicator"], doc.text[c[0]:c[1]]))
                         for c in candidates(doc.text, q.start) if doc.text[c[0]:c[1]] != phrase]
                near = doc.text[max(0, q.start - 2 * WINDOW):q.end + MAX_CHARS]
                out.append({"fold": group_of(src, gold["doc"]), "set": src.set,
                            "rules": char_f1(g["indicator"], phrase), "cands": cands,
                            "written": g["indicator"] in near})
    return out


def lodo(rows: list[dict]) -> dict:
    """Per set: rows, rules right, and per threshold (right, put right, made wrong)."""
    import numpy as np
    from sklearn.feature_extraction import FeatureHasher
    from sklearn.linear_model import LogisticRegression

    hasher = FeatureHasher(2 ** 18, input_type="string")
    result: dict = defaultdict(Counter)
    for fold in sorted({r["fold"] for r in rows}):
        train = [(f, s >= 0.5) for r in rows if r["fold"] != fold for f, s in r["cands"]
                 if (s >= 0.5) != (r["rules"] >= 0.5)]
        clf = LogisticRegression(C=C, solver="liblinear", max_iter=3000, random_state=0)
        clf.fit(hasher.transform([f for f, _ in train]), np.array([y for _, y in train]))
        for r in (r for r in rows if r["fold"] == fold):
            tally, rules_ok = result[r["set"]], r["rules"] >= 0.5
            tally["rows"] += 1
            tally["rules"] += rules_ok
            if not rules_ok:
                tally["oracle"] += any(score >= 0.5 for _, score in r["cands"])
                tally["composed"] += not r.get("written", True)
            best_p, best_ok = 0.0, rules_ok
            if r["cands"]:
                probs = clf.predict_proba(hasher.transform([f for f, _ in r["cands"]]))[:, 1]
                k = int(probs.argmax())
                best_p, best_ok = float(probs[k]), r["cands"][k][1] >= 0.5
            for t in THRESHOLDS:
                ok = best_ok if best_p > t else rules_ok
                tally[t] += ok
                tally[(t, "right")] += ok and not rules_ok
                tally[(t, "wrong")] += rules_ok and not ok
    return result


def main() -> None:
    result = lodo(rows_of_documents())
    print("set      rows  rules  " + "  ".join(f"p>{t:<4} (+right/-wrong)" for t in THRESHOLDS))
    for name, t in result.items():
        n = t["rows"]
        cells = "  ".join(f"{t[x] / n:.3f} (+{t[(x, 'right')]}/-{t[(x, 'wrong')]})    " for x in THRESHOLDS)
        print(f"{name:8} {n:5} {t['rules'] / n:.3f}  {cells}")
    for name, t in result.items():
        wrong = t["rows"] - t["rules"]
        print(f"{name}: the rules wrong on {wrong} rows; a candidate right on {t['oracle']}; "
              f"the gold indicator not written near the quantity (composed) on {t['composed']}")


if __name__ == "__main__":
    main()
