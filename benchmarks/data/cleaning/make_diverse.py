"""Fourth, independently written generator of labelled Vietnamese web pages for the page cleaner.

About 60 invented sites (layouts D01..D60) of many kinds -- national e-papers, TV/radio, provincial
papers, government portals, schools, hospitals, company press rooms, tech and finance sites, blogs,
forums, legal Q&A, recipes, travel, shops, job and real-estate boards, aggregators -- with 3-4 pages
each, some of them pages without an article. Every page exists as page text (one line per block, as
a crawler's text extraction gives it; each line labelled) and as HTML with the same visible lines.

Article text: Vietnamese Wikipedia (CC BY-SA 3.0), rows k % 7 == 6 only, read with
``load_articles`` from ``make_layouts.py``. All chrome wording here was written for this project.

    python benchmarks/data/cleaning/make_diverse.py ../shared/data/raw   # rewrites diverse.jsonl.gz

A held-out set: no shipped or benchmark model is fitted on it (``bench_clean.py`` scores the shipped
model on it, beside the fresh group). Written apart from the other generators of this folder: only
the four helpers imported below were read.
"""
from __future__ import annotations

import datetime as dt
import html as H
import random
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from make_layouts import first_sentence, load_articles, page_record, write_pages  # noqa: E402

OUT = Path(__file__).parent / "diverse.jsonl.gz"
SEED = 4_2026_1208
RESIDUE = 6

# ---------------------------------------------------------------- word lists (written for this project)
HO = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
      "Lý", "Trịnh", "Đinh", "Lâm", "Mai", "Tô", "Châu", "La", "Tạ", "Cao"]
DEM = ["Văn", "Thị", "Đức", "Ngọc", "Minh", "Thanh", "Hữu", "Quốc", "Thu", "Hoài", "Kim", "Xuân", ""]
TEN = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa", "Hùng", "Khoa", "Lan", "Long",
       "Mai", "Nam", "Nga", "Nhân", "Phúc", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Tú",
       "Tuấn", "Uyên", "Vinh", "Yến", "Đạt", "Hương", "Lộc", "Nhi", "Kiệt"]
NICKS = ["meo_con_92", "bacsi_oto", "hn_lover", "tienganh123", "gaucon", "xe_may_cu", "nguoi_qua_duong",
         "thanhnien_sg", "binhyen", "mr.bean.vn", "daubep_tapsu", "tuanpro", "hoa_sua", "lang_du", "ca_phe_sua",
         "vitcon2000", "ongbadoi", "phuot_thu", "cuong_kts", "socola_dang", "zaizai", "minhbeo", "kiwi_xanh"]
PROVINCES = ["Quảng Ngãi", "Nghệ An", "Lâm Đồng", "Kiên Giang", "Thái Bình", "Phú Yên", "Bắc Giang", "Hà Tĩnh",
             "Tây Ninh", "Yên Bái", "Bình Thuận", "Đắk Lắk", "Nam Định", "Vĩnh Long", "Quảng Trị", "Lào Cai",
             "An Giang", "Hải Dương", "Bến Tre", "Ninh Bình", "Hòa Bình", "Cà Mau", "Tuyên Quang", "Long An"]
CITIES = ["Hà Nội", "TP Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Huế", "Nha Trang", "Vinh", "Quy Nhơn"]
STREETS = ["Trần Hưng Đạo", "Lý Thường Kiệt", "Nguyễn Trãi", "Lê Duẩn", "Hùng Vương", "Pasteur", "Tôn Đức Thắng",
           "Nguyễn Thị Minh Khai", "Phạm Văn Đồng", "Võ Văn Kiệt", "Hoàng Diệu", "Trường Chinh", "Cách Mạng Tháng Tám"]
WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]

NEWS_SECTIONS = ["Thời sự", "Chính trị", "Xã hội", "Thế giới", "Kinh tế", "Kinh doanh", "Tài chính", "Bất động sản",
                 "Văn hóa", "Giải trí", "Thể thao", "Pháp luật", "Giáo dục", "Sức khỏe", "Đời sống", "Du lịch",
                 "Khoa học", "Công nghệ", "Xe", "Bạn đọc", "Ý kiến", "Podcast", "Video", "Ảnh", "Multimedia",
                 "Quốc phòng", "Nhịp sống trẻ", "Gia đình", "Tâm sự", "Thư giãn", "Emagazine", "Infographic"]
GOV_MENU = ["Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Chỉ đạo điều hành", "Văn bản", "Thủ tục hành chính",
            "Dịch vụ công trực tuyến", "Công khai ngân sách", "Quy hoạch - Kế hoạch", "Hỏi đáp", "Lịch công tác",
            "Thông tin tuyên truyền", "Liên hệ", "Sơ đồ cổng", "Cơ cấu tổ chức", "Chuyển đổi số"]
UNI_MENU = ["Giới thiệu", "Tuyển sinh", "Đào tạo", "Nghiên cứu khoa học", "Hợp tác quốc tế", "Sinh viên",
            "Cựu sinh viên", "Thông báo", "Tin tức", "Tuyển dụng", "Thư viện", "E-learning", "Đảng - Đoàn thể"]
HOSP_MENU = ["Giới thiệu", "Chuyên khoa", "Đội ngũ bác sĩ", "Dịch vụ", "Bảng giá", "Hướng dẫn khách hàng",
             "Tin tức y khoa", "Đặt lịch khám", "Tuyển dụng", "Liên hệ", "Hỏi đáp bác sĩ"]
CORP_MENU = ["Về chúng tôi", "Cá nhân", "Doanh nghiệp", "Nhà đầu tư", "Sản phẩm - Dịch vụ", "Tin tức",
             "Thông cáo báo chí", "Phát triển bền vững", "Tuyển dụng", "Liên hệ", "Mạng lưới"]
TECH_MENU = ["Tin tức", "Đánh giá", "Thủ thuật", "Tư vấn mua", "Điện thoại", "Laptop", "AI", "Game", "Khám phá",
             "Xe điện", "Camera", "Đồ gia dụng", "Video", "Hỏi đáp"]
FIN_MENU = ["Xã hội", "Chứng khoán", "Bất động sản", "Doanh nghiệp", "Ngân hàng", "Tài chính quốc tế", "Vĩ mô",
            "Kinh tế số", "Thị trường", "Sống", "Lifestyle", "Dữ liệu"]
FORUM_MENU = ["Diễn đàn", "Bài mới", "Tìm kiếm", "Thành viên", "Có gì mới?", "Hỏi đáp", "Chợ", "Quy định"]
LAW_MENU = ["Hỏi đáp pháp luật", "Văn bản pháp luật", "Biểu mẫu", "Tư vấn luật", "Luật sư", "Tin pháp luật",
            "Dịch vụ", "Liên hệ"]
FOOD_MENU = ["Món ngon", "Món chay", "Món canh", "Món nhậu", "Bánh", "Đồ uống", "Ăn dặm", "Mẹo vặt nhà bếp", "Video"]
TRAVEL_MENU = ["Điểm đến", "Kinh nghiệm", "Ẩm thực", "Khách sạn", "Tour", "Cẩm nang", "Lễ hội", "Ảnh đẹp"]
SHOP_MENU = ["Điện thoại", "Laptop", "Điện máy", "Gia dụng", "Thời trang", "Mẹ & Bé", "Khuyến mãi", "Tin tức",
             "Tra cứu đơn hàng", "Hệ thống cửa hàng"]
JOB_MENU = ["Việc làm", "Công ty", "Tạo CV", "Cẩm nang nghề nghiệp", "Tính lương Gross - Net", "Nhà tuyển dụng"]
RE_MENU = ["Nhà đất bán", "Nhà đất cho thuê", "Dự án", "Tin tức", "Wiki BĐS", "Phong thủy", "Nhà môi giới"]
AGG_MENU = ["Nóng", "Mới", "Bóng đá", "Thế giới", "Xã hội", "Văn hóa", "Kinh tế", "Công nghệ", "Giải trí",
            "Thể thao", "Sức khỏe", "Nhà đất", "Xe cộ", "Chủ đề"]
BLOG_CATS = ["Đời sống", "Sách", "Ghi chép", "Du lịch", "Lịch sử", "Chưa phân loại", "Tản mạn", "Học tập", "Ảnh"]

PRODUCTS = ["Nồi cơm điện tử 1.8 lít", "Quạt đứng 5 cánh điều khiển từ xa", "Tai nghe không dây chống ồn",
            "Máy lọc không khí cho phòng 40m²", "Áo thun nam cổ tròn cotton", "Bình giữ nhiệt inox 750ml",
            "Bàn chải điện sạc pin", "Chảo chống dính đáy từ 26cm", "Balo laptop chống nước 15.6 inch",
            "Sữa rửa mặt dịu nhẹ 150ml", "Ấm siêu tốc 1.7 lít", "Máy sấy tóc 2000W", "Đèn bàn LED chống cận"]
JOBS = ["Nhân viên kinh doanh", "Kế toán tổng hợp", "Lập trình viên Python", "Chuyên viên tuyển dụng",
        "Nhân viên chăm sóc khách hàng", "Kỹ sư xây dựng", "Giáo viên tiếng Anh", "Thủ kho", "Tài xế xe tải",
        "Nhân viên thiết kế đồ họa", "Điều dưỡng", "Trưởng nhóm marketing"]
DISHES = ["thịt kho trứng", "canh chua cá lóc", "gà rang gừng", "đậu hũ sốt cà chua", "bún riêu cua", "chả giò",
          "cá kho tộ", "rau muống xào tỏi", "bánh xèo", "chè đậu xanh"]
INGREDIENTS = ["500g thịt ba chỉ", "4 quả trứng vịt", "2 củ hành tím", "1 củ tỏi", "2 thìa canh nước mắm",
               "1 thìa cà phê hạt nêm", "300ml nước dừa", "1 thìa đường", "ớt, tiêu xay", "2 quả cà chua",
               "1 bó hành lá", "200g giá đỗ", "1 nhánh gừng", "3 thìa dầu ăn", "1 gói bột năng", "Rau thơm các loại"]
LAWS = ["Bộ luật Dân sự 2015", "Luật Đất đai 2024", "Luật Hôn nhân và Gia đình 2014", "Bộ luật Lao động 2019",
        "Luật Doanh nghiệp 2020", "Nghị định 100/2019/NĐ-CP", "Thông tư 01/2021/TT-BTP", "Luật Cư trú 2020",
        "Luật Bảo hiểm xã hội 2024", "Nghị định 145/2020/NĐ-CP"]
TICKERS = ["VCB", "FPT", "HPG", "VNM", "MWG", "SSI", "VIC", "TCB", "GAS", "MSN", "ACB", "VHM", "DGC", "PNJ", "REE"]
POLL_Q = [("Bạn thường đọc tin tức vào lúc nào?", ["Buổi sáng", "Giờ nghỉ trưa", "Buổi tối", "Bất cứ khi nào rảnh"]),
          ("Bạn đánh giá thế nào về giao diện mới của trang?", ["Rất hài lòng", "Bình thường", "Khó sử dụng"]),
          ("Bạn có hài lòng với chất lượng dịch vụ công trực tuyến?", ["Hài lòng", "Chưa hài lòng", "Ý kiến khác"]),
          ("Bạn dùng thiết bị nào để đọc báo nhiều nhất?", ["Điện thoại", "Máy tính bảng", "Máy tính"])]
WEATHER = ["Nắng nhẹ", "Mây rải rác", "Có mưa rào", "Nhiều mây", "Trời quang", "Mưa dông vài nơi"]


def strip_marks(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def slug(text: str, n: int = 8) -> str:
    words = re.findall(r"[a-z0-9]+", strip_marks(text).lower())
    return "-".join(words[:n]) or "trang"


def person(rng: random.Random) -> str:
    dem = rng.choice(DEM)
    return " ".join(x for x in (rng.choice(HO), dem, rng.choice(TEN)) if x)


def short_name(rng: random.Random) -> str:
    return f"{rng.choice(TEN)} {rng.choice(TEN)}"


def num(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ỹ\"“])", text) if s]


# ---------------------------------------------------------------- page model
class It:
    """One line of a page: its text, label and how it is marked up."""

    __slots__ = ("text", "label", "tag", "href", "cells", "parts", "cls", "when")

    def __init__(self, text="", label="boilerplate", tag="p", href=None, cells=None, parts=None, cls=None, when=None):
        self.text, self.label, self.tag, self.href = text, label, tag, href
        self.cells, self.parts, self.cls, self.when = cells, parts, cls, when


def B(text, tag="p", **kw):
    return It(text, "boilerplate", tag, **kw)


def A(text, tag="p", **kw):
    return It(text, "article", tag, **kw)


def O(text, tag="p", **kw):
    return It(text, "optional", tag, **kw)


def L(text, label="boilerplate", site=None, **kw):
    """A linked line (teaser, menu entry)."""
    return It(text, label, "a", href=f"/{slug(text)}-{abs(hash_str(text)) % 99991}.html", **kw)


