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
        atoms = [os.path.join(d, f) for d, _, fs in os.walk(output) for f in fs if f == "atom.xml"]
        assert len(atoms) == 6 + 14  # the site's, one per channel, one per tag
        feeds += atoms
        for path in feeds:
            parsed = feedparser.parse(path)
            assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
            assert parsed.entries, path
            for entry in parsed.entries:
                assert entry.link.startswith("https://example.org/archive/"), (path, entry.link)
        assert feedparser.parse(os.path.join(output, "feed.xml")).feed.title.startswith("Archive <&> \"quoted\"")
        atom = feedparser.parse(os.path.join(output, "atom.xml"))
        assert atom.version == "atom10" and atom.feed.title.startswith("Archive <&> \"quoted\"")
        assert all(entry.updated and entry.id for entry in atom.entries)
    finally:
        shutil.rmtree(folder)


def test_export_feeds_carry_real_dates():
    folder = tempfile.mkdtemp(prefix="chansite-feeds-")
    try:
        output = os.path.join(folder, "Output")
        content = os.path.join(ROOT, "Tests", "ChansiteKitTests", "Fixtures", "exports")
        subprocess.run([BINARY, "build", "--quiet", "--content", content, "--output", output], cwd=folder)
        rss = feedparser.parse(os.path.join(output, "channels", "overlap-news", "feed.xml"))
        atom = feedparser.parse(os.path.join(output, "channels", "overlap-news", "atom.xml"))
        for parsed in (rss, atom):
            assert parsed.bozo == 0, parsed.get("bozo_exception")
        assert [e.published for e in rss.entries][0] == "Fri, 02 Feb 2024 08:00:00 +0000"
        assert [e.updated for e in atom.entries] == ["2024-02-02T08:00:00Z", "2024-02-01T08:00:00Z", "2023-01-10T08:00:00Z"]
    finally:
        shutil.rmtree(folder)
