#!/usr/bin/env bash
# Peak memory of a build against the size of its largest input file, on the large inputs a
# hostile poster or a long-lived channel makes (SECURITY.md promises at most ×10):
#   tiny    an export of N tiny messages, each as the client writes it (~215 bytes)
#   line    a text copy whose post is one line of N words
#   quotes  a text copy of N quote lines
# Usage: scripts/bench-large-inputs.sh [TINY_MESSAGES LINE_WORDS QUOTE_LINES]
#   (default 300000 20000000 1000000: about 64 MB, 100 MB and 37 MB)
# Each build gets a fresh output folder; prints input MB, peak MB, their ratio, wall seconds
# and files written.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$PWD/.build/release/chansite
[ -x "$bin" ] || swift build -c release --product chansite
work=${BENCH_DIR:-/tmp/chansite-bench}/large-inputs
rm -rf "$work"; mkdir -p "$work"
tiny=${1:-300000}; words=${2:-20000000}; quotes=${3:-1000000}
printf "%-8s %10s %9s %9s %7s %9s %8s\n" input count "input MB" "peak MB" ratio "build s" files
for kind in tiny line quotes; do
  dir="$work/$kind"; mkdir -p "$dir/Content"
  case $kind in tiny) n=$tiny ;; line) n=$words ;; quotes) n=$quotes ;; esac
  python3 - "$kind" "$n" "$dir/Content" <<'PY'
import json, os, sys
kind, n, content = sys.argv[1], int(sys.argv[2]), sys.argv[3]
header = "Large\n5 subscribers\nDownload Telegram\n"
if kind == "tiny":
    os.makedirs(os.path.join(content, "export"))
    messages = [{"id": i, "type": "message", "date": "2023-11-14T22:13:20", "date_unixtime": str(1700000000 + i * 60),
                 "from": "Large", "from_id": "channel1", "text": f"hi {i}", "text_entities": [{"type": "plain", "text": f"hi {i}"}]}
                for i in range(1, n + 1)]
    chat = {"name": "Large", "type": "public_channel", "id": 1, "messages": messages}
    json.dump(chat, open(os.path.join(content, "export", "result.json"), "w"), ensure_ascii=False)
elif kind == "line":
    open(os.path.join(content, "dump.txt"), "w").write(header + "A post.\n\n" + "word " * n + "\n")
else:
    open(os.path.join(content, "dump.txt"), "w").write(
        header + "".join(f"> quoted line {i} of a long quote\n" for i in range(n)) + "\n#q\n")
PY
  largest=$(find "$dir/Content" -type f -printf "%s\n" | sort -n | tail -1)
  start=$(date +%s.%N)
  peak=$( (cd "$dir" && /usr/bin/time -f "%M" "$bin" build -q) 2>&1 >/dev/null | tail -1)
  took=$(echo "$(date +%s.%N) - $start" | bc -l)
  files=$(find "$dir/Output" -type f | wc -l)
  printf "%-8s %10s %9.1f %9.0f %6.1fx %9.1f %8s\n" "$kind" "$n" "$(echo "$largest / 1048576" | bc -l)" \
    "$(echo "$peak / 1024" | bc -l)" "$(echo "$peak * 1024 / $largest" | bc -l)" "$took" "$files"
  rm -rf "$dir"
done
