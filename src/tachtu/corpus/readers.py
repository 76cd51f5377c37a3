"""One datatrove reader for every input we accept: page-text files, HTML files, JSON Lines,
WARC and Parquet, each optionally gzip- or zstd-compressed (chosen by file extension).

Every record read is counted (stat ``read``); a record that cannot become a document is
counted under ``dropped_<reason>`` instead of being yielded, with a warning naming the file
and position — never a crash, never a silent drop. Reasons: ``empty``, ``binary``,
``invalid_utf8``, ``too_long``, ``truncated`` (compressed stream or file cut short),
``malformed_json``, ``no_text``, ``malformed_warc``, ``not_text`` (WARC payload that is not
HTML/text), ``malformed_parquet``. Bytes become text in the one decode stage
(:func:`tachtu.text.decode.decode`), with the record's charset hint: the WARC/HTTP header,
else the charset the HTML declares.

Each document gets a stable 64-bit id (16 hex digits): the one in a ``<ordinal>_<16 hex>.txt``
file name if present, otherwise the xxh64 of its URL, its source id, or its path and
position. ``metadata["order"]`` sorts documents back into input order after parallel steps.

With fewer files than tasks, every task reads all files and keeps every ``world_size``-th
record, so one big JSONL file still spreads over all workers.
"""

from __future__ import annotations

import gzip
import io
import re
from collections.abc import Iterator
from typing import Any

import orjson
import xxhash
from datatrove.data import Document, DocumentsPipeline
from datatrove.io import get_shard_from_paths_file
from datatrove.pipeline.readers.base import BaseDiskReader
from datatrove.pipeline.readers.jsonl import JsonlReader
from datatrove.utils.logging import logger

from tachtu.corpus.formats import INPUT_FORMATS
from tachtu.errors import InputError
from tachtu.text.decode import declared_charset, decode, is_binary

COMPRESSIONS = (".gz", ".zst", ".zstd", ".bz2", ".xz")
_EXTENSIONS = {".jsonl": "jsonl", ".json": "jsonl", ".ndjson": "jsonl", ".warc": "warc", ".arc": "warc",
               ".parquet": "parquet", ".html": "html", ".htm": "html", ".xhtml": "html"}
_NAMED_ID = re.compile(r"^\d+_([0-9a-f]{16})\.")
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def doc_id(source: str) -> str:
    """The 16-hex-digit (64-bit) id of a document with this URL or source id.

    >>> doc_id("https://vi.wikipedia.org/wiki/H%C3%A0_N%E1%BB%99i")
    '567ddbbc18c22fa1'
    """
    return xxhash.xxh64_hexdigest(source.encode("utf-8"))


def file_format(path: str, default: str = "auto") -> str:
    """The input format of ``path``, from its extension (compression suffix ignored).

    >>> [file_format(p) for p in ["a.jsonl.gz", "b.warc.gz", "c.parquet", "d.html.zst", "000_x.txt"]]
    ['jsonl', 'warc', 'parquet', 'html', 'text']
    """
    if default != "auto":
        return default
    name = path.lower()
    for suffix in COMPRESSIONS:
        name = name.removesuffix(suffix)
    dot = name.rfind(".")
    return _EXTENSIONS.get(name[dot:], "text") if dot >= 0 else "text"


