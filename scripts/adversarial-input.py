#!/usr/bin/env python3
"""Adversarial inputs for chansite, each a shape a hostile poster or a careless owner can make.

Usage: scripts/adversarial-input.py KIND SCALE DIR   writes DIR/Content for KIND at SCALE
       scripts/adversarial-input.py --kinds          lists every kind
SCALE multiplies the kind's base size (BASE below): a build of ×10 must cost at most ×15 of ×1
in time and output (scripts/bench-adversarial.sh measures it; HostileArchiveTests asserts it).
"""
import json, os, sys

# Dumps first, then exports.
KINDS = ("parens diff identical replies distinct tags mentions quotes longline links blank tagposts inlinetags emoji "
         "tiny entities reactions poll album shared ids").split()
BASE = {"parens": 10000, "diff": 1000, "mentions": 20000, "links": 20000, "longline": 20000, "blank": 20000,
        "quotes": 20000, "tags": 400, "inlinetags": 40, "entities": 400, "reactions": 400, "poll": 400, "tiny": 1000, "ids": 1000,
        "album": 100, "shared": 100}


def generate(kind, n, root):
    content = os.path.join(root, "Content"); os.makedirs(content, exist_ok=True)
    header = "Adversarial\n5 subscribers\nDownload Telegram\n"
    def dump(text):
        open(os.path.join(content, "dump.txt"), "w", encoding="utf-8").write(header + text)
    def export(messages, files=()):
        folder = os.path.join(content, "export"); os.makedirs(folder, exist_ok=True)
        for name, data in files:
            os.makedirs(os.path.dirname(os.path.join(folder, name)), exist_ok=True)
            open(os.path.join(folder, name), "wb").write(data)
        chat = {"name": "Adversarial", "type": "public_channel", "id": 1, "messages": messages}
        json.dump(chat, open(os.path.join(folder, "result.json"), "w", encoding="utf-8"), ensure_ascii=False)
    def msg(i, ident=None, **kw):
        m = {"id": i if ident is None else ident, "type": "message", "date_unixtime": str(1700000000 + i * 60), "text": f"message {i}"}
        m.update(kw); return m
    if kind == "parens": dump("Look at https://example.org/a_(b" + ")" * n + " and more.\n")
    elif kind == "diff":
        a = [f"line a {i} of the first copy" for i in range(n)]; b = [f"line b {i} of the second copy" for i in range(n)]
        dump("A heading\nShared first line\n" + "\n".join(a) + "\nShared first line\n" + "\n".join(b) + "\n👍5\nAnother heading\nBody\nBody\n🔥1\n")
    elif kind == "replies":
        posts = "".join(f"The same long start of every message, number {i}.\n#p\n" for i in range(n))
        dump(posts + "".join(f"Reader {i}\nThe same long start of every message, number {i}…\nA reply, number {i}.\n#r\n" for i in range(n)))
    elif kind == "identical": dump("".join("The same post again.\n\n#same\n\n" for _ in range(n)))
    elif kind == "distinct": dump("".join(f"Post number {i} about something.\n\n#tag{i % 50}\n\n" for i in range(n)))
    elif kind == "tags": dump("Many tags.\n\n" + " ".join(f"#t{i}" for i in range(n)) + "\n")
    elif kind == "mentions": dump("Many mentions.\n\n" + " ".join(f"@user{i}" for i in range(n)) + "\n")
    elif kind == "quotes": dump("".join(f"> quoted line {i} of a long quote\n" for i in range(n)) + "\n#q\n")
    elif kind == "longline": dump("A post.\n\n" + "word " * n + "\n")
    elif kind == "links": dump("Links.\n\n" + " ".join(f"https://example.org/{i}" for i in range(n)) + "\n")
    elif kind == "blank": dump("First.\n" + "\n" * n + "Last.\n")
    elif kind == "tagposts": dump("".join(f"Post {i}.\n\n" + " ".join(f"#k{j}" for j in range(40)) + "\n\n" for i in range(n)))
    # Sixty posts (more than a feed lists) that each name every tag in their prose: each tag's
    # feed lists all of them, so a post's whole text in every tag feed grows as tags × text.
    elif kind == "inlinetags": dump("".join(f"Post {i}: " + " ".join(f"see #w{j}" for j in range(n)) + "\n\n" for i in range(60)))
    elif kind == "emoji": dump("".join(f"Post {i} 👍🏽🇷🇺👨‍👩‍👧\n👍{i}🔥{i}❤️{i}\n\n" for i in range(n)))
    elif kind == "tiny": export([msg(i, text="") if i % 2 else msg(i, text="x") for i in range(1, n + 1)])
    elif kind == "entities": export([msg(1, text=[{"type": "bold", "text": f"b{i} "} for i in range(n)])])
    elif kind == "reactions": export([msg(1, reactions=[{"type": "emoji", "emoji": "👍", "count": i + 1} for i in range(n)])])
    elif kind == "poll": export([msg(1, poll={"question": "q", "total_voters": n, "answers": [{"text": f"a{i}", "voters": 1} for i in range(n)]})])
    elif kind == "album": export([msg(i, photo="photos/p.jpg", date_unixtime="1700000000", text="") for i in range(1, n + 1)], [("photos/p.jpg", b"\xff\xd8 not a real jpeg")])
    elif kind == "shared": export([msg(i, file="files/f.pdf", file_name="f.pdf") for i in range(1, n + 1)], [("files/f.pdf", b"%PDF-1.4 " + b"x" * 100000)])
    elif kind == "ids": export([msg(i, f"index{i}" if i % 3 else i) for i in range(1, n + 1)])
    else:
        sys.exit(f"unknown kind '{kind}'; one of: {' '.join(KINDS)}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--kinds"]:
        print(" ".join(KINDS))
    elif len(sys.argv) == 4:
        generate(sys.argv[1], BASE.get(sys.argv[1], 200) * int(sys.argv[2]), sys.argv[3])
    else:
        sys.exit(__doc__)
