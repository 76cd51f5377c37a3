"""Build the synthetic part of the cleaning development set (seeded, deterministic).

Article text comes from Vietnamese Wikipedia (CC BY-SA 3.0, see NOTICE.md); the page chrome
around it (menus, breadcrumbs, dates, counters, share bars, related-article lists, comment
sections, footers, captions, by-lines, tables, lists, inline links) is drawn from several
site styles. Each page is written three ways: ``NNN_<style>.txt`` (what a crawler's text
extraction gives), ``NNN_<style>.html`` (the same page as HTML) and ``NNN_<style>.gold.txt``
(the article lines a cleaner should keep: title, lead, body, headings, list items, table rows,
captions, by-line; empty for pages without an article).

    python tests/data/cleaning/make_devset.py ../shared/data/raw   # rewrites the g*_ files
"""

from __future__ import annotations

import gzip
import html
import json
import random
import re
import sys
import zlib
from pathlib import Path

OUT = Path(__file__).parent
SEED = 20261123
SKIP_SECTIONS = {"tham khảo", "xem thêm", "liên kết ngoài", "chú thích", "ghi chú", "đọc thêm", "nguồn", "thư mục",
                 "thư viện ảnh", "hình ảnh", "danh sách", "tác phẩm", "sách", "đĩa nhạc", "danh hiệu"}

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý"]
GIVEN = ["Thu Trang", "Minh Anh", "Hoàng Phong", "Quốc Huy", "Thanh Hà", "Văn Nam", "Ngọc Lan", "Đức Thắng",
         "Hải Yến", "Tuấn Anh", "Phương Thảo", "Mạnh Hùng", "Bích Ngọc", "Quang Vinh", "Thùy Dung", "Sơn Hà"]
PLACES = ["Hà Nội", "TP. Hồ Chí Minh", "Đà Nẵng", "Cần Thơ", "Huế", "Nghệ An", "Quảng Ninh", "Lâm Đồng",
          "Bắc Kinh, Trung Quốc", "Viêng Chăn, Lào", "Tây Ninh", "Điện Biên"]

STYLES = {
    "national": dict(site=["Báo Thời Sự Việt", "Tin Tức 24h", "Báo Nhân Văn điện tử"],
                     menu=["Thời sự", "Thế giới", "Kinh tế", "Xã hội", "Văn hóa", "Thể thao", "Pháp luật",
                           "Giáo dục", "Sức khỏe", "Công nghệ"],
                     related=["Tin liên quan", "TIN CÙNG CHUYÊN MỤC", "Có thể bạn quan tâm", "Đọc nhiều"],
                     comments=["Ý kiến bạn đọc", "Bình luận (12)", "Gửi bình luận"]),
    "provincial": dict(site=["Báo Lâm Đồng Online", "Báo Nghệ An điện tử", "Cổng TTĐT tỉnh Điện Biên"],
                       menu=["Trang chủ", "Chính trị", "Kinh tế", "Văn hóa - Xã hội", "Quốc phòng - An ninh",
                             "Địa phương", "Nông nghiệp", "Du lịch"],
                       related=["Các tin khác", "Tin đã đưa", "TIN MỚI", "Bài viết khác"],
                       comments=["Ý kiến", "Bình luận"]),
    "army": dict(site=["Quân đội Online", "Báo Quân khu 9", "Biên phòng điện tử"],
                 menu=["Quốc phòng - An ninh", "Xây dựng Đảng", "Người lính", "Hậu phương", "Quân sự",
                       "Chống diễn biến hòa bình", "Văn nghệ"],
                 related=["Bài viết tương tự:", "TIN XEM NHIỀU:", "DƯ LUẬN QUAN TÂM:", "Tin khác cùng chuyên mục"],
                 comments=["Bình luận"]),
    "portal": dict(site=["Cổng thông tin điện tử huyện Lạc Dương", "Sở Văn hóa và Thể thao", "Trang TTĐT xã Tân Phú"],
                   menu=["Giới thiệu", "Tin tức - Sự kiện", "Văn bản", "Thủ tục hành chính", "Lịch công tác",
                         "Hỏi đáp", "Liên hệ"],
                   related=["Tin cùng chuyên mục", "Các tin đã đưa", "Liên kết website"],
                   comments=["Ý kiến phản hồi"]),
    "blog": dict(site=["Góc nhỏ của Lan", "Sổ tay du hành", "Blog Chuyện Đời"],
                 menu=["Trang chủ", "Du lịch", "Ẩm thực", "Sách", "Giới thiệu", "Liên hệ"],
                 related=["Bài viết liên quan", "Bài viết mới", "Có thể bạn chưa đọc"],
                 comments=["3 bình luận", "Để lại bình luận", "Leave a Reply"]),
}


