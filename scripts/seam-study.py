#!/usr/bin/env python3
"""Unmarked seams (docs/formats.md): how well shape rules *across* channels would find them, and
what the per-dump seam model finds.

1. Rules across channels, on the t.me/s sample with a hand-made gold segmentation: for every
   pair of adjacent non-blank lines after the header that are not marker lines, each rule says "a
   seam lies here"; the gold says whether one does. Prints each rule's seams caught, pairs inside
   posts it would cut, and precision.
2. The seam model, per dump, through the real binary (`chansite inspect --json`): the sample and
   the seam fixtures, whose unmarked starts `Tests/ChansiteKitTests/Fixtures/dumps/seams.json`
   lists. Prints, per dump, its unmarked seams, the model's splits, right ones, false ones.
Usage: scripts/seam-study.py [SAMPLE GOLD]   (default: the t.me/s sample and its gold in ../shared)
"""
import json
import os
import subprocess
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
dump = sys.argv[1] if len(sys.argv) > 2 else os.path.join(root, "../shared/dumps/000_5dbfdb69feb19997.txt")
gold = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "../shared/dumps/gold/000_5dbfdb69feb19997.json")
binary = os.environ.get("CHANSITE_BIN", os.path.join(root, ".build/debug/chansite"))
markers = ("Forwarded from", "Please open Telegram", "VIEW IN TELEGRAM", "#")


def learned(path):
    out = subprocess.run([binary, "inspect", path, "--json"], capture_output=True, text=True, check=True).stdout
    return [p["lines"][0] for p in json.loads(out)["posts"] if "learned_seam" in p]


def unmarked_in_gold(lines, posts):
    starts = {p["lines"][0] for p in posts}
    header_end = min(starts) - 1
    return starts, header_end, {
        s for s in starts
        if s - 1 > header_end and lines[s - 2].strip() and not lines[s - 2].startswith(markers)
        and not lines[s - 1].startswith(markers)
    }


rules = {
    "any two adjacent non-blank lines": lambda a, b, prev: True,
    "sentence end, then a capital": lambda a, b, prev: a.rstrip()[-1:] in ".!?)…" and b[:1].isupper(),
    "paragraph-opening line, then a capital": lambda a, b, prev: not prev.strip() and b[:1].isupper(),
    "long line (>= 150 chars), then a capital": lambda a, b, prev: len(a) >= 150 and b[:1].isupper(),
}
rows = []
if os.path.exists(dump) and os.path.exists(gold):
    lines = open(dump, encoding="utf-8").read().split("\n")
    posts = json.load(open(gold, encoding="utf-8"))["posts"]
    starts, header_end, unmarked = unmarked_in_gold(lines, posts)
    print(f"1. rules across channels — {os.path.basename(dump)}: {len(unmarked)} unmarked seams (lines {sorted(unmarked)})")
    for name, rule in rules.items():
        caught = inside = 0
        for n in range(header_end + 2, len(lines) + 1):  # pair (n - 1, n), 1-based
            a, b, prev = lines[n - 2], lines[n - 1], lines[n - 3]
            if not a.strip() or not b.strip() or a.startswith(markers) or b.startswith(markers):
                continue
            if not rule(a, b, prev):
                continue
            if n in unmarked:
                caught += 1
            elif n not in starts:
                inside += 1
        precision = caught / (caught + inside) if caught + inside else 0
        print(f"   {name:45} seams {caught}/{len(unmarked)}  inside posts {inside:3}  precision {precision:.2f}")
    rows.append((os.path.basename(dump), set(unmarked), learned(dump)))
else:
    print(f"1. (no {dump} with its gold: rules across channels skipped)")

fixtures = os.path.join(root, "Tests/ChansiteKitTests/Fixtures/dumps")
for name, truth in sorted(json.load(open(os.path.join(fixtures, "seams.json"), encoding="utf-8")).items()):
    rows.append((name, set(truth), learned(os.path.join(fixtures, name))))
print("\n2. the seam model, per dump")
print(f"   {'dump':36} {'unmarked':>8} {'splits':>6} {'right':>5} {'false':>5}")
for name, truth, splits in rows:
    right = len(truth & set(splits))
    print(f"   {name:36} {len(truth):8} {len(splits):6} {right:5} {len(splits) - right:5}")
