"""Every feed of the sample site parses cleanly with feedparser (bozo 0), with absolute links
when a baseURL is configured; entries carry the post's HTML and its files; JSON Feed beside RSS
and Atom; undated posts take their own file's date."""
import json
import os
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET

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
        jsons = [os.path.join(d, f) for d, _, fs in os.walk(output) for f in fs if f == "feed.json"]
        assert len(jsons) == 6
        for path in jsons:
            feed = json.load(open(path, encoding="utf-8"))
            assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["items"], path
            assert feed["feed_url"].startswith("https://example.org/archive/") and feed["feed_url"].endswith("feed.json")
            for item in feed["items"]:
                assert item["url"].startswith("https://example.org/archive/") and item["id"] and item["content_html"], (path, item)
        index = open(os.path.join(output, "index.html"), encoding="utf-8").read()
        assert '<link rel="alternate" type="application/feed+json" title="Archive &lt;&amp;&gt; &quot;quoted&quot;" href="feed.json">' in index
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


def test_entries_carry_the_posts_html_and_files():
    folder = tempfile.mkdtemp(prefix="chansite-feeds-")
    try:
        config = os.path.join(folder, "chansite.json")
        with open(config, "w", encoding="utf-8") as f:
            json.dump({"baseURL": "https://example.org/archive/"}, f)
        output = os.path.join(folder, "Output")
        content = os.path.join(ROOT, "Tests", "ChansiteKitTests", "Fixtures", "exports", "media")
        subprocess.run([BINARY, "build", "--quiet", "--config", config, "--content", content, "--output", output], cwd=folder, check=True)
        channel = os.path.join(output, "channels", "media-shelf")
        base = "https://example.org/archive/"
        rss, atom = feedparser.parse(os.path.join(channel, "feed.xml")), feedparser.parse(os.path.join(channel, "atom.xml"))
        assert rss.bozo == 0 and atom.bozo == 0
        enclosures = [e.enclosures[0] for e in rss.entries if e.get("enclosures")]
        assert enclosures and all(x.href.startswith(base + "media/media-shelf/") and x.type for x in enclosures)
        assert {x.type for x in enclosures} >= {"image/jpeg"}
        photos = [e for e in atom.entries if any(x.type == "image/jpeg" for x in e.get("enclosures", []))]
        shown = [e.content[0].value for e in photos if "<img" in e.content[0].value]
        assert shown and all(f'src="{base}media/media-shelf/' in html for html in shown)
        # A spoiler photo is a link, never an image a reader shows.
        spoiler = next(e for e in atom.entries if "behind a spoiler" in e.summary)
        assert "<img" not in spoiler.content[0].value and base + "media/media-shelf/" in spoiler.content[0].value
        feed = json.load(open(os.path.join(channel, "feed.json"), encoding="utf-8"))
        attached = [a for item in feed["items"] for a in item.get("attachments", [])]
        assert attached and all(a["url"].startswith(base) and a["mime_type"] for a in attached)
        sized = [a for a in attached if "size_in_bytes" in a]
        assert all(isinstance(a["size_in_bytes"], int) and a["size_in_bytes"] >= 0 for a in sized)
    finally:
        shutil.rmtree(folder)


