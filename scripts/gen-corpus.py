#!/usr/bin/env python3
"""The benchmarks' corpus: N posts of C channels written in three forms that hold the same
posts, so chansite and its peer build the same archive.

  dumps/    text copies of channel pages, a file per 1,000 posts of a channel
            (`<channel>_NNNN.txt`): per post a title line, one line per paragraph, a line of
            hashtags, the channel's signature `@channel` and a reactions line (`👍16❤5`).
  export/   a Telegram Desktop JSON export per channel (`export/<channel>/result.json`): each
            post one message, its title in bold, hashtags, links and reactions as entities.
  hugo/     the same posts as a Hugo site with the pages chansite makes: a page per post, a
            paginated page per channel and per tag, a paginated home, tag and channel indexes.

Text comes from the sample dumps in the project's Content/ (or --seeds): their lines, less page
chrome, counters, signatures and hashtags, cycled as paragraphs with seeded changes (sentences
reordered, words swapped). Hashtags are drawn with Zipf weights from the seeds' own and a
fixed list. Only the standard library; the same arguments give the same bytes.

Usage: scripts/gen-corpus.py N DIR [--forms dumps,export,hugo] [--channels 5] [--seed 7]
                                   [--seeds Content]
"""
import argparse
import json
import os
import random
import re
from datetime import datetime, timedelta, timezone

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CHANNELS = ["signal_notes", "paper_digest", "field_reports", "lab_journal", "tiny_essays",
            "weekly_links", "reading_room", "night_shift", "open_problems", "side_projects"]
COMMON_TAGS = ["ml", "news", "papers", "python", "math", "events", "books", "jobs", "opensource", "career",
               "research", "podcast", "history", "travel", "science", "music", "rust", "swift", "data", "ai"]
EMOJI = ["👍", "❤", "🔥", "😁", "🤔", "💯", "🎉", "👏", "😢", "🤯"]
# Lines that are page chrome, counters or dates in a copied channel page (web preview and
# aggregator sites), never a post's words: kept out of the corpus so every form holds only posts.
CHROME = re.compile(
    r"^(\d[\d.,]*[KM]?( \w+)?|@\w+|views?|edited|https?://\S+|.{0,12}|-{3,}|(Forwarded from|Переслано от) .*"
    r"|.*\bago|Last updated.*|.*\b(subscribers|members)|Download Telegram|VIEW IN TELEGRAM|Please open Telegram.*"
    r"|Читать полностью.*|Подписаться на канал|Telegram-канал.*|Description|Advertising|We recommend to visit)$", re.I)
SPACELESS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
REACTIONS = re.compile(r"^(?:[^\w\s]+\s?\d+[KM]?\s?)+$")
HASHTAG = re.compile(r"#\w+")
SENTENCE = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"[^\W\d_]{4,}")


def seed_paragraphs(folder):
    """Distinct lines of real text from the seed dumps, with their hashtags apart."""
    paragraphs, tags, seen = [], {}, set()
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for raw in f:
                line = " ".join(raw.replace("\xa0", " ").split())
                for tag in HASHTAG.findall(line):
                    tags[tag[1:].lower()] = tags.get(tag[1:].lower(), 0) + 1
                text = HASHTAG.sub("", line).strip()
                # Fewer than three words is chrome, unless the line is of a script written without
                # spaces (Chinese, Japanese), whose sentences are one "word" to split().
                short = len(text.split()) < 3 and not (SPACELESS.search(text) and len(text) >= 8)
                if CHROME.match(text) or REACTIONS.match(text) or short or text in seen:
                    continue
                seen.add(text)
                paragraphs.append(text)
    if len(paragraphs) < 20:
        raise SystemExit(f"gen-corpus: too little text in {folder}")
    ranked = [t for t, _ in sorted(tags.items(), key=lambda kv: (-kv[1], kv[0])) if re.fullmatch(r"\w*[^\W\d]\w*", t)]
    return paragraphs, ranked


