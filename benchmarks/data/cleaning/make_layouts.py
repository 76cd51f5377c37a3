"""Build the leave-one-layout-out cleaning set: Wikipedia articles rendered into many site layouts.

Every layout is drawn once from a seed: a site family (national paper, provincial paper, TV,
government portal, company/bank press page, blog, forum thread, Q&A, aggregator, long read),
a site name, which chrome components it has (top bar, menu, breadcrumb, meta line, share bar,
audio/video player controls, inline related box, tags, teaser blocks, most-read list, comments
or replies, cookie banner, newsletter box, poll, "follow us", app download, footer), in which
vocabulary and order, and how it is marked up (container tags, class naming scheme: English,
Vietnamese, BEM or opaque hashes; paragraphs as ``<p>``, ``<div>`` or ``<br>``-joined) and how
its page text comes out of a crawler (blank lines or not, menus on one line or one item per
line, table cells joined by tabs or bars, image placeholders). Each layout gets two article
pages (two different Wikipedia articles, never shared with another page; in every fourth
layout the second is a one- or two-paragraph brief) and every third
layout a page without an article (category listing, search results, tag page, 404 page with
teasers, product page with price/specs/reviews, forum index).

Every non-blank page-text line is labelled ``article`` (title, lead, body, headings, list items,
table rows), ``optional`` (captions and by-lines: sites differ in whether they are content) or
``boilerplate``. Output: one JSON object per page in ``layouts.jsonl.gz`` with ``name``,
``layout``, ``family``, ``kind`` (``article`` or the no-article kind), ``article_ids`` (the
Wikipedia rows used, for provenance), ``text``, ``html`` and ``labels`` ([line, label] for
every non-blank line of ``text``).

    python benchmarks/data/cleaning/make_layouts.py ../shared/data/raw   # rewrites layouts.jsonl.gz

Article text: Vietnamese Wikipedia (CC BY-SA 3.0), rows ``k % 7 == 3`` of the two raw files,
disjoint from the rows ``tests/data/cleaning/make_devset.py`` draws (``k % 7 == 0``).
"""

from __future__ import annotations

import gzip
import hashlib
import html as html_lib
import json
import random
import re
import sys
from pathlib import Path

OUT = Path(__file__).parent / "layouts.jsonl.gz"
SEED = 20261202
N_LAYOUTS = 66
SKIP_SECTIONS = {"tham khảo", "xem thêm", "liên kết ngoài", "chú thích", "ghi chú", "đọc thêm", "nguồn", "thư mục",
                 "thư viện ảnh", "hình ảnh", "danh sách", "tác phẩm", "sách", "đĩa nhạc", "danh hiệu"}

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
          "Lý", "Trịnh", "Mai", "Đinh", "Lâm", "Tạ"]
GIVEN = ["Khánh Linh", "Bảo Ngọc", "Gia Huy", "Minh Khôi", "Thảo Vy", "Đức Anh", "Hồng Nhung", "Trung Kiên",
         "Mỹ Duyên", "Thế Vinh", "Lan Hương", "Quốc Bảo", "Hà My", "Văn Toàn", "Thanh Tùng", "Kim Oanh"]
PLACES = ["Hà Nội", "TP.HCM", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Bình Định", "Thanh Hóa", "Gia Lai", "Sóc Trăng",
          "Quảng Trị", "Bắc Giang", "Kiên Giang", "Phú Yên", "Lào Cai"]
STREETS = ["Nguyễn Du", "Lê Lợi", "Hai Bà Trưng", "Điện Biên Phủ", "Phan Đình Phùng", "Quang Trung", "Bà Triệu"]

SITES = {
    "national": ["Báo Sự Kiện", "Tin Nhanh Việt", "Báo Đời Sống Mới", "Nhật báo Phương Nam", "Báo Dân Việt Online"],
    "provincial": ["Báo {p}", "Báo {p} điện tử", "{p} Online", "Đài PT-TH {p}"],
    "tv": ["Truyền hình {p}", "Đài Tiếng nói Nhân dân", "VTV Tin tức", "Radio Sóng Xanh"],
    "portal": ["Cổng thông tin điện tử tỉnh {p}", "Sở Giáo dục và Đào tạo {p}", "UBND huyện {p}", "Bộ Công Thương"],
    "company": ["Ngân hàng TMCP Phương Đông", "Tập đoàn Sao Mai", "Công ty CP Dược Hòa Bình", "Vietfin Bank"],
    "blog": ["Nhật ký của {g}", "Blog {g}", "Góc đọc chậm", "Viết cho bình yên"],
    "forum": ["Diễn đàn Otofun Việt", "Cộng đồng Tinh Tế", "Diễn đàn Webtretho", "Hội những người mê sách"],
    "qa": ["Hỏi đáp pháp luật", "Bác sĩ trả lời", "Hỏi Đáp Nhanh", "Tư vấn tuyển sinh"],
    "aggregator": ["Tin Tổng Hợp 24h", "Báo Mới Nhất", "Đọc Báo Nhanh"],
    "longread": ["Tạp chí Tia Sáng Mới", "Emagazine Đời Sống", "Tạp chí Văn Hóa Nghệ Thuật"],
}
MENUS = [["Thời sự", "Thế giới", "Kinh doanh", "Giải trí", "Thể thao", "Pháp luật", "Giáo dục", "Sức khỏe", "Đời sống"],
         ["Trang chủ", "Chính trị", "Kinh tế", "Xã hội", "Văn hóa", "Địa phương", "Multimedia", "Video"],
         ["Giới thiệu", "Tin tức", "Văn bản pháp luật", "Dịch vụ công", "Thủ tục hành chính", "Liên hệ"],
         ["Về chúng tôi", "Sản phẩm", "Tin tức", "Quan hệ cổ đông", "Tuyển dụng", "Liên hệ"],
         ["Home", "Du lịch", "Ẩm thực", "Sách hay", "Góc nhìn", "About"],
         ["Diễn đàn", "Có gì mới", "Bài mới", "Thành viên", "Tìm kiếm"],
         ["Podcast", "E-magazine", "Infographic", "Ảnh", "Tin nóng", "Tin mới"]]
