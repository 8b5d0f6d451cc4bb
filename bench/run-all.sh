#!/usr/bin/env bash
# Every figure in docs/benchmarks.md "Matching at national scale (issue 3)", end to end. Takes a long time
# (the EF Core baseline alone is ~2 s a search on a loaded 2-core machine). Run from anywhere, as root or a
# user who can run PostgreSQL's initdb. Output goes to bench/results/ (not committed).
#   BASELINE_QUERIES=1000 (default) — how many of the 1,000 searches the baseline runs
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
OUT="$ROOT/bench/results"; mkdir -p "$OUT"
WORK="$(mktemp -d /tmp/waymark-bench.XXXXXX)"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
PG_PORT=55491; WEB_PORT=5790
BASELINE_QUERIES="${BASELINE_QUERIES:-1000}"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$WORK"
cleanup() { [ -n "${WEB_PID:-}" ] && kill "$WEB_PID" 2>/dev/null; as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT
command -v wrk >/dev/null || apt-get install -y wrk

echo "== build (Release)"
dotnet build Waymark.sln -c Release -nologo -clp:ErrorsOnly
W="dotnet src/Waymark.Cli/bin/Release/net10.0/waymark.dll"
BENCH="dotnet bench/Waymark.Bench/bin/Release/net10.0/Waymark.Bench.dll"

echo "== throwaway PostgreSQL on $PG_PORT, and the 100k directory imported with the CLI"
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U postgres -A trust --no-sync >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
DB="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=waymark_bench"
$W generate --services 100000 --seed 1 --out "$WORK/feed100k.json"
$W import oruk "$WORK/feed100k.json" --database "$DB"
rm -f "$WORK/feed100k.json"

echo "== per-search medians (10k, 100k, 1M), memory, and the EF Core baseline at 100k"
WAYMARK_BENCH_POSTGRES="$DB" $BENCH --per-query --sizes 10000,100000,1000000 --baseline-queries "$BASELINE_QUERIES" | tee "$OUT/per-query.txt"

echo "== full snapshot rebuild from PostgreSQL at 100k"
WAYMARK_BENCH_POSTGRES="$DB" $BENCH --rebuild 3 | tee "$OUT/rebuild.txt"

echo "== start to first answer (PostgreSQL; the first run also applies migrations)"
bench/first-answer.sh "$DB" "$WEB_PORT" | tee "$OUT/first-answer.txt"
bench/first-answer.sh "$DB" "$WEB_PORT" | tee -a "$OUT/first-answer.txt"

echo "== edit to search: 20 editor-path saves, each timed until the snapshot searches read has it (PostgreSQL)"
$BENCH --edit-to-search 20 --database "$DB" | tee "$OUT/edit-to-search.txt"

echo "== the same on SQLite: the 100k directory imported into a file, first answer and edit to search"
SQLITE_DB="Data Source=$WORK/bench100k.db"
$W generate --services 100000 --seed 1 --out "$WORK/feed100k.json"
$W import oruk "$WORK/feed100k.json" --database "$SQLITE_DB"
rm -f "$WORK/feed100k.json"
bench/first-answer.sh "$SQLITE_DB" "$WEB_PORT" | tee -a "$OUT/first-answer.txt"
bench/first-answer.sh "$SQLITE_DB" "$WEB_PORT" | tee -a "$OUT/first-answer.txt"
$BENCH --edit-to-search 20 --database "$SQLITE_DB" | tee -a "$OUT/edit-to-search.txt"

echo "== wrk: 64 connections, 30 s each: /api/v1/match replayed and unrepeated, and /health, on one server"
$BENCH --write-queries "$WORK/queries.txt"
(cd src/Waymark.Web && exec env WAYMARK_DATABASE="$DB" WAYMARK_SAMPLE_DATA=none ASPNETCORE_ENVIRONMENT=Production dotnet bin/Release/net10.0/Waymark.Web.dll --urls "http://127.0.0.1:$WEB_PORT" >"$WORK/web.log" 2>&1) &
WEB_PID=$!
until curl -fsS -o /dev/null "http://127.0.0.1:$WEB_PORT/api/v1/match?near=53.8008,-1.5491"; do sleep 0.2; done
bench/wrk-match.sh "http://127.0.0.1:$WEB_PORT" "$WEB_PID" "$WORK/queries.txt" "$OUT" | tee "$OUT/wrk.txt"

echo "== BenchmarkDotNet (mean per search; one op = one search)"
$BENCH --filter '*MatchBenchmarks*' | tee "$OUT/benchmarkdotnet.txt"
