"""Vietnamese line rules: what a single line of page text is, judged by its wording alone.

Each rule has a name (the reason recorded when it drops a line) and looks at one line; rules
that need the rest of the page (repeated titles, related-article blocks, position) live in
:mod:`tachtu.cleaning.analysis`. The phrase lists are data (``data/chrome-phrases.tsv``).
Matching is done on an NFC, case-folded copy; the line itself is never changed.

>>> drop_reason("53007 lượt xem")
'counter'
>>> drop_reason("Quốc phòng - An ninh > Đối ngoại Quốc phòng")
'breadcrumb'
>>> drop_reason("Thứ hai, 29/10/2018, 09:22 (GMT+7)")
'date-only'
>>> drop_reason("Giấy phép số 486/GP-BTTTT ngày 28/07/2021")
'footer'
>>> drop_reason("Email: [email protected] | [email protected] | 1")
'email-artefact'
>>> section_kind("TIN XEM NHIỀU:"), section_kind("Bình luận")
('related', 'comments')
>>> drop_reason("Thượng tướng Hứa Kỳ Lượng hoan nghênh Đoàn đại biểu quân sự cấp cao Việt Nam.") is None
True
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from datetime import datetime
from functools import lru_cache
from importlib import resources

import regex

from tachtu.text.syllable import SENTENCE_FINALS

#: Rule names in the order they are tried, with what they mean (the audit's vocabulary).
RULES = {
    "email-artefact": "an e-mail address the crawler saw obfuscated ('[email protected]')",
    "url-only": "a bare web address",
    "date-only": "a date or time and nothing else",
    "meta-line": "a short line giving the date with the author, counters or 'Đăng/Cập nhật' ('Đăng ngày 5/3/2022 bởi ...')",
    "counter": "a view/like/comment counter ('53007 lượt xem')",
    "copyright": "a copyright notice (©, 'Bản quyền thuộc')",
    "footer": "site footer: licence, owner, editors, address, phone, fax",
    "breadcrumb": "a breadcrumb trail ('Quốc phòng - An ninh > Đối ngoại')",
    "navigation": "a menu: several short items separated by | • or tabs, or a section name",
    "related-heading": "the heading of a related-articles block ('Tin liên quan', 'TIN MỚI')",
    "comment-heading": "the heading of the comment section ('Bình luận', 'Ý kiến bạn đọc')",
    "share-widget": "share, print, font-size and similar buttons ('Chia sẻ', 'In bài')",
    "read-more-link": "a link to another article ('Xem thêm: ...', '>> Đọc thêm')",
    "tags": "a list of tags or keywords",
    "page-furniture": "login, search, advertising, paging and similar labels",
    "user-name": "a forum or comment user name (one lower-case token with digits or '_')",
    "no-letters": "no letters at all (separators, numbers, symbols)",
}

_SEP = r"[|•·●▪■►▶»«›‹→←/\\,;:()\[\]{}<>~*+=#_\-–—\"'“”‘’!?.…\s\d]"
_SEPS = regex.compile(_SEP + "+")
_EDGES = regex.compile(r"^[\W\d_]+|[\W\d_]+$")
_SPACES = regex.compile(r"\s+")
_LETTER = regex.compile(r"\p{L}")
_USER_NAME = regex.compile(r"^(?=.*[\d_])[a-z][a-z0-9_.\-]{2,30}$")
_LETTER_OR_DIGIT = regex.compile(r"\p{L}|\d")
MAX_CHROME_CHARS = 300  # longer lines are judged by wording only if they are menus
_WS = regex.compile(r"[\s\u200b\u200c\u200d\ufeff]+")


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """The matching form of a line: NFC, case-folded, inner whitespace collapsed.

    >>> fold("  TIN  MỚI ")
    'tin mới'
    """
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()


_SQUASH = regex.compile(r"[\s|]+")


def squash(text: str) -> str:
    """A line's identity across renderings: folded, without whitespace and table-cell bars.

    >>> squash("2019 | 5 568 | Tăng") == squash("2019  5 568 tăng")
    True
    """
    return _SQUASH.sub("", fold(text))


@lru_cache(maxsize=1)
def phrases() -> dict[str, tuple[str, ...]]:
    """The phrase lists of ``data/chrome-phrases.tsv`` by category, longest phrase first."""
    table: dict[str, list[str]] = defaultdict(list)
    text = resources.files("tachtu.cleaning").joinpath("data/chrome-phrases.tsv").read_text("utf-8")
    for row in text.splitlines():
        if row and not row.startswith("#"):
            category, phrase = row.split("\t")
            table[category].append(fold(phrase))
    return {k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in table.items()}


@lru_cache(maxsize=None)
def _alternation(category: str) -> str:
    return "|".join(regex.escape(p) for p in phrases()[category])


@lru_cache(maxsize=None)
def _pattern(template: str, category: str) -> regex.Pattern:
    return regex.compile(template.replace("{P}", _alternation(category)), regex.V1)


@lru_cache(maxsize=1)  # drop_reason asks it of one line for several phrase lists in a row
def _label(text: str) -> str:
    """A heading's words: folded, without bullets, trailing ':' and counts like '(3)'."""
    return _EDGES.sub("", fold(text))


