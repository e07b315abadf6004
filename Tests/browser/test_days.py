"""Days and years in headless Chromium: the home page's "on this day" picks the reader's today and
links the years that have posts on it (with a fixed clock), falls back to the page of every day
without JavaScript or when today has none; a day page groups its posts by year; a channel's year
page lists months, busiest days and most-reacted posts; no serious axe finding (light, dark)."""
import pytest
from selenium.webdriver.common.by import By

from test_accessibility import violations
from test_exports import export_site  # noqa: F401  (shared fixture)
from test_search_page import browser  # noqa: F401  (shared fixture)


def fixed_clock(browser, iso):  # noqa: F811
    """Every page opened next sees `iso` as now."""
    return browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
        (function () { var fixed = new Date("%s").getTime(), Real = Date;
          function Fake() { return arguments.length ? new (Function.prototype.bind.apply(Real, [null].concat([].slice.call(arguments))))() : new Real(fixed); }
          Fake.now = function () { return fixed; }; Fake.prototype = Real.prototype; Fake.UTC = Real.UTC; Fake.parse = Real.parse;
          window.Date = Fake; })();""" % iso})["identifier"]


def test_on_this_day_links_earlier_years_of_today(export_site, browser):  # noqa: F811
    script = fixed_clock(browser, "2025-01-05T12:00:00")
    try:
        browser.get(export_site["http"] + "index.html")
        links = browser.find_elements(By.CSS_SELECTOR, ".on-this-day-text a")
        assert [a.text for a in links] == ["2024"]
        assert links[0].get_attribute("href").endswith("/days/01-05.html#y2024")
        links[0].click()
        section = browser.find_element(By.ID, "y2024")
        assert "Our first photo walk starts at the harbour." in section.text
    finally:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script})


def test_on_this_day_falls_back_to_every_day(export_site, browser):  # noqa: F811
    script = fixed_clock(browser, "2025-09-17T12:00:00")
    try:
        browser.get(export_site["http"] + "index.html")
        link = browser.find_element(By.CSS_SELECTOR, ".on-this-day-text a")
        assert link.get_attribute("href").endswith("/days/index.html")
    finally:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script})
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(export_site["http"] + "index.html")
        link = browser.find_element(By.CSS_SELECTOR, ".on-this-day-text a")
        assert link.get_attribute("href").endswith("/days/index.html")
        link.click()
        days = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".days-list a")]
        assert any(d.endswith("/days/01-05.html") for d in days)
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_a_channel_year_lists_months_days_and_most_reacted(export_site, browser):  # noqa: F811
    browser.get(export_site["http"] + "channels/archive-watch/archive.html")
    browser.find_element(By.CSS_SELECTOR, ".archive-year h3 a").click()
    assert browser.current_url.endswith("/channels/archive-watch/archive-2024.html")
    sections = {s.find_element(By.TAG_NAME, "h3").text: s for s in browser.find_elements(By.CSS_SELECTOR, ".year-section")}
    assert list(sections) == ["Months", "Busiest days", "Most reacted posts"]
    assert sections["Most reacted posts"].find_element(By.TAG_NAME, "a").text == "Our first photo walk starts at the harbour."
    assert "5 reactions" in sections["Most reacted posts"].text


@pytest.mark.parametrize("page", ["days/index.html", "days/01-05.html", "channels/archive-watch/archive-2024.html", "index.html"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_day_and_year_pages_have_no_serious_accessibility_violation(export_site, browser, page, scheme):  # noqa: F811
    browser.set_script_timeout(30)
    assert violations(browser, export_site["http"] + page, scheme) == []