class Corpus:
    def __init__(self, args):
        self.rng = random.Random(args.seed)
        self.paragraphs, seed_tags = seed_paragraphs(args.seeds)
        self.vocabulary = sorted({w for p in self.paragraphs for w in WORD.findall(p)})
        self.tags = list(dict.fromkeys(seed_tags + COMMON_TAGS))[:300]
        self.tag_weights = [1 / (rank + 1) for rank in range(len(self.tags))]
        self.channels = [CHANNELS[i] if i < len(CHANNELS) else f"channel_{i}" for i in range(args.channels)]
        self.channel_weights = [1 / (i + 1) ** 0.7 for i in range(len(self.channels))]
        self.cursor = 0

    def paragraph(self, text):
        rng = self.rng
        sentences = SENTENCE.split(text)
        if len(sentences) > 2 and rng.random() < 0.5:
            rest = sentences[1:]
            rng.shuffle(rest)
            sentences = sentences[:1] + rest
        words = " ".join(sentences).split(" ")
        for _ in range(rng.randint(0, 3)):
            i = rng.randrange(len(words))
            if WORD.fullmatch(words[i]):
                words[i] = rng.choice(self.vocabulary)
        return " ".join(words)

    def post(self, number, date):
        """One post: channel, title, paragraphs, hashtags, reactions."""
        rng = self.rng
        if rng.random() < 0.05:
            self.cursor = rng.randrange(len(self.paragraphs))
        count = rng.choices(range(1, 9), [15, 17, 16, 14, 12, 10, 8, 8])[0]
        body = [self.paragraph(self.paragraphs[(self.cursor + i) % len(self.paragraphs)]) for i in range(count)]
        self.cursor = (self.cursor + count) % len(self.paragraphs)
        source = self.paragraphs[(self.cursor + 7 * number) % len(self.paragraphs)]
        title = SENTENCE.split(source)[0].rstrip(":")
        if len(title) < 20:
            title = source
        if len(title) > 90:
            title = title[:90].rsplit(" ", 1)[0] + "…"
        channel = rng.choices(self.channels, self.channel_weights)[0]
        if rng.random() < 0.3:
            link = rng.choice([f"https://arxiv.org/abs/{rng.randint(1901, 2412)}.{rng.randint(1, 19999):05d}",
                               f"https://t.me/{channel}/{max(1, number - rng.randint(1, 400))}",
                               f"https://example.org/notes/{rng.randint(1, 9999)}"])
            i = rng.randrange(len(body))
            body[i] += " " + link
        tags = []
        for _ in range(rng.choices(range(5), [25, 30, 22, 13, 10])[0]):
            tag = rng.choices(self.tags, self.tag_weights)[0]
            if tag not in tags:
                tags.append(tag)
        reactions = []
        if rng.random() > 0.03:
            top = int(rng.paretovariate(1.2) * 6)
            for i, emoji in enumerate(rng.sample(EMOJI, rng.randint(1, 5))):
                reactions.append((emoji, max(1, int(top / (i + 1) ** 1.3))))
        return {"number": number, "date": date, "channel": channel, "title": title, "body": body, "tags": tags,
                "reactions": reactions}


def dump_lines(post):
    lines = [post["title"]] + post["body"]
    if post["tags"]:
        lines.append(" ".join("#" + t for t in post["tags"]))
    lines.append("@" + post["channel"])
    if post["reactions"]:
        lines.append("".join(f"{e}{n}" for e, n in post["reactions"]))
    return lines


def export_message(post, message_id):
    """The post as the client writes a channel message: text as a list of entities."""
    parts = [{"type": "bold", "text": post["title"]}, "\n"]
    for i, paragraph in enumerate(post["body"]):
        for piece in re.split(r"(https?://\S+)", paragraph):
            if piece.startswith("http"):
                parts.append({"type": "link", "text": piece})
            elif piece:
                parts.append(piece)
        parts.append("\n")
    for i, tag in enumerate(post["tags"]):
        parts += ([" "] if i else []) + [{"type": "hashtag", "text": "#" + tag}]
    if not post["tags"]:
        parts.pop()  # the last line break
    entities = [p if isinstance(p, dict) else {"type": "plain", "text": p} for p in parts]
    stamp = int(post["date"].timestamp())
    message = {"id": message_id, "type": "message", "date": post["date"].strftime("%Y-%m-%dT%H:%M:%S"),
               "date_unixtime": str(stamp), "from": post["channel"], "from_id": "channel" + str(channel_id(post["channel"])),
               "text": parts, "text_entities": entities}
    if post["reactions"]:
        message["reactions"] = [{"type": "emoji", "count": n, "emoji": e} for e, n in post["reactions"]]
    return message


def channel_id(name):
    return 1_000_000_000 + sum(ord(c) * 31 ** i for i, c in enumerate(name)) % 1_000_000_000


