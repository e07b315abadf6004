#!/usr/bin/env bash
# Load test of `chansite serve` beside `python3 -m http.server` on the same folder, with wrk:
# 64 connections for 10 s on a post page and on the largest search postings file. Usage: scripts/bench-serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/chansite
[ -x "$bin" ] || swift build -c release --product chansite
out=$(mktemp -d)
"$bin" serve --no-watch --port 18731 --output "$out/site" >/dev/null 2>&1 &
serve_pid=$!
python3 -m http.server 18732 --bind 127.0.0.1 --directory "$out/site" >/dev/null 2>&1 &
py_pid=$!
trap 'kill $serve_pid $py_pid 2>/dev/null; rm -rf "$out"' EXIT
for _ in $(seq 100); do curl -s -o /dev/null http://127.0.0.1:18731/ && curl -s -o /dev/null http://127.0.0.1:18732/ && break; sleep 0.2; done
post=$(cd "$out/site" && find channels -name '*.html' ! -name 'index.html' ! -name 'page-*' | sort | head -1)
shard=$(cd "$out/site" && ls -S search/postings/*/*.js | head -1)
for target in "$post" "$shard"; do
  for server in "chansite serve:18731" "python http.server:18732"; do
    name=${server%:*}; port=${server##*:}
    result=$(wrk -t2 -c64 -d10s "http://127.0.0.1:$port/$target" 2>&1)
    rps=$(echo "$result" | awk '/Requests\/sec/ {print $2}')
    errors=$(echo "$result" | awk '/Socket errors|Non-2xx/ {print}' | tr '\n' ' ')
    printf "%-20s %-60s %10s req/s  %s\n" "$name" "${target:0:60}" "$rps" "${errors:-0 errors}"
  done
done
