"""A text copy's reply quotes on the built pages, in headless Chromium: the "in reply to" line
links to the quoted post, the quoted post lists its reply, the pages fit a phone screen, are valid
HTML and have no serious accessibility violation."""
import functools
import glob
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
from test_exports import assert_valid_html, phone
from test_search_page import BINARY, ROOT, browser  # noqa: F401  (shared fixture)

FIXTURES = os.path.join(ROOT, "Tests", "ChansiteKitTests", "Fixtures", "dumps")


@pytest.fixture(scope="module")
def reply_site():
    folder = tempfile.mkdtemp(prefix="chansite-replies-")
    content = os.path.join(folder, "Content")
    os.makedirs(content)
    for name in ["tme_replies_english.txt", "heading_replies.txt"]:
        shutil.copy(os.path.join(FIXTURES, name), content)
    with open(os.path.join(folder, "chansite.json"), "w", encoding="utf-8") as f:
        json.dump({"title": "Replies", "language": "en"}, f)
    output = os.path.join(folder, "Output")
    run = subprocess.run([BINARY, "build", "--quiet"], cwd=folder, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=output)
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    # Post pages of the t.me/s copy whose reply line links to the quoted post.
    replies = []
    for path in sorted(glob.glob(os.path.join(output, "channels", "*", "*.html"))):
        page = open(path, encoding="utf-8").read()
        if '<p class="reply-to"><a href=' in page and "<h1" in page:
            replies.append(os.path.relpath(path, output))
    yield {"output": output, "http": f"http://127.0.0.1:{server.server_address[1]}/", "replies": replies}
    server.shutdown()
    shutil.rmtree(folder)


def test_a_reply_links_to_the_post_it_quotes(reply_site, browser):  # noqa: F811
    assert len(reply_site["replies"]) >= 3, reply_site["replies"]
    page = next(p for p in reply_site["replies"] if "the-launch-is-now-set" in p)
    browser.get(reply_site["http"] + page)
    line = browser.find_element(By.CSS_SELECTOR, ".reply-to a")
    assert "Orbit Log" in line.text and "Static fire test completed" in line.text
    line.click()
    assert "Engines ran for the full duration." in browser.find_element(By.TAG_NAME, "main").text
    # The quoted post lists the replies to it, and the link leads back.
    back = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a") if page.split("/")[-1] in (a.get_attribute("href") or "")]
    assert back, "the quoted post does not list the reply"


def test_reply_pages_fit_a_phone_screen(reply_site, browser):  # noqa: F811
    phone(browser)
    try:
        for page in reply_site["replies"]:
            browser.get(reply_site["http"] + page)
            width = browser.execute_script("return document.documentElement.scrollWidth")
            assert width <= 390, f"{page} is {width}px wide"
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_reply_pages_are_valid_html(reply_site):
    assert_valid_html(reply_site["output"])


def test_a_reply_page_has_no_serious_accessibility_violation(reply_site, browser):  # noqa: F811
    browser.set_script_timeout(30)
    assert violations(browser, reply_site["http"] + reply_site["replies"][0], "light") == []
