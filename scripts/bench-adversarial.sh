#!/usr/bin/env bash
# Adversarial inputs, each scaled ×1, ×10 and ×100, through a whole `chansite build`: time and
# output must grow linearly with the input (×10 input → at most ×15 time and output bytes).
# Prints per build: input size, wall time, parse+model stage time (from --verbose), output bytes
# and files, peak memory; then the ×10/×1 and ×100/×1 ratios, flagged when above linear bounds.
# Usage: scripts/bench-adversarial.sh [KIND…]   (default: every kind below)
#   dumps:   parens diff identical replies distinct tags mentions quotes longline links blank
#            tagposts emoji
#   exports: tiny entities reactions poll album shared ids
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$PWD/.build/release/chansite
[ -x "$bin" ] || swift build -c release --product chansite
work=${BENCH_DIR:-/tmp/chansite-bench}/adversarial
rm -rf "$work"; mkdir -p "$work"
kinds=${*:-"parens diff identical replies distinct tags mentions quotes longline links blank tagposts emoji tiny entities reactions poll album shared ids"}
gen() {  # gen KIND N DIR: writes DIR/Content
  python3 - "$@" <<'PY'
import json, os, sys
kind, n, root = sys.argv[1], int(sys.argv[2]), sys.argv[3]
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
elif kind == "emoji": dump("".join(f"Post {i} 👍🏽🇷🇺👨‍👩‍👧\n👍{i}🔥{i}❤️{i}\n\n" for i in range(n)))
elif kind == "tiny": export([msg(i, text="") if i % 2 else msg(i, text="x") for i in range(1, n + 1)])
elif kind == "entities": export([msg(1, text=[{"type": "bold", "text": f"b{i} "} for i in range(n)])])
elif kind == "reactions": export([msg(1, reactions=[{"type": "emoji", "emoji": "👍", "count": i + 1} for i in range(n)])])
elif kind == "poll": export([msg(1, poll={"question": "q", "total_voters": n, "answers": [{"text": f"a{i}", "voters": 1} for i in range(n)]})])
elif kind == "album": export([msg(i, photo="photos/p.jpg", date_unixtime="1700000000", text="") for i in range(1, n + 1)], [("photos/p.jpg", b"\xff\xd8 not a real jpeg")])
elif kind == "shared": export([msg(i, file="files/f.pdf", file_name="f.pdf") for i in range(1, n + 1)], [("files/f.pdf", b"%PDF-1.4 " + b"x" * 100000)])
elif kind == "ids": export([msg(i, f"index{i}" if i % 3 else i) for i in range(1, n + 1)])
PY
}
base() {
  case $1 in
    parens) echo 10000 ;; diff) echo 1000 ;; mentions|links|longline|blank|quotes) echo 20000 ;;
    tags|entities|reactions|poll) echo 400 ;; tiny|ids) echo 1000 ;; album|shared) echo 100 ;; *) echo 200 ;;
  esac
}
printf "%-10s %6s %9s %9s %10s %11s %8s %9s\n" input scale input "build s" "parse+mod" "output" files "peak MB"
for kind in $kinds; do
  times=(); bytes=()
  for scale in 1 10 100; do
    dir="$work/$kind-$scale"; mkdir -p "$dir"
    gen "$kind" $(( $(base "$kind") * scale )) "$dir"
    start=$(date +%s.%N)
    log=$( (cd "$dir" && /usr/bin/time -f "peak %M" "$bin" build --verbose) 2>&1 >/dev/null || true)
    took=$(echo "$(date +%s.%N) - $start" | bc -l)
    stages=$(echo "$log" | awk '$1=="parse"||$1=="model"{s+=$2} END{printf "%.3f", s}')
    peak=$(echo "$log" | awk '$1=="peak"{printf "%.0f", $2/1024}')
    size=$(du -sb "$dir/Content" | cut -f1)
    out=$(du -sb "$dir/Output" 2>/dev/null | cut -f1); out=${out:-0}
    files=$(find "$dir/Output" -type f 2>/dev/null | wc -l)
    printf "%-10s %5sx %9s %9.2f %10s %11s %8s %9s\n" "$kind" "$scale" "$size" "$took" "$stages" "$out" "$files" "$peak"
    times+=("$took"); bytes+=("$out")
    rm -rf "$dir"
  done
  ratio() { echo "if ($1 > 0) $2 / $1 else 0" | bc -l | cut -c1-6; }
  t10=$(ratio "${times[0]}" "${times[1]}"); b10=$(ratio "${bytes[0]}" "${bytes[1]}")
  t100=$(ratio "${times[0]}" "${times[2]}"); b100=$(ratio "${bytes[0]}" "${bytes[2]}")
  flag=""; (( $(echo "$t10 > 15 || $b10 > 15" | bc -l) )) && flag=" ← above ×15"
  printf "%-10s x10/x1: time %s, output %s; x100/x1: time %s, output %s%s\n" "$kind" "$t10" "$b10" "$t100" "$b100" "$flag"
done
