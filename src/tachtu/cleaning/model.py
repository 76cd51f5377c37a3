"""The line classifier: boosted trees over :mod:`.features`, and a page-level article check.

A line is kept when its probability of being article text is at least ``threshold``; that
probability comes from three passes. The first, a logistic regression over the features, gives
each line a rough probability; the second, gradient-boosted trees (depth 4) over the features
and the first pass's probabilities of the line's neighbours (a line among article lines is more
likely article text), gives a sharper one; the third, more trees over the same input and the
second pass's probabilities of the neighbours, gives the final one (fitted on cross-fitted
second-pass probabilities, see :func:`fit`). Trees, not one more weight per feature: chrome is
often an interaction (running text *inside a dated teaser list after the article*), which a
linear model cannot express; on the development layouts the trees cut page-text false positives
by half (docs/cleaning.md). Whether the page has an article at all is a small logistic regression
over what the line scores add up to (words and lines kept, longest run of kept prose, mean and
top scores, the rules' own no-article verdict, how many kept lines read as teaser leads, how much
the kept running text shares its words, the share of price lines); a page it rejects gives an
empty document with a reason.

Fitted by :func:`fit`: the logistic regressions by Newton's method with an L2 penalty (numpy),
the trees by scikit-learn's ``HistGradientBoostingClassifier`` (fixed seed, no early stopping,
one thread: any machine gives the same bits), needed only to train (``pip install 'tachtu[train]'``).
Stored as JSON (``data/line-model.json``): weights, and each tree as a complete binary tree of
depth 4 (feature, threshold and leaf arrays), read and evaluated with numpy alone; the feature
names are stored beside them so that a stale model is refused rather than misread.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from tachtu.cleaning.features import NAMES
from tachtu.cleaning.structure import runs
from tachtu.threads import one_thread

PAGE_NAMES = ("bias", "words", "lines", "prose_share", "longest_run", "mean_kept", "top5", "rules_no_article",
              "teaser_share", "isolated_share", "kept_share", "headed_share", "cohesion", "price_share")
#: Second-pass features: the first pass's probabilities of the line and its neighbours.
CONTEXT_NAMES = ("p_self", "p_prev", "p_next", "p_window", "p_window_max", "p_before", "p_after")
MODEL_FILE = "data/line-model.json"
DEPTH = 4                       # every tree is stored as a complete binary tree of this depth
#: scikit-learn's settings for the trees: its defaults, but a fixed depth, 400 rounds and an L2 penalty,
#: no early stopping and a fixed seed (so a refit gives the same arrays)
TREES = dict(max_iter=400, learning_rate=0.1, max_depth=DEPTH, l2_regularization=1.0, early_stopping=False,
             random_state=0)


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
    article lines is more likely article text, a lone line among chrome less.

    Beyond the page's edges a line's own probability stands in for its missing neighbours (and
    for "any article line above/below" at the first/last line): a constant there, such as 0, is a
    value no real neighbour gives, which lets the trees tell the first and last line apart and learn
    what those lines happened to be in training (the bare copies end with article text, every
    other development page with chrome)."""
    n = len(p)
    if not n:
        return np.zeros((0, len(CONTEXT_NAMES)))
    padded = np.pad(p, 3, mode="edge")
    windows = np.stack([padded[k:k + n] for k in range(7)])          # offsets -3..3
    before = np.maximum.accumulate(p)                                 # any article line above
    after = np.maximum.accumulate(p[::-1])[::-1]                      # any article line below
    return np.column_stack([p, windows[2], windows[4], windows[1:6].mean(axis=0),
                            np.maximum(windows[2], windows[4]),
                            np.concatenate([p[:1], before[:-1]]), np.concatenate([after[1:], p[-1:]])])


