"""A channel's media gallery in headless Chromium: reachable from the channel header, photos and
videos as a grid of lazy thumbnails that fits a phone, every item leading to its post, files and
sounds as lists of working links, tabs between the kinds; no serious axe finding (light, dark)."""
import pytest
from selenium.webdriver.common.by import By

from test_accessibility import violations
from test_exports import export_site, phone  # noqa: F401  (shared fixture)
from test_search_page import browser  # noqa: F401  (shared fixture)


def test_the_gallery_is_a_grid_of_thumbnails_leading_to_posts(export_site, browser):  # noqa: F811
    phone(browser)
    try:
        browser.get(export_site["http"] + "channels/media-shelf/index.html")
        browser.find_element(By.CSS_SELECTOR, ".channel-meta a[href$='gallery.html']").click()
        assert browser.current_url.endswith("/channels/media-shelf/gallery.html")
        tiles = browser.find_elements(By.CSS_SELECTOR, ".gallery-grid img")
        assert len(tiles) == 2 and all(t.get_attribute("loading") == "lazy" for t in tiles)
        assert all(t.get_attribute("alt") for t in tiles)
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
        browser.execute_script("document.querySelectorAll('img').forEach(function (i) { i.loading = 'eager'; })")
        loaded = browser.execute_async_script(
            "var done = arguments[0]; Promise.all([...document.querySelectorAll('.gallery-grid img')].map(function (i) {"
            " return i.complete ? Promise.resolve() : new Promise(function (r) { i.onload = i.onerror = r; }); }))"
            ".then(function () { done([...document.querySelectorAll('.gallery-grid img')].map(function (i) { return i.naturalWidth; })); });")
        assert all(width > 0 for width in loaded), loaded
        posts = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".gallery-grid a")]
        assert [p.rsplit("/", 1)[1] for p in posts] == ["11.html", "10.html"], "newest first"
        browser.get(posts[1])
        assert browser.find_elements(By.CSS_SELECTOR, "article.post-page .media img")
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_files_and_sounds_are_lists_with_tabs_between_kinds(export_site, browser):  # noqa: F811
    browser.get(export_site["http"] + "channels/media-shelf/gallery.html")
    tabs = browser.find_elements(By.CSS_SELECTOR, ".gallery-tabs li")
    assert [t.text.split(" ")[0] for t in tabs] == ["Photos", "Files", "Voice"]
    assert tabs[0].find_element(By.CSS_SELECTOR, "[aria-current=page]")
    tabs[1].find_element(By.TAG_NAME, "a").click()
    file = browser.find_element(By.CSS_SELECTOR, ".gallery-list .gallery-file")
    assert file.text == "Годовой отчёт.pdf"
    status = browser.execute_async_script(
        "var done = arguments[1]; fetch(arguments[0]).then(function (r) { done(r.status); });", file.get_attribute("href"))
    assert status == 200
    browser.find_element(By.CSS_SELECTOR, ".gallery-post a").click()
    assert browser.current_url.endswith("/channels/media-shelf/16.html")


@pytest.mark.parametrize("page", ["channels/media-shelf/gallery.html", "channels/media-shelf/gallery-files.html",
                                  "channels/media-shelf/gallery-audio.html"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_gallery_pages_have_no_serious_accessibility_violation(export_site, browser, page, scheme):  # noqa: F811
    browser.set_script_timeout(30)
    assert violations(browser, export_site["http"] + page, scheme) == []
