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


def test_edited_copies_in_other_chrome_are_one_article(shared_data, tmp_path):
    """One changed paragraph, one appended paragraph, a new title, each in other page chrome: one
    article, and the copy kept is the longest (then the earliest)."""
    articles = []
    with gzip.open(shared_data / "raw" / "viwiki17-articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            paras = [p for p in row["text"].split("\n") if len(p.split()) >= 25 and p.endswith(".")]
            # not the day pages ("1 tháng 10"): a title that reads as a date line may be dropped as one
            if 5 <= len(paras) <= 10 and not row["title_lowercased"][:1].isdigit():
                articles.append((row["title_lowercased"].capitalize(), paras))
            if len(articles) == 3:
                break
    (title, paras), (other_title, donor), (single_title, single) = articles
    chrome = [("Báo Sáng | Trang chủ | Thời sự | Thế giới", "© Báo Sáng. Liên hệ quảng cáo"),
              ("Tin Tức 24h - Đăng nhập", "Bản quyền thuộc Tin Tức 24h. Ghi rõ nguồn khi đăng lại"),
              ("Trang chủ > Khoa học", "Chia sẻ bài viết | Bình luận (0)"),
              ("Đọc báo online - Mới nhất", "Theo dõi chúng tôi trên Facebook")]
    pages = {"a_original": (title, paras), "b_changed": (title, [*paras[:2], donor[0], *paras[3:]]),
             "c_appended": (title, [*paras, donor[1]]), "d_new_title": (other_title, paras),
             "e_single": (single_title, single)}
    (tmp_path / "in").mkdir()
    for (name, (t, ps)), (head, foot) in zip(pages.items(), chrome + chrome[:1]):
        (tmp_path / "in" / f"{name}.txt").write_text("\n\n".join([head, t, *ps, foot]) + "\n", encoding="utf-8")
    report = build([str(tmp_path / "in")], str(tmp_path / "out"), format="jsonl", segment=False)
    with gzip.open(tmp_path / "out" / "corpus.jsonl.gz", "rt", encoding="utf-8") as f:
        kept = [json.loads(line)["metadata"]["source"] for line in f]
    assert kept == ["c_appended.txt", "e_single.txt"], report["documents"]
    assert report["documents"]["dropped"]["near_duplicate"] == 3