def page_features(x: np.ndarray, p: np.ndarray, tokens: np.ndarray, prose: np.ndarray, threshold: float) -> np.ndarray:
    """What the line scores of one page add up to, in :data:`PAGE_NAMES` order (bias included)."""
    kept = p >= threshold
    kept_prose = kept & prose
    start, end = runs(kept_prose)
    best = int((end - start).max(initial=0))
    teaser = x[:, NAMES.index("teaser_lead")]
    isolated = x[:, NAMES.index("isolated_prose")]
    headed = x[:, NAMES.index("headed_by_own_title")]
    topic_far = x[:, NAMES.index("topic_far")]
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
        topic_far[kept_prose].mean() if kept_prose.any() else 0.0,
        x[:, NAMES.index("price")].mean() if len(x) else 0.0,
    ])


class Forest:
    """Boosted trees as arrays: ``feature``/``threshold`` of each tree's 2**DEPTH - 1 inner nodes
    (breadth first; a value ``<= threshold`` goes left), ``value`` of its 2**DEPTH leaves."""

    def __init__(self, feature, threshold, value, baseline: float) -> None:
        self.feature = np.asarray(feature, dtype=np.intp).reshape(-1, 2 ** DEPTH - 1)
        self.threshold = np.asarray(threshold, dtype=np.float64).reshape(-1, 2 ** DEPTH - 1)
        self.value = np.asarray(value, dtype=np.float64).reshape(-1, 2 ** DEPTH)
        self.baseline = float(baseline)
        trees = np.arange(len(self.feature))
        #: for :meth:`raw`, each level's nodes tree after tree (feature, threshold, each tree's first node)
        self._levels = [(self.feature[:, 2 ** d - 1:2 ** (d + 1) - 1].ravel(),
                         self.threshold[:, 2 ** d - 1:2 ** (d + 1) - 1].ravel(), trees * 2 ** d) for d in range(DEPTH)]
        self._leaves = trees * 2 ** DEPTH

    def raw(self, x: np.ndarray, block: int | None = None) -> np.ndarray:
        """The summed leaf values (log-odds) of every row of ``x``: all trees at once, one level at a
        time (``node``: each row's node within each tree's current level), ``block`` rows at a time.
        By default a block's rows x trees arrays stay within 64 KB: the few alive at once are then
        reused heap memory, whereas larger ones are given back to the system when freed (glibc trims
        the heap above 128 KB) and come back as fresh pages, whose faults cost as much as the
        arithmetic (some 190 per page of 70 rows and 400 trees; 0.78 ms against 0.42)."""
        block = block or max(1, 2 ** 13 // len(self.feature))
        if len(x) > block:
            return np.concatenate([self.raw(x[k:k + block], block) for k in range(0, len(x), block)])
        feature, threshold, _ = self._levels[0]
        node = (x.take(feature, axis=1) > threshold).astype(np.intp)  # the roots: one column per tree
        rows = (np.arange(len(x)) * x.shape[1])[:, None]               # each row's start in the flat x
        flat_x = x.ravel()
        for feature, threshold, first in self._levels[1:]:
            at = node + first
            column = feature.take(at)
            column += rows
            node += node
            node += flat_x.take(column) > threshold.take(at)
        node += self._leaves
        return self.baseline + self.value.ravel().take(node).sum(axis=1)

    def to_json(self) -> dict:
        return {"depth": DEPTH, "baseline": round(self.baseline, 8), "feature": self.feature.ravel().tolist(),
                "threshold": [float(v) for v in self.threshold.ravel()],
                "value": [round(float(v), 8) for v in self.value.ravel()]}

    @classmethod
    def from_json(cls, data: dict) -> Forest:
        if data.get("depth") != DEPTH:
            raise ValueError("the line model's trees have another depth; rebuild it with "
                             "`python -m tachtu.cleaning.train`")
        return cls(data["feature"], data["threshold"], data["value"], data["baseline"])

    @classmethod
    def fitted(cls, x: np.ndarray, y: np.ndarray, sample_weight: np.ndarray) -> Forest:
        """Fit with scikit-learn and keep only the arrays (each tree padded to depth :data:`DEPTH`).

        The trees are read from the booster's ``_predictors`` (not public API: the test that the
        arrays give scikit-learn's own ``decision_function`` guards it across versions)."""
        try:
            from sklearn.ensemble import HistGradientBoostingClassifier
        except ImportError as exc:
            raise ImportError("training the line classifier needs scikit-learn: "
                              "pip install 'tachtu[train]'") from exc
        booster = HistGradientBoostingClassifier(**TREES)
        booster.fit(x, y, sample_weight=sample_weight)
        inner, leaves = 2 ** DEPTH - 1, 2 ** DEPTH
        feature, threshold = np.zeros((booster.n_iter_, inner), np.intp), np.full((booster.n_iter_, inner), np.inf)
        value = np.zeros((booster.n_iter_, leaves))
        for t, (predictor,) in enumerate(booster._predictors):
            nodes = predictor.nodes

            def place(k: int, at: int, depth: int) -> None:  # sklearn node k at our position ``at``
                if depth == DEPTH:
                    value[t, at - inner] = nodes[k]["value"]
                    return
                if nodes[k]["is_leaf"]:  # a shallow leaf: an always-left split over copies of it
                    place(k, 2 * at + 1, depth + 1)
                    place(k, 2 * at + 2, depth + 1)
                    return
                feature[t, at], threshold[t, at] = nodes[k]["feature_idx"], nodes[k]["num_threshold"]
                place(int(nodes[k]["left"]), 2 * at + 1, depth + 1)
                place(int(nodes[k]["right"]), 2 * at + 2, depth + 1)

            place(0, 0, 0)
        return cls(feature, threshold, value, float(np.ravel(booster._baseline_prediction)[0]))


class LineModel:
    """A fitted classifier: first-pass weights, the second and third passes' trees (a model
    without a third pass ends at the second), page weights, the line threshold."""

    def __init__(self, first_weights, forest: Forest | None, page_weights, threshold: float = 0.5,
                 metadata: dict | None = None, third: Forest | None = None) -> None:
        self.first_weights = np.asarray(first_weights, dtype=np.float64)
        self.forest = forest
        self.third = third
        self.page_weights = np.asarray(page_weights, dtype=np.float64)
        self.threshold = threshold
        self.metadata = metadata or {}

    def first_pass(self, x: np.ndarray) -> np.ndarray:
        return _sigmoid(x @ self.first_weights[1:] + self.first_weights[0])

    def second_pass_input(self, x: np.ndarray) -> np.ndarray:
        """The features with the first pass's probabilities around each line."""
        return np.hstack([x, context(self.first_pass(x))])

    def second_pass(self, second_input: np.ndarray) -> np.ndarray:
        """Each line's probability from its :meth:`second_pass_input` (the features and the
        neighbours' first pass)."""
        return _sigmoid(self.forest.raw(second_input))

    def line_probabilities(self, x: np.ndarray) -> np.ndarray:
        """Each line's probability of being article text: the third pass, which reads its
        neighbours' second pass (sharper than the first), when the model has one."""
        second_input = self.second_pass_input(x)
        second = self.second_pass(second_input)
        if self.third is None:
            return second
        return _sigmoid(self.third.raw(third_pass_input(second_input, second)))

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
        return {"format": "tachtu line classifier", "version": 3, "features": list(NAMES),
                "context_features": list(CONTEXT_NAMES),
                "first_weights": [round(float(w), 6) for w in self.first_weights],
                "trees": self.forest.to_json(),
                "third_trees": self.third.to_json() if self.third is not None else None,
                "page_features": list(PAGE_NAMES), "page_weights": [round(float(w), 6) for w in self.page_weights],
                "threshold": self.threshold, "metadata": self.metadata}

    @classmethod
    def from_json(cls, data: dict) -> LineModel:
        if (data.get("version"), data.get("features"), data.get("context_features"), data.get("page_features")) != (
                3, list(NAMES), list(CONTEXT_NAMES), list(PAGE_NAMES)):
            raise ValueError("the line model was fitted on other features; rebuild it with "
                             "`python -m tachtu.cleaning.train`")
        third = Forest.from_json(data["third_trees"]) if data.get("third_trees") else None
        return cls(data["first_weights"], Forest.from_json(data["trees"]), data["page_weights"], data["threshold"],
                   data.get("metadata"), third)

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n", "utf-8")


@lru_cache(maxsize=1)
def shipped() -> LineModel:
    """The model shipped with tachtu (``cleaning/data/line-model.json``)."""
    text = resources.files("tachtu.cleaning").joinpath(MODEL_FILE).read_text("utf-8")
    return LineModel.from_json(json.loads(text))


def fit(lines: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, bool]], *,
        groups: list[str] | None = None, l2: float = 1.0, page_l2: float = 1.0, threshold: float = 0.5,
        metadata: dict | None = None) -> LineModel:
    """Fit the model on pages given as ``(features, labels, weights, tokens, prose, has_article)``.

    Labels are 1 for article lines; weights weigh lines (0 leaves a line out: optional lines).
    With ``groups`` (each page's site or layout) a third pass is fitted too, on second-pass
    probabilities cross-fitted over :data:`THIRD_PASS_FOLDS` groups of sites: in-sample
    probabilities of trees are too sure of themselves, and the third pass would learn to trust
    them more than it can on a page of a site never seen. Everything runs in one thread (BLAS and
    OpenMP): sums in another order give other bits, and the model must be the same on any machine.
    """
    try:
        single = one_thread("sklearn.ensemble")
    except ImportError as exc:
        raise ImportError("training the line classifier needs scikit-learn: pip install 'tachtu[train]'") from exc
    with single:
        model = _fit_passes(lines, l2, threshold, metadata)
        if groups is not None:
            model.third = _fit_third(model, lines, groups, l2, threshold)
        pages = np.array([page_features(f, model.line_probabilities(f), t, pr, threshold) for f, _, _, t, pr, _ in lines])
        labels = np.array([float(has) for *_, has in lines])
        model.page_weights = fit_logistic(pages[:, 1:], labels, page_l2)
        return model


