"""`chansite serve` in a real headless Chromium: page views and back/forward navigations in a
row never stall (pages in the back/forward cache close their live-reload stream), and the
server's open descriptors return to their base afterwards."""
import os
import random
import shutil
import socket
import subprocess
import tempfile
import time

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from test_search_page import BINARY, ROOT, browser  # noqa: F401  (the shared headless Chromium)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    folder = tempfile.mkdtemp(prefix="chansite-serve-")
    shutil.copytree(os.path.join(ROOT, "Content"), os.path.join(folder, "Content"))
    shutil.copytree(os.path.join(ROOT, "Templates"), os.path.join(folder, "Templates"))
    port = free_port()
    process = subprocess.Popen([BINARY, "serve", "--port", str(port)], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield {"url": f"http://127.0.0.1:{port}/", "pid": process.pid, "folder": folder}
    process.terminate()
    process.wait(timeout=5)
    shutil.rmtree(folder)


def descriptors(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def test_thirty_page_views_and_back_forward_never_stall(server, browser):  # noqa: F811
    browser.get(server["url"])
    time.sleep(1)
    base = descriptors(server["pid"])
    links = [a.get_attribute("href") for a in browser.find_elements("css selector", "main a")]
    links = [link for link in links if link and link.startswith(server["url"])]
    assert len(links) >= 10
    random.seed(7)
    slowest = 0.0
    for step in range(30):
        start = time.time()
        if step % 3 == 2:
            browser.back()
        elif step % 5 == 4:
            browser.forward()
        else:
            browser.get(random.choice(links))
        WebDriverWait(browser, 5).until(lambda d: d.execute_script("return document.readyState") == "complete")
        slowest = max(slowest, time.time() - start)
    assert slowest < 1.0, f"a navigation took {slowest:.2f} s"
    browser.get("about:blank")
    # Closed streams are released within two heartbeats; allow a few keep-alive connections.
    deadline = time.time() + 10
    while time.time() < deadline and descriptors(server["pid"]) > base + 4:
        time.sleep(0.5)
    assert descriptors(server["pid"]) <= base + 4, f"{descriptors(server['pid'])} open, base {base}"


def test_an_edit_reloads_the_open_page(server, browser):  # noqa: F811
    browser.get(server["url"])
    WebDriverWait(browser, 5).until(lambda d: d.execute_script("return document.readyState") == "complete")
    browser.execute_script("window.__marker = 1")
    path = os.path.join(server["folder"], "Templates", "index.mustache")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("</main>", "<p id=\"edited\">edited</p></main>", 1) if "</main>" in text else text + "\n<!-- edited -->")
    WebDriverWait(browser, 20).until(lambda d: d.execute_script("return window.__marker === undefined"))