TOPBAR = [["Đăng nhập", "Đăng ký"], ["Hotline: 1900 {n4} {n3}"], ["Hôm nay: {dow}, {dmy}"], ["English", "Tiếng Việt"],
          ["Tìm kiếm..."], ["Hà Nội 28°C", "TP.HCM 31°C"], ["Giá vàng", "Tỷ giá", "Chứng khoán"], ["Đặt báo", "Quảng cáo"]]
SHARE = ["Chia sẻ", "Chia sẻ bài viết", "Share", "Sao chép liên kết", "Copy link", "Lưu bài", "Gửi email", "In bài",
         "Facebook", "Zalo", "Twitter", "Messenger", "Gửi bài", "Theo dõi"]
PLAYER = [["Nghe bài viết", "Giọng nữ miền Bắc", "Giọng nam miền Nam"], ["00:00 / 0{m}:{s}", "Tốc độ", "0.75x", "1x", "1.25x", "1.5x"],
          ["Tắt tiếng", "Toàn màn hình", "Phát", "Tạm dừng"], ["Nghe bài", "Dừng", "Tự động phát"],
          ["Video đang phát", "Bỏ qua quảng cáo", "Phụ đề"]]
RELATED = ["Tin liên quan", "Bài viết liên quan", "Cùng chuyên mục", "Tin khác", "Có thể bạn quan tâm", "Đừng bỏ lỡ",
           "Đọc thêm", "TIN CÙNG CHỦ ĐỀ", "Bài cùng tác giả", "Tin mới hơn", "Tin cũ hơn", "Nổi bật", "Tiêu điểm",
           "Các bài viết khác", "Xem nhiều nhất", "Mới nhất", "Câu hỏi liên quan", "Sản phẩm tương tự"]
COMMENTS = ["Bình luận", "Ý kiến bạn đọc", "{n} bình luận", "Gửi ý kiến của bạn", "Phản hồi", "Trả lời",
            "Thảo luận", "Bình luận ({n})", "Để lại một bình luận", "Hãy là người đầu tiên bình luận"]
REPLY = ["Thích · Trả lời · {n} giờ", "Trả lời", "Like Reply", "{n} Thích", "Thích Trả lời Chia sẻ", "Báo vi phạm",
         "Trích dẫn Trả lời", "Hữu ích ({n})"]
USER_META = ["Tham gia: {dmy}", "Thành viên", "Bài viết: {n3}", "Thành viên tích cực", "Điểm: {n3}", "Ngày tham gia: {dmy}",
             "Mod", "Thành viên mới", "Đã tham gia {mon}"]
COOKIE = ["Chúng tôi sử dụng cookie để cải thiện trải nghiệm của bạn trên trang web.", "Đồng ý", "Tìm hiểu thêm",
          "Trang web này dùng cookie. Bằng việc tiếp tục truy cập, bạn đồng ý với chính sách của chúng tôi.",
          "Chấp nhận tất cả", "Tùy chỉnh"]
NEWSLETTER = ["Đăng ký nhận bản tin", "Nhập email của bạn", "Đăng ký", "Nhận tin mới nhất mỗi sáng qua email",
              "Bản tin sáng", "Đăng ký ngay để không bỏ lỡ tin tức quan trọng!"]
POLL = ["Bình chọn", "Bạn đánh giá thế nào về bài viết này?", "Rất hữu ích", "Bình thường", "Không hữu ích",
        "Xem kết quả", "Gửi bình chọn", "Khảo sát ý kiến"]
FOLLOW = ["Theo dõi chúng tôi", "Follow us", "Kết nối với chúng tôi", "Fanpage", "YouTube", "TikTok", "Tải ứng dụng",
          "Tải app trên App Store", "Google Play", "Quét mã QR để tải ứng dụng"]
MISC = ["Lên đầu trang", "Về trang chủ", "Quảng cáo", "ADVERTISEMENT", "Tin tài trợ", "Báo lỗi bài viết", "Góp ý",
        "Sơ đồ trang", "RSS", "Điều khoản sử dụng", "Chính sách bảo mật"]
FOOTER = ["Giấy phép số {n3}/GP-BTTTT do Bộ Thông tin và Truyền thông cấp ngày {dmy}",
          "Cơ quan chủ quản: {org}", "Tổng biên tập: {name}", "Phó Tổng biên tập: {name}",
          "Địa chỉ: {n2} {street}, {place}", "Trụ sở: Số {n2} đường {street}, {place}", "Điện thoại: 024.{n4}.{n4}",
          "Hotline: 09{n4}{n4}", "Fax: (028) {n4} {n4}", "Email: toasoan@{host}", "© {year} {site}. Bảo lưu mọi quyền.",
          "Bản quyền thuộc về {site}", "Ghi rõ nguồn {site} khi phát hành lại thông tin từ website này.",
          "Chịu trách nhiệm nội dung: {name}", "Mã số thuế: 0{n4}{n4}{n1}", "Website: www.{host}",
          "Liên hệ quảng cáo: 0{n2}{n4}{n4}", "Thiết kế bởi {org}", "Phát triển bởi Công ty Giải pháp Số"]
