"""The corpus builder's cheap path: which JSONL/Parquet records skip the page cleaner."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

pytest.importorskip("datatrove")

from tachtu.corpus.steps import is_plain_text  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _page_texts() -> list[str]:
    with gzip.open(ROOT / "benchmarks/data/cleaning/layouts.jsonl.gz", "rt", encoding="utf-8") as f:
        layouts = [json.loads(line)["text"] for line in f]
    regression = [p.read_text("utf-8") for p in (ROOT / "tests/data/cleaning").glob("*.txt")
                  if not p.name.endswith(".gold.txt")]
    return [t for t in layouts + regression if t]


def test_no_crawled_page_passes_as_plain_text():
    """Every page text of the cleaning sets (menus, cookie banners with their buttons, headers) is
    cleaned, also when a consent banner or a date is the first prose-like line."""
    pages = _page_texts()
    assert len(pages) >= 190
    assert [t[:60] for t in pages if is_plain_text(t)] == []


def test_articles_and_wikipedia_text_pass_unchanged(shared_data):
    golds = [p.read_text("utf-8") for p in (ROOT / "tests/data/cleaning").glob("*.gold.txt")]
    assert sum(map(is_plain_text, [g for g in golds if g.strip()])) >= 0.8 * len([g for g in golds if g.strip()])
    with gzip.open(shared_data / "raw" / "viwiki19-articles.jsonl.gz", "rt", encoding="utf-8") as f:
        wiki = [json.loads(next(f))["text"] for _ in range(2000)]
    assert sum(map(is_plain_text, wiki)) >= 0.97 * len(wiki)


def test_a_list_with_a_short_definition_is_plain_text():
    text = 'Hyppa là một chi bướm đêm thuộc họ Noctuidae.\n\n== Các loài ==\n- "Hyppa brunneicrista"\n- "Hyppa contrasta"'
    assert is_plain_text(text)
