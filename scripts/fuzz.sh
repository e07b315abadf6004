#!/usr/bin/env bash
# Fuzzes one target with libFuzzer for SECONDS (default 1800):
#   ingest  the whole ingest path on any bytes (decode → detect → parse → assemble → render
#           bodies, and the same bytes as a Telegram Desktop export), corpus Fuzz/corpus
#   export  structure-aware: valid result.json with hostile values, built whole in memory,
#           corpus Fuzz/export-corpus
#   html    any bytes as a page of a Desktop HTML export, read into posts, corpus Fuzz/html-corpus
#   config  structure-aware: valid chansite.json with hostile values, a small site built with
#           it, corpus Fuzz/config-corpus
# New inputs that reach new code are merged into the target's corpus (commit them); a crash is
# saved under Fuzz/regressions/ and must become a fixed bug: the tests replay that folder.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-1800}
target=${2:-ingest}
case $target in ingest) corpus=Fuzz/corpus ;; export|config|html) corpus=Fuzz/$target-corpus ;; *) echo "unknown target $target" >&2; exit 2 ;; esac
mkdir -p "$corpus"
export CHANSITE_FUZZ_TARGET=$target
swift build -c release --sanitize=fuzzer -Xswiftc -DFUZZING --product ChansiteFuzz --build-path .build-fuzz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/new" Fuzz/regressions
status=0
# Swift's own crash handler would catch the signal first and libFuzzer would save no input.
export SWIFT_BACKTRACE=enable=no
.build-fuzz/release/ChansiteFuzz -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=Fuzz/regressions/$target- -print_final_stats=1 "$work/new" "$corpus" || status=$?
# Keep the committed corpus small: of the new inputs under 2 KB, a set that covers what they add.
mkdir -p "$work/small"
find "$work/new" -type f -size -2k -exec cp {} "$work/small/" \;
.build-fuzz/release/ChansiteFuzz -set_cover_merge=1 -max_len=16384 "$corpus" "$work/small" >/dev/null 2>&1 || true
echo "$target corpus: $(ls "$corpus" | wc -l) inputs; regressions: $(ls Fuzz/regressions | wc -l)"
exit $status
