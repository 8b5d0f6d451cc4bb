#!/usr/bin/env bash
# Start to first answer: starts the Release web app on the given database and polls /api/v1/match until it
# answers 200; prints the time from process start and the snapshot load line from the log.
# Usage: bench/first-answer.sh "<connection string>" [port]
set -euo pipefail
cd "$(dirname "$0")/.."
DB="$1"; PORT="${2:-5791}"
LOG="$(mktemp /tmp/waymark-first-answer.XXXXXX.log)"
cd src/Waymark.Web
start=$(date +%s.%N)
WAYMARK_DATABASE="$DB" WAYMARK_SAMPLE_DATA=none ASPNETCORE_ENVIRONMENT=Production \
  dotnet bin/Release/net10.0/Waymark.Web.dll --urls "http://127.0.0.1:$PORT" >"$LOG" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/api/v1/match?near=53.8008,-1.5491"; do
  kill -0 $pid 2>/dev/null || { echo "server exited"; cat "$LOG"; exit 1; }
  sleep 0.05
done
end=$(date +%s.%N)
cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14+$15)/hz}' "/proc/$pid/stat")
printf 'start to first answer: %.2f s, web process CPU %s s (load %s)\n' "$(echo "$end - $start" | bc)" "$cpu" "$(cut -d' ' -f1-3 /proc/loadavg)"
grep -m1 "snapshot rebuilt" "$LOG" || true
