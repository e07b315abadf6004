#!/usr/bin/env bash
# Adversarial inputs, each scaled ×1, ×10 and ×100, through a whole `chansite build`: the build
# must grow linearly (×100 input → at most ×150 time). Prints the whole build's wall time and the
# parse + model stages' own time (from --verbose). Usage: scripts/bench-adversarial.sh
#   parens     a URL followed by N `)` (URL trimming)
#   diff       a post whose two copies differ on every line (merging the copies)
#   identical  N identical posts (slug numbering)
#   replies    N replies quoting N posts that all start alike (reply quotes and their links)
#   distinct   N distinct posts (the baseline the others are compared with)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$PWD/.build/release/chansite
[ -x "$bin" ] || swift build -c release --product chansite
work=${BENCH_DIR:-/tmp/chansite-bench}/adversarial
rm -rf "$work"; mkdir -p "$work"
gen() {  # gen KIND N FILE
  python3 - "$@" <<'PY'
import sys
kind, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
header = "Adversarial\n5 subscribers\nDownload Telegram\n"
if kind == "parens":
    text = header + "Look at https://example.org/a_(b" + ")" * n + " and more.\n"
elif kind == "diff":
    # Heading, copy A, copy B (same first line, then every line different), reactions.
    a = [f"line a {i} of the first copy" for i in range(n)]
    b = [f"line b {i} of the second copy" for i in range(n)]
    text = "A heading\nShared first line\n" + "\n".join(a) + "\nShared first line\n" + "\n".join(b) + "\n👍5\n"
    text += "Another heading\nBody\nBody\n🔥1\n"
elif kind == "replies":
    posts = "".join(f"The same long start of every message, number {i}.\n#p\n" for i in range(n))
    replies = "".join(f"Reader {i}\nThe same long start of every message, number {i}…\nA reply, number {i}.\n#r\n" for i in range(n))
    text = header + posts + replies
elif kind == "identical":
    text = header + "".join("The same post again.\n\n#same\n\n" for _ in range(n))
else:
    text = header + "".join(f"Post number {i} about something.\n\n#tag{i % 50}\n\n" for i in range(n))
open(path, "w", encoding="utf-8").write(text)
PY
}
printf "%-10s %6s %10s %10s %12s\n" input scale "input" "build s" "parse+model s"
for kind in parens diff identical replies distinct; do
  case $kind in parens) base=10000 ;; diff) base=1000 ;; *) base=200 ;; esac
  first=""
  for scale in 1 10 100; do
    dir="$work/$kind-$scale"; mkdir -p "$dir/Content"
    gen "$kind" $((base * scale)) "$dir/Content/dump.txt"
    start=$(date +%s.%N)
    log=$( (cd "$dir" && "$bin" build --verbose --templates "$OLDPWD/Templates") 2>&1 >/dev/null || true)
    took=$(echo "$(date +%s.%N) - $start" | bc -l)
    stages=$(echo "$log" | awk '$1=="parse"||$1=="model"{s+=$2} END{printf "%.3f", s}')
    size=$(du -h "$dir/Content/dump.txt" | cut -f1)
    printf "%-10s %5sx %10s %10.2f %12s\n" "$kind" "$scale" "$size" "$took" "$stages"
    [ -z "$first" ] && first=$stages
    last=$stages
  done
  printf "%-10s ×100/×1 parse+model: %s\n" "$kind" "$(echo "if ($first > 0) $last / $first else 0" | bc -l | cut -c1-6)"
  rm -rf "$work/$kind-"*
done
