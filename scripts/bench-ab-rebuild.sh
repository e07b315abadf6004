#!/usr/bin/env bash
# A change's effect on rebuilds, against an earlier revision: each binary builds its own copy of
# one channel's export (scripts/gen-export.py; FORM=export: the five channels' exports of
# scripts/gen-corpus.py, the change made to the first) — the build cache knows its binary, so the
# two cannot share a project — twice to have a cache and a spare site; then RUNS times,
# alternating, the same change is made to both and each is rebuilt: 100 messages appended
# (CHANGE=append) or one message in the middle edited (CHANGE=edit); FORM=dumps: the same posts as
# text dumps, a word added to the first (CHANGE=edit) or a dump added (CHANGE=add). Prints each rebuild, then the
# medians of wall time and user CPU. The earlier revision is built in a git worktree under
# BENCH_DIR, as scripts/bench-ab.sh does.
# Usage: [CHANGE=append|edit|add] [FORM=single|export|dumps] scripts/bench-ab-rebuild.sh REV [POSTS=10000] [RUNS=7]
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: scripts/bench-ab-rebuild.sh REV [POSTS] [RUNS]}
posts=${2:-10000}; runs=${3:-7}; change=${CHANGE:-append}; form=${FORM:-single}
bench=${BENCH_DIR:-/tmp/chansite-bench}
. scripts/ab-binary.sh
old_bin=$(ab_binary "$rev") new=$(ab_new_binary) commit=$(git rev-parse --short "$rev")
# Fewer messages than POSTS by every append the runs make (and one more), so that at 10,000 the
# channel never crosses postsPerFolder, which moves every post into subfolders once.
messages=$((posts - 101 - 100 * (runs + 1)))
kind=export
if [ "$form" = dumps ]; then
  kind=dump
  messages=$posts
  source=$bench/corpus-$posts/dumps
  [ -d "$source" ] || python3 scripts/gen-corpus.py "$posts" "$bench/corpus-$posts" --forms dumps >/dev/null
elif [ "$form" = export ]; then
  # Five channels of about a fifth of POSTS each: far from postsPerFolder.
  messages=$posts
  source=$bench/corpus-$posts/export
  [ -d "$source" ] || python3 scripts/gen-corpus.py "$posts" "$bench/corpus-$posts" --forms export >/dev/null
else
  source=$bench/single-$messages
  [ -f "$source/channel/result.json" ] || python3 scripts/gen-export.py "$messages" "$source/channel" >/dev/null
fi
root=$PWD
change_content() { python3 "$root/scripts/change-content.py" "$1" "$change-$kind" "$2"; }
binary() { [ "$1" = a ] && echo "$old_bin" || echo "$new"; }
for side in a b; do
  project=$bench/ab-rebuild-$side
  rm -rf "$project" && mkdir -p "$project" && cp -r "$source" "$project/Content"
  (cd "$project" && "$(binary $side)" build --quiet >/dev/null 2>&1 && change_content Content warm && "$(binary $side)" build --quiet >/dev/null 2>&1)
done
: >"$bench/ab-rebuild.times"
echo "$commit (A) against the working tree (B): $form, $messages messages, $change, $runs runs each, alternating"
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
