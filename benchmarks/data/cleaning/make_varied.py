"""Build the varied training set: Wikipedia articles in site styles and wordings of their own.

A training-only family of pages, written apart from ``make_layouts.py`` (its chrome wording is not
reused) and from ``make_fresh.py`` (not read while this was written), so that the classifier sees
more than one generator's idea of a page. What is drawn once per site (a layout ``V01``...): a site
kind (news paper, TV/radio, provincial paper, government portal, bank/company press room, WordPress
blog, forum thread, legal/health Q&A, aggregator, long read, shop), its name, menu, a subset of
every widget's wording and its markup scheme. Everything else is drawn **per page**: which widgets
appear and in what order, where the sidebar stands, how the crawler wrote the page text (blank
lines, menus on one line or one item per line, separators, casing of headings, bullets, table cell
separators), and how paragraphs are split, so that no phrase or position can be learnt as chrome.

Chrome that looks like content is frequent on purpose: comments and forum replies that talk about
the article's subject (name line, date line, text, Like/Reply line), teaser title + lead pairs with
and without a heading, Q&A disclaimers, video and audio widgets, polls, document lists and spec
tables (tables that are chrome), product pages with a description and reviews, 404 and search
pages with teaser leads, forum indexes with section blurbs, tag pages.

Every non-blank page-text line is labelled ``article`` (title, lead, body, headings, list items,
article table rows), ``optional`` (captions, by-lines and credit lines, pull quotes) or
``boilerplate``. Output: ``varied.jsonl.gz``, one JSON object per page in the layout set's format
(``name``, ``layout``, ``family``, ``kind``, ``article_ids``, ``text``, ``html``, ``labels``).

    python benchmarks/data/cleaning/make_varied.py ../shared/data/raw   # rewrites varied.jsonl.gz

Article text: Vietnamese Wikipedia (CC BY-SA 3.0), rows ``k % 7 == 1`` of the two raw files,
disjoint from the regression set's (0), the layout set's (3) and the fresh group's (5).
"""

from __future__ import annotations

import hashlib
import html as html_lib
import random
import re
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from make_layouts import _ascii, first_sentence, load_articles, page_record, write_pages  # noqa: E402  (shared)

OUT = Path(__file__).parent / "varied.jsonl.gz"
SEED = 20261208
RESIDUE = 1
N_SITES = 48
ARTICLES_PER_SITE = 3
B, A, O = "boilerplate", "article", "optional"

HO = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
      "Lương", "Cao", "Kiều", "Tôn", "Quách", "La", "Châu", "Thái", "Từ", "Khúc"]
DEM = ["Văn", "Thị", "Hữu", "Đức", "Ngọc", "Minh", "Quang", "Thu", "Xuân", "Bích", "Công", "Thanh", ""]
TEN = ["Hải", "Nga", "Phúc", "Trâm", "Sơn", "Yến", "Tâm", "Khoa", "Uyên", "Lộc", "Nhàn", "Tú", "Vân", "Hậu",
       "Đạt", "Liên", "Phong", "Thắm", "Nghĩa", "Quyên", "Tín", "Diệp", "Hưng", "Loan"]
NICKS = ["meobeo", "tieuvu", "hoangtu_be", "dalat.lover", "xe_cu", "bo_cua_ti", "saigonese", "hanoi_pho", "kevin.ng",
         "bạn đọc", "Khách", "ẩn danh", "thợ_ảnh", "chú_cuội", "mẹ_ỉn", "gấu_trúc", "lính_mới", "ông_ba_bị"]
PLACES = ["Hà Nội", "TP Hồ Chí Minh", "Huế", "Vinh", "Nha Trang", "Buôn Ma Thuột", "Long Xuyên", "Hạ Long", "Thái Nguyên",
          "Quy Nhơn", "Tây Ninh", "Cà Mau", "Điện Biên", "Nam Định", "Hội An", "Bạc Liêu"]
PROVINCES = ["An Giang", "Bến Tre", "Lâm Đồng", "Nghệ An", "Quảng Ngãi", "Hà Giang", "Trà Vinh", "Hưng Yên", "Đắk Nông",
             "Ninh Thuận", "Yên Bái", "Vĩnh Long"]
NEWS_BRANDS = ["Thanh Niên", "Lao Động", "Người Lao Động", "VietNamNet", "Zing", "Tiền Phong", "Pháp Luật TP.HCM",
               "Sài Gòn Giải Phóng", "Vietnamplus", "Znews", "Kênh 14", "Cafef", "Dân Việt"]

SITES = {
    "news": ["Thời Báo Sông Hồng", "Tin Việt Hôm Nay", "Báo điện tử Bình Minh", "Người Đô Thị 24h", "Nhịp Sống Số",
             "Báo Phố Hiến", "Tuần Tin Tức"],
    "tv": ["Đài Phát thanh và Truyền hình {p}", "Kênh Thông tin Quốc gia", "Truyền hình Phương Bắc", "Sóng FM 91 {p}"],
    "provincial": ["Báo {p}", "{p} Ngày Nay", "Tạp chí Thông tin {p}", "Báo {p} Online"],
    "portal": ["Cổng TTĐT Sở Tài nguyên và Môi trường {p}", "Trang thông tin điện tử huyện Đông {p}",
               "Cổng thông tin Bộ Nông nghiệp", "Thanh tra tỉnh {p}", "Cổng Dịch vụ công tỉnh {p}"],
    "company": ["Ngân hàng Á Châu Mới", "Tổng Công ty Điện lực Miền Trung", "Công ty CP Sữa Đồng Xanh",
                "Tập đoàn Địa ốc Hưng Phát", "Bảo hiểm Thái Bình Dương"],
    "blog": ["Chuyện nhà {g}", "Sổ tay của {g}", "Một góc nhìn", "Lang thang cùng chữ", "Ghi chép vụn"],
    "forum": ["Diễn đàn Xe Việt", "Hội Yêu Máy Ảnh", "Cộng đồng Lập Trình Viên", "Diễn đàn Mẹ và Bé", "Làng Game Thủ"],
    "qa": ["Luật sư Online 24/7", "Hỏi Bác sĩ Gia đình", "Tư vấn Thuế Miễn phí", "Góc hỏi đáp học đường"],
    "aggregator": ["Tin Mới Mỗi Giờ", "Điểm Báo Hôm Nay", "Đọc Nhanh 365"],
    "longread": ["Chuyên đề Đặc biệt", "Phóng sự Ảnh và Chữ", "Tạp chí Người Đọc"],
    "shop": ["Điện Máy Ngôi Sao", "Shop Mẹ Bông", "Siêu thị Nhà Bếp", "Nhà sách Cánh Diều"],
}
MENU_POOL = {
    "news": ["Tin nóng", "Chính trị", "Xã hội", "Kinh tế", "Thế giới", "Văn hóa", "Giải trí", "Thể thao", "Giáo dục",
             "Sức khỏe", "Công nghệ", "Xe", "Du lịch", "Bất động sản", "Pháp luật", "Bạn đọc", "Ý kiến", "Tâm sự",
             "Video", "Ảnh", "Podcast", "Khoa học", "Môi trường", "Nông nghiệp", "Tiêu dùng", "Gia đình"],
    "portal": ["Giới thiệu chung", "Cơ cấu tổ chức", "Tin hoạt động", "Chỉ đạo điều hành", "Văn bản QPPL",
               "Công khai ngân sách", "Hỏi đáp trực tuyến", "Lịch công tác", "Thông báo", "Quy hoạch", "Dịch vụ công"],
    "company": ["Về chúng tôi", "Cá nhân", "Doanh nghiệp", "Nhà đầu tư", "Tin tức & Sự kiện", "Tuyển dụng",
                "Mạng lưới", "Hỗ trợ", "Khuyến mãi"],
    "blog": ["Trang nhà", "Tản văn", "Ghi chép", "Đọc sách", "Ảnh", "Giới thiệu", "Liên hệ"],
    "forum": ["Diễn đàn", "Bài mới", "Tìm chủ đề", "Thành viên", "Sự kiện", "Chợ", "Nội quy"],
    "shop": ["Điện thoại", "Laptop", "Gia dụng", "Sách", "Mẹ & bé", "Khuyến mãi", "Tra cứu đơn hàng", "Giỏ hàng"],
}
MENU_OF = {"tv": "news", "provincial": "news", "qa": "news", "aggregator": "news", "longread": "news"}
SECTION_OF_FORUM = ["Góc thảo luận chung", "Kinh nghiệm - Chia sẻ", "Hỏi đáp kỹ thuật", "Cà phê chém gió",
                    "Mua bán - Trao đổi", "Du lịch bụi"]

