"""Exact and MinHash dedup on real samples; diacritics are kept, so "ma" and "má" differ."""

from __future__ import annotations

import gzip
import json
import random
from collections import defaultdict

import pytest

pytest.importorskip("datatrove")

from datatrove.utils.text import TextNormConfig, simplify_text  # noqa: E402

from tachtu.corpus import build, dedup_key  # noqa: E402


def run(tmp_path, rows: list[dict]) -> tuple[list[str], dict]:
    """Build with only normalization and dedup on; the kept ids (source ids) and the report."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "docs.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    report = build([str(src)], str(tmp_path / "out"), clean=False, filter=False, segment=False, format="jsonl")
    with gzip.open(tmp_path / "out" / "corpus.jsonl.gz", "rt", encoding="utf-8") as f:
        kept = [json.loads(line)["metadata"]["source_id"] for line in f]
    return kept, report


def tone_text(seed: int) -> str:
    """Sixty syllables from ma/mà/má/mả/mã/mạ-style families, tones drawn at random."""
    consonants, tones = random.Random(0), random.Random(seed)
    return " ".join(consonants.choice("mbclt") + tones.choice("aàáảãạ") for _ in range(60)) + "."


def test_dedup_key_folds_form_not_diacritics():
    assert dedup_key("Hoà bình\u00a0 ở  Thuỷ Điện.") == dedup_key("hòa bình ở thủy điện")
    assert dedup_key("Ho\u0300a bi\u0300nh") == dedup_key("Hòa bình")  # NFD
    assert dedup_key("ma") != dedup_key("má")


def test_tone_only_differences_are_not_duplicates(tmp_path):
    a, b = tone_text(1), tone_text(2)
    stock = TextNormConfig()
    assert simplify_text(a, stock) == simplify_text(b, stock)  # datatrove's default would merge them
    kept, report = run(tmp_path, [{"id": "a", "text": a}, {"id": "b", "text": b}])
    assert kept == ["a", "b"] and report["documents"]["dropped"] == {}


@pytest.fixture(scope="module")
def synthetic(shared_data) -> list[dict]:
    """Three labelled duplicate clusters (every variant) and five singletons."""
    clusters, singles = defaultdict(list), []
    with gzip.open(shared_data / "dedup" / "neardup-synthetic.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["variant"] == "singleton":
                if len(singles) < 5:
                    singles.append(row)
            else:
                clusters[row["cluster"]].append(row)
    full = [c for c in clusters.values() if {"truncate_70pct", "drop_10pct_sentences", "old_tone_placement"}
            <= {r["variant"] for r in c}][:3]
    return [r for c in full for r in c] + singles


def test_real_near_duplicates_keep_one_per_cluster(tmp_path, synthetic):
    kept, report = run(tmp_path, synthetic)
    by_id = {r["id"]: r for r in synthetic}
    clusters = [by_id[i]["cluster"] for i in kept if by_id[i]["variant"] != "singleton"]
    assert sorted(clusters) == sorted(set(clusters)) and len(set(clusters)) == 3
    assert sum(by_id[i]["variant"] == "singleton" for i in kept) == 5
    dropped = report["documents"]["dropped"]
    assert dropped["exact_duplicate"] >= 3 * 3  # exact copy, whitespace, NFD (and old tones) per cluster
    assert dropped["near_duplicate"] >= 3 * 2  # truncated, sentences dropped (boilerplate)
    assert report["accounted"] and report["near_duplicate_clusters"] == 3
