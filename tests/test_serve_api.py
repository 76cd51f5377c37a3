"""The HTTP service in-process: every endpoint, every option, every error (JSON, never a 500)."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
from starlette.testclient import TestClient

import tachtu
from tachtu.serve import Limits, create_app
from tachtu.serve.app import STATIC

NEWS = "Bộ trưởng Quốc phòng Việt Nam thăm Trung Quốc."
TEXT = ("Đoàn đại biểu quân sự cấp cao Việt Nam bắt đầu chuyến thăm chính thức Trung Quốc. "
        "Hà Nội mùa thu, trời trong xanh!\nCông nghệ thông tin giúp học sinh học tập hiệu quả hơn.")
PAGE = """<html><head><title>Hà Nội đón mùa thu</title></head><body>
<nav><a href="/">Trang chủ</a> | <a href="/thoi-su">Thời sự</a> | <a href="/tt">Thể thao</a></nav>
<article><h1>Hà Nội đón mùa thu</h1>
<p>Những ngày đầu thu, thời tiết Hà Nội dịu mát, người dân và du khách đổ ra đường dạo phố,
chụp ảnh bên những hàng cây đã bắt đầu chuyển màu vàng.</p>
<p>Các con phố Phan Đình Phùng, Hoàng Diệu, Điện Biên Phủ rợp bóng cây xanh là nơi thu hút nhiều
bạn trẻ đến chụp ảnh kỷ niệm trong những ngày cuối tuần.</p>
<p>Theo Trung tâm Dự báo khí tượng thủy văn quốc gia, thời tiết mát mẻ sẽ kéo dài đến hết tuần.</p>
</article>
<footer>Bản quyền © 2024 Báo Tin tức. Liên hệ quảng cáo: 0123 456 789</footer>
</body></html>"""


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app()) as c:
        yield c


@pytest.fixture(scope="module")
def tight():
    limits = Limits(max_body_bytes=4000, max_batch=3, max_text_chars=100, timeout=30)
    with TestClient(create_app(limits)) as c:
        yield c


def words_json(words):
    return [{"text": w.text, "start": w.start, "end": w.end} for w in words]


def error_of(response, status, code, field=None):
    """Assert ``response`` is the JSON error ``status``/``code`` naming ``field``; return the
    message."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert (error["status"], error["code"], error["field"]) == (status, code, field)
    if field:
        assert error["message"].startswith(f"{field}: ")
    return error["message"]


# --- POST /segment ---------------------------------------------------------------------------

def test_segment_text(client):
    response = client.post("/segment", json={"text": NEWS})
    assert response.status_code == 200
    assert response.json() == {"text": "Bộ_trưởng Quốc_phòng Việt_Nam thăm Trung_Quốc ."}


def test_segment_words_have_offsets_into_the_text(client):
    body = client.post("/segment", json={"text": TEXT, "output": "words"}).json()
    assert body == {"words": words_json(tachtu.words(TEXT))}
    for word in body["words"]:
        assert TEXT[word["start"]:word["end"]].replace(" ", "_") == word["text"]
    assert {"text": "Việt_Nam", "start": 30, "end": 38} in body["words"]


def test_segment_sentences(client):
    as_words = client.post("/segment", json={"text": TEXT, "output": "words",
                                             "sentences": True}).json()
    assert as_words == {"sentences": [words_json(s) for s in tachtu.sentences(TEXT)]}
    assert len(as_words["sentences"]) == 3
    as_text = client.post("/segment", json={"text": TEXT, "sentences": True}).json()
    assert as_text == {"text": tachtu.segment(TEXT, sentences=True)}
    assert len(as_text["text"].split("\n")) == 3


def test_segment_keeps_lines(client):
    assert client.post("/segment", json={"text": TEXT}).json()["text"].count("\n") == 1


def test_segment_batch(client):
    texts = [NEWS, TEXT, "", "Hà Nội"]
    body = client.post("/segment", json={"texts": texts, "output": "words"}).json()
    assert body == {"results": [{"words": words_json(tachtu.words(t))} for t in texts]}
    body = client.post("/segment", json={"texts": texts}).json()
    assert [r["text"] for r in body["results"]] == [tachtu.segment(t) for t in texts]
    assert client.post("/segment", json={"texts": []}).json() == {"results": []}


@pytest.mark.parametrize("mode, tone", [("default", "keep"), ("default", "old"),
                                        ("default", "new"), ("vncorenlp", "keep")])
def test_segment_modes_and_tones(client, mode, tone):
    text = "Hoà bình và sức khỏe cho thủy thủ. " + NEWS
    body = client.post("/segment", json={"text": text, "mode": mode, "tone": tone}).json()
    assert body == {"text": tachtu.segment(text, mode=mode, tone=tone)}


