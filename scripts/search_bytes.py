"""Index size and what a cold query downloads, measured from a built site; then the query time
in headless Chromium when selenium and chromium are there. Usage: search_bytes.py OUTPUT POSTS"""
import os
import sys
import time

out, posts = sys.argv[1], sys.argv[2]
search = os.path.join(out, "search")
total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(search) for f in fs)
print(f"{posts} posts: index {total / 1e6:.1f} MB in {sum(len(fs) for _, _, fs in os.walk(search))} files")


def cold_bytes(word):
    """What the page loads for a one-word query: manifest, the word's forms file, the posting
    buckets of its stems, and the docs files of the ten shown results."""
    import json
    def load(path):
        text = open(path, encoding="utf-8").read()
        return json.loads(text[text.index(",") + 1:text.rindex(")")])
    manifest_path = os.path.join(search, "manifest.js")
    manifest = load(manifest_path)
    paths = {manifest_path}
    def fnv(text, count):
        h = 0x811c9dc5
        for b in text.encode():
            h = ((h ^ b) * 0x01000193) & 0xffffffff
        return h % count
    per = manifest["filesPerFolder"]
    key = word[:3]
    forms_path = os.path.join(search, "forms", str(fnv(key, manifest["formFolders"])), key.encode().hex() + ".js")
    if not os.path.exists(forms_path):
        return sum(os.path.getsize(p) for p in paths)
    paths.add(forms_path)
    forms = load(forms_path)
    stems = {s for f, s in forms.items() if f.startswith(word)}
    scores = {}
    for stem in stems:
        b = fnv(stem, manifest["buckets"])
        bucket_path = os.path.join(search, "postings", str(b // per), f"{b}.js")
        paths.add(bucket_path)
        flat, doc = load(bucket_path).get(stem, []), 0
        for i in range(0, len(flat), 2):
            doc += flat[i]
            scores[doc] = max(scores.get(doc, 0), flat[i + 1])
    top = sorted(scores, key=lambda d: (-scores[d], d))[:10]
    for d in top:
        c = d // manifest["docsPerChunk"]
        paths.add(os.path.join(search, "docs", str(c // per), f"{c}.js"))
    return sum(os.path.getsize(p) for p in paths)


for word in ["модель", "данные", "the", "обучение"]:
    print(f"  cold query {word!r}: {cold_bytes(word) / 1024:.0f} KB downloaded")

try:
    import shutil
    import urllib.parse
    from selenium import webdriver
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"]:
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium")
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(shutil.which("chromedriver")))
    try:
        for word in ["модель", "данные обучение"]:
            driver.get("file://" + os.path.abspath(out) + "/search.html")
            WebDriverWait(driver, 20).until(lambda d: d.find_element(By.ID, "search-app").get_attribute("data-ready"))
            start = time.time()
            driver.execute_script("var i=document.getElementById('search-input');i.value=arguments[0];"
                                  "i.dispatchEvent(new Event('input'))", word + " ")
            WebDriverWait(driver, 20).until(lambda d: d.find_element(By.ID, "search-status").text not in ("", "Searching…"))
            print(f"  browser query {word!r} (cold, from file://): {(time.time() - start) * 1000:.0f} ms")
    finally:
        driver.quit()
except ImportError:
    print("  (selenium not installed: browser timing skipped)")
