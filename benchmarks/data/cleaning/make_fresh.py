"""Build the fresh held-out cleaning group: new site layouts, frozen before any model change was scored on it.

The layout set (``make_layouts.py``) was looked at while the classifier was developed, and every
one of its layouts draws from the same chrome vocabulary. This group is written apart from it,
with its own wording, page kinds and markup, after the issue's list of errors on real pages:
widgets that no phrase list knows (listen/speed/copy-link bars, video-player controls, polls,
sign-in and newsletter boxes, cookie banners, "follow us", app prompts), teaser blocks of title +
lead pairs (with and without a heading), tags, hashtags and the site name, blog comments and forum
replies with user names, join dates and Like/Reply lines, Q&A pages with related questions,
contact and disclaimer lines, tables whose rows are article content (tab-separated standings and
figures), an aggregator page and a forum first post that must not come back empty, and news-like
titles of 1-15 words. Pages without an article: product pages (price, specs, description,
reviews), 404 pages with teaser leads, forum indexes, search results, tag pages and section
listings.

Every layout (F01 ... F24) gets two article pages; every second layout also gets a page without
an article. Labels and output are those of ``make_layouts.py`` (``fresh.jsonl.gz``: ``name``,
``layout``, ``family``, ``kind``, ``article_ids``, ``text``, ``html``, ``labels``), so
:func:`tachtu.cleaning.evaluate.load` reads it.

    python benchmarks/data/cleaning/make_fresh.py ../shared/data/raw   # rewrites fresh.jsonl.gz

Article text: Vietnamese Wikipedia (CC BY-SA 3.0), rows ``k % 7 == 5`` of the two raw files,
disjoint from the layout set's (``k % 7 == 3``) and the regression set's (``k % 7 == 0``).
"""

from __future__ import annotations

import html as html_lib
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from make_layouts import _ascii, first_sentence, load_articles, page_record, write_pages  # noqa: E402  (shared)

OUT = Path(__file__).parent / "fresh.jsonl.gz"
SEED = 20261207
N_LAYOUTS = 24
B, A, O = "boilerplate", "article", "optional"

SURNAMES = ["Nguyễn", "Trần", "Lương", "Châu", "Huỳnh", "Kiều", "Tô", "Quách", "La", "Thái", "Đoàn", "Cao", "Lưu", "Văn"]
NAMES = ["Thu Trang", "Hoài An", "Nhật Minh", "Phương Thảo", "Quang Hải", "Tuấn Kiệt", "Ngọc Ánh", "Bích Phượng",
         "Xuân Trường", "Diệu Linh", "Hữu Phước", "Thanh Bình", "Cẩm Tú", "Đình Trọng"]
HANDLES = ["bonghongxanh", "tieuphu_89", "xeom2k", "meo_muop", "anhtuan.hn", "thaonguyen", "hoanglong1990",
           "camera_cu", "bacsi_nhi", "kientruc_sg", "dongho_xua", "lanhlung99"]
PLACES = ["Nghệ An", "Quảng Ninh", "Lâm Đồng", "An Giang", "Thái Bình", "Hà Tĩnh", "Bến Tre", "Đắk Lắk", "Ninh Bình",
          "Vĩnh Long", "Tuyên Quang", "Khánh Hòa"]
FAMILIES = ["national", "tv", "provincial", "portal", "company", "blog", "forum", "qa", "aggregator", "longread"]
SITES = {
    "national": ["Báo Điện tử Sông Hồng", "Tin Việt Hôm Nay", "Nhật báo Đồng Hành", "Báo Thời Đại Số"],
    "tv": ["Đài Phát thanh và Truyền hình {p}", "Kênh Thời Sự 24", "Đài Tiếng nói Miền Trung", "THVN Online"],
    "provincial": ["Báo {p} Ngày Nay", "Tin tức {p}", "Báo {p} Điện tử"],
    "portal": ["Cổng thông tin điện tử huyện {p}", "Sở Tài nguyên và Môi trường {p}", "Cục Quản lý Thị trường {p}"],
    "company": ["Ngân hàng TMCP Bình Minh", "Tập đoàn Năng lượng Hải Đăng", "Công ty CP Sữa Đồng Xanh"],
    "blog": ["Sổ tay của {g}", "Chuyện nhà {g}", "Đi và Viết", "Trang riêng của {g}"],
    "forum": ["Diễn đàn Xe Việt", "Cộng đồng Nhiếp ảnh Số", "Hội Yêu Sử Việt", "Diễn đàn Tin học Phổ thông"],
    "qa": ["Thư viện Hỏi đáp Luật", "Hỏi bác sĩ online", "Cẩm nang Hỏi đáp", "Tư vấn Giáo dục 24/7"],
    "aggregator": ["Tin Nhanh Tổng Hợp", "Đọc Báo 24/7", "Điểm Tin Mỗi Ngày"],
    "longread": ["Tạp chí Người Đọc", "Chuyên đề Dài kỳ", "Tạp chí Khám Phá Việt"],
}
SLOGANS = ["Thông tin nhanh - Chính xác - Tin cậy", "Tiếng nói của Đảng bộ, chính quyền và nhân dân tỉnh {p}",
           "Kết nối bạn đọc muôn phương", "Đồng hành cùng khách hàng từ 1998", "Nơi chia sẻ đam mê",
           "Chuyên trang của những người thích đọc chậm"]
