"""CorpusReader on every input format, compressed or not, and on broken input."""

from __future__ import annotations

import gzip
import io
import json
import random
import shutil

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard

from tachtu.corpus.readers import CorpusReader, doc_id

pytest.importorskip("datatrove")


@pytest.fixture(scope="module")
def wiki(shared_data) -> list[dict]:
    """The first 20 viwiki19 articles (real Vietnamese Wikipedia text)."""
    with gzip.open(shared_data / "raw" / "viwiki19-articles.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(next(f)) for _ in range(20)]


def read(folder, **kwargs) -> tuple[list, dict]:
    """Documents and counters of one reader over ``folder`` (one task)."""
    reader = CorpusReader(str(folder), **kwargs)
    docs = list(reader.run(rank=0, world_size=1))
    counts = {k: v.total for k, v in reader.stats.stats.items()}
    assert counts.get("read", 0) == len(docs) + sum(v for k, v in counts.items() if k.startswith("dropped_"))
    return docs, counts


def jsonl_bytes(rows: list[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


def test_page_text_folder_keeps_the_file_name_id(shared_data, tmp_path):
    example = shared_data.parent / "examples" / "000_e0076f2b83232bdd.txt"
    shutil.copy(example, tmp_path / example.name)
    (tmp_path / "trang.txt").write_text("Hà Nội mùa thu.\n", encoding="utf-8")
    docs, counts = read(tmp_path)
    assert [d.id for d in docs] == ["e0076f2b83232bdd", doc_id("trang.txt#0")]
    assert docs[0].text == example.read_text(encoding="utf-8")
    assert counts["read"] == 2


def test_html_file_is_read_as_html(shared_data, tmp_path):
    page = shared_data / "html" / "maint-guide-vi" / "start.vi.html"
    shutil.copy(page, tmp_path / "start.vi.html")
    docs, _ = read(tmp_path)
    assert docs[0].metadata["format"] == "html" and "<html" in docs[0].text.lower()


@pytest.mark.parametrize("suffix,compress", [("", bytes), (".gz", gzip.compress),
                                             (".zst", lambda b: zstandard.ZstdCompressor().compress(b))])
def test_jsonl_plain_gzip_zstd(wiki, tmp_path, suffix, compress):
    rows = [{"id": w["id"], "title": w["title"], "body": w["text"]} for w in wiki]
    (tmp_path / f"wiki.jsonl{suffix}").write_bytes(compress(jsonl_bytes(rows)))
    docs, counts = read(tmp_path, text_key="body")
    assert [d.text for d in docs] == [w["text"] for w in wiki]
    assert docs[3].id == doc_id(str(wiki[3]["id"])) and docs[3].metadata["title"] == wiki[3]["title"]
    assert counts["read"] == 20


def test_one_jsonl_file_is_striped_over_tasks(wiki, tmp_path):
    (tmp_path / "wiki.jsonl").write_bytes(jsonl_bytes(wiki))
    reader = CorpusReader(str(tmp_path))
    parts = [[d.metadata["index"] for d in reader.run(rank=r, world_size=3)] for r in range(3)]
    assert sorted(sum(parts, [])) == list(range(20)) and all(parts)


def test_parquet(wiki, tmp_path):
    pq.write_table(pa.Table.from_pylist([{"id": w["id"], "text": w["text"], "url": f"https://vi.wikipedia.org/{i}"}
                                         for i, w in enumerate(wiki)]), tmp_path / "wiki.parquet")
    docs, _ = read(tmp_path)
    assert len(docs) == 20 and docs[5].id == doc_id("https://vi.wikipedia.org/5")
    assert docs[5].metadata["url"] == "https://vi.wikipedia.org/5"


def _warc(pages: list[tuple[str, str, bytes]], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for url, ctype, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return out.getvalue()


@pytest.mark.parametrize("gz", [False, True])
def test_warc_and_warc_gz(wiki, tmp_path, gz):
    html = f"<html><body><p>{wiki[0]['text']}</p></body></html>".encode("utf-8")
    pages = [("https://vi.example.org/a", "text/html; charset=utf-8", html),
             ("https://vi.example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
             ("https://vi.example.org/b", "text/html; charset=iso-8859-1", "<p>café crème</p>".encode("latin-1"))]
    (tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")).write_bytes(_warc(pages, gz))
    docs, counts = read(tmp_path)
    assert [d.metadata["url"] for d in docs] == ["https://vi.example.org/a", "https://vi.example.org/b"]
    assert docs[0].id == doc_id("https://vi.example.org/a") and wiki[0]["text"][:50] in docs[0].text
    assert "café crème" in docs[1].text  # decoded by the declared charset
    assert counts["dropped_not_text"] == 1 and counts["read"] == 3


def test_bad_inputs_are_counted_by_reason(wiki, tmp_path):
    good = jsonl_bytes(wiki[:5])
    (tmp_path / "truncated.jsonl.gz").write_bytes(gzip.compress(good)[:-200])
    (tmp_path / "malformed.jsonl").write_bytes('{"text": "Hà Nội\n{"text": "ok"\n[1, 2]\n{"title": "x"}\n'.encode()
                                               + jsonl_bytes(wiki[5:6]))
    (tmp_path / "empty.txt").write_bytes(b"")
    rng = random.Random(0)
    (tmp_path / "binary.txt").write_bytes(bytes(rng.randrange(256) for _ in range(10_000)))
    (tmp_path / "latin1.txt").write_bytes("Hà Nội".encode("utf-8") + b" caf\xe9")
    (tmp_path / "huge.txt").write_text("Hà Nội " * 1000, encoding="utf-8")
    (tmp_path / "nul.txt").write_bytes("Hà\x00 Nội mùa thu".encode("utf-8"))
    docs, counts = read(tmp_path, max_chars=5000)
    assert {k: v for k, v in counts.items() if k.startswith("dropped_")} == {
        "dropped_truncated": 1, "dropped_malformed_json": 3, "dropped_no_text": 1, "dropped_empty": 1,
        "dropped_binary": 1, "dropped_invalid_utf8": 1, "dropped_too_long": 1}
    assert "Hà Nội mùa thu" in [d.text for d in docs]  # NUL removed, document kept
    assert sum(d.metadata["source"] == "malformed.jsonl" for d in docs) == 1  # the last, valid line


def test_no_input_files_is_not_a_crash(tmp_path):
    docs, counts = read(tmp_path)
    assert docs == [] and counts.get("read", 0) == 0
