"""The seed page (a provincial army paper as a crawler's text extraction) cleans to its hand-written gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tachtu.cleaning import clean

DATA = Path(__file__).parent / "data" / "cleaning"


@pytest.fixture(scope="module")
def seed():
    return clean((DATA / "s000_seed.txt").read_bytes(), source="s000_seed.txt")


def _reason(doc, start: str) -> str:
    return next(d.reason for d in doc.dropped if d.text.startswith(start))


def test_kept_lines_equal_the_gold(seed):
    assert seed.lines() == (DATA / "s000_seed.gold.txt").read_text("utf-8").splitlines()


def test_metadata_and_roles(seed):
    assert seed.title == "Thúc đẩy hợp tác quốc phòng Việt Nam - Trung Quốc"
    assert (seed.date, seed.date_text) == ("2018-10-29T09:22", "Thứ hai, 29/10/2018, 09:22 (GMT+7)")
    assert seed.source == "Nguồn: mod.gov.vn"
    roles = {p.text[:30]: p.role for p in seed.paragraphs}
    assert roles["Thúc đẩy hợp tác quốc phòng Vi"] == "title"
    assert roles["Đoàn đại biểu quân sự cấp cao "] == "lead"
    assert roles["Quang cảnh hội đàm."] == "caption"
    assert roles["Đại tướng Ngô Xuân Lịch hội ki"] == "caption"
    assert roles["Thu Trang (gửi từ Bắc Kinh, Tr"] == "byline"
    assert seed.reason is None and seed.format == "text"


def test_chrome_is_dropped_with_named_reasons(seed):
    assert _reason(seed, "53007 lượt xem") == "counter"
    assert _reason(seed, "Quốc phòng - An ninh > Đối ngoại") == "breadcrumb"
    assert _reason(seed, "Thứ hai, 29/10/2018") == "date-only"
    assert _reason(seed, "Bình luận") == "comment-heading"
    assert _reason(seed, "Bài viết tương tự:") == "related-heading"
    assert _reason(seed, "TIN XEM NHIỀU:") == "related-heading"
    assert _reason(seed, "Giấy phép số 486/GP-BTTTT") == "footer"
    assert _reason(seed, "Tổng Biên tập:") == "footer"
    assert _reason(seed, "©") == "copyright"
    assert _reason(seed, "Email: [email") == "email-artefact"
    related = [d for d in seed.dropped if d.text.startswith("Hội phụ nữ cơ sở Bệnh viện")]
    assert [d.reason for d in related] == ["related-block", "repeated-line"]
    assert _reason(seed, "(QK7 Online) - Ngày 20/10") == "related-block"


def test_every_line_is_accounted_for(seed):
    text = (DATA / "s000_seed.txt").read_text("utf-8")
    non_blank = [line.strip() for line in text.splitlines() if line.strip()]
    seen = sorted([(p.line, p.text) for p in seed.paragraphs] + [(d.line, d.text) for d in seed.dropped])
    assert [t for _, t in seen] == non_blank


def test_shapes(seed):
    assert seed.text.split("\n")[0] == seed.title
    assert seed.one_line() == " ".join(seed.lines())
    assert "\n" not in seed.one_line()
    assert "Nguồn: mod.gov.vn" not in seed.text
    record = json.loads(json.dumps(seed.to_dict(), ensure_ascii=False))
    assert record["text"] == seed.text
    assert {"text", "reason", "line"} <= set(record["dropped"][0])


def test_text_is_not_normalized():
    page = "Trang chủ > Tin\n\nHoà bình  được  giữ vững\n\n" + "Quân đội nhân dân Việt Nam luôn giữ vững hoà bình, " * 6 + "\n"
    doc = clean(page)
    assert "Hoà bình  được  giữ vững" in doc.lines()
    assert doc.lines()[1].startswith("Quân đội nhân dân Việt Nam luôn giữ vững hoà bình, ")