def is_phrase_line(text: str, category: str) -> bool:
    """The whole line is one phrase of ``category`` (decoration and counts aside)."""
    return _label(text) in phrases()[category]


@lru_cache(maxsize=None)
def _phrase_set(category: str) -> tuple[frozenset[tuple[str, ...]], int]:
    words = [tuple(p.split()) for p in phrases()[category]]
    return frozenset(words), max(map(len, words))


def _covered(words: list[str] | tuple[str, ...], category: str) -> bool:
    """Whether ``words`` split entirely into phrases of ``category`` (longest match first)."""
    table, longest = _phrase_set(category)
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            if tuple(words[i:i + n]) in table:
                i += n
                break
        else:
            return False
    return True


def _only_phrases(text: str, category: str) -> bool:
    """The line is made of phrases of ``category``, separators and numbers only (at least one phrase)."""
    words = _phrase_words(text)
    return bool(words) and _covered(words, category)


@lru_cache(maxsize=1)  # drop_reason asks it of one line for several phrase lists in a row
def _phrase_words(text: str) -> tuple[str, ...]:
    """The folded line's words between separators and numbers."""
    return tuple(_SEPS.sub(" ", fold(text)).split())


# --- dates -------------------------------------------------------------------------------------

_DATE = regex.compile(
    r"(?<!\d)(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
    r"|\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?"
    r"|\d{1,2}\s*[:hg]\s*\d{2}(?::\d{2})?(?:\s*(?:am|pm|sa|ch))?"
    r"|(?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d{2})?"
    r"|\d+\s+(?:giây|phút|giờ|tiếng|ngày|tuần|tháng|năm)\s+trước)(?!\d)")
_DMY = regex.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
_YMD = regex.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_WORDY = regex.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:năm|,)?\s*(\d{4})")
_MONTH_WORDS = regex.compile(r"(?<!\w)\d{1,2}\s+tháng\s+(?:\d{1,2}|một|hai|ba|tư|năm|sáu|bảy|tám|chín|mười(?:\s+(?:một|hai))?)"
                           r",?\s+(?:năm\s+)?\d{4}(?!\d)")
_META_MARK = regex.compile(r"(?<!\w)(?:bởi|đăng|cập nhật|tác giả|người viết|viết|posted|gmt|lượt xem|lượt đọc|"
                           r"bình luận|views?)(?!\w)|[|—]")
_STARTED_BY = regex.compile(r"(?<!\w)(?:bắt đầu bởi|đăng bởi|gửi bởi|viết bởi|started by|posted by)(?!\w)")
_TIME = regex.compile(r"(?<![\d/.-])(\d{1,2})\s*[:hg]\s*(\d{2})(?!\d)")


def is_date_line(text: str) -> bool:
    """A line that only gives a date and/or time (with weekday and labels such as 'Cập nhật').

    >>> is_date_line("11:58 21/10/2025"), is_date_line("Cập nhật lúc 7 giờ trước")
    (True, True)
    >>> is_date_line("Ngày 20/10, tại Bentiu, Nam Sudan, hội phụ nữ tổ chức giao lưu")
    False
    """
    folded = fold(text)
    if len(folded) > 80:
        return False
    rest, found = _DATE.subn(" ", folded)
    has_word_date = bool(_WORDY.search(folded)) or "hôm qua" in folded or "hôm nay" in folded
    return (found > 0 or has_word_date) and _covered(_SEPS.sub(" ", rest).split(), "date")