MENUS = {
    "news": ["Thời cuộc", "Kinh tế số", "Bất động sản", "Xe", "Công nghệ", "Du lịch", "Bạn đọc", "Nhịp sống",
             "Quốc phòng - An ninh", "Nông nghiệp - Nông thôn", "Ảnh", "Tòa soạn"],
    "tv": ["Truyền hình trực tiếp", "Lịch phát sóng", "Phát thanh", "Chương trình", "Thời sự", "Phóng sự", "Clip hay"],
    "portal": ["Tin tức - Sự kiện", "Chỉ đạo điều hành", "Văn bản chỉ đạo", "Công khai ngân sách", "Dịch vụ công trực tuyến",
               "Lịch công tác", "Hỏi đáp trực tuyến"],
    "company": ["Khách hàng cá nhân", "Khách hàng doanh nghiệp", "Nhà đầu tư", "Thông cáo báo chí", "Mạng lưới ATM",
                "Biểu phí", "Cơ hội nghề nghiệp"],
    "blog": ["Trang nhà", "Tản mạn", "Sách đã đọc", "Những chuyến đi", "Lưu trữ", "Về tác giả"],
    "forum": ["Diễn đàn", "Hoạt động mới", "Chủ đề chưa đọc", "Chợ", "Hỏi đáp kỹ thuật", "Nội quy"],
    "qa": ["Đặt câu hỏi", "Câu hỏi mới", "Lĩnh vực", "Chuyên gia", "Biểu mẫu", "Liên hệ tư vấn"],
}
MENU_OF = {"national": "news", "provincial": "news", "aggregator": "news", "longread": "news", "tv": "tv",
           "portal": "portal", "company": "company", "blog": "blog", "forum": "forum", "qa": "qa"}
TOPBAR = [["Xin chào, Khách", "Đăng nhập bằng Google"], ["Đặt mua báo in", "E-paper", "Liên hệ tòa soạn"],
          ["Đường dây nóng: 0912 {n3} {n3}"], ["Tài khoản của tôi", "Thoát"], ["Tiếng Anh", "Tiếng Trung", "Tiếng Khmer"],
          ["Nhập từ khóa cần tìm"], ["Lâm Đồng 19°C Sương mù", "Chỉ số UV: 5"], ["Vàng SJC 78,5", "USD 25.340"]]
LISTEN = [["Đọc bài báo", "Giọng đọc: Miền Bắc", "Tốc độ đọc", "Bình thường"],
          ["Nghe tin", "0:00", "-:--", "Tải âm thanh"], ["Bật loa đọc bài", "Giọng Nam Bộ"],
          ["Nghe bản audio", "Tốc độ phát: 1x", "Âm lượng"]]
VIDEO = ["Đang phát", "Xem lại", "Chất lượng: 720p", "Tốc độ phát: 1.25x", "Chế độ rạp hát", "Phóng to toàn màn hình",
         "Xem tiếp sau 5 giây", "Đóng video", "Bật phụ đề"]
TOOLS = ["Sao chép đường dẫn", "Đã sao chép!", "Gửi cho bạn bè", "Chia sẻ lên Facebook", "Lưu vào mục yêu thích",
         "Theo dõi trên Google News", "Bản để in", "Thu nhỏ", "Phóng to", "Zalo", "Tặng bài viết", "Thích {n2}"]
COOKIE = ["Trang web sử dụng cookie nhằm mang lại trải nghiệm tốt nhất. Tiếp tục duyệt trang đồng nghĩa với việc bạn chấp nhận điều này.",
          "Tôi đồng ý", "Cài đặt cookie", "Từ chối"]
SIGNIN = ["Đăng nhập để bình luận", "Email hoặc số điện thoại", "Quên mật khẩu?", "Chưa có tài khoản? Đăng ký ngay",
          "Đăng nhập với Facebook", "Ghi nhớ đăng nhập"]
NEWSLETTER = ["Nhận bản tin mỗi sáng", "Để lại email để nhận những tin quan trọng nhất trong ngày", "Gửi",
              "Cảm ơn bạn đã đăng ký!", "Hủy đăng ký bất cứ lúc nào"]
POLL = ["Thăm dò ý kiến", "Theo bạn, thông tin trong bài có hữu ích không?", "Rất hữu ích", "Tạm được", "Chưa đủ",
        "Biểu quyết", "Xem kết quả ({n3} lượt)"]
FOLLOW = ["Theo dõi {site} trên", "Kênh YouTube", "Zalo OA", "Bật thông báo để không bỏ lỡ tin mới", "Nhận thông báo",
          "Tải ứng dụng đọc báo", "App Store", "CH Play"]
RELATED = ["Tin cùng sự kiện", "Xem nhiều trong tuần", "Đọc nhiều 24h", "Bài viết được đề xuất", "Gợi ý cho bạn",
           "Tin bài khác", "Có thể bạn chưa xem", "Cùng tác giả", "Tin nên đọc", "Đáng chú ý", "Cùng chủ đề",
           "Bài đọc thêm"]
TITLES = ["{t}", "{t}", "Tìm hiểu về {t}", "{t}: lịch sử và những con số đáng chú ý", "Những điều cần biết về {t}",
          "Vì sao {t} được nhắc đến nhiều?", "Nhìn lại {t} qua các thời kỳ", "{t} và câu chuyện phía sau",
          "Góc nhìn mới về {t}", "Sự thật thú vị về {t}", "{t} - nhìn từ nhiều phía", "Khám phá {t}"]
DATES = ["{hh:02d}:{mm:02d} | {d:02d}/{m:02d}/{y}", "{d}/{m}/{y} {hh:02d}:{mm:02d} GMT+7",
         "{dow}, {d}/{m}/{y} - {hh:02d}:{mm:02d}", "Ngày đăng: {d:02d}-{m:02d}-{y}", "Cập nhật {n} phút trước",
         "{d:02d} Tháng {m:02d}, {y}", "Đăng ngày {d:02d}/{m:02d}/{y} lúc {hh:02d}:{mm:02d}", "{dow} - {d:02d}/{m:02d}/{y}"]
