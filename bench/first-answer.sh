#!/usr/bin/env bash
# Start to first answer: starts the Release web app on the given database and polls /api/v1/match until it
# answers 200; prints the time from process start, the web process's CPU time and the load average, and the log lines
# (with times) that say when the app listened and when the snapshot load started and ended.
# Usage: bench/first-answer.sh "<connection string>" [port]   (WAYMARK_WEB_DLL=path: another build, e.g. a ReadyToRun publish)
#   WATCH=N: keep the server up N seconds after its first answer (the background work a start sets off, such as the
#   commissioning snapshots' refresh, runs then) and print the process's peak memory (VmHWM) at the first answer and after.
set -euo pipefail
cd "$(dirname "$0")/.."
DB="$1"; PORT="${2:-5791}"
LOG="$(mktemp /tmp/waymark-first-answer.XXXXXX.log)"
cd src/Waymark.Web
start=$(date +%s.%N)
WAYMARK_DATABASE="$DB" WAYMARK_SAMPLE_DATA=none ASPNETCORE_ENVIRONMENT=Production \
  Logging__Console__FormatterName=simple Logging__Console__FormatterOptions__TimestampFormat="HH:mm:ss.fff " \
  dotnet "${WAYMARK_WEB_DLL:-bin/Release/net10.0/Waymark.Web.dll}" --urls "http://127.0.0.1:$PORT" >"$LOG" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/api/v1/match?near=53.8008,-1.5491"; do
  kill -0 $pid 2>/dev/null || { echo "server exited"; cat "$LOG"; exit 1; }
  sleep 0.05
done
end=$(date +%s.%N)
cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14+$15)/hz}' "/proc/$pid/stat")
printf 'start to first answer: %.2f s, web process CPU %s s (load %s)\n' "$(echo "$end - $start" | bc)" "$cpu" "$(cut -d' ' -f1-3 /proc/loadavg)"
echo "process started $(date -d "@$start" +%H:%M:%S.%3N)"
grep -B1 -E "Now listening|Loading the directory snapshot|snapshot rebuilt" "$LOG" | grep -v "^--" | paste - - || true
peak() { awk '/VmHWM/{printf "%.0f MB", $2/1024}' "/proc/$pid/status"; }
echo "peak memory at the first answer: $(peak)"
if [ "${WATCH:-0}" -gt 0 ]; then
  sleep "$WATCH"
  kill -0 $pid 2>/dev/null || { echo "server exited while watched"; tail -20 "$LOG"; exit 1; }
  echo "peak memory ${WATCH} s later: $(peak) (load $(cut -d' ' -f1-3 /proc/loadavg))"
fi
