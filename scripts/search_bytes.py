"""Index size, and what queries download and take in headless Chromium, measured from a built
site: the 20 most frequent words, a phrase and a filtered query, each cold (a fresh page with an
empty cache: the manifest and every index file it needs) and warm (the same page after the
twenty words: only what it has not loaded yet). Bytes are the index files' sizes as served over
HTTP (counted by the test server as it sends them: Pagefind fetches from a web worker, which the
page's own resource timing does not see). With PAGEFIND_SITE, a site Pagefind indexed
(the same posts as a Hugo site), the same queries are run through Pagefind's own JavaScript API
there, the ten results' data loaded as a result list does, and measured the same way.
Usage: search_bytes.py OUTPUT POSTS [PAGEFIND_SITE]"""
import collections
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import statistics
import sys
import threading

out, posts = sys.argv[1], sys.argv[2]
pagefind_site = sys.argv[3] if len(sys.argv) > 3 else None
search = os.path.join(out, "search")
files = [os.path.join(d, f) for d, _, fs in os.walk(search) for f in fs]
pages = sum(1 for d, _, fs in os.walk(out) for f in fs if f.endswith(".html"))
print(f"{posts} posts: index {sum(map(os.path.getsize, files)) / 1e6:.1f} MB in {len(files)} files "
      f"({len(files) / max(pages, 1):.0%} of the site's {pages} pages)")


def load(path):
    text = open(path, encoding="utf-8").read()
    return json.loads(text[text.index(",") + 1:text.rindex(")")])


# The most frequent words of the posts' text, as the document files hold it (letters only).
counts = collections.Counter()
for folder, _, names in os.walk(os.path.join(search, "docs")):
    for name in names:
        for doc in load(os.path.join(folder, name)):
            counts.update(w.lower() for w in re.findall(r"[^\W\d_]{2,}", doc[2]))