def load_articles(raw: Path, rng: random.Random, n: int) -> list[dict]:
    """Pick ``n`` Wikipedia articles with enough running prose, as title/paragraph/heading/list blocks."""
    pool = []
    for name in ("viwiki19-articles.jsonl.gz", "viwiki17-articles.jsonl.gz"):
        with gzip.open(raw / name, "rt", encoding="utf-8") as f:
            for k, row in enumerate(f):
                if k % 7:
                    continue
                doc = json.loads(row)
                title = doc.get("title") or doc["title_lowercased"].capitalize()
                blocks, skip = [], False
                for line in doc["text"].split("\n"):
                    line = line.strip()
                    head = re.fullmatch(r"=+\s*(.*?)\s*=+", line)
                    if head:
                        skip = head[1].casefold() in SKIP_SECTIONS
                        if not skip and 3 <= len(head[1]) <= 60:
                            blocks.append(("heading", head[1]))
                        continue
                    if skip or not line or "displaystyle" in line or "\u200b" in line:
                        continue
                    if line.startswith("- ") and 4 <= len(line.split()) <= 30 and len(blocks) < 12:
                        blocks.append(("item", line[2:]))
                    elif len(line) >= 120 and line[-1] in ".!?\"”)":
                        blocks.append(("p", line))
                paras = [b for b in blocks if b[0] == "p"]
                if len(paras) >= 4 and " là một loài " not in doc["text"][:300] and 4 <= len(title) <= 90:
                    while blocks and blocks[0][0] != "p":
                        blocks.pop(0)
                    pool.append({"title": title, "blocks": blocks[:18]})
    rng.shuffle(pool)
    return pool[:n]


def name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}"


def date_line(rng: random.Random, dated: tuple[int, int, int, int, int]) -> str:
    d, m, y, hh, mm = dated
    weekday = rng.choice(["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"])
    return rng.choice([
        f"{weekday}, {d:02d}/{m:02d}/{y}, {hh:02d}:{mm:02d} (GMT+7)",
        f"{d:02d}/{m:02d}/{y} {hh:02d}:{mm:02d}",
        f"Cập nhật: {hh:02d}:{mm:02d} {d:02d}/{m:02d}/{y}",
        f"{weekday}, ngày {d} tháng {m} năm {y}",
        f"{y}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}",
        f"Ngày đăng: {d:02d}-{m:02d}-{y}",
        f"{hh:02d}:{mm:02d} | {d:02d}/{m:02d}/{y}",
    ])


def rand_date(rng: random.Random) -> tuple[int, int, int, int, int]:
    return rng.randint(1, 28), rng.randint(1, 12), rng.randint(2015, 2025), rng.randint(0, 23), rng.randint(0, 59)


def short_sentence(text: str) -> str:
    """The first sentence of ``text``, cut to 18 words: a plausible photo caption."""
    words = re.split(r"(?<=[.!?])\s+", text)[0].split()[:18]
    return " ".join(words).rstrip(",;:.") + "."


