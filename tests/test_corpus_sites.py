"""Site-level boilerplate: lines repeated on many pages of one host go, small sites are left alone."""

from __future__ import annotations

import gzip
import json

import pytest

pytest.importorskip("datatrove")

import tachtu  # noqa: E402
from tachtu.corpus import build  # noqa: E402

# the site's slogan, a sentence like the article's own, is chrome the page cleaner cannot see on one page
CHROME = ["Báo Tin Nhanh - Trang chủ", "Đăng nhập | Đăng ký",
          "Báo Tin Nhanh luôn mang đến cho bạn đọc những tin tức mới nhất, nhanh nhất và chính xác nhất mỗi ngày.",
          "Theo dõi chúng tôi trên mạng xã hội",
          "© 2024 Báo Tin Nhanh. Giấy phép số 123/GP-BTTTT. Ghi rõ nguồn khi phát hành lại thông tin."]


@pytest.fixture(scope="module")
def articles(shared_data) -> list[str]:
    """Prose articles of viwiki17 (several paragraphs each)."""
    out = []
    with gzip.open(shared_data / "raw" / "viwiki17-articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            paras = [p for p in json.loads(line)["text"].split("\n") if len(p.split()) >= 25]
            if len(paras) >= 3:
                out.append("\n\n".join(paras))
            if len(out) == 12:
                return out
    return out


def _site(folder, articles, pages: int) -> None:
    folder.mkdir(parents=True)
    for i, text in enumerate(articles[:pages]):
        (folder / f"{i}.txt").write_text("\n\n".join([*CHROME[:3], text, *CHROME[3:]]) + "\n", encoding="utf-8")


def test_lines_repeated_across_a_site_are_removed(articles, tmp_path):
    _site(tmp_path / "crawl" / "tinnhanh", articles, 8)
    _site(tmp_path / "crawl" / "nho", articles[8:], 3)  # a small site: left alone
    report = build([str(tmp_path / "crawl")], str(tmp_path / "out"), format="jsonl", segment=False, filter=False)
    with gzip.open(tmp_path / "out" / "corpus.jsonl.gz", "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    assert report["accounted"] and len(rows) == 11
    big = [r["text"] for r in rows if "/tinnhanh/" in "/" + r["metadata"]["source"]]
    small = [r["text"] for r in rows if "/nho/" in "/" + r["metadata"]["source"]]
    assert len(big) == 8 and len(small) == 3
    assert not any(line in text for text in big for line in CHROME)
    assert all(text.count("\n") >= 2 for text in big)  # the articles themselves are kept
    def left_by_cleaner(site: str, i: int) -> list[str]:
        page = (tmp_path / "crawl" / site / f"{i}.txt").read_text(encoding="utf-8")
        return [line for line in CHROME if line in tachtu.clean(page).text]

    left = [left_by_cleaner("tinnhanh", i) for i in range(8)]
    assert all(left)  # the page cleaner alone does not see all of this chrome ...
    removed = report["site_boilerplate_lines"]
    assert removed == sum(map(len, left))  # ... the site does
    small_pages = {r["metadata"]["source"].rsplit("/", 1)[-1]: r["text"] for r in rows
                   if "/nho/" in "/" + r["metadata"]["source"]}
    assert all(line in small_pages[f"{i}.txt"] for i in range(3) for line in left_by_cleaner("nho", i))
    again = build([str(tmp_path / "crawl")], str(tmp_path / "again"), format="jsonl", segment=False, filter=False,
                  workers=2)
    assert again["site_boilerplate_lines"] == removed
    assert (tmp_path / "again" / "corpus.jsonl.gz").read_bytes() == (tmp_path / "out" / "corpus.jsonl.gz").read_bytes()