DOW = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]
COMMENTS_HEAD = ["Ý kiến ({n})", "{n} bình luận", "Bình luận của bạn đọc", "Viết bình luận...", "Trao đổi",
                 "Bạn nghĩ gì về bài viết này?"]
COMMENT_TEXTS = ["Cảm ơn bài viết, thông tin rất hữu ích với mình.", "Mình ở quê cũng từng nghe kể chuyện y như vậy, đọc mà thấy nhớ nhà.",
                 "Ad cho hỏi nguồn số liệu lấy ở đâu vậy ạ?", "Viết hay quá, mong tác giả ra thêm phần tiếp theo.",
                 "Không đồng tình lắm với quan điểm này, thực tế phức tạp hơn nhiều.", "Hóng phần 2!",
                 "Bài này nên được chia sẻ rộng rãi để nhiều người biết hơn.", "Tuyệt vời, đã lưu lại để đọc dần.",
                 "Năm ngoái nhà mình có ghé qua đó, cảnh đẹp nhưng đường đi khá vất vả, mọi người nên chuẩn bị kỹ."]
COMMENT_TAIL = ["Thích ({n}) · Trả lời", "Trả lời · Báo cáo", "Xem thêm {n} trả lời", "Hữu ích · Phản hồi", "Thích · Phản hồi · {n} ngày"]
COMMENT_WHEN = ["{n} ngày trước", "lúc {hh:02d}:{mm:02d} ngày {d:02d}/{m:02d}/{y}", "{n} giờ trước", "{d:02d}/{m:02d}/{y}"]
COMMENT_CHROME = ["Bình luận của bạn sẽ được kiểm duyệt trước khi đăng", "Sắp xếp theo: Mới nhất | Hay nhất",
                  "Gửi bình luận", "Vui lòng nhập tiếng Việt có dấu"]
FORUM_META = ["Gia nhập: {m:02d}/{y}", "Bài viết: {n3}", "Được thích: {n2}", "Thành viên VIP", "Thành viên mới",
              "Nơi ở: {p}", "Điểm thành tích: {n3}"]
FORUM_TAIL = ["Like · Quote · Reply", "Thích Trích dẫn Trả lời", "Báo cáo · Thích · Trả lời"]
FOOTER = ["Cơ quan chủ quản: {org}", "Giấy phép hoạt động số {n3}/GP-BTTTT ngày {d:02d}/{m:02d}/{y}",
          "Tổng Biên tập: {name}", "Địa chỉ tòa soạn: Số {n2} đường {street}, {p}", "ĐT: 0{n3}.{n4}.{n3} - Email: bandientu@{host}",
          "Ghi rõ nguồn \"{site}\" khi phát hành lại thông tin từ website này.", "© Bản quyền {y} thuộc về {site}",
          "Trung tâm chăm sóc khách hàng 24/7: 1800 {n4}", "Số người đang truy cập: {n3}", "Tổng lượt truy cập: {n4}{n3}",
          "Mã số doanh nghiệp: 0{n4}{n4}{n2}", "Giữ bản quyền nội dung © {y}", "Sơ đồ website", "Chính sách quyền riêng tư"]
ORGS = ["Tỉnh ủy {p}", "Ủy ban nhân dân huyện {p}", "Liên hiệp các Hội Khoa học và Kỹ thuật", "Hội Nông dân tỉnh {p}"]
STREETS = ["Trần Phú", "Lý Thường Kiệt", "Nguyễn Huệ", "Hùng Vương", "Lê Duẩn", "Trường Chinh"]


def person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(NAMES)}"


class Site:
    """One fresh layout: family, wording, chrome, markup and the crawler's text rendering."""

    def __init__(self, number: int, rng: random.Random) -> None:
        self.id = f"F{number:02d}"
        self.rng = rng
        self.family = FAMILIES[(number - 1) % len(FAMILIES)]
        self.place, given = rng.choice(PLACES), rng.choice(NAMES)
        self.name = rng.choice(SITES[self.family]).format(p=self.place, g=given)
        self.host = re.sub(r"[^a-z]", "", _ascii(self.name).lower())[-12:] + rng.choice([".vn", ".com", ".gov.vn", ".org.vn"])
        self.slogan = rng.choice(SLOGANS).format(p=self.place) if rng.random() < 0.5 else None
        items = MENUS[MENU_OF[self.family]]
        self.menu = rng.sample(items, k=min(len(items), rng.randint(4, 7)))
        self.topbar = rng.sample(TOPBAR, k=rng.randint(0, 2))
        self.listen = rng.choice(LISTEN) if rng.random() < 0.5 else None
        self.video = rng.sample(VIDEO, k=rng.randint(3, 6)) if self.family == "tv" or rng.random() < 0.2 else None
        self.tools = rng.sample(TOOLS, k=rng.randint(2, 5))
        self.widgets = [w for w in ("cookie", "signin", "newsletter", "poll", "follow") if rng.random() < 0.4]
        self.related = rng.sample(RELATED, k=3)
        self.unheaded_teasers = rng.random() < 0.35     # title + lead pairs after the article with no heading
        self.sidebar = rng.random() < 0.3
        self.tags = rng.choice(["hash", "label", "buttons", "none"])
        self.date = rng.choice(DATES)
        self.byline = rng.choice(["top", "bottom", "bottom-caps", "none"])
        self.table = rng.random() < 0.35
        self.captions = rng.random() < 0.5
        self.title_form = rng.randrange(len(TITLES))
        self.footer = rng.sample(FOOTER, k=rng.randint(2, 6))
        self.org = rng.choice(ORGS).format(p=self.place)
        # markup and page-text rendering
        self.markup = rng.choice(["semantic", "divs", "utility"])
        self.para = rng.choice(["p", "p", "div", "br"])
        self.title_tag = rng.choice(["h1", "h1", "div"])
        self.og = rng.random() < 0.6
        self.blank_lines = rng.random() < 0.5
        self.bar_one_line = rng.random() < 0.5      # a bar of buttons comes out on one line of page text
        self.menu_sep = rng.choice([" ", " | ", " · ", "\t"])
        self.cell_sep = rng.choice(["\t", "\t", " | "])
        self.image_mark = rng.choice(["", "\u00a0", "[Hình ảnh]"])

    def fill(self, template: str, **extra) -> str:
        rng = self.rng
        d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2017, 2026)
        values = dict(n=rng.randint(2, 60), n2=rng.randint(10, 99), n3=rng.randint(100, 999), n4=rng.randint(1000, 9999),
                      d=d, m=m, y=y, hh=rng.randint(0, 23), mm=rng.randint(0, 59), dow=rng.choice(DOW),
                      p=self.place, site=self.name, host=self.host, org=self.org, name=person(rng),
                      street=rng.choice(STREETS))
        values.update(extra)
        return template.format(**values)

    def headline(self, art: dict, form: int | None = None) -> str:
        return TITLES[self.title_form if form is None else form].format(t=art["title"])

    def cls(self, role: str) -> str:
        if self.markup == "semantic":
            return role
        if self.markup == "divs":
            return {"nav": "menu-top", "footer": "ft", "comments": "cmt-list", "related": "box-tin", "widget": "box-tienich",
                    "article": "detail", "sidebar": "khung-phai", "tags": "the-bai", "header": "hd", "caption": "img-desc",
                    "title": "title-detail", "meta": "info"}.get(role, role)
        return "flex flex-col gap-2 px-4 text-sm" if role != "caption" else "text-xs italic"


