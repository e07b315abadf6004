#!/usr/bin/env bash
# A fresh `chansite build` after a change, with the build cache and without it (--no-cache),
# against the full build it follows: (a) one post edited in a dump, (b) a new dump added,
# (c) one message edited in an export, (d) 100 messages appended to one channel's export; the
# form `single` makes (c), (d) and (e) the same 100 each with a new hashtag, on an archive of
# one channel of POSTS messages (one export, `scripts/gen-export.py`): a user's re-export.
# Each rebuilt site is compared with a clean build of the same content (byte for byte).
#
# Usage: [FORMS=dumps,export,single] scripts/bench-rebuild.sh [POSTS] [RUNS]   (defaults 10000 3; BENCH_DIR keeps the corpus)
set -euo pipefail
posts=${1:-10000}
runs=${2:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/.build/release/chansite"
[ -x "$bin" ] || (cd "$root" && swift build -c release --product chansite >/dev/null)
work=${BENCH_DIR:-/tmp/chansite-bench-rebuild}
corpus="$work/corpus-$posts"
[ -d "$corpus/export" ] || python3 "$root/scripts/gen-corpus.py" "$posts" "$corpus" --forms dumps,export >/dev/null
# One message fewer than a hundred below POSTS: at 10,000 the append would take the channel past
# `postsPerFolder` (10,000), which moves every post into subfolders once (with redirects).
[ -f "$corpus/single/channel/result.json" ] || python3 "$root/scripts/gen-export.py" "$((posts - 101))" "$corpus/single/channel" >/dev/null

trap 'rm -rf "$work"/project-*/Fresh-* "$work"/project-*/.Fresh-*.chansite' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# Wall seconds and peak KB of one build: "seconds kb".
timed() { /usr/bin/time -f "%e %M" "$bin" build --quiet "$@" 2>&1 >/dev/null | grep -v ': warning: \|: note: ' | tail -1; }

# One form (dumps or export): a full build into a fresh project, then each change, timed with
# and without the cache, alternating.
bench() {
  local form=$1
  shift
  local project="$work/project-$form"
  rm -rf "$project" && mkdir -p "$project"
  cp -r "$corpus/$form" "$project/Content"
  (cd "$project" && timed >/dev/null)  # the first build: makes the cache
  local full
  # Each full build into a folder of its own, all removed when the script ends: a build right
  # after removing the last one's 100,000 files created its own at half speed on this machine.
  full=$(for run in $(seq "$runs"); do (cd "$project" && timed --output "Fresh-$run" --no-cache); done | awk '{print $1}' | median)
  echo "$form: full build (fresh output, no cache) median ${full} s"
  for change in "$@"; do
    local with=() without=() peak=() bare=()
    for run in $(seq "$runs"); do
      for mode in cache nocache; do
        # The change is made in place (a copy of the project would have new inodes, and
        # nothing could be carried over), then undone and built again, untimed.
        local copy="$project"
        rm -rf "$work/backup" && cp -r "$project/Content" "$work/backup"
        python3 "$root/scripts/change-content.py" "$copy/Content" "$change" "$run"
        local flag=()
        [ "$mode" = nocache ] && flag=(--no-cache)
        local out
        out=$(cd "$copy" && timed "${flag[@]}")
        if [ "$mode" = cache ]; then
          with+=("$(echo "$out" | awk '{print $1}')")
          peak+=("$(echo "$out" | awk '{print $2}')")
          (cd "$copy" && rm -rf Clean && "$bin" build --quiet --no-cache --output Clean >/dev/null 2>&1)
          # The cached rebuild against a clean build of the same content: every file the same,
          # and nothing only in one of them but the URL history's pages (redirects and "removed"
          # pages, marked noindex), which a clean build does not have.
          local differs
          differs=$(diff -rq "$copy/Output" "$copy/Clean" | while IFS= read -r line; do
            if [[ $line == "Only in $copy/Output"* ]]; then
              local place=${line#Only in } && local file="${place%%: *}/${place#*: }"
              [ -f "$file" ] && grep -q 'name="robots" content="noindex"' "$file" && continue
            fi
            echo "$line"
          done)
          [ -z "$differs" ] || printf '  DIFFERS: %s run %s\n%s\n' "$change" "$run" "$(echo "$differs" | head -5)"
        else
          without+=("$(echo "$out" | awk '{print $1}')")
          bare+=("$(echo "$out" | awk '{print $2}')")
        fi
        rm -rf "$project/Content" && mv "$work/backup" "$project/Content"
        (cd "$project" && timed >/dev/null)
      done
    done
    local w n
    w=$(printf '%s\n' "${with[@]}" | median)
    n=$(printf '%s\n' "${without[@]}" | median)
    printf '  %-14s with cache %6.2f s (%4.0f %% of full, peak %s MB)   without %6.2f s (%4.0f %%, peak %s MB)\n' "$change" "$w" \
      "$(echo "$w $full" | awk '{print 100*$1/$2}')" "$(printf '%s\n' "${peak[@]}" | median | awk '{printf "%.0f", $1/1024}')" \
      "$n" "$(echo "$n $full" | awk '{print 100*$1/$2}')" "$(printf '%s\n' "${bare[@]}" | median | awk '{printf "%.0f", $1/1024}')"
  done
}

echo "chansite rebuilds at $posts posts, $runs runs each (medians)"
forms=${FORMS:-dumps,export,single}
[[ ",$forms," == *",dumps,"* ]] && bench dumps edit-dump add-dump
[[ ",$forms," == *",export,"* ]] && bench export edit-export append-export
[[ ",$forms," == *",single,"* ]] && bench single edit-export append-export append-tagged
true
