"""The per-document datatrove steps: page cleaning, normalization, word segmentation.

Each is a small ``PipelineStep`` over tachtu's public API, so users can put them into
their own datatrove pipelines. Models load lazily, once per worker process.
"""

from __future__ import annotations

import regex
from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.utils.batching import batched

import tachtu
from tachtu.cleaning.lines import drop_reason
from tachtu.corpus.formats import RECORD_FORMATS
from tachtu.segmenter import MODES
from tachtu.text.syllable import SENTENCE_ENDS, check_tone


_MARKUP = regex.compile(r"<(?:html|head|body|div|p|br|a|span|table|li|script|meta)\b", regex.IGNORECASE)
_TERMINAL = tuple(SENTENCE_ENDS + ":;\"”»)")  # a sentence end, or a quote or bracket closing one
_WIKI_HEADING = regex.compile(r"^=+[^=].*=+$")  # "== Xem thêm ==": a dump's section heading, not a link
#: short lines before the first prose line that an article can have: title, date, byline
MAX_HEAD_LINES = 3
#: lines after the first prose line that must not be page chrome either (a cookie banner is prose)
CHECKED_AFTER_PROSE = 2
#: words of a prose line ("Hyppa là một chi bướm đêm thuộc họ Noctuidae." has 9)
PROSE_WORDS = 8


def is_plain_text(text: str) -> bool:
    """Whether a record's text is an article already, with no page around it (a cheap test).

    No HTML markup; at most :data:`MAX_HEAD_LINES` lines before the first prose line
    (>= :data:`PROSE_WORDS` words, ending in terminal punctuation); and none of those lines nor
    the :data:`CHECKED_AFTER_PROSE` lines after it is page chrome by the cleaner's line rules
    (:func:`tachtu.cleaning.lines.drop_reason`: menus, cookie buttons, dates, counters). A crawled
    page starts with its menus and header, or with a consent banner that reads like prose and is
    followed by its buttons; Wikipedia text starts with prose. A text with no prose line at all (a
    list) is a page for this test and goes to the cleaner.

    >>> is_plain_text("Hà Nội\\nHà Nội là thủ đô của nước Cộng hòa xã hội chủ nghĩa Việt Nam.")
    True
    >>> is_plain_text("Trang chủ\\nThời sự\\nThể thao\\nĐăng nhập\\nHà Nội là thủ đô của nước Việt Nam, một thành phố lớn.")
    False
    >>> is_plain_text("Trang web này dùng cookie. Bằng việc tiếp tục truy cập, bạn đồng ý.\\nĐồng ý\\nTin mới")
    False
    """
    if _MARKUP.search(text, 0, 65536):
        return False
    head, after = 0, None
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if after is None and line.endswith(_TERMINAL) and len(line.split()) >= PROSE_WORDS:
            after = 0
            continue
        if not _WIKI_HEADING.match(line) and drop_reason(line):
            return False
        if after is None:
            head += 1
            if head > MAX_HEAD_LINES:
                return False
        else:
            after += 1
            if after == CHECKED_AFTER_PROSE:
                return True
    return after is not None


class CleanPage(PipelineStep):
    """Replace a crawled page (text or HTML) by its article (:func:`tachtu.clean`).

    JSON Lines and Parquet records that :func:`is_plain_text` finds to be articles already
    are passed on unchanged and counted as ``clean_skipped_plain_text`` (page files, HTML
    and WARC records are always cleaned). Pages with no article left are dropped as ``dropped_clean_<reason>`` (the cleaner's
    reason up to its colon, e.g. ``clean_empty_page``); the title, date and URL it found
    go into the metadata.
    """

    type = "🧹 - CLEAN"
    name = "🧽 tachtu clean page"

    def __init__(self, **clean_options):
        super().__init__()
        self.clean_options = clean_options

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data:
            fmt = doc.metadata.get("format")
            if fmt in RECORD_FORMATS and is_plain_text(doc.text):
                self.stat_update("clean_skipped_plain_text")
                yield doc
                continue
            with self.track_time():
                try:
                    article = tachtu.clean(doc.text, url=doc.metadata.get("url"), source=doc.metadata.get("source"),
                                           format=fmt if fmt in ("text", "html") else "auto", **self.clean_options)
                except tachtu.InputError:
                    self.stat_update("dropped_clean_binary")
                    continue
            if not article.text.strip():
                self.stat_update(f"dropped_clean_{reason_label(article.reason)}")
                continue
            for key in ("title", "date", "url"):
                value = getattr(article, key, None)
                if value and key not in doc.metadata:
                    doc.metadata[key] = value
            doc.text = article.text
            yield doc


def reason_label(reason: str | None) -> str:
    """A stats label from a cleaner's reason sentence.

    >>> reason_label("empty page: no text")
    'empty_page'
    """
    return (reason or "empty").split(":")[0].strip().lower().replace(" ", "_").replace("-", "_")


class NormalizeText(PipelineStep):
    """Unicode NFC and tone-mark placement (:func:`tachtu.normalize`)."""

    type = "✍️ - NORMALIZE"
    name = "🔤 tachtu normalize"

    def __init__(self, tone: str = "keep"):
        super().__init__()
        self.tone = check_tone(tone)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data:
            with self.track_time():
                doc.text = tachtu.normalize(doc.text, tone=self.tone)
            if not doc.text.strip():
                self.stat_update("dropped_empty_after_normalize")
                continue
            yield doc


class Segment(PipelineStep):
    """Word-segment each document (syllables of a word joined by ``_``), in batches.

    Counts ``syllables`` (whitespace tokens in) and ``words`` (tokens out); the document
    keeps its lines.
    """

    type = "✂️ - SEGMENT"
    name = "🪓 tachtu segment"

    def __init__(self, mode: str = "default", tone: str = "keep", batch_size: int = 64):
        super().__init__()
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        self.mode, self.tone, self.batch_size = mode, tone, batch_size
        self._segmenter = None

    def __getstate__(self):  # the model stays in its process; workers load their own
        return {**self.__dict__, "_segmenter": None}

    @property
    def segmenter(self) -> tachtu.Segmenter:
        if self._segmenter is None:
            self._segmenter = tachtu.Segmenter(mode=self.mode, tone=self.tone)
        return self._segmenter

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for batch in batched(data, self.batch_size):
            with self.track_time("batch"):
                outputs = self.segmenter.segment_batch([doc.text for doc in batch])
            for doc, out in zip(batch, outputs):
                self.stat_update("syllables", value=len(doc.text.split()))
                self.stat_update("words", value=len(out.split()))
                doc.text = out
                yield doc
