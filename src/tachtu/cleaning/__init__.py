"""Page cleaning: from a crawled page (text or HTML) to the article, with an audit of what was dropped.

>>> doc = clean("Trang chủ > Thời sự\\n\\nMưa lớn ở Hà Nội\\n\\n" + "Chiều nay, mưa lớn kéo dài ở nhiều quận của Hà Nội khiến một số tuyến phố bị ngập, giao thông ùn tắc và người dân phải đi đường vòng để về nhà. " * 2 + "\\n\\nBình luận")
>>> doc.title, [p.role for p in doc.paragraphs]
('Mưa lớn ở Hà Nội', ['title', 'lead'])
>>> [(d.text, d.reason) for d in doc.dropped]
[('Trang chủ > Thời sự', 'breadcrumb'), ('Bình luận', 'comment-heading')]
"""

from __future__ import annotations

from tachtu.cleaning.document import ARTICLE_ROLES, ROLES, Document, Dropped, Paragraph
from tachtu.cleaning.lines import RULES
from tachtu.cleaning.page import REASONS
from tachtu.errors import InputError
from tachtu.text.decode import first_control, is_binary

__all__ = ["clean", "prepare", "Document", "Paragraph", "Dropped", "ROLES", "ARTICLE_ROLES", "RULES", "REASONS"]

FORMATS = ("auto", "text", "html")
MAX_EXTRACTOR_CHARS = 3_000_000  # trafilatura needs ~8 s per MB; larger pages skip it


def clean(page: str | bytes, *, url: str | None = None, source: str | None = None,
          format: str = "auto", errors: str = "replace", model=True) -> Document:
    """Extract the article from a crawled page.

    ``page`` is page text (one paragraph per line, as a crawler's text extraction gives it) or
    HTML, as ``str`` or ``bytes``; ``format="auto"`` recognises HTML by its content. Bytes are
    decoded by the HTML's declared charset, else UTF-8; with ``errors="replace"`` undecodable
    bytes become U+FFFD and are listed in ``Document.problems``, with ``errors="strict"`` they
    raise :class:`tachtu.errors.InputError` naming ``source`` and the byte offset. Binary
    data raises :class:`~tachtu.errors.InputError` too. Text is never normalized. By default
    (``model=True``) the shipped line classifier keeps or drops each line, reading the line
    rules' verdicts and the densest block as features; ``model=False`` lets the rules and the
    densest block decide alone; ``model`` may also be a fitted
    :class:`tachtu.cleaning.model.LineModel`.
    """
    from tachtu.cleaning.page import clean_text

    doc, text, hints = prepare(page, url=url, source=source, format=format, errors=errors, markup=bool(model))
    if text is None:
        return doc
    return clean_text(text, **hints, model=model, document=doc)


def prepare(page: str | bytes, *, url: str | None = None, source: str | None = None,
            format: str = "auto", errors: str = "replace", markup: bool = True) -> tuple[Document, str | None, dict]:
    """Decode a page and, for HTML, render it as page text with what its markup says.

    Returns the (still empty) document, the page text (``None`` if there is nothing to clean;
    the document's ``reason`` then says why) and the keyword arguments of
    :func:`tachtu.cleaning.page.clean_text` (title and date from metadata, trafilatura's main
    content, captions and, with ``markup``, the markup facts that only the line classifier reads:
    a second walk over the whole tree, skipped for the rules). :func:`clean` and the training
    command share it.
    """
    from tachtu.cleaning.detect import decode_page, looks_like_html

    if format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {format!r}")
    is_html = None if format == "auto" else format == "html"
    doc = Document(url=url, source_name=source)
    if isinstance(page, (bytes, bytearray, memoryview)):
        page, doc.charset, doc.problems = decode_page(bytes(page), html=is_html, source=source, errors=errors)
    elif not isinstance(page, str):
        raise TypeError(f"page must be str or bytes, not {type(page).__name__}")
    elif is_binary(page):
        raise InputError("binary data, not a text or HTML page (control characters)", source=source,
                         position=first_control(page), unit="character")
    if is_html is None:
        is_html = looks_like_html(page)
    if not is_html:
        return doc, page, {}
    from tachtu.cleaning import html
    from tachtu.cleaning.lines import squash

    doc.format = "html"
    lines, meta = [], {}
    if len(page) <= MAX_EXTRACTOR_CHARS:
        lines, meta = html.extract(page, url=url)
    else:
        doc.problems.append(f"HTML of {len(page)} characters: main-content extraction (trafilatura) "
                            f"skipped above {MAX_EXTRACTOR_CHARS}; cleaned as page text")
    text = html.page_text(page)
    if not text.strip():
        doc.reason = "no article: the HTML has no text"
        return doc, None, {}
    return doc, text, dict(title_hint=meta.get("title"), date_hint=meta.get("date"),
                           main={squash(line): line for line in lines if len(line) <= 5000} if lines else None,
                           captions=html.captions(page), markup=html.markup(page) if markup else None)
