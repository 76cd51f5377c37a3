"""Fit the line classifier on labelled pages: ``python -m tachtu.cleaning.train``.

Every page of the development sets, as page text and as HTML where it has both, goes through
the same steps as :func:`tachtu.clean` up to the feature matrix; a line is labelled article
when it equals a gold line (:func:`.evaluate.key`), optional lines are left out; the bare
article of every page (:func:`bare`) is added as a page of its own. The fit is deterministic
(Newton's method for the regressions, seeded boosting without early stopping for the trees), so
the same data gives the same JSON. Training needs scikit-learn (``pip install 'tachtu[train]'``);
cleaning does not.

    python -m tachtu.cleaning.train                      # rewrites src/tachtu/cleaning/data/line-model.json
    python -m tachtu.cleaning.train --data DIR_OR_JSONL_GZ ... --out model.json

:func:`leave_one_layout_out` gives the held-out figures: for each layout, a model fitted on
every other layout (and on the regression set) cleans that layout's pages.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tachtu.cleaning import model as line_model
from tachtu.cleaning.evaluate import Page, key, load
from tachtu.cleaning.features import NAMES

REPO = Path(__file__).resolve().parents[3]
DEFAULT_DATA = (REPO / "tests" / "data" / "cleaning", REPO / "benchmarks" / "data" / "cleaning" / "layouts.jsonl.gz",
                REPO / "benchmarks" / "data" / "cleaning" / "varied.jsonl.gz")
OUT = Path(__file__).parent / line_model.MODEL_FILE
L2, PAGE_L2 = 1.0, 1.0
REGRESSION_WEIGHT = 3.0  # the regression set's pages were checked by hand line by line: they weigh more
BARE = "#bare"           # name suffix of the bare copies
BARE_WEIGHT = 0.25       # the bare articles (:func:`bare`) weigh less: at 1.0 they cost page-text precision
#: The bare articles' ``position`` feature: one value for every line, no place on the page. Their real
#: positions put article text at the very end of the page, where every other page has chrome, and the
#: model learnt that the last line of a page is article text (a trailing "© Báo Hà Nội" was kept).
BARE_POSITION = 0.5
_POSITION = NAMES.index("position")
SOURCES = {
    "tests/data/cleaning": "the regression set: 46 pages (synthetic pages around Vietnamese Wikipedia text, "
                           "CC BY-SA 3.0; hand-written pages, Apache-2.0; the seed page)",
    "layouts.jsonl.gz": "the layout set: Vietnamese Wikipedia articles (CC BY-SA 3.0) rendered into 66 "
                        "generated site layouts by benchmarks/data/cleaning/make_layouts.py",
    "varied.jsonl.gz": "the varied set: Vietnamese Wikipedia articles (CC BY-SA 3.0) rendered into 48 generated "
                       "sites, structure drawn per page, by benchmarks/data/cleaning/make_varied.py",
}


@dataclass
class Example:
    """One page in one form, ready for fitting."""

    page: Page
    form: str                 # 'text' or 'html'
    x: np.ndarray
    y: np.ndarray
    weight: np.ndarray
    tokens: np.ndarray
    prose: np.ndarray

    def as_fit_input(self):
        return self.x, self.y, self.weight, self.tokens, self.prose, bool(self.page.gold)


def example(page: Page, form: str) -> Example:
    """Features and labels of ``page`` in ``form``, through the same steps as :func:`tachtu.clean`."""
    from tachtu.cleaning import prepare
    from tachtu.cleaning.page import featurize

    data = page.text if form == "text" else page.html
    _, text, hints = prepare(data, format=form)
    hints.pop("date_hint", None)
    analysis, x = featurize(text or "", **hints)
    gold = {key(line) for line in page.gold}
    optional = {key(line) for line in page.optional} - gold
    keys = [key(it.text) for it in analysis.items]
    weight = REGRESSION_WEIGHT if page.layout.startswith("dev:") else 1.0
    if is_bare(page):
        weight *= BARE_WEIGHT
        x[:, _POSITION] = BARE_POSITION
    return Example(page, form, x, np.array([k in gold for k in keys], dtype=float),
                   weight * np.array([k not in optional for k in keys], dtype=float),
                   np.array([it.tokens for it in analysis.items], dtype=float),
                   np.array([it.prose for it in analysis.items], dtype=bool))


def bare(page: Page) -> Page:
    """The article alone, as a user who pastes it would give it: the gold lines, one per line.

    Every page of the development sets has chrome around the article, so without these copies
    the classifier learns that the top of a page is never article text and drops the title of a
    page that is only an article (title, then paragraphs)."""
    return Page(page.name + BARE, page.layout, page.gold, text="\n\n".join(page.gold), kind=page.kind)


def is_bare(page: Page) -> bool:
    """Whether ``page`` is a training copy made by :func:`bare` (not a page of a development set)."""
    return page.name.endswith(BARE)


def examples(pages: list[Page]) -> list[Example]:
    """Every page in every form it has, and the bare article of every page that has one (page text)."""
    found = [example(page, form) for page in pages for form in ("text", "html")
             if (page.text if form == "text" else page.html) is not None]
    return found + [example(bare(page), "text") for page in pages if page.gold]


def fit(train: list[Example], metadata: dict | None = None) -> line_model.LineModel:
    return line_model.fit([e.as_fit_input() for e in train], groups=[e.page.layout for e in train],
                          l2=L2, page_l2=PAGE_L2, metadata=metadata)


def leave_one_layout_out(all_examples: list[Example], layouts: set[str]):
    """For each layout in ``layouts``: ``(layout, model fitted without it, its pages' examples)``."""
    for layout in sorted(layouts):
        held = [e for e in all_examples if e.page.layout == layout]
        yield layout, fit([e for e in all_examples if e.page.layout != layout]), held


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", nargs="+", type=Path, default=list(DEFAULT_DATA),
                        help="development sets: folders of NAME.txt/.html/.gold.txt or .jsonl.gz layout sets")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    pages = [page for path in args.data for page in load(path)]
    found = examples(pages)
    lines = sum(len(e.y) for e in found)
    metadata = {
        "command": "python -m tachtu.cleaning.train",
        "data": [SOURCES.get(path.name if path.suffix == ".gz" else "tests/data/cleaning", str(path)) for path in args.data],
        "licence": "weights derived from CC BY-SA 3.0 text (Vietnamese Wikipedia) and Apache-2.0 pages; "
                   "no GPL/LGPL data",
        "pages": len(pages), "layouts": len({p.layout for p in pages}), "examples": len(found), "lines": lines,
        "article_lines": int(sum(e.y.sum() for e in found)), "l2": L2, "page_l2": PAGE_L2,
        "trees": line_model.TREES, "third_pass_folds": line_model.THIRD_PASS_FOLDS,
        "bare_weight": BARE_WEIGHT, "bare_position": BARE_POSITION,
        "figures": "benchmarks/results/clean.md (leave-one-layout-out)",
    }
    model = fit(found, metadata)
    model.save(args.out)
    print(f"fitted on {len(found)} pages/forms, {lines} lines -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
