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
  full=$(for _ in $(seq "$runs"); do (cd "$project" && rm -rf Fresh .Fresh.chansite && timed --output Fresh --no-cache); done | awk '{print $1}' | median)
  echo "$form: full build (fresh output, no cache) median ${full} s"
  for change in "$@"; do
    local with=() without=() peak=() bare=()
    for run in $(seq "$runs"); do
      for mode in cache nocache; do
        # The change is made in place (a copy of the project would have new inodes, and
        # nothing could be carried over), then undone and built again, untimed.
        local copy="$project"
        rm -rf "$work/backup" && cp -r "$project/Content" "$work/backup"
        python3 - "$copy/Content" "$change" "$run" <<'PY'
import json, os, sys, glob
content, change, run = sys.argv[1], sys.argv[2], sys.argv[3]
if change == "edit-dump":
    path = sorted(glob.glob(os.path.join(content, "*.txt")))[0]
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    for i in range(5, len(lines)):
        if len(lines[i].split()) > 4:
            lines[i] += " zebrafish" + run
            break
    open(path, "w", encoding="utf-8").write("\n".join(lines))
elif change == "add-dump":
    path = sorted(glob.glob(os.path.join(content, "*.txt")))[0]
    text = open(path, encoding="utf-8").read()
    head, _, rest = text.partition("\n")
    # A new channel's copy: the first dump's posts under another name.
    open(os.path.join(content, "zz_new_channel_%s.txt" % run), "w", encoding="utf-8").write("New channel " + run + "\n" + rest)
else:
    path = sorted(glob.glob(os.path.join(content, "*", "result.json")))[0]
    data = json.load(open(path, encoding="utf-8"))
    messages = [m for m in data["messages"] if m.get("type") == "message"]
    if change == "edit-export":
        m = messages[len(messages) // 2]
        m["text"] = (m["text"] if isinstance(m["text"], str) else "") + " zebrafish" + run
        m["text_entities"] = [{"type": "plain", "text": m["text"]}]
    else:  # append-export: 100 new messages after the last (append-tagged: each with a new hashtag)
        last = max(int(m["id"]) for m in data["messages"])
        stamp = max(int(m.get("date_unixtime", "0")) for m in messages)
        for k in range(1, 101):
            new = dict(messages[-(k % len(messages)) - 1])
            new["id"] = last + k
            new["date_unixtime"] = str(stamp + 60 * k)
            import datetime
            new["date"] = datetime.datetime.utcfromtimestamp(stamp + 60 * k).strftime("%Y-%m-%dT%H:%M:%S")
            new["text"] = "Appended message %d, run %s, about field notes" % (k, run)
            new["text_entities"] = [{"type": "plain", "text": new["text"]}]
            if change == "append-tagged":
                new["text"] += " #brandnew"
                new["text_entities"].append({"type": "hashtag", "text": "#brandnew"})
            data["messages"].append(new)
    json.dump(data, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY
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