TODAY = ["{dow}, ngày {d} tháng {m} năm {y}", "Hôm nay: {d}/{m}/{y}", "{dow} {d:02d}-{m:02d}-{y}", "{d}.{m}.{y} | {hh}:{mm:02d}"]
LOGIN = [["Đăng nhập / Đăng ký"], ["Tài khoản", "Đăng xuất"], ["Xin chào, khách"], ["Đăng nhập bằng Google"],
         ["Đăng nhập", "Tạo tài khoản mới"]]
SEARCH = ["Nhập từ khóa tìm kiếm", "Bạn cần tìm gì?", "Tìm", "Tìm nhanh...", "Gõ nội dung cần tìm và nhấn Enter"]
HOTLINE = ["Đường dây nóng: 0{n3}.{n3}.{n4}", "Liên hệ tòa soạn", "Gửi tin bài: tintuc@{host}", "Tổng đài 1800 {n4} (miễn phí)"]
WEATHER = ["{place} {n2}°C", "Nhiều mây", "Độ ẩm {n2}%", "Mưa rào nhẹ", "Chất lượng không khí: Trung bình"]
MARKETS = ["VN-Index 1.2{n2},{n1} ▲{n1},{n1}%", "USD {n2}.{n3} đ", "Vàng SJC {n2},{n1} triệu", "Xăng RON95 2{n1}.{n3}",
           "Bitcoin ${n2}.{n3}"]
HOT_HEAD = ["Chủ đề nóng:", "Đang được quan tâm", "Sự kiện", "Dòng sự kiện:", "HOT", "Trending"]
APP = ["Tải ứng dụng {site}", "Đọc báo in", "Báo in ngày {d}/{m}", "Cài app để đọc nhanh hơn", "Mở trong ứng dụng"]
LANG = ["VIE | ENG", "Tiếng Việt", "English", "中文", "VI / EN"]
DATES = ["{hh}:{mm:02d} | {dow}, {d}/{m}/{y}", "Ngày đăng: {d:02d}-{m:02d}-{y}", "Xuất bản {d} Th{m} {y}",
         "{d} tháng {m}, {y}", "Cập nhật {hh}:{mm:02d} ngày {d}/{m}", "{n} phút trước", "{dow}, {d}/{m}/{y} - {hh}:{mm:02d}",
         "{d:02d}/{m:02d}/{y} {hh}:{mm:02d} GMT+7", "Đăng: {hh}g{mm:02d} {d}/{m}", "Thứ {w}, {d}.{m}.{y}"]
READTIME = ["Thời gian đọc: {n1} phút", "⏱ {n1} phút đọc", "Đọc trong {n1} phút", "{n2} lượt đọc", "{n3} lượt xem"]
AUDIO = ["Nghe tin", "Nghe đọc bài", "Đọc bằng giọng: Nam | Nữ", "▶ 0:00 / {n1}:{n2}", "Tốc độ đọc x1.0",
         "Giọng đọc AI", "Dừng nghe", "Bản tin âm thanh"]
FONT = ["Cỡ chữ", "A A A", "Aa", "Cỡ chữ: Nhỏ | Vừa | Lớn", "Chế độ đọc", "Bật chế độ tối"]
SHARE = ["Gửi bạn bè", "Chia sẻ Facebook", "Chia sẻ Zalo", "Copy đường dẫn", "Đã sao chép!", "Lưu lại", "Bookmark",
         "Báo sai", "Chia sẻ qua email", "In trang", "Tweet", "Pin", "Lưu để đọc sau"]
FOLLOW = ["Theo dõi {site} trên Google News", "Theo dõi Zalo OA của chúng tôi", "Kênh YouTube {site}",
          "Nhấn theo dõi để nhận tin mới", "Tham gia nhóm Facebook", "Follow TikTok @{slug}"]
ADS = ["Quảng cáo", "Nội dung được tài trợ", "- Quảng cáo -", "Advertisement", "Tài trợ bởi {brand}", "Sponsored"]
INLINE_HEADS = ["Xem thêm", "Tin đọc nhiều", "Bạn có thể thích", "ĐỌC NHANH", "Tin hay", "Cùng đọc", "Đọc tiếp"]
VIDEO = ["Video: {t}", "Clip: {t}", "Xem video", "00:00 / 0{n1}:{n2}", "Đang tải video...", "HD", "Chất lượng: 720p",
         "Phát tiếp sau {n1} giây", "Video đề xuất"]
POLL = [("Bạn nghĩ sao về vấn đề này?", ["Đồng ý", "Không đồng ý", "Chưa rõ"]),
        ("Bạn có hài lòng với nội dung này?", ["Rất hài lòng", "Hài lòng", "Chưa hài lòng"]),
        ("Theo bạn, giải pháp nào hiệu quả nhất?", ["Tăng xử phạt", "Tuyên truyền", "Ý kiến khác"]),
        ("Khảo sát nhanh", ["Có", "Không", "Không quan tâm"])]
POLL_TAIL = ["Bình chọn", "Xem kết quả", "{n3} người đã tham gia", "Gửi"]
RATING = ["Bài viết hữu ích?", "Có", "Không", "Đánh giá bài viết: ★★★★☆ ({n2} lượt)", "Bạn thấy bài viết thế nào?",
          "Hay", "Bình thường", "Chưa hay"]
PREVNEXT = ["« Bài trước", "Bài tiếp theo »", "← Bài cũ hơn", "Bài mới hơn →", "Bài trước:", "Bài sau:"]
TAG_HEADS = ["Từ khóa liên quan:", "Chủ đề:", "Thẻ bài viết", "Tìm thêm:", "Nhãn:"]
RELATED_HEADS = ["Tin cùng chuyên mục", "Có thể bạn chưa đọc", "Bài viết khác", "Đọc nhiều nhất", "Tin mới cập nhật",
                 "Được quan tâm", "Cùng chủ đề", "Tin khác của {site}", "Gợi ý cho bạn", "Xem nhiều trong tuần",
                 "TIN ĐÁNG CHÚ Ý", "Dành cho bạn", "Bài đọc nhiều"]
COMMENT_HEADS = ["Ý kiến ({n})", "Bình luận của độc giả", "{n} ý kiến", "Thảo luận", "Ý kiến của bạn", "Viết bình luận",
                 "Bình luận ({n})", "Phản hồi của bạn đọc", "Có {n} bình luận"]
COMMENT_ACTIONS = ["Thích | Trả lời | {n} giờ trước", "Trả lời · {n} ngày", "♥ {n}", "Thích ({n})", "Phản hồi",
                   "{n} thích · Trả lời", "Báo cáo", "Reply", "Xem {n} trả lời", "Hữu ích"]
COMMENT_FORM = ["Viết bình luận...", "Họ tên", "Email (không bắt buộc)", "Gửi", "Bình luận của bạn sẽ được kiểm duyệt trước khi đăng.",
                "Vui lòng nhập tiếng Việt có dấu.", "Tên *", "Email *", "Trang web",
                "Lưu tên của tôi, email, và trang web trong trình duyệt này cho lần bình luận kế tiếp của tôi.",
                "Gửi bình luận", "Bạn cần đăng nhập để bình luận", "Xem thêm bình luận"]
COMMENT_TOPIC = ["Bài viết về {k} rất chi tiết, cảm ơn tác giả.", "Mình từng tìm hiểu về {k}, đúng là như bài viết nói.",
                 "Không biết {k} bây giờ còn như vậy không nhỉ?", "Thông tin về {k} hay quá, mong báo viết thêm.",
                 "Tôi nghĩ tác giả nên nói rõ hơn về {k}, đọc vẫn thấy thiếu.",
                 "Chuyện {k} thì ai cũng biết rồi, có gì mới đâu.", "Đọc xong mới thấy mình biết quá ít về {k}.",
                 "Hồi nhỏ tôi được ông kể về {k}, nay đọc lại thấy xúc động.",
                 "Ai có tài liệu thêm về {k} cho mình xin với ạ.", "Viết về {k} mà không có ảnh minh họa thì tiếc quá."]
COMMENT_SHORT = ["Hay quá!", "Ủng hộ", "Chấm hóng", "Cảm ơn bạn", "Up cho bác", "Ai có link không ạ?", "Quá tuyệt vời",
                 "Báo viết sai chính tả kìa", "Hóng phần tiếp theo", "Đồng quan điểm với bạn ở trên.", "+1", "Like mạnh",
                 "Chuẩn luôn", "Thật không thể tin nổi"]