class Page:
    """A page as regions of blocks ``(kind, content, label)``."""

    def __init__(self, site: Site, head_title: str) -> None:
        self.site, self.head_title = site, head_title
        self.regions: list[tuple[str, list]] = []

    def region(self, role: str) -> list:
        blocks: list = []
        self.regions.append((role, blocks))
        return blocks

    def text_lines(self) -> list[tuple[str, str]]:
        """The page as a crawler's text extraction gives it: ``(line, label)``; '' lines are blank."""
        s, out = self.site, []
        for _, blocks in self.regions:
            for kind, content, label in blocks:
                if kind in ("menu", "bar"):
                    if s.bar_one_line or kind == "menu" and s.menu_sep != " ":
                        out.append(((s.menu_sep if kind == "menu" else " ").join(content), label))
                    else:
                        out.extend((item, label) for item in content)
                elif kind == "row":
                    out.append((s.cell_sep.join(content), label))
                elif kind == "img":
                    out.append((s.image_mark, "blank"))
                else:
                    out.append((content, label))
                if s.blank_lines and kind in ("p", "h", "title", "li", "teaser"):
                    out.append(("", "blank"))
            if s.blank_lines:
                out.append(("", "blank"))
        return out

    def html(self) -> str:
        s, esc = self.site, html_lib.escape
        head = [f"<title>{esc(self.head_title)} | {esc(s.name)}</title>"]
        if s.og:
            head.append(f'<meta property="og:title" content="{esc(self.head_title)}">')
        parts = ["<!doctype html>", '<html lang="vi"><head><meta charset="utf-8">', *head, "</head><body>"]
        for role, blocks in self.regions:
            tag = {"header": "header", "nav": "nav", "footer": "footer", "article": "article", "sidebar": "aside"}.get(role, "div") \
                if s.markup == "semantic" else "div"
            parts.append(f'<{tag} class="{s.cls(role)}">')
            rows: list = []
            brs: list = []
            for kind, content, _ in blocks + [("end", "", "")]:
                if kind != "row" and rows:
                    parts.append("<table><tbody>" + "".join(
                        "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows) + "</tbody></table>")
                    rows = []
                if kind != "p" and brs:
                    parts.append("<div>" + "<br><br>".join(brs) + "</div>")
                    brs = []
                if kind == "row":
                    rows.append(content)
                elif kind == "menu":
                    parts.append("<ul>" + "".join(f'<li><a href="/{_ascii(x).lower().replace(" ", "-")}">{esc(x)}</a></li>'
                                                  for x in content) + "</ul>")
                elif kind == "bar":
                    parts.append("<div>" + " ".join(f'<button type="button">{esc(x)}</button>' for x in content) + "</div>")
                elif kind == "title":
                    parts.append(f'<h1 class="{s.cls("title")}">{esc(content)}</h1>' if s.title_tag == "h1"
                                 else f'<div class="{s.cls("title")}"><strong>{esc(content)}</strong></div>')
                elif kind == "h":
                    parts.append(f"<h2>{esc(content)}</h2>")
                elif kind == "p" and role == "article" and s.para == "br":
                    brs.append(esc(content))
                elif kind == "p":
                    parts.append(f"<{s.para if s.para != 'br' else 'p'}>{esc(content)}</{s.para if s.para != 'br' else 'p'}>")
                elif kind == "li":
                    parts.append(f"<ul><li>{esc(content)}</li></ul>")
                elif kind == "img":
                    parts.append(f'<figure><img src="/anh/{len(parts)}.jpg" alt=""></figure>')
                elif kind == "caption":
                    parts.append(f'<p class="{s.cls("caption")}">{esc(content)}</p>')
                elif kind == "link":
                    parts.append(f'<h3><a href="/tin/{len(parts)}.html">{esc(content)}</a></h3>')
                elif kind == "teaser":
                    parts.append(f'<p class="sapo">{esc(content)}</p>')
                elif kind == "time":
                    parts.append(f"<time>{esc(content)}</time>")
                elif kind == "button":
                    parts.append(f'<a href="#" class="btn">{esc(content)}</a>')
                elif kind == "line":
                    parts.append(f"<div>{esc(content)}</div>")
            parts.append(f"</{tag}>")
        parts.append("</body></html>")
        return "\n".join(parts)


def teasers(site: Site, rng: random.Random, others: list[dict], n: int, dated: bool | None = None,
            lead: bool = True) -> list:
    """Title + (date) + lead teasers of other articles, titled as the site titles its own."""
    dated = rng.random() < 0.4 if dated is None else dated
    out = []
    for other in rng.sample(others, n):
        out.append(("link", site.headline(other, rng.randrange(len(TITLES))), B))
        if dated:
            out.append(("time", site.fill(site.date), B))
        if lead:
            out.append(("teaser", first_sentence(other["blocks"][0][1] if other["blocks"][0][0] == "p"
                                                 else next(t for k, t in other["blocks"] if k == "p"), rng.randint(14, 35)), B))
    return out


def header(page: Page, site: Site, rng: random.Random, others: list[dict]) -> None:
    s = site
    if "cookie" in s.widgets:
        r = page.region("widget")
        r.append(("line", COOKIE[0], B))
        r.append(("bar", COOKIE[1:1 + rng.randint(1, 3)], B))
    r = page.region("header")
    for bar in s.topbar:
        r.append(("bar", [s.fill(x) for x in bar], B))
    r.append(("line", s.name, B))
    if s.slogan:
        r.append(("line", s.slogan, B))
    page.region("nav").append(("menu", s.menu, B))
    if rng.random() < 0.4:
        r = page.region("widget")
        r.append(("line", rng.choice(["Chủ đề nóng:", "Đang được quan tâm", "#Tâm điểm"]), B))
        r.extend(("link", s.headline(o, 0), B) for o in rng.sample(others, rng.randint(2, 4)))


def widgets(page: Page, site: Site, rng: random.Random) -> None:
    s = site
    for w in s.widgets:
        if w == "cookie":
            continue
        r = page.region("widget")
        if w == "signin":
            r.extend(("button" if len(x) < 24 else "line", x, B) for x in rng.sample(SIGNIN, k=rng.randint(2, 4)))
        elif w == "newsletter":
            r.extend(("button" if len(x) < 24 else "line", x, B) for x in NEWSLETTER[:rng.randint(2, 5)])
        elif w == "poll":
            r.append(("line", POLL[0], B))
            r.append(("line", POLL[1], B))
            r.append(("bar", POLL[2:5], B))
            r.extend(("button", s.fill(x), B) for x in POLL[5:rng.randint(6, 7)])
        elif w == "follow":
            r.append(("line", s.fill(FOLLOW[0]), B))
            r.append(("bar", rng.sample(FOLLOW[1:], k=rng.randint(2, 4)), B))


def tags(page: Page, site: Site, rng: random.Random, others: list[dict]) -> None:
    words = [o["title"] for o in rng.sample(others, rng.randint(2, 4))]
    r = page.region("tags")
    if site.tags == "hash":
        r.append(("line", " ".join("#" + re.sub(r"\W", "", w) for w in words), B))
    elif site.tags == "label":
        r.append(("line", rng.choice(["Gắn thẻ: ", "Chủ đề liên quan: ", "TỪ KHÓA: ", "Tìm kiếm liên quan: "]) + ", ".join(words), B))
    elif site.tags == "buttons":
        r.append(("bar", words, B))


def footer(page: Page, site: Site, rng: random.Random) -> None:
    r = page.region("footer")
    if rng.random() < 0.5:
        r.append(("menu", site.menu, B))
    r.append(("line", site.name, B))
    r.extend(("line", site.fill(f), B) for f in site.footer)


def comments(page: Page, site: Site, rng: random.Random, others: list[dict], forum: bool = False) -> None:
    r = page.region("comments")
    if not forum:
        r.append(("line", site.fill(rng.choice(COMMENTS_HEAD)), B))
        if rng.random() < 0.5:
            r.append(("line", rng.choice(COMMENT_CHROME), B))
    for k in range(rng.randint(2, 4)):
        user = rng.choice([person(rng), rng.choice(HANDLES), "Khách"])
        r.append(("line", user, B))
        if forum:
            r.extend(("line", site.fill(x), B) for x in rng.sample(FORUM_META, k=rng.randint(1, 3)))
            r.append(("line", f"#{k + 2}", B))
            if rng.random() < 0.4:
                r.append(("line", f"{rng.choice(HANDLES)} đã viết:", B))
        r.append(("time", site.fill(rng.choice(COMMENT_WHEN)), B))
        text = rng.choice(COMMENT_TEXTS) if rng.random() < 0.6 else first_sentence(
            next(t for kind, t in rng.choice(others)["blocks"] if kind == "p"), rng.randint(12, 30))
        r.append(("p", text, B))
        tail = site.fill(rng.choice(FORUM_TAIL if forum else COMMENT_TAIL))
        r.append(("bar", tail.split(" · "), B) if " · " in tail and rng.random() < 0.5 else ("button", tail, B))
    if not forum and rng.random() < 0.5:
        r.append(("button", rng.choice(["Xem thêm bình luận", "Tải thêm ý kiến"]), B))


def body_blocks(art: dict, rng: random.Random, brief: bool) -> list[tuple[str, str]]:
    blocks = list(art["blocks"])
    if brief:
        blocks = [b for b in blocks if b[0] == "p"][:rng.randint(2, 3)]
    return blocks


def table_rows(rng: random.Random) -> list[list[str]]:
    if rng.random() < 0.5:
        clubs = rng.sample(["Hoàng Anh Gia Lai", "Sông Lam Nghệ An", "Becamex Bình Dương", "Thép Xanh Nam Định",
                            "Đông Á Thanh Hóa", "Hồng Lĩnh Hà Tĩnh", "Khánh Hòa", "Bình Định"], 6)
        rows = [["Hạng", "Câu lạc bộ", "Số trận", "Thắng", "Hòa", "Thua", "Điểm"]]
        for k, c in enumerate(clubs, 1):
            w, d = rng.randint(3, 12), rng.randint(0, 6)
            rows.append([str(k), c, "18", str(w), str(d), str(18 - w - d), str(3 * w + d)])
        return rows
    rows = [["Chỉ tiêu", "Năm 2022", "Năm 2023", "Tăng/giảm"]]
    for label in rng.sample(["Dân số (nghìn người)", "Diện tích (km²)", "Sản lượng (tấn)", "Doanh thu (tỷ đồng)",
                             "Số hộ nghèo", "Lượt khách"], 4):
        a, b = rng.randint(100, 9000), rng.randint(100, 9000)
        rows.append([label, f"{a:,}".replace(",", "."), f"{b:,}".replace(",", "."), f"{(b - a) / a * 100:+.1f}%"])
    return rows


def article_page(site: Site, art: dict, others: list[dict], rng: random.Random, brief: bool) -> Page:
    s = site
    title = s.headline(art)
    if s.family == "forum":
        title = rng.choice(["[Chia sẻ] ", "[Thảo luận] ", "", "Hỏi: "]) + title
    elif s.family == "qa":
        title = rng.choice([f"{art['title']} là gì? Có những đặc điểm nào?", f"Cho hỏi về {art['title']}",
                            f"Thắc mắc về {art['title']}"])
    page = Page(s, title)
    header(page, s, rng, others)
    if rng.random() < 0.6:
        crumbs = [rng.choice(["Trang chủ", "Trang nhất"])] + rng.sample(s.menu, k=rng.randint(1, 2))
        page.region("breadcrumb").append(("line", rng.choice([" / ", " > ", " › "]).join(crumbs), B))
    if s.sidebar:
        r = page.region("sidebar")
        r.append(("line", s.related[2], B))
        r.extend(teasers(s, rng, others, 3))
    r = page.region("article")
    author = person(rng)
    r.append(("title", title, A))
    if s.family == "forum":
        r.append(("line", rng.choice(HANDLES), B))
        r.extend(("line", s.fill(x), B) for x in rng.sample(FORUM_META, k=2))
        r.append(("time", s.fill(s.date), B))
        r.append(("line", "#1", B))
    else:
        r.append(("time", s.fill(s.date), B))
        if s.byline == "top":
            r.append(("line", rng.choice([author, f"Bài: {author}", f"{author} | {s.name}"]), O))
        if s.listen:
            r.append(("bar", s.listen, B))
        r.append(("bar", [s.fill(x) for x in s.tools], B))
    if s.video:
        r.append(("bar", s.video, B))
    if s.family == "qa":
        r.append(("line", rng.choice(["Câu hỏi của bạn đọc:", "Nội dung câu hỏi"]), B))
        r.append(("p", f"Chào chuyên gia, tôi đang tìm hiểu về {art['title']} nhưng còn nhiều điều chưa rõ. "
                       f"Xin hỏi {art['title']} có những đặc điểm nổi bật nào và nên tìm đọc thêm ở đâu? "
                       f"Xin cảm ơn. ({person(rng)}, {rng.choice(PLACES)})", A))
        r.append(("line", rng.choice(["Trả lời:", "Chuyên gia tư vấn trả lời:", f"Luật sư {person(rng)} trả lời:"]), B))
    blocks = body_blocks(art, rng, brief)
    paras = sum(k == "p" for k, _ in blocks)
    k_para = 0
    for kind, text in blocks:
        r.append((kind if kind != "li" or rng.random() < 0.7 else "p", text, A))
        if kind != "p":
            continue
        k_para += 1
        if s.captions and rng.random() < 0.25:
            r.append(("img", "", "blank"))
            r.append(("caption", first_sentence(text, rng.randint(6, 14)).rstrip(".") + rng.choice(
                ["", f". Ảnh: {person(rng)}", " (Ảnh tư liệu)", f" - Ảnh: {s.name}"]), O))
        if k_para == max(2, paras // 2) and rng.random() < 0.4:
            o = rng.choice(others)
            r.append(("link", rng.choice([">> ", "Xem thêm: ", "ĐỌC NHIỀU: ", "Có thể bạn quan tâm: "]) + s.headline(o, 0), B))
        if k_para == 1 and s.family == "tv" and rng.random() < 0.5:
            r.append(("line", rng.choice(["Video: Toàn cảnh sự việc", "Clip đang được chia sẻ trên mạng xã hội",
                                          "Bản tin Thời sự 19h"]), B))
    if s.table:
        r.append(("p", rng.choice(["Dưới đây là bảng số liệu chi tiết.", "Bảng xếp hạng sau vòng đấu gần nhất như sau:",
                                   "Một số chỉ tiêu chính được tổng hợp trong bảng sau."]), A))
        r.extend(("row", row, A) for row in table_rows(rng))
    if s.byline.startswith("bottom"):
        r.append(("line", author.upper() if s.byline == "bottom-caps" else author, O))
    if s.family == "aggregator":
        r.append(("line", rng.choice(["Nguồn: Báo Sông Hồng", "Theo Nhật báo Đồng Hành", "Nguồn tin: THVN Online"]), B))
        r.append(("button", rng.choice(["Xem bài gốc tại đây", "Đọc toàn văn trên trang nguồn", "Link gốc"]), B))
    if s.family == "company":
        r.append(("p", f"Về {s.name}: {s.name} được thành lập năm {rng.randint(1990, 2010)}, hiện có hơn "
                       f"{rng.randint(2, 9)}.000 cán bộ nhân viên và mạng lưới tại {rng.randint(20, 63)} tỉnh, thành phố.", O))
        r.append(("line", f"Liên hệ báo chí: Phòng Truyền thông - Email: truyenthong@{s.host}", B))
    if s.family == "qa":
        qa_tail(page, s, rng, others)
    if s.family == "forum":
        r = page.region("article")
        r.append(("line", s.fill("Sửa lần cuối: {d:02d}/{m:02d}/{y}"), B))
        r.append(("bar", s.fill(rng.choice(FORUM_TAIL)).split(" · "), B))
        comments(page, s, rng, others, forum=True)
    r = page.region("share")
    if rng.random() < 0.6:
        r.append(("bar", [s.fill(x) for x in s.tools], B))
    tags(page, s, rng, others)
    if s.unheaded_teasers:
        page.region("related").extend(teasers(s, rng, others, rng.randint(2, 4), lead=True))
    r = page.region("related")
    r.append(("line", s.related[0], B))
    r.extend(teasers(s, rng, others, rng.randint(3, 6), lead=rng.random() < 0.7))
    widgets(page, s, rng)
    if s.family in ("blog", "national", "provincial", "longread") and rng.random() < 0.7:
        comments(page, s, rng, others)
    if rng.random() < 0.5:
        r = page.region("sidebar")
        r.append(("line", s.related[1], B))
        r.extend(("link", f"{k}. {s.headline(o, 0)}" if rng.random() < 0.5 else s.headline(o, 0), B)
                 for k, o in enumerate(rng.sample(others, 5), 1))
    footer(page, s, rng)
    return page


def qa_tail(page: Page, site: Site, rng: random.Random, others: list[dict]) -> None:
    r = page.region("qa")
    r.append(("line", rng.choice(["Lưu ý: Nội dung tư vấn trên đây chỉ mang tính chất tham khảo, tùy từng thời điểm và "
                                  "đối tượng khác nhau mà nội dung tư vấn có thể khác nhau.",
                                  "Thông tin chỉ có giá trị tham khảo, không thay thế cho chẩn đoán và điều trị của bác sĩ chuyên khoa."]), B))
    r.append(("line", rng.choice(["Câu trả lời có hữu ích không?", "Bạn thấy câu trả lời này thế nào?"]), B))
    r.append(("bar", ["Có", "Không"], B))
    r.append(("line", site.fill(rng.choice(["Mọi thắc mắc vui lòng gọi tổng đài tư vấn 1900 {n4}.",
                                            "Gửi câu hỏi của bạn qua email hoidap@{host} hoặc gọi 1900 {n4}",
                                            "Đặt lịch tư vấn trực tiếp: 0{n3} {n3} {n3}"])), B))
    r.append(("line", rng.choice(["Câu hỏi cùng lĩnh vực", "Các câu hỏi tương tự", "Có thể bạn cũng muốn hỏi"]), B))
    for o in rng.sample(others, rng.randint(4, 6)):
        r.append(("link", rng.choice([f"{o['title']} là gì?", f"Có nên tìm hiểu {o['title']} không?",
                                      f"Hỏi về {o['title']}"]), B))


def no_article_page(site: Site, kind: str, others: list[dict], rng: random.Random) -> Page:
    s = site
    heads = {"product": None, "notfound": "Không tìm thấy trang", "forumindex": s.name, "search": "Tìm kiếm",
             "tagpage": "Chủ đề", "listing": s.menu[0]}
    page = Page(s, heads[kind] or "Sản phẩm")
    header(page, s, rng, others)
    r = page.region("article")
    if kind == "product":
        name = f"{rng.choice(['Máy xay sinh tố', 'Quạt điều hòa', 'Bình giữ nhiệt', 'Máy hút bụi cầm tay', 'Kem chống nắng'])} " \
               f"{rng.choice(['Kangaroo', 'Lock&Lock', 'Toshiba', 'Sharp', 'Anessa'])} {rng.choice(['KG-99', '500ml', 'Plus', 'SPF50+'])}"
        page.head_title = name
        r.append(("title", name, B))
        r.append(("line", f"Giá khuyến mãi: {rng.randint(199, 4990)}.000 đ", B))
        r.append(("line", f"Tiết kiệm {rng.randint(10, 45)}% so với giá niêm yết", B))
        r.append(("line", f"{rng.randint(1, 5)},{rng.randint(0, 9)} ★ ({rng.randint(12, 980)} nhận xét)", B))
        r.append(("bar", ["Chọn màu:", "Trắng", "Xám", "Hồng"], B))
        r.append(("bar", ["Còn hàng", "Miễn phí vận chuyển", "Đổi trả trong 7 ngày"], B))
        r.extend(("button", x, B) for x in ["Chọn mua", "Thêm vào giỏ", "Mua trả góp"])
        r.append(("h", "Thông tin sản phẩm", B))
        r.extend(("row", [k, v], B) for k, v in [("Mã sản phẩm", f"SP{rng.randint(10000, 99999)}"), ("Xuất xứ thương hiệu", "Hàn Quốc"),
                                                 ("Nơi sản xuất", "Việt Nam"), ("Bảo hành", f"{rng.choice([6, 12, 24])} tháng")])
        r.append(("h", "Đặc điểm nổi bật", B))
        r.append(("p", "Thiết kế gọn nhẹ, dễ dàng mang theo khi đi làm, đi học hay đi du lịch, phù hợp với nhu cầu sử dụng hằng ngày của cả gia đình.", B))
        r.append(("p", "Chất liệu an toàn cho sức khỏe, đã được kiểm định chất lượng và đạt các tiêu chuẩn khắt khe trước khi đến tay người tiêu dùng.", B))
        r.append(("h", "Nhận xét của khách hàng", B))
        for _ in range(rng.randint(2, 4)):
            r.append(("line", rng.choice([person(rng), rng.choice(HANDLES)]), B))
            r.append(("line", rng.choice(["Đã mua hàng", "★★★★★", "★★★★", "Đánh giá: 4/5"]), B))
            r.append(("p", rng.choice(["Shop đóng gói kỹ, giao hàng đúng hẹn, sản phẩm dùng ổn trong tầm giá.",
                                       "Mình mua lần thứ hai rồi, chất lượng vẫn tốt như lần đầu, sẽ giới thiệu cho người quen.",
                                       "Hàng nhận được hơi khác màu so với hình nhưng nhìn chung vẫn hài lòng."]), B))
            r.append(("button", s.fill("Hữu ích ({n})"), B))
        r.append(("line", "Khách hàng cũng mua", B))
        r.extend(("link", f"{o['title'][:24]} chính hãng - {rng.randint(99, 999)}.000 đ", B) for o in rng.sample(others, 4))
    elif kind == "notfound":
        r.append(("title", rng.choice(["Không tìm thấy trang", "Lỗi 404", "Trang này không còn tồn tại"]), B))
        r.append(("p", rng.choice(["Đường dẫn có thể đã thay đổi hoặc bài viết đã được gỡ bỏ. Mời bạn đọc quay lại trang chủ hoặc tìm kiếm nội dung khác.",
                                   "Chúng tôi rất tiếc vì sự bất tiện này. Nội dung bạn tìm có thể đã được chuyển sang một địa chỉ mới."]), B))
        r.append(("button", "Quay lại trang chủ", B))
        r.append(("line", rng.choice(["Mời bạn đọc tin khác", "Tin mới cập nhật", "Bài được đọc nhiều"]), B))
        r.extend(teasers(s, rng, others, 5, lead=True))
    elif kind == "forumindex":
        r.append(("title", rng.choice(["Khu vực thảo luận chung", "Danh sách chuyên mục", "Trang chủ diễn đàn"]), B))
        for o in rng.sample(others, 6):
            r.append(("link", f"Bàn về {o['title']}", B))
            r.append(("line", s.fill(rng.choice(["{n3} chủ đề · {n4} bài gửi", "Chủ đề: {n3} | Bài gửi: {n4}"])), B))
            r.append(("line", f"Mới nhất: {rng.choice(HANDLES)} · " + s.fill("{n} phút trước"), B))
        r.append(("line", s.fill("Đang trực tuyến: {n3} thành viên và {n4} khách"), B))
        r.append(("line", s.fill("Thống kê: {n4} chủ đề, {n4}{n3} bài viết, {n4} thành viên"), B))
    elif kind == "search":
        q = rng.choice(others)["title"].split()[0]
        r.append(("line", f"Kết quả cho từ khóa: {q}", B))
        r.append(("line", s.fill("Khoảng {n3} kết quả (0,{n2} giây)"), B))
        r.append(("bar", ["Liên quan nhất", "Mới nhất", "Cũ nhất"], B))
        r.extend(teasers(s, rng, others, 7, dated=True, lead=True))
        r.append(("bar", ["1", "2", "3", "Trang tiếp"], B))
    elif kind == "tagpage":
        tag = rng.choice(others)["title"]
        r.append(("title", rng.choice(["#" + re.sub(r"\W", "", tag), f"Chủ đề: {tag}", tag]), B))
        r.append(("line", s.fill("{n3} bài viết"), B))
        r.extend(teasers(s, rng, others, 6, lead=True))
    elif kind == "listing":
        r.append(("title", s.menu[0], B))
        r.append(("bar", rng.sample(s.menu[1:], k=3), B))
        r.extend(teasers(s, rng, others, 8, lead=True))
        r.append(("button", rng.choice(["Xem thêm tin", "Tải thêm", "Trang sau"]), B))
    widgets(page, s, rng)
    footer(page, s, rng)
    return page


NO_ARTICLE_KINDS = ["product", "notfound", "forumindex", "search", "tagpage", "listing"]


def build(raw: Path) -> list[dict]:
    articles = load_articles(raw, 2 * N_LAYOUTS + 300, residue=5, seed=SEED)
    main, pool = articles[:2 * N_LAYOUTS], articles[2 * N_LAYOUTS:]
    out = []
    for number in range(1, N_LAYOUTS + 1):
        rng = random.Random(SEED * 1000 + number)
        site = Site(number, rng)
        others = rng.sample(pool, 40)
        pages = [(f"{site.id}_a{k}", "article", article_page(site, main[2 * (number - 1) + k], others, rng,
                                                             brief=k == 1 and number % 3 == 0), [main[2 * (number - 1) + k]["id"]])
                 for k in range(2)]
        if number % 2 == 0:
            kind = NO_ARTICLE_KINDS[(number // 2 - 1) % len(NO_ARTICLE_KINDS)]
            pages.append((f"{site.id}_n_{kind}", kind, no_article_page(site, kind, others, rng), []))
        out += [page_record(name, site.id, site.family, kind, ids, page) for name, kind, page, ids in pages]
    return out


def main(argv: list[str]) -> int:
    raw = Path(argv[1] if len(argv) > 1 else Path(__file__).resolve().parents[3].parent / "shared" / "data" / "raw")
    write_pages(build(raw), OUT, "layouts")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