def M(parts, label="boilerplate", cls="menu"):
    """A menu: one line with its entries joined, or one line per entry (decided per page)."""
    return It(" ".join(parts), label, "menu", parts=list(parts), cls=cls)


def hash_str(text: str) -> int:
    h = 0
    for ch in text:
        h = (h * 131 + ord(ch)) % 1_000_000_007
    return h


class Block:
    __slots__ = ("region", "items", "name")

    def __init__(self, region, items, name):
        self.region, self.items, self.name = region, [i for i in items if i is not None], name


class Page:
    def __init__(self, site: dict, rng: random.Random):
        self.site, self.blocks = site, []
        self.title = site["name"]
        # text rendering, drawn per page
        self.blank = rng.choice(["none", "blocks", "blocks", "lines", "mixed"])
        self.bullet = rng.choice(["• ", "- ", "* ", "+ ", "", "", "· "])
        self.tsep = rng.choice(["\t", " | ", "pad", "\t"])
        self.trail = rng.choice([0.0, 0.0, 0.0, 0.15, 0.4])
        self.join_menus = site["join_menus"] if rng.random() < 0.8 else not site["join_menus"]
        self.msep = site["msep"]
        self.rng = random.Random(rng.random())

    def add(self, region: str, items, name: str = ""):
        items = [i for i in items if i is not None]
        if items:
            self.blocks.append(Block(region, items, name or region))

    # -- page text
    def _lines_of(self, it: It) -> list[str]:
        if it.tag == "menu":
            return [it.parts and self.msep.join(it.parts)] if self.join_menus else list(it.parts)
        if it.tag == "li":
            return [self.bullet + it.text]
        if it.tag == "tr":
            if self.tsep == "pad":
                return ["".join(c.ljust(max(14, len(c) + 2)) for c in it.cells).rstrip()]
            return [self.tsep.join(it.cells)]
        return [it.text]

    def text_lines(self) -> list[tuple[str, str]]:
        rng = random.Random(hash_str(self.title) + len(self.blocks))
        out = []
        for b in self.blocks:
            for it in b.items:
                for line in self._lines_of(it):
                    if not line.strip():
                        continue
                    if self.trail and rng.random() < self.trail:
                        line += rng.choice([" ", "  ", "\t"])
                    out.append((line, it.label))
                    if self.blank == "lines" or (self.blank == "mixed" and rng.random() < 0.3):
                        out.append(("", "blank"))
            if self.blank == "blocks" and (not out or out[-1][1] != "blank"):
                out.append(("", "blank"))
        while out and out[-1][1] == "blank":
            out.pop()
        return out

    # -- HTML
    def html(self) -> str:
        s = self.site
        scheme, p = s["scheme"], s["cp"]
        e = H.escape
        body = []
        for b in self.blocks:
            tag, attrs = wrapper(scheme, b.region, p, b.name)
            inner = self._html_items(b.items, scheme, p)
            body.append(f"<{tag}{attrs}>\n{inner}\n</{tag}>")
        if scheme == "tables":
            rows = "\n".join(f"<tr><td>{x}</td></tr>" for x in body)
            content = f'<table width="980" align="center" cellpadding="0" cellspacing="0">\n{rows}\n</table>'
        elif scheme in ("semantic", "wp"):
            heads = [x for x, b in zip(body, self.blocks) if b.region in ("top", "header", "nav")]
            rest = body[len(heads):]
            content = "\n".join(heads) + f'\n<main id="main" class="site-main">\n' + "\n".join(rest) + "\n</main>"
        else:
            content = f'<div id="{p}wrapper" class="container">\n' + "\n".join(body) + "\n</div>"
        meta = f'<meta name="description" content="{e(s["name"])}">'
        return (f'<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{e(self.title)}</title>\n{meta}\n'
                f'<link rel="stylesheet" href="/static/{p}style.css">\n'
                f'<script>window.dataLayer=window.dataLayer||[];</script>\n</head>\n'
                f'<body class="{p}body">\n{content}\n<script src="/static/{p}app.js"></script>\n</body>\n</html>\n')

    def _html_items(self, items, scheme, p) -> str:
        e = H.escape
        out, i = [], 0
        while i < len(items):
            it = items[i]
            if it.tag in ("li", "tr"):
                j = i
                while j < len(items) and items[j].tag == it.tag and items[j].label == it.label:
                    j += 1
                group = items[i:j]
                if it.tag == "li":
                    # the page text's bullet is part of the visible text (as when a site types it into the item)
                    bullet = H.escape(self.bullet)
                    lis = "\n".join(f"<li>{bullet}{self._inline(x)}</li>" for x in group)
                    lt = "ol" if it.cls == "ol" else "ul"
                    out.append(f'<{lt} class="{p}list">\n{lis}\n</{lt}>')
                else:
                    rows = []
                    for x in group:
                        c = "th" if x.cls == "th" else "td"
                        rows.append("<tr>" + "".join(f"<{c}>{e(v)}</{c}>" for v in x.cells) + "</tr>")
                    out.append(f'<table class="{p}table">\n' + "\n".join(rows) + "\n</table>")
                i = j
                continue
            out.append(self._html_item(it, scheme, p))
            i += 1
        return "\n".join(out)

    def _inline(self, it: It) -> str:
        e = H.escape
        if it.href:
            return f'<a href="{e(it.href)}">{e(it.text)}</a>'
        return e(it.text)

    def _html_item(self, it: It, scheme, p) -> str:
        e = H.escape
        t = e(it.text)
        cls = f' class="{p}{it.cls}"' if it.cls else ""
        if it.tag == "menu":
            if self.join_menus:
                sep = e(self.msep)
                links = sep.join(f'<a href="/{slug(x)}">{e(x)}</a>' for x in it.parts)
                return f'<div class="{p}{it.cls or "menu"}">{links}</div>'
            lis = "".join(f'<li><a href="/{slug(x)}">{e(x)}</a></li>' for x in it.parts)
            return f'<ul class="{p}{it.cls or "menu"}">{lis}</ul>'
        if it.tag in ("h1", "h2", "h3", "h4"):
            inner = self._inline(it)
            return f"<{it.tag}{cls}>{inner}</{it.tag}>"
        if it.tag == "a":
            if scheme in ("semantic", "wp") and it.cls == "teaser":
                return f'<h3 class="{p}title-news">{self._inline(it)}</h3>'
            c2 = cls or f' class="{p}item"'
            return f"<div{c2}>{self._inline(it)}</div>"
        if it.tag == "time":
            if scheme in ("semantic", "wp", "bootstrap"):
                return f'<time datetime="{it.when or ""}"{cls}>{t}</time>'
            return f'<span class="{p}date">{t}</span><br>'
        if it.tag == "cap":
            src = f"https://cdn.{self.site['domain']}/images/{abs(hash_str(it.text)) % 10**7}.jpg"
            if scheme in ("semantic", "wp", "bootstrap"):
                return f'<figure class="{p}fig"><img src="{src}" alt="" loading="lazy"><figcaption>{t}</figcaption></figure>'
            return f'<div class="{p}img-box"><img src="{src}"><p class="{p}caption">{t}</p></div>'
        if it.tag == "quote":
            return f"<blockquote{cls}><p>{t}</p></blockquote>"
        if it.tag == "btn":
            return f'<button type="button"{cls}>{t}</button>'
        if it.tag == "lead":
            if it.cls == "bold":
                return f'<p class="{p}sapo"><strong>{t}</strong></p>'
            return f'<h2 class="{p}description">{t}</h2>' if scheme == "divsoup" else f'<p class="{p}lead">{t}</p>'
        if it.tag == "label":
            return f'<label>{t}</label><input type="text" name="f{abs(hash_str(it.text)) % 100}">'
        if it.tag == "span":
            return f"<div{cls}><span>{t}</span></div>"
        if scheme == "divsoup" and it.label != "article":
            return f"<div{cls}>{t}</div>"
        return f"<p{cls}>{t}</p>"


def wrapper(scheme: str, region: str, p: str, name: str) -> tuple[str, str]:
    if scheme in ("semantic", "wp"):
        tag = {"top": "div", "header": "header", "nav": "nav", "article": "article", "aside": "aside",
               "footer": "footer", "comments": "section", "main": "section", "related": "section"}.get(region, "div")
        if scheme == "wp" and region == "article":
            return "article", f' id="post-{hash_str(name) % 9999}" class="post type-post status-publish"'
        return tag, f' class="{p}{name}"'
    if scheme == "bootstrap":
        tag = {"nav": "nav", "footer": "footer", "article": "div"}.get(region, "div")
        return tag, f' class="{"col-md-8" if region == "article" else "row"} {p}{name}"'
    if scheme == "tables":
        return "div", f' id="{p}{name}"'
    return "div", f' class="{p}{name}" id="{name}-{hash_str(p) % 97}"'


# ---------------------------------------------------------------- sites
FAMILIES = [  # (family, number of sites)
    ("enews", 7), ("tvradio", 3), ("provincial", 4), ("gov", 4), ("school", 3), ("hospital", 3), ("corporate", 3),
    ("tech", 3), ("finance", 3), ("blog", 4), ("forum", 4), ("legalqa", 3), ("recipe", 3), ("travel", 3),
    ("shop", 3), ("jobs", 2), ("realestate", 2), ("aggregator", 3)]

NO_ARTICLE_KINDS = {
    "enews": ["home", "category", "search", "tag", "notfound", "video"], "tvradio": ["video", "schedule", "home"],
    "provincial": ["category", "home", "notfound"], "gov": ["documents", "category", "contact", "procedures"],
    "school": ["category", "contact"], "hospital": ["contact", "doctors", "category"],
    "corporate": ["contact", "category"], "tech": ["category", "search", "video"],
    "finance": ["market", "category"], "blog": ["tag", "archive", "notfound"], "forum": ["forumindex", "threadlist"],
    "legalqa": ["search", "category"], "recipe": ["category", "search"], "travel": ["category", "tag"],
    "shop": ["product", "category"], "jobs": ["listing", "jobdetail"], "realestate": ["listing", "property"],
    "aggregator": ["home", "category"]}

MENUS = {"enews": None, "tvradio": None, "provincial": None, "gov": GOV_MENU, "school": UNI_MENU,
         "hospital": HOSP_MENU, "corporate": CORP_MENU, "tech": TECH_MENU, "finance": FIN_MENU, "blog": BLOG_CATS,
         "forum": FORUM_MENU, "legalqa": LAW_MENU, "recipe": FOOD_MENU, "travel": TRAVEL_MENU, "shop": SHOP_MENU,
         "jobs": JOB_MENU, "realestate": RE_MENU, "aggregator": AGG_MENU}

NAME_BITS = ["Phương Nam", "Hồng Hà", "Sao Mai", "Bình Minh", "Đất Việt", "Nam Bộ", "Thủ Đô", "Trường Sơn",
             "Hướng Dương", "Cửu Long", "Sông Hàn", "Ánh Dương", "Tây Đô", "Bạch Đằng", "Hoa Sen", "Kinh Bắc",
             "Lạc Hồng", "Vạn Xuân", "Hòa Bình", "Thăng Long", "Duyên Hải", "An Phú", "Tràng An", "Gia Định"]


