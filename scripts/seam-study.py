#!/usr/bin/env python3
"""How well shape rules would find the unmarked seams of a t.me/s copy (docs/formats.md).

For every pair of adjacent non-blank lines after the header that are not marker lines, each
candidate rule says "a seam lies here"; the gold segmentation says whether one does. Prints,
per rule, the unmarked seams it catches, the pairs inside posts it would cut, and its precision.
Usage: scripts/seam-study.py [DUMP GOLD]   (default: the t.me/s sample and its gold)
"""
import json
import sys

dump = sys.argv[1] if len(sys.argv) > 2 else "../shared/dumps/000_5dbfdb69feb19997.txt"
gold = sys.argv[2] if len(sys.argv) > 2 else "../shared/dumps/gold/000_5dbfdb69feb19997.json"
lines = open(dump, encoding="utf-8").read().split("\n")
posts = json.load(open(gold, encoding="utf-8"))["posts"]
starts = {p["lines"][0] for p in posts}
header_end = min(starts) - 1
markers = ("Forwarded from", "Please open Telegram", "VIEW IN TELEGRAM", "#")
# Seams the gold draws with no marker line on either side.
unmarked = {
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
print(f"{dump}: {len(unmarked)} unmarked seams (lines {sorted(unmarked)})")
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
    print(f"{name:45} seams {caught}/{len(unmarked)}  inside posts {inside:3}  precision {precision:.2f}")
