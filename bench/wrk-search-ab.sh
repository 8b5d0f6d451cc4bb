#!/usr/bin/env bash
# Issue 20's figures in one command: starts the old and the new build of the web server in turn on the same
# directory and runs bench/wrk-match.sh against each (static file, searches replayed and unrepeated, the results
# page, /health), ROUNDS times, alternating (old first in odd rounds, new first in even ones), so that both builds see
# the same shared machine. Use an even ROUNDS. Compare ratios against the static file, not absolute requests/s.
# Usage: bench/wrk-search-ab.sh OLD_WEB_BIN NEW_WEB_BIN "Data Source=100k.db" QUERIES_FILE [ROUNDS] [OUT_DIR]
#   OLD_WEB_BIN / NEW_WEB_BIN: a Release output folder holding Waymark.Web.dll (with wwwroot copied in beside it).
#   WAYMARK_KEY_CERTIFICATE must name a key certificate (Production refuses to start without one; README "Key protection").
#   WARM_UP, DURATION: as for bench/wrk-match.sh. PORT=5921.
set -euo pipefail
cd "$(dirname "$0")/.."
OLD="$1"; NEW="$2"; DB="$3"; QUERIES="$4"; ROUNDS="${5:-2}"; OUT="${6:-$(mktemp -d /tmp/waymark-ab.XXXXXX)}"
PORT="${PORT:-5921}"
: "${WAYMARK_KEY_CERTIFICATE:?set WAYMARK_KEY_CERTIFICATE to a key certificate}"
first=$(head -1 "$QUERIES")
for round in $(seq 1 "$ROUNDS"); do
  # Each round swaps which build goes first: the second server of a pair measured ~10 % slower whichever build it was
  # (7 Dec 2026, docs/benchmarks.md "ninth round"), so a fixed order favours the old build.
  order="old new"; [ $((round % 2)) -eq 0 ] && order="new old"
  for build in $order; do
    dir=$([ "$build" = old ] && echo "$OLD" || echo "$NEW")
    (cd "$dir" && WAYMARK_DATABASE="$DB" WAYMARK_SAMPLE_DATA=none ASPNETCORE_ENVIRONMENT=Production \
      exec dotnet Waymark.Web.dll --urls "http://127.0.0.1:$PORT" >"$OUT/server-$build-$round.log" 2>&1) &
    pid=$!
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/match?$first" || true)" = 200 ]; do
      kill -0 "$pid" || { echo "server $build exited: see $OUT/server-$build-$round.log"; exit 1; }
      sleep 2
    done
    echo "== round $round, $build ($dir)"
    bench/wrk-match.sh "http://127.0.0.1:$PORT" "$pid" "$QUERIES" "$OUT/$build-$round" | tee "$OUT/summary-$build-$round.txt"
    kill "$pid"; wait "$pid" || true
  done
done
echo "all output in $OUT"
