"""Every feed of the sample site parses cleanly with feedparser (bozo 0), with absolute links
when a baseURL is configured."""
import json
import os
import shutil
import subprocess
import tempfile

import feedparser

from test_search_page import BINARY, ROOT


def test_every_feed_parses_with_absolute_links():
    folder = tempfile.mkdtemp(prefix="chansite-feeds-")
    try:
        config = os.path.join(folder, "chansite.json")
        with open(config, "w", encoding="utf-8") as f:
            json.dump({"baseURL": "https://example.org/archive/", "title": "Archive <&> \"quoted\""}, f)
        output = os.path.join(folder, "Output")
        subprocess.run([BINARY, "build", "--quiet", "--config", config, "--output", output], cwd=ROOT, check=True)
        feeds = [os.path.join(d, f) for d, _, fs in os.walk(output) for f in fs if f == "feed.xml"]
        assert len(feeds) == 6  # the site's and one per channel
        for path in feeds:
            parsed = feedparser.parse(path)
            assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
            assert parsed.entries, path
            for entry in parsed.entries:
                assert entry.link.startswith("https://example.org/archive/"), (path, entry.link)
        assert feedparser.parse(os.path.join(output, "feed.xml")).feed.title.startswith("Archive <&> \"quoted\"")
    finally:
        shutil.rmtree(folder)