def is_meta_line(text: str) -> bool:
    """A short line with a date and a marker of page metadata (author, counter, 'Đăng', 'Cập nhật').

    >>> is_meta_line("Đăng ngày 5 Tháng Ba, 2022 bởi Thảo Nguyên — 14 bình luận")
    True
    >>> is_meta_line("Lễ khai mạc ngày 12/3/2023 tại Hà Nội")
    False
    >>> is_meta_line("Thảo luận trong 'Kinh nghiệm' bắt đầu bởi minhtuan88, 12/10/2021.")
    True
    """
    folded = fold(text)
    if len(folded.split()) > 20:
        return False
    has_date = _DATE.search(folded) or _WORDY.search(folded) or _MONTH_WORDS.search(folded)
    if not has_date or not _META_MARK.search(folded):
        return False
    return not folded.endswith(".") or bool(_STARTED_BY.search(folded))


def parse_date(text: str) -> str | None:
    """The date (and time) on a line as ISO 8601, if one can be read.

    >>> parse_date("Thứ hai, 29/10/2018, 09:22 (GMT+7)")
    '2018-10-29T09:22'
    >>> parse_date("ngày 3 tháng 2 năm 2020"), parse_date("no date") is None
    ('2020-02-03', True)
    """
    folded = fold(text)
    found = _YMD.search(folded)
    if found:
        year, month, day = map(int, found.groups())
    elif found := (_DMY.search(folded) or _WORDY.search(folded)):
        day, month, year = map(int, found.groups())
    else:
        return None
    try:
        date = datetime(year, month, day)
    except ValueError:
        return None
    rest = folded[:found.start()] + " " + folded[found.end():]
    clock = _TIME.search(rest)
    if clock and int(clock[1]) < 24 and int(clock[2]) < 60:
        return date.replace(hour=int(clock[1]), minute=int(clock[2])).isoformat(timespec="minutes")
    return date.date().isoformat()


# --- single-line rules -------------------------------------------------------------------------

_EMAIL_ARTEFACT = regex.compile(r"\[\s*email(?:\s|&#160;|&nbsp;)*protected\s*\]|email\s+protected", regex.I)
_URL = regex.compile(r"^(?:https?://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|info|gov|edu)(?:/\S*)?$",
                     regex.I)
_COUNTER = r"^\(?\s*(?:\d[\d.,]*\s*[km]?\s*(?:{P})|(?:{P})\s*:?\s*\d[\d.,]*\s*[km]?)\s*\)?$"
_BREADCRUMB_SPLIT = regex.compile(r"\s+(?:>>?|»|›|→|/|\\)\s+|\s*[>»›→]\s*")
_NAV_SPLIT = regex.compile(r"\s*[|•·●▪■]\s*|\t+|\s{3,}")
_READ_MORE = regex.compile(
    r"^[\W_]*(?:xem thêm|đọc thêm|xem tiếp|đọc tiếp|mời xem|mời bạn đọc|tin liên quan|bài liên quan|"
    r"tin cùng chủ đề|video|clip|>>|»)\s*[:>»\-–]+\s*\S|^[\W_]*(?:xem thêm|đọc thêm|xem tiếp|đọc tiếp)\W*$|"
    r"(?:xem thêm|đọc thêm|xem tiếp|đọc tiếp|xem chi tiết)\s*(?:>>|»|→|\.\.\.|…)\s*$")
_TAGS = regex.compile(r"^(?:tags?|từ khóa|từ khoá|keywords?|thẻ|chủ đề)\s*[:：]|^(?:#\w+[\s,]*){2,}$")


_COUNTER_SPLIT = regex.compile(r"\s*[|•·,]\s*|\s{2,}")
_LABELLED_NUMBER = regex.compile(r"^[\p{L}][\p{L} ]{1,24}[:：]\s*\d[\d.,/-]*\s*[km]?$")


def _is_counter(folded: str) -> bool:
    """'53007 lượt xem', 'Lượt xem: 1.234', '12 bình luận | 5 chia sẻ', 'Bài viết: 25'."""
    parts = [p for p in _COUNTER_SPLIT.split(folded) if p]
    return bool(parts) and all(_pattern(_COUNTER, "counter").match(p) or _LABELLED_NUMBER.match(p) for p in parts)


def _is_breadcrumb(text: str) -> bool:
    folded = fold(text)
    if folded.startswith(("trang chủ", "home")) and _BREADCRUMB_SPLIT.search(folded):
        return True
    parts = [p for p in _BREADCRUMB_SPLIT.split(folded) if p.strip()]
    return (len(parts) >= 2 and len(folded.split()) <= 20
            and all(len(p.split()) <= 7 and not p.rstrip().endswith((".", "?", "!")) for p in parts))


