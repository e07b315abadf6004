#!/usr/bin/env bash
# Adversarial inputs, each scaled ×1, ×10 and ×100, through a whole `chansite build`: time and
# output must grow linearly with the input (×10 input → at most ×15 time and output bytes).
# Prints per build: input size, wall time, parse+model stage time (from --verbose), output bytes
# and files, peak memory; then the ×10/×1 and ×100/×1 ratios, flagged when above linear bounds.
# Usage: scripts/bench-adversarial.sh [KIND…]   (default: every kind of scripts/adversarial-input.py)
#   dumps:   parens diff identical replies distinct tags mentions quotes longline links blank
#            tagposts inlinetags emoji
#   exports: tiny entities reactions poll album shared ids
# The ×1 and ×10 bounds are also a test (HostileArchiveTests); large inputs' memory is
# scripts/bench-large-inputs.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$PWD/.build/release/chansite
[ -x "$bin" ] || swift build -c release --product chansite
work=${BENCH_DIR:-/tmp/chansite-bench}/adversarial
rm -rf "$work"; mkdir -p "$work"
kinds=${*:-$(python3 scripts/adversarial-input.py --kinds)}
gen() { python3 scripts/adversarial-input.py "$@"; }  # gen KIND SCALE DIR: writes DIR/Content
printf "%-10s %6s %9s %9s %10s %11s %8s %9s\n" input scale input "build s" "parse+mod" "output" files "peak MB"
for kind in $kinds; do
  times=(); bytes=()
  for scale in 1 10 100; do
    dir="$work/$kind-$scale"; mkdir -p "$dir"
    gen "$kind" "$scale" "$dir"
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