class Page:
    """A page as a list of (kind, text, gold_role) blocks; rendered to text and HTML."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, str, str | None]] = []

    def add(self, kind: str, text: str, gold: str | None = None) -> None:
        self.blocks.append((kind, text, gold))

    def gold(self) -> list[str]:
        return [text for _, text, gold in self.blocks if gold]


def build(style: str, art: dict, others: list[dict], rng: random.Random) -> Page:
    s = STYLES[style]
    page, site = Page(), rng.choice(s["site"])
    section = rng.choice(s["menu"])
    dated = rand_date(rng)
    page.add("site", site)
    menu_kind = rng.choice(["line", "lines", "none"])
    if menu_kind == "line":
        page.add("menu", rng.choice([" | ", " • ", "   "]).join(rng.sample(s["menu"], k=min(6, len(s["menu"])))))
    elif menu_kind == "lines":
        for item in rng.sample(s["menu"], k=min(5, len(s["menu"]))):
            page.add("menu", item)
    if rng.random() < 0.5:
        page.add("ui", rng.choice(["Đăng nhập", "Tìm kiếm", "English", "Đăng ký nhận tin"]))
    if rng.random() < 0.3:  # a sidebar of teasers before the article
        page.add("label", rng.choice(["TIN MỚI", "Tin nổi bật", "Mới cập nhật"]))
        for other in rng.sample(others, 3):
            page.add("teaser-title", other["title"])
    sep = rng.choice([" > ", " » ", " / ", " › "])
    crumb = rng.choice([f"Trang chủ{sep}{section}", f"{section}{sep}{rng.choice(s['menu'])}", section])
    page.add("breadcrumb", crumb)
    meta_order = rng.sample(["date", "counter", "author", "share"], k=rng.randint(1, 4))
    title_first = rng.random() < 0.6 or "author" in meta_order
    if title_first:
        page.add("title", art["title"], "title")
    author = name(rng)
    top_author = False
    for m in meta_order:
        if m == "date":
            page.add("date", date_line(rng, dated))
        elif m == "counter":
            page.add("counter", rng.choice([f"{rng.randint(100, 99999)} lượt xem", f"Lượt xem: {rng.randint(10, 9999)}",
                                            f"{rng.randint(1, 80)} bình luận", f"Đã xem: {rng.randint(10, 9999)}"]))
        elif m == "author" and style in ("blog", "national"):
            top_author = True
            page.add("author", rng.choice([f"Tác giả: {author}", f"Bởi {author}", f"Đăng bởi: {author}"]), "byline")
        elif m == "share":
            page.add("share", rng.choice(["Chia sẻ", "Chia sẻ | Bình luận | In bài", "Facebook Zalo Twitter",
                                          "A- A+ In bài", "Lưu bài viết Chia sẻ", "Nghe bài viết"]))
    if not title_first:
        page.add("title", art["title"], "title")
    paras = art["blocks"]
    body_started = False
    n_caps = 0
    inline_done = False
    for k, (kind, text) in enumerate(paras):
        if kind == "p":
            page.add("lead" if not body_started else "p", text, "lead" if not body_started else "body")
            body_started = True
            if rng.random() < 0.25 and n_caps < 3:
                cap = short_sentence(text)
                cap = rng.choice([cap, f"{cap} Ảnh: {name(rng)}", f"{cap} (Ảnh: {rng.choice(['TTXVN', 'VNA', name(rng)])})",
                                  "Ảnh minh họa", f"{cap[:-1]} - Ảnh: {rng.choice(['Internet', name(rng)])}"])
                page.add("caption", cap, "caption")
                n_caps += 1
            if not inline_done and 2 < k < len(paras) - 3 and rng.random() < 0.25:
                inline_done = True
                other = rng.choice(others)
                if rng.random() < 0.5:
                    page.add("inline", f"{rng.choice(['Xem thêm:', 'Đọc thêm:', '>> Xem thêm:'])} {other['title']}")
                else:
                    page.add("inline-head", rng.choice(["TIN LIÊN QUAN", "Tin liên quan:"]))
                    for o in rng.sample(others, 2):
                        page.add("inline-item", o["title"])
            if rng.random() < 0.06:
                page.add("ad", rng.choice(["Quảng cáo", "ADVERTISEMENT", "Advertisement"]))
        elif kind == "heading" and body_started and k + 1 < len(paras) and paras[k + 1][0] != "heading":
            page.add("heading", text, "heading")
        elif kind == "item" and body_started:
            page.add("item", text, "body")
    if rng.random() < 0.15:  # a small data table inside the article
        page.add("table", "Năm | Số liệu | Ghi chú", "body")
        for year in range(2019, 2022):
            page.add("table", f"{year} | {rng.randint(100, 9000)} | {rng.choice(['tăng', 'giảm', 'ổn định'])}", "body")
    if not top_author or rng.random() < 0.3:
        page.add("byline", rng.choice([author, author.upper(), f"{author} (gửi từ {rng.choice(PLACES)})",
                                       f"Bài và ảnh: {author}", f"{author} - {name(rng)}", "PV", "Nhóm PV"]), "byline")
    if rng.random() < 0.5:
        page.add("source", rng.choice(["Nguồn: mod.gov.vn", "Theo TTXVN", "(Theo VnExpress)", "Nguồn: Báo Nhân Dân",
                                       "Theo Báo Quân đội nhân dân"]))
    if rng.random() < 0.5:
        page.add("tags", rng.choice(["Từ khóa: " + ", ".join(o["title"] for o in rng.sample(others, 3)),
                                     "Tags: " + ", ".join(rng.sample(s["menu"], 3))]))
    if rng.random() < 0.6:
        page.add("share", rng.choice(["Chia sẻ", "Share Tweet", "Chia sẻ Facebook", "Báo lỗi", "In bài Gửi bài"]))
    blocks_after = rng.sample(["related", "comments", "related2"], k=rng.randint(1, 3))
    for b in blocks_after:
        if b.startswith("related"):
            page.add("label", rng.choice(s["related"]))
            twice, with_date, with_lead = rng.random() < 0.4, rng.random() < 0.5, rng.random() < 0.5
            for other in rng.sample(others, rng.randint(3, 6)):
                page.add("rel-title", other["title"])
                if twice:
                    page.add("rel-title", other["title"])
                if with_date:
                    page.add("date", date_line(rng, rand_date(rng)))
                if with_lead:
                    lead = next(t for kind, t in other["blocks"] if kind == "p")
                    page.add("rel-lead", lead)
        else:
            page.add("label", rng.choice(s["comments"]))
            for _ in range(rng.randint(0, 3)):
                page.add("comment-name", name(rng))
                page.add("date", date_line(rng, rand_date(rng)))
                other = rng.choice(others)
                page.add("comment", short_sentence(rng.choice([t for kind, t in other["blocks"] if kind == "p"])))
                page.add("ui", rng.choice(["Trả lời", "Thích", "Trả lời Thích"]))
    for label in rng.sample(["TIN XEM NHIỀU:", "TIN MỚI:", "Mới nhất", "Đọc nhiều nhất"], k=rng.randint(0, 2)):
        page.add("label", label)
    page.add("site", site)
    footer = [f"Cơ quan chủ quản: {rng.choice(['Bộ Tư lệnh Quân khu 9', 'UBND tỉnh Lâm Đồng', 'Hội Nhà báo Việt Nam'])}",
              f"Giấy phép số {rng.randint(10, 999)}/GP-BTTTT ngày {rand_date(rng)[0]:02d}/07/2021",
              f"Tổng Biên tập: {name(rng)}",
              f"Tòa soạn: {rng.randint(1, 200)} {rng.choice(['Lý Thường Kiệt', 'Trần Hưng Đạo', 'Hồ Văn Huê'])}, {rng.choice(PLACES[:6])}",
              f"Điện thoại: 0{rng.randint(20, 29)}.{rng.randint(1000000, 9999999)} - Fax: 0{rng.randint(20, 29)}.{rng.randint(1000000, 9999999)}",
              f"© {rng.randint(2003, 2025)} {site}. Ghi rõ nguồn khi phát hành lại thông tin từ website này.",
              "Email: [email protected] | [email protected]",
              f"Chịu trách nhiệm nội dung: {name(rng)}",
              "Theo dõi chúng tôi trên",
              "Liên hệ quảng cáo"]
    for line in rng.sample(footer, k=rng.randint(3, 7)):
        page.add("footer", line)
    return page


def build_listing(art_pool: list[dict], rng: random.Random) -> Page:
    page = Page()
    page.add("site", rng.choice(["Báo Thời Sự Việt", "Báo Lâm Đồng Online"]))
    page.add("menu", " | ".join(STYLES["national"]["menu"][:6]))
    page.add("breadcrumb", f"Trang chủ > {rng.choice(STYLES['national']['menu'])}")
    for other in rng.sample(art_pool, 8):
        page.add("rel-title", other["title"])
        page.add("date", date_line(rng, rand_date(rng)))
        page.add("rel-lead", next(t for kind, t in other["blocks"] if kind == "p"))
        if rng.random() < 0.5:
            page.add("ui", "Xem tiếp")
    page.add("ui", "Trang sau")
    page.add("footer", "© 2024 Báo Thời Sự Việt. Giấy phép số 123/GP-BTTTT")
    return page


# --- rendering ----------------------------------------------------------------------------------

def to_text(page: Page, rng: random.Random) -> str:
    """A crawler's text extraction: one block per line, blank lines between, NBSP where images were."""
    out, single = [], rng.random() < 0.3
    for kind, text, _ in page.blocks:
        if kind == "caption" and rng.random() < 0.7:
            out.append("\u00a0\n")
        out.append(text)
        out.append("\n" if single else "\n\n")
    return "".join(out)


