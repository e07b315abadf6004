#!/usr/bin/env bash
# The parser scored against the hand-made gold annotations of the five sample dumps, with the
# scorer that ships beside the project (../shared/tools/score-dumps). A check developers run
# when they change the parser ("0 failed" must hold); the tests keep the samples' parses as
# golden files (Tests/ChansiteKitTests/Ingest/SampleDumpTests.swift) and need no scorer.
# Usage: scripts/score-samples.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scorer=../shared/tools/score-dumps
if [ ! -x "$scorer" ]; then
  echo "score-samples: $scorer not found (it comes with the project's shared folder)" >&2
  exit 2
fi
[ -x .build/release/chansite ] || swift build -c release --product chansite
"$scorer" --chansite .build/release/chansite