def site_name(fam: str, rng: random.Random) -> tuple[str, str]:
    """(name, short tag used before leads)."""
    bit = rng.choice(NAME_BITS)
    prov = rng.choice(PROVINCES)
    city = rng.choice(CITIES)
    if fam == "enews":
        name = rng.choice(["Báo điện tử {b}", "{b} Online", "Tin nhanh {b}", "Thời báo {b}", "Nhịp sống {b}",
                           "Báo {b} điện tử", "Tiếng nói {b}", "{b} Plus"]).format(b=bit)
    elif fam == "tvradio":
        name = rng.choice(["Đài Phát thanh và Truyền hình {p}", "Truyền hình {b}", "Đài Tiếng nói {b}",
                           "{b} TV"]).format(p=prov, b=bit)
    elif fam == "provincial":
        name = f"Báo {prov}" if rng.random() < 0.6 else f"Báo {prov} điện tử"
    elif fam == "gov":
        name = rng.choice(["Cổng thông tin điện tử tỉnh {p}", "Sở Giáo dục và Đào tạo tỉnh {p}",
                           "Ủy ban nhân dân huyện {b}", "Sở Tài nguyên và Môi trường tỉnh {p}",
                           "Cổng thông tin điện tử thành phố {c}", "Sở Y tế tỉnh {p}"]).format(p=prov, b=bit, c=city)
    elif fam == "school":
        name = rng.choice(["Trường Đại học {b}", "Trường THPT {n}", "Học viện {b}", "Trường Cao đẳng Kỹ thuật {p}",
                           "Trường Tiểu học {b}"]).format(b=bit, p=prov, n=person(rng))
    elif fam == "hospital":
        name = rng.choice(["Bệnh viện Đa khoa tỉnh {p}", "Bệnh viện Nhi {c}", "Phòng khám Đa khoa {b}",
                           "Bệnh viện Mắt {b}", "Bệnh viện Y học cổ truyền {p}"]).format(p=prov, b=bit, c=city)
    elif fam == "corporate":
        name = rng.choice(["Ngân hàng TMCP {b}", "Tổng công ty Điện lực {b}", "Công ty Cổ phần Sữa {b}",
                           "Tập đoàn {b}", "Công ty Bảo hiểm {b}"]).format(b=bit)
    elif fam == "tech":
        name = rng.choice(["Góc Số", "Công Nghệ 247", "TechViệt", "Sống Số {b}", "Đánh Giá Nhanh", "Hội Mê Công Nghệ"]).format(b=bit)
    elif fam == "finance":
        name = rng.choice(["Thị Trường 24h", "Tài Chính {b}", "Chứng Khoán Plus", "Nhà Đầu Tư {b}", "Kinh Tế Số"]).format(b=bit)
    elif fam == "blog":
        name = rng.choice(["Blog của {n}", "Góc nhỏ của {t}", "Nhật ký {b}", "Chuyện lặt vặt", "Sổ tay {t}",
                           "Ghi chép của {n}"]).format(n=person(rng), t=rng.choice(TEN), b=bit)
    elif fam == "forum":
        name = rng.choice(["Diễn đàn {b}", "{b} Forum", "Hội Xe {b}", "Cộng đồng Mẹ và Bé {b}", "Diễn đàn Tin học {b}"]).format(b=bit)
    elif fam == "legalqa":
        name = rng.choice(["Hỏi Đáp Pháp Luật", "Tư vấn Luật {b}", "Công ty Luật {b}", "Thư viện Luật {b}"]).format(b=bit)
    elif fam == "recipe":
        name = rng.choice(["Bếp Nhà Mình", "Món Ngon Mỗi Ngày", "Vào Bếp Cùng {t}", "Bếp {b}"]).format(t=rng.choice(TEN), b=bit)
    elif fam == "travel":
        name = rng.choice(["Đi Đâu Chơi", "Phượt {b}", "Du lịch {p}", "Cẩm Nang Du Lịch {b}"]).format(b=bit, p=prov)
    elif fam == "shop":
        name = rng.choice(["{b} Mart", "Siêu thị {b}", "Điện máy {b}", "Nhà Sạch {b}"]).format(b=bit)
    elif fam == "jobs":
        name = rng.choice(["Việc Làm {b}", "Tuyển Dụng 365", "Tìm Việc Nhanh {b}"]).format(b=bit)
    elif fam == "realestate":
        name = rng.choice(["Nhà Đất {b}", "Bất động sản {b}", "Mua Bán Nhà {c}"]).format(b=bit, c=city)
    else:
        name = rng.choice(["Tin Tổng Hợp", "Đọc Báo 24", "Điểm Báo {b}", "Tin Mới {b}"]).format(b=bit)
    initials = "".join(w[0] for w in strip_marks(name).split() if w[0].isalpha()).upper()
    return name, initials


def make_site(n: int, fam: str, rng: random.Random) -> dict:
    name, initials = site_name(fam, rng)
    domain = slug(name, 6).replace("-", "") + rng.choice([".vn", ".com.vn", ".net", ".vn", ".gov.vn" if fam == "gov" else ".edu.vn" if fam == "school" else ".com"])
    menu = MENUS[fam]
    if menu is None:
        menu = rng.sample(NEWS_SECTIONS, rng.randint(7, 14))
    else:
        menu = list(menu)
        rng.shuffle(menu) if rng.random() < 0.3 else None
        menu = menu[:rng.randint(5, len(menu))]
    if fam in ("gov", "school", "hospital", "corporate") or rng.random() < 0.5:
        menu = (["Trang chủ"] if rng.random() < 0.7 else ["🏠"]) + menu
    scheme = rng.choice({"gov": ["tables", "divsoup", "divsoup", "bootstrap"], "blog": ["wp", "wp", "divsoup"],
                         "forum": ["divsoup", "tables", "semantic"]}.get(fam, ["semantic", "divsoup", "bootstrap", "semantic", "divsoup"]))
    tag_style = rng.choice(["({n}) - ", "{i} - ", "({i}) – ", "{I}.VN - ", "", "", "{i}O - "])
    site = {"id": f"D{n:02d}", "family": fam, "name": name, "short": initials, "domain": domain, "menu": menu,
            "scheme": scheme, "cp": rng.choice(["", "", "c-", "vn-", "tt-", "box-", "ms-", "site-"]),
            "join_menus": rng.random() < 0.5, "msep": rng.choice([" | ", "  ", " · ", " / ", " ", " - "]),
            "date_style": rng.randrange(11), "lead_tag": tag_style.format(n=name if len(name) < 18 else initials, i=initials, I=initials[:4]),
            "lead_bold": rng.random() < 0.5, "sidebar_first": rng.random() < 0.2, "editor": person(rng),
            "licence": f"{rng.randint(10, 480)}/GP-{rng.choice(['BTTTT', 'TTĐT', 'STTTT', 'BC'])}",
            "address": f"Số {rng.randint(2, 280)} {rng.choice(STREETS)}, {rng.choice(['phường', 'quận', 'thị trấn'])} "
                       f"{rng.choice(NAME_BITS)}, {rng.choice(CITIES + PROVINCES)}",
            "phone": f"0{rng.choice([24, 28, 236, 255, 238, 263])} {rng.randint(3000, 3999)} {rng.randint(1000, 9999)}",
            "hotline": f"{rng.choice(['1900', '1800'])} {rng.randint(1000, 9999)}", "year": 2026,
            "province": rng.choice(PROVINCES), "p": {k: rng.random() for k in (
                "breadcrumb", "audio", "font", "share", "views", "tags", "related", "comments", "ads", "sidebar",
                "widgets", "newsletter", "cookie", "app", "poll", "print", "author_top", "captions", "pullquote",
                "inline_related", "ticker", "caps", "prefix", "split")}}
    if fam in ("gov", "school", "hospital", "corporate", "legalqa", "shop", "jobs", "realestate"):
        site["p"]["ticker"] = 1.0
    if fam in ("gov", "school", "hospital", "corporate"):
        site["p"]["comments"] = 0.5 + site["p"]["comments"]
        site["p"]["app"] = site["p"]["newsletter"] = 1.0
    if fam == "finance":
        site["p"]["widgets"] = 0.0
    return site


# ---------------------------------------------------------------- chrome pieces
def when(rng) -> dt.datetime:
    return dt.datetime(2026, 1, 1, 6) + dt.timedelta(days=rng.randrange(340), minutes=rng.randrange(16 * 60))


def date_line(site, rng, style=None) -> It:
    d = when(rng)
    style = site["date_style"] if style is None else style
    wd = WEEKDAYS[d.weekday()]
    txt = [
        f"{wd}, {d.day}/{d.month}/{d.year}, {d:%H:%M} (GMT+7)",
        f"{d:%d/%m/%Y %H:%M}",
        f"{rng.randint(1, 23)} giờ trước" if rng.random() < 0.5 else f"{rng.randint(2, 59)} phút trước",
        f"Cập nhật: {d:%H:%M} ngày {d:%d/%m/%Y}",
        f"{d:%d-%m-%Y} - {d:%I:%M} {'AM' if d.hour < 12 else 'PM'}",
        f"Ngày đăng: {d:%d/%m/%Y}",
        f"{wd}, {d:%d/%m/%Y} - {d:%H:%M}",
        f"{d:%H:%M} | {d:%d/%m/%Y}",
        f"Đăng lúc: {d.hour} giờ {d.minute} phút, ngày {d.day} tháng {d.month} năm {d.year}",
        f"{d:%H:%M} {wd.lower()} {d:%d/%m/%Y}",
        f"Thời gian đăng: {d:%d.%m.%Y}",
    ][style % 11]
    return It(txt, "boilerplate", "time", when=d.isoformat())


def short_date(rng) -> str:
    d = when(rng)
    return rng.choice([f"{d:%d/%m/%Y}", f"{d:%d/%m}", f"{d:%H:%M %d/%m}", f"{rng.randint(1, 11)} giờ trước"])


def headline(art: dict, rng) -> str:
    t = art["title"]
    r = rng.random()
    if r < 0.15:
        return f"{t}: những điều chưa biết"
    if r < 0.25:
        return f"Tìm hiểu về {t[0].lower() + t[1:]}"
    if r < 0.32:
        return f"Video: {t}"
    return t


def teasers(site, rng, others, n, form="title", label="boilerplate", with_date=None) -> list:
    out = []
    with_date = rng.random() < 0.35 if with_date is None else with_date
    for o in rng.sample(others, min(n, len(others))):
        out.append(L(headline(o, rng), label, cls="teaser"))
        paras = [t for k, t in o["blocks"] if k == "p"]
        if form == "lead" and paras:
            out.append(It(first_sentence(rng.choice(paras[:2]), rng.randint(14, 30)), label, "p", cls="sapo"))
        if with_date:
            out.append(It(short_date(rng) + (f" | {rng.choice(site['menu'][1:] or ['Tin'])}" if rng.random() < 0.3 else ""), label, "span"))
    return out


def breadcrumb(site, rng, leaf=None) -> It:
    parts = [rng.choice(["Trang chủ", "Trang chủ", "Home", "🏠"])] + rng.sample(site["menu"][1:] or ["Tin tức"], 1)
    if rng.random() < 0.3:
        parts.append(rng.choice(["Tin tức", "Trong nước", "Sự kiện", "Chuyên đề", "Tổng hợp"]))
    if leaf:
        parts.append(leaf)
    sep = rng.choice([" > ", " » ", " / ", " › ", " - "])
    return B(sep.join(parts), "span", cls="breadcrumb")


def share_bar(rng) -> list:
    v = rng.randrange(7)
    if v == 0:
        return [B("Chia sẻ:"), M(["Facebook", "Zalo", "Twitter", "Email"], cls="share")]
    if v == 1:
        return [M(["Facebook", "Zalo", "Sao chép liên kết"], cls="share")]
    if v == 2:
        return [B(f"Chia sẻ {rng.randint(2, 900)}"), B(f"Thích {rng.randint(1, 3000)}")]
    if v == 3:
        return [B("Lưu bài viết"), B("Gửi bài viết qua email")]
    if v == 4:
        return [M(["Tweet", "Chia sẻ", "Pin"], cls="share")]
    if v == 5:
        return [B("Theo dõi chúng tôi trên Google News"), B("Chia sẻ bài viết")]
    return [M(["f", "Zalo", "in", "🔗"], cls="share")]


def counters(rng) -> It:
    v = rng.randrange(6)
    n = rng.randint(30, 90000)
    return B([f"{num(n)} lượt xem", f"Lượt xem: {num(n)}", f"👁 {n / 1000:.1f}K".replace(".", ","),
              f"{num(n)} lượt đọc · {rng.randint(0, 120)} bình luận", f"Bình luận ({rng.randint(0, 80)})",
              f"Lượt xem: {num(n)} | Bình luận: {rng.randint(0, 40)}"][v], "span")


def audio(rng) -> list:
    v = rng.randrange(4)
    if v == 0:
        return [B("Nghe bài viết", "btn"), B(f"00:00 / 0{rng.randint(1, 9)}:{rng.randint(10, 59)}", "span")]
    if v == 1:
        return [B("▶ Nghe tin", "btn"), M(["Giọng nữ miền Bắc", "Giọng nam miền Nam", "Giọng nữ miền Nam"], cls="voice")]
    if v == 2:
        return [B("Nghe audio", "btn"), B("Tốc độ 1x", "span")]
    return [B(f"Nghe bài viết ({rng.randint(2, 9)} phút)", "btn")]


def font_ctl(rng) -> It:
    return rng.choice([M(["A-", "A", "A+"], cls="font"), B("Cỡ chữ: A A A", "span"), B("Aa", "btn"),
                       M(["In bài", "Gửi email", "Cỡ chữ"], cls="tools")])


def tags_line(site, rng, art) -> list:
    words = [w for w in re.split(r"[\s,:;()]+", art["title"]) if len(w) > 2]
    tags = [art["title"].lower()] + rng.sample(site["menu"][1:] or ["tin tức"], min(2, len(site["menu"]) - 1))
    if words and rng.random() < 0.5:
        tags.append(words[0].lower() + " " + rng.choice(["mới nhất", "hôm nay", "2026", "tin tức"]))
    v = rng.randrange(4)
    if v == 0:
        return [B("Từ khóa: " + ", ".join(tags))]
    if v == 1:
        return [B("Tags:"), M([f"#{t.replace(' ', '')}" for t in tags], cls="tags")]
    if v == 2:
        return [B("Chủ đề:", "span"), M(tags, cls="tags")]
    return [B("Tag: " + " ".join(tags))]