FORUM_POST_META = ["Thành viên VIP", "Thành viên mới", "Tham gia ngày: {d}/{m}/{y}", "Bài viết: {n3}", "Được thích: {n3}",
                   "Nơi ở: {place}", "Điểm thành tích: {n2}", "Quản trị viên", "Đang hoạt động", "Offline"]
FORUM_TAIL = ["Bạn phải đăng nhập hoặc đăng ký để trả lời tại đây.", "Trang {n1} / {n2}", "Trang sau ›",
              "Chia sẻ trang này", "Đang xem chủ đề: {n1} thành viên, {n2} khách", "Theo dõi chủ đề",
              "Đánh dấu đã đọc", "Chủ đề tương tự"]
FORUM_ACTIONS = ["Thích Trích dẫn Báo cáo", "Thích  ·  Trả lời", "{n} người thích bài này", "Quote", "Bấm để xem đầy đủ...",
                 "Lần sửa cuối: {d}/{m}/{y}"]
QA_ASK = ["Câu hỏi của bạn đọc", "Người hỏi: {name} ({place})", "Bạn đọc {name} hỏi:", "Gửi câu hỏi lúc {hh}:{mm:02d}",
          "Lĩnh vực: Đất đai", "Lĩnh vực: Lao động", "Chuyên mục: Sức khỏe"]
QA_ANSWER = ["Trả lời", "Luật sư trả lời:", "Bác sĩ tư vấn:", "Ban biên tập trả lời:", "Chuyên gia giải đáp"]
QA_DISCLAIM = ["Nội dung tư vấn trên chỉ mang tính chất tham khảo, không phải ý kiến pháp lý chính thức.",
               "Mọi thắc mắc xin liên hệ tổng đài 1900 {n4} để được hỗ trợ.",
               "Câu trả lời có giá trị tại thời điểm đăng tải, quy định có thể đã thay đổi.",
               "Bạn có câu hỏi khác? Gửi cho chúng tôi tại đây.", "Đặt câu hỏi", "Câu hỏi cùng lĩnh vực",
               "Đánh giá câu trả lời: ★★★★★", "Câu trả lời này có hữu ích không?"]
TV_WIDGETS = ["Phát sóng trực tiếp", "LIVE", "Lịch phát sóng", "{hh}:{mm:02d} {prog}", "Xem lại", "Video liên quan",
              "{n3} lượt xem", "0{n1}:{n2}", "Kênh {n1}", "Bật thông báo"]
PROGRAMMES = ["Thời sự 19h", "Chuyển động 24h", "Bản tin thời tiết", "Thể thao 24/7", "Chào buổi sáng", "Nông thôn ngày nay",
              "Phim truyện", "Ca nhạc theo yêu cầu"]
GOV_WIDGETS = ["Số lượt truy cập: {n3}.{n3}", "Đang trực tuyến: {n2}", "Trong ngày: {n3}", "Văn bản mới", "Lịch tiếp công dân",
               "Liên kết website", "-- Chọn liên kết --", "Hệ thống thư điện tử công vụ", "Trưng cầu ý kiến",
               "Góp ý dự thảo văn bản", "Thủ tục hành chính mức độ 4"]
GOV_DOCS = ["Quyết định số {n3}/QĐ-UBND về việc {t}", "Kế hoạch số {n2}/KH-SNN triển khai {t}",
            "Công văn {n3}/UBND-KT về {t}", "Thông báo số {n2}/TB-VP kết luận về {t}"]
COMPANY_WIDGETS = ["Quan hệ nhà đầu tư", "Thông cáo báo chí", "Tải xuống", "Tệp đính kèm: thong-cao-{n2}.pdf ({n3} KB)",
                   "Tỷ giá hôm nay", "Lãi suất tiết kiệm", "Hotline 24/7: 1900 {n4}", "Chat với chúng tôi",
                   "Mở tài khoản ngay", "Internet Banking", "Tra cứu mạng lưới"]
BLOG_WIDGETS = ["Bài viết mới", "Lưu trữ", "Tháng {m} {y}", "Chuyên mục", "Bình luận gần đây", "{nick} trong {t}",
                "Tìm kiếm cho:", "Đăng ký theo dõi blog qua email", "Blog tại WordPress.com.", "Meta", "Đăng nhập",
                "RSS bài viết", "Giới thiệu tác giả"]
BLOG_META = ["Đăng ngày {d} Tháng {m}, {y} bởi {nick}", "Posted in {sec}", "Chuyên mục: {sec}", "Để lại bình luận",
             "{n} bình luận", "bởi {nick}", "Viết bởi {nick} lúc {hh}:{mm:02d}"]
AGGR = ["Đọc bài gốc", "Nguồn: {brand}", "{brand} · {n} giờ", "Xem nguồn", "Bài viết được tổng hợp tự động",
        "{brand} - {n} phút trước", "Báo {brand}"]
LONG_CREDITS = ["Nội dung: {name}", "Ảnh: {name}", "Thiết kế: {name}", "Đồ họa: {name}", "Video: {name}",
                "Thực hiện: {name} - {name}", "Biên tập: {name}"]
CHAPTER = ["Phần {n1}", "Kỳ {n1}:", "{roman}.", "Chương {n1}"]
COOKIE = ["Trang này sử dụng cookie để phân tích lưu lượng truy cập và cá nhân hóa quảng cáo.", "Tôi đồng ý", "Từ chối",
          "Cài đặt cookie", "Bằng việc sử dụng trang, bạn chấp nhận điều khoản của chúng tôi.", "OK"]
NEWSLETTER = ["Nhận bản tin mỗi tối", "Địa chỉ email của bạn", "Đăng ký nhận tin", "Tin tức quan trọng gửi thẳng vào hộp thư của bạn.",
              "Hủy đăng ký bất cứ lúc nào", "Đăng ký miễn phí"]
MISC = ["↑ Đầu trang", "TOP", "Về đầu trang", "Trang chủ", "Sơ đồ website", "Liên hệ", "Điều khoản", "Quyền riêng tư",
        "Hỏi đáp", "Góp ý", "RSS", "Đặt quảng cáo", "Tuyển dụng"]
SOCIAL = ["Facebook", "YouTube", "TikTok", "Zalo", "Instagram", "X (Twitter)", "LinkedIn"]
FOOTER = ["Giấy phép hoạt động báo điện tử số {n3}/GP-BTTTT ngày {d}/{m}/{y}", "Cơ quan chủ quản: {org}",
          "Tổng Biên tập: {name}", "Trụ sở chính: {n2} {street}, {place}", "ĐT: (0{n2}) {n4} {n3} - Fax: (0{n2}) {n4} {n3}",
          "Liên hệ quảng cáo: 09{n2} {n3} {n3}", "Ghi rõ nguồn \"{site}\" khi trích dẫn lại thông tin.",
          "Không được sao chép khi chưa có sự đồng ý bằng văn bản.", "Powered by {tech}",
          "Chịu trách nhiệm xuất bản: {name}", "Số ĐKKD: 0{n4}{n4}{n1} do Sở KH&ĐT {place} cấp",
          "Đã thông báo Bộ Công Thương", "Tổng đài: 1800 {n4} (miễn phí)", "Bản quyền © {y} {site}",
          "Đơn vị vận hành: {org}", "Phiên bản thử nghiệm", "Thiết kế và phát triển bởi {tech}"]
ORGS = ["UBND tỉnh {prov}", "Hội Liên hiệp Phụ nữ Việt Nam", "Liên đoàn Lao động tỉnh {prov}", "Bộ Tài nguyên và Môi trường",
        "Công ty TNHH Truyền thông Số Bình Minh", "Tỉnh đoàn {prov}"]
TECH = ["Trí Tuệ Việt Soft", "VNSITE", "WordPress", "XenForo", "Công ty Công nghệ Hoa Sen"]
STREETS = ["Trần Phú", "Lý Thường Kiệt", "Nguyễn Trãi", "Cách Mạng Tháng Tám", "Hùng Vương", "Võ Thị Sáu", "Pasteur"]
DOW = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]
NOTFOUND = ["Không tìm thấy nội dung", "404", "Trang không tồn tại", "Lỗi: Không tìm thấy trang yêu cầu", "Ôi! Lạc đường rồi"]
NOTFOUND_TEXT = ["Liên kết bạn vừa truy cập không còn hiệu lực hoặc bài viết đã được chuyển sang địa chỉ khác.",
                 "Có thể bạn đã gõ sai địa chỉ, hoặc nội dung này đã bị gỡ xuống theo yêu cầu của tòa soạn.",
                 "Hệ thống không tìm thấy bài viết phù hợp. Mời bạn quay lại trang chủ hoặc thử tìm kiếm với từ khóa khác."]
