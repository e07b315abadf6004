"""The archive's memory in headless Chromium: a post edited across three exports shows its
earlier versions in a disclosure (closed until clicked, the change marked, no serious axe finding
with it open, light and dark); a post deleted since an earlier export is marked; after a channel
is renamed and a post removed, the old URLs land on the post's new page or on a valid "removed"
page."""
import json
import os
import shutil
import subprocess
import tempfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_accessibility import violations
from test_exports import assert_valid_html, export_site  # noqa: F401  (shared fixture)
from test_search_page import BINARY, ROOT, browser  # noqa: F401  (shared fixture)

OPEN = "document.querySelectorAll('details.post-versions').forEach(function (d) { d.open = true; })"


def test_earlier_versions_open_on_click_and_mark_the_change(export_site, browser):  # noqa: F811
    browser.get(export_site["http"] + "channels/archive-watch/2.html")
    details = browser.find_element(By.CSS_SELECTOR, "details.post-versions")
    assert details.get_attribute("open") is None
    assert not browser.find_element(By.CSS_SELECTOR, ".version-text").is_displayed()
    details.find_element(By.TAG_NAME, "summary").click()
    texts = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".version-text")]
    assert texts[0].startswith("The museum opens on Monday") and "Tuesday" in texts[0], texts
    assert [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".version-text del")] == ["Monday", "nine"]
    assert [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".version-text ins")] == ["Tuesday", "ten"]
    dates = [e.get_attribute("datetime") for e in browser.find_elements(By.CSS_SELECTOR, ".version-date time")]
    assert dates == ["2024-01-10", "2024-03-15"]
    browser.get(export_site["http"] + "channels/archive-watch/3.html")
    assert "deleted from the channel after Jan 10, 2024" in browser.find_element(By.CSS_SELECTOR, ".post-deleted").text


@pytest.mark.parametrize("page", ["channels/archive-watch/2.html", "channels/archive-watch/3.html", "channels/archive-watch/index.html"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_history_has_no_serious_accessibility_violation(export_site, browser, page, scheme):  # noqa: F811
    browser.set_script_timeout(30)
    assert violations(browser, export_site["http"] + page, scheme, before=OPEN) == []


@pytest.fixture(scope="module")
def moved_site():
    """A site built, then rebuilt after its channel got a handle and one post was deleted."""
    folder = tempfile.mkdtemp(prefix="chansite-moved-")
    content = os.path.join(folder, "Content", "notes")
    os.makedirs(content)
    def export(ids):
        messages = [{"id": i, "type": "message", "date": f"2024-01-0{i}T10:00:00", "date_unixtime": str(1704103200 + i * 86400),
                     "text": f"Note number {i} about the town", "text_entities": [{"type": "plain", "text": f"Note number {i} about the town"}]}
                    for i in ids]
        with open(os.path.join(content, "result.json"), "w", encoding="utf-8") as f:
            json.dump({"name": "Town Notes", "type": "public_channel", "id": 1000000099, "messages": messages}, f)
    def build(config):
        with open(os.path.join(folder, "chansite.json"), "w", encoding="utf-8") as f:
            json.dump(config, f)
        subprocess.run([BINARY, "build", "--quiet"], cwd=folder, check=True, capture_output=True)
    export([1, 2, 3])
    build({"language": "en"})
    export([1, 3])
    build({"language": "en", "channelHandles": {"1000000099": "townnotes"}})
    yield os.path.join(folder, "Output")
    shutil.rmtree(folder)


def test_old_urls_land_on_the_new_page_or_a_removed_page(moved_site, browser):  # noqa: F811
    base = "file://" + moved_site + "/"
    browser.get(base + "channels/town-notes/1.html")
    WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith("/channels/townnotes/1.html"))
    assert "Note number 1 about the town" in browser.find_element(By.CSS_SELECTOR, ".post-body").text
    browser.get(base + "channels/town-notes/index.html")
    WebDriverWait(browser, 5).until(lambda b: b.current_url.endswith("/channels/townnotes/index.html"))
    browser.get(base + "channels/town-notes/2.html")
    assert browser.current_url.endswith("/channels/town-notes/2.html")
    assert "This post was removed from the archive." in browser.find_element(By.TAG_NAME, "main").text
    link = browser.find_element(By.CSS_SELECTOR, "main a")
    assert link.text == "Town Notes" and link.get_attribute("href").endswith("/channels/townnotes/index.html")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_removed_page_has_no_serious_accessibility_violation(moved_site, browser, scheme):  # noqa: F811
    browser.set_script_timeout(30)
    assert violations(browser, "file://" + moved_site + "/channels/town-notes/2.html", scheme) == []


def test_redirect_and_removed_pages_are_valid_html(moved_site):
    assert_valid_html(moved_site)


@pytest.fixture(scope="module")
def comments_site():
    """The discussion fixture built with its group listed in `discussionGroups`."""
    folder = tempfile.mkdtemp(prefix="chansite-comments-")
    fixture = os.path.join(ROOT, "Tests", "ChansiteKitTests", "Fixtures", "exports", "discussion")
    shutil.copytree(fixture, os.path.join(folder, "Content", "discussion"))
    with open(os.path.join(folder, "chansite.json"), "w", encoding="utf-8") as f:
        json.dump({"language": "en", "discussionGroups": ["1000000052"]}, f)
    subprocess.run([BINARY, "build", "--quiet"], cwd=folder, check=True, capture_output=True)
    yield os.path.join(folder, "Output")
    shutil.rmtree(folder)


def test_comments_are_a_collapsed_thread_under_the_post(comments_site, browser):  # noqa: F811
    browser.get("file://" + comments_site + "/channels/garden-club/1.html")
    thread = browser.find_element(By.CSS_SELECTOR, "details.comments")
    assert thread.get_attribute("open") is None
    assert thread.find_element(By.TAG_NAME, "summary").text == "💬 2 comments"
    assert not browser.find_element(By.CSS_SELECTOR, ".comment-text").is_displayed()
    thread.find_element(By.TAG_NAME, "summary").click()
    assert [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".comment-author")] == ["Ann Gardener", "Bo Planter"]
    browser.get("file://" + comments_site + "/channels/garden-club/index.html")
    browser.find_element(By.CSS_SELECTOR, "a[href$='1.html#comments']").click()
    assert browser.current_url.endswith("/channels/garden-club/1.html#comments")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_comments_have_no_serious_accessibility_violation(comments_site, browser, scheme):  # noqa: F811
    browser.set_script_timeout(30)
    opened = "document.querySelectorAll('details.comments').forEach(function (d) { d.open = true; })"
    assert violations(browser, "file://" + comments_site + "/channels/garden-club/1.html", scheme, before=opened) == []


def test_comment_pages_are_valid_html(comments_site):
    assert_valid_html(comments_site)
