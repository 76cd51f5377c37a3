"""The web page in headless Chromium: paste text or a page, see the words, hover for offsets.

Needs Debian's ``chromium`` and ``chromium-driver`` (and selenium from the ``test`` extra).
Skipped without them on a developer's machine; on CI (``CI`` set) their absence fails.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile

import pytest

import tachtu
from tachtu.serve.launch import Server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
if not (CHROMIUM and DRIVER and importlib.util.find_spec("selenium")):
    if os.environ.get("CI"):
        raise RuntimeError("the browser test needs apt packages chromium and chromium-driver, "
                           "and selenium (pip install -e '.[test]')")
    pytest.skip("chromium, chromium-driver or selenium is not installed", allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service as DriverService  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

TEXT = ("Bộ trưởng Quốc phòng Việt Nam thăm Trung Quốc. Hà Nội mùa thu 🍂, trời trong xanh!\n"
        "Công nghệ thông tin giúp học sinh học tập hiệu quả hơn.")
PAGE = """<html><head><title>Hà Nội đón mùa thu</title></head><body>
<nav><a href="/">Trang chủ</a> | <a href="/thoi-su">Thời sự</a></nav>
<article><h1>Hà Nội đón mùa thu</h1>
<p>Những ngày đầu thu, thời tiết Hà Nội dịu mát, người dân và du khách đổ ra đường dạo phố,
chụp ảnh bên những hàng cây đã bắt đầu chuyển màu vàng.</p>
<p>Các con phố Phan Đình Phùng, Hoàng Diệu rợp bóng cây xanh là nơi thu hút nhiều bạn trẻ.</p>
</article><footer>Bản quyền © 2024 Báo Tin tức</footer></body></html>"""
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,1200")


@pytest.fixture(scope="module")
def server():
    with Server("--max-text-chars", "2000") as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    with tempfile.TemporaryDirectory() as profile:
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(options=options, service=DriverService(DRIVER))
        try:
            yield driver
        finally:
            driver.quit()


def submit(browser, server, text, kind="text"):
    browser.get(server.url + "/")
    browser.execute_script("document.getElementById('input').value = arguments[0]", text)
    browser.find_element(By.CSS_SELECTOR, f"input[name=kind][value={kind}]").click()
    browser.find_element(By.ID, "run").click()
    WebDriverWait(browser, 20).until(
        lambda b: b.find_element(By.ID, "run").is_enabled()
        and (b.find_element(By.ID, "results").is_displayed()
             or b.find_element(By.ID, "error").is_displayed()))


def shown_words(browser, where="#words"):
    """(data-text, start, end, text shown) of every highlighted word."""
    return browser.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0] + ' .w')).map("
        "s => [s.dataset.text, +s.dataset.start, +s.dataset.end, s.textContent])", where)


def test_words_are_highlighted_with_offsets(browser, server):
    submit(browser, server, TEXT)
    words = tachtu.words(TEXT)
    chars = list(TEXT)  # code points, as the offsets count them
    assert shown_words(browser) == [[w.text, w.start, w.end, "".join(chars[w.start:w.end])]
                                    for w in words]
    multi = browser.find_elements(By.CSS_SELECTOR, "#words .w.m")
    assert [m.text.replace(" ", "_") for m in multi] == [w.text for w in words if "_" in w.text]
    # The words and the gaps between them give back the text as pasted.
    assert browser.find_element(By.ID, "words").get_attribute("textContent") == TEXT
    assert browser.find_element(By.ID, "segmented").text == tachtu.segment(TEXT, sentences=True)
    assert f"{len(words)} words" in browser.find_element(By.ID, "stats").text


def test_sentences_are_listed(browser, server):
    submit(browser, server, TEXT)
    items = browser.find_elements(By.CSS_SELECTOR, "#sentences li")
    sentences = tachtu.sentences(TEXT)
    assert len(items) == len(sentences) == 3
    for item, sentence in zip(items, sentences):
        assert item.get_attribute("textContent") == TEXT[sentence[0].start:sentence[-1].end]


def test_hovering_a_word_shows_its_offsets(browser, server):
    submit(browser, server, TEXT)
    first = tachtu.sentences(TEXT)[0]
    target = next(w for w in first if w.text == "Việt_Nam")
    span = browser.find_element(By.CSS_SELECTOR, f'#words .w[data-start="{target.start}"]')
    ActionChains(browser).move_to_element(span).perform()
    tip = browser.find_element(By.ID, "tip")
    WebDriverWait(browser, 5).until(lambda b: tip.is_displayed())
    assert tip.text.splitlines() == [
        "Việt_Nam", f"offsets {target.start}–{target.end} · 8 characters · 2 syllables · "
                    f"sentence 1, word {first.index(target) + 1}"]
    assert "hover" in span.get_attribute("class")


def test_page_is_cleaned_then_segmented(browser, server):
    submit(browser, server, PAGE, kind="page")
    document = tachtu.clean(PAGE)
    assert browser.find_element(By.ID, "article-card").is_displayed()
    shown = browser.execute_script(
        "return Array.from(document.querySelectorAll('#article .para')).map("
        "p => [p.querySelector('.role').textContent, p.lastChild.textContent])")
    assert shown == [[p.role, p.text] for p in document.paragraphs]
    assert document.title in browser.find_element(By.CSS_SELECTOR, "#article h3").text
    assert "Bản quyền" not in browser.find_element(By.ID, "words").text
    assert [w[:3] for w in shown_words(browser)] == [list(w) for w in tachtu.words(document.text)]


def test_errors_are_shown(browser, server):
    submit(browser, server, "Hà Nội " * 400)
    error = browser.find_element(By.ID, "error")
    assert error.is_displayed()
    assert error.text == "413: text: 2,800 characters are over the limit of 2,000"
