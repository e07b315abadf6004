"""The search page in a real headless Chromium, over HTTP (at a sub-path) and from file://.

Builds the sample site with the real chansite binary, then types queries as a reader would and
checks the results against `chansite search --json`, which must rank the same way.
"""
import contextlib
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
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("CHANSITE_BIN", os.path.join(ROOT, ".build", "debug", "chansite"))
QUERIES = ["моделью", "models", "#математика", "обучение модели", "данные", "статья", "llm", "нейронные сети",
           # one typo away (after the first three letters): the page and the CLI find the same words
           "обуччение", "нейрлнным"]


@pytest.fixture(scope="module")
def site():
    folder = tempfile.mkdtemp(prefix="chansite-browser-")
    output = os.path.join(folder, "archive", "site")
    subprocess.run([BINARY, "build", "--quiet", "--output", output], cwd=ROOT, check=True)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=folder)
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield {"output": output, "http": f"http://127.0.0.1:{server.server_address[1]}/archive/site/"}
    server.shutdown()
    shutil.rmtree(folder)


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--allow-file-access-from-files"]:
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    yield driver
    driver.quit()


def results(browser, base, query):
    browser.get(base + "search.html?q=" + urllib.parse.quote(query))
    WebDriverWait(browser, 10).until(
        lambda d: d.find_element(By.ID, "search-status").text not in ("", "Ищем…"))
    links = browser.find_elements(By.CSS_SELECTOR, "#search-results a.result-title")
    # The post's address, without the `?highlight=` every result carries (its own test below).
    return [urllib.parse.unquote(urllib.parse.urljoin(browser.current_url, a.get_attribute("href"))).split("?")[0] for a in links]


def cli(site, query, limit=10):
    run = subprocess.run([BINARY, "search", "--output", site["output"], "--json", "--limit", str(limit), "--", query],
                         capture_output=True, check=True)
    return json.loads(run.stdout)


@pytest.mark.parametrize("query", QUERIES)
def test_page_and_cli_agree_on_top_ten(site, browser, query):
    page = results(browser, site["http"], query)[:10]
    expected = [urllib.parse.unquote(site["http"] + r["url"]) for r in cli(site, query)]
    assert page == expected
    assert page, f"no results for {query!r}"


def test_a_newest_first_site_shows_each_result_with_its_own_row(browser):
    """A channel's documents are kept oldest first whichever order its pages show: on a site
    built newest first, each result's title, address and channel are still its own post's."""
    folder = tempfile.mkdtemp(prefix="chansite-newest-")
    try:
        shutil.copytree(os.path.join(ROOT, "Content"), os.path.join(folder, "Content"))
        with open(os.path.join(folder, "chansite.json"), "w", encoding="utf-8") as f:
            json.dump({"channelOrder": "newest"}, f)
        subprocess.run([BINARY, "build", "--quiet"], cwd=folder, check=True)
        site = {"output": os.path.join(folder, "Output")}
        base = "file://" + site["output"] + "/"
        for query in ["моделью", "данные", "статья", "llm"]:
            browser.get(base + "search.html?q=" + urllib.parse.quote(query))
            WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-status").text not in ("", "Ищем…"))
            shown = [(urllib.parse.unquote(a.find_element(By.CSS_SELECTOR, "a.result-title").get_attribute("href")).split("?")[0],
                      a.find_element(By.CSS_SELECTOR, "a.result-title").text,
                      a.find_element(By.CSS_SELECTOR, ".result-meta").text.split(" · ")[0])
                     for a in browser.find_elements(By.CSS_SELECTOR, "#search-results li")]
            expected = [(urllib.parse.unquote(base + r["url"]), r["title"], r["channel"]) for r in cli(site, query)]
            assert shown == expected and shown, query
    finally:
        shutil.rmtree(folder)


def test_inflections_find_each_other(site, browser):
    for query, word in [("моделью", "модел"), ("models", "model")]:
        browser.get(site["http"] + "search.html?q=" + urllib.parse.quote(query))
        WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li mark"))
        marks = [m.text.lower() for m in browser.find_elements(By.CSS_SELECTOR, "#search-results li mark")]
        assert any(m.startswith(word) and m != query for m in marks), marks


