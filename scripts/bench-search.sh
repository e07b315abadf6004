#!/usr/bin/env bash
# Search index: build time, index bytes, bytes a cold one-word query downloads, and query time in
# headless Chromium, for synthetic corpora of 10k and 100k posts. Usage: scripts/bench-search.sh [POSTS...]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/chansite
[ -x "$bin" ] || swift build -c release --product chansite
# Unquoted on purpose: the default is two numbers.
for posts in ${@:-10000 100000}; do
  work=${BENCH_DIR:-/tmp/chansite-bench}/search-$posts
  [ -d "$work/dumps" ] || python3 scripts/gen-corpus.py "$posts" "$work" --forms dumps >/dev/null
  rm -rf "$work/out"
  "$bin" build --verbose --content "$work/dumps" --output "$work/out" 2>&1 | grep -E "^  (index|render|parse) " || true
  python3 scripts/search_bytes.py "$work/out" "$posts"
done