PRODUCTS = ["Máy xay sinh tố {b} {m}", "Bình giữ nhiệt {b} {m}", "Quạt điều hòa {b} {m}", "Sách: {t}", "Nồi cơm điện {b} {m}",
            "Xe đạp trẻ em {b} {m}", "Bàn phím cơ {b} {m}", "Kem chống nắng {b} {m}"]
PRODUCT_BRANDS = ["Kangaroo", "Lock&Lock", "Toshiba", "Panasonic", "Bluestone", "Asia", "Thiên Long", "Rạng Đông"]
PRODUCT_TEXT = ["Thiết kế tinh tế, vận hành êm ái và tiết kiệm điện năng, sản phẩm là lựa chọn lý tưởng cho gia đình hiện đại.",
                "Sản phẩm chính hãng, được bảo hành toàn quốc và hỗ trợ đổi trả trong vòng 7 ngày nếu có lỗi từ nhà sản xuất.",
                "Chất liệu an toàn cho sức khỏe, dễ vệ sinh, phù hợp sử dụng hằng ngày trong bếp hoặc văn phòng.",
                "Cuốn sách đưa người đọc đi qua nhiều vùng đất, kể lại những câu chuyện giản dị mà sâu sắc về con người."]
REVIEWS = ["Giao hàng nhanh, sản phẩm đúng mô tả, sẽ ủng hộ tiếp.", "Dùng được một tuần thấy ổn, hơi ồn một chút.",
           "Đóng gói kỹ, shop tư vấn nhiệt tình.", "Màu không giống ảnh lắm nhưng chất lượng tốt so với giá.",
           "Mua tặng mẹ, mẹ rất thích.", "Hàng lỗi nhẹ, shop đổi cho ngay trong ngày."]
SPECS = [("Thương hiệu", "{b}"), ("Xuất xứ thương hiệu", "Nhật Bản"), ("Sản xuất tại", "Việt Nam"), ("Bảo hành", "{n2} tháng"),
         ("Kích thước", "{n2} x {n2} x {n2} cm"), ("Khối lượng", "{n1},{n1} kg"), ("Công suất", "{n3} W"), ("Màu sắc", "Trắng, Xám")]
SHOP_BITS = ["Thêm vào giỏ", "Mua ngay", "Trả góp 0%", "Còn hàng", "Miễn phí vận chuyển cho đơn từ 300k", "Chọn màu",
             "Số lượng", "Xem {n2} đánh giá", "Hỏi đáp về sản phẩm", "Sản phẩm đã xem", "Mua kèm giá sốc"]
ROMAN = ["I", "II", "III", "IV", "V"]


def person(rng: random.Random) -> str:
    return " ".join(x for x in (rng.choice(HO), rng.choice(DEM), rng.choice(TEN)) if x)


def nick(rng: random.Random) -> str:
    base = rng.choice(NICKS)
    return base + (str(rng.randint(1, 999)) if rng.random() < 0.5 and " " not in base else "")


class Site:
    """What one site keeps on all its pages: kind, name, menu, vocabulary subsets, markup scheme."""

    def __init__(self, number: int, rng: random.Random) -> None:
        self.id = f"V{number:02d}"
        self.rng = rng
        self.kind = list(SITES)[number % len(SITES)]
        self.place, self.prov = rng.choice(PLACES), rng.choice(PROVINCES)
        self.name = rng.choice(SITES[self.kind]).format(p=self.prov, g=rng.choice(TEN))
        self.slug = re.sub(r"[^a-z0-9]", "", _ascii(self.name).lower())[:16]
        self.host = self.slug + rng.choice([".vn", ".com.vn", ".net.vn", ".gov.vn" if self.kind == "portal" else ".info.vn",
                                            ".com"])
        menu = MENU_POOL[MENU_OF.get(self.kind, self.kind) if self.kind not in MENU_POOL else self.kind]
        self.menu = rng.sample(menu, k=rng.randint(4, min(9, len(menu))))
        self.org = rng.choice(ORGS).format(prov=self.prov)
        self.vocab = {name: rng.sample(pool, k=max(1, round(len(pool) * rng.uniform(0.4, 0.8))))
                      for name, pool in VOCAB.items()}
        self.footer = rng.sample(FOOTER, k=rng.randint(2, 7))
        self.markup = rng.choice(["semantic", "divs", "utility", "hashed", "vietnamese", "english"])
        self.title_tag = rng.choice(["h1", "h1", "h2", "div", "span"])
        self.heading_tag = rng.choice(["h2", "h3", "strong", "b"])
        self.para_tag = rng.choice(["p", "p", "div", "br"])

    def words(self, name: str) -> list[str]:
        return self.vocab[name]

    def cls(self, role: str) -> str:
        """The class attribute this site gives a region ('' for none)."""
        if self.markup == "divs":
            return ""
        if self.markup == "utility":
            return self.rng.choice(["flex flex-col gap-2", "mt-4 px-3", "w-full md:w-2/3", "grid grid-cols-12", "py-2 text-sm",
                                    "container mx-auto", "relative overflow-hidden"])
        if self.markup == "hashed":
            return "x" + hashlib.md5((self.id + role).encode()).hexdigest()[:7]
        if self.markup == "vietnamese":
            return {"comments": "y-kien", "related": "bai-khac", "sidebar": "cot-ben", "article": "chi-tiet-bai",
                    "footer": "cuoi-trang", "header": "dau-trang", "nav": "danh-muc", "widget": "hop"}.get(role, "khoi")
        return {"comments": "comment-list", "related": "more-news", "sidebar": "aside-box", "article": "detail",
                "footer": "site-footer", "header": "top", "nav": "menu-main", "widget": "box"}.get(role, "block")


VOCAB = {"login": LOGIN, "search": SEARCH, "hotline": HOTLINE, "weather": WEATHER, "markets": MARKETS, "hot": HOT_HEAD,
         "app": APP, "lang": LANG, "dates": DATES, "readtime": READTIME, "audio": AUDIO, "font": FONT, "share": SHARE,
         "follow": FOLLOW, "ads": ADS, "inline": INLINE_HEADS, "video": VIDEO, "poll": POLL, "rating": RATING,
         "prevnext": PREVNEXT, "tags": TAG_HEADS, "related": RELATED_HEADS, "comments": COMMENT_HEADS,
         "actions": COMMENT_ACTIONS, "form": COMMENT_FORM, "misc": MISC, "social": SOCIAL, "today": TODAY,
         "cookie": COOKIE, "newsletter": NEWSLETTER}