ORGS = ["Tỉnh ủy {p}", "UBND tỉnh {p}", "Hội Nhà báo Việt Nam", "Bộ Văn hóa, Thể thao và Du lịch", "Trung ương Hội Nông dân"]
TAGS = ["Từ khóa: {t}", "Tags: {t}", "Thẻ: {t}", "#{h1} #{h2} #{h3}", "Chủ đề: {t}", "{t}"]
DATE_FORMS = ["{dow}, {d:02d}/{m:02d}/{y} {hh:02d}:{mm:02d}", "{d:02d}/{m:02d}/{y} - {hh:02d}:{mm:02d}",
              "Cập nhật lúc {hh:02d}:{mm:02d}, {d:02d}/{m:02d}/{y}", "Ngày {d} tháng {m} năm {y}",
              "{y}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:00+07:00", "{hh:02d}:{mm:02d} {d:02d}/{m:02d}/{y}",
              "Đăng lúc: {d:02d}.{m:02d}.{y}", "{dow} {d}/{m}/{y}, {hh:02d}h{mm:02d}", "{n} giờ trước",
              "Thứ {w} ngày {d:02d}/{m:02d}/{y}"]
DOW = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
COMPONENTS_TOP = ["topbar", "menu", "breadcrumb", "cookie", "trending"]
COMPONENTS_BOTTOM = ["tags", "share", "related", "comments", "newsletter", "poll", "follow", "mostread", "misc"]
NO_ARTICLE_KINDS = ["listing", "search", "tagpage", "notfound", "product", "forumindex"]


def load_articles(raw: Path, n: int, residue: int = 3, seed: int = SEED) -> list[dict]:
    """Wikipedia articles with enough prose, as title + (kind, text) blocks; rows k % 7 == residue only
    (3 here; ``make_fresh.py`` takes 5), shuffled by ``seed``."""
    pool = []
    for file in ("viwiki19-articles.jsonl.gz", "viwiki17-articles.jsonl.gz"):
        with gzip.open(raw / file, "rt", encoding="utf-8") as f:
            for k, row in enumerate(f):
                if k % 7 != residue:
                    continue
                doc = json.loads(row)
                title = doc.get("title") or doc["title_lowercased"].capitalize()
                blocks, skip = [], False
                for line in doc["text"].split("\n"):
                    line = line.strip()
                    head = re.fullmatch(r"=+\s*(.*?)\s*=+", line)
                    if head:
                        skip = head[1].casefold() in SKIP_SECTIONS
                        if not skip and 3 <= len(head[1]) <= 60 and blocks:
                            blocks.append(("h", head[1]))
                        continue
                    if skip or not line or "displaystyle" in line or "\u200b" in line or "|" in line:
                        continue
                    if line.startswith("- ") and 4 <= len(line.split()) <= 30 and blocks:
                        blocks.append(("li", line[2:]))
                    elif len(line) >= 80 and line[-1] in ".!?\"”)":
                        blocks.append(("p", line))
                if sum(kind == "p" for kind, _ in blocks) >= 3 and 4 <= len(title) <= 90 and "(" not in title:
                    while blocks and blocks[-1][0] != "p":
                        blocks.pop()
                    pool.append({"id": f"{file.split('-')[0]}:{k}", "title": title, "blocks": blocks[:16]})
    random.Random(seed).shuffle(pool)
    return pool[:n]


class Layout:
    """One site layout: its family, vocabulary, chrome components, order, markup and text rendering."""

    def __init__(self, number: int, rng: random.Random) -> None:
        self.id = f"L{number:02d}"
        self.rng = rng
        self.family = list(SITES)[number % len(SITES)]
        place, given = rng.choice(PLACES), rng.choice(GIVEN)
        self.site = rng.choice(SITES[self.family]).format(p=place, g=given)
        self.host = re.sub(r"[^a-z]", "", _ascii(self.site).lower())[:14] + rng.choice([".vn", ".com.vn", ".gov.vn", ".net"])
        self.place = place
        menu = rng.choice(MENUS)
        self.menu = rng.sample(menu, k=rng.randint(4, min(6, len(menu))))
        self.top = [c for c in COMPONENTS_TOP if rng.random() < 0.65]
        rng.shuffle(self.top)
        self.bottom = [c for c in COMPONENTS_BOTTOM if rng.random() < 0.55] or ["related"]
        rng.shuffle(self.bottom)
        if self.family in ("forum", "qa", "blog") and "comments" not in self.bottom:
            self.bottom.insert(0, "comments")
        self.sidebar = rng.random() < 0.3                      # teasers between the header and the article
        self.meta = rng.sample(["date", "author", "views", "share", "player"], k=rng.randint(1, 4))
        self.meta_before_title = rng.random() < 0.3
        self.date_form = rng.choice(DATE_FORMS)
        self.share = rng.sample(SHARE, k=rng.randint(1, 5))
        self.player = rng.choice(PLAYER)
        self.related = rng.sample(RELATED, k=3)
        self.comment_head = rng.choice(COMMENTS)
        self.reply = rng.choice(REPLY)
        self.user_meta = rng.sample(USER_META, k=rng.randint(0, 2))
        self.tag_form = rng.choice(TAGS)
        self.teaser = rng.choice(["title", "title+lead", "title+date", "title+date+lead", "lead-only-titles"])
        self.footer = rng.sample(FOOTER, k=rng.randint(2, 7))
        self.org = rng.choice(ORGS).format(p=place)
        self.byline = rng.choice(["top", "bottom", "bottom-caps", "bottom-paren", "none", "top-label"])
        self.sapo_label = rng.random() < 0.15
        self.captions = rng.random() < 0.6
        self.caption_form = rng.choice(["{c}", "{c} Ảnh: {n}", "{c} (Ảnh: {n})", "Ảnh: {n}", "{c} - Ảnh minh họa"])
        self.inline_box = rng.random() < 0.35
        self.table = rng.choice([None, None, "stats", "standings"])
        self.short_paras = rng.random() < 0.25                 # split paragraphs into 1-2 sentence paragraphs
        self.source = rng.choice([None, "Nguồn: {h}", "Theo {s}", "(Theo {s})", "Nguồn tin: {s}"])
        # markup and crawler rendering
        self.classes = rng.choice(["english", "vietnamese", "bem", "opaque", "bare"])
        self.container = rng.choice(["article", "div", "section", "main"])
        self.para_tag = rng.choice(["p", "p", "div", "br"])
        self.title_tag = rng.choice(["h1", "h1", "h2", "div"])
        self.menu_markup = rng.choice(["ul", "links", "select"])
        self.blank_lines = rng.random() < 0.5
        self.menu_text = rng.choice(["line", "lines"])
        self.menu_sep = rng.choice([" | ", " • ", "   ", "\t", " / ", " - "])
        self.cell_sep = rng.choice(["\t", " | ", "  "])
        self.image_mark = rng.choice(["\u00a0", "", "[Ảnh]", "Ảnh"])

    def cls(self, role: str) -> str:
        """The class name this layout gives to a region ('' in bare markup)."""
        vi = {"nav": "thanh-dieu-huong", "footer": "chan-trang", "comments": "binh-luan", "related": "tin-lien-quan",
              "share": "chia-se", "article": "noi-dung", "title": "tieu-de", "meta": "thong-tin", "sidebar": "cot-phai",
              "tags": "tu-khoa", "widget": "tien-ich", "caption": "chu-thich", "header": "dau-trang", "teaser": "tin"}
        if self.classes == "bare":
            return ""
        if self.classes == "english":
            return role
        if self.classes == "vietnamese":
            return vi.get(role, role)
        if self.classes == "bem":
            return f"site__{role} site__{role}--v{len(self.id)}"
        return "c" + hashlib.md5((self.id + role).encode()).hexdigest()[:6]