def ad(rng) -> list:
    v = rng.randrange(6)
    lab = B(rng.choice(["Quảng cáo", "QUẢNG CÁO", "Tài trợ", "ADVERTISEMENT", "Nội dung tài trợ", "Tin tài trợ"]), "span", cls="ads")
    if v < 3:
        return [lab]
    offer = rng.choice(["Ưu đãi trả góp 0% cho khách hàng mua xe trong tháng này", "Mở tài khoản online, nhận ngay 100.000đ",
                        "Khóa học tiếng Anh giao tiếp giảm 40% học phí", "Căn hộ view sông chỉ từ 35 triệu/m²",
                        "Bảo hiểm sức khỏe cho cả gia đình, đăng ký trong 5 phút"])
    return [lab, L(offer, cls="ad-link")] + ([B("Tìm hiểu thêm", "btn")] if rng.random() < 0.5 else [])


def prompts(site, rng) -> list:
    out = []
    p = site["p"]
    if p["newsletter"] < 0.4 and rng.random() < 0.7:
        out += [B(rng.choice(["Đăng ký nhận bản tin", "Nhận tin mới mỗi sáng qua email", "ĐĂNG KÝ NHẬN TIN"])),
                B(rng.choice(["Nhập email của bạn", "Email của bạn", "Đăng ký"]), "btn")]
    if p["app"] < 0.35 and rng.random() < 0.7:
        out.append(B(rng.choice([f"Tải ứng dụng {site['name']}", "Đọc báo trên ứng dụng di động", "Tải app để nhận thông báo tin nóng"])))
        out.append(M(["App Store", "Google Play"], cls="apps"))
    return out


def cookie(site, rng) -> list:
    if site["p"]["cookie"] < 0.3:
        return [B(rng.choice(["Chúng tôi sử dụng cookie để cải thiện trải nghiệm của bạn. Tiếp tục truy cập nghĩa là bạn đồng ý với chính sách này.",
                              "Trang web này sử dụng cookie. Xem chính sách bảo mật.", "Website dùng cookie để phân tích lượt truy cập."])),
                B(rng.choice(["Đồng ý", "Tôi đồng ý", "OK", "Chấp nhận"]), "btn")]
    return []


def widgets(site, rng) -> list:
    out, fam = [], site["family"]
    kinds = ["weather", "gold", "fx", "stock", "poll", "video", "hot"]
    if fam in ("gov", "school", "hospital", "corporate", "blog"):
        kinds = ["weather", "poll", "video", "hot"] if fam == "gov" else ["weather", "video", "hot"]
    if fam == "finance":
        kinds = ["gold", "fx", "stock", "stock"]
    for w in rng.sample(kinds, rng.randint(1, 3)):
        if w == "weather":
            out += [B(rng.choice(["Thời tiết", "THỜI TIẾT"]), "h4"),
                    B(f"{rng.choice(CITIES + PROVINCES)} {rng.randint(14, 36)}°C {rng.choice(WEATHER)}"),
                    B(f"Độ ẩm {rng.randint(55, 95)}% · Gió {rng.randint(1, 9)} m/s") if rng.random() < 0.6 else None]
        elif w == "gold":
            a = rng.randint(118, 152)
            out += [B("Giá vàng", "h4"), B(f"SJC: Mua {a},{rng.randint(0, 9)}0 - Bán {a + 2},{rng.randint(0, 9)}0 (triệu đồng/lượng)"),
                    B(f"Nhẫn 9999: {a - 3},{rng.randint(0, 9)}0 / {a - 1},{rng.randint(0, 9)}0")]
        elif w == "fx":
            out += [B(rng.choice(["Tỷ giá", "Tỷ giá ngoại tệ"]), "h4"),
                    It(cells=["USD", num(rng.randint(25900, 26300)), num(rng.randint(26300, 26500))], tag="tr"),
                    It(cells=["EUR", num(rng.randint(29000, 30500)), num(rng.randint(30500, 31500))], tag="tr"),
                    It(cells=["JPY", f"{rng.randint(165, 178)},{rng.randint(10, 99)}", f"{rng.randint(178, 185)},{rng.randint(10, 99)}"], tag="tr")]
        elif w == "stock":
            out += stock_rows(rng, 3)
        elif w == "poll":
            q, opts = rng.choice(POLL_Q)
            out += [B(rng.choice(["Thăm dò ý kiến", "Bình chọn", "Khảo sát"]), "h4"), B(q)] + \
                   [B(o, "li") for o in opts] + [M(["Biểu quyết", "Xem kết quả"], cls="poll")]
        elif w == "video":
            out += [B(rng.choice(["Video", "VIDEO NỔI BẬT", "Xem nhiều video"]), "h4")]
            for _ in range(rng.randint(2, 3)):
                out += [L(rng.choice(["Toàn cảnh", "Khoảnh khắc", "Cận cảnh", "Nhìn lại", "Trực tiếp"]) + " " +
                          rng.choice(["lễ hội đường phố", "phiên chợ quê", "trận cầu đỉnh cao", "buổi họp báo",
                                      "mùa lúa chín", "cơn mưa lớn chiều qua"]) + f" tại {rng.choice(CITIES)}"),
                        B(f"0{rng.randint(0, 9)}:{rng.randint(10, 59)}", "span")]
        else:
            out += [B(rng.choice(["Chủ đề nóng", "Sự kiện", "Đang được quan tâm"]), "h4"),
                    M(["#" + x for x in rng.sample(["Bầu cử", "Giá xăng", "Thi tốt nghiệp", "Bão số 3", "AFF Cup",
                                                    "Lãi suất", "Cao tốc Bắc Nam", "Tết 2027", "Nắng nóng"], 4)], cls="hot")]
    return out


def stock_rows(rng, n) -> list:
    out = [B(f"VN-Index {num(rng.randint(1150, 1350))},{rng.randint(10, 99)} {rng.choice(['▲', '▼'])} {rng.randint(0, 19)},{rng.randint(10, 99)} ({rng.choice(['+', '-'])}{rng.randint(0, 1)},{rng.randint(10, 99)}%)", "span")]
    if rng.random() < 0.6:
        out.append(B(f"HNX-Index {rng.randint(215, 260)},{rng.randint(10, 99)} {rng.choice(['▲', '▼'])} {rng.randint(0, 3)},{rng.randint(10, 99)}", "span"))
    for t in rng.sample(TICKERS, n):
        out.append(It(cells=[t, num(rng.randint(12, 130) * 100 * 10), f"{rng.choice(['+', '-'])}{rng.randint(0, 6)},{rng.randint(0, 9)}%"], tag="tr"))
    return out


def comments(site, rng, art) -> list:
    n = rng.randint(1, 5)
    head = rng.choice([f"Bình luận ({n})", "Ý kiến bạn đọc", f"{n} bình luận", "BÌNH LUẬN", "Thảo luận"])
    out = [B(head, "h3")]
    if rng.random() < 0.6:
        out.append(B(rng.choice(["Bạn nghĩ gì về bài viết này?", "Đăng nhập để bình luận", "Viết bình luận của bạn...",
                                 "Ý kiến của bạn sẽ được biên tập trước khi đăng. Xin vui lòng gõ tiếng Việt có dấu."])))
        out.append(B(rng.choice(["Gửi", "Gửi bình luận", "Đăng"]), "btn"))
    if rng.random() < 0.4:
        out.append(M(["Mới nhất", "Cũ nhất", "Được thích nhất"], cls="sort"))
    paras = [t for k, t in art["blocks"] if k == "p"] if art else []
    title = art["title"] if art else "vấn đề này"
    low = title[0].lower() + title[1:] if title else title
    for _ in range(n):
        bits = []
        if paras and rng.random() < 0.35:
            frag = " ".join(rng.choice(paras).split()[:rng.randint(6, 12)])
            bits.append(rng.choice([f"Đoạn \"{frag}...\" có nguồn nào kiểm chứng không ạ?",
                                    f"Mình không đồng ý lắm với ý {frag}..., theo mình còn nhiều tranh cãi.",
                                    f"\"{frag}\" - chi tiết này trước giờ mình chưa từng biết."]))
        bits.append(rng.choice([f"Bài viết về {low} rất hay, cảm ơn tác giả.",
                                f"Hồi đi học mình cũng được nghe thầy kể về {low}, giờ đọc lại thấy nhớ.",
                                f"Mong báo có thêm nhiều bài chuyên sâu như thế này về {low}.",
                                f"Thông tin hữu ích. Ai có tài liệu thêm về {low} cho mình xin với.",
                                "Đọc xong thấy mình còn biết ít quá.", "Hay quá, đã chia sẻ cho cả nhà cùng đọc.",
                                f"Không biết bây giờ {low} ra sao rồi nhỉ?"]))
        out.append(B(rng.choice([person(rng), short_name(rng), rng.choice(NICKS)]) +
                     (f" - {rng.choice(CITIES + PROVINCES)}" if rng.random() < 0.3 else ""), "span", cls="cmt-name"))
        if rng.random() < 0.5:
            out.append(B(short_date(rng), "span"))
        out.append(B(" ".join(bits), cls="cmt-text"))
        out.append(rng.choice([M(["Trả lời", "Thích"], cls="cmt-act"), B(f"Thích · Trả lời · {rng.randint(1, 60)}", "span"),
                               B(f"Trả lời  {rng.randint(0, 40)} 👍", "span"), None]))
    if rng.random() < 0.3:
        out.append(B(rng.choice(["Xem thêm bình luận", "Xem tất cả bình luận"]), "btn"))
    return out


def footer(site, rng) -> list:
    fam, y = site["family"], site["year"]
    out = []
    if rng.random() < 0.5:
        out.append(M(site["menu"][:rng.randint(4, len(site["menu"]))], cls="footer-menu"))
    out.append(B(site["name"].upper() if rng.random() < 0.3 else site["name"], "h4"))
    if fam in ("enews", "tvradio", "provincial", "finance", "tech", "aggregator"):
        out.append(B(rng.choice([f"Giấy phép số {site['licence']} do Bộ Thông tin và Truyền thông cấp ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}/20{rng.randint(12, 24)}",
                                 f"Giấy phép hoạt động báo điện tử số {site['licence']}",
                                 f"Giấy phép thiết lập trang thông tin điện tử tổng hợp số {site['licence']}"])))
        out.append(B(rng.choice([f"Tổng biên tập: {site['editor']}", f"Chịu trách nhiệm nội dung: {site['editor']}",
                                 f"Tổng Biên tập: {site['editor']} - Phó Tổng Biên tập: {person(rng)}"])))
    elif fam == "gov":
        out.append(B(f"Cơ quan chủ quản: Ủy ban nhân dân tỉnh {site['province']}"))
        out.append(B(f"Trưởng Ban biên tập: {site['editor']}"))
        out.append(B(f"Lượt truy cập: {num(rng.randint(100000, 9000000))}", "span"))
        if rng.random() < 0.6:
            out.append(B(f"Đang trực tuyến: {rng.randint(5, 400)}", "span"))
    if fam in ("blog", "forum"):
        out.append(B(rng.choice([f"Liên hệ: {rng.choice(['admin', 'bqt', 'hotro'])}@{site['domain']}", "Nội quy", "Liên hệ BQT"])))
    else:
        out.append(B(rng.choice(["Địa chỉ: ", "Trụ sở: ", "📍 ", "Tòa soạn: "]) + site["address"]))
    if fam not in ("blog", "forum"):
        out.append(B(rng.choice([f"Điện thoại: {site['phone']} - Email: lienhe@{site['domain']}",
                             f"ĐT: {site['phone']} | Fax: {site['phone'][:-2]}{rng.randint(10, 99)}",
                             f"Hotline: {site['hotline']}", f"Email: toasoan@{site['domain']}"])))
    if rng.random() < 0.5:
        out.append(B(rng.choice([f"Liên hệ quảng cáo: {site['hotline']}", "Hợp tác nội dung", "Chính sách bảo mật",
                                 "Điều khoản sử dụng"])))
    out.append(B(rng.choice([f"© {y} {site['name']}. All rights reserved.", f"Bản quyền © {y} thuộc về {site['name']}",
                             f"Copyright © 20{rng.randint(10, 20)}-{y} {site['domain']}",
                             f"© Bản quyền thuộc về {site['name']}. Ghi rõ nguồn khi phát hành lại thông tin từ website này.",
                             f"Thiết kế bởi {rng.choice(NAME_BITS)} Software"])))
    if fam == "blog" and rng.random() < 0.6:
        out.append(B(rng.choice(["Được tạo bởi Blogger.", "Tự hào sử dụng WordPress", "Giao diện: Twenty Twenty-Four"])))
    if rng.random() < 0.3:
        out.append(B(rng.choice(["Lên đầu trang ↑", "Về đầu trang", "▲"]), "btn"))
    return out


