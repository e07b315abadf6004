#!/usr/bin/env bash
# A change's effect on rebuilds, against an earlier revision: each binary builds its own copy of
# one channel's export (scripts/gen-export.py; the build cache knows its binary, so the two
# cannot share a project), twice to have a cache and a spare site; then RUNS times, alternating,
# the same change is made to both and each is rebuilt: 100 messages appended (CHANGE=append) or
# one message in the middle edited (CHANGE=edit). Prints each rebuild, then the medians of wall
# time and user CPU. The earlier revision is built in a git worktree under BENCH_DIR, as
# scripts/bench-ab.sh does.
# Usage: [CHANGE=append|edit] scripts/bench-ab-rebuild.sh REV [POSTS=10000] [RUNS=7]
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: scripts/bench-ab-rebuild.sh REV [POSTS] [RUNS]}
posts=${2:-10000}; runs=${3:-7}; change=${CHANGE:-append}
bench=${BENCH_DIR:-/tmp/chansite-bench}
commit=$(git rev-parse --short "$rev")
old=$bench/ab-$commit
if [ ! -x "$old/.build/release/chansite" ]; then
  [ -d "$old" ] || git worktree add --detach "$old" "$commit" >/dev/null
  (cd "$old" && swift build -c release --product chansite >/dev/null)
fi
new=$PWD/.build/release/chansite
[ -x "$new" ] || swift build -c release --product chansite
# 101 messages under POSTS, as scripts/bench-rebuild.sh: appends then stay under postsPerFolder.
source=$bench/single-$posts
[ -f "$source/channel/result.json" ] || python3 scripts/gen-export.py "$((posts - 101))" "$source/channel" >/dev/null
change_content() {
  python3 - "$1" "$2" "$change" <<'PY'
import datetime, glob, json, os, sys
content, run, change = sys.argv[1:4]
path = sorted(glob.glob(os.path.join(content, "*", "result.json")))[0]
data = json.load(open(path, encoding="utf-8"))
messages = [m for m in data["messages"] if m.get("type") == "message"]
if change == "edit":
    m = messages[len(messages) // 2]
    m["text"] = (m["text"] if isinstance(m["text"], str) else "") + " zebrafish" + run
    m["text_entities"] = [{"type": "plain", "text": m["text"]}]
else:
    last = max(int(m["id"]) for m in data["messages"])
    stamp = max(int(m.get("date_unixtime", "0")) for m in messages)
    for k in range(1, 101):
        new = dict(messages[-(k % len(messages)) - 1])
        new["id"] = last + k
        new["date_unixtime"] = str(stamp + 60 * k)
        new["date"] = datetime.datetime.fromtimestamp(stamp + 60 * k, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
        new["text"] = "Appended message %d, run %s, about field notes" % (k, run)
        new["text_entities"] = [{"type": "plain", "text": new["text"]}]
        data["messages"].append(new)
json.dump(data, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY
}
binary() { [ "$1" = a ] && echo "$old/.build/release/chansite" || echo "$new"; }
for side in a b; do
  project=$bench/ab-rebuild-$side
  rm -rf "$project" && mkdir -p "$project" && cp -r "$source" "$project/Content"
  (cd "$project" && "$(binary $side)" build --quiet >/dev/null 2>&1 && change_content Content warm && "$(binary $side)" build --quiet >/dev/null 2>&1)
done
: >"$bench/ab-rebuild.times"
echo "$commit (A) against the working tree (B): one channel of $posts messages, $change, $runs runs each, alternating"
for run in $(seq "$runs"); do
  for side in a b; do
    project=$bench/ab-rebuild-$side
    change_content "$project/Content" "$run"
    (cd "$project" && /usr/bin/time -f "$side %e %U" "$(binary $side)" build --quiet 2>&1 >/dev/null | tail -1) | tee -a "$bench/ab-rebuild.times"
  done
done
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for side in a b; do
  printf "%s median wall %s s, user %s s\n" "$(echo $side | tr ab AB)" \
    "$(awk -v s=$side '$1==s {print $2}' "$bench/ab-rebuild.times" | median)" "$(awk -v s=$side '$1==s {print $3}' "$bench/ab-rebuild.times" | median)"
done
