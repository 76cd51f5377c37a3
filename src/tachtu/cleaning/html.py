"""HTML pages: trafilatura finds the main content, then the same line rules apply around it.

trafilatura (with jusText's Vietnamese stop-list as its fallback, ``target_language="vi"``)
returns the main content as a small XML tree; each block (paragraph, heading, list item,
quote, table row) becomes one line, whitespace collapsed as a browser renders it. trafilatura
leaves out sub-headings, photo captions and by-lines more often than not, so the whole page is
also rendered as text (html-text, one block per line) and cleaned like page text, with the
lines trafilatura chose weighing more: the article block follows trafilatura, the line rules
still drop chrome inside it, and captions, headings and the by-line around it come back.
The page title and date come from trafilatura's metadata (``<h1>``, ``og:title``, ``<time>`` ...).
No HTML is parsed by hand.
"""

from __future__ import annotations

import regex

#: Block elements of trafilatura's XML output that make one line each.
BLOCKS = {"p", "head", "item", "quote", "row", "code", "figcaption", "caption"}
_SPACE = regex.compile(r"\s+")


def _text(node, parts: list[str]) -> None:
    """Append the text of ``node`` to ``parts``: ``<lb/>`` becomes a line break, cells get ' | '."""
    if node.tag == "lb":
        parts.append("\n")
    elif node.tag == "cell" and "".join(parts).strip():
        parts.append(" | ")
    parts.append(node.text or "")
    for child in node:
        _text(child, parts)
        parts.append(child.tail or "")


def _block_lines(element) -> list[str]:
    """The text of one block, split at line breaks, whitespace collapsed."""
    parts: list[str] = []
    _text(element, parts)
    return [line for line in (_SPACE.sub(" ", p).strip() for p in "".join(parts).split("\n")) if line]


def _lines(body) -> list[str]:
    out: list[str] = []
    for element in body.iter():
        if element.tag not in BLOCKS:
            continue
        parent, nested = element.getparent(), False
        while parent is not None:
            if parent.tag in BLOCKS:
                nested = True
                break
            parent = parent.getparent()
        if not nested:
            out.extend(_block_lines(element))
    return out


def page_text(html: str) -> str:
    """The whole page as text, one block per line (html-text's layout guess), scripts and styles
    removed; table cells in a row are separated by ' | ' as in trafilatura's rendering."""
    import html_text
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return html_text.extract_text(html, guess_layout=True)
    for cell in tree.iter("td", "th"):
        if cell.getprevious() is not None:
            cell.text = " | " + (cell.text or "")
    return html_text.extract_text(tree, guess_layout=True)


def captions(html: str) -> set[str]:
    """The texts the markup marks as photo captions (``<figcaption>``, ``class="...caption..."``), squashed."""
    import lxml.html
    from lxml.etree import ParserError

    from tachtu.cleaning.lines import squash

    try:
        tree = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return set()
    found = tree.xpath('//figcaption | //*[contains(translate(@class, "CAPTION", "caption"), "caption")]')
    return {squash(text) for el in found if (text := " ".join(el.text_content().split()))}


def extract(html: str, url: str | None = None) -> tuple[list[str], dict[str, str | None]]:
    """The main-content lines of an HTML page and its metadata (title, date, author, sitename)."""
    import trafilatura
    from trafilatura.settings import set_date_params

    # extensive_search=False: htmldate still reads dates from markup, URLs and the common formats,
    # but never hands free text to dateparser, whose first locale search costs 2 s per process
    # (the slowest of a million fuzzed inputs); the page's own date lines are parsed by lines.py
    def run(with_metadata: bool):
        return trafilatura.bare_extraction(
            html, url=url, with_metadata=with_metadata, include_comments=False, include_tables=True,
            include_images=False, target_language="vi", date_extraction_params=set_date_params(False))

    try:
        result = run(True)
    except AssertionError:  # lxml's drop_tree() on a parentless <style>/<script>, reached by htmldate on broken markup
        try:
            result = run(False)
        except AssertionError:
            return [], {}
    if result is None or result.body is None:
        return [], {}
    meta = {"title": result.title, "date": result.date, "author": result.author,
            "sitename": result.sitename}
    return _lines(result.body), meta


_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "dd", "dt", "blockquote",
               "figcaption", "section", "article", "header", "footer", "nav", "aside", "main", "ul", "ol", "table",
               "form", "figure", "pre", "address", "span", "a", "button", "label", "em", "strong", "b"}
_TAG_GROUP = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
              "p": "p", "li": "li", "dd": "li", "dt": "li", "td": "cell", "th": "cell", "tr": "cell"}
_CHROME_REGIONS = {"nav", "footer", "aside", "header", "form", "button", "select"}
_CONTENT_REGIONS = {"article", "main"}
_CHROME_NAMES = regex.compile(
    r"comment|meta|foot|nav|menu|sidebar|side-|sponsor|advert|share|social|related|tag|widget|banner|cookie|"
    r"popup|breadcrumb|header|login|newsletter|subscribe|poll|rating|toolbar|binh-luan|lien-quan|chan-trang|"
    r"chia-se|dau-trang|tien-ich|tu-khoa|cot-", regex.I)
_CONTENT_NAMES = regex.compile(r"article|content|post|entry|story|detail|main|body|text|noi-dung|bai-viet|chi-tiet",
                               regex.I)


def markup(html: str) -> dict:
    """Markup facts of every block of the page (:class:`~.features.Markup`), by squashed text.

    A rendered line is looked up by its text: the innermost block element with that text wins
    (a cell's row is found by the row's text, as the page text joins cells into one line).
    """
    import lxml.html
    from lxml.etree import ParserError

    from tachtu.cleaning.features import Markup
    from tachtu.cleaning.lines import squash

    try:
        tree = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return {}
    out: dict = {}
    stack: list[tuple[object, bool, bool]] = []  # (element, chrome above, content above)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        parent = element.getparent()
        while stack and stack[-1][0] is not parent:
            stack.pop()
        chrome_above, content_above = stack[-1][1:] if stack else (False, False)
        names = f"{element.get('class', '')} {element.get('id', '')}"
        chrome = chrome_above or element.tag in _CHROME_REGIONS or bool(names.strip() and _CHROME_NAMES.search(names))
        content = content_above or element.tag in _CONTENT_REGIONS or bool(names.strip() and _CONTENT_NAMES.search(names))
        stack.append((element, chrome, content))
        if element.tag not in _BLOCK_TAGS:
            continue
        text = element.text_content()
        if not text.strip() or len(text) > 20000:
            continue
        linked = sum(len(a.text_content()) for a in element.iter("a")) if element.tag != "a" else len(text)
        if element.tag != "a" and parent is not None:
            linked = max(linked, len(text) if any(p.tag == "a" for p in element.iterancestors()) else 0)
        tag = _TAG_GROUP.get(element.tag, "link" if linked >= 0.8 * len(text.strip()) else "other")
        out[squash(text)] = Markup(tag, min(linked / max(len(text.strip()), 1), 1.0), chrome, content)
    return out