class Page:
    """A page as regions of blocks, each block ``(kind, content, label)``, and how a crawler writes it."""

    def __init__(self, site: Site, rng: random.Random) -> None:
        self.site, self.rng = site, rng
        self.regions: list[tuple[str, list]] = []
        self.head_title = site.name
        self.blank = rng.random() < 0.5
        self.menu_one_line = rng.random() < 0.5
        self.menu_sep = rng.choice([" | ", " · ", "  ", "\t", " / ", " – ", " "])
        self.cell_sep = rng.choice(["\t", " | ", "   "])
        self.image = rng.choice(["", "", "[Hình ảnh]", "(ảnh)", "\u00a0", "image"])
        self.bullet = rng.choice(["", "", "• ", "- ", "+ ", "* "])

    def region(self, role: str) -> list:
        blocks: list = []
        self.regions.append((role, blocks))
        return blocks

    def fill(self, template: str, **extra) -> str:
        rng, site = self.rng, self.site
        d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2015, 2025)
        values = dict(n=rng.randint(2, 60), n1=rng.randint(1, 9), n2=rng.randint(10, 99), n3=rng.randint(100, 999),
                      n4=rng.randint(1000, 9999), d=d, m=m, y=y, hh=rng.randint(0, 23), mm=rng.randint(0, 59),
                      w=rng.randint(2, 7), dow=rng.choice(DOW), name=person(rng), nick=nick(rng), place=site.place,
                      prov=site.prov, site=site.name, host=site.host, slug=site.slug, org=site.org,
                      street=rng.choice(STREETS), tech=rng.choice(TECH), brand=rng.choice(NEWS_BRANDS),
                      prog=rng.choice(PROGRAMMES), roman=rng.choice(ROMAN), sec=rng.choice(site.menu), t="", k="")
        values.update(extra)
        return template.format(**values)

    def text_lines(self) -> list[tuple[str, str]]:
        """(line, label) as a crawler's text extraction gives the page; '' lines are blank."""
        out: list[tuple[str, str]] = []
        for _, blocks in self.regions:
            for kind, content, label in blocks:
                if kind == "menu":
                    if self.menu_one_line:
                        out.append((self.menu_sep.join(content), label))
                    else:
                        out.extend((item, label) for item in content)
                elif kind == "row":
                    out.append((self.cell_sep.join(content), label))
                elif kind == "img":
                    out.append((self.image, "blank"))
                else:
                    out.append((content, label))
                if self.blank and kind in ("p", "h", "title", "li", "quote"):
                    out.append(("", "blank"))
            if self.blank:
                out.append(("", "blank"))
        return out

    def html(self) -> str:
        site, esc = self.site, html_lib.escape
        parts = ["<!DOCTYPE html>", '<html lang="vi"><head><meta charset="utf-8">',
                 f"<title>{esc(self.head_title)}</title></head><body>"]
        semantic = site.markup in ("semantic", "english")
        for role, blocks in self.regions:
            tag = {"header": "header", "nav": "nav", "footer": "footer", "sidebar": "aside",
                   "article": "article"}.get(role, "section") if semantic else "div"
            klass = site.cls(role)
            parts.append(f'<{tag}{f" class={chr(34)}{klass}{chr(34)}" if klass else ""}>')
            parts.extend(self._block_html(kind, content, label, role) for kind, content, label in blocks)
            parts.append(f"</{tag}>")
        parts.append("</body></html>")
        return "\n".join(parts)

    def _block_html(self, kind: str, content, label: str, role: str) -> str:
        site, esc = self.site, html_lib.escape
        if kind == "menu":
            return "<ul>" + "".join(f'<li><a href="/{_ascii(x).lower().replace(" ", "-")}">{esc(x)}</a></li>'
                                    for x in content) + "</ul>"
        if kind == "row":
            return "<table><tr>" + "".join(f"<td>{esc(c)}</td>" for c in content) + "</tr></table>"
        if kind == "img":
            return f'<figure><img src="/anh/{zlib.crc32(content.encode()) % 9999}.jpg" alt=""></figure>'
        if kind == "title":
            t = site.title_tag
            return f"<{t}>{esc(content)}</{t}>" if t.startswith("h") else f"<div><{t}>{esc(content)}</{t}></div>"
        if kind == "h":
            t = site.heading_tag
            return f"<{t}>{esc(content)}</{t}>" if t.startswith("h") else f"<p><{t}>{esc(content)}</{t}></p>"
        if kind == "p":
            if label == A and site.para_tag == "br":
                return f"{esc(content)}<br><br>"
            return f"<{site.para_tag if site.para_tag != 'br' else 'p'}>{esc(content)}</{site.para_tag if site.para_tag != 'br' else 'p'}>"
        if kind == "li":
            return f"<ul><li>{esc(content)}</li></ul>"
        if kind == "caption":
            return f"<figcaption>{esc(content)}</figcaption>" if self.rng.random() < 0.5 else f"<p><i>{esc(content)}</i></p>"
        if kind == "quote":
            return f"<blockquote>{esc(content)}</blockquote>"
        if kind == "link":
            return f'<h3><a href="/tin/{zlib.crc32(content.encode()) % 99999}.html">{esc(content)}</a></h3>'
        if kind == "button":
            return f'<button type="button">{esc(content)}</button>' if self.rng.random() < 0.5 else \
                f'<span><a href="#">{esc(content)}</a></span>'
        return f"<div>{esc(content)}</div>"


def keyword(art: dict) -> str:
    """The subject of an article as a reader would write it in a comment."""
    title = art["title"]
    return title if len(title.split()) <= 6 else " ".join(title.split()[:4])


def teasers(page: Page, others: list[dict], n: int, form: str | None = None) -> list:
    """Teasers of other articles: titles alone, with a lead, a date or a source, numbered or not."""
    rng = page.rng
    form = form or rng.choice(["title", "title+lead", "title+lead", "title+meta", "title+meta+lead", "numbered",
                               "title - lead", "lead-first"])
    out = []
    for k, other in enumerate(rng.sample(others, n), 1):
        lead = first_sentence(next(t for kind, t in other["blocks"] if kind == "p"), rng.randint(12, 35))
        meta = page.fill(rng.choice(page.site.words("dates") + AGGR[1:3] + ["{brand} · {n} giờ"]))
        if form == "numbered":
            out.append(("link", f"{k:02d} {other['title']}" if rng.random() < 0.5 else f"{k}. {other['title']}", B))
        elif form == "title - lead":
            out.append(("link", f"{other['title']} - {lead}", B))
        elif form == "lead-first":
            out.append(("p", lead, B))
            out.append(("link", other["title"], B))
        else:
            out.append(("link", other["title"], B))
            if "meta" in form:
                out.append(("line", meta, B))
            if "lead" in form:
                out.append(("p", lead, B))
    return out


def comment_text(page: Page, art: dict | None, others: list[dict]) -> str:
    rng = page.rng
    roll = rng.random()
    if art is not None and roll < 0.45:
        return page.fill(rng.choice(COMMENT_TOPIC), k=keyword(art))
    if roll < 0.75:
        return rng.choice(COMMENT_SHORT)
    other = rng.choice(others)
    return first_sentence(next(t for kind, t in other["blocks"] if kind == "p"), rng.randint(10, 30))


def comments(page: Page, art: dict | None, others: list[dict], forum: bool = False) -> None:
    """A comment section: heading, then name line, date/meta lines, text, action line, repeated."""
    rng, site = page.rng, page.site
    r = page.region("comments")
    if not forum or rng.random() < 0.3:
        r.append(("line", page.fill(rng.choice(site.words("comments"))), B))
    if rng.random() < 0.3:
        r.extend(("button", x, B) for x in rng.sample(site.words("form"), k=min(3, len(site.words("form")))))
    shape = rng.sample(["name", "date", "text", "actions", "meta"], k=5)
    shape = ["name"] + [s for s in shape if s not in ("name", "text")][:rng.randint(0, 2)] + ["text"] + \
        (["actions"] if rng.random() < 0.7 else [])
    for number in range(2, rng.randint(3, 8)):
        for part in shape:
            if part == "name":
                who = person(rng) if rng.random() < 0.5 else nick(rng)
                r.append(("line", f"#{number} {who}" if forum and rng.random() < 0.4 else who, B))
            elif part == "date":
                r.append(("line", page.fill(rng.choice(site.words("dates"))), B))
            elif part == "meta":
                r.extend(("line", page.fill(x), B) for x in rng.sample(FORUM_POST_META, k=rng.randint(1, 3)))
            elif part == "text":
                for _ in range(rng.randint(1, 2 if forum else 1)):
                    r.append(("p", comment_text(page, art, page.others), B))
            else:
                r.append(("button", page.fill(rng.choice(site.words("actions") + (FORUM_ACTIONS if forum else []))), B))
    if rng.random() < 0.4:
        r.append(("button", page.fill(rng.choice(site.words("form"))), B))


