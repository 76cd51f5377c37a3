"""The real ``tachtu serve`` process on a free loopback port, spoken to over TCP."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

import tachtu
from tachtu.serve.launch import LOOPBACK, Server, free_port

TEXTS = [f"Bộ trưởng Quốc phòng Việt Nam thăm Trung Quốc lần thứ {i}. Hà Nội mùa thu."
         for i in range(64)]


@pytest.fixture(scope="module")
def server():
    with Server("--timeout", "2") as running:
        yield running


@pytest.fixture(scope="module")
def http(server):
    with httpx.Client(base_url=server.url, trust_env=False, timeout=30) as client:
        yield client


def test_serves_on_loopback(server, http):
    assert server.url.startswith(f"http://{LOOPBACK}:")
    assert http.get("/health").json()["limits"]["timeout_seconds"] == 2
    answer = http.post("/segment", json={"text": TEXTS[0]}).json()
    assert answer == {"text": tachtu.segment(TEXTS[0])}
    assert "<textarea" in http.get("/").text


def test_concurrent_requests_share_the_model(http):
    """32 clients at once, each with its own text: every answer belongs to its request."""
    def ask(text):
        return http.post("/segment", json={"text": text, "output": "words"}).json()

    with ThreadPoolExecutor(32) as pool:
        answers = list(pool.map(ask, TEXTS))
    expected = [{"words": [{"text": w.text, "start": w.start, "end": w.end}
                           for w in tachtu.words(t)]} for t in TEXTS]
    assert answers == expected


def test_slow_body_is_408(server):
    """A client that announces a body and never sends it is cut off after the time limit."""
    with socket.create_connection((LOOPBACK, server.port), timeout=10) as sock:
        sock.sendall(b"POST /segment HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 100\r\n\r\n{\"text\": ")
        started = time.monotonic()
        reply = b""
        while not reply.endswith(b"}}"):
            chunk = sock.recv(4096)
            if not chunk:
                break
            reply += chunk
        reply = reply.decode()
    assert reply.startswith("HTTP/1.1 408")
    assert '"code":"body_timeout"' in reply
    assert 1.5 < time.monotonic() - started < 8


def test_a_large_upload_gets_the_413_not_a_reset(server):
    """urllib uploads the whole body before it reads the answer: it must read the 413."""
    body = b'{"text": "' + b"a" * (30 * 1024 * 1024) + b'"}'
    for headers in ({"Content-Type": "application/json"},
                    {"Content-Type": "application/json", "Transfer-Encoding": "chunked"}):
        request = urllib.request.Request(server.url + "/segment", data=iter([body]) if
                                         "Transfer-Encoding" in headers else body, headers=headers)
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(request, timeout=60)
        assert info.value.code == 413
        assert json.loads(info.value.read())["error"]["code"] == "body_too_large"
    assert httpx.get(server.url + "/health", trust_env=False).status_code == 200


def test_sigterm_finishes_the_request_in_flight_and_exits_0():
    with Server() as running:
        body = json.dumps({"text": TEXTS[0]}).encode()
        with socket.create_connection((LOOPBACK, running.port), timeout=30) as sock:
            sock.sendall(b"POST /segment HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         b"Content-Length: %d\r\n\r\n" % len(body) + body[:10])
            time.sleep(0.3)  # the request is in flight: headers read, body not yet
            running.process.send_signal(signal.SIGTERM)
            time.sleep(0.3)
            sock.sendall(body[10:])
            reply = b""
            while chunk := sock.recv(65536):
                reply += chunk
        assert reply.startswith(b"HTTP/1.1 200")
        assert json.loads(reply.partition(b"\r\n\r\n")[2]) == {"text": tachtu.segment(TEXTS[0])}
        assert running.process.wait(timeout=30) == 0


def test_several_workers():
    with Server("--workers", "2") as running, httpx.Client(trust_env=False) as client:
        answers = {client.post(running.url + "/segment", json={"text": "Hà Nội"}).text
                   for _ in range(8)}
        assert answers == {'{"text":"Hà_Nội"}'}
    assert running.stop() is not None


def test_port_in_use_is_a_clear_error():
    with socket.socket() as taken:
        taken.bind((LOOPBACK, free_port()))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "tachtu.cli", "serve", "--port", str(port)],
                                capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "address already in use" in result.stderr.lower()


@pytest.mark.parametrize("args, wanted", [
    (["--port", "70000"], "not a TCP port"), (["--workers", "0"], "must be more than 0"),
    (["--timeout", "soon"], "not a number"),
    (["--user-dict", "/no/such/words.txt", "--port", str(free_port())],
     "/no/such/words.txt: No such file"),
])
def test_bad_options(args, wanted):
    result = subprocess.run([sys.executable, "-m", "tachtu.cli", "serve", *args],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and wanted in result.stderr