def header(site, rng, page: Page, search=True) -> None:
    top = []
    if site["p"]["ticker"] < 0.25 or site["family"] == "finance":
        top += stock_rows(rng, rng.randint(2, 4))
    if rng.random() < 0.5:
        d = when(rng)
        top.append(B(rng.choice([f"{WEEKDAYS[d.weekday()]}, {d:%d/%m/%Y}", f"Hôm nay: {WEEKDAYS[d.weekday()]}, ngày {d.day} tháng {d.month} năm {d.year}",
                                 f"{d:%d/%m/%Y}"]), "span"))
    if rng.random() < 0.45:
        top.append(M(rng.choice([["Đăng nhập", "Đăng ký"], ["Đăng nhập"], ["Tài khoản", "Giỏ hàng (0)"],
                                 ["English", "Tiếng Việt"], ["Sơ đồ trang", "RSS", "Liên hệ"]]), cls="account"))
    if site["family"] in ("gov", "school", "hospital", "corporate") and rng.random() < 0.6:
        top.append(B(rng.choice([f"Hotline: {site['hotline']}", f"Đường dây nóng: {site['phone']}",
                                 "Giờ làm việc: Thứ 2 - Thứ 6: 7h30 - 17h00"] +
                                (["Cấp cứu 24/7: 115", "Giờ khám: Thứ 2 - Thứ 7: 7h00 - 16h30"] if site["family"] == "hospital" else []))))
    page.add("top", top, "topbar")
    hd = [B(site["name"] if rng.random() < 0.6 else site["name"].upper(), "span", cls="logo")]
    if rng.random() < 0.3:
        hd.append(B(rng.choice(["Thông tin nhanh - chính xác - tin cậy", "Cơ quan ngôn luận", "Kênh thông tin chính thống",
                                "Vì cộng đồng", "Chia sẻ để cùng tiến bộ"] if site["family"] not in ("blog", "forum") else
                                ["Nơi ghi lại những điều nhỏ bé", "Đọc, nghĩ và viết", "Cộng đồng chia sẻ kinh nghiệm", "Just another blog"]), "span"))
    if search and rng.random() < 0.5:
        hd.append(B(rng.choice(["Tìm kiếm", "🔍", "Tìm kiếm...", "Nhập từ khóa"]), "btn"))
    page.add("header", hd, "header")
    page.add("nav", [M(site["menu"], cls="nav")] + ([M(rng.sample(site["menu"], min(4, len(site["menu"]))), cls="subnav")]
                                                   if rng.random() < 0.15 else []), "nav")
    page.add("top", cookie(site, rng), "cookie")



def extras(site, rng, art, where: str) -> list:
    """Chrome particular to a kind of site, at one place of an article page."""
    fam, out = site["family"], []
    blogspot = fam == "blog" and site["scheme"] != "wp"
    if where == "meta":
        if fam == "blog":
            d = when(rng)
            who = rng.choice(["admin", site["editor"], rng.choice(NICKS)])
            if blogspot:
                out.append(B(f"Đăng bởi {who} vào lúc {d.hour % 12 or 12}:{d:%M} {'SA' if d.hour < 12 else 'CH'}", "span"))
            else:
                out.append(B(rng.choice([f"Posted on {d:%d/%m/%Y} by {who}", f"Đăng ngày {d.day} Tháng {d.month}, {d.year} bởi {who}",
                                         f"{d.day} Tháng {d.month}, {d.year} · {who} · {rng.randint(0, 30)} bình luận"]), "span"))
        elif fam == "tvradio" and rng.random() < 0.7:
            out += [B(rng.choice(["▶ Xem video", "VIDEO", "▶"]), "btn"),
                    B(f"{rng.choice(['Bản tin Thời sự', 'Chương trình Chào buổi sáng', 'Bản tin Tài chính', 'Chuyển động 24h'])} {rng.choice(['6h', '12h', '19h', '22h'])} ngày {when(rng):%d/%m}", "span"),
                    B(f"0{rng.randint(1, 6)}:{rng.randint(10, 59)}", "span")]
        elif fam == "finance" and rng.random() < 0.7:
            t = rng.choice(TICKERS)
            out.append(B(f"{t}: {num(rng.randint(120, 1300) * 100)} {rng.choice(['▲', '▼'])} {rng.randint(0, 6)},{rng.randint(0, 9)}%", "span"))
        elif fam == "aggregator":
            out.append(B(rng.choice(["Xem bài gốc", "Đọc bài gốc ›", "Nguồn bài viết"]), "btn"))
    elif where == "after":
        if fam == "blog":
            if blogspot:
                out += [M(["Gửi email bài đăng này", "BlogThis!", "Chia sẻ lên X", "Chia sẻ lên Facebook"], cls="share-post"),
                        B(f"Nhãn: {rng.choice(BLOG_CATS)}, {rng.choice(BLOG_CATS)}", "span"),
                        B(rng.choice(["Không có nhận xét nào:", f"{rng.randint(1, 9)} nhận xét:"]), "h4"),
                        B("Đăng nhận xét", "btn"), M(["Bài đăng Mới hơn", "Bài đăng Cũ hơn", "Trang chủ"], cls="blog-pager"),
                        B("Đăng ký: Đăng Nhận xét (Atom)")]
            else:
                out += [B(f"Chuyên mục: {rng.choice(BLOG_CATS)}", "span"), B("Điều hướng bài viết", "h4"),
                        B("← " + rng.choice(["Bài viết trước", "Bài trước"])), B(rng.choice(["Bài viết sau", "Bài tiếp theo"]) + " →"),
                        B(rng.choice(["Để lại bình luận", "Trả lời"]), "h3"),
                        B("Email của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *"),
                        B("Bình luận *", "label"), B("Tên *", "label"), B("Email *", "label"), B("Trang web", "label"),
                        B("Lưu tên của tôi, email, và trang web trong trình duyệt này cho lần bình luận kế tiếp của tôi."),
                        B("Phản hồi", "btn")]
        elif fam == "hospital":
            out += [B(rng.choice(["ĐẶT LỊCH KHÁM", "Đặt lịch hẹn khám bệnh", "Đăng ký tư vấn"]), "h3"),
                    B(f"Gọi tổng đài {site['hotline']} hoặc đặt lịch trực tuyến để được hỗ trợ nhanh nhất."),
                    B("Đặt lịch ngay", "btn")]
            if rng.random() < 0.6:
                out.append(B("Thông tin trong bài viết chỉ mang tính tham khảo, không thay thế cho việc chẩn đoán hoặc điều trị y khoa."))
        elif fam == "travel":
            out += [B(rng.choice(["Tour gợi ý", "Tour hot trong tháng", "Khách sạn gần đây"]), "h3")]
            for _ in range(rng.randint(2, 4)):
                out += [L(f"Tour {rng.choice(CITIES + PROVINCES)} {rng.randint(2, 5)}N{rng.randint(1, 4)}Đ - {rng.choice(['Khởi hành hằng ngày', 'Trọn gói vé máy bay', 'Giá tốt mùa thấp điểm'])}"),
                        B(f"Từ {num(rng.randint(15, 120) * 100000)}đ/khách", "span")]
            out.append(B(rng.choice(["Xem bản đồ", "Chỉ đường", "Xem tất cả tour"]), "btn"))
        elif fam in ("tech", "shop") and rng.random() < 0.6:
            p = rng.choice(PRODUCTS)
            out += [B(rng.choice(["Sản phẩm được nhắc đến", "Mua ở đâu giá tốt?"]), "h4"), L(p), B(f"{num(rng.randint(9, 300) * 10000 + 9000)}₫", "span"), B("Mua ngay", "btn")]
        elif fam == "school" and rng.random() < 0.6:
            out += [B("Thông báo", "h3")] + [L(rng.choice(["Thông báo lịch thi học kỳ ", "Kế hoạch nhập học khóa ", "Danh sách sinh viên nhận học bổng đợt ",
                                                            "Lịch nghỉ Tết Nguyên đán năm "]) + str(rng.randint(2025, 2027))) for _ in range(rng.randint(2, 4))]
    elif where == "side":
        if fam == "gov":
            out += [B(rng.choice(["Chuyên mục", "CHUYÊN MỤC"]), "h3")] + [L(x) for x in rng.sample(GOV_MENU[1:], rng.randint(3, 6))]
            out += [B("Văn bản mới", "h3")]
            for _ in range(rng.randint(2, 4)):
                out.append(L(f"{rng.choice(['Quyết định', 'Kế hoạch', 'Công văn', 'Thông báo'])} số {rng.randint(10, 3999)}/{rng.choice(['QĐ-UBND', 'KH-UBND', 'UBND-KT', 'TB-UBND'])}"))
            out += [B("Liên kết website", "h4"), B("-- Chọn liên kết --", "span"),
                    B(f"Lượt truy cập: {num(rng.randint(100000, 9000000))}", "span") if rng.random() < 0.5 else None]
        elif fam == "blog":
            out += [B(rng.choice(["Lưu trữ Blog", "Lưu trữ"]), "h4")]
            for m in range(12, 12 - rng.randint(3, 6), -1):
                out.append(L(f"▼ 2026 ({rng.randint(5, 40)})") if m == 12 and blogspot else L(f"Tháng {m} 2026 ({rng.randint(1, 9)})" if blogspot else f"Tháng {['Một', 'Hai', 'Ba', 'Tư', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Mười', 'Mười Một', 'Mười Hai'][m - 1]} 2026"))
            if rng.random() < 0.6:
                out += [B(rng.choice(["Giới thiệu về tôi", "Về tác giả"]), "h4"), B(rng.choice(
                    ["Một người thích đọc sách, đi bộ và ghi chép những điều nhỏ nhặt.", "Dân kỹ thuật nhưng mê lịch sử và văn chương.",
                     "Viết cho vui, đọc cho đỡ buồn."])), B("Xem hồ sơ hoàn chỉnh của tôi")]
            if rng.random() < 0.5:
                out += [B(rng.choice(["Tìm kiếm cho:", "Tìm kiếm Blog này"]), "label"), B("Tìm kiếm", "btn")]
    return [x for x in out if x is not None]

def sidebar(site, rng, others, art=None) -> list:
    out = extras(site, rng, art, "side") if rng.random() < 0.8 else []
    for _ in range(rng.randint(1, 2)):
        out.append(B(rng.choice(["Đọc nhiều", "Xem nhiều nhất", "Tin mới nhất", "Nổi bật", "Tin mới", "Có thể bạn quan tâm",
                                 "BÀI ĐƯỢC QUAN TÂM", "Tin cùng chuyên mục", "Chuyên mục"]), "h3"))
        out += teasers(site, rng, others, rng.randint(3, 6), rng.choice(["title", "title", "lead"]))
    if art and rng.random() < 0.25:
        out += [B(rng.choice(["Bạn đang đọc", "Đang xem", "Chủ đề"]), "h4"), L(art["title"])]
    if site["p"]["widgets"] < 0.6:
        out += widgets(site, rng)
    if site["p"]["poll"] < 0.15:
        q, opts = rng.choice(POLL_Q)
        out += [B("Thăm dò ý kiến", "h4"), B(q)] + [B(o, "li") for o in opts]
    if site["p"]["ads"] < 0.6 and rng.random() < 0.6:
        out += ad(rng)
    return out


# ---------------------------------------------------------------- article pages
def title_text(site, rng, art, menu_pick) -> str:
    t = art["title"]
    if site["p"]["caps"] < 0.12 or rng.random() < 0.05:
        return t.upper()
    if site["p"]["prefix"] < 0.15 or rng.random() < 0.05:
        return f"{menu_pick} | {t}" if rng.random() < 0.6 else f"[{menu_pick}] {t}"
    return t


def caption(rng, art, para) -> str:
    words = para.split()
    head = " ".join(words[:rng.randint(5, 11)]).rstrip(",.;:")
    v = rng.randrange(6)
    src = rng.choice(["Ảnh: Tư liệu", f"Ảnh: {person(rng)}", "(Ảnh: TTXVN)", "Ảnh minh họa", "Nguồn: Internet", "Ảnh: Wikipedia"])
    if v == 0:
        return f"{head}... {src}"
    if v == 1:
        return f"{art['title']}. {src}"
    if v == 2:
        return f"Hình {rng.randint(1, 4)}. {head}"
    if v == 3:
        return src
    return f"Một góc {art['title'][0].lower() + art['title'][1:]} ({src.strip('()')})"


def author_line(site, rng) -> It:
    name = person(rng)
    v = rng.randrange(8)
    txt = [name, name.upper(), f"Theo {rng.choice(['TTXVN', 'Tạp chí Xưa & Nay', 'VOV', 'Báo Nhân Dân', 'Khoa học & Đời sống', site['name']])}",
           f"Bài và ảnh: {name}", f"{name} (tổng hợp)", f"Tác giả: {name}", f"{short_name(rng).upper()} - {short_name(rng).upper()}",
           f"Nhóm phóng viên {rng.choice(['Thời sự', 'Xã hội', 'Kinh tế'])}"][v]
    return O(txt, "span" if rng.random() < 0.5 else "p", cls="author")