def widget(page: Page, part: str, art: dict | None) -> None:
    """One chrome widget as a region of boilerplate blocks."""
    rng, site, fill, others = page.rng, page.site, page.fill, page.others
    words = site.words
    if part == "brand":
        r = page.region("header")
        r.append(("line", site.name if rng.random() < 0.7 else site.name.upper(), B))
        if rng.random() < 0.4:
            r.append(("line", rng.choice(["Thông tin nhanh - chính xác - đa chiều", "Tiếng nói của nhân dân {p}",
                                          "Trang tin chính thức", "Kết nối cộng đồng", "Vì lợi ích khách hàng"]).format(
                p=site.prov), B))
    elif part == "topbar":
        r = page.region("header")
        for name in rng.sample(["today", "login", "search", "hotline", "weather", "markets", "app", "lang"], k=rng.randint(1, 4)):
            choice = rng.choice(words(name))
            for x in choice if isinstance(choice, list) else [choice]:
                r.append(("button", fill(x), B))
    elif part == "menu":
        items = site.menu if rng.random() < 0.7 else [x.upper() for x in site.menu]
        page.region("nav").append(("menu", items, B))
    elif part == "hot":
        r = page.region("widget")
        r.append(("line", rng.choice(words("hot")), B))
        r.extend(("link", o["title"], B) for o in rng.sample(others, rng.randint(2, 4)))
    elif part == "breadcrumb":
        sep = rng.choice([" › ", " / ", " > ", " » ", " - "])
        crumbs = ([rng.choice(["Trang chủ", "Home", "⌂"])] if rng.random() < 0.6 else []) + rng.sample(site.menu, k=rng.randint(1, 2))
        if rng.random() < 0.5:
            page.region("nav").append(("line", sep.join(crumbs), B))
        else:
            page.region("nav").extend(("button", c, B) for c in crumbs)
    elif part == "cookie":
        page.region("widget").extend(("button" if len(x) < 30 else "line", x, B)
                                     for x in rng.sample(words("cookie"), k=min(len(words("cookie")), rng.randint(2, 3))))
    elif part == "newsletter":
        page.region("widget").extend(("button" if len(x) < 30 else "line", x, B)
                                     for x in rng.sample(words("newsletter"), k=min(len(words("newsletter")), rng.randint(2, 4))))
    elif part == "follow":
        r = page.region("widget")
        r.append(("line", fill(rng.choice(words("follow"))), B))
        if rng.random() < 0.5:
            r.append(("menu", rng.sample(SOCIAL, k=rng.randint(2, 5)), B))
    elif part == "poll":
        question, options = rng.choice(words("poll"))
        r = page.region("widget")
        r.append(("line", question, B))
        r.extend(("button", x, B) for x in options)
        r.extend(("button", fill(x), B) for x in rng.sample(POLL_TAIL, k=rng.randint(1, 2)))
    elif part == "rating":
        page.region("widget").extend(("button", fill(x), B) for x in words("rating")[:rng.randint(2, 5)])
    elif part == "prevnext":
        r = page.region("widget")
        for head, other in zip(rng.sample(PREVNEXT, 2), rng.sample(others, 2)):
            r.append(("line", head, B))
            r.append(("link", other["title"], B))
    elif part == "tags":
        r = page.region("tags")
        words_ = [o["title"].split("(")[0].strip() for o in rng.sample(others, rng.randint(2, 5))]
        if art is not None and rng.random() < 0.5:
            words_.insert(rng.randint(0, len(words_)), keyword(art))
        style = rng.choice(["head+line", "head+buttons", "hashtags", "buttons"])
        if style == "hashtags":
            r.append(("line", " ".join("#" + re.sub(r"\W", "", w.title()) for w in words_), B))
            return
        if style.startswith("head"):
            r.append(("line", rng.choice(words("tags")), B))
        if style.endswith("line"):
            r.append(("line", rng.choice([", ", " / ", " · "]).join(words_), B))
        else:
            r.extend(("button", w, B) for w in words_)
    elif part == "share":
        page.region("widget").extend(("button", fill(x), B) for x in rng.sample(words("share"), k=min(len(words("share")), rng.randint(1, 5))))
    elif part == "related" or part == "mostread":
        r = page.region("related" if part == "related" else "sidebar")
        if rng.random() < 0.75:
            r.append(("line", fill(rng.choice(words("related"))), B))
        r.extend(teasers(page, others, rng.randint(3, 7), "numbered" if part == "mostread" and rng.random() < 0.5 else None))
    elif part == "video":
        r = page.region("widget")
        other = rng.choice(others)
        r.extend(("button", fill(x, t=other["title"]), B) for x in rng.sample(words("video"), k=min(len(words("video")), rng.randint(2, 4))))
    elif part == "comments":
        comments(page, art, others)
    elif part == "form":
        page.region("widget").extend(("button" if len(x) < 30 else "line", fill(x), B)
                                     for x in rng.sample(words("form"), k=min(len(words("form")), rng.randint(2, 5))))
    elif part == "misc":
        page.region("widget").extend(("button", fill(x), B) for x in rng.sample(words("misc"), k=min(len(words("misc")), rng.randint(1, 4))))
    elif part == "family":
        pool = {"tv": TV_WIDGETS, "portal": GOV_WIDGETS, "company": COMPANY_WIDGETS, "blog": BLOG_WIDGETS,
                "aggregator": AGGR, "forum": FORUM_TAIL, "qa": QA_DISCLAIM}.get(site.kind, MISC)
        r = page.region("sidebar")
        for x in rng.sample(pool, k=rng.randint(2, min(5, len(pool)))):
            o = rng.choice(others)
            r.append(("line", fill(x, t=o["title"][:1].lower() + o["title"][1:]), B))
        if site.kind == "portal" and rng.random() < 0.6:
            r.append(("line", "Văn bản mới", B))
            for _ in range(rng.randint(2, 4)):
                o = rng.choice(others)
                r.append(("link", fill(rng.choice(GOV_DOCS), t=o["title"][:1].lower() + o["title"][1:]), B))
    elif part == "footer":
        r = page.region("footer")
        if rng.random() < 0.4:
            r.append(("menu", site.menu, B))
        if rng.random() < 0.5:
            r.append(("line", site.name, B))
        r.extend(("line", fill(x), B) for x in site.footer if rng.random() < 0.85)
        if rng.random() < 0.4:
            r.append(("menu", rng.sample(MISC, k=rng.randint(3, 6)), B))


TOP = ["brand", "topbar", "menu", "hot", "breadcrumb", "cookie"]
BOTTOM = ["tags", "share", "related", "mostread", "comments", "newsletter", "follow", "poll", "rating", "prevnext",
          "video", "form", "misc", "family"]


