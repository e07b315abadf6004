"""axe-core (4.x, the copy PyPI's axe-playwright-python ships, injected through Selenium) finds
no serious or critical accessibility violation on any page kind, in light and in dark mode."""
import importlib.util
import os

import pytest

from test_search_page import browser, site  # noqa: F401  (shared fixtures)

AXE = os.path.join(os.path.dirname(importlib.util.find_spec("axe_playwright_python").origin), "axe.min.js")


def page_kinds(output):
    channel = sorted(os.listdir(os.path.join(output, "channels")))[0]
    posts = sorted(f for f in os.listdir(os.path.join(output, "channels", channel)) if f.endswith(".html")
                   and f != "index.html" and not f.startswith("page-"))
    tag = sorted(d for d in os.listdir(os.path.join(output, "tags")) if not d.endswith(".html"))[0]
    return ["index.html", f"channels/{channel}/index.html", f"channels/{channel}/{posts[0]}", "tags/index.html",
            f"tags/{tag}/index.html", "search.html?q=%D0%BC%D0%BE%D0%B4%D0%B5%D0%BB%D0%B8", "404.html"]


def violations(browser, url, scheme, before=None):  # noqa: F811
    """Serious findings of axe on `url` in a colour scheme, after the script `before` ran (say,
    to open a disclosure, so what it hides is checked too)."""
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    browser.get(url)
    if before:
        browser.execute_script(before)
    with open(AXE, encoding="utf-8") as f:
        browser.execute_script(f.read())
    result = browser.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(r.violations); });")
    # Serious and critical findings, and every landmark finding (two navigations with one name).
    return [(v["id"], v["impact"], len(v["nodes"])) for v in result if v["impact"] in ("serious", "critical") or v["id"].startswith("landmark")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_violation_on_any_page_kind(site, browser, scheme):  # noqa: F811
    browser.set_script_timeout(30)
    found = {}
    for page in page_kinds(site["output"]):
        bad = violations(browser, site["http"] + page, scheme)
        if bad:
            found[page] = bad
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    assert not found, found
