#!/usr/bin/env bash
# A Telegram Desktop export read from its HTML form against the same export from JSON:
# `scripts/gen-export.py N` writes the JSON export, `scripts/export-html.py` its HTML pages as the
# client writes them (1,000 messages a page); then, alternating, ROUNDS times each: `chansite
# inspect --json` (reading alone) and a full `chansite build` into a fresh output folder.
# Prints each run's wall time, peak memory and files written, the build's parse stage (reading
# every input file into posts, from `build --verbose`) as MB/s of input, and the medians.
# Usage: scripts/bench-html.sh [N=100000] [ROUNDS=2]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}; rounds=${2:-2}
bin=$PWD/.build/release/chansite
[ -x "$bin" ] || swift build -c release --product chansite
work=${BENCH_DIR:-/tmp/chansite-bench}/html-$n
if [ ! -f "$work/json/Content/export/result.json" ]; then
  rm -rf "$work"; mkdir -p "$work/json/Content" "$work/html/Content"
  python3 scripts/gen-export.py "$n" "$work/json/Content/export" --photos 0 >/dev/null
  python3 scripts/export-html.py "$work/json/Content/export/result.json" "$work/html/Content/export" --offset +03:00
fi
jsonbytes=$(stat -c %s "$work/json/Content/export/result.json")
htmlbytes=$(find "$work/html/Content/export" -name '*.html' -printf '%s\n' | awk '{s+=$1} END{print s}')
declare -A bytes=([json]=$jsonbytes [html]=$htmlbytes)
echo "input: JSON $(du -sh "$work/json/Content/export/result.json" | cut -f1), HTML $(du -sh --exclude=photos "$work/html/Content/export" | cut -f1) in $(ls "$work/html/Content/export" | grep -c html) pages"
declare -A reads builds parses
for round in $(seq "$rounds"); do
  for form in json html; do
    cd "$work/$form"
    /usr/bin/time -o "$work/time" -f "%e %M" "$bin" inspect Content/export --json >/dev/null 2>/dev/null || true
    read=$(tail -1 "$work/time")
    rm -rf "out-$round" ".out-$round.chansite"
    /usr/bin/time -o "$work/time" -f "%e %M" "$bin" build -v --output "out-$round" >/dev/null 2>"$work/stderr" || true
    build=$(tail -1 "$work/time")
    parse=$(awk '$1 == "parse" && $3 == "s" {print $2}' "$work/stderr")
    files=$(find "out-$round" -type f | wc -l)
    echo "$form round $round: read $(echo "$read" | awk '{printf "%.2f s, %.0f MB", $1, $2/1024}'); build $(echo "$build" | awk '{printf "%.2f s, %.0f MB", $1, $2/1024}'), $files files; parse stage $parse s, $(awk -v b="${bytes[$form]}" -v t="$parse" 'BEGIN{printf "%.1f", b/1e6/t}') MB/s"
    reads[$form]+="$(echo "$read" | cut -d' ' -f1) "; builds[$form]+="$(echo "$build" | cut -d' ' -f1) "; parses[$form]+="$parse "
    cd - >/dev/null
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for form in json html; do
  p=$(echo "${parses[$form]}" | median)
  echo "$form median: read $(echo "${reads[$form]}" | median) s, build $(echo "${builds[$form]}" | median) s, parse stage $p s ($(awk -v b="${bytes[$form]}" -v t="$p" 'BEGIN{printf "%.1f", b/1e6/t}') MB/s)"
done
