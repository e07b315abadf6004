#!/usr/bin/env python3
"""The README's screenshots: the sample site (and the fixture exports) built with the release
binary, shown in headless Chromium on a desktop and a phone, light and dark.
Usage: scripts/screenshots.py   (writes docs/screenshots/*.png; needs chromium, chromedriver, selenium)"""
import functools
import http.server
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.parse

from selenium import webdriver

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.environ.get("CHANSITE_BIN", os.path.join(ROOT, ".build", "release", "chansite"))
OUT = os.path.join(ROOT, "docs", "screenshots")
SHOTS = [
    # name, site, page, width, height, mobile, scheme
    ("desktop-light-home", "sample", "index.html", 1280, 900, False, "light"),
    ("desktop-dark-channel", "sample", "channels/dl_stories/index.html", 1280, 900, False, "dark"),
    ("phone-light-search", "sample", "search.html?q=" + urllib.parse.quote("модели"), 390, 844, True, "light"),
    ("phone-dark-export", "exports", "channels/album-walk/40.html", 390, 844, True, "dark"),
    ("desktop-light-export", "exports", "channels/formatting-lab/1.html", 1280, 900, False, "light"),
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    handler = functools.partial(QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main():
    if not os.path.exists(BINARY):
        subprocess.run(["swift", "build", "-c", "release", "--product", "chansite"], cwd=ROOT, check=True)
    work = tempfile.mkdtemp(prefix="chansite-shots-")
    try:
        sites = {"sample": os.path.join(work, "sample"), "exports": os.path.join(work, "exports")}
        subprocess.run([BINARY, "build", "--quiet", "--output", sites["sample"]], cwd=ROOT, check=True, stderr=subprocess.DEVNULL)
        with open(os.path.join(work, "chansite.json"), "w", encoding="utf-8") as f:
            json.dump({"title": "Exports", "language": "en", "channelHandles": {"1000000005": "replychain"}}, f)
        subprocess.run([BINARY, "build", "--quiet", "--content", os.path.join(ROOT, "Tests/ChansiteKitTests/Fixtures/exports"),
                        "--output", sites["exports"]], cwd=work, stderr=subprocess.DEVNULL)
        servers = {name: serve(folder) for name, folder in sites.items()}
        options = webdriver.ChromeOptions()
        for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-color-profile=srgb"]:
            options.add_argument(flag)
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        browser = webdriver.Chrome(options=options, service=webdriver.ChromeService(
            executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver"))
        os.makedirs(OUT, exist_ok=True)
        for name, site, page, width, height, mobile, scheme in SHOTS:
            browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
            browser.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                    {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            browser.get(servers[site][1] + page)
            browser.execute_script("document.querySelectorAll('img').forEach(function (i) { i.loading = 'eager'; })")
            time.sleep(1.0)
            browser.save_screenshot(os.path.join(OUT, name + ".png"))
            print("wrote", os.path.relpath(os.path.join(OUT, name + ".png"), ROOT))
        browser.quit()
        for server, _ in servers.values():
            server.shutdown()
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
