"""The default cleaner (the line classifier) on the regression set ``tests/data/cleaning``, checked directly.

The shipped model was fitted on these pages, so this is a regression check, not a held-out
figure. The floors are the rules' figures when they were last changed (page text P 0.998 /
R 0.987, HTML P 1.000 / R 0.986) minus a margin of 0.01; the classifier meets them
(``benchmarks/results/clean.md``, regression-set rows)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tachtu.cleaning import clean
from tachtu.cleaning.evaluate import devset, line_counts, prf

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "cleaning"
FLOORS = {"text": (0.988, 0.977), "html": (0.990, 0.975)}  # (precision, recall)


@pytest.mark.parametrize("kind", ["text", "html"])
def test_precision_and_recall_do_not_regress(kind):
    total = [0, 0, 0]
    for _, gold, text_path, html_path in devset(DATA):
        path = text_path if kind == "text" else html_path
        if path is not None:
            counts = line_counts(clean(path.read_bytes(), source=str(path)).lines(), gold)
            total = [a + b for a, b in zip(total, counts)]
    precision, recall, _ = prf(*total)
    assert precision >= FLOORS[kind][0], (precision, recall)
    assert recall >= FLOORS[kind][1], (precision, recall)


def test_the_set_is_varied_enough():
    pages = devset(DATA)
    assert len(pages) >= 30
    kinds = {name.split("_", 1)[1] for name, *_ in pages}
    assert {"national", "provincial", "army", "portal", "blog", "listing", "forum", "seed"} <= kinds
    assert sum(1 for _, gold, *_ in pages if not gold) >= 3  # pages without an article
    assert sum(1 for *_, html in pages if html is not None) >= 30


def test_pages_without_article_give_an_empty_document_with_a_reason():
    for name, gold, text_path, _ in devset(DATA):
        if not gold and text_path is not None:
            doc = clean(text_path.read_bytes())
            assert not doc and doc.lines() == [] and doc.reason, name
