#!/usr/bin/env bash
# A change against an earlier revision: both binaries build the same corpus (scripts/gen-corpus.py,
# from dumps and from exports), alternating, RUNS times each, each build into a fresh output
# folder; prints the median wall time, user CPU and peak memory of each, their ratios (user CPU is
# the steadier: wall time here is mostly the kernel creating files), and whether the two
# sites are byte-identical (a refactor must leave them so).
# The earlier revision is built in a git worktree under BENCH_DIR (kept for later runs).
# Usage: scripts/bench-ab.sh REV [POSTS=10000] [RUNS=5]
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: scripts/bench-ab.sh REV [POSTS] [RUNS]}
posts=${2:-10000}; runs=${3:-5}
bench=${BENCH_DIR:-/tmp/chansite-bench}
. scripts/ab-binary.sh
old_bin=$(ab_binary "$rev") new=$(ab_new_binary) commit=$(git rev-parse --short "$rev")
work=$bench/corpus-$posts
[ -d "$work/export" ] || python3 scripts/gen-corpus.py "$posts" "$work" >/dev/null
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
cleanup() { rm -rf "$work"/ab-out-* "$work"/.ab-out-*.chansite; }
trap cleanup EXIT
echo "$commit (A) against the working tree (B): $posts posts, $runs runs each, alternating"
for form in dumps export; do
  : >"$work/a.t"; : >"$work/b.t"; : >"$work/a.m"; : >"$work/b.m"; : >"$work/a.u"; : >"$work/b.u"
  for run in $(seq "$runs"); do
    for side in a b; do
      binary=$([ "$side" = a ] && echo "$old_bin" || echo "$new")
      /usr/bin/time -o "$work/$side.time" -f "%e %M %U" "$binary" build --quiet --content "$work/$form" \
        --output "$work/ab-out-$side-$form-$run" >/dev/null 2>&1 || echo "($side exited with status $?)"
      read -r t m u <"$work/$side.time"; echo "$t" >>"$work/$side.t"; echo "$m" >>"$work/$side.m"; echo "$u" >>"$work/$side.u"
    done
  done
  at=$(median <"$work/a.t"); bt=$(median <"$work/b.t"); au=$(median <"$work/a.u"); bu=$(median <"$work/b.u")
  same=$(diff -r -q "$work/ab-out-a-$form-$runs" "$work/ab-out-b-$form-$runs" >/dev/null && echo "byte-identical" || echo "DIFFERENT")
  printf "%-7s A %6.2f s (user %5.2f) %4d MB | B %6.2f s (user %5.2f) %4d MB | B/A wall %.2f, user %.2f | %s\n" "$form" \
    "$at" "$au" $(( $(median <"$work/a.m") / 1024 )) "$bt" "$bu" $(( $(median <"$work/b.m") / 1024 )) \
    "$(echo "$bt / $at" | bc -l)" "$(echo "$bu / $au" | bc -l)" "$same"
done