def test_typing_keyboard_and_no_results(site, browser):
    browser.get(site["http"] + "search.html")
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-app").get_attribute("data-ready"))
    box = browser.find_element(By.ID, "search-input")
    box.send_keys("матем")
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results a"))
    assert "q=%D0%BC%D0%B0%D1%82%D0%B5%D0%BC" in browser.current_url
    box.send_keys(Keys.ARROW_DOWN)
    first = browser.find_element(By.CSS_SELECTOR, "#search-results a")
    assert browser.switch_to.active_element == first
    box.clear()
    box.send_keys("zzqxwv")
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-status").text.startswith("Ничего не найдено"))
    assert not browser.find_elements(By.CSS_SELECTOR, "#search-results li")


def test_channel_and_tag_filters(site, browser):
    browser.get(site["http"] + "search.html")
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-app").get_attribute("data-ready"))
    tag = browser.find_element(By.ID, "search-tag")
    values = [o.get_attribute("value") for o in tag.find_elements(By.TAG_NAME, "option")]
    assert "математика" in values
    browser.execute_script("arguments[0].value='математика';arguments[0].dispatchEvent(new Event('change'))", tag)
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li"))
    shown = len(browser.find_elements(By.CSS_SELECTOR, "#search-results li"))
    assert shown == min(20, len(cli(site, "#математика", 50)))
    channel = browser.find_element(By.ID, "search-channel")
    browser.execute_script("arguments[0].value='1';arguments[0].dispatchEvent(new Event('change'))", channel)
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-status").text != "Ищем…")
    name = channel.find_elements(By.TAG_NAME, "option")[2].text.rsplit(" (", 1)[0]
    expected = cli(site, "#математика", 50)
    metas = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#search-results .result-meta")]
    assert all(m.startswith(name) for m in metas)
    assert len(metas) == len([r for r in expected if r["channel"] == name])


def test_search_works_from_file_url(site, browser):
    base = "file://" + site["output"] + "/"
    page = results(browser, base, "моделью")
    assert page and all(p.startswith(base) for p in page)
    expected = [urllib.parse.unquote(base + r["url"]) for r in cli(site, "моделью")]
    assert page[:10] == expected


def test_header_search_box_submits_to_search_page(site, browser):
    browser.get(site["http"] + "index.html")
    box = browser.find_element(By.ID, "site-search")
    box.send_keys("данные" + Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda d: "search.html?q=" in d.current_url)
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li"))


DAMAGES = [
    ("manifest.js", 'window.__chansiteSearch("manifest",{"buckets":0,"docsPerChunk":10,"channels":[],"tags":[]});'),
    ("manifest.js", 'window.__chansiteSearch("manifest",{"buck'),
    ("postings", 'window.__chansiteSearch("p",[1,2,3]);'),
    ("docs", 'window.__chansiteSearch("d",[[1]]);'),
]


@pytest.mark.parametrize("target,contents", DAMAGES)
def test_a_damaged_index_shows_a_clear_message(site, browser, target, contents):
    copy = tempfile.mkdtemp(prefix="chansite-damaged-")
    try:
        shutil.copytree(site["output"], copy, dirs_exist_ok=True)
        search = os.path.join(copy, "search")
        files = [os.path.join(search, target)] if target.endswith(".js") else \
            [os.path.join(folder, name) for folder, _, names in os.walk(os.path.join(search, target)) for name in names]
        for path in files:  # the scripts call back with their own names; keep the real ones
            name = "manifest" if path.endswith("manifest.js") else None
            if name is None:  # postings/<folder>/<n>.js → postings:<n>; docs/<channel>/<folder>/<n>.js → docs:<channel>:<n>
                parts = os.path.relpath(path, search).split(os.sep)
                name = ":".join([parts[0]] + parts[1:-2] + [parts[-1][:-3]])
            with open(path, "w", encoding="utf-8") as f:
                f.write(contents.replace('("p",', f'("{name}",').replace('("d",', f'("{name}",'))
        browser.get("file://" + copy + "/search.html?q=" + urllib.parse.quote("моделью"))
        WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-app").get_attribute("data-error"))
        status = browser.find_element(By.ID, "search-status").text
        assert "повреждён" in status and "chansite build" in status, status
        assert not browser.find_elements(By.CSS_SELECTOR, "#search-results li")
    finally:
        shutil.rmtree(copy)


def wait_ready(browser):
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-app").get_attribute("data-ready"))