def body_items(site, rng, art, short=False) -> tuple[list, str]:
    """The article's blocks after the lead, with captions, pull quotes and inline links; and the lead text."""
    blocks = list(art["blocks"])
    lead = blocks.pop(0)[1]
    lead_style = rng.random()
    if lead_style < 0.3:
        lead = first_sentence(lead, 40)
    if short:
        keep, n = [], 0
        for k, t in blocks:
            if k == "p":
                n += 1
                if n > rng.randint(1, 2):
                    break
            keep.append((k, t))
        blocks = keep
    out = []
    p = site["p"]
    split = p["split"] < 0.2
    np_ = 0
    for k, t in blocks:
        if k == "h":
            tag = rng.choice(["h2", "h3", "h2"])
            txt = t if rng.random() < 0.8 else t.upper()
            out.append(A(txt, tag))
        elif k == "li":
            out.append(A(t, "li"))
        else:
            np_ += 1
            if p["captions"] < 0.7 and rng.random() < 0.25:
                out.append(O(caption(rng, art, t), "cap"))
            if split and len(t) > 250:
                for s in sentences(t):
                    out.append(A(s))
            else:
                out.append(A(t))
            if p["inline_related"] < 0.3 and rng.random() < 0.15 and np_ > 1:
                out.append(("REL",))
            if p["ads"] < 0.4 and rng.random() < 0.1:
                out.append(("AD",))
            if p["pullquote"] < 0.3 and rng.random() < 0.15:
                ss = sentences(t)
                if ss:
                    out.append(O("“" + ss[-1].rstrip(".") + "”", "quote"))
    return out, lead


def article_table(rng, art) -> list:
    rows = []
    for k, t in art["blocks"]:
        if k != "p":
            continue
        for s in sentences(t):
            m = re.search(r"\b(1[0-9]{3}|20[0-2][0-9])\b", s)
            if m and len(rows) < 6:
                rows.append((m[1], " ".join(s.split()[:rng.randint(6, 10)]).rstrip(",;:")))
    if len(rows) < 2:
        return []
    head = rng.choice([("Năm", "Sự kiện"), ("Mốc thời gian", "Nội dung"), ("Năm", "Ghi chú")])
    out = [A(rng.choice(["Một số mốc đáng chú ý", "Bảng tóm tắt", "Các mốc chính"]), "h3")] if rng.random() < 0.6 else []
    out.append(A("", "tr", cells=list(head), cls="th"))
    out += [A("", "tr", cells=list(r)) for r in rows]
    if rng.random() < 0.5:
        out.append(O(rng.choice(["Nguồn: tổng hợp", "Bảng: tổng hợp từ nhiều nguồn", "(Số liệu tham khảo)"])))
    return out


def article_page(site, art, others, rng) -> Page:
    page = Page(site, rng)
    fam, p = site["family"], site["p"]
    page.title = f"{art['title']} - {site['name']}"
    header(site, rng, page)
    section = rng.choice(site["menu"][1:] or ["Tin tức"])
    short = rng.random() < 0.2
    body, lead = body_items(site, rng, art, short)
    if fam == "forum":
        return forum_thread(site, art, others, rng, page, section, body, lead)
    if fam == "legalqa":
        return legal_page(site, art, others, rng, page, section, body, lead)
    side = sidebar(site, rng, others, art) if p["sidebar"] < 0.85 else []
    if site["sidebar_first"]:
        page.add("aside", side, "sidebar-left")
    head = []
    if p["breadcrumb"] < 0.7:
        head.append(breadcrumb(site, rng, art["title"] if rng.random() < 0.15 else None))
    elif rng.random() < 0.5:
        head.append(B(section.upper() if rng.random() < 0.5 else section, "span", cls="cate"))
    meta = []
    if p["author_top"] < 0.35:
        meta.append(author_line(site, rng))
    if site["family"] == "blog":
        meta += extras(site, rng, art, "meta")
    else:
        meta.append(date_line(site, rng))
        meta += extras(site, rng, art, "meta")
    if p["views"] < 0.5:
        meta.append(counters(rng))
    if p["font"] < 0.3:
        meta.append(font_ctl(rng))
    if p["share"] < 0.5:
        meta += share_bar(rng)
    if p["audio"] < 0.35:
        meta += audio(rng)
    title = A(title_text(site, rng, art, section), "h1", cls="title")
    tag = site["lead_tag"] if fam in ("enews", "provincial", "tvradio", "aggregator") else ""
    lead_it = A(tag + lead, "lead", cls="bold" if site["lead_bold"] else None)
    if fam == "aggregator":
        meta.insert(0, B(f"{rng.choice(['Báo Lao Động', 'Tuổi Trẻ', 'Tiền Phong', 'VOV', 'Người Lao Động', 'Dân Việt'])} · {rng.randint(1, 23)} giờ", "span"))
    order = rng.random()
    art_items = head + ([title] + meta if order < 0.75 else meta + [title])
    if fam == "recipe":
        art_items += [lead_it] + recipe_meta(rng) + recipe_items(rng, art, body)
    else:
        if rng.random() < 0.4 and p["captions"] < 0.8:
            art_items.append(O(caption(rng, art, lead), "cap"))
        art_items.append(lead_it)
        if rng.random() < 0.15 and fam in ("enews", "tvradio", "tech"):
            art_items.append(B(rng.choice(["Tin liên quan", "Đọc thêm"]), "span"))
            art_items += teasers(site, rng, others, 2, "title", with_date=False)
        tbl_at = rng.randrange(len(body) + 1) if rng.random() < 0.2 else -1
        for i, it in enumerate(body):
            if i == tbl_at:
                art_items += article_table(rng, art)
            if isinstance(it, tuple):
                if it[0] == "REL":
                    o = rng.choice(others)
                    art_items.append(L(rng.choice(["Xem thêm: ", "ĐỌC THÊM: ", ">> ", "► ", "Xem thêm >> "]) + o["title"]))
                else:
                    art_items += ad(rng)
                continue
            art_items.append(it)
    if not any(isinstance(x, It) and x.tag == "span" and x.cls == "author" for x in meta) and rng.random() < 0.7:
        art_items.append(author_line(site, rng))
    if rng.random() < 0.25:
        art_items.append(O(rng.choice([f"Theo {rng.choice(['Wikipedia', 'tài liệu lịch sử', 'Báo Tin tức', site['name']])}",
                                       "Nguồn: Tổng hợp", f"(Theo {rng.choice(['TTXVN', 'VNA', 'Reuters', 'AFP'])})"])))
    art_region = "article" if site["scheme"] != "divsoup" or rng.random() < 0.5 else "main"
    page.add(art_region, art_items, rng.choice(["detail", "article", "content-detail", "post", "fck_detail", "entry-content"]))
    after = []
    if p["tags"] < 0.6:
        after += tags_line(site, rng, art)
    if p["print"] < 0.35:
        after.append(M(rng.choice([["Báo lỗi", "In bài"], ["In bài viết", "Gửi email", "Lưu"], ["Quay lại", "Đầu trang", "In trang"],
                                   ["Báo lỗi bài viết"]]), cls="tools"))
    if p["share"] >= 0.5 and rng.random() < 0.5:
        after += share_bar(rng)
    if rng.random() < 0.3:
        after.append(B(rng.choice(["Bài viết có hữu ích với bạn?", "Đánh giá bài viết"]), "span"))
        after.append(M(["👍 Có", "👎 Không"] if rng.random() < 0.5 else ["★", "★", "★", "★", "★"], cls="rate"))
    after += extras(site, rng, art, "after")
    page.add("main", after, "after-article")
    if p["related"] < 0.8:
        rel = [B(rng.choice(["Tin liên quan", "Bài viết cùng chuyên mục", "Tin khác", "Xem thêm", "Bài cùng tác giả",
                             "Có thể bạn quan tâm", "CÙNG CHỦ ĐỀ", "Bài viết liên quan", "Tin cùng sự kiện"]), "h3")]
        rel += teasers(site, rng, others, rng.randint(3, 8), rng.choice(["title", "lead", "lead"]))
        page.add("related", rel, "related")
    if p["comments"] < 0.55 and not (fam == "blog" and rng.random() < 0.7):
        page.add("comments", comments(site, rng, art), "comments")
    page.add("main", prompts(site, rng), "prompts")
    if not site["sidebar_first"]:
        page.add("aside", side, "sidebar")
    if rng.random() < 0.4:
        page.add("main", [B(rng.choice(["Tin mới nhất", "Đọc tiếp", "Tin nổi bật khác"]), "h3")] +
                 teasers(site, rng, others, rng.randint(3, 6), "lead") + [B(rng.choice(["Xem thêm", "Tải thêm tin", "Xem tiếp"]), "btn")], "more-news")
    page.add("footer", footer(site, rng), "footer")
    return page


def recipe_meta(rng) -> list:
    out = [O(f"Thời gian chuẩn bị: {rng.choice([10, 15, 20, 30])} phút"), O(f"Thời gian nấu: {rng.choice([20, 30, 45, 60])} phút"),
           O(f"Khẩu phần: {rng.randint(2, 6)} người")]
    if rng.random() < 0.5:
        out.append(O(f"Độ khó: {rng.choice(['Dễ', 'Trung bình', 'Khó'])}"))
    return out if rng.random() < 0.8 else []


def recipe_items(rng, art, body) -> list:
    dish = rng.choice(DISHES)
    out = [A(rng.choice(["Nguyên liệu", "NGUYÊN LIỆU", "Chuẩn bị nguyên liệu"]), "h2")]
    out += [A(x, "li") for x in rng.sample(INGREDIENTS, rng.randint(4, 8))]
    out.append(A(rng.choice(["Cách làm", "Các bước thực hiện", f"Cách làm {dish}"]), "h2"))
    step = 0
    for it in body:
        if isinstance(it, tuple) or it.label != "article":
            if isinstance(it, It):
                out.append(it)
            continue
        if it.tag == "p":
            step += 1
            it.text = rng.choice([f"Bước {step}: ", f"{step}. ", f"Bước {step} - ", ""]) + it.text
        out.append(it)
    if rng.random() < 0.6:
        out.append(A(rng.choice(["Mẹo nhỏ", "Thành phẩm", "Lưu ý"]), "h3"))
        out.append(A(f"Món {dish} ngon nhất khi dùng nóng cùng cơm trắng; nếu nấu nhiều có thể để ngăn mát tủ lạnh dùng trong hai ngày."))
    return out


def forum_thread(site, art, others, rng, page, section, body, lead) -> Page:
    op = rng.choice(NICKS)
    items = [breadcrumb(site, rng), A(title_text(site, rng, art, section), "h1", cls="thread-title")]
    d = when(rng)
    items.append(B(rng.choice([f"Thảo luận trong '{section}' bắt đầu bởi {op}, {d:%d/%m/%Y}.",
                               f"Chủ đề được tạo bởi {op} · {d:%d/%m/%Y}", f"{op} · {d:%d/%m/%Y %H:%M}"])))
    if rng.random() < 0.5:
        items.append(B(f"Trang 1 / {rng.randint(2, 9)}", "span"))
    page.add("main", items, "thread-head")

    def user_block(nick, first=False):
        return [B("#1" if first else f"#{rng.randint(2, 60)}", "span"), B(nick, "span", cls="username"),
                B(rng.choice(["Thành viên mới", "Senior Member", "Thành viên tích cực", "Đã tốn tiền", "Moderator", "Xe đạp"]), "span"),
                B(f"Tham gia: {rng.choice(['Th', 'Tháng '])}{rng.randint(1, 12)}/{rng.randint(2008, 2024)}", "span") if rng.random() < 0.8 else None,
                B(f"Bài viết: {num(rng.randint(3, 12000))}", "span"),
                B(f"Được thích: {num(rng.randint(0, 5000))}", "span") if rng.random() < 0.6 else None,
                B(f"Nơi ở: {rng.choice(CITIES)}", "span") if rng.random() < 0.3 else None]
    post = user_block(op, True) + [A(lead)]
    for it in body:
        if isinstance(it, It):
            post.append(it if it.tag != "cap" else O(it.text, "cap"))
    post += [B(rng.choice(["Sửa lần cuối: ", "Chỉnh sửa lần cuối bởi người điều hành: "]) + short_date(rng), "span")] if rng.random() < 0.4 else []
    if rng.random() < 0.6:
        post.append(B(rng.choice(["Sống chậm lại, nghĩ khác đi.", "--- Xe cũ nhưng chạy êm ---", "Zalo: 09xx xxx 268 - nhận tư vấn miễn phí",
                                  "Cuộc đời là những chuyến đi.", "Hà Nội - Sài Gòn, đi đâu cũng nhớ nhà."]), cls="signature"))
    post.append(M(rng.choice([["Thích", "Trích dẫn", "Trả lời"], ["Like", "Trích dẫn"], ["Báo cáo", "Thích", "Trích dẫn", "Trả lời"]]), cls="post-act"))
    page.add("article", post, "post-first")
    paras = [t for k, t in art["blocks"] if k == "p"]
    low = art["title"][0].lower() + art["title"][1:]
    for _ in range(rng.randint(1, 4)):
        nick = rng.choice(NICKS)
        rep = user_block(nick)
        if rng.random() < 0.4:
            rep += [B(f"{op} đã viết:" if rng.random() < 0.5 else f"{op} said:", cls="quote-head"),
                    B(" ".join(rng.choice(paras).split()[:rng.randint(8, 20)]) + "...", "quote")]
        rep.append(B(rng.choice([f"Cảm ơn bác đã chia sẻ, lâu lắm mới thấy topic về {low} chất lượng thế này.",
                                 "Hóng phần tiếp theo của thớt.", f"Em thấy nhiều tài liệu nói khác về {low}, bác kiểm tra lại giúp em nhé.",
                                 "Bài dài quá, ai tóm tắt giúp với :D", f"Hồi trước đi qua đó em có nghe người dân kể về {low}.",
                                 "Like mạnh cho thớt!", "Hay, lưu lại đọc dần."])))
        rep.append(M(rng.choice([["Thích", "Trích dẫn", "Trả lời"], ["Trích dẫn"], ["Thích", "Trả lời"]]), cls="post-act"))
        page.add("comments", rep, "post-reply")
    page.add("main", [B(rng.choice(["Bạn phải đăng nhập hoặc đăng ký để trả lời ở đây.", "Trả lời nhanh", "Viết trả lời..."])),
                      B(rng.choice(["Trang 1 2 3 Sau »", "« Trước 1 2 Tiếp »", "Đến trang ... Tiếp"]), "span")], "reply-box")
    if rng.random() < 0.6:
        page.add("related", [B(rng.choice(["Chủ đề tương tự", "Bài viết liên quan", "Có thể bạn quan tâm"]), "h3")] +
                 teasers(site, rng, others, rng.randint(3, 5), "title", with_date=True), "similar")
    page.add("footer", [B(f"Thời gian theo GMT+7. Bây giờ là {when(rng):%H:%M}."),
                        B(f"Diễn đàn sử dụng phần mềm {rng.choice(['XenForo', 'vBulletin'])}")] + footer(site, rng), "footer")
    return page


