"""The development set stays at the committed figures (benchmarks/results/clean.json) minus a margin."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tachtu.cleaning import clean
from tachtu.cleaning.evaluate import devset, line_counts, prf

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "cleaning"
MARGIN = 0.01


def _committed(system: str) -> dict:
    return json.loads((REPO / "benchmarks" / "results" / "clean.json").read_text("utf-8"))["results"][system]


@pytest.mark.parametrize("system,kind", [("tachtu-text", "text"), ("tachtu-html", "html")])
def test_precision_and_recall_do_not_regress(system, kind):
    total = [0, 0, 0]
    for _, gold, text_path, html_path in devset(DATA):
        path = text_path if kind == "text" else html_path
        if path is not None:
            counts = line_counts(clean(path.read_bytes(), source=str(path)).lines(), gold)
            total = [a + b for a, b in zip(total, counts)]
    precision, recall, _ = prf(*total)
    committed = _committed(system)
    assert precision >= committed["precision"] - MARGIN
    assert recall >= committed["recall"] - MARGIN
    assert min(precision, recall) >= 0.96


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