def test_vncorenlp_mode_keeps_tone_marks(client):
    for endpoint, body in [("/segment", {"text": "hoà"}), ("/clean", {"page": "hoà"})]:
        response = client.post(endpoint, json={**body, "mode": "vncorenlp", "tone": "new"})
        assert "takes only tone 'keep'" in error_of(response, 422, "invalid_value", "tone")


def test_segment_tone_option_changes_tone_marks(client):
    old = client.post("/segment", json={"text": "hòa bình", "tone": "old"}).json()["text"]
    new = client.post("/segment", json={"text": "hoà bình", "tone": "new"}).json()["text"]
    assert "hoà" in old and "hòa" in new


@pytest.mark.parametrize("text", [
    "", " \n\t ", "Hà\x00Nội", "Hà Nội 🇻🇳 đẹp 😀 lắm", "北京 và Hà Nội, Москва", "\u00a0Hà\u200bNội",
    unicodedata.normalize("NFD", NEWS), "a" * 5000, "\r\nHà Nội\r\n",
])
def test_segment_awkward_text(client, text):
    """Odd input gets an answer whose offsets stay inside the text, in order."""
    body = client.post("/segment", json={"text": text, "output": "words"}).json()
    ends = [0]
    for word in body["words"]:
        assert ends[-1] <= word["start"] < word["end"] <= len(text)
        ends.append(word["end"])
    assert body["words"] == words_json(tachtu.words(text))


