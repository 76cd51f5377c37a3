"""The line classifier: logistic regression over :mod:`.features`, and a page-level article check.

A line is kept when its probability of being article text is at least ``threshold``; that
probability comes from two passes, the second seeing the first pass's probabilities of the
line's neighbours (a line among article lines is more likely article text). Whether
the page has an article at all is a second, small logistic regression over what the line
scores add up to (words and lines kept, longest run of kept prose, mean and top scores, the
rules' own no-article verdict, how many kept lines read as teaser leads); a page it rejects
gives an empty document with a reason. Both are fitted by :func:`fit` (Newton's method with
an L2 penalty, in numpy: deterministic) and stored as JSON (``data/line-model.json``), the
feature names beside the weights so that a stale model is refused rather than misread.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from tachtu.cleaning.features import NAMES

PAGE_NAMES = ("bias", "words", "lines", "prose_share", "longest_run", "mean_kept", "top5", "rules_no_article",
              "teaser_share", "isolated_share", "kept_share", "headed_share")
#: Second-pass features: the first pass's probabilities of the line and its neighbours.
CONTEXT_NAMES = ("p_self", "p_prev", "p_next", "p_window", "p_window_max", "p_before", "p_after")
MODEL_FILE = "data/line-model.json"


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float, sample_weight: np.ndarray | None = None,
                 iterations: int = 50) -> np.ndarray:
    """Weights (bias first) of an L2-penalised, sample-weighted logistic regression, by Newton's method."""
    a = np.hstack([np.ones((len(x), 1)), x])
    s = np.ones(len(x)) if sample_weight is None else sample_weight
    w = np.zeros(a.shape[1])
    penalty = np.full(a.shape[1], l2)
    penalty[0] = 1e-6
    for _ in range(iterations):
        p = _sigmoid(a @ w)
        gradient = a.T @ (s * (p - y)) + penalty * w
        hessian = (a * (s * p * (1 - p))[:, None]).T @ a + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return w


def context(p: np.ndarray) -> np.ndarray:
    """The first-pass probabilities around each line (:data:`CONTEXT_NAMES`): a line among
    article lines is more likely article text, a lone line among chrome less."""
    n = len(p)
    padded = np.concatenate([np.zeros(3), p, np.zeros(3)])
    windows = np.stack([padded[k:k + n] for k in range(7)])          # offsets -3..3
    before = np.maximum.accumulate(p) if n else p                     # any article line above
    after = np.maximum.accumulate(p[::-1])[::-1] if n else p          # any article line below
    return np.column_stack([p, windows[2], windows[4], windows[1:6].mean(axis=0),
                            np.maximum(windows[2], windows[4]),
                            np.concatenate([[0.0], before[:-1]]) if n else p,
                            np.concatenate([after[1:], [0.0]]) if n else p])


def page_features(x: np.ndarray, p: np.ndarray, tokens: np.ndarray, prose: np.ndarray, threshold: float) -> np.ndarray:
    """What the line scores of one page add up to, in :data:`PAGE_NAMES` order (bias included)."""
    kept = p >= threshold
    run = best = 0
    for k, kept_prose in enumerate(kept & prose):
        run = run + 1 if kept_prose else 0
        best = max(best, run)
    teaser = x[:, NAMES.index("teaser_lead")]
    isolated = x[:, NAMES.index("isolated_prose")]
    headed = x[:, NAMES.index("headed_by_own_title")]
    kept_prose = kept & prose
    return np.array([
        1.0,
        np.log1p(tokens[kept_prose].sum()) / 6.0,
        np.log1p(kept.sum()) / 4.0,
        kept_prose.sum() / max(kept.sum(), 1),
        np.log1p(best) / 3.0,
        p[kept].mean() if kept.any() else 0.0,
        np.sort(p)[-5:].mean() if len(p) else 0.0,
        x[0, NAMES.index("page_no_article")] if len(x) else 1.0,
        teaser[kept_prose].sum() / max(kept_prose.sum(), 1),
        isolated[kept_prose].sum() / max(kept_prose.sum(), 1),
        kept.mean() if len(kept) else 0.0,
        (headed[kept_prose] > 0.5).sum() / max(kept_prose.sum(), 1),
    ])