# WORDS=n for fewer (Pagefind takes seconds a cold query at 100k posts); ONLY_CHANSITE=1 or
# ONLY_PAGEFIND=1 for one side.
words = [w for w, _ in counts.most_common(int(os.environ.get("WORDS", "20")))]
# A phrase from a post: two frequent words that stand together somewhere.
# (docs/<channel>/<folder>/<n>.js: rows of title, URL, text, …)
first_channel = sorted(os.listdir(os.path.join(search, "docs")))[0]
first = load(os.path.join(search, "docs", first_channel, "0", "0.js"))[0][2].split()
phrase = '"' + " ".join(first[:2]) + '"' if len(first) >= 2 else '"' + words[0] + '"'
years = sorted({m // 100 for m in load(os.path.join(search, "manifest.js")).get("monthRuns", [])[1::2] if m})
filtered = f"{words[0]} has:link" + (f" year:{years[-1]}" if years else "")

try:
    from selenium import webdriver
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print("  (selenium not installed: query bytes and times skipped)")
    sys.exit(0)

SENT = []  # (path, bytes in the file, bytes on the wire) of every response body sent
# What a static host compresses on the fly (GitHub Pages, Cloudflare Pages and Netlify do, by
# content type); Pagefind's binary index files are compressed by Pagefind itself.
COMPRESSED = (".js", ".css", ".html", ".json", ".svg")


class Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves files as a static host does: gzip for text when the browser accepts it, and a
    cache lifetime, so a warm query reuses what the page already has."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.translate_path(self.path)
        if not os.path.isfile(path):
            return self.send_error(404)
        data = open(path, "rb").read()
        body = data
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Cache-Control", "max-age=3600")
        if path.endswith(COMPRESSED) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(data, 6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        SENT.append((self.path.split("?")[0], len(data), len(body)))

def serve(folder):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


options = webdriver.ChromeOptions()
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
    options.add_argument(flag)
options.binary_location = shutil.which("chromium")
driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(shutil.which("chromedriver")))
driver.set_script_timeout(60)
driver.execute_cdp_cmd("Network.enable", {})


def spent(folder):
    """Bytes sent so far for files under `folder`: (as stored, on the wire)."""
    files = [(raw, wire) for path, raw, wire in SENT if path.startswith(folder)]
    return sum(r for r, _ in files), sum(w for _, w in files)


CHANSITE = ("var done = arguments[arguments.length - 1], i = document.getElementById('search-input'), t = performance.now();"
            "var s = document.getElementById('search-status'); s.textContent = '';"
            "var o = new MutationObserver(function () { if (s.textContent && !/…/.test(s.textContent)) { o.disconnect(); done(performance.now() - t); } });"
            "o.observe(s, { childList: true, characterData: true, subtree: true });"
            "i.value = arguments[0] + ' '; i.dispatchEvent(new Event('input'));")
PAGEFIND = ("var done = arguments[arguments.length - 1], q = arguments[0], t = performance.now();"
            "import('/pagefind/pagefind.js').then(function (pf) { return pf.search(q); })"
            ".then(function (r) { window.found = r.results.length; return Promise.all(r.results.slice(0, 10).map(function (x) { return x.data(); })); })"
            ".then(function () { done(performance.now() - t); }, function (e) { done(String(e)); });")


def measure(name, base, page, folder, script, queries):
    """Each query cold (an empty cache, the page loaded afresh), then the twenty words warm."""
    def fresh():
        driver.execute_cdp_cmd("Network.clearBrowserCache", {})
        driver.get(base + page)
        if script is CHANSITE:
            WebDriverWait(driver, 30).until(lambda d: d.find_element(By.ID, "search-app").get_attribute("data-ready"))

    def ask(query):
        before = spent(folder)
        ms = driver.execute_async_script(script, query)
        if isinstance(ms, str):
            raise SystemExit(f"{name}: {query!r} failed: {ms}")
        after = spent(folder)
        return (after[0] - before[0], after[1] - before[1]), ms

    cold = {}
    for query in queries:
        before = spent(folder)
        fresh()  # chansite's manifest comes with the page: it counts
        ms = ask(query)[1]
        after = spent(folder)
        cold[query] = ((after[0] - before[0], after[1] - before[1]), ms)
    fresh()
    warm = {w: ask(w) for w in words}

    def kb(pair):
        return f"{pair[1] / 1024:.0f} KB ({pair[0] / 1024:.0f} KB as stored)"

    def median(pairs):
        return (statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs))

    most = max(words, key=lambda w: cold[w][0][1])
    print(f"  {name}: cold one-word query, {len(words)} most frequent words, on the wire: median {kb(median([cold[w][0] for w in words]))}, "
          f"max {kb(cold[most][0])} ({most!r}); median {statistics.median(cold[w][1] for w in words):.0f} ms")
    print(f"  {name}: warm (one page, the words one after another): median {kb(median([b for b, _ in warm.values()]))}")
    for query in queries[len(words):]:
        print(f"  {name}: cold {query!r}: {kb(cold[query][0])}, {cold[query][1]:.0f} ms")


servers = []
try:
    server, base = serve(out)
    servers.append(server)
    if not os.environ.get("ONLY_PAGEFIND"):
        measure("chansite", base, "search.html", "/search/", CHANSITE, words + [phrase, filtered])
    if pagefind_site and not os.environ.get("ONLY_CHANSITE"):
        # Pagefind picks its index by the page's language: the posts' own.
        lang = re.search(r'<html lang="([^"]*)"', open(os.path.join(pagefind_site, "index.html"), encoding="utf-8").read())
        with open(os.path.join(pagefind_site, "pf-bench.html"), "w") as f:
            f.write(f'<!doctype html><html lang="{lang.group(1) if lang else "en"}"><meta charset=utf-8><title>Pagefind</title>')
        server, base = serve(pagefind_site)
        servers.append(server)
        measure("pagefind", base, "pf-bench.html", "/pagefind/", PAGEFIND, words + [phrase])
finally:
    driver.quit()
    for server in servers:
        server.shutdown()
