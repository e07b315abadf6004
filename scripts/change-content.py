#!/usr/bin/env python3
"""One change a user makes to the content of a project, for the rebuild benchmarks
(scripts/bench-rebuild.sh, scripts/bench-ab-rebuild.sh), made in place.

Usage: scripts/change-content.py CONTENT CHANGE RUN
  edit-dump      a word added to a line of the first text dump
  add-dump       a new channel's dump: the first dump's posts under another name
  edit-export    a word added to the middle message of the first export
  append-export  100 messages appended to the first export
  append-tagged  the same, each with a new hashtag
RUN makes each change's words differ between runs.
"""
import datetime
import glob
import json
import os
import sys


def edit_dump(content, run):
    path = sorted(glob.glob(os.path.join(content, "*.txt")))[0]
    lines = open(path, encoding="utf-8").read().split("\n")
    for i in range(5, len(lines)):
        if len(lines[i].split()) > 4:
            lines[i] += " zebrafish" + run
            break
    open(path, "w", encoding="utf-8").write("\n".join(lines))


def add_dump(content, run):
    path = sorted(glob.glob(os.path.join(content, "*.txt")))[0]
    _, _, rest = open(path, encoding="utf-8").read().partition("\n")
    open(os.path.join(content, "zz_new_channel_%s.txt" % run), "w", encoding="utf-8").write("New channel " + run + "\n" + rest)


def change_export(content, change, run):
    path = sorted(glob.glob(os.path.join(content, "*", "result.json")))[0]
    data = json.load(open(path, encoding="utf-8"))
    messages = [m for m in data["messages"] if m.get("type") == "message"]
    if change == "edit-export":
        m = messages[len(messages) // 2]
        m["text"] = (m["text"] if isinstance(m["text"], str) else "") + " zebrafish" + run
        m["text_entities"] = [{"type": "plain", "text": m["text"]}]
    else:
        last = max(int(m["id"]) for m in data["messages"])
        stamp = max(int(m.get("date_unixtime", "0")) for m in messages)
        for k in range(1, 101):
            new = dict(messages[-(k % len(messages)) - 1])
            new["id"] = last + k
            new["date_unixtime"] = str(stamp + 60 * k)
            moment = datetime.datetime.fromtimestamp(stamp + 60 * k, datetime.timezone.utc)
            new["date"] = moment.strftime("%Y-%m-%dT%H:%M:%S")
            new["text"] = "Appended message %d, run %s, about field notes" % (k, run)
            new["text_entities"] = [{"type": "plain", "text": new["text"]}]
            if change == "append-tagged":
                new["text"] += " #brandnew"
                new["text_entities"].append({"type": "hashtag", "text": "#brandnew"})
            data["messages"].append(new)
    json.dump(data, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=1)


def main():
    content, change, run = sys.argv[1:4]
    if change == "edit-dump":
        edit_dump(content, run)
    elif change == "add-dump":
        add_dump(content, run)
    elif change in ("edit-export", "append-export", "append-tagged"):
        change_export(content, change, run)
    else:
        sys.exit("unknown change: " + change)


if __name__ == "__main__":
    main()
