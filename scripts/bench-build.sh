#!/usr/bin/env bash
# Builds a synthetic corpus (default 10k posts) with chansite and, when installed, with Hugo on
# the same posts; prints wall time and peak memory of each. Usage: scripts/bench-build.sh [POSTS]
set -euo pipefail
cd "$(dirname "$0")/.."
posts=${1:-10000}
work=${BENCH_DIR:-/tmp/chansite-bench}/build-$posts
bin=.build/release/chansite
[ -x "$bin" ] || swift build -c release --product chansite
if [ ! -d "$work/dumps" ]; then
  python3 ../shared/bench/gen_corpus.py "$posts" "$work" --forms dumps,hugo >/dev/null
fi
measure() {  # name, command...: prints "name  seconds  MB"
  local name=$1; shift
  local stats; stats=$(mktemp)
  /usr/bin/time -o "$stats" -f "%e %M" "$@" >/dev/null 2>&1 || echo "($name exited with status $?)"
  local out; out=$(tail -1 "$stats"); rm -f "$stats"
  printf "%-10s %8.2f s %8.0f MB\n" "$name" "${out% *}" "$(echo "${out#* } / 1024" | bc -l)"
}
echo "corpus: $posts posts ($(du -sh "$work/dumps" | cut -f1) of dumps), $(nproc) cores"
rm -rf "$work/out-chansite" "$work/out-hugo"
measure chansite "$bin" build --quiet --content "$work/dumps" --output "$work/out-chansite"
echo "           $(find "$work/out-chansite" -type f | wc -l) files, $(du -sh "$work/out-chansite" | cut -f1)"
if command -v hugo >/dev/null; then
  measure hugo hugo --quiet -s "$work/hugo" -d "$work/out-hugo"
  echo "           $(find "$work/out-hugo" -type f | wc -l) files, $(du -sh "$work/out-hugo" | cut -f1)"
else
  echo "hugo not installed (apt-get install hugo) — skipped"
fi