def to_html(page: Page, style: str, rng: random.Random) -> str:
    """The same page as HTML, with markup that differs by site style."""
    e = html.escape
    semantic = style in ("national", "blog") or rng.random() < 0.4
    title = next((t for k, t, _ in page.blocks if k == "title"), "Trang chủ")
    site = next((t for k, t, _ in page.blocks if k == "site"), "")
    head = (f"<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{e(title)} - {e(site)}</title>"
            f"<meta property=\"og:title\" content=\"{e(title)}\"></head>\n<body>\n")
    parts, in_article, menu_open = [head], False, False
    art_open = "<article class=\"detail\">" if semantic else "<div class=\"content-detail\">"
    art_close = "</article>" if semantic else "</div>"
    for kind, text, gold in page.blocks:
        t = e(text)
        if kind != "menu" and menu_open:
            parts.append("</ul></nav>\n")
            menu_open = False
        if gold and not in_article:
            parts.append(art_open + "\n")
            in_article = True
        if not gold and in_article and kind in ("label", "site", "footer") and kind != "inline-head":
            parts.append(art_close + "\n")
            in_article = False
        if kind == "site":
            parts.append(f"<div class=\"logo\"><a href=\"/\">{t}</a></div>\n")
        elif kind == "menu":
            if not menu_open:
                parts.append("<nav class=\"menu\"><ul>")
                menu_open = True
            parts.append("".join(f"<li><a href=\"/{i}\">{e(x.strip())}</a></li>"
                                 for i, x in enumerate(re.split(r"\s*[|•]\s*|\s{3,}", text))))
        elif kind == "breadcrumb":
            parts.append(f"<div class=\"breadcrumb\">{t}</div>\n")
        elif kind == "title":
            parts.append(f"<h1 class=\"title\">{t}</h1>\n")
        elif kind == "date":
            parts.append(f"<span class=\"date\">{t}</span>\n")
        elif kind in ("lead",):
            parts.append(f"<p class=\"sapo\"><strong>{t}</strong></p>\n")
        elif kind == "p":
            parts.append(f"<p>{t}</p>\n")
        elif kind == "heading":
            parts.append(f"<h2>{t}</h2>\n")
        elif kind == "item":
            parts.append(f"<ul><li>{t}</li></ul>\n")
        elif kind == "table":
            cells = "".join(f"<td>{e(c.strip())}</td>" for c in text.split("|"))
            parts.append(f"<table><tr>{cells}</tr></table>\n")
        elif kind == "caption":
            parts.append(f"<figure><img src=\"/img/{zlib.crc32(text.encode()) % 999}.jpg\" alt=\"\"><figcaption>{t}</figcaption></figure>\n"
                         if semantic else f"<table class=\"image\"><tr><td><img src=\"/a.jpg\"></td></tr>"
                         f"<tr><td class=\"caption\"><em>{t}</em></td></tr></table>\n")
        elif kind in ("byline", "author"):
            parts.append(f"<p class=\"author\" style=\"text-align:right\"><strong>{t}</strong></p>\n")
        elif kind == "source":
            parts.append(f"<p class=\"source\"><em>{t}</em></p>\n")
        elif kind in ("label", "inline-head"):
            parts.append(f"<div class=\"box-title\"><h3>{t}</h3></div>\n")
        elif kind in ("rel-title", "teaser-title", "inline-item", "inline"):
            parts.append(f"<div class=\"item\"><a href=\"/bai-{zlib.crc32(text.encode()) % 99999}.html\">{t}</a></div>\n")
        elif kind in ("rel-lead", "comment"):
            parts.append(f"<div class=\"sapo-item\">{t}</div>\n")
        elif kind == "footer":
            parts.append(f"<footer><p>{t}</p></footer>\n")
        else:
            parts.append(f"<div class=\"{kind}\">{t}</div>\n")
    if in_article:
        parts.append(art_close + "\n")
    parts.append("</body></html>\n")
    return "".join(parts)


def main(raw: str) -> None:
    rng = random.Random(SEED)
    pool = load_articles(Path(raw), rng, 200)
    arts, others = pool[:40], pool[40:]
    styles = ["national", "provincial", "army", "portal", "blog"] * 6
    n = 0
    for k, style in enumerate(styles):
        page = build(style, arts[k], others, rng)
        write(f"g{n:02d}_{style}", page, style, rng)
        n += 1
    for _ in range(2):
        write(f"g{n:02d}_listing", build_listing(others, rng), "national", rng)
        n += 1


def write(stem: str, page: Page, style: str, rng: random.Random) -> None:
    (OUT / f"{stem}.txt").write_text(to_text(page, rng), encoding="utf-8")
    (OUT / f"{stem}.html").write_text(to_html(page, style, rng), encoding="utf-8")
    gold = page.gold()
    (OUT / f"{stem}.gold.txt").write_text("".join(line + "\n" for line in gold), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parents[4] / "shared" / "data" / "raw"))