def test_every_hit_is_reachable_and_shows_its_match(site, browser):
    query = "данные "
    expected = cli(site, query, 1000)
    assert len(expected) > 20, "the sample needs a word in more than two pages of results"
    browser.get(site["http"] + "search.html?q=" + urllib.parse.quote(query))
    wait_ready(browser)
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li"))
    while browser.find_element(By.ID, "search-more").is_displayed():
        count = len(browser.find_elements(By.CSS_SELECTOR, "#search-results li"))
        browser.find_element(By.ID, "search-more").click()
        WebDriverWait(browser, 10).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#search-results li")) > count)
    items = browser.find_elements(By.CSS_SELECTOR, "#search-results li")
    assert len(items) == len(expected)
    assert str(len(expected)) in browser.find_element(By.ID, "search-status").text
    with_mark = [li for li in items if li.find_elements(By.CSS_SELECTOR, "mark")]
    assert len(with_mark) >= len(items) * 0.8, "snippets should show the matched word"


def test_keyboard_only_through_every_result_and_enter(site, browser):
    browser.get(site["http"] + "search.html")
    wait_ready(browser)
    box = browser.find_element(By.ID, "search-input")
    box.send_keys("задачи ")
    WebDriverWait(browser, 10).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#search-results a")) == 10)
    keys = ActionChains(browser)
    for step in range(12):  # past the first ten: the next ten are shown and focused
        keys.send_keys(Keys.ARROW_DOWN).perform()
        if step == 10:
            WebDriverWait(browser, 10).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#search-results a.result-title")) == 20)
    links = browser.find_elements(By.CSS_SELECTOR, "#search-results a.result-title")
    assert browser.switch_to.active_element == links[11]
    keys.send_keys(Keys.ARROW_UP).perform()
    assert browser.switch_to.active_element == links[10]
    target = links[10].get_attribute("href")
    keys.send_keys(Keys.ENTER).perform()
    WebDriverWait(browser, 10).until(lambda d: d.current_url == target)
    browser.get(site["http"] + "search.html?q=" + urllib.parse.quote("задачи "))
    wait_ready(browser)
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results a"))
    first = browser.find_element(By.CSS_SELECTOR, "#search-results a.result-title").get_attribute("href")
    browser.find_element(By.ID, "search-input").send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda d: d.current_url == first)


def test_filters_survive_a_reload(site, browser):
    browser.get(site["http"] + "search.html")
    wait_ready(browser)
    tag = browser.find_element(By.ID, "search-tag")
    browser.execute_script("arguments[0].value='математика';arguments[0].dispatchEvent(new Event('change'))", tag)
    channel = browser.find_element(By.ID, "search-channel")
    browser.execute_script("arguments[0].value='1';arguments[0].dispatchEvent(new Event('change'))", channel)
    WebDriverWait(browser, 10).until(lambda d: "channel=" in d.current_url and "tag=" in d.current_url)
    before = browser.find_element(By.ID, "search-status").text
    browser.refresh()
    wait_ready(browser)
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-status").text not in ("", "Ищем…"))
    assert browser.find_element(By.ID, "search-tag").get_attribute("value") == "математика"
    assert browser.find_element(By.ID, "search-channel").get_attribute("value") == "1"
    assert browser.find_element(By.ID, "search-status").text == before


def test_one_search_box_on_the_search_page(site, browser):
    browser.get(site["http"] + "search.html")
    wait_ready(browser)
    assert len(browser.find_elements(By.CSS_SELECTOR, "input[type=search]")) == 1


@contextlib.contextmanager
def dump_site(channel, posts, tag="x"):
    """A site built from one text copy of `posts` (each closed by a hashtag line); yields its
    output folder, removed afterwards."""
    folder = tempfile.mkdtemp(prefix="chansite-dump-")
    try:
        content = os.path.join(folder, "Content")
        os.makedirs(content)
        with open(os.path.join(content, "channel.txt"), "w", encoding="utf-8") as f:
            f.write(channel + "\n5 subscribers\nDownload Telegram\n" + f"\n\n#{tag}\n\n".join(posts) + f"\n\n#{tag}\n")
        output = os.path.join(folder, "Output")
        subprocess.run([BINARY, "build", "--quiet", "--output", output], cwd=folder, check=True)
        yield output
    finally:
        shutil.rmtree(folder)


def page_agrees_with_cli(browser, output, cases):  # noqa: F811
    """Each query finds `expected` posts in the page, the same ones `chansite search` finds."""
    for query, expected in cases:
        page = results(browser, "file://" + output + "/", query)
        cli_urls = [urllib.parse.unquote("file://" + output + "/" + r["url"]) for r in cli({"output": output}, query)]
        assert len(page) == expected, (query, page)
        assert page == cli_urls, query


