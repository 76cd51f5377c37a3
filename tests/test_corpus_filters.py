"""The Vietnamese language and quality filter on real Vietnamese and on other languages."""

from __future__ import annotations

import gzip
import json

import pytest

from tachtu.corpus.filters import QualityThresholds, VietnameseQualityFilter

pytest.importorskip("datatrove")

ENGLISH = ("The Debian New Maintainers' Guide describes building a Debian package for ordinary users and "
           "prospective developers. It uses plain language and covers the tools with worked examples, so "
           "that a newcomer can follow every step. ") * 4
FRENCH = ("Le gouvernement a annoncé une nouvelle réforme des retraites qui sera présentée au parlement la "
          "semaine prochaine, après plusieurs mois de négociations avec les syndicats et le patronat. ") * 4
NO_DIACRITICS = ("Ha Noi la thu do cua nuoc Cong hoa xa hoi chu nghia Viet Nam, mot thanh pho lon voi nhieu di "
                 "tich lich su va van hoa duoc nhieu nguoi biet den trong nam nay. ") * 3


@pytest.fixture(scope="module")
def articles(shared_data) -> list[str]:
    """Long human-written viwiki17 prose articles (not the year/date list pages; headings removed)."""
    out = []
    with gzip.open(shared_data / "raw" / "viwiki17-articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            text = "\n".join(p for p in item["text"].split("\n") if p and not p.startswith("=="))
            if len(text) > 3000 and not item["title_lowercased"][0].isdigit():
                out.append(text[:20000])
            if len(out) == 30:
                return out
    return out


def test_real_vietnamese_articles_are_kept(articles):
    f = VietnameseQualityFilter()
    reasons = [f.reason(text) for text in articles]
    assert reasons.count(None) >= 0.8 * len(articles), reasons


@pytest.mark.parametrize("text", [ENGLISH, FRENCH, NO_DIACRITICS])
def test_other_languages_are_not_vietnamese(text):
    assert VietnameseQualityFilter().reason(text) == "not_vietnamese"


def test_short_repeated_and_symbol_documents(articles):
    f = VietnameseQualityFilter()
    first = articles[0].split("\n")[0]
    assert f.reason("Hà Nội là thủ đô của Việt Nam.") == "too_short"
    assert f.reason("\n".join([first] * 10 + articles[1].split("\n")[:2])) == "repeated_lines"
    words = articles[2].split()[:300]
    assert f.reason(" ".join(w + " #" for w in words)) == "symbol_ratio"


def test_thresholds_can_be_switched_off():
    lenient = VietnameseQualityFilter(QualityThresholds(min_words=None, min_stop_words=None))
    assert lenient.reason("Hà Nội là thủ đô của Việt Nam.") is None


def test_news_briefs_are_kept(shared_data):
    """A one-paragraph brief (title, date, one real lead paragraph, source line) is kept: the
    punctuation check counts words, not lines (one punctuated line in four dropped 99 % of them)."""
    briefs = []
    with gzip.open(shared_data / "raw" / "viwiki17-articles.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            lead = next((p for p in item["text"].split("\n") if len(p.split()) >= 20), "")
            if 60 <= len(lead.split()) <= 120 and lead.endswith("."):
                briefs.append(f"{item['title_lowercased'].capitalize()}\n12/3/2018 08:15\n{lead}\n(Theo TTXVN)")
            if len(briefs) == 200:
                break
    check = VietnameseQualityFilter()
    assert sum(check.reason(b) is None for b in briefs) >= 0.97 * len(briefs)
    names = "\n".join(f"Loài bướm đêm thứ {i} của chi" for i in range(30))  # a list page is still dropped
    assert check.reason("Danh sách các loài của chi này và năm được mô tả.\n" + names) == "line_punct"
