"""Right-to-left and left-to-right lines in one post, in headless Chromium: every line of a
paragraph and a quote takes its own direction and aligns to its own start, and a quote's
bar sits on its start side, from an export (entities) and from a text copy (Markdown)."""
import json
import os
import shutil
import subprocess
import tempfile

import pytest
from selenium.webdriver.common.by import By

from test_search_page import BINARY, browser  # noqa: F401  (shared fixture)

ARABIC = "قال النبي: الدين النصيحة."
ENGLISH = "The religion is sincere advice."


@pytest.fixture(scope="module")
def mixed_site():
    folder = tempfile.mkdtemp(prefix="chansite-bidi-")
    export = os.path.join(folder, "Content", "export")
    os.makedirs(export)
    text = [ARABIC + "\n" + ENGLISH + "\n\n", {"type": "blockquote", "text": ARABIC + "\n" + ENGLISH}]
    messages = [{"id": 1, "type": "message", "date": "2024-03-05T10:00:00", "date_unixtime": "1709632800", "text": text,
                 "text_entities": [{"type": "plain", "text": text[0]}, text[1]]},
                {"id": 2, "type": "message", "date": "2024-03-06T10:00:00", "date_unixtime": "1709719200", "text": ARABIC,
                 "text_entities": [{"type": "plain", "text": ARABIC}]},
                {"id": 3, "type": "message", "date": "2024-03-07T10:00:00", "date_unixtime": "1709805600", "text": "我们今天去东京看樱花。",
                 "text_entities": [{"type": "plain", "text": "我们今天去东京看樱花。"}]}]
    with open(os.path.join(export, "result.json"), "w", encoding="utf-8") as f:
        json.dump({"name": "Mixed", "type": "public_channel", "id": 9, "messages": messages}, f)
    with open(os.path.join(folder, "Content", "copy.txt"), "w", encoding="utf-8") as f:
        f.write("Copy\n5 subscribers\nDownload Telegram\n" + ARABIC + "\n" + ENGLISH + "\n\n#bidi\n")
    with open(os.path.join(folder, "chansite.json"), "w", encoding="utf-8") as f:
        json.dump({"language": "en"}, f)
    output = os.path.join(folder, "Output")
    subprocess.run([BINARY, "build", "--quiet", "--output", output], cwd=folder, check=True)
    yield output
    shutil.rmtree(folder)


# The left and right edges of the text of each line containing `needle`, against its block's box.
LINE_EDGES = """
const [block, needle] = arguments;
const box = block.getBoundingClientRect(), style = getComputedStyle(block);
const inner = {left: box.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth),
               right: box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth)};
const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
const out = [];
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  if (!node.data.includes(needle)) continue;
  const range = document.createRange(); range.selectNodeContents(node);
  const rects = [...range.getClientRects()];
  out.push({left: Math.min(...rects.map(r => r.left)) - inner.left, right: inner.right - Math.max(...rects.map(r => r.right))});
}
return out;
"""


def edges(browser, block, needle):  # noqa: F811
    return browser.execute_script(LINE_EDGES, block, needle)


def page(browser, output, path):  # noqa: F811
    browser.set_window_size(1200, 900)
    browser.get("file://" + os.path.join(output, path))


def assert_lines_align_to_their_own_start(browser, block):  # noqa: F811
    """The Arabic line hugs the block's right edge, the English line its left."""
    arabic, = edges(browser, block, "الدين")
    english, = edges(browser, block, "religion")
    assert arabic["right"] < 2 and arabic["left"] > 100, arabic
    assert english["left"] < 2 and english["right"] > 100, english


@pytest.mark.parametrize("path", ["channels/mixed/1.html"])
def test_each_line_of_a_paragraph_and_a_quote_takes_its_own_direction(mixed_site, browser, path):  # noqa: F811
    page(browser, mixed_site, path)
    body = browser.find_element(By.CSS_SELECTOR, ".post-body")
    assert_lines_align_to_their_own_start(browser, body.find_element(By.CSS_SELECTOR, "p"))
    quote = body.find_element(By.CSS_SELECTOR, "blockquote")
    arabic, = edges(browser, quote, "الدين")
    english, = edges(browser, quote, "religion")
    assert arabic["right"] < 2 and english["left"] < 2, (arabic, english)
    # The quote's bar is on its start side: the right, for a quote that opens in Arabic.
    style = browser.execute_script("const s = getComputedStyle(arguments[0]); return [s.borderRightWidth, s.borderLeftWidth];", quote)
    assert style == ["3px", "0px"], style


def test_a_text_copys_lines_too(mixed_site, browser):  # noqa: F811
    page(browser, mixed_site, "channels/copy/index.html")
    assert_lines_align_to_their_own_start(browser, browser.find_element(By.CSS_SELECTOR, ".post-body p"))


def test_a_post_not_in_the_sites_language_says_its_own(mixed_site, browser):  # noqa: F811
    page(browser, mixed_site, "channels/mixed/index.html")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    langs = {a.get_attribute("id"): a.get_attribute("lang") for a in browser.find_elements(By.CSS_SELECTOR, "article.post")}
    assert langs == {"mixed/1": "", "mixed/2": "ar", "mixed/3": "zh"}, langs
    page(browser, mixed_site, "channels/mixed/2.html")
    assert browser.find_element(By.CSS_SELECTOR, "article.post-page").get_attribute("lang") == "ar"