def test_text_without_spaces_is_found_in_the_page_as_in_the_cli(browser):
    with dump_site("频道", ["我们今天去东京看樱花。", "大阪の夜は楽しいです。"], tag="旅行") as output:
        page_agrees_with_cli(browser, output, [("樱花 ", 1), ("楽しい ", 1), ("東京タワー ", 0)])


def test_arabic_is_found_in_every_written_form_in_the_page_as_in_the_cli(browser):
    """Harakat, the article, a conjunction, alef and ta marbuta variants: the page's normalize()
    folds queries and marks matches exactly as the index builder folded the posts."""
    posts = ["منهج السَّلَف في العقيدة", "كتب السلف الصالح", "تفسير القُرْآن الكريم", "وحفظ القرآن للأطفال",
             "سيرة النَّبِيّ محمد", "النبي والصحابة", "مقالة عن التاريخ"]
    with dump_site("قناة", posts, tag="عربي") as output:
        page_agrees_with_cli(browser, output, [
            ("السلف ", 2), ("السَّلَف ", 2), ("قرآن ", 2), ("القران ", 2), ("والقرآن ", 2), ("النبي ", 2), ("نبي ", 2),
            ("التأريخ ", 1), ("الفيزياء ", 0)])
        # The match is marked in the snippet whatever its marks.
        results(browser, "file://" + output + "/", "قرآن ")
        marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#search-results mark")]
        assert sorted(marks) == sorted(["القُرْآن", "القرآن"]), marks


def test_terms_with_symbols_match_exactly_in_the_page_as_in_the_cli(browser):
    """C++, C#, .NET, GPT-4, 3.14, t.me: one term each, in the page's tokens as in the index."""
    posts = ["Modern C++ templates explained", "Pattern matching in C#", "Porting code to .NET 8", "GPT-4 writes poems",
             "The value of pi is 3.14", "C is a small language", "Contact us on t.me", "A chat about cats"]
    with dump_site("Channel", posts) as output:
        page_agrees_with_cli(browser, output, [
            ("C++ ", 1), ("C# ", 1), (".NET ", 1), ("GPT-4 ", 1), ("3.14 ", 1), ("t.me ", 1), ("gpt ", 1)])
        results(browser, "file://" + output + "/", "C++ ")
        assert [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#search-results mark")] == ["C++"]


def test_results_show_their_day_in_the_pages_language(browser):
    """An export's posts carry their day into the index; the page writes it in its language."""
    folder = tempfile.mkdtemp(prefix="chansite-dates-")
    try:
        export = os.path.join(folder, "Content", "export")
        os.makedirs(export)
        messages = [{"id": 1, "type": "message", "date": "2024-03-05T10:00:00", "date_unixtime": "1709632800", "text": "Owls at night"},
                    {"id": 2, "type": "message", "date": "2023-11-20T08:00:00", "date_unixtime": "1700467200", "text": "Owls by day"}]
        with open(os.path.join(export, "result.json"), "w", encoding="utf-8") as f:
            json.dump({"name": "Birds", "type": "public_channel", "id": 7, "messages": messages}, f)
        with open(os.path.join(folder, "chansite.json"), "w", encoding="utf-8") as f:
            json.dump({"language": "en", "timeZone": "UTC"}, f)
        output = os.path.join(folder, "Output")
        subprocess.run([BINARY, "build", "--quiet", "--output", output], cwd=folder, check=True)
        results(browser, "file://" + output + "/", "owls ")
        days = {t.get_attribute("datetime"): t.text for t in browser.find_elements(By.CSS_SELECTOR, "#search-results .result-meta time")}
        assert days == {"2024-03-05": "March 5, 2024", "2023-11-20": "November 20, 2023"}, days
        assert sorted(r["date"] for r in cli({"output": output}, "owls ")) == ["2023-11-20", "2024-03-05"]
        # month: narrows to months, on the page as in the CLI.
        page_agrees_with_cli(browser, output, [("owls month:2024-03 ", 1), ("owls month:2023-01..2023-12 ", 1), ("owls month:2024-04 ", 0)])
    finally:
        shutil.rmtree(folder)


def test_a_minus_leaves_words_out_in_the_page_as_in_the_cli(browser):
    with dump_site("Pets", ["Cats and dogs", "Cats alone", "Dogs alone", "Birds and cats"]) as output:
        page_agrees_with_cli(browser, output, [("cats -dogs ", 2), ("cats -dogs -birds", 1), ("-dogs ", 0), ("cats ", 3)])


def test_a_quoted_phrase_finds_its_words_in_order_in_the_page_as_in_the_cli(browser):
    """Words in that order and next to each other (slots from search/positions/), typographic
    quotes as ASCII ones, `-"…"` leaving the phrase out, compounds and spaceless text inside."""
    posts = ["The quick brown fox jumps", "A brown quick fox", "Quick, brown and quicker", "Quick thinking. Brown paper bags.",
             "Run GPT-4 models at home", "gpt 4 models", "Новая модель данных", "данных новая модель", "我们今天去东京看樱花。", "樱花东京"]
    with dump_site("Phrases", posts) as output:
        page_agrees_with_cli(browser, output, [
            ('"quick brown" ', 2), ('“quick brown” ', 2), ('"brown quick"', 1), ('quick -"quick brown" ', 2),
            ('"gpt-4 models"', 1), ('"gpt 4 models"', 2), ('"новая модель"', 2), ('«модель данных»', 1),
            ('"东京看樱花"', 1), ('"樱花东京"', 1), ('"quick zebra"', 0), ('"quick brown', 4), ("@quick_brown", 2), ('"fox jumping"', 1), ('"fox jmups"', 0)])
        results(browser, "file://" + output + "/", '"brown quick" ')
        assert [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#search-results mark")] == ["brown", "quick"]
        # A positions file that does not match its postings is named, not trusted.
        for folder, _, names in os.walk(os.path.join(output, "search", "positions")):
            for name in names:
                with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                    f.write(f'window.__chansiteSearch("positions:{name[:-3]}",{{"quick":"1,2,3,4,5,6,7,8"}});')
        browser.get("file://" + output + "/search.html?q=" + urllib.parse.quote('"quick brown"'))
        WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "search-app").get_attribute("data-error"))
        assert "search/positions/" in browser.find_element(By.ID, "search-status").text
        run = subprocess.run([BINARY, "search", "--output", output, "--", '"quick brown"'], capture_output=True, text=True)
        assert run.returncode != 0 and "positions" in run.stderr, run.stderr


