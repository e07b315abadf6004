#!/usr/bin/env python3
"""A synthetic Telegram Desktop export (JSON) of one channel, as the client writes it: N messages
with formatted text (bold, links, hashtags, code, spoilers), replies, albums of real photos
(`--photos K` small JPEGs made with the `vips` tool, reused across messages), placeholders for
media not exported, service messages and reactions. Deterministic for a given N.

Usage: scripts/gen-export.py N DIR [--photos K]   (writes DIR/result.json and DIR/photos/)
"""
import json
import os
import random
import subprocess
import sys

WORDS = ("archive channel export message photo video reply thread search index page site build "
         "model data release update news science space history music travel review notes").split()
RU = "архив канал сообщение фото видео ответ поиск индекс страница сайт сборка новости наука".split()


def sentence(rng, n):
    words = [rng.choice(WORDS if rng.random() < 0.6 else RU) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def text_parts(rng, i):
    parts = [{"type": "plain", "text": sentence(rng, rng.randint(6, 14)) + " "}]
    if i % 3 == 0:
        parts.append({"type": "bold", "text": sentence(rng, 3)})
    if i % 5 == 0:
        parts += [{"type": "plain", "text": " see "}, {"type": "text_link", "text": "the source", "href": f"https://example.org/{i}"}]
    if i % 7 == 0:
        parts += [{"type": "plain", "text": "\n\n"}, {"type": "pre", "text": f"let x{i} = {i}", "language": "swift"}]
    if i % 11 == 0:
        parts += [{"type": "plain", "text": " "}, {"type": "spoiler", "text": sentence(rng, 2)}]
    parts += [{"type": "plain", "text": "\n\n" + sentence(rng, rng.randint(10, 30)) + " "},
              {"type": "hashtag", "text": "#" + rng.choice(WORDS)}]
    return parts


def main():
    n, folder = int(sys.argv[1]), sys.argv[2]
    photos = int(sys.argv[sys.argv.index("--photos") + 1]) if "--photos" in sys.argv else 0
    rng = random.Random(n)
    os.makedirs(os.path.join(folder, "photos"), exist_ok=True)
    for k in range(photos):
        path = os.path.join(folder, "photos", f"photo_{k + 1}.jpg")
        if not os.path.exists(path):
            subprocess.run(["vips", "black", path + ".v", "1280", "853"], check=True)
            subprocess.run(["vips", "linear", path + ".v", path + "[Q=60]", "1", str(40 + k % 180)], check=True)
            os.remove(path + ".v")
    base = 1_600_000_000
    messages = [{"id": 1, "type": "service", "date": "2020-09-13T12:26:40", "date_unixtime": str(base),
                 "actor": "Synthetic", "actor_id": "channel2000000001", "action": "create_channel", "title": "Synthetic",
                 "text": "", "text_entities": []}]
    i, mid = 0, 2
    while i < n:
        t = base + mid * 600
        common = {"type": "message", "date": "2020-01-01T00:00:00", "date_unixtime": str(t),
                  "from": "Synthetic", "from_id": "channel2000000001"}
        if photos and i % 50 == 0 and i + 3 <= n:  # an album of three photos
            for k in range(3):
                parts = text_parts(rng, i) if k == 0 else []
                messages.append(dict(common, id=mid, photo=f"photos/photo_{(i // 50 * 3 + k) % photos + 1}.jpg",
                                     width=1280, height=853, text=parts, text_entities=parts))
                mid += 1
                i += 1
            continue
        parts = text_parts(rng, i)
        message = dict(common, id=mid, text=parts, text_entities=parts)
        if i % 13 == 0 and mid > 10:
            message["reply_to_message_id"] = mid - rng.randint(1, 8)
        if i % 17 == 0:
            message.update(photo="(File not included. Change data exporting settings to download.)", width=800, height=600)
        if i % 4 == 0:
            message["reactions"] = [{"type": "emoji", "count": rng.randint(1, 300), "emoji": "👍", "recent": []}]
        messages.append(message)
        mid += 1
        i += 1
    with open(os.path.join(folder, "result.json"), "w", encoding="utf-8") as f:
        json.dump({"name": "Synthetic", "type": "public_channel", "id": 2000000001, "messages": messages},
                  f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
