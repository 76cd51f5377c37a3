"""Site-level boilerplate: lines that repeat across many pages of one host are chrome.

A page cleaner sees one page; a crawl shows the same menu, footer, disclaimer or "Theo
VnExpress" line on page after page of one site. The pipeline collects, while it prepares
documents, the distinct lines of every page and its host (:func:`host`: the URL's host, else
the page file's folder); the clustering task counts on how many *kept* pages of a host each
line occurs (duplicates do not count, so an article republished on one site is not taken
for chrome) and marks a line as boilerplate when the host has at least
:data:`MIN_SITE_PAGES` pages and the line is on at least :data:`MIN_LINE_PAGES` of them and
on at least :data:`MIN_LINE_SHARE` of them. The finishing stage removes those lines and
counts them (``site_boilerplate_lines``); a document with nothing else left is dropped as
``site_boilerplate_only``. Sites with fewer pages are left alone.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit

import numpy as np
import xxhash
from datatrove.data import Document, DocumentsPipeline
from datatrove.io import get_datafolder
from datatrove.pipeline.base import PipelineStep

#: a host needs this many distinct kept pages before its repeated lines are judged
MIN_SITE_PAGES = 5
#: a boilerplate line is on at least this many pages of its host ...
MIN_LINE_PAGES = 3
#: ... and on at least this share of them
MIN_LINE_SHARE = 0.3
LINE_DTYPE = np.dtype([("index", "<u4"), ("host", "<u8"), ("line", "<u8")])
DROP_DTYPE = np.dtype([("index", "<u4"), ("line", "<u8")])


def host(doc: Document) -> str | None:
    """The site a document comes from: its URL's host, else the folder of its page file.

    >>> host(Document(text="", id="1", metadata={"url": "https://WWW.Báo.vn/a/b.html"}))
    'báo.vn'
    >>> host(Document(text="", id="2", metadata={"source": "crawl/tuoitre/123.txt", "format": "text"}))
    'crawl/tuoitre'
    """
    url = doc.metadata.get("url")
    if url:
        name = (urlsplit(str(url)).hostname or "").removeprefix("www.")
        if name:
            return name
    if doc.metadata.get("format") in ("text", "html") and doc.metadata.get("source"):
        return posixpath.dirname(str(doc.metadata["source"])) or "."
    return None


def line_key(line: str) -> int:
    """The hash a line is counted by (surrounding spaces ignored)."""
    return xxhash.xxh64_intdigest(" ".join(line.split()).encode())


def page_lines(index: int, doc: Document) -> list[tuple[int, int, int]]:
    """``(index, host hash, line hash)`` of each distinct non-empty line of a document with a host."""
    site = host(doc)
    if site is None:
        return []
    site_hash = xxhash.xxh64_intdigest(site.encode())
    return [(index, site_hash, key) for key in sorted({line_key(line) for line in doc.text.split("\n") if line.strip()})]


def boilerplate(lines: np.ndarray, kept: np.ndarray) -> np.ndarray:
    """The rows of ``lines`` (with a global ``index``) that are site boilerplate, counting only
    the documents whose ``kept`` flag (by index) is set."""
    rows = lines[kept[lines["index"]]]
    if not len(rows):
        return rows
    hosts, pages = np.unique(np.unique(rows[["index", "host"]])["host"], return_counts=True)
    pair = rows["host"] ^ (rows["line"] * np.uint64(0x9E3779B97F4A7C15))  # one 64-bit key per (host, line)
    pairs, first, counts = np.unique(pair, return_index=True, return_counts=True)
    host_pages = pages[np.searchsorted(hosts, rows["host"][first])]
    need = np.where(host_pages >= MIN_SITE_PAGES, np.maximum(MIN_LINE_PAGES, MIN_LINE_SHARE * host_pages), np.inf)
    return rows[np.isin(pair, pairs[counts >= need])]


class RemoveSiteBoilerplate(PipelineStep):
    """Remove the lines the clustering task marked as boilerplate of the document's site
    (``boilerplate/<rank>.npy``: index in the task, line hash). Documents are numbered as written."""

    type = "🧹 - CLEAN"
    name = "🏷 tachtu site boilerplate"

    def __init__(self, folder):
        super().__init__()
        self.folder = get_datafolder(folder)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        from tachtu.corpus.duplicates import load_array

        marked: dict[int, set[int]] = {}
        for index, line in load_array(self.folder, f"boilerplate/{rank:05d}.npy").tolist():
            marked.setdefault(int(index), set()).add(int(line))
        for index, doc in enumerate(data):
            chrome = marked.get(index)
            if chrome:
                with self.track_time():
                    lines = doc.text.split("\n")
                    kept = [line for line in lines if not line.strip() or line_key(line) not in chrome]
                    self.stat_update("site_boilerplate_lines", value=len(lines) - len(kept))
                    doc.text = "\n".join(kept).strip("\n")
                if not doc.text.strip():
                    self.stat_update("dropped_site_boilerplate_only")
                    continue
            yield doc
