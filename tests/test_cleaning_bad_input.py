"""Bad input never crashes: empty, blank, no article, binary, NUL, huge, decomposed Unicode, emoji."""

from __future__ import annotations

import unicodedata

import pytest

from tachtu.cleaning import clean
from tachtu.errors import InputError

PARA = ("Chiều nay, mưa lớn kéo dài ở nhiều quận của Hà Nội khiến một số tuyến phố bị ngập, giao thông "
        "ùn tắc và người dân phải đi đường vòng để về nhà.")


@pytest.mark.parametrize("page", ["", b"", "   \n\n\t\n", b"\xef\xbb\xbf", "\u00a0\n\u200b"])
def test_empty_pages(page):
    doc = clean(page)
    assert not doc and doc.paragraphs == [] and doc.reason.startswith(("empty page", "no article"))


def test_page_without_article_is_empty_with_a_reason():
    page = "Trang chủ | Thời sự | Thế giới\n\nĐăng nhập\n\nLỗi 404: không tìm thấy trang\n\n© 2024 Báo X"
    doc = clean(page)
    assert not doc and doc.lines() == [] and doc.reason.startswith("no article")
    assert [d.reason for d in doc.dropped][:2] == ["navigation", "page-furniture"]


def test_binary_input_is_refused_with_position():
    with pytest.raises(InputError, match=r"x\.bin: byte 4: binary data"):
        clean(b"\x89PNG\x00\x00\x00\rIHDR" * 100, source="x.bin")
    with pytest.raises(InputError, match="character 3: binary data"):
        clean("abc\x00\x00\x00def" * 10)


def test_a_few_nul_characters_are_kept_as_text():
    doc = clean(f"Mưa lớn ở Hà Nội\n\n{PARA}\x00 {PARA}")
    assert doc.lines()[1] == f"{PARA}\x00 {PARA}"


def test_twenty_megabyte_single_line():
    page = PARA * (20_000_000 // len(PARA.encode()))
    doc = clean(page.encode())
    assert doc.lines() == [page]


def test_twenty_megabyte_page_of_many_lines():
    page = "Mưa lớn ở Hà Nội\n\n" + "\n\n".join(f"{i}. {PARA}" for i in range(20_000_000 // 160))
    doc = clean(page)
    assert doc.title == "Mưa lớn ở Hà Nội"
    assert len(doc.lines()) == 1 + 20_000_000 // 160


def test_decomposed_unicode_is_recognised_and_kept_as_is():
    page = f"53007 lượt xem\n\nMưa lớn ở Hà Nội\n\n{PARA} {PARA}\n\nBình luận\n\nTin liên quan"
    nfd = unicodedata.normalize("NFD", page)
    doc = clean(nfd)
    assert doc.lines() == [unicodedata.normalize("NFD", "Mưa lớn ở Hà Nội"), unicodedata.normalize("NFD", f"{PARA} {PARA}")]
    assert [d.reason for d in doc.dropped] == ["counter", "comment-heading", "related-heading"]


def test_emoji_and_mixed_scripts():
    line = f"🌧️ {PARA} Tokyo 東京 và Seoul 서울 đều có mưa 😀."
    doc = clean(f"Mưa lớn 🌧️\n\n{line}\n\n{PARA}")
    assert doc.lines() == ["Mưa lớn 🌧️", line, PARA]


def test_wrong_types_and_options():
    with pytest.raises(TypeError):
        clean(123)
    with pytest.raises(ValueError):
        clean("x", format="pdf")
    with pytest.raises(ValueError):
        clean(b"x", errors="ignore")


@pytest.mark.parametrize("model", [False, True])
def test_broken_markup_that_trips_the_date_search_is_cleaned(model):
    """htmldate drops <style>/<script> elements; on this markup lxml finds one without a parent
    and asserts (found by the fuzz): the page is still cleaned, without its metadata."""
    para = "Chiều nay, mưa lớn kéo dài ở nhiều quận của Hà Nội khiến một số tuyến phố bị ngập."
    for page in ("<body><style></body></html>", f"<body><style></body></html><p>{para}</p>"):
        doc = clean(page, format="html", model=model)
        assert isinstance(doc.text, str) and (doc.reason or doc.text)