def section_names(text: str) -> bool:
    """The line is only names of site sections ('Kinh tế', 'Trang chủ Thời sự Thế giới').

    Between paragraphs such a line is a sub-heading; elsewhere it is a menu.
    """
    return is_phrase_line(text, "section") or _only_phrases(text, "section")


def _is_navigation(text: str) -> bool:
    if section_names(text):
        return True
    parts = [p for p in _NAV_SPLIT.split(text.strip()) if p.strip()]
    return len(parts) >= 3 and all(len(p.split()) <= 5 and not p.endswith(".") for p in parts)


def _is_footer(text: str) -> bool:
    folded = fold(text)
    strong = _pattern(r"^[\W_]*(?:{P})(?!\w)\s*(?P<colon>[:：])?", "footer").match(folded)
    if strong:
        return bool(strong["colon"]) or any(c.isdigit() for c in folded) or len(folded.split()) <= 14
    return bool(_pattern(r"^[\W_]*(?:{P})\s*[:：]", "footer-label").match(folded))


def _is_copyright(text: str) -> bool:
    folded = fold(text)
    return len(folded.split()) <= 40 and ("©" in folded or "(c) " in folded or folded.startswith(
        ("copyright", "bản quyền thuộc", "giữ bản quyền")) or "giữ bản quyền" in folded
        or "all rights reserved" in folded)


@lru_cache(maxsize=65536)
def drop_reason(text: str) -> str | None:
    """The name of the first single-line rule that says ``text`` is page chrome, else ``None``."""
    line = text.strip()
    if len(line) > MAX_CHROME_CHARS:
        return "navigation" if len(line) <= 20 * MAX_CHROME_CHARS and _is_navigation(line) else None
    folded = fold(line)
    if not folded:
        return None
    if _EMAIL_ARTEFACT.search(line) and len(folded.split()) <= 12:
        return "email-artefact"
    if _URL.match(folded):
        return "url-only"
    if _is_copyright(line):
        return "copyright"
    if len(folded.split()) > 15 and line.endswith(SENTENCE_FINALS):
        return None  # a long sentence: running text, whatever words it contains
    if is_date_line(line):
        return "date-only"
    if is_meta_line(line):
        return "meta-line"
    if _is_counter(folded):
        return "counter"
    if _is_footer(line):
        return "footer"
    kind = section_kind(line)
    if kind == "related":
        return "related-heading"
    if kind == "comments":
        return "comment-heading"
    if _only_phrases(line, "widget"):
        return "share-widget"
    if _READ_MORE.search(folded):
        return "read-more-link"
    if _TAGS.match(folded):
        return "tags"
    if is_phrase_line(line, "ui") or _only_phrases(line, "ui"):
        return "page-furniture"
    if _is_breadcrumb(line):
        return "breadcrumb"
    if _is_navigation(line):
        return "navigation"
    if not _LETTER.search(folded):
        return "no-letters"
    if _USER_NAME.match(line):
        return "user-name"
    return None


def section_kind(text: str) -> str | None:
    """``'related'`` or ``'comments'`` if the line is the heading of such a block, else ``None``."""
    if len(text) > 80:
        return None
    label = _label(text)
    label = _HEADING_PREFIX.sub("", label)
    if _REPLY.search(label) and _only_phrases(text, "widget"):
        return "comments"  # a reply/quote bar closes a forum post or a comment
    if label in _READ_MORE_LABELS and not text.rstrip().endswith((":", "：")):
        return None  # a lone "Xem thêm" is a link, "Xem thêm:" heads a list of links
    for kind in ("related", "comments"):
        if label in phrases()[kind]:
            return kind
    return None


_HEADING_PREFIX = regex.compile(r"^(?:\d+|các|những)\s+")
_REPLY = regex.compile(r"(?<!\w)(?:trả lời|trích dẫn|reply|quote)(?!\w)")
_READ_MORE_LABELS = {"xem thêm", "đọc thêm", "xem tiếp", "đọc tiếp"}


# --- role hints --------------------------------------------------------------------------------

_NAME_WORD = regex.compile(r"^(?:\p{Lu}[\p{L}.'’-]*|\p{Lu}\.|và|&|-|–|,)$")
_PARENTHESES = regex.compile(r"\([^)]*\)")
_DASH = regex.compile(r"\s+[-–]\s+")
_INITIAL_AT_END = regex.compile(r"(?:^|[\s.])\p{Lu}\.$")


def _words_outside_parentheses(text: str) -> list[str]:
    return _PARENTHESES.sub(" ", text).replace(",", " , ").split()