def _ascii(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D").encode("ascii", "ignore").decode()


class Page:
    """A page as regions of blocks; each block is (kind, text or cells, label)."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.regions: list[tuple[str, list[tuple[str, object, str]]]] = []

    def region(self, role: str) -> list:
        blocks: list = []
        self.regions.append((role, blocks))
        return blocks

    def text_lines(self) -> list[tuple[str, str]]:
        """The page as a crawler's text extraction gives it: (line, label), '' lines are blank."""
        lay, out = self.layout, []
        for role, blocks in self.regions:
            for kind, content, label in blocks:
                if kind == "menu":
                    if lay.menu_text == "line":
                        out.append((lay.menu_sep.join(content), label))
                    else:
                        out.extend((item, label) for item in content)
                elif kind == "row":
                    out.append((lay.cell_sep.join(content), label))
                elif kind == "img":
                    out.append((lay.image_mark, "blank"))
                else:
                    out.append((content, label))
                if lay.blank_lines and kind in ("p", "h", "title", "li"):
                    out.append(("", "blank"))
            if not lay.blank_lines:
                continue
            out.append(("", "blank"))
        return out

    def html(self) -> str:
        lay = self.layout
        esc = html_lib.escape
        parts = ["<!DOCTYPE html>", '<html lang="vi"><head><meta charset="utf-8">',
                 f"<title>{esc(self.head_title)}</title></head><body>"]
        for role, blocks in self.regions:
            tag = {"header": "header", "nav": "nav", "footer": "footer", "article": lay.container}.get(role, "div")
            klass = lay.cls(role)
            parts.append(f'<{tag}{f" class={chr(34)}{klass}{chr(34)}" if klass else ""}>')
            in_list = False
            br_run: list[str] = []
            for kind, content, label in blocks:
                if kind != "li" and in_list:
                    parts.append("</ul>")
                    in_list = False
                if kind != "p" and br_run:
                    parts.append("<div>" + "<br><br>".join(br_run) + "</div>")
                    br_run = []
                if kind == "menu":
                    if lay.menu_markup == "ul":
                        parts.append("<ul>" + "".join(f'<li><a href="/{i}">{esc(x)}</a></li>' for i, x in enumerate(content)) + "</ul>")
                    elif lay.menu_markup == "select":
                        parts.append("<div>" + "".join(f'<div><a href="/{i}">{esc(x)}</a></div>' for i, x in enumerate(content)) + "</div>")
                    else:
                        parts.append("<div>" + "".join(f'<div><a href="/m{i}">{esc(x)}</a></div>' for i, x in enumerate(content)) + "</div>")
                elif kind == "row":
                    parts.append("<table><tr>" + "".join(f"<td>{esc(c)}</td>" for c in content) + "</tr></table>")
                elif kind == "img":
                    parts.append(f'<figure><img src="/img/{len(parts)}.jpg" alt=""></figure>')
                elif kind == "title":
                    t = lay.title_tag
                    parts.append(f'<{t} class="{lay.cls("title")}">{esc(content)}</{t}>' if t != "div"
                                 else f'<div class="{lay.cls("title")}"><b>{esc(content)}</b></div>')
                elif kind == "h":
                    parts.append(f"<h3>{esc(content)}</h3>" if lay.para_tag != "div" else f"<div><strong>{esc(content)}</strong></div>")
                elif kind == "p":
                    if lay.para_tag == "br" and role == "article":
                        br_run.append(esc(content))
                    elif lay.para_tag == "div":
                        parts.append(f"<div>{esc(content)}</div>")
                    else:
                        parts.append(f"<p>{esc(content)}</p>")
                elif kind == "li":
                    if not in_list:
                        parts.append("<ul>")
                        in_list = True
                    parts.append(f"<li>{esc(content)}</li>")
                elif kind == "caption":
                    parts.append(f'<p class="{lay.cls("caption")}"><em>{esc(content)}</em></p>')
                elif kind == "link":
                    parts.append(f'<h4><a href="/bai-{len(parts)}.html">{esc(content)}</a></h4>')
                elif kind == "button":
                    parts.append(f'<div><a href="#" role="button">{esc(content)}</a></div>')
                else:
                    parts.append(f"<div>{esc(content)}</div>")
            if in_list:
                parts.append("</ul>")
            if br_run:
                parts.append("<div>" + "<br><br>".join(br_run) + "</div>")
            parts.append(f"</{tag}>")
        parts.append("</body></html>")
        return "\n".join(parts)


def _fill(template: str, lay: Layout, rng: random.Random, **extra) -> str:
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2016, 2025)
    values = dict(n=rng.randint(2, 95), n1=rng.randint(1, 9), n2=rng.randint(10, 99), n3=rng.randint(100, 999),
                  n4=rng.randint(1000, 9999), dmy=f"{d:02d}/{m:02d}/{y}", dow=rng.choice(DOW), mon=f"{m}/{y}",
                  d=d, m=m, y=y, hh=rng.randint(0, 23), mm=rng.randint(0, 59), w=rng.randint(2, 7),
                  name=person(rng), org=lay.org, site=lay.site, host=lay.host, street=rng.choice(STREETS),
                  place=lay.place, year=rng.randint(2010, 2025), s=rng.choice(["TTXVN", "VnExpress", "Tuổi Trẻ", "Báo Nhân Dân"]),
                  h=lay.host, s_=0)
    values.update(extra)
    return template.format(**values)


