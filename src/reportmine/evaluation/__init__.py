"""Evaluation against gold annotations (``shared/gold``, GUIDE.md).

>>> from reportmine.evaluation import score, format_result
>>> result = score("/work/shared/gold", "out/", sources="/work/shared/seeds")
>>> print(format_result(result, errors=True))

Pure Python; the numbers equal those of the reference ``score.py``.
"""

from .gold import (FLAG_TYPES, GOLD_SCHEMA, GoldDoc, GoldError, Prediction, load_gold_dir,
                   load_gold_file, load_pred_dir, load_pred_file, prediction_from,
                   validate_gold)
from .report import format_result, summary_line
from .scoring import (PAIR_CHECKS, PRF, Accuracy, DocScore, ErrorItem, PairCheck,
                      ScoreResult, char_f1, score, score_document)

__all__ = [
    "FLAG_TYPES", "GOLD_SCHEMA", "GoldDoc", "GoldError", "Prediction", "load_gold_dir",
    "load_gold_file", "load_pred_dir", "load_pred_file", "prediction_from", "validate_gold",
    "format_result", "summary_line", "PAIR_CHECKS", "PRF", "Accuracy", "DocScore",
    "ErrorItem", "PairCheck", "ScoreResult", "char_f1", "score", "score_document",
]
