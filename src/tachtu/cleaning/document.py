"""The result of cleaning one page: the article, its metadata, and an audit of what was dropped.

Text is kept exactly as it was on the page (only the line's outer whitespace is removed);
normalization is the text layer's job.

>>> doc = Document(paragraphs=[Paragraph("Tiêu đề", "title", 1), Paragraph("Câu một.", "lead", 3),
...                            Paragraph("Nguồn: x.vn", "source", 5)], title="Tiêu đề")
>>> doc.text
'Tiêu đề\\nCâu một.'
>>> doc.one_line()
'Tiêu đề Câu một.'
>>> doc.source
'Nguồn: x.vn'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

#: Every role a kept paragraph can have, in the order they usually appear.
ROLES = ("title", "lead", "heading", "body", "caption", "byline", "source")
#: The roles that make up the article text (the source line is metadata, not article text).
ARTICLE_ROLES = ("title", "lead", "heading", "body", "caption", "byline")


@dataclass(frozen=True)
class Paragraph:
    """One kept line of the article: its text, its role, its 1-based line number in the input text."""

    text: str
    role: str
    line: int | None = None


@dataclass(frozen=True)
class Dropped:
    """One dropped line and the named reason (see ``docs/cleaning.md`` for the list)."""

    text: str
    reason: str
    line: int | None = None


@dataclass
class Document:
    """A cleaned page.

    ``paragraphs`` are in page order, title first; ``dropped`` lists every other non-blank line
    with its reason; when nothing is kept, ``reason`` says why (a page without an article gives
    an empty document rather than a guess). ``date`` is ISO 8601 when it could be read
    (``date_text`` is the line it came from). ``format`` is ``"text"`` or ``"html"``;
    ``charset`` is the encoding the bytes were decoded with and ``problems`` lists decoding
    trouble (undecodable bytes and where they were).
    """

    paragraphs: list[Paragraph] = field(default_factory=list)
    title: str | None = None
    date: str | None = None
    date_text: str | None = None
    dropped: list[Dropped] = field(default_factory=list)
    reason: str | None = None
    url: str | None = None
    source_name: str | None = None
    format: str = "text"
    charset: str | None = None
    problems: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any(p.role in ARTICLE_ROLES for p in self.paragraphs)

    @property
    def source(self) -> str | None:
        """The source line ("Nguồn: ...", "Theo ..."), if the page had one."""
        return next((p.text for p in self.paragraphs if p.role == "source"), None)

    def lines(self, roles: tuple[str, ...] = ARTICLE_ROLES) -> list[str]:
        """The kept lines whose role is in ``roles``, in page order."""
        return [p.text for p in self.paragraphs if p.role in roles]

    @property
    def text(self) -> str:
        """The article, one kept line per line, title first, text unchanged."""
        return "\n".join(self.lines())

    def one_line(self) -> str:
        """The article on one line (the corpus shape before segmentation)."""
        return " ".join(self.lines())

    def to_dict(self) -> dict:
        """A JSON-ready dict of every field (plus ``text``)."""
        out = asdict(self)
        out["text"] = self.text
        return out