THIRD_PASS_FOLDS = 4


def _fit_passes(lines, l2: float, threshold: float, metadata: dict | None) -> LineModel:
    """The first two passes (the page weights left at zero)."""
    x, y, weight = (np.concatenate([page[i] for page in lines]) for i in range(3))
    keep = weight > 0
    first = fit_logistic(x[keep], y[keep], l2, weight[keep])
    model = LineModel(first, None, np.zeros(len(PAGE_NAMES)), threshold, metadata)
    both = np.vstack([model.second_pass_input(page[0]) for page in lines])
    model.forest = Forest.fitted(both[keep], y[keep], weight[keep])
    return model


def _fit_third(model: LineModel, lines, groups: list[str], l2: float, threshold: float) -> Forest:
    """Trees over the second pass's input and the neighbours' second-pass probabilities, each
    page's taken from two passes fitted without its group of sites."""
    fold_of = {group: k % THIRD_PASS_FOLDS for k, group in enumerate(sorted(set(groups)))}
    second: list[np.ndarray | None] = [None] * len(lines)
    for k in range(THIRD_PASS_FOLDS):
        inside = [i for i, group in enumerate(groups) if fold_of[group] == k]
        if inside:
            apart = _fit_passes([page for page, group in zip(lines, groups) if fold_of[group] != k], l2, threshold, None)
            for i in inside:
                second[i] = apart.second_pass(apart.second_pass_input(lines[i][0]))
    x3 = np.vstack([third_pass_input(model.second_pass_input(page[0]), p) for page, p in zip(lines, second)])
    y, weight = (np.concatenate([page[i] for page in lines]) for i in (1, 2))
    keep = weight > 0
    return Forest.fitted(x3[keep], y[keep], weight[keep])


def third_pass_input(second_input: np.ndarray, second: np.ndarray) -> np.ndarray:
    """The second pass's input with the second pass's probabilities around each line."""
    return np.hstack([second_input, context(second)])
