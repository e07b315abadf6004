#!/usr/bin/env python3
"""tg-archive, the peer that builds a site from a Telegram channel, set up on the benchmark's
posts: for each channel of a corpus's Telegram Desktop exports (`export/<channel>/result.json`,
scripts/gen-corpus.py), a tg-archive site (`tg-archive --new`) whose SQLite database is filled
through tg-archive's own `db.py` with the same messages (their text flattened, as tg-archive's
sync stores it; one author, the channel). tg-archive builds one channel a site, so a build of
the corpus is one `tg-archive --build` per channel (scripts/bench-build.sh times them together).

Run it with the Python that has tg-archive (`pip install tg-archive`; bench-build.sh makes a
virtual environment for it). Prints the sites' folders, one a line.
Usage: tgarchive-sites.py EXPORT_DIR SITES_DIR
"""
import json
import os
import subprocess
import sys
from datetime import datetime, timezone

from tgarchive.db import DB, Message, User


def flat(text):
    """A message's text as tg-archive stores it: the plain text of its parts."""
    if isinstance(text, str):
        return text
    return "".join(part if isinstance(part, str) else part.get("text", "") for part in text)


def main():
    exports, sites = sys.argv[1], sys.argv[2]
    os.makedirs(sites, exist_ok=True)
    for channel in sorted(os.listdir(exports)):
        path = os.path.join(exports, channel, "result.json")
        if not os.path.isfile(path):
            continue
        site = os.path.join(sites, channel)
        if not os.path.isfile(os.path.join(site, "data.sqlite")):
            subprocess.run([sys.executable, "-c", "import sys; from tgarchive import main; sys.exit(main())", "--new", "--path", site],
                           check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            with open(os.path.join(site, "config.yaml"), encoding="utf-8") as f:
                config = f.read()
            # Values as YAML: the flags bare (a quoted "False" would be a true string).
            for key, value in {"group": json.dumps(channel), "download_media": "False", "download_avatars": "False",
                               "site_url": json.dumps("https://example.org/" + channel)}.items():
                config = "\n".join(f"{key}: {value}" if line.startswith(key + ":") else line for line in config.split("\n"))
            with open(os.path.join(site, "config.yaml"), "w", encoding="utf-8") as f:
                f.write(config)
            export = json.load(open(path, encoding="utf-8"))
            db = DB(os.path.join(site, "data.sqlite"))
            author = User(id=export.get("id", 1), username=channel, first_name=export.get("name", channel), last_name=None, tags=[],
                          avatar=None)
            db.insert_user(author)
            for m in export["messages"]:
                if m.get("type") != "message":
                    continue
                date = datetime.fromtimestamp(int(m["date_unixtime"]), timezone.utc) if "date_unixtime" in m else \
                    datetime.fromisoformat(m["date"]).replace(tzinfo=timezone.utc)
                db.insert_message(Message(id=m["id"], type="message", date=date, edit_date=None, content=flat(m.get("text", "")),
                                          reply_to=m.get("reply_to_message_id"), user=author, media=None))
            db.commit()
        print(site)


if __name__ == "__main__":
    main()
