"""Single-line rules: chrome in many wordings is dropped with its reason; article sentences are not."""

from __future__ import annotations

import pytest

from tachtu.cleaning.lines import (byline_hint, caption_hint, drop_reason, is_title_like, looks_like_name,
                                   parse_date, section_kind, source_hint)


@pytest.mark.parametrize("line,reason", [
    ("53007 lượt xem", "counter"),
    ("Lượt xem: 1.234", "counter"),
    ("12 bình luận | 5 chia sẻ", "counter"),
    ("Bài viết: 25", "counter"),
    ("Chia sẻ", "share-widget"),
    ("Chia sẻ Facebook  Zalo  In bài", "share-widget"),
    ("A- A+ In bài", "share-widget"),
    ("Bài viết tương tự:", "related-heading"),
    ("TIN LIÊN QUAN", "related-heading"),
    ("Tin mới", "related-heading"),
    ("TIN XEM NHIỀU:", "related-heading"),
    ("Có thể bạn quan tâm", "related-heading"),
    ("Các tin đã đưa", "related-heading"),
    ("Xem thêm:", "related-heading"),
    ("Xem thêm: Bộ Quốc phòng kiểm tra công tác chuẩn bị", "read-more-link"),
    (">> Đọc thêm: Giá vàng tăng mạnh", "read-more-link"),
    ("Xem tiếp", "read-more-link"),
    ("Bình luận", "comment-heading"),
    ("Ý kiến bạn đọc", "comment-heading"),
    ("Gửi bình luận", "comment-heading"),
    ("Giấy phép số 486/GP-BTTTT ngày 28/07/2021", "footer"),
    ("Cơ quan chủ quản: Bộ Tư lệnh Quân khu 7", "footer"),
    ("Tổng Biên tập: Đại tá Nguyễn Văn Bắc", "footer"),
    ("Tòa soạn: 17/12 Hồ Văn Huê, phường Đức Nhuận, TP. Hồ Chí Minh", "footer"),
    ("Điện thoại: 028.3822.111 - Fax: 028.3822.112", "footer"),
    ("© Báo Quân khu 7 điện tử giữ bản quyền nội dung trên website này.", "copyright"),
    ("Copyright 2024 Báo X. All rights reserved.", "copyright"),
    ("Email: [email protected] | [email protected] | 1", "email-artefact"),
    ("Quốc phòng - An ninh > Đối ngoại Quốc phòng", "breadcrumb"),
    ("Trang chủ » Tin tức » Kinh tế", "breadcrumb"),
    ("Thời sự | Thế giới | Kinh tế | Xã hội", "navigation"),
    ("TRANG CHỦ   THỜI SỰ   KINH TẾ   ĐỜI SỐNG", "navigation"),
    ("Thể thao", "navigation"),
    ("Thứ hai, 29/10/2018, 09:22 (GMT+7)", "date-only"),
    ("11:58 21/10/2025", "date-only"),
    ("Cập nhật: 14:31 28/06/2015", "date-only"),
    ("Chủ nhật, ngày 17 tháng 9 năm 2020", "date-only"),
    ("2023-04-02 18:04", "date-only"),
    ("3 giờ trước", "date-only"),
    ("Đăng ngày 5 Tháng Ba, 2022 bởi Thảo Nguyên — 14 bình luận", "meta-line"),
    ("Từ khóa: Cần Thơ, trường học, Ô Môn", "tags"),
    ("Tags: kinh tế, xã hội", "tags"),
    ("Đăng nhập", "page-furniture"),
    ("ADVERTISEMENT", "page-furniture"),
    ("https://www.qdnd.vn/quoc-phong", "url-only"),
    ("***", "no-letters"),
    ("minhtuan88", "user-name"),
    ("Thảo luận trong 'Kinh nghiệm đi phượt' bắt đầu bởi minhtuan88, 12/10/2021.", "meta-line"),
])
def test_chrome(line, reason):
    assert drop_reason(line) == reason


@pytest.mark.parametrize("line", [
    "Thượng tướng Hứa Kỳ Lượng hoan nghênh Đoàn đại biểu quân sự cấp cao Việt Nam thăm Trung Quốc.",
    "Theo ông Nam, giá cà phê sẽ còn tăng trong những tháng cuối năm.",
    "Giấy phép xây dựng được cấp cho dự án sau khi chủ đầu tư hoàn thiện hồ sơ theo quy định.",
    "Bình luận về vấn đề này, ông Trần Văn Tâm cho biết quận sẽ tiếp tục vận động các nguồn lực.",
    "Ngày 20/10, tại Bentiu, Nam Sudan, Hội phụ nữ cơ sở tổ chức buổi giao lưu văn hóa.",
    "Chia sẻ kinh nghiệm xây dựng quân đội là một nội dung hợp tác quan trọng giữa hai nước.",
    "Tin mới nhất từ Bộ Y tế cho thấy số ca mắc giảm mạnh trong tuần qua ở các tỉnh phía Nam.",
    "Lễ khai mạc ngày 12/3/2023 tại Hà Nội",
    "Thúc đẩy hợp tác quốc phòng Việt Nam - Trung Quốc",
    "Quang cảnh hội đàm.",
])
def test_article_lines_are_not_chrome(line):
    assert drop_reason(line) is None


def test_section_kinds():
    assert section_kind("Tin liên quan:") == "related"
    assert section_kind("DƯ LUẬN QUAN TÂM:") == "related"
    assert section_kind("3 bình luận") == "comments"
    assert section_kind("Trả lời   Trích dẫn   Thích") == "comments"
    assert section_kind("Xem thêm") is None
    assert section_kind("Thượng tướng Hứa Kỳ Lượng hoan nghênh đoàn") is None


def test_role_hints():
    assert caption_hint("Ảnh: Các đại biểu cắt băng khánh thành công trình.")
    assert caption_hint("Bộ trưởng duyệt đội danh dự. Ảnh: Hoàng Phong")
    assert caption_hint("Lực lượng vũ cảnh được thành lập năm 1983. (Ảnh: TTXVN)")
    assert not caption_hint("Ảnh hưởng của bão số 3 rất lớn.")
    assert byline_hint("PHÓNG VIÊN: NGỌC HÂN") and byline_hint("Bởi Huỳnh Mạnh Hùng") and byline_hint("Nhóm PV")
    assert not byline_hint("Bởi vì trời mưa nên trận đấu bị hoãn")
    assert looks_like_name("NGỌC HÂN") and looks_like_name("Nguyễn Văn A - Trần Thị B")
    assert not looks_like_name("Chúc các bạn thành công!")
    assert source_hint("(Theo VnExpress)") and source_hint("Theo Báo Quân đội nhân dân")
    assert not source_hint("Theo kế hoạch, công trình sẽ hoàn thành vào cuối năm.")
    assert is_title_like("Cần Thơ: Khánh thành trường học mới cho hơn 900 học sinh vùng ven")
    assert not is_title_like("Trường có 24 phòng học.")


def test_dates():
    assert parse_date("Cập nhật: 14:31 28/06/2015") == "2015-06-28T14:31"
    assert parse_date("2023-04-02 18:04") == "2023-04-02T18:04"
    assert parse_date("31/02/2020") is None