def test_undated_posts_take_their_own_files_date_and_text_stays_text():
    folder = tempfile.mkdtemp(prefix="chansite-feeds-")
    try:
        content = os.path.join(folder, "Content")
        shutil.copytree(os.path.join(ROOT, "Tests", "ChansiteKitTests", "Fixtures", "exports", "overlap-2024"), os.path.join(content, "news"))
        # A t.me/s copy with no date at all, beside a dated export.
        with open(os.path.join(content, "notes.txt"), "w", encoding="utf-8") as f:
            f.write("Notes\n12 subscribers\nDownload Telegram\nA post with <script>alert(1)</script> in it.\n"
                    "Please open Telegram to view this post\nVIEW IN TELEGRAM\nAnother post, also undated.\n")
        output = os.path.join(folder, "Output")
        subprocess.run([BINARY, "build", "--quiet", "--content", content, "--output", output], cwd=folder, check=True)
        news = feedparser.parse(os.path.join(output, "channels", "overlap-news", "atom.xml"))
        newest_elsewhere = max(e.updated for e in news.entries)
        # No date in the file nor the channel: the epoch (unknown), never another channel's date.
        atom = feedparser.parse(os.path.join(output, "channels", "notes", "atom.xml"))
        assert atom.bozo == 0
        assert [e.updated for e in atom.entries] == ["1970-01-01T00:00:00Z"] * 2
        site = feedparser.parse(os.path.join(output, "atom.xml"))
        assert all(e.updated != newest_elsewhere for e in site.entries if "/notes/" in e.link)
        # The post's text is HTML-escaped inside the feed's escaped HTML: no tag comes out.
        rss = ET.parse(os.path.join(output, "channels", "notes", "feed.xml"))
        descriptions = [d.text for d in rss.iter("description") if d.text and "alert(1)" in d.text]
        assert descriptions and all("<script" not in d and "&lt;script&gt;" in d for d in descriptions)
        feed = json.load(open(os.path.join(output, "channels", "notes", "feed.json"), encoding="utf-8"))
        html = [i["content_html"] for i in feed["items"] if "alert(1)" in i["content_html"]]
        assert html and all("<script" not in h for h in html)
        assert all("date_published" not in i for i in feed["items"])
    finally:
        shutil.rmtree(folder)


def test_a_post_too_long_or_too_tagged_for_a_feed_goes_by_its_summary():
    """A feed copies each post's HTML: a text copy's huge post, or a post naming hundreds of
    tags in every one of its tags' feeds, would make the feeds grow faster than the input.
    Such an entry has its summary and its link, and every feed still parses."""
    folder = tempfile.mkdtemp(prefix="chansite-feeds-")
    try:
        content = os.path.join(folder, "Content")
        os.makedirs(content)
        tags = " ".join(f"see #w{j}" for j in range(30))
        huge = "".join(f"> quoted line {i} of a very long <b>quote</b>\n" for i in range(8000))
        seam = "Please open Telegram to view this post\nVIEW IN TELEGRAM\n"
        posts = [f"Tagged everywhere: {tags}\n", "A short post with #w1 only.\n", huge + "#long\n"]
        with open(os.path.join(content, "notes.txt"), "w", encoding="utf-8") as f:
            f.write("Notes\n12 subscribers\nDownload Telegram\n" + seam.join(posts) + seam)
        output = os.path.join(folder, "Output")
        subprocess.run([BINARY, "build", "--quiet", "--content", content, "--output", output], cwd=folder, check=True)
        feeds = [os.path.join(d, f) for d, _, fs in os.walk(output) for f in fs if f in ("atom.xml", "feed.xml")]
        for path in feeds:
            assert feedparser.parse(path).bozo == 0, path
        def entries(path):
            return {e.title.split(":")[0].split(" ")[0]: e for e in feedparser.parse(os.path.join(output, path)).entries}
        # The tag's feed: the much-tagged post by its summary, the other with its HTML.
        tag = entries("tags/w1/atom.xml")
        assert "content" not in tag["Tagged"] and tag["Tagged"].summary.startswith("Tagged everywhere")
        assert tag["Tagged"].link.endswith(".html")
        assert "A short post" in tag["A"].content[0].value
        # The channel's feeds carry the much-tagged post whole; the huge one by its summary.
        channel = entries("channels/notes/atom.xml")
        assert "#w29</a>" in channel["Tagged"].content[0].value
        assert "content" not in channel[">"] and "quoted line 0" in channel[">"].summary
        rss = ET.parse(os.path.join(output, "channels", "notes", "feed.xml"))
        long = [d.text for d in rss.iter("description") if "quoted line 0" in d.text]
        assert long and all(d.startswith("<p>") and "quoted line 7999" not in d and "&lt;b&gt;" in d for d in long)
        feed = json.load(open(os.path.join(output, "channels", "notes", "feed.json"), encoding="utf-8"))
        long = [i for i in feed["items"] if "quoted line 0" in i["summary"]]
        assert long and "content_html" not in long[0] and long[0]["content_text"] == long[0]["summary"]
        assert all("content_html" in i for i in feed["items"] if i not in long)
        assert os.path.getsize(os.path.join(output, "channels", "notes", "feed.xml")) < 64 << 10
    finally:
        shutil.rmtree(folder)
