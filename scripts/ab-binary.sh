# Sourced by the A/B benchmarks: `ab_binary REV` prints the path of chansite built at REV, in a
# git worktree under BENCH_DIR (kept for later runs; built on first use).
ab_binary() {
  local bench=${BENCH_DIR:-/tmp/chansite-bench}
  local commit
  commit=$(git rev-parse --short "$1")
  local old=$bench/ab-$commit
  if [ ! -x "$old/.build/release/chansite" ]; then
    [ -d "$old" ] || git worktree add --detach "$old" "$commit" >/dev/null
    (cd "$old" && swift build -c release --product chansite >/dev/null)
  fi
  echo "$old/.build/release/chansite"
}

# Prints the path of the working tree's chansite, built first if it is not.
ab_new_binary() {
  [ -x .build/release/chansite ] || swift build -c release --product chansite >/dev/null
  echo "$PWD/.build/release/chansite"
}
