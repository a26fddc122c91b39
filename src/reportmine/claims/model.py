"""A linear role model read from plain JSON (data/roles.json, written by
models/train_roles.py): a weight per feature string and role, applied to a
whole document at once in pure Python (no scikit-learn, no pickle at run time).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache

from ..resources import DataFileError, read_text

SCHEMA = "reportmine-roles/1"


@dataclass(frozen=True)
class RoleModel:
    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    @classmethod
    def from_dict(cls, data: dict) -> "RoleModel":
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            raise DataFileError(f"roles model: schema must be {SCHEMA!r}")
        classes = tuple(data["classes"])
        k = len(classes)
        weights = {f: tuple(w) for f, w in data["weights"].items()}
        if len(data["intercept"]) != k or any(len(w) != k for w in weights.values()):
            raise DataFileError("roles model: every weight row needs one value per class")
        return cls(classes, tuple(data["intercept"]), weights)

    def scores(self, features: list[str]) -> list[float]:
        s = list(self.intercept)
        for f in features:
            w = self.weights.get(f)
            if w is not None:
                for j, x in enumerate(w):
                    s[j] += x
        return s

    def predict_proba(self, rows: list[list[str]]) -> list[list[float]]:
        out = []
        for row in rows:
            s = self.scores(row)
            m = max(s)
            e = [math.exp(x - m) for x in s]
            total = sum(e)
            out.append([x / total for x in e])
        return out

    def predict(self, rows: list[list[str]]) -> list[str]:
        """The best role of each row; one numpy pass over the whole document."""
        if not rows:
            return []
        import numpy as np

        matrix, index = self._matrix()
        get = index.get
        cols = np.fromiter((get(f, -1) for row in rows for f in row), dtype=np.int64)
        row_ids = np.repeat(np.arange(len(rows)), [len(row) for row in rows])
        keep = cols >= 0
        cols, row_ids = cols[keep], row_ids[keep]
        scores = np.tile(np.asarray(self.intercept), (len(rows), 1))
        for k in range(len(self.classes)):
            scores[:, k] += np.bincount(row_ids, weights=matrix[cols, k], minlength=len(rows))
        return [self.classes[k] for k in scores.argmax(axis=1)]

    def _matrix(self):
        cached = self.__dict__.get("_dense")
        if cached is None:
            import numpy as np

            names = list(self.weights)
            cached = (np.asarray([self.weights[f] for f in names], dtype=float),
                      {f: i for i, f in enumerate(names)})
            object.__setattr__(self, "_dense", cached)
        return cached


@lru_cache(maxsize=1)
def default_model() -> RoleModel | None:
    """The shipped model, loaded once per process; None when none is shipped."""
    try:
        text = read_text("roles.json")
    except (FileNotFoundError, OSError):
        return None
    try:
        return RoleModel.from_dict(json.loads(text))
    except (ValueError, KeyError, TypeError) as exc:
        raise DataFileError(f"roles.json: {exc}") from exc
