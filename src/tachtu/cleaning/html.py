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

    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, target_language="vi")
    if result is None or result.body is None:
        return [], {}
    meta = {"title": result.title, "date": result.date, "author": result.author,
            "sitename": result.sitename}
    return _lines(result.body), meta