def body_blocks(page: Page, art: dict, brief: bool) -> list:
    """The article's own lines (title left out): paragraphs, headings, lists, an optional table, with
    inline chrome, images and captions strewn in."""
    rng, site, fill = page.rng, page.site, page.fill
    blocks = list(art["blocks"])
    if brief:
        blocks = [b for b in blocks if b[0] == "p"][:rng.randint(1, 2)]
    split_long = rng.random() < 0.3
    heading_case = rng.choice(["asis", "asis", "upper", "numbered"])
    out = []
    paras = 0
    n_paras = sum(kind == "p" for kind, _ in blocks)
    inline_at = rng.randint(1, max(1, n_paras - 1)) if rng.random() < 0.5 else -1
    for kind, text in blocks:
        if kind == "p":
            pieces = [text]
            if split_long and len(text) > 200:
                sentences = re.split(r"(?<=[.!?])\s+", text)
                cut = max(1, len(sentences) // 2)
                pieces = [" ".join(sentences[:cut]), " ".join(sentences[cut:])] if len(sentences) > 1 else [text]
            out.extend(("p", piece, A) for piece in pieces if piece)
            paras += 1
        elif kind == "h":
            h = text.upper() if heading_case == "upper" else text
            if heading_case == "numbered":
                h = f"{ROMAN[min(4, sum(k == 'h' for k, _, _ in out))]}. {text}"
            out.append(("h", h, A))
        else:
            out.append(("li", page.bullet + text, A))
        if kind == "p" and rng.random() < 0.18:
            out.append(("img", f"{art['id']}{paras}", "blank"))
            if rng.random() < 0.75:
                cap = first_sentence(text, rng.randint(5, 14))
                form = rng.choice(["{c}", "{c} (Ảnh: {n})", "Ảnh: {n}", "{c} Ảnh minh họa", "Hình: {c}", "{c} - Nguồn: {s}"])
                out.append(("caption", form.format(c=cap, n=person(rng), s=rng.choice(NEWS_BRANDS)), O))
        if kind == "p" and paras == inline_at:
            style = rng.choice(["head", "bare", "arrows", "ad", "video", "poll"])
            if style == "head":
                out.append(("line", rng.choice(site.words("inline")), B))
                out.extend(("link", o["title"], B) for o in rng.sample(page.others, rng.randint(1, 3)))
            elif style == "bare":
                out.extend(("link", o["title"], B) for o in rng.sample(page.others, rng.randint(1, 2)))
            elif style == "arrows":
                out.append(("link", rng.choice([">> ", "» ", "→ ", "▶ "]) + rng.choice(page.others)["title"], B))
            elif style == "ad":
                out.append(("button", fill(rng.choice(site.words("ads"))), B))
            elif style == "video":
                o = rng.choice(page.others)
                out.extend(("button", fill(x, t=o["title"]), B) for x in rng.sample(site.words("video"), k=min(2, len(site.words("video")))))
            else:
                question, options = rng.choice(site.words("poll"))
                out.append(("line", question, B))
                out.extend(("button", x, B) for x in options)
    if not brief and rng.random() < 0.2:
        out.insert(rng.randint(2, len(out)), ("p", rng.choice(["Dưới đây là một số số liệu chính:", "Bảng tóm tắt:",
                                                              "Các con số được tổng hợp như sau:"]), A))
        at = next(k for k, b in enumerate(out) if b[0] == "p" and b[1].endswith(":")) + 1
        rows = [["Hạng mục", "Năm trước", "Năm nay"]] + [[rng.choice(["Doanh thu", "Số hộ", "Diện tích", "Sản lượng",
                                                                    "Lượt khách", "Số trường"]) + f" {k}",
                                                         f"{rng.randint(10, 999)}", f"{rng.randint(10, 999)}"] for k in range(1, rng.randint(4, 6))]
        out[at:at] = [("row", row, A) for row in rows]
    if not brief and rng.random() < 0.15 and site.kind == "longread":
        out.insert(rng.randint(2, len(out)), ("quote", first_sentence(rng.choice([t for k, t in art["blocks"] if k == "p"]), 18), O))
    return out


def meta_blocks(page: Page, art: dict) -> list:
    """Lines around the title: date, author, reading time, audio and font bars, share buttons."""
    rng, site, fill = page.rng, page.site, page.fill
    out = []
    for part in rng.sample(["date", "author", "readtime", "audio", "font", "share", "follow"], k=rng.randint(1, 4)):
        if part == "date":
            out.append(("line", fill(rng.choice(site.words("dates"))), B))
        elif part == "author":
            out.append(("line", rng.choice(["{name}", "Bài: {name}", "Phóng viên {name}", "{name} - {name}", "Nhóm phóng viên",
                                            "Thực hiện: {name}", "{NAME}"]).format(name=person(rng), NAME=person(rng).upper()), O))
        elif part == "readtime":
            out.append(("line", fill(rng.choice(site.words("readtime"))), B))
        elif part == "audio":
            out.extend(("button", fill(x), B) for x in rng.sample(site.words("audio"), k=min(len(site.words("audio")), rng.randint(1, 3))))
        elif part == "font":
            out.append(("button", rng.choice(site.words("font")), B))
        elif part == "share":
            out.extend(("button", fill(x), B) for x in rng.sample(site.words("share"), k=min(len(site.words("share")), rng.randint(1, 3))))
        else:
            out.append(("line", fill(rng.choice(site.words("follow"))), B))
    return out


def article_page(site: Site, art: dict, others: list[dict], rng: random.Random, brief: bool) -> Page:
    page = Page(site, rng)
    page.others = others
    title = art["title"]
    kind = site.kind
    if kind == "forum":
        title = rng.choice(["", "[Chia sẻ] ", "[Thảo luận] ", "Hỏi về ", "Tổng hợp: "]) + title
    elif kind == "qa":
        title = rng.choice(["{t}: cần lưu ý những gì?", "Thắc mắc về {t}", "{t} có đúng không?", "Hỏi: {t}"]).format(t=title)
    elif kind == "longread" and rng.random() < 0.4:
        title = title.upper()
    page.head_title = rng.choice(["{t} | {s}", "{s} - {t}", "{t}", "{t} - Tin tức {s}"]).format(t=title, s=site.name)
    top = [p for p in TOP if rng.random() < 0.6]
    rng.shuffle(top)
    for part in top:
        widget(page, part, art)
    side_first = rng.random() < 0.25
    if side_first:
        widget(page, rng.choice(["mostread", "related", "family", "video"]), art)
    r = page.region("article")
    if rng.random() < 0.3:
        sep = rng.choice([" › ", " / ", " > "])
        r.append(("line", sep.join(rng.sample(site.menu, k=rng.randint(1, 2))), B))
    meta = meta_blocks(page, art)
    where = rng.choice(["after", "after", "before", "split"])
    if where == "before":
        r.extend(meta)
    r.append(("title", title, A))
    if kind == "longread" and rng.random() < 0.5:
        r.extend(("line", page.fill(x), O) for x in rng.sample(LONG_CREDITS, k=rng.randint(1, 3)))
    if where == "after":
        r.extend(meta)
    if kind == "forum":
        r.append(("line", page.fill("Chủ đề trong '{sec}' bắt đầu bởi {nick}, {d}/{m}/{y}", sec=rng.choice(SECTION_OF_FORUM))
                  if rng.random() < 0.5 else nick(rng), B))
        r.extend(("line", page.fill(x), B) for x in rng.sample(FORUM_POST_META, k=rng.randint(0, 3)))
        if rng.random() < 0.5:
            r.append(("line", "#1", B))
    elif kind == "qa":
        r.extend(("line", page.fill(x), B) for x in rng.sample(QA_ASK, k=rng.randint(1, 2)))
    elif kind == "blog":
        r.append(("line", page.fill(rng.choice(BLOG_META)), B))
    elif kind == "aggregator":
        r.append(("line", page.fill(rng.choice(AGGR[1:])), B))
    elif kind == "tv" and rng.random() < 0.6:
        r.extend(("button", page.fill(x), B) for x in rng.sample(TV_WIDGETS, k=rng.randint(2, 4)))
    body = body_blocks(page, art, brief)
    if kind == "qa":
        first_p = next(k for k, b in enumerate(body) if b[0] == "p")
        second = next((k for k, b in enumerate(body) if b[0] == "p" and k > first_p), len(body))
        body.insert(second, ("line", rng.choice(QA_ANSWER), B))
    if where == "split":
        first_p = next(k for k, b in enumerate(body) if b[0] == "p")
        body[first_p + 1:first_p + 1] = meta
    r.extend(body)
    if kind == "forum" and rng.random() < 0.5:
        r.append(("button", page.fill(rng.choice(FORUM_ACTIONS)), B))
    if rng.random() < 0.5:
        r.append(("line", rng.choice(["{name}", "{NAME}", "Theo {name}", "{name} ({place})", "PV {name}"]).format(
            name=person(rng), NAME=person(rng).upper(), place=rng.choice(PLACES)), O))
    if rng.random() < 0.35:
        r.append(("line", rng.choice(["Nguồn: {b}", "Theo {b}", "(Theo {b})", "Nguồn tham khảo: {b}"]).format(
            b=rng.choice(NEWS_BRANDS)), B))
    if kind == "qa":
        r.extend(("line", page.fill(x), B) for x in rng.sample(QA_DISCLAIM, k=rng.randint(1, 3)))
        if rng.random() < 0.7:
            rel = page.region("related")
            if rng.random() < 0.6:
                rel.append(("line", rng.choice(["Câu hỏi liên quan", "Các câu hỏi khác", "Xem thêm câu hỏi"]), B))
            rel.extend(("link", rng.choice(["{t} là gì?", "Thủ tục {t} thế nào?", "Có nên {t}?", "Hỏi về {t}"]).format(
                t=o["title"][:1].lower() + o["title"][1:]), B) for o in rng.sample(others, rng.randint(2, 5)))
    if kind == "aggregator":
        r.append(("button", page.fill(rng.choice(["Đọc bài gốc", "Xem nguồn", "Đọc tiếp trên {brand}"])), B))
    bottom = [p for p in BOTTOM if rng.random() < 0.45]
    if kind in ("blog", "news", "forum") and "comments" not in bottom and rng.random() < 0.7:
        bottom.append("comments")
    rng.shuffle(bottom)
    for part in bottom:
        if part == "comments" and kind == "forum":
            comments(page, art, others, forum=True)
        else:
            widget(page, part, art)
    if not side_first and rng.random() < 0.4:
        widget(page, rng.choice(["mostread", "family", "hot"]), art)
    widget(page, "footer", art)
    return page


NO_ARTICLE = ["listing", "search", "tagpage", "notfound", "product", "forumindex", "documents", "videos"]


def no_article_page(site: Site, kind: str, others: list[dict], rng: random.Random) -> Page:
    page = Page(site, rng)
    page.others = others
    fill = page.fill
    top = [p for p in TOP if rng.random() < 0.6]
    rng.shuffle(top)
    for part in top:
        widget(page, part, None)
    r = page.region("article")
    if kind == "listing":
        section = rng.choice(site.menu)
        page.head_title = f"{section} - {site.name}"
        r.append(("title", section if rng.random() < 0.6 else section.upper(), B))
        r.extend(teasers(page, others, rng.randint(5, 10), rng.choice(["title+lead", "title+meta+lead", "lead-first", "title - lead"])))
        r.append(("menu", ["«", "1", "2", "3", "...", "»"][:rng.randint(3, 6)], B))
    elif kind == "search":
        q = rng.choice(others)["title"].split()[0]
        page.head_title = f"Kết quả tìm kiếm - {q}"
        r.append(("line", rng.choice([f"Có {rng.randint(5, 500)} kết quả phù hợp với từ khóa \"{q}\"", f"Từ khóa: {q}",
                                      f"Tìm kiếm: {q}", f"Kết quả cho “{q}”"]), B))
        r.append(("button", rng.choice(["Sắp xếp: Mới nhất", "Lọc theo thời gian", "Tất cả chuyên mục"]), B))
        r.extend(teasers(page, others, rng.randint(4, 8), rng.choice(["title+lead", "title+meta+lead"])))
    elif kind == "tagpage":
        tag = rng.choice(others)["title"]
        page.head_title = f"{tag} - chủ đề mới nhất"
        r.append(("title", rng.choice([tag, f"Chủ đề: {tag}", f"# {tag}", f"Tin tức về {tag}"]), B))
        if rng.random() < 0.5:
            r.append(("line", f"{rng.randint(3, 300)} bài viết", B))
        r.extend(teasers(page, others, rng.randint(4, 8), rng.choice(["title+lead", "title", "title+meta+lead"])))
    elif kind == "notfound":
        page.head_title = rng.choice(["404", "Không tìm thấy trang", site.name])
        r.append(("title", rng.choice(NOTFOUND), B))
        r.append(("p", rng.choice(NOTFOUND_TEXT), B))
        r.append(("button", rng.choice(["Quay lại trang chủ", "Trở về", "Tìm kiếm"]), B))
        if rng.random() < 0.8:
            if rng.random() < 0.6:
                r.append(("line", fill(rng.choice(site.words("related"))), B))
            r.extend(teasers(page, others, rng.randint(3, 6), rng.choice(["title+lead", "lead-first", "title - lead"])))
    elif kind == "product":
        b = rng.choice(PRODUCT_BRANDS)
        name = rng.choice(PRODUCTS).format(b=b, m=rng.choice(["KG-{n}".format(n=rng.randint(10, 99)), "Mini", "Pro 2024", "X1"]),
                                            t=rng.choice(others)["title"])
        page.head_title = f"{name} | {site.name}"
        r.append(("title", name, B))
        price = f"{rng.randint(1, 9)}.{rng.randint(100, 999)}.000"
        r.append(("line", rng.choice([f"{price}₫", f"{price} đ", f"Giá: {price} VNĐ", f"Giá bán: {price}đ"]), B))
        if rng.random() < 0.6:
            r.append(("line", rng.choice([f"Giá thị trường: {rng.randint(2, 19)}.{rng.randint(100, 999)}.000 đ",
                                          f"-{rng.randint(5, 40)}%", f"Tiết kiệm: {rng.randint(50, 900)}.000 đ"]), B))
        r.extend(("button", fill(x), B) for x in rng.sample(SHOP_BITS, k=rng.randint(2, 5)))
        parts = rng.sample(["specs", "desc", "reviews", "similar"], k=4)
        for part in parts:
            if part == "specs":
                r.append(("line", rng.choice(["Thông số kỹ thuật", "Thông tin chi tiết", "Đặc điểm nổi bật"]), B))
                r.extend(("row", [k, fill(v, b=b)], B) for k, v in rng.sample(SPECS, k=rng.randint(3, 6)))
            elif part == "desc":
                r.append(("line", rng.choice(["Mô tả sản phẩm", "Giới thiệu", "Chi tiết sản phẩm"]), B))
                r.extend(("p", x, B) for x in rng.sample(PRODUCT_TEXT, k=rng.randint(1, 3)))
            elif part == "reviews":
                r.append(("line", rng.choice(["Đánh giá từ khách hàng", f"{rng.randint(3, 300)} nhận xét", "Khách hàng nói gì"]), B))
                for _ in range(rng.randint(2, 4)):
                    r.append(("line", person(rng) if rng.random() < 0.6 else nick(rng), B))
                    if rng.random() < 0.6:
                        r.append(("line", rng.choice(["★★★★★", "★★★☆☆", "Đã mua hàng", fill("{d}/{m}/{y}")]), B))
                    r.append(("p", rng.choice(REVIEWS), B))
            else:
                r.append(("line", rng.choice(["Sản phẩm tương tự", "Khách hàng cũng mua", "Gợi ý hôm nay"]), B))
                r.extend(("link", f"{rng.choice(PRODUCTS).format(b=rng.choice(PRODUCT_BRANDS), m='', t=o['title']).strip()} "
                                  f"{rng.randint(100, 999)}.000₫", B) for o in rng.sample(others, 3))
    elif kind == "forumindex":
        page.head_title = site.name
        r.append(("title", rng.choice(["Diễn đàn", "Danh sách chuyên mục", "Trang chủ diễn đàn", site.name]), B))
        for section in rng.sample(SECTION_OF_FORUM, k=rng.randint(3, 6)):
            r.append(("link", section, B))
            if rng.random() < 0.6:
                o = rng.choice(others)
                r.append(("p", rng.choice(["Nơi trao đổi mọi chuyện về {t} và những chủ đề liên quan.",
                                           "Thảo luận, chia sẻ kinh nghiệm về {t}, vui lòng đọc nội quy trước khi đăng bài.",
                                           "Chuyên mục dành cho các thành viên yêu thích {t}."]).format(
                    t=o["title"][:1].lower() + o["title"][1:]), B))
            r.append(("line", fill(rng.choice(["Chủ đề: {n3} · Bài viết: {n4}", "{n3} chủ đề, {n4} bài",
                                               "Mới nhất: {t} bởi {nick}"]), t=rng.choice(others)["title"]), B))
        r.append(("line", fill(rng.choice(["Thống kê diễn đàn", "Đang trực tuyến: {n2} thành viên, {n3} khách",
                                           "Thành viên mới nhất: {nick}"])), B))
    elif kind == "documents":
        page.head_title = f"Văn bản - {site.name}"
        r.append(("title", rng.choice(["Văn bản chỉ đạo điều hành", "Hệ thống văn bản", "Văn bản pháp quy"]), B))
        r.append(("row", ["Số/Ký hiệu", "Ngày ban hành", "Trích yếu"], B))
        for o in rng.sample(others, rng.randint(4, 8)):
            r.append(("row", [fill("{n3}/QĐ-UBND"), fill("{d:02d}/{m:02d}/{y}"),
                              fill(rng.choice(GOV_DOCS), t=o["title"][:1].lower() + o["title"][1:]).split(" về ")[-1]], B))
        r.append(("menu", ["Trang đầu", "1", "2", "Trang cuối"], B))
    else:  # videos
        page.head_title = f"Video - {site.name}"
        r.append(("title", rng.choice(["Video", "Xem lại chương trình", "Video nổi bật", "Truyền hình"]), B))
        for o in rng.sample(others, rng.randint(4, 8)):
            r.append(("link", o["title"], B))
            r.append(("line", fill(rng.choice(["0{n1}:{n2}", "{n3} lượt xem", "{n1}:{n2} · {n} giờ trước"])), B))
    bottom = [p for p in ("newsletter", "follow", "misc", "mostread", "family", "cookie") if rng.random() < 0.4]
    rng.shuffle(bottom)
    for part in bottom:
        widget(page, part, None)
    widget(page, "footer", None)
    return page


def build(raw: Path) -> list[dict]:
    articles = load_articles(raw, ARTICLES_PER_SITE * N_SITES + 500, residue=RESIDUE, seed=SEED)
    main, pool = articles[:ARTICLES_PER_SITE * N_SITES], articles[ARTICLES_PER_SITE * N_SITES:]
    out = []
    for number in range(1, N_SITES + 1):
        rng = random.Random(SEED * 1000 + number)
        site = Site(number, rng)
        others = rng.sample(pool, 60)
        pages = []
        if site.kind != "shop":
            for k in range(ARTICLES_PER_SITE):
                art = main[ARTICLES_PER_SITE * (number - 1) + k]
                pages.append((f"{site.id}_a{k}", "article",
                              article_page(site, art, others, rng, brief=k == 2 and rng.random() < 0.4), [art["id"]]))
        kinds = ["product", "product"] if site.kind == "shop" else [NO_ARTICLE[number % len(NO_ARTICLE)]]
        if site.kind == "shop":
            kinds.append(rng.choice(["listing", "search", "notfound"]))
        for j, kind in enumerate(kinds):
            pages.append((f"{site.id}_n{j}_{kind}", kind, no_article_page(site, kind, others, rng), []))
        out += [page_record(name, site.id, site.kind, kind, ids, page) for name, kind, page, ids in pages]
    return out


def main(argv: list[str]) -> int:
    raw = Path(argv[1] if len(argv) > 1 else Path(__file__).resolve().parents[3].parent / "shared" / "data" / "raw")
    write_pages(build(raw), OUT, "sites")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