class LineModel:
    """A fitted classifier: line weights, page weights, and the line threshold."""

    def __init__(self, first_weights, line_weights, page_weights, threshold: float = 0.5,
                 metadata: dict | None = None) -> None:
        self.first_weights = np.asarray(first_weights, dtype=np.float64)
        self.line_weights = np.asarray(line_weights, dtype=np.float64)
        self.page_weights = np.asarray(page_weights, dtype=np.float64)
        self.threshold = threshold
        self.metadata = metadata or {}

    def first_pass(self, x: np.ndarray) -> np.ndarray:
        return _sigmoid(x @ self.first_weights[1:] + self.first_weights[0])

    def line_probabilities(self, x: np.ndarray) -> np.ndarray:
        """Each line's probability of being article text (second pass, with its neighbours' first pass)."""
        both = np.hstack([x, context(self.first_pass(x))])
        return _sigmoid(both @ self.line_weights[1:] + self.line_weights[0])

    def decide(self, x: np.ndarray, tokens, prose) -> tuple[list[bool], str | None]:
        """Which lines to keep, and the reason the page has no article (``None`` if it has one)."""
        if not len(x):
            return [], "empty page: no text"
        p = self.line_probabilities(x)
        page = page_features(x, p, np.asarray(tokens, dtype=float), np.asarray(prose, dtype=bool), self.threshold)
        article = float(_sigmoid(page @ self.page_weights))
        if article < 0.5:
            return [False] * len(x), (f"no article: the page classifier gives {article:.2f} for an article "
                                      f"({int((p >= self.threshold).sum())} lines scored as article text)")
        return list(p >= self.threshold), None

    def to_json(self) -> dict:
        return {"format": "tachtu line classifier", "version": 1, "features": list(NAMES),
                "context_features": list(CONTEXT_NAMES),
                "first_weights": [round(float(w), 6) for w in self.first_weights],
                "line_weights": [round(float(w), 6) for w in self.line_weights],
                "page_features": list(PAGE_NAMES), "page_weights": [round(float(w), 6) for w in self.page_weights],
                "threshold": self.threshold, "metadata": self.metadata}

    @classmethod
    def from_json(cls, data: dict) -> LineModel:
        if (data.get("features"), data.get("context_features"), data.get("page_features")) != (
                list(NAMES), list(CONTEXT_NAMES), list(PAGE_NAMES)):
            raise ValueError("the line model was fitted on other features; rebuild it with "
                             "`python -m tachtu.cleaning.train`")
        return cls(data["first_weights"], data["line_weights"], data["page_weights"], data["threshold"],
                   data.get("metadata"))

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n", "utf-8")


@lru_cache(maxsize=1)
def shipped() -> LineModel:
    """The model shipped with tachtu (``cleaning/data/line-model.json``)."""
    text = resources.files("tachtu.cleaning").joinpath(MODEL_FILE).read_text("utf-8")
    return LineModel.from_json(json.loads(text))


def fit(lines: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, bool]], *,
        l2: float = 1.0, page_l2: float = 1.0, threshold: float = 0.5, metadata: dict | None = None) -> LineModel:
    """Fit both models on pages given as ``(features, labels, weights, tokens, prose, has_article)``.

    Labels are 1 for article lines; weights weigh lines (0 leaves a line out: optional lines).
    """
    x = np.vstack([page[0] for page in lines])
    y = np.concatenate([page[1] for page in lines])
    weight = np.concatenate([page[2] for page in lines])
    keep = weight > 0
    first = fit_logistic(x[keep], y[keep], l2, weight[keep])
    model = LineModel(first, np.zeros(1), np.zeros(len(PAGE_NAMES)), threshold, metadata)
    both = np.vstack([np.hstack([page[0], context(model.first_pass(page[0]))]) for page in lines])
    model.line_weights = fit_logistic(both[keep], y[keep], l2, weight[keep])
    pages = np.array([page_features(f, model.line_probabilities(f), t, pr, threshold) for f, _, _, t, pr, _ in lines])
    labels = np.array([float(has) for *_, has in lines])
    model.page_weights = fit_logistic(pages[:, 1:], labels, page_l2)
    return model