def legal_page(site, art, others, rng, page, section, body, lead) -> Page:
    title = art["title"]
    low = title[0].lower() + title[1:]
    q_title = rng.choice([f"Quy định pháp luật liên quan đến {low} như thế nào?", f"Hỏi về {low}?", f"{title} có được pháp luật bảo vệ không?"])
    items = [breadcrumb(site, rng), A(q_title, "h1")]
    items.append(date_line(site, rng))
    if rng.random() < 0.5:
        items.append(counters(rng))
    items += [A(rng.choice(["Câu hỏi:", "Nội dung câu hỏi", "Tóm tắt câu hỏi:"]), "h3"),
              A(f"Xin chào Ban biên tập, tôi đang tìm hiểu về {low} và có một số thắc mắc. Mong được giải đáp. Xin cảm ơn!"),
              O(f"({person(rng)}, {rng.choice(PROVINCES)})")]
    items.append(A(rng.choice(["Trả lời:", "Luật sư tư vấn:", "Ban biên tập xin trả lời như sau:"]), "h3"))
    items.append(A(lead))
    for it in body:
        if isinstance(it, It):
            items.append(it)
    items.append(A(rng.choice(["Căn cứ pháp lý:", "Cơ sở pháp lý", "Căn cứ pháp lý"]), "h3"))
    items += [A(x, "li") for x in rng.sample(LAWS, rng.randint(1, 3))]
    items.append(O(rng.choice([f"Luật sư {person(rng)}", f"Người trả lời: Luật sư {person(rng)}", f"Chuyên viên pháp lý {person(rng)}"])))
    page.add("article", items, "qa-detail")
    page.add("main", [B(rng.choice(["Nội dung tư vấn trên chỉ mang tính tham khảo, không có giá trị pháp lý thay thế cho văn bản của cơ quan có thẩm quyền.",
                                    "Lưu ý: Nội dung trả lời chỉ áp dụng tại thời điểm đăng tải; quy định có thể đã thay đổi.",
                                    "Bài viết chỉ mang tính chất tham khảo, bạn đọc nên tham khảo ý kiến luật sư trước khi áp dụng."])),
                      B(f"Mọi thắc mắc xin gọi tổng đài tư vấn {site['hotline']}"),
                      B(rng.choice(["Gửi câu hỏi", "Đặt câu hỏi cho luật sư"]), "btn")], "disclaimer")
    page.add("related", [B(rng.choice(["Câu hỏi liên quan", "Hỏi đáp cùng chủ đề"]), "h3")] +
             [L(rng.choice(["Thủ tục ", "Điều kiện ", "Mức phạt khi ", "Hồ sơ "]) + rng.choice(
                 ["sang tên sổ đỏ năm 2026", "đăng ký kết hôn với người nước ngoài", "không đội mũ bảo hiểm",
                  "nghỉ việc không báo trước", "tách thửa đất ở nông thôn", "đăng ký thường trú cho con"]) + "?") for _ in range(rng.randint(3, 6))], "related")
    page.add("aside", sidebar(site, rng, others), "sidebar")
    page.add("footer", footer(site, rng), "footer")
    return page


# ---------------------------------------------------------------- pages without an article
def pagination(rng) -> It:
    n = rng.randint(3, 40)
    return B(rng.choice([f"Trang 1 2 3 ... {n} Sau »", "« Trước 1 2 3 4 5 Tiếp »", f"1 2 3 4 ... {n} »", "Xem thêm", "Tải thêm",
                         f"Trang 2/{n}", "‹ 1 2 3 ›"]), "span", cls="paging")


