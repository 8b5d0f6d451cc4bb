#!/usr/bin/env bash
# The wrk figures of issue 3 against one running server, in one run so they share the machine's load:
#   1. /api/v1/match replaying the 1,000 bench searches in turn (searches repeat, as real ones do: the answer cache helps)
#   2. /api/v1/match with every request different (an ignored parameter numbers each one: the cache never helps)
#   3. /health, the trivial endpoint the target compares with
# each 64 connections for 30 s after a warm-up, with the server's CPU per request from /proc.
# Usage: bench/wrk-match.sh http://127.0.0.1:PORT SERVER_PID QUERIES_FILE [OUT_DIR]
#   WARM_UP=45 (seconds of warm-up at 16 connections; a cold server is still compiling its hot code)
set -euo pipefail
cd "$(dirname "$0")/.."
URL="$1"; PID="$2"; QUERIES="$3"; OUT="${4:-$(mktemp -d /tmp/waymark-wrk.XXXXXX)}"
mkdir -p "$OUT"
ticks() { awk '{print $14+$15}' "/proc/$PID/stat"; }
hz=$(getconf CLK_TCK)

WAYMARK_BENCH_QUERIES="$QUERIES" WAYMARK_BENCH_UNREPEATED=1 wrk -t2 -c16 -d"${WARM_UP:-45}"s -s bench/match.lua "$URL" >/dev/null

run() { # label, then wrk's arguments
  local label="$1"; shift
  local t0 t1 n
  t0=$(ticks)
  wrk -t2 -c64 -d30s --latency "$@" >"$OUT/wrk-$label.txt"
  t1=$(ticks)
  n=$(grep -oP '^\s*\K\d+(?= requests in)' "$OUT/wrk-$label.txt")
  # wrk prints "Non-2xx or 3xx responses" (its count of 4xx/5xx) and "Socket errors" only when there are some.
  printf '%-18s %9s req/s  p50 %-8s p99 %-8s CPU/request %.3f ms  errors: %s\n' "$label" \
    "$(awk '/Requests\/sec/{print $2}' "$OUT/wrk-$label.txt")" "$(awk '$1=="50%"{print $2}' "$OUT/wrk-$label.txt")" \
    "$(awk '$1=="99%"{print $2}' "$OUT/wrk-$label.txt")" "$(echo "($t1-$t0)*1000/$hz/$n" | bc -l)" \
    "$(grep -h -E 'Non-2xx|Socket errors' "$OUT/wrk-$label.txt" | tr '\n' ' ' | grep . || echo none)"
}
WAYMARK_BENCH_QUERIES="$QUERIES" run match-replayed -s bench/match.lua "$URL"
WAYMARK_BENCH_QUERIES="$QUERIES" WAYMARK_BENCH_UNREPEATED=1 run match-unrepeated -s bench/match.lua "$URL"
run health "$URL/health"
awk -v a="$(awk '/Requests\/sec/{print $2}' "$OUT/wrk-match-replayed.txt")" -v b="$(awk '/Requests\/sec/{print $2}' "$OUT/wrk-match-unrepeated.txt")" \
    -v h="$(awk '/Requests\/sec/{print $2}' "$OUT/wrk-health.txt")" \
    'BEGIN { printf "match ÷ /health: replayed %.0f%%, unrepeated %.1f%% (target ≥ 50%%)\n", 100*a/h, 100*b/h }'
echo "server RSS $(awk '/VmRSS/{printf "%.0f MB", $2/1024}' "/proc/$PID/status"), load $(cut -d' ' -f1-3 /proc/loadavg), wrk output in $OUT"