def test_no_results_suggests_what_would_find_something_in_the_page_as_in_the_cli(browser):
    """A query that finds nothing lists the loosenings that would find something, with counts,
    as links that apply them; `chansite search` prints the same."""
    with dump_site("Pets", ["Black cats at night", "Cats and mice", "Dogs alone"]) as output:
        browser.get("file://" + output + "/search.html?q=" + urllib.parse.quote('"cats black" -mice -dogs'))
        WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-status a.search-suggestion"))
        status = browser.find_element(By.ID, "search-status").text
        links = browser.find_elements(By.CSS_SELECTOR, "#search-status a.search-suggestion")
        # Unquoted, the words find one post; leaving out -mice finds nothing more (still quoted);
        # leaving out -dogs neither: only the first loosening is offered.
        assert len(links) == 1 and status.endswith("(1)"), status
        run = subprocess.run([BINARY, "search", "--output", output, "--", '"cats black" -mice -dogs'], capture_output=True, text=True, check=True)
        assert "no results; found instead:" in run.stdout and "without the quotes: 1 post (-mice -dogs cats black)" in run.stdout, run.stdout
        assert not browser.find_elements(By.CSS_SELECTOR, "#search-results li")
        links[0].click()
        WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li"))
        assert browser.find_element(By.ID, "search-input").get_attribute("value") == "-mice -dogs cats black "
        assert len(results(browser, "file://" + output + "/", "-mice -dogs cats black ")) == 1
        # Nothing to loosen: the plain advice stays.
        results(browser, "file://" + output + "/", "zebra ")
        assert not browser.find_elements(By.CSS_SELECTOR, "#search-status a")


def test_the_tag_filter_counts_the_querys_posts_when_opened(browser):
    """Opening the tag filter counts each tag's posts among the query's (under the channel
    filter), as `chansite search --tag` finds them; another query brings the totals back."""
    posts = ["Cats at night #pets", "Cats and dogs #pets #home", "Cats on the roof #home", "Dogs alone #pets"]
    with dump_site("Pets", posts) as output:
        browser.get("file://" + output + "/search.html?q=" + urllib.parse.quote("cats "))
        WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li"))
        select = browser.find_element(By.ID, "search-tag")

        def options():
            return {o.get_attribute("value"): o.text for o in select.find_elements(By.TAG_NAME, "option") if o.get_attribute("value")}
        totals = options()
        browser.execute_script("arguments[0].focus()", select)
        WebDriverWait(browser, 10).until(lambda d: options() != totals)
        counted = {key: int(text.rsplit("(", 1)[1].rstrip(")")) for key, text in options().items()}
        for key, n in counted.items():
            run = subprocess.run([BINARY, "search", "--output", output, "--json", "--limit", "100", "--tag", key, "--", "cats "],
                                 capture_output=True, check=True)
            assert len(json.loads(run.stdout)) == n, (key, n)
        assert counted == {"pets": 2, "home": 2, "x": 3}, counted
        box = browser.find_element(By.ID, "search-input")
        box.send_keys("dogs")
        WebDriverWait(browser, 10).until(lambda d: options() == totals)


class NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """As GitHub Pages does: a missing address gets the site's 404.html with status 404."""
    site_root = "/"

    def send_error(self, code, message=None, explain=None):
        page = os.path.join(self.directory, self.site_root.strip("/"), "404.html")
        if code != 404 or not os.path.exists(page):
            return super().send_error(code, message, explain)
        with open(page, "rb") as f:
            body = f.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.mark.parametrize("base_url", [False, True])
def test_the_404_page_works_at_any_depth_and_keeps_its_skip_link(browser, base_url):
    folder = tempfile.mkdtemp(prefix="chansite-404-")
    try:
        content = os.path.join(folder, "Content")
        os.makedirs(content)
        with open(os.path.join(content, "a.txt"), "w", encoding="utf-8") as f:
            f.write("Channel\n5 subscribers\nDownload Telegram\nA post.\n\n#x\n")
        handler = functools.partial(type("H", (NotFoundHandler,), {"site_root": "/archive/site/"}), directory=folder)
        handler.log_message = lambda *args: None
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        root = f"http://127.0.0.1:{server.server_address[1]}/archive/site/"
        if base_url:
            with open(os.path.join(folder, "chansite.json"), "w", encoding="utf-8") as f:
                json.dump({"language": "en", "baseURL": root}, f)
        output = os.path.join(folder, "archive", "site")
        subprocess.run([BINARY, "build", "--quiet", "--output", output], cwd=folder, check=True)
        try:
            browser.get(root + "channels/channel/gone/deeper/missing.html")
            WebDriverWait(browser, 5).until(lambda d: d.execute_script(
                "return getComputedStyle(document.querySelector('.site-header')).display") == "flex")
            home = browser.find_element(By.CSS_SELECTOR, ".site-header a.brand").get_attribute("href")
            assert home == root + "index.html", home
            assert not browser.find_elements(By.TAG_NAME, "base")
            skip = browser.find_element(By.CSS_SELECTOR, "a.skip")
            assert skip.get_attribute("href").endswith("/channels/channel/gone/deeper/missing.html#main")
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(folder)


def test_a_result_opens_its_post_with_the_found_words_marked(browser, site):  # noqa: F811
    """A result links to its post with `?highlight=` (the forms the query found); words.js marks
    each word of the post that begins with one of them, and brings the first into view. What
    the URL says is only ever text."""
    browser.get(site["http"] + "search.html?q=" + urllib.parse.quote("модели"))
    wait_ready(browser)
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results a.result-title"))
    link = browser.find_element(By.CSS_SELECTOR, "#search-results a.result-title")
    href = link.get_attribute("href")
    assert "?highlight=" in href
    link.click()
    WebDriverWait(browser, 10).until(lambda d: "?highlight=" in d.current_url)
    marks = browser.find_elements(By.CSS_SELECTOR, ".post-page mark")
    assert marks and all(m.text.lower().startswith("модел") for m in marks), [m.text for m in marks]
    assert browser.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", marks[0])
    # Hostile highlight words are matched as text, never run or parsed as HTML.
    page = href.split("?")[0]
    browser.get(page + "?highlight=" + urllib.parse.quote('<img src=x onerror="document.title=1"> модел'))
    assert browser.title != "1" and not browser.find_elements(By.CSS_SELECTOR, ".post-page img[src='x']")
    assert browser.find_elements(By.CSS_SELECTOR, ".post-page mark")


def test_the_tab_title_carries_the_query(browser, site):  # noqa: F811
    browser.get(site["http"] + "search.html")
    wait_ready(browser)
    plain = browser.title
    browser.get(site["http"] + "search.html?q=" + urllib.parse.quote("модели <b>"))
    wait_ready(browser)
    WebDriverWait(browser, 10).until(lambda d: d.title != plain)
    assert browser.title == "модели <b> · " + plain