def no_article_page(site, kind, others, rng) -> Page:
    page = Page(site, rng)
    fam = site["family"]
    section = rng.choice(site["menu"][1:] or ["Tin tức"])
    page.title = f"{section} - {site['name']}"
    header(site, rng, page)
    main = []
    if kind in ("home", "category", "tag", "archive", "video", "threadlist"):
        if kind == "category":
            main += [breadcrumb(site, rng), B(section, "h1")]
        elif kind in ("tag", "archive"):
            main += [B(rng.choice([f"Tag: {others[0]['title']}", f"Lưu trữ thẻ: {others[0]['title'].lower()}",
                                   f"Tháng {rng.randint(1, 12)} năm 2026", f"Chủ đề: {others[0]['title']}", "Lưu trữ Blog"]), "h1")]
        elif kind == "video":
            main += [B(rng.choice(["Video", "VIDEO", "Truyền hình", "Xem lại"]), "h1")]
        elif kind == "threadlist":
            main += [breadcrumb(site, rng), B(section, "h1"), B("Tạo chủ đề mới", "btn")]
        if kind == "home" and rng.random() < 0.6:
            o = others[-1]
            main += [L(o["title"], cls="teaser"), B(first_sentence([t for k, t in o["blocks"] if k == "p"][0], 35))]
        for _ in range(rng.randint(1, 3) if kind == "home" else 1):
            if kind == "home":
                main.append(B(rng.choice(site["menu"][1:] or ["Tin mới"]).upper() if rng.random() < 0.4 else rng.choice(site["menu"]), "h2"))
            if kind == "threadlist":
                for o in rng.sample(others, rng.randint(5, 10)):
                    main += [L(headline(o, rng), cls="teaser"), B(f"{rng.choice(NICKS)} · {short_date(rng)}", "span"),
                             B(f"Trả lời: {rng.randint(0, 300)} · Xem: {num(rng.randint(50, 90000))}", "span")]
            elif kind == "video":
                for o in rng.sample(others, rng.randint(4, 8)):
                    main += [L(headline(o, rng), cls="teaser"), B(f"{rng.randint(0, 14):02d}:{rng.randint(10, 59)}", "span")]
            else:
                main += teasers(site, rng, others, rng.randint(4, 10), rng.choice(["lead", "lead", "title"]))
        main.append(pagination(rng))
    elif kind == "search":
        q = rng.choice(others)["title"].split()[:2]
        q = " ".join(q)
        main += [B(f"Kết quả tìm kiếm cho “{q}”" if rng.random() < 0.5 else f"Tìm kiếm: {q}", "h1"),
                 B(f"Tìm thấy {num(rng.randint(5, 4000))} kết quả", "span"),
                 M(["Tất cả", "Tin tức", "Video", "Ảnh"], cls="filter") if rng.random() < 0.5 else None,
                 M(["Mới nhất", "Liên quan nhất"], cls="sort") if rng.random() < 0.5 else None]
        main += teasers(site, rng, others, rng.randint(4, 9), "lead", with_date=True)
        main.append(pagination(rng))
    elif kind == "notfound":
        main += [B(rng.choice(["404", "Lỗi 404", "Oops!"]), "h1"),
                 B(rng.choice(["Không tìm thấy trang", "Trang không tồn tại", "Không tìm thấy nội dung"]), "h2"),
                 B(rng.choice(["Trang bạn tìm kiếm không tồn tại hoặc đã bị xóa.", "Đường dẫn có thể bị hỏng hoặc trang đã được chuyển đi nơi khác.",
                               "Rất tiếc, chúng tôi không tìm thấy nội dung bạn yêu cầu. Vui lòng kiểm tra lại đường dẫn."])),
                 B(rng.choice(["Quay về trang chủ", "« Về trang chủ", "Trở lại trang trước"]), "btn")]
        if rng.random() < 0.7:
            main += [B(rng.choice(["Có thể bạn quan tâm", "Tin mới nhất", "Bài viết mới"]), "h3")] + teasers(site, rng, others, rng.randint(3, 6), "title")
    elif kind == "contact":
        main += [breadcrumb(site, rng), B(rng.choice(["Liên hệ", "LIÊN HỆ VỚI CHÚNG TÔI", "Thông tin liên hệ"]), "h1"),
                 B(site["name"]), B("Địa chỉ: " + site["address"]), B(f"Điện thoại: {site['phone']}"),
                 B(f"Email: {rng.choice(['lienhe', 'info', 'hotro', 'vanthu'])}@{site['domain']}"),
                 B("Giờ làm việc: " + rng.choice(["Thứ 2 - Thứ 6: 7h30 - 17h00", "Sáng 7h30 - 11h30, chiều 13h30 - 17h00 các ngày làm việc", "24/7"])),
                 B(rng.choice(["Gửi thông tin cho chúng tôi", "Mẫu liên hệ", "Gửi phản ánh, kiến nghị"]), "h3"),
                 B("Họ và tên *", "label"), B("Email *", "label"), B("Số điện thoại", "label"), B("Nội dung", "label"),
                 B(rng.choice(["Gửi", "Gửi liên hệ", "Gửi đi"]), "btn"), B(rng.choice(["Xem bản đồ lớn hơn", "Chỉ đường"]))]
    elif kind in ("documents", "procedures"):
        main += [breadcrumb(site, rng), B("Văn bản" if kind == "documents" else "Thủ tục hành chính", "h1")]
        if kind == "documents":
            main += [B("Số/Ký hiệu", "label"), B("Loại văn bản", "label"), B("Tìm kiếm", "btn"),
                     It(cells=["Số ký hiệu", "Ngày ban hành", "Trích yếu"], tag="tr", cls="th")]
            for _ in range(rng.randint(5, 10)):
                d = when(rng)
                main.append(It(cells=[f"{rng.randint(10, 3999)}/{rng.choice(['QĐ-UBND', 'KH-UBND', 'CV-SGDĐT', 'TB-VP', 'CT-UBND'])}", f"{d:%d/%m/%Y}",
                                      rng.choice(["Về việc ", "Kế hoạch ", "Quyết định ", "Thông báo "]) + rng.choice(
                                          ["triển khai công tác phòng chống thiên tai năm 2026", "tổ chức kỳ thi tuyển sinh lớp 10",
                                           "phê duyệt danh mục dự án đầu tư công", "kết luận của Chủ tịch UBND tỉnh tại buổi làm việc",
                                           "tăng cường bảo đảm trật tự an toàn giao thông dịp cuối năm", "ban hành quy chế làm việc"])], tag="tr"))
        else:
            main += [M(["Cấp tỉnh", "Cấp huyện", "Cấp xã"], cls="tabs")]
            for _ in range(rng.randint(5, 10)):
                main.append(L(rng.choice(["Thủ tục ", "Cấp ", "Đăng ký ", "Gia hạn "]) + rng.choice(
                    ["giấy phép xây dựng nhà ở riêng lẻ", "bản sao trích lục hộ tịch", "khai sinh", "giấy chứng nhận quyền sử dụng đất",
                     "giấy phép kinh doanh vận tải", "chứng chỉ hành nghề y", "giấy phép lao động cho người nước ngoài"])))
                main.append(B(f"Mức độ: {rng.choice(['Một phần', 'Toàn trình'])} | Lĩnh vực: {rng.choice(['Xây dựng', 'Hộ tịch', 'Đất đai', 'Y tế', 'Lao động'])}", "span"))
        main.append(pagination(rng))
    elif kind == "schedule":
        main += [B(rng.choice(["Lịch phát sóng", "LỊCH PHÁT SÓNG HÔM NAY"]), "h1"), M(WEEKDAYS, cls="days")]
        t = 5 * 60
        for o in rng.sample(others, rng.randint(6, 12)):
            t += rng.choice([15, 30, 45, 60])
            main.append(It(cells=[f"{t // 60 % 24:02d}:{t % 60:02d}", rng.choice(["Thời sự: ", "Phim tài liệu: ", "Ký sự: ", "Chương trình ", ""]) + o["title"]], tag="tr"))
        main.append(B(rng.choice(["▶ Xem trực tiếp", "LIVE"]), "btn"))
    elif kind == "doctors":
        main += [breadcrumb(site, rng), B(rng.choice(["Đội ngũ bác sĩ", "Chuyên gia - Bác sĩ"]), "h1")]
        for _ in range(rng.randint(4, 8)):
            main += [L(rng.choice(["BS.CKII ", "ThS.BS ", "TS.BS ", "PGS.TS.BS ", "BSCKI "]) + person(rng), cls="teaser"),
                     B(rng.choice(["Khoa Nội tổng hợp", "Khoa Nhi", "Khoa Ngoại chấn thương", "Khoa Sản", "Khoa Tim mạch", "Khoa Mắt"]), "span"),
                     B("Đặt lịch", "btn")]
    elif kind == "market":
        main += [B(rng.choice(["Dữ liệu thị trường", "Bảng giá chứng khoán", "Thị trường"]), "h1"),
                 It(cells=["Mã CK", "Giá", "+/-", "KL"], tag="tr", cls="th")]
        for t in rng.sample(TICKERS, rng.randint(6, 12)):
            main.append(It(cells=[t, num(rng.randint(100, 1300) * 100), f"{rng.choice(['+', '-'])}{rng.randint(0, 6)},{rng.randint(0, 9)}%", num(rng.randint(1000, 9000000))], tag="tr"))
        main += [B("Tin doanh nghiệp", "h3")] + teasers(site, rng, others, rng.randint(3, 5), "title", with_date=True)
    elif kind == "forumindex":
        for cat in rng.sample(["Thông báo", "Thảo luận chung", "Chuyện trò linh tinh", "Kỹ thuật", "Mua bán - Rao vặt",
                               "Hỏi đáp", "Du lịch - Khám phá", "Nuôi dạy con", "Góc thư giãn"], rng.randint(3, 5)):
            main.append(B(cat, "h2"))
            for _ in range(rng.randint(2, 4)):
                o = rng.choice(others)
                main += [L(rng.choice(["Thảo luận ", "Góc ", "Chia sẻ ", "Hỏi đáp "]) + rng.choice(BLOG_CATS + TRAVEL_MENU).lower()),
                         B(f"Chủ đề: {num(rng.randint(10, 90000))} · Bài viết: {num(rng.randint(100, 900000))}", "span"),
                         B(f"Mới nhất: {headline(o, rng)}", "span"), B(f"{rng.choice(NICKS)}, {short_date(rng)}", "span")]
        main += [B("Thống kê diễn đàn", "h3"), B(f"Chủ đề: {num(rng.randint(10000, 900000))} · Bài viết: {num(rng.randint(10 ** 6, 3 * 10 ** 7))} · Thành viên: {num(rng.randint(10000, 900000))}"),
                 B(f"Thành viên mới nhất: {rng.choice(NICKS)}"), B(f"Đang trực tuyến: {rng.randint(100, 9000)} (thành viên: {rng.randint(10, 800)}, khách: {rng.randint(100, 8000)})")]
    elif kind == "product":
        prod = rng.choice(PRODUCTS)
        price = rng.randint(9, 300) * 10000 + 9000
        main += [breadcrumb(site, rng, prod), B(prod + rng.choice(["", " chính hãng", " - Bảo hành 12 tháng"]), "h1"),
                 B(f"★★★★☆ {rng.randint(40, 50) / 10:.1f}/5 ({rng.randint(3, 900)} đánh giá) | Đã bán {num(rng.randint(10, 20000))}".replace(".", ",", 1), "span"),
                 B(f"{num(price)}₫", "span"), B(f"Giá gốc: {num(int(price * 1.25 // 1000 * 1000))}₫ -20%", "span"),
                 B("Màu sắc:", "span"), M(rng.sample(["Trắng", "Đen", "Xanh", "Hồng", "Xám"], 3), cls="opt"),
                 B("Số lượng: 1", "span"), B("Thêm vào giỏ hàng", "btn"), B("Mua ngay", "btn"),
                 B(rng.choice(["Miễn phí giao hàng cho đơn từ 300.000₫", "Giao nhanh 2h nội thành", "Đổi trả trong 30 ngày"]), "li"),
                 B(rng.choice(["Bảo hành chính hãng 12 tháng", "Hàng chính hãng 100%"]), "li"),
                 B(rng.choice(["Mô tả sản phẩm", "Đặc điểm nổi bật"]), "h2"),
                 B(f"{prod} có thiết kế nhỏ gọn, phù hợp với nhiều không gian. Sản phẩm được làm từ vật liệu bền, dễ vệ sinh và an toàn cho người dùng."),
                 B("Thông số kỹ thuật", "h2")]
        for k, v in rng.sample([("Thương hiệu", rng.choice(NAME_BITS)), ("Xuất xứ", rng.choice(["Việt Nam", "Thái Lan", "Trung Quốc"])),
                                ("Công suất", f"{rng.randint(5, 200) * 10}W"), ("Bảo hành", "12 tháng"), ("Kích thước", f"{rng.randint(10, 60)} x {rng.randint(10, 60)} cm"),
                                ("Trọng lượng", f"{rng.randint(2, 90) / 10} kg")], 4):
            main.append(It(cells=[k, v], tag="tr"))
        main.append(B("Đánh giá sản phẩm", "h2"))
        for _ in range(rng.randint(1, 3)):
            main += [B(person(rng), "span"), B("★" * rng.randint(3, 5), "span"),
                     B(rng.choice(["Hàng đẹp, giao nhanh, đóng gói cẩn thận.", "Dùng được một tuần thấy ổn, sẽ ủng hộ tiếp.",
                                   "Giá hơi cao nhưng chất lượng tốt.", "Shop tư vấn nhiệt tình."]))]
        main += [B("Sản phẩm tương tự", "h3")] + [L(x) for x in rng.sample(PRODUCTS, 3)]
    elif kind in ("listing", "jobdetail", "property"):
        if kind == "jobdetail":
            job = rng.choice(JOBS)
            main += [breadcrumb(site, rng, job), B(job, "h1"), B(f"Công ty {rng.choice(['TNHH', 'Cổ phần'])} {rng.choice(NAME_BITS)}", "span"),
                     B(f"Mức lương: {rng.randint(7, 20)} - {rng.randint(21, 40)} triệu", "span"), B(f"Địa điểm: {rng.choice(CITIES)}", "span"),
                     B(f"Hạn nộp hồ sơ: {when(rng):%d/%m/%Y}", "span"), B("Ứng tuyển ngay", "btn"), B("Lưu tin", "btn"),
                     B("Mô tả công việc", "h2"), B("Tìm kiếm, tư vấn và chăm sóc khách hàng theo khu vực được phân công.", "li"),
                     B("Báo cáo kết quả công việc hằng tuần cho trưởng bộ phận.", "li"), B("Yêu cầu ứng viên", "h2"),
                     B(f"Tốt nghiệp {rng.choice(['Trung cấp', 'Cao đẳng', 'Đại học'])} trở lên.", "li"), B("Có ít nhất 1 năm kinh nghiệm ở vị trí tương đương.", "li"),
                     B("Quyền lợi", "h2"), B("Lương tháng 13, thưởng theo hiệu quả công việc.", "li"), B("Đóng bảo hiểm đầy đủ theo quy định.", "li"),
                     B("Cách thức ứng tuyển", "h3"), B("Ứng viên nộp hồ sơ trực tuyến bằng cách bấm nút Ứng tuyển ngay.")]
        elif kind == "property":
            area = rng.randint(30, 250)
            main += [breadcrumb(site, rng), B(f"Bán nhà {rng.choice(['mặt phố', 'trong ngõ', 'riêng'])} {rng.choice(STREETS)}, {area}m², {rng.randint(1, 6)} tầng", "h1"),
                     B(f"Mức giá: {rng.randint(2, 40)},{rng.randint(1, 9)} tỷ", "span"), B(f"Diện tích: {area} m²", "span"),
                     B(f"Phòng ngủ: {rng.randint(1, 6)}", "span"), B("Thông tin mô tả", "h2"),
                     B(f"Nhà chính chủ, sổ đỏ chính chủ, gần chợ, trường học, ô tô đỗ cửa. Liên hệ {person(rng)} 09{rng.randint(10000000, 99999999)}."),
                     B("Đặc điểm bất động sản", "h3"), It(cells=["Loại tin", "Nhà riêng"], tag="tr"), It(cells=["Pháp lý", "Sổ đỏ/ Sổ hồng"], tag="tr"),
                     It(cells=["Hướng nhà", rng.choice(["Đông Nam", "Tây Bắc", "Nam", "Đông"])], tag="tr"),
                     B(f"Ngày đăng: {when(rng):%d/%m/%Y}", "span"), B(f"Mã tin: {rng.randint(10 ** 7, 10 ** 8)}", "span"),
                     B("Hiện số", "btn"), B("Chat qua Zalo", "btn")]
        else:
            main += [B(rng.choice(["Việc làm mới nhất", "Tin đăng mới", f"{num(rng.randint(100, 50000))} tin đăng"]), "h1")]
            for _ in range(rng.randint(5, 9)):
                if fam == "jobs":
                    main += [L(rng.choice(JOBS), cls="teaser"), B(f"Công ty {rng.choice(NAME_BITS)}", "span"),
                             B(f"{rng.randint(7, 20)}-{rng.randint(21, 40)} triệu · {rng.choice(CITIES)} · Còn {rng.randint(1, 30)} ngày", "span")]
                else:
                    main += [L(f"Bán {rng.choice(['căn hộ', 'nhà', 'đất nền', 'biệt thự'])} {rng.choice(STREETS)}, {rng.choice(CITIES)}", cls="teaser"),
                             B(f"{rng.randint(1, 40)},{rng.randint(1, 9)} tỷ · {rng.randint(30, 300)} m² · {short_date(rng)}", "span")]
            main.append(pagination(rng))
    page.add("main", main, rng.choice(["list-news", "content", "main-col", "box-category", "page-body"]))
    if rng.random() < 0.75:
        page.add("aside", sidebar(site, rng, others), "sidebar")
    if rng.random() < 0.3:
        page.add("main", prompts(site, rng), "prompts")
    page.add("footer", footer(site, rng), "footer")
    return page


# ---------------------------------------------------------------- build
def build(raw: Path) -> list[dict]:
    rng = random.Random(SEED)
    arts = load_articles(raw, 700, residue=RESIDUE, seed=SEED)
    mains, pool = arts[:200], arts[200:]
    pages, n, ai = [], 0, 0
    for fam, count in FAMILIES:
        for _ in range(count):
            n += 1
            srng = random.Random(f"{SEED}:site:{n}")
            site = make_site(n, fam, srng)
            n_art = srng.choice([2, 2, 3]) if fam not in ("shop", "jobs", "realestate") else srng.choice([1, 2])
            n_no = (4 if fam in ("shop", "jobs", "realestate") and n_art == 1 else 3) - n_art
            if srng.random() < 0.3:
                n_no += 1
            others = srng.sample(pool, 40)
            for k in range(n_art):
                art = mains[ai % len(mains)]
                ai += 1
                prng = random.Random(f"{SEED}:{site['id']}:a{k}")
                page = article_page(site, art, [o for o in others if o["id"] != art["id"]], prng)
                pages.append(page_record(f"{site['id']}_a{k}", site["id"], fam, "article", [art["id"]], page))
            kinds = NO_ARTICLE_KINDS[fam]
            for k in range(n_no):
                kind = kinds[(k + srng.randrange(len(kinds))) % len(kinds)] if k == 0 else srng.choice(kinds)
                prng = random.Random(f"{SEED}:{site['id']}:n{k}")
                page = no_article_page(site, kind, srng.sample(others, 25), prng)
                pages.append(page_record(f"{site['id']}_n{k}_{kind}", site["id"], fam, kind, [], page))
    return pages


def check(pages: list[dict]) -> None:
    for p in pages:
        n_art = sum(label == "article" for _, label in p["labels"])
        if p["kind"] == "article":
            assert n_art >= 3, p["name"]
        else:
            assert n_art == 0, p["name"]
        assert all(label in ("article", "optional", "boilerplate") and t for t, label in p["labels"]), p["name"]
        assert "\r" not in p["text"]


def main(argv: list[str]) -> int:
    raw = Path(argv[1] if len(argv) > 1 else Path(__file__).resolve().parents[3].parent / "shared" / "data" / "raw")
    pages = build(raw)
    check(pages)
    write_pages(pages, OUT, "sites")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