def test_content_type_is_not_required(client):
    """curl -d sends form encoding by default; the body is read as JSON whatever the header says."""
    response = client.post("/segment", content=json.dumps({"text": "Hà Nội"}).encode(),
                           headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.json() == {"text": "Hà_Nội"}


def test_raw_text_body(client):
    response = client.post("/segment", content=TEXT.encode("utf-8"),
                           headers={"content-type": "text/plain; charset=utf-8"})
    assert response.json() == {"text": tachtu.segment(TEXT)}
    bom = client.post("/segment", content="\ufeffHà Nội".encode("utf-8"),
                      headers={"content-type": "text/plain"})
    assert bom.json() == {"text": "Hà_Nội"}
    bad = client.post("/segment", content=b"H\xe0 N\xf4i", headers={"content-type": "text/plain"})
    assert "byte 1" in error_of(bad, 400, "invalid_utf8")


def test_raw_text_body_limits(tight):
    response = tight.post("/segment", content=("Hà " * 40).encode(),
                          headers={"content-type": "text/plain"})
    error_of(response, 413, "text_too_long", "text")


# --- POST /clean -----------------------------------------------------------------------------

def test_clean_page(client):
    body = client.post("/clean", json={"page": PAGE}).json()
    assert body == tachtu.clean(PAGE).to_dict()
    assert "Hà Nội đón mùa thu" in body["text"]
    assert "Bản quyền" not in body["text"] and "Trang chủ" not in body["text"]
    assert "segmentation" not in body


def test_clean_and_segment(client):
    body = client.post("/clean", json={"page": PAGE, "segment": True}).json()
    assert body["segmentation"] == {"text": tachtu.segment(body["text"])}
    body = client.post("/clean", json={"page": PAGE, "segment": True, "output": "words",
                                       "sentences": True, "tone": "new"}).json()
    expected = tachtu.sentences(body["text"], tone="new")
    assert body["segmentation"] == {"sentences": [words_json(s) for s in expected]}


def test_clean_options(client):
    body = client.post("/clean", json={"page": PAGE, "url": "https://tin.vn/ha-noi-thu"}).json()
    assert body == tachtu.clean(PAGE, url="https://tin.vn/ha-noi-thu").to_dict()
    assert body["url"] == "https://tin.vn/ha-noi-thu" and body["format"] == "html"
    as_text = client.post("/clean", json={"page": PAGE, "format": "text"}).json()
    assert as_text == tachtu.clean(PAGE, format="text").to_dict()
    error_of(client.post("/clean", json={"page": PAGE, "format": "pdf"}), 422, "invalid_value",
             "format")
    error_of(client.post("/clean", json={"page": PAGE, "url": 5}), 422, "invalid_type", "url")


def test_clean_binary_page_is_422(client):
    page = "".join(chr(i % 32) for i in range(2000))
    assert "binary" in error_of(client.post("/clean", json={"page": page}), 422, "invalid_input")


def test_clean_raw_page_in_its_own_charset(client):
    """An HTML page posted as it was crawled: the cleaner decodes it by its declared charset."""
    page = PAGE.replace("<head>", '<head><meta charset="utf-16">')
    as_json = client.post("/clean", json={"page": PAGE}).json()
    raw = client.post("/clean", content=page.encode("utf-16"),
                      headers={"content-type": "text/html"}).json()
    assert raw == tachtu.clean(page.encode("utf-16")).to_dict()
    assert raw["text"] == as_json["text"] and raw["charset"]


def test_clean_plain_text_page(client):
    page = "\n".join(line.strip() for line in re.sub(r"<[^>]+>", "\n", PAGE).splitlines()
                     if line.strip())
    body = client.post("/clean", json={"page": page}).json()
    assert body == tachtu.clean(page).to_dict()
    assert body["format"] == "text"


def test_clean_page_without_article(client):
    body = client.post("/clean", json={"page": "", "segment": True}).json()
    assert body["paragraphs"] == [] and body["text"] == ""
    assert body["segmentation"] == {"text": ""}


# --- GET /health, /openapi.json, the page ----------------------------------------------------

def test_health(client):
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["version"] == tachtu.__version__
    assert {"mode": "default", "tone": "keep"} in body["models"]
    assert body["user_dict"] is None
    assert body["limits"] == {"max_body_bytes": 10 * 1024 * 1024, "max_batch": 1000,
                              "max_text_chars": 1_000_000, "timeout_seconds": 30.0}


def test_user_dictionary(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("# names we keep whole\nViettel Cyber Security\n", encoding="utf-8")
    text = "Hệ thống của Viettel Cyber Security."
    with TestClient(create_app(user_dict=str(words))) as c:
        assert c.get("/health").json()["user_dict"] == str(words)
        joined = c.post("/segment", json={"text": text, "tone": "new"}).json()["text"]
        assert "Viettel_Cyber_Security" in joined
        assert joined == tachtu.Segmenter(tone="new", user_dict=str(words)).segment(text)
        # VnCoreNLP mode reproduces VnCoreNLP: no user dictionary there.
        vncorenlp = c.post("/segment", json={"text": text, "mode": "vncorenlp"}).json()["text"]
        assert vncorenlp == tachtu.segment(text, mode="vncorenlp")
    assert "Viettel_Cyber_Security" not in tachtu.segment(text)


def test_health_lists_models_as_they_load(tight):
    assert {"mode": "default", "tone": "new"} not in tight.get("/health").json()["models"]
    tight.post("/segment", json={"text": "Hà Nội", "tone": "new"})
    assert {"mode": "default", "tone": "new"} in tight.get("/health").json()["models"]


def test_openapi_describes_endpoints_and_limits(tight):
    spec = tight.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    assert set(spec["paths"]) == {"/segment", "/clean", "/health", "/openapi.json"}
    request = spec["components"]["schemas"]["SegmentRequest"]
    assert request["properties"]["texts"]["maxItems"] == 3
    assert request["properties"]["text"]["maxLength"] == 100
    responses = spec["paths"]["/segment"]["post"]["responses"]
    assert set(responses) >= {"200", "400", "413", "422", "504"}


def test_page_and_its_files(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assets = re.findall(r'(?:src|href)="(static/[^"]+)"', page.text)
    assert {"static/app.js", "static/style.css", "static/favicon.svg"} <= set(assets)
    for asset in assets:
        assert client.get("/" + asset).status_code == 200


def test_page_loads_nothing_from_elsewhere():
    for path in STATIC.iterdir():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//"""
                             r"""|url\(\s*["']?(?:https?:)?//|@import"""
                             r"""|fetch\(\s*["'](?:https?:)?//""", text), path.name


# --- errors ----------------------------------------------------------------------------------

@pytest.mark.parametrize("body, field, wanted", [
    ({"text": 5}, "text", "a string, got a number"),
    ({"text": None}, "text", "a string, got null"),
    ({"text": ["Hà Nội"]}, "text", "a string, got an array"),
    ({"texts": "Hà Nội"}, "texts", "an array, got a string"),
    ({"texts": ["a", 1]}, "texts[1]", "a string, got a number"),
    ({"text": "a", "sentences": "yes"}, "sentences", "a boolean, got a string"),
    ({"text": "a", "sentences": 1}, "sentences", "a boolean, got a number"),
    ({"text": "a", "mode": 3}, "mode", "a string, got a number"),
    ([{"text": "a"}], "body", "an object, got an array"),
    ("Hà Nội", "body", "an object, got a string"),
    (None, "body", "an object, got null"),
])
def test_wrong_types(client, body, field, wanted):
    response = client.post("/segment", content=json.dumps(body).encode())
    assert wanted in error_of(response, 422, "invalid_type", field)


@pytest.mark.parametrize("field, value", [("mode", "rdr"), ("tone", "KEEP"), ("output", "tokens")])
def test_values_not_allowed(client, field, value):
    response = client.post("/segment", json={"text": "a", field: value})
    assert f'not "{value}"' in error_of(response, 422, "invalid_value", field)


def test_fields(client):
    error_of(client.post("/segment", json={}), 422, "missing_field", "text")
    error_of(client.post("/segment", json={"text": "a", "texts": ["b"]}), 422,
             "conflicting_fields", "text")
    message = error_of(client.post("/segment", json={"text": "a", "txet": 1}), 422,
                       "unknown_field", "txet")
    assert "text, texts, mode, tone, output, sentences" in message
    error_of(client.post("/clean", json={"text": PAGE}), 422, "unknown_field", "text")
    error_of(client.post("/clean", json={"segment": True}), 422, "missing_field", "page")
    error_of(client.post("/clean", json={"page": PAGE, "segment": "no"}), 422, "invalid_type",
             "segment")


def test_lone_surrogate(client):
    response = client.post("/segment", content=b'{"texts": ["ok", "H\\u00e0 \\ud800"]}')
    assert "U+D800 at character 3" in error_of(response, 422, "invalid_text", "texts[1]")


@pytest.mark.parametrize("content, wanted", [
    (b"", "empty"),
    (b"   ", "empty"),
    ('{"text": "Hà Nội"'.encode(), "not JSON"),
    (b"{'text': 'a'}", "line 1 column 2"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
])
def test_malformed_json(client, content, wanted):
    assert wanted in error_of(client.post("/segment", content=content), 400, "invalid_json")


def test_body_not_utf8(client):
    response = client.post("/segment", content=b'{"text": "H\xe0 N\xf4i"}')
    assert "not UTF-8 (byte 11)" in error_of(response, 400, "invalid_utf8")


def test_size_limits(tight):
    response = tight.post("/segment", json={"text": "Hà " * 40})
    message = error_of(response, 413, "text_too_long", "text")
    assert "120 characters are over the limit of 100" in message
    error_of(tight.post("/segment", json={"texts": ["a", "b", "Hà " * 40]}), 413,
             "text_too_long", "texts[2]")
    message = error_of(tight.post("/segment", json={"texts": ["a"] * 4}), 413, "batch_too_large",
                       "texts")
    assert "4 items are over the limit of 3" in message
    error_of(tight.post("/clean", json={"page": "x" * 101}), 413, "text_too_long", "page")
    assert tight.post("/segment", json={"text": "Hà " * 33}).status_code == 200


def test_body_size_limit(tight):
    big = json.dumps({"text": "a" * 5000}).encode()
    assert "over the limit of 4,000 bytes" in error_of(tight.post("/segment", content=big), 413,
                                                       "body_too_large")
    # Without a Content-Length (chunked upload) the limit holds while reading.
    chunks = (b"x" * 1000 for _ in range(10))
    error_of(tight.post("/segment", content=chunks), 413, "body_too_large")


def test_time_limit():
    texts = [TEXT * 20] * 300
    with TestClient(create_app(Limits(timeout=0.05))) as slow:
        response = slow.post("/segment", json={"texts": texts})
        assert "time limit of 0.05 s" in error_of(response, 504, "timeout")
        assert slow.post("/segment", json={"text": "Hà Nội"}).json() == {"text": "Hà_Nội"}


def test_unknown_path_and_method(client):
    assert "/segmnet" in error_of(client.post("/segmnet", json={}), 404, "not_found")
    response = client.get("/segment")
    error_of(response, 405, "method_not_allowed")
    assert response.headers["allow"] == "POST"
    error_of(client.post("/health"), 405, "method_not_allowed")
    error_of(client.get("/static/nothing.js"), 404, "not_found")
    error_of(client.get("/static/../app.py"), 404, "not_found")


def test_library_errors_are_422(client, monkeypatch):
    def refuse(*args):
        raise tachtu.InputError("cannot segment this", position=3, unit="character")

    monkeypatch.setattr("tachtu.serve.work.segment", refuse)
    message = error_of(client.post("/segment", json={"text": "a"}), 422, "invalid_input")
    assert message == "character 3: cannot segment this"


def test_bugs_are_json_500(monkeypatch):
    def crash(*args):
        raise RuntimeError("a bug")

    monkeypatch.setattr("tachtu.serve.work.clean", crash)
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        error_of(c.post("/clean", json={"page": "a"}), 500, "internal_error")
