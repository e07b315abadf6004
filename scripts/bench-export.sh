#!/usr/bin/env bash
# Telegram Desktop exports: reading (inspect) and a whole build of synthetic exports of 10k, 50k
# and 100k messages (scripts/gen-export.py, with 60 distinct photos in albums), time and peak
# memory, to show both grow in proportion to the export. Usage: scripts/bench-export.sh [sizes…]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/chansite
[ -x "$bin" ] || swift build -c release --product chansite
work=${BENCH_DIR:-/tmp/chansite-bench}/export
mkdir -p "$work"
measure() {
  local name=$1; shift
  local stats; stats=$(mktemp)
  /usr/bin/time -o "$stats" -f "%e %M" "$@" >/dev/null 2>"$stats.err" || { echo "($name exited with status $?)" >&2; grep -v "warning:" "$stats.err" | tail -3 >&2; }
  rm -f "$stats.err"
  local out; out=$(tail -1 "$stats"); rm -f "$stats"
  printf "%-34s %8.2f s %7.0f MB\n" "$name" "${out% *}" "$(echo "${out#* } / 1024" | bc -l)"
}
for n in "${@:-10000 50000 100000}"; do
  for size in $n; do
    dir="$work/$size"
    [ -f "$dir/Content/export/result.json" ] || python3 scripts/gen-export.py "$size" "$dir/Content/export" --photos 60
    mb=$(du -m "$dir/Content/export/result.json" | cut -f1)
    measure "read ${size} messages (${mb} MB JSON)" "$bin" inspect "$dir/Content/export" --json
    rm -rf "$dir/Output" "$dir/.Output.chansite"
    measure "build ${size} messages, full" "$bin" build --quiet --content "$dir/Content" --output "$dir/Output"
    measure "build ${size} messages, no change" "$bin" build --quiet --content "$dir/Content" --output "$dir/Output"
  done
done