def looks_like_name(text: str) -> bool:
    """A short run of capitalised words: a by-line such as 'Thu Trang (gửi từ Bắc Kinh)' or 'MINH ANH',
    possibly followed by ' - ' and where the author works ('Minh Tâm - Trung tâm Truyền thông tỉnh').

    >>> looks_like_name("Thu Trang (gửi từ Bắc Kinh, Trung Quốc)"), looks_like_name("Quang cảnh hội đàm.")
    (True, False)
    >>> looks_like_name("Minh Tâm - Trung tâm Truyền thông tỉnh")
    True
    """
    if len(text) > 200:
        return False
    text = unicodedata.normalize("NFC", text)  # decomposed capitals and 'và' read as composed ones
    parts = _DASH.split(text.strip(), maxsplit=1)
    if len(parts) == 2:
        name, place = parts
        if place[:1].isupper() and len(place.split()) <= 6 and not place.endswith(".") \
                and len(name.split()) <= 4 and _name_words(name):
            return True
    return _name_words(text)


def _name_words(text: str) -> bool:
    """Every word capitalised (or a joiner such as "và", "-"), 1-8 words, no sentence end."""
    words = _words_outside_parentheses(text.strip())
    core = [w for w in words if w not in {"-", "–", ",", "và", "&"}]
    if not 1 <= len(core) <= 8 or text.rstrip().endswith(("?", "!", ":")):
        return False
    if text.rstrip().endswith(".") and not _INITIAL_AT_END.search(text.rstrip()):
        return False
    return all(_NAME_WORD.match(w) for w in words)


def byline_hint(text: str) -> bool:
    """An explicit author line ('Tác giả: ...', 'Bài và ảnh: ...', 'PV', 'Nhóm PV').

    >>> byline_hint("Bài và ảnh: Minh Anh"), byline_hint("Bài học kinh nghiệm được rút ra.")
    (True, False)
    """
    if len(text) > 200:
        return False
    line = unicodedata.normalize("NFC", text.strip())
    if len(line.split()) > 10 or line.endswith(("?", "!")):
        return False
    return bool(_pattern(r"^[\W_]*(?i:{P})(?:\s*[:：\-–]\s*\S|\s+\p{Lu}|$)", "byline").match(line))


def source_hint(text: str) -> bool:
    """A source line ('Nguồn: mod.gov.vn', 'Theo TTXVN', '(Theo VnExpress)').

    >>> source_hint("Nguồn: mod.gov.vn"), source_hint("Theo ông Nam, giá sẽ tăng.")
    (True, False)
    """
    if len(text) > 200:
        return False
    stripped = text.strip().strip("()[]").strip()
    folded = fold(stripped)
    if len(folded.split()) > 10 or not folded:
        return False
    if _pattern(r"^(?:{P})\s*[:：]\s*\S", "source").match(folded):
        return True
    rest = stripped[len("Theo"):].strip() if folded.startswith("theo ") else ""
    return bool(rest) and rest[0].isupper() and "," not in rest and not rest.endswith(".")


def caption_hint(text: str) -> bool:
    """A photo caption by its label ('Ảnh: ...', '... (Ảnh: TTXVN)', 'Ảnh minh họa').

    >>> caption_hint("Quang cảnh hội đàm. Ảnh: Hoàng Phong"), caption_hint("Ảnh hưởng của bão rất lớn.")
    (True, False)
    """
    if len(text) > MAX_CHROME_CHARS * 2:
        return False
    folded = fold(text)
    if _pattern(r"^[\W_]*(?:{P})(?:\s*[:：]|\s*$)", "caption").match(folded):
        return True
    return bool(_pattern(r"[(\[.\-–]\s*(?:{P})\s*[:：][^()]{1,60}[)\]]?\s*$|\((?:{P})[^()]{0,40}\)\s*$",
                         "caption").search(folded))


def is_title_like(text: str) -> bool:
    """A heading: 2-40 words, starts with a capital letter, digit or quote, no final full stop.

    >>> is_title_like("Thúc đẩy hợp tác quốc phòng Việt Nam - Trung Quốc")
    True
    """
    stripped = text.strip()
    if len(stripped) > 250:
        return False
    words = stripped.split()
    if not 2 <= len(words) <= 40:
        return False
    if stripped.endswith((".", ",", ";", ":")) and not stripped.endswith("..."):
        return False
    first = _LETTER_OR_DIGIT.search(stripped)
    return bool(first) and (first[0].isupper() or first[0].isdigit())
