#!/usr/bin/env bash
# The one test command. Installs what is missing, starts a throwaway PostgreSQL cluster on a free port,
# runs every test against SQLite and then PostgreSQL, runs the browser tests and the cluster test
# (tests/cluster/run.sh), stops PostgreSQL, and ends with one line "N passed, N failed[, N skipped]"
# summed over every suite. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
ROOT="$(pwd)"
RESULTS="$ROOT/test-results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '\n== %s\n' "$*"; }
failures=0

# ---- 1. What the tests need -------------------------------------------------------------------
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
need_apt=()
[ -x "$PG_BIN/initdb" ] || need_apt+=(postgresql)
if [ -f tests/Waymark.BrowserTests/Waymark.BrowserTests.csproj ] && ! command -v chromium >/dev/null; then need_apt+=(chromium); fi
if [ -f tests/cluster/run.sh ] && ! command -v haproxy >/dev/null; then need_apt+=(haproxy); fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    say "Installing ${need_apt[*]} from Debian's packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null || { echo "apt-get install failed"; exit 1; }
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  else
    echo "Missing: ${need_apt[*]}. Install them (sudo apt-get install ${need_apt[*]}) and run again."; exit 1
  fi
fi

# ---- 2. A throwaway PostgreSQL cluster on a free port ------------------------------------------
PG_DIR="$(mktemp -d /tmp/waymark-pg.XXXXXX)"
PG_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
stop_pg() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1; rm -rf "$PG_DIR"; }
trap stop_pg EXIT
say "Starting PostgreSQL on port $PG_PORT"
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust --no-sync >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log"; exit 1; }
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { cat "$PG_DIR/server.log"; exit 1; }
export WAYMARK_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"

# ---- 3. Build once ----------------------------------------------------------------------------
say "Building"
dotnet tool restore >/dev/null
if ! dotnet build Waymark.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"; exit 1
fi

# ---- 4. Format: the code reads the way .editorconfig says ------------------------------------
say "Format check"
if ! dotnet format Waymark.sln --verify-no-changes --no-restore; then
  echo "Formatting differs from .editorconfig: run 'dotnet format Waymark.sln' and commit the result."
  failures=$((failures + 1))
fi

# ---- 5. The suites ----------------------------------------------------------------------------
run_suite() { # name project [env...]
  local name="$1" project="$2"; shift 2
  say "Tests: $name"
  local errors="$RESULTS/$name-server-errors.log"
  if ! env WAYMARK_TEST_SERVER_ERRORS="$errors" "$@" dotnet test "$project" -c Release --no-build --nologo \
       --logger "trx;LogFileName=$RESULTS/$name.trx" --logger "console;verbosity=minimal"; then
    failures=$((failures + 1))
    # A failed test may have seen only "500": the in-process app wrote the exception behind each one here.
    if [ -s "$errors" ]; then
      echo "-- unhandled exceptions in requests during the $name run ($errors)"
      head -c 30000 "$errors"
    fi
  fi
  [ -f "$RESULTS/$name.trx" ] || { echo "$name: no results written"; failures=$((failures + 1)); }
}

run_suite sqlite tests/Waymark.Tests WAYMARK_TEST_DATABASE=sqlite
run_suite postgres tests/Waymark.Tests WAYMARK_TEST_DATABASE=postgres
if [ -f tests/Waymark.BrowserTests/Waymark.BrowserTests.csproj ]; then
  before=$failures
  run_suite browser tests/Waymark.BrowserTests WAYMARK_TEST_DATABASE=sqlite WAYMARK_CHROMIUM="$(command -v chromium)"
  if [ "$failures" -gt "$before" ]; then
    # What the app under the browser said: its warnings and errors, and any request that took a second or more.
    for log in "$RESULTS"/browser/app-*.log; do
      [ -f "$log" ] || continue
      echo "-- $log (warnings, errors, slow requests)"
      grep -E -A3 '(^| )(warn|fail|crit): ' "$log" | head -80
      grep -E 'Request finished .* - [0-9]+ .* [0-9]{4,}\.[0-9]+ms' "$log" | head -40
    done
  fi
fi

# ---- 6. The cluster test: a primary, a streaming standby, three nodes behind HAProxy ----------------
# As root it runs the PostgreSQL servers as the postgres user (as above); otherwise as whoever runs this.
cluster_passed=0; cluster_failed=0
if [ -f tests/cluster/run.sh ]; then
  say "Cluster test"
  timeout 1800 bash tests/cluster/run.sh 2>&1 | tee "$RESULTS/cluster.log"
  summary="$(grep -E '^cluster: [0-9]+ passed, [0-9]+ failed' "$RESULTS/cluster.log" | tail -1)"
  if [ -n "$summary" ]; then
    read -r cluster_passed cluster_failed < <(sed -E 's/^cluster: ([0-9]+) passed, ([0-9]+) failed.*/\1 \2/' <<<"$summary")
  else
    echo "cluster: no summary line (it stopped early or timed out)"; cluster_failed=1
  fi
fi

# ---- 7. One line of our own -------------------------------------------------------------------
read -r passed failed skipped < <(python3 - "$RESULTS" <<'PY'
import glob, re, sys
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    text = open(path, encoding="utf-8").read()
    m = re.search(r"<Counters ([^>]*)/>", text)
    if not m:
        f += 1
        continue
    c = dict(re.findall(r'(\w+)="(\d+)"', m.group(1)))
    p += int(c.get("passed", 0))
    f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    s += int(c.get("notExecuted", 0))
print(p, f, s)
PY
)
passed=$((passed + cluster_passed)); failed=$((failed + cluster_failed))
# A suite that crashed or wrote no results counts as a failure too, so the line never hides one.
if [ "$failed" = 0 ] && [ "$failures" != 0 ]; then failed=$failures; fi
if [ "$passed" = 0 ]; then failed=$((failed + 1)); fi
line="$passed passed, $failed failed"
[ "$skipped" != 0 ] && line="$line, $skipped skipped"
echo
echo "$line"
[ "$failed" = 0 ]