def person(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}"


def first_sentence(text: str, words: int = 22) -> str:
    return " ".join(re.split(r"(?<=[.!?])\s+", text)[0].split()[:words]).rstrip(",;:.") + "."


def lead_of(art: dict) -> str:
    return next(t for kind, t in art["blocks"] if kind == "p")


def teasers(lay: Layout, rng: random.Random, others: list[dict], n: int, form: str | None = None) -> list:
    """A block of teasers (related articles, listings) in the layout's form."""
    form = form or lay.teaser
    out = []
    for other in rng.sample(others, n):
        if form == "lead-only-titles":
            out.append(("link", other["title"], "boilerplate"))
            continue
        out.append(("link", other["title"], "boilerplate"))
        if "date" in form:
            out.append(("line", _fill(lay.date_form, lay, rng), "boilerplate"))
        if "lead" in form:
            out.append(("p", first_sentence(lead_of(other), rng.randint(15, 40)), "boilerplate"))
    return out


def chrome(page: Page, lay: Layout, rng: random.Random, part: str, others: list[dict], art_title: str) -> None:
    """Add one chrome component (a region of boilerplate blocks)."""
    b = "boilerplate"
    if part == "topbar":
        r = page.region("header")
        for item in rng.choice(TOPBAR):
            r.append(("button", _fill(item, lay, rng), b))
        r.append(("line", lay.site, b))
    elif part == "menu":
        page.region("nav").append(("menu", lay.menu, b))
    elif part == "breadcrumb":
        sep = rng.choice([" > ", " » ", " / ", " › ", " >> "])
        start = rng.choice(["Trang chủ", "Home", ""])
        crumbs = ([start] if start else []) + rng.sample(lay.menu, k=rng.randint(1, 2))
        page.region("breadcrumb").append(("line", sep.join(crumbs), b))
    elif part == "cookie":
        r = page.region("widget")
        for line in rng.sample(COOKIE, k=rng.randint(2, 3)):
            r.append(("button" if len(line) < 25 else "line", line, b))
    elif part == "trending":
        r = page.region("widget")
        r.append(("line", rng.choice(["Xu hướng:", "Sự kiện:", "Tiêu điểm:", "Nóng:"]), b))
        for other in rng.sample(others, 3):
            r.append(("link", other["title"], b))
    elif part == "tags":
        words = [o["title"] for o in rng.sample(others, 3)]
        hashes = [re.sub(r"\W", "", _ascii(w)) for w in words]
        r = page.region("tags")
        form = lay.tag_form
        if form == "{t}":
            r.extend(("button", w, b) for w in words)
        else:
            r.append(("line", form.format(t=", ".join(words), h1=hashes[0], h2=hashes[1], h3=hashes[2]), b))
    elif part == "share":
        r = page.region("share")
        r.extend(("button", s, b) for s in lay.share)
    elif part == "related":
        r = page.region("related")
        r.append(("line", lay.related[0], b))
        r.extend(teasers(lay, rng, others, rng.randint(3, 6)))
    elif part == "mostread":
        r = page.region("sidebar")
        r.append(("line", lay.related[1], b))
        for k, other in enumerate(rng.sample(others, 5), 1):
            r.append(("link", f"{k} {other['title']}" if rng.random() < 0.5 else other["title"], b))
    elif part == "comments":
        r = page.region("comments")
        r.append(("line", _fill(lay.comment_head, lay, rng), b))
        for _ in range(rng.randint(1, 4)):
            user = rng.choice([person(rng), _ascii(rng.choice(GIVEN)).lower().replace(" ", "") + str(rng.randint(1, 99))])
            r.append(("line", user, b))
            for meta in lay.user_meta:
                r.append(("line", _fill(meta, lay, rng), b))
            r.append(("line", _fill(lay.date_form, lay, rng), b))
            other = rng.choice(others)
            text = rng.choice([first_sentence(lead_of(other), rng.randint(8, 30)),
                               rng.choice(["Bài viết rất hay, cảm ơn tác giả!", "Đồng ý với ý kiến trên.",
                                           "Mong có thêm nhiều bài như thế này.", "Thông tin rất bổ ích, mình sẽ chia sẻ cho bạn bè.",
                                           "Cho mình hỏi thêm về vấn đề này được không ạ?"])])
            r.append(("p", text, b))
            r.append(("button", _fill(lay.reply, lay, rng), b))
        if rng.random() < 0.5:
            r.append(("button", rng.choice(["Xem thêm bình luận", "Gửi bình luận", "Đăng nhập để bình luận"]), b))
    elif part == "newsletter":
        r = page.region("widget")
        r.extend(("button" if len(x) < 25 else "line", x, b) for x in rng.sample(NEWSLETTER, k=rng.randint(2, 4)))
    elif part == "poll":
        r = page.region("widget")
        r.extend(("button", x, b) for x in POLL[:rng.randint(4, 7)])
    elif part == "follow":
        r = page.region("widget")
        r.extend(("button", x, b) for x in rng.sample(FOLLOW, k=rng.randint(2, 5)))
    elif part == "misc":
        r = page.region("widget")
        r.extend(("button", x, b) for x in rng.sample(MISC, k=rng.randint(1, 4)))