class _Drop(Exception):
    """A record that cannot become a document, with the reason it is counted under."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(detail)
        self.reason = reason


def _read_errors() -> tuple[type[Exception], ...]:
    import zstandard

    return (EOFError, gzip.BadGzipFile, OSError, ValueError, zstandard.ZstdError)


_READ_ERRORS = _read_errors()


def _check_text(data: bytes, source: str, max_chars: int, charset: str | None = None) -> str:
    """Decoded, NUL-free text of one record, or :class:`_Drop` with the reason.

    The bytes go to the one decode stage with the record's ``charset`` hint (HTTP or WARC
    header), else the charset the page declares in its HTML.
    """
    if not data.strip():
        raise _Drop("empty")
    if is_binary(data):
        raise _Drop("binary", "control bytes")
    try:
        text = decode(data, source=source, charset=charset or declared_charset(data))
    except InputError as exc:
        raise _Drop("invalid_utf8", str(exc)) from None
    text = text.replace("\x00", "")
    if len(text) > max_chars:
        raise _Drop("too_long", f"{len(text):,} characters > {max_chars:,}")
    return text


class CorpusReader(BaseDiskReader):
    """Read pages or documents from a folder (or one file) in any supported format.

    Args:
        data_folder: folder, local or remote (any fsspec URL datatrove accepts).
        format: ``auto`` (by extension) or one of ``text``, ``html``, ``jsonl``, ``warc``, ``parquet``.
        text_key, id_key, url_key: fields of JSONL/Parquet records.
        max_chars: longer documents are dropped as ``too_long`` before any processing.
        input_index: position of this reader among several inputs (for the order key).
        exclude: a sub-folder (relative to ``data_folder``) not to read, e.g. the output folder.
    """

    name = "📚 tachtu corpus reader"

    def __init__(self, data_folder, *, format: str = "auto", text_key: str = "text", id_key: str = "id",
                 url_key: str = "url", max_chars: int = 2_000_000, input_index: int = 0,
                 glob_pattern: str | None = None, paths_file=None, recursive: bool = True,
                 limit: int = -1, default_metadata: dict | None = None, exclude: str | None = None):
        if format not in INPUT_FORMATS:
            raise ValueError(f"format must be one of {INPUT_FORMATS}, not {format!r}")
        super().__init__(data_folder, paths_file=paths_file, limit=limit, text_key=text_key, id_key=id_key,
                         default_metadata=default_metadata, recursive=recursive, glob_pattern=glob_pattern,
                         add_file_path=False)
        self.format = format
        self.url_key = url_key
        self.max_chars = max_chars
        self.input_index = input_index
        self.exclude = exclude.strip("/") + "/" if exclude else None

    # -- sharding -------------------------------------------------------------------------
    def list_inputs(self) -> list[str]:
        """All input files, sorted, hidden files and folders left out."""
        if self.paths_file:
            files = list(get_shard_from_paths_file(self.paths_file, 0, 1))
        else:
            files = self.data_folder.list_files(recursive=self.recursive, glob_pattern=self.glob_pattern)
        return [f for f in files if not any(part.startswith(".") for part in f.split("/"))
                and not (self.exclude and f.startswith(self.exclude))]

    def run(self, data: DocumentsPipeline = None, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        if data:
            yield from data
        files = self.list_inputs()
        if not files:
            logger.warning(f"No input files in {self.data_folder.path}")
        stripe = len(files) < world_size
        produced = 0
        for file_index, path in enumerate(files):
            if not stripe and file_index % world_size != rank:
                continue
            self.stat_update("input_files")
            for doc in self._read(path, file_index, rank if stripe else 0, world_size if stripe else 1):
                if self.limit != -1 and produced >= self.limit:
                    return
                produced += 1
                yield doc

    def read_file(self, filepath: str) -> DocumentsPipeline:
        """All documents of one file (datatrove's reader interface)."""
        yield from self._read(filepath, 0, 0, 1)

    # -- records --------------------------------------------------------------------------
    def _read(self, path: str, file_index: int, rank: int, stride: int) -> Iterator[Document]:
        fmt = file_format(path, self.format)
        index = 0
        def wanted(i: int) -> bool:
            return (file_index + i) % stride == rank

        records = getattr(self, f"_{'page' if fmt in ('text', 'html') else fmt}_records")(path, wanted)
        while True:
            mine = wanted(index)
            try:
                record = next(records)
            except StopIteration:
                return
            except _READ_ERRORS as exc:  # stream cut short: count it once, go on with the next file
                if mine:
                    self._drop(path, index, _Drop("truncated", f"{type(exc).__name__}: {exc}"))
                return
            if mine:
                if isinstance(record, _Drop):
                    self._drop(path, index, record)
                else:
                    self.stat_update("read")
                    yield self._document(record, path, file_index, index, fmt)
            index += 1

    def _drop(self, path: str, index: int, drop: _Drop) -> None:
        self.stat_update("read")
        self.stat_update(f"dropped_{drop.reason}")
        logger.warning(f"{path}: record {index}: {drop.reason}{': ' + str(drop) if str(drop) else ''}")

    def _document(self, record: dict[str, Any], path: str, file_index: int, index: int, fmt: str) -> Document:
        url = record.pop("url", None)
        source_id = record.pop("source_id", None)
        named = _NAMED_ID.match(path.rsplit("/", 1)[-1]) if fmt in ("text", "html") else None
        ident = named.group(1) if named else doc_id(str(url or source_id or f"{path}#{index}"))
        metadata = {k: v for k, v in record.pop("metadata", {}).items() if v is not None}
        metadata.update(source=path, index=index, format=fmt,
                        order=f"{self.input_index:03d}:{file_index:09d}:{index:012d}")
        if url:
            metadata["url"] = url
        if source_id is not None:
            metadata["source_id"] = source_id
        doc = Document(text=record["text"], id=ident, metadata=metadata)
        if self.default_metadata:
            doc.metadata = self.default_metadata | doc.metadata
        return doc

    def _open(self, path: str):
        """Binary stream of ``path``, decompressed by its extension (line iteration works on zstd too)."""
        if path.lower().endswith((".zst", ".zstd")):
            import zstandard

            raw = self.data_folder.open(path, "rb")
            return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw, closefd=True))
        return self.data_folder.open(path, "rb", compression="infer")

    def _page_records(self, path: str, wanted=None) -> Iterator[dict | _Drop]:
        with self._open(path) as f:
            data = f.read()
        try:
            yield {"text": _check_text(data, path, self.max_chars)}
        except _Drop as drop:
            yield drop

    def _jsonl_records(self, path: str, wanted) -> Iterator[dict | _Drop | None]:
        """The records of a JSON Lines file; ``None`` for each record whose index is not ``wanted``
        (the other tasks' share of a file: counted, not parsed). The other formats' readers take
        ``wanted`` too and parse every record."""
        offset, index = 0, -1
        with self._open(path) as f:
            for raw in f:
                line_offset, offset = offset, offset + len(raw)
                if not raw.strip():
                    continue
                index += 1
                if not wanted(index):
                    yield None
                    continue
                try:
                    item = orjson.loads(decode(raw, source=path, offset=line_offset))
                except InputError as exc:
                    yield _Drop("invalid_utf8", str(exc))
                    continue
                except orjson.JSONDecodeError as exc:
                    yield _Drop("malformed_json", f"byte {line_offset}: {exc}")
                    continue
                yield self._from_fields(item, path)

    def _parquet_records(self, path: str, wanted=None) -> Iterator[dict | _Drop]:
        import pyarrow as pa
        import pyarrow.parquet as pq

        with self.data_folder.open(path, "rb") as f:
            try:
                table = pq.ParquetFile(f)
                batches = list(table.iter_batches(batch_size=1000))
            except (pa.ArrowException, OSError, ValueError) as exc:
                yield _Drop("malformed_parquet", str(exc))
                return
        for batch in batches:
            for item in batch.to_pylist():
                yield self._from_fields(item, path)

    def _from_fields(self, item: Any, path: str) -> dict | _Drop:
        """A JSONL/Parquet record as reader fields, or the reason it is unusable."""
        if not isinstance(item, dict):
            return _Drop("malformed_json", f"a JSON {type(item).__name__}, not an object")
        text = item.pop(self.text_key, None)
        if not isinstance(text, str):
            return _Drop("no_text", f"no string field {self.text_key!r}")
        if not text.strip():
            return _Drop("empty")
        if len(text) > self.max_chars:
            return _Drop("too_long", f"{len(text):,} characters > {self.max_chars:,}")
        return {"text": text.replace("\x00", ""), "url": item.pop(self.url_key, None),
                "source_id": item.pop(self.id_key, None), "metadata": item}

    def _warc_records(self, path: str, wanted=None) -> Iterator[dict | _Drop]:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        with self._open(path) as f:
            try:
                for record in ArchiveIterator(f):
                    if record.rec_type not in ("response", "resource", "conversion"):
                        continue
                    yield self._warc_record(record, path)
            except ArchiveLoadFailed as exc:
                yield _Drop("malformed_warc", str(exc))

    def _warc_record(self, record, path: str) -> dict | _Drop:
        url = record.rec_headers.get_header("WARC-Target-URI")
        ctype = (record.http_headers.get_header("Content-Type") if record.http_headers
                 else record.rec_headers.get_header("Content-Type")) or "text/html"
        if not ctype.split(";")[0].strip().lower().startswith(_TEXT_TYPES):
            return _Drop("not_text", f"{url}: {ctype}")
        charset = re.search(r"charset=([\w.:-]+)", ctype, re.I)
        data = record.content_stream().read()
        try:
            text = _check_text(data, f"{path} ({url})", self.max_chars, charset and charset.group(1))
        except _Drop as drop:
            return drop
        return {"text": text, "url": url, "metadata": {"warc_date": record.rec_headers.get_header("WARC-Date"),
                                                       "content_type": ctype}}


class WorkReader(JsonlReader):
    """Read back the intermediate ``<rank>.jsonl`` that task ``rank`` wrote (uncompressed: it is
    read twice and deleted at the end, and gzip cost more time than the disk it saved).

    Dedup filters number documents per task, so task ``r`` must read exactly file ``r``
    (a plain folder reader would shift files when a task wrote none).
    """

    name = "🔁 tachtu work reader"

    def __init__(self, data_folder):
        super().__init__(data_folder, compression=None, add_file_path=False)

    def read_rank(self, rank: int) -> DocumentsPipeline:
        path = f"{rank:05d}.jsonl"
        if self.data_folder.exists(path):
            yield from self.read_file(path)

    def records(self, rank: int) -> Iterator[dict]:
        """Task ``rank``'s records as the dicts the writer wrote, for a reader that needs no Document."""
        path = f"{rank:05d}.jsonl"
        if self.data_folder.exists(path):
            with self.data_folder.open(path, "rb") as f:
                yield from map(orjson.loads, f)

    def run(self, data: DocumentsPipeline = None, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        if data:
            yield from data
        yield from self.read_rank(rank)
