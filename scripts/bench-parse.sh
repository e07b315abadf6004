#!/usr/bin/env bash
# Parsing speed and memory: the five samples, then dumps of ~10 MB and ~50 MB made by repeating
# a sample's posts, to show that parsing time grows linearly; then t.me/s copies of ~10 MB and
# ~50 MB whose posts sometimes lost their footer (the seam fixture's posts repeated), so the seam
# model learns and the copy is segmented twice. Usage: [CHANSITE_BIN=…] scripts/bench-parse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${CHANSITE_BIN:-.build/release/chansite}
[ -x "$bin" ] || swift build -c release --product chansite
work=${BENCH_DIR:-/tmp/chansite-bench}/parse
mkdir -p "$work"
measure() {
  local name=$1; shift
  local stats; stats=$(mktemp)
  /usr/bin/time -o "$stats" -f "%e %M" "$@" >/dev/null 2>&1 || echo "($name exited with status $?)"
  local out; out=$(tail -1 "$stats"); rm -f "$stats"
  printf "%-28s %7.2f s %7.0f MB\n" "$name" "${out% *}" "$(echo "${out#* } / 1024" | bc -l)"
}
total=0
start=$(date +%s.%N)
for f in Content/*.txt; do "$bin" inspect "$f" --json >/dev/null; done
printf "%-28s %7.2f s (5 processes)\n" "five samples" "$(echo "$(date +%s.%N) - $start" | bc -l)"
# Repeat the posts of knowledge_accumulator.txt (reaction-closed blocks) until the file reaches the size.
for mb in 10 50; do
  file="$work/repeat-${mb}mb.txt"
  if [ ! -f "$file" ]; then
    python3 - "$file" "$mb" <<'PY'
import sys
src = open("Content/knowledge_accumulator.txt", encoding="utf-8").read().rstrip("\n") + "\n"
out, target = [], int(sys.argv[2]) * 1024 * 1024
size = 0
while size < target:
    out.append(src); size += len(src.encode())
open(sys.argv[1], "w", encoding="utf-8").write("".join(out))
PY
  fi
  measure "inspect ${mb} MB dump" "$bin" inspect "$file" --json
done
# The seam fixture: its header once, then its posts over and over (each copy keeps its lost footers).
for mb in 10 50; do
  file="$work/seams-${mb}mb.txt"
  if [ ! -f "$file" ]; then
    python3 - "$file" "$mb" <<'PY'
import sys
lines = open("Tests/ChansiteKitTests/Fixtures/dumps/tme_seams_emoji_russian.txt", encoding="utf-8").read().rstrip("\n").split("\n")
header, posts = lines[:5], "\n".join(lines[5:]) + "\n1.2K\n12:00\n"
out, target, size = ["\n".join(header) + "\n"], int(sys.argv[2]) * 1024 * 1024, 0
while size < target:
    out.append(posts); size += len(posts.encode())
open(sys.argv[1], "w", encoding="utf-8").write("".join(out))
PY
  fi
  measure "inspect ${mb} MB t.me/s copy" "$bin" inspect "$file" --json
done
