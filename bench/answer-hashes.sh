#!/usr/bin/env bash
# Proof that a change to the search path leaves every answer byte-identical: fetches each bench search (one query
# string a line, from `Waymark.Bench --write-queries FILE`) from /api/v1/match and /find/results of a running server
# and prints one SHA-256 per answer, then one over all of them. Run it against the old build and the new one, on the
# same database and the same day (every bench search carries its own `at`; listings' freshness is judged by the day),
# and compare the last lines (or diff the whole outputs to find the search that differs).
# Usage: bench/answer-hashes.sh http://127.0.0.1:PORT QUERIES_FILE > hashes.txt
set -euo pipefail
URL="$1"; QUERIES="$2"
all=$(mktemp)
while IFS= read -r q; do
  for path in /api/v1/match /find/results; do
    h=$(curl -sS --fail "$URL$path?$q" | sha256sum | cut -c1-64)
    echo "$h $path?$q" | tee -a "$all"
  done
done <"$QUERIES"
echo "all $(cut -d' ' -f1 "$all" | sha256sum | cut -c1-64)"
rm -f "$all"