def footer(page: Page, lay: Layout, rng: random.Random) -> None:
    r = page.region("footer")
    if rng.random() < 0.5:
        r.append(("menu", lay.menu, "boilerplate"))
    r.append(("line", lay.site, "boilerplate"))
    r.extend(("line", _fill(f, lay, rng), "boilerplate") for f in lay.footer)


def table(lay: Layout, rng: random.Random) -> list:
    if lay.table == "stats":
        rows = [["Năm", "Số lượng", "Tỷ lệ"]] + [[str(y), f"{rng.randint(1, 900)}.{rng.randint(100, 999)}",
                                                    f"{rng.randint(1, 99)},{rng.randint(1, 9)}%"] for y in range(2019, 2023)]
    else:
        teams = rng.sample(["Hà Nội", "Hải Phòng", "Nam Định", "Thanh Hóa", "Bình Dương", "Công an Hà Nội", "Viettel",
                            "SLNA", "Quảng Nam", "Đà Nẵng"], 5)
        rows = [["TT", "Đội", "Trận", "Điểm"]] + [[str(k), t, str(rng.randint(10, 20)), str(40 - 4 * k)]
                                                   for k, t in enumerate(teams, 1)]
    return [("row", row, "article") for row in rows]


def article_page(lay: Layout, art: dict, others: list[dict], rng: random.Random, brief: bool = False) -> Page:
    page = Page(lay)
    page.head_title = f"{art['title']} - {lay.site}"
    for part in lay.top:
        chrome(page, lay, rng, part, others, art["title"])
    if lay.sidebar:
        r = page.region("sidebar")
        r.append(("line", lay.related[2], "boilerplate"))
        r.extend(teasers(lay, rng, others, 3))
    body = page.region("article")
    author = person(rng)
    meta = []
    for m in lay.meta:
        if m == "date":
            meta.append(("line", _fill(lay.date_form, lay, rng), "boilerplate"))
        elif m == "author" and lay.byline.startswith("top"):
            meta.append(("line", f"Tác giả: {author}" if lay.byline == "top-label" else author, "optional"))
        elif m == "views":
            meta.append(("line", rng.choice([f"{rng.randint(100, 90000)} lượt xem", f"Lượt đọc: {rng.randint(10, 9999)}",
                                             f"{rng.randint(1, 300)} bình luận", f"{rng.randint(1, 9)} phút đọc"]), "boilerplate"))
        elif m == "share":
            meta.extend(("button", s, "boilerplate") for s in lay.share[:3])
        elif m == "player":
            meta.extend(("button", _fill(x, lay, rng, m=rng.randint(1, 9), s=rng.randint(10, 59)), "boilerplate")
                        for x in lay.player)
    if lay.meta_before_title:
        body.extend(meta)
    title = art["title"]
    if lay.family == "forum":
        title = rng.choice(["[Hỏi] ", "[Chia sẻ] ", "", "Thảo luận: "]) + title
    elif lay.family == "qa":
        title = f"{title} là gì?" if rng.random() < 0.5 else f"Hỏi về {title[:1].lower()}{title[1:]}"
    body.append(("title", title, "article"))
    if not lay.meta_before_title:
        body.extend(meta)
    if lay.family == "forum":
        body.append(("line", _ascii(rng.choice(GIVEN)).lower().replace(" ", "_") + str(rng.randint(1, 999)), "boilerplate"))
        body.extend(("line", _fill(x, lay, rng), "boilerplate") for x in lay.user_meta)
    if lay.family == "qa":
        body.append(("line", rng.choice(["Câu hỏi:", "Hỏi:", "Bạn đọc hỏi:"]), "boilerplate"))
    blocks = list(art["blocks"])
    if brief:  # a news brief: one or two paragraphs
        blocks = [b for b in blocks if b[0] == "p"][:rng.randint(1, 2)]
    if lay.short_paras:
        split = []
        for kind, text in blocks:
            if kind != "p":
                split.append((kind, text))
                continue
            sentences = re.split(r"(?<=[.!?])\s+", text)
            chunk = []
            for s in sentences:
                chunk.append(s)
                if len(" ".join(chunk)) > 120:
                    split.append(("p", " ".join(chunk)))
                    chunk = []
            if chunk:
                split.append(("p", " ".join(chunk)))
        blocks = split
    first = True
    n_paras = sum(kind == "p" for kind, _ in blocks)
    k_para = 0
    for kind, text in blocks:
        if first and kind == "p" and lay.sapo_label:
            body.append(("line", rng.choice(["Tóm tắt", "Sapo", "(Dân trí) -"]), "boilerplate"))
        if kind == "p" and lay.family == "qa" and k_para == 1:
            body.append(("line", rng.choice(["Trả lời:", "Luật sư tư vấn:", "Chuyên gia trả lời:"]), "boilerplate"))
        body.append((kind, text, "article"))
        if kind == "p":
            k_para += 1
        if kind == "p" and lay.captions and rng.random() < 0.2:
            body.append(("img", "", "blank"))
            cap = first_sentence(text, rng.randint(6, 16))
            body.append(("caption", lay.caption_form.format(c=cap, n=person(rng)), "optional"))
        if kind == "p" and lay.inline_box and k_para == max(2, n_paras // 2):
            body.append(("line", rng.choice(["Xem thêm:", "Tin liên quan:", "ĐỌC THÊM", ">> Xem thêm"]), "boilerplate"))
            body.extend(("link", o["title"], "boilerplate") for o in rng.sample(others, rng.randint(1, 3)))
        if kind == "p" and rng.random() < 0.04:
            body.append(("button", rng.choice(["Quảng cáo", "ADVERTISEMENT", "Tin tài trợ"]), "boilerplate"))
        first = first and kind != "p"
    if lay.table:
        body.append(("p", rng.choice(["Số liệu cụ thể như sau:", "Bảng tổng hợp dưới đây cho thấy điều đó.",
                                      "Kết quả được thống kê trong bảng sau."]), "article"))
        body.extend(table(lay, rng))
    if lay.byline.startswith("bottom"):
        form = {"bottom": author, "bottom-caps": author.upper(), "bottom-paren": f"{author} ({rng.choice(PLACES)})"}
        body.append(("line", form[lay.byline], "optional"))
    if lay.source:
        body.append(("line", _fill(lay.source, lay, rng), "boilerplate"))
    if lay.family == "aggregator":
        body.append(("button", rng.choice(["Xem bài gốc", "Đọc bài gốc tại nguồn", "Xem nguồn"]), "boilerplate"))
    for part in lay.bottom:
        chrome(page, lay, rng, part, others, art["title"])
    footer(page, lay, rng)
    return page


def no_article_page(lay: Layout, kind: str, others: list[dict], rng: random.Random) -> Page:
    page = Page(lay)
    b = "boilerplate"
    for part in lay.top:
        chrome(page, lay, rng, part, others, "")
    r = page.region("article")
    if kind == "listing":
        page.head_title = f"{lay.menu[0]} - {lay.site}"
        r.append(("title", lay.menu[0], b))
        r.extend(teasers(lay, rng, others, 8, rng.choice(["title+lead", "title+date+lead"])))
        r.extend(("button", x, b) for x in ["Xem thêm", "1", "2", "3", "Trang sau »"][:rng.randint(1, 5)])
    elif kind == "search":
        q = rng.choice(others)["title"].split()[0]
        page.head_title = f"Tìm kiếm: {q}"
        r.append(("line", f"Kết quả tìm kiếm cho \"{q}\"", b))
        r.append(("line", f"Tìm thấy {rng.randint(20, 900)} kết quả", b))
        r.extend(teasers(lay, rng, others, 7, "title+date+lead"))
    elif kind == "tagpage":
        tag = rng.choice(others)["title"]
        page.head_title = f"Tag: {tag}"
        r.append(("title", rng.choice([f"Tag: {tag}", f"#{re.sub(r'[^A-Za-z]', '', _ascii(tag))}", f"Chủ đề: {tag}"]), b))
        r.extend(teasers(lay, rng, others, 6, "title+lead"))
    elif kind == "notfound":
        page.head_title = "404 - Không tìm thấy trang"
        r.append(("title", rng.choice(["404", "Không tìm thấy trang", "Lỗi 404: Trang không tồn tại", "Oops! Trang không tồn tại"]), b))
        r.append(("p", rng.choice(["Trang bạn đang tìm kiếm có thể đã bị xóa, đổi tên hoặc tạm thời không truy cập được.",
                                   "Rất tiếc, đường dẫn bạn truy cập không tồn tại hoặc đã bị gỡ bỏ khỏi hệ thống của chúng tôi.",
                                   "Xin lỗi, chúng tôi không tìm thấy nội dung bạn yêu cầu. Vui lòng kiểm tra lại địa chỉ hoặc quay về trang chủ."]), b))
        r.append(("button", "Về trang chủ", b))
        r.append(("line", rng.choice(["Có thể bạn quan tâm", "Tin mới nhất", "Bài viết nổi bật"]), b))
        r.extend(teasers(lay, rng, others, 5, "title+lead"))
    elif kind == "product":
        name = rng.choice(["Máy lọc không khí", "Nồi chiên không dầu", "Điện thoại", "Tai nghe không dây", "Sữa rửa mặt"])
        name = f"{name} {rng.choice(['Sunhouse', 'Philips', 'Xiaomi', 'Samsung', 'Cetaphil'])} {rng.choice(['X5', 'Pro Max', '3.5L', 'A12'])}"
        page.head_title = name
        r.append(("title", name, b))
        r.append(("line", f"{rng.randint(1, 9)}.{rng.randint(100, 990)}.000₫", b))
        r.append(("line", f"Giá gốc: {rng.randint(2, 19)}.{rng.randint(100, 990)}.000₫ -{rng.randint(5, 50)}%", b))
        r.append(("line", f"★★★★☆ {rng.randint(10, 999)} đánh giá | Đã bán {rng.randint(1, 9)},{rng.randint(1, 9)}k", b))
        r.extend(("button", x, b) for x in ["Thêm vào giỏ hàng", "Mua ngay", "Trả góp 0%"])
        r.append(("line", "Thông số kỹ thuật", b))
        for k, v in [("Thương hiệu", "Philips"), ("Xuất xứ", "Trung Quốc"), ("Bảo hành", "12 tháng"),
                     ("Công suất", f"{rng.randint(20, 2000)} W"), ("Trọng lượng", f"{rng.randint(1, 9)},{rng.randint(1, 9)} kg")]:
            r.append(("row", [k, v], b))
        r.append(("line", "Mô tả sản phẩm", b))
        r.append(("p", rng.choice([
            "Sản phẩm được thiết kế nhỏ gọn, phù hợp với mọi không gian, giúp gia đình bạn tiết kiệm thời gian và công sức mỗi ngày.",
            "Với công nghệ hiện đại cùng chất liệu cao cấp, sản phẩm mang lại trải nghiệm sử dụng bền bỉ và an toàn cho cả gia đình."]), b))
        r.append(("line", "Đánh giá sản phẩm", b))
        for _ in range(rng.randint(2, 4)):
            r.append(("line", person(rng), b))
            r.append(("line", rng.choice(["★★★★★", "★★★★☆", "5/5"]), b))
            r.append(("p", rng.choice(["Hàng giao nhanh, đóng gói cẩn thận, dùng rất thích.", "Sản phẩm tốt so với giá tiền, sẽ ủng hộ shop lần sau.",
                                       "Giao hàng hơi chậm nhưng chất lượng ổn, nhân viên tư vấn nhiệt tình."]), b))
            r.append(("button", _fill(lay.reply, lay, rng), b))
        r.append(("line", "Sản phẩm tương tự", b))
        r.extend(("link", f"{o['title'][:30]} - {rng.randint(100, 999)}.000₫", b) for o in rng.sample(others, 4))
    elif kind == "forumindex":
        page.head_title = lay.site
        r.append(("title", rng.choice(["Diễn đàn", "Chuyên mục thảo luận", "Cộng đồng"]), b))
        for other in rng.sample(others, 6):
            r.append(("link", other["title"], b))
            r.append(("line", rng.choice([f"Chủ đề: {rng.randint(10, 9999)} Bài viết: {rng.randint(100, 99999)}",
                                          f"{rng.randint(10, 9999)} chủ đề · {rng.randint(100, 99999)} bài viết"]), b))
            r.append(("line", f"Bài mới nhất bởi {_ascii(rng.choice(GIVEN)).lower().replace(' ', '')}{rng.randint(1, 99)}, "
                              f"{_fill('{dmy}', lay, rng)}", b))
        r.append(("line", f"Thành viên trực tuyến: {rng.randint(50, 3000)}", b))
    for part in lay.bottom:
        if part not in ("comments", "related", "tags"):
            chrome(page, lay, rng, part, others, "")
    footer(page, lay, rng)
    return page


def build(raw: Path) -> list[dict]:
    n_no_article = (N_LAYOUTS + 2) // 3
    articles = load_articles(raw, 2 * N_LAYOUTS + 400)
    main, pool = articles[:2 * N_LAYOUTS], articles[2 * N_LAYOUTS:]
    out = []
    for number in range(N_LAYOUTS):
        rng = random.Random(SEED * 1000 + number)
        lay = Layout(number, rng)
        others = rng.sample(pool, 40)  # teaser titles and leads: other articles, never the page's own
        pages = [(f"{lay.id}_a{k}", "article", article_page(lay, main[2 * number + k], others, rng,
                                                            brief=k == 1 and number % 4 == 1), [main[2 * number + k]["id"]])
                 for k in range(2)]
        if number % 3 == 0:
            kind = NO_ARTICLE_KINDS[(number // 3) % len(NO_ARTICLE_KINDS)]
            pages.append((f"{lay.id}_n_{kind}", kind, no_article_page(lay, kind, others, rng), []))
        out += [page_record(name, lay.id, lay.family, kind, ids, page) for name, kind, page, ids in pages]
    assert sum(p["kind"] != "article" for p in out) == n_no_article
    return out


def main(argv: list[str]) -> int:
    raw = Path(argv[1] if len(argv) > 1 else Path(__file__).resolve().parents[3].parent / "shared" / "data" / "raw")
    write_pages(build(raw), OUT, "layouts")
    return 0


def page_record(name: str, layout: str, family: str, kind: str, ids: list, page) -> dict:
    """One page of a set as stored: its page text, HTML and the label of every non-blank line."""
    lines = page.text_lines()
    labels = [[line.strip(), "boilerplate" if label == "blank" else label] for line, label in lines if line.strip()]
    return {"name": name, "layout": layout, "family": family, "kind": kind, "article_ids": ids,
            "text": "\n".join(line for line, _ in lines) + "\n", "html": page.html(), "labels": labels}


def write_pages(pages: list[dict], out: Path, unit: str) -> None:
    """Write a set as gzip-compressed JSON Lines without a timestamp (the same pages, the same bytes)."""
    with gzip.GzipFile(out, "wb", mtime=0) as f:
        for page in pages:
            f.write((json.dumps(page, ensure_ascii=False) + "\n").encode("utf-8"))
    print(f"{len(pages)} pages, {len({p['layout'] for p in pages})} {unit}, "
          f"{sum(p['kind'] != 'article' for p in pages)} without an article -> {out} ({out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
