#!/usr/bin/env bash
# The wrk figures of issues 3 and 20 against one running server, in one run so they share the machine's load:
#   1. /api/v1/match replaying the 1,000 bench searches in turn (searches repeat, as real ones do: the answer cache helps)
#   2. /api/v1/match with every request different (an ignored parameter numbers each one: the cache never helps)
#   3. /find/results, the page, cycling the same 1,000 searches (the page keeps no answers: every request is a full search)
#   4. a static file (/css/waymark.css), the yardstick of issue 20
#   5. /health, the trivial endpoint issue 3 compared with
# each 64 connections for 30 s after a warm-up, with the server's CPU per request from /proc.
# Usage: bench/wrk-match.sh http://127.0.0.1:PORT SERVER_PID QUERIES_FILE [OUT_DIR]
#   WARM_UP=45 (seconds of warm-up at 16 connections; a cold server is still compiling its hot code)
#   DURATION=30 (seconds of each measured run)
set -euo pipefail
cd "$(dirname "$0")/.."
URL="$1"; PID="$2"; QUERIES="$3"; OUT="${4:-$(mktemp -d /tmp/waymark-wrk.XXXXXX)}"
mkdir -p "$OUT"
ticks() { awk '{print $14+$15}' "/proc/$PID/stat"; }
hz=$(getconf CLK_TCK)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

WAYMARK_BENCH_QUERIES="$QUERIES" WAYMARK_BENCH_UNREPEATED=1 wrk -t2 -c16 -d"${WARM_UP:-45}"s -s bench/match.lua "$URL" >/dev/null
WAYMARK_BENCH_QUERIES="$QUERIES" WAYMARK_BENCH_PATH=/find/results wrk -t2 -c16 -d"$(( (${WARM_UP:-45} + 2) / 3 ))"s -s bench/match.lua "$URL" >/dev/null

rps() { awk '/Requests\/sec/{print $2}' "$OUT/wrk-$1.txt"; }
run() { # label, then wrk's arguments
  local label="$1"; shift
  local t0 t1 n
  t0=$(ticks)
  wrk -t2 -c64 -d"${DURATION:-30}"s --latency "$@" >"$OUT/wrk-$label.txt"
  t1=$(ticks)
  n=$(grep -oP '^\s*\K\d+(?= requests in)' "$OUT/wrk-$label.txt")
  # wrk prints "Non-2xx or 3xx responses" (its count of 4xx/5xx) and "Socket errors" only when there are some.
  printf '%-18s %9s req/s  p50 %-8s p99 %-8s CPU/request %.3f ms  load %s  errors: %s\n' "$label" \
    "$(rps "$label")" "$(awk '$1=="50%"{print $2}' "$OUT/wrk-$label.txt")" \
    "$(awk '$1=="99%"{print $2}' "$OUT/wrk-$label.txt")" "$(echo "($t1-$t0)*1000/$hz/$n" | bc -l)" \
    "$(cut -d' ' -f1 /proc/loadavg)" \
    "$(grep -h -E 'Non-2xx|Socket errors' "$OUT/wrk-$label.txt" | tr '\n' ' ' | grep . || echo none)"
}
run static-file "$URL/css/waymark.css"
WAYMARK_BENCH_QUERIES="$QUERIES" run match-replayed -s bench/match.lua "$URL"
WAYMARK_BENCH_QUERIES="$QUERIES" WAYMARK_BENCH_UNREPEATED=1 run match-unrepeated -s bench/match.lua "$URL"
WAYMARK_BENCH_QUERIES="$QUERIES" WAYMARK_BENCH_PATH=/find/results run results-page -s bench/match.lua "$URL"
run health "$URL/health"
awk -v a="$(rps match-replayed)" -v b="$(rps match-unrepeated)" -v p="$(rps results-page)" -v s="$(rps static-file)" -v h="$(rps health)" \
    'BEGIN { printf "unrepeated ÷ static file %.3f (target ≥ 0.25); results page ÷ unrepeated %.2f (target ≥ 0.5); page ÷ static file %.3f\n", b/s, p/b, p/s;
             printf "replayed ÷ /health %.0f%%, unrepeated ÷ /health %.1f%%, static file ÷ /health %.2f\n", 100*a/h, 100*b/h, s/h }'
echo "server RSS $(awk '/VmRSS/{printf "%.0f MB", $2/1024}' "/proc/$PID/status"), load after: $(cut -d' ' -f1-3 /proc/loadavg), wrk output in $OUT"