HUGO_CONFIG = """baseURL = "/"
languageCode = "en"
title = "chansite benchmark"
disableKinds = ["RSS", "sitemap", "robotsTXT", "404", "section"]
[pagination]
  pagerSize = 20
[taxonomies]
  tag = "tags"
  channel = "channels"
[markup.goldmark.extensions]
  linkify = true
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title><link rel="stylesheet" href="/style.css"></head>
<body><header><a href="/">{{ site.Title }}</a> · <a href="/tags/">tags</a> · <a href="/channels/">channels</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2006-01-02 15:04" }}</time>
{{ range .GetTerms "channels" }} · <a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
{{ .Content }}<p class="tags">{{ range .GetTerms "tags" }}<a href="{{ .RelPermalink }}">#{{ .LinkTitle }}</a> {{ end }}</p></article>
<nav>{{ with .Prev }}<a href="{{ .RelPermalink }}">← {{ .Title }}</a>{{ end }} {{ with .Next }}<a href="{{ .RelPermalink }}">{{ .Title }} →</a>{{ end }}</nav>{{ end }}
""",
    "index.html": """{{ define "main" }}{{ $p := .Paginate site.RegularPages }}{{ range $p.Pages }}{{ partial "item.html" . }}{{ end }}{{ partial "pager.html" $p }}{{ end }}
""",
    "_default/term.html": """{{ define "main" }}<h1>{{ .Title }}</h1>{{ $p := .Paginate .Pages }}{{ range $p.Pages }}{{ partial "item.html" . }}{{ end }}{{ partial "pager.html" $p }}{{ end }}
""",
    "_default/taxonomy.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}
""",
    "partials/item.html": """<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p class="meta"><time>{{ .Date.Format "2006-01-02 15:04" }}</time></p><p>{{ .Summary }}</p></article>
""",
    "partials/pager.html": """<nav>{{ with .Prev }}<a href="{{ .URL }}">←</a>{{ end }} {{ .PageNumber }} / {{ .TotalPages }} {{ with .Next }}<a href="{{ .URL }}">→</a>{{ end }}</nav>
""",
}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int)
    parser.add_argument("dir")
    parser.add_argument("--forms", default="dumps,export,hugo")
    parser.add_argument("--channels", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--seeds", default=os.path.join(ROOT, "Content"))
    args = parser.parse_args()
    forms = set(args.forms.split(","))
    corpus = Corpus(args)
    date = datetime(2016, 1, 4, 9, 0, tzinfo=timezone.utc)
    gap = max(1, 8 * 365 * 24 * 60 // max(args.n, 1))  # about eight years of posts, whatever N is
    dumps, messages, counts = {}, {c: [] for c in corpus.channels}, {c: 0 for c in corpus.channels}
    if "hugo" in forms:
        write(os.path.join(args.dir, "hugo", "config.toml"), HUGO_CONFIG)
        write(os.path.join(args.dir, "hugo", "static", "style.css"), "body{max-width:42rem;margin:auto;font:16px/1.5 system-ui}\n")
        for name, text in HUGO_LAYOUTS.items():
            write(os.path.join(args.dir, "hugo", "layouts", name), text)
    for number in range(1, args.n + 1):
        date += timedelta(minutes=corpus.rng.randint(1, 2 * gap))
        post = corpus.post(number, date)
        channel = post["channel"]
        counts[channel] += 1
        if "dumps" in forms:
            name = os.path.join(args.dir, "dumps", f"{channel}_{(counts[channel] - 1) // 1000:04d}.txt")
            dumps.setdefault(name, []).append("\n".join(dump_lines(post)))
        if "export" in forms:
            messages[channel].append(export_message(post, counts[channel]))
        if "hugo" in forms:
            front = ["---", "title: " + json.dumps(post["title"], ensure_ascii=False), "date: " + date.strftime("%Y-%m-%dT%H:%M:%SZ"),
                     "tags: " + json.dumps(post["tags"], ensure_ascii=False), "channels: " + json.dumps([channel]), "---", ""]
            write(os.path.join(args.dir, "hugo", "content", "posts", f"{number:07d}.md"),
                  "\n".join(front) + "\n\n".join(post["body"]) + "\n")
    for name, posts in dumps.items():
        write(name, "\n".join(posts) + "\n")
    if "export" in forms:
        for channel, chat in messages.items():
            if chat:
                export = {"name": channel, "type": "public_channel", "id": channel_id(channel), "messages": chat}
                write(os.path.join(args.dir, "export", channel, "result.json"), json.dumps(export, ensure_ascii=False, indent=1) + "\n")
    print(json.dumps({"posts": args.n, "channels": counts, "forms": sorted(forms)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
