#!/usr/bin/env bash
# The cluster test (issue #18): on this one machine, a PostgreSQL primary with a streaming standby and WAL
# archive, three Waymark web nodes on loopback ports behind HAProxy, then checks with figures that the nodes
# share everything a person depends on. Prints each check as "PASS name: figures" or "FAIL name: figures" and
# ends with "cluster: N passed, N failed". Needs PostgreSQL's server binaries, haproxy, python3 and a built
# Waymark.Web (the newer of Release and Debug). As root the servers run as the postgres user, else as you.
# CLUSTER_CHECKS="failover referrals" runs only the named sections (of: replication signups killed search referrals
# restore failover crash) after the same set-up, to iterate on one; unset, it runs them all. CLUSTER_SYNCHRONOUS=1
# makes the crash check's primary wait for its standby at each commit (synchronous_standby_names = '*'), and then
# requires that the crash lost nothing acknowledged.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
WORK="$(mktemp -d /tmp/waymark-cluster.XXXXXX)"
chmod 755 "$WORK"
passed=0; failed=0
pass() { passed=$((passed + 1)); echo "PASS $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
say() { printf '\n== %s\n' "$*"; }
want() { [ -z "${CLUSTER_CHECKS:-}" ] || [[ " $CLUSTER_CHECKS " == *" $1 "* ]]; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

for tool in "$PG_BIN/initdb" "$(command -v haproxy)" "$(command -v python3)"; do
  [ -x "$tool" ] || { echo "cluster: missing ${tool:-a tool} (PostgreSQL server, haproxy, python3)"; echo "cluster: 0 passed, 1 failed"; exit 1; }
done
# The newer of the two builds, so a forgotten old Release build is never what gets tested.
CONFIG=Release
[ "$ROOT/src/Waymark.Web/bin/Release/net10.0/Waymark.Web.dll" -nt "$ROOT/src/Waymark.Web/bin/Debug/net10.0/Waymark.Web.dll" ] \
  || [ ! -f "$ROOT/src/Waymark.Web/bin/Debug/net10.0/Waymark.Web.dll" ] || CONFIG=Debug
WEB_DLL="$ROOT/src/Waymark.Web/bin/$CONFIG/net10.0/Waymark.Web.dll"
CLI_DLL="$ROOT/src/Waymark.Cli/bin/$CONFIG/net10.0/waymark.dll"
[ -f "$WEB_DLL" ] || { echo "cluster: build src/Waymark.Web first"; echo "cluster: 0 passed, 1 failed"; exit 1; }

PRIMARY_PORT=$(free_port); STANDBY_PORT=$(free_port); PROXY_PORT=$(free_port)
NODE_PORTS=($(free_port) $(free_port) $(free_port))
NODE_PIDS=()
PROXY_PID=""
[ "$(id -u)" = 0 ] && chown postgres "$WORK"

cleanup() {
  for pid in "${NODE_PIDS[@]}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null; done
  [ -n "$PROXY_PID" ] && kill "$PROXY_PID" 2>/dev/null
  for d in primary standby restored rebuilt; do
    [ -d "$WORK/$d" ] && as_pg "$PG_BIN/pg_ctl" -D "$WORK/$d" -m immediate stop >/dev/null 2>&1
  done
  wait 2>/dev/null
  if [ "${KEEP_CLUSTER_WORK:-}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

pg_start() { # dir port
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/$1" -l "$WORK/$1.log" -w -t 60 \
    -o "-p $2 -k $WORK -c listen_addresses=127.0.0.1" start >/dev/null || { cat "$WORK/$1.log"; return 1; }
}
psql_at() { # port sql  (tuples only, one value)
  as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$1" -U postgres -d waymark -XAtq -c "$2"
}

# ---- The database: a primary archiving its WAL, a streaming standby, a base backup for the drill --------
say "PostgreSQL primary on $PRIMARY_PORT, standby on $STANDBY_PORT"
mkdir -p "$WORK/archive" && [ "$(id -u)" = 0 ] && chown postgres "$WORK/archive"
as_pg "$PG_BIN/initdb" -D "$WORK/primary" -U postgres -A trust --no-sync >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log"; exit 1; }
cat >>"$WORK/primary/postgresql.conf" <<CONF
wal_level = replica
max_wal_senders = 5
archive_mode = on
archive_command = 'test ! -f $WORK/archive/%f && cp %p $WORK/archive/%f'
archive_timeout = 5
max_connections = 300
fsync = off
CONF
pg_start primary "$PRIMARY_PORT" || exit 1
as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -XAtq -c "CREATE DATABASE waymark" >/dev/null
as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$WORK/standby" -R -X stream -c fast --no-sync || exit 1
pg_start standby "$STANDBY_PORT" || exit 1
# The drill's base backup: taken now, restored at the end with the WAL archived since.
as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$WORK/base" -X none --no-sync -c fast || exit 1

# Both hosts in both strings, as in production (docs/operations.md §3): writes find whichever is primary now, so a
# promoted standby takes them without a restart; reads prefer a standby and fall back to the primary.
DB="Host=127.0.0.1:$PRIMARY_PORT,127.0.0.1:$STANDBY_PORT;Target Session Attributes=read-write;Username=postgres;Database=waymark"
READ_DB="Host=127.0.0.1:$STANDBY_PORT,127.0.0.1:$PRIMARY_PORT;Target Session Attributes=prefer-standby;Username=postgres;Database=waymark"

# ---- The web nodes, all alike, behind HAProxy ---------------------------------------------------------
mkdir -p "$WORK/outbox" "$WORK/keys"
openssl req -x509 -newkey rsa:2048 -sha256 -days 30 -nodes -subj "/CN=Waymark cluster test" \
  -keyout "$WORK/keys/k.key" -out "$WORK/keys/k.crt" 2>/dev/null && cat "$WORK/keys/k.crt" "$WORK/keys/k.key" >"$WORK/keys/ring.pem"

start_node() { # index
  local i=$1
  (cd "$ROOT/src/Waymark.Web" && exec env ASPNETCORE_ENVIRONMENT=Production \
    WAYMARK_DATABASE="$DB" WAYMARK_DATABASE_READ="$READ_DB" WAYMARK_SAMPLE_DATA=yorkshire-and-humber \
    WAYMARK_KEY_CERTIFICATE="$WORK/keys/ring.pem" WAYMARK_OUTBOX_FOLDER="$WORK/outbox" WAYMARK_OUTBOX_POLL_SECONDS=0.5 \
    WAYMARK_TRUSTED_PROXIES=127.0.0.1 WAYMARK_SIGN_IN_ATTEMPTS_PER_MINUTE=100000 \
    WAYMARK_PUBLIC_URL="http://127.0.0.1:$PROXY_PORT/" \
    dotnet "$WEB_DLL" --urls "http://127.0.0.1:${NODE_PORTS[$i]}") >>"$WORK/node$i.log" 2>&1 &
  NODE_PIDS[$i]=$!
}
wait_healthy() { # index [seconds]
  local i=$1 until=$((SECONDS + ${2:-120}))
  while [ $SECONDS -lt $until ]; do
    curl -fsS -m 10 "http://127.0.0.1:${NODE_PORTS[$i]}/health" >/dev/null 2>&1 && return 0
    kill -0 "${NODE_PIDS[$i]}" 2>/dev/null || { tail -30 "$WORK/node$i.log"; return 1; }
    sleep 0.5
  done
  tail -30 "$WORK/node$i.log"; return 1
}

say "Web nodes on ${NODE_PORTS[*]} ($CONFIG build)"
# The first node migrates and seeds; the others start beside each other once it has.
start_node 0; wait_healthy 0 300 || { fail "node A started"; echo "cluster: $passed passed, $failed failed"; exit 1; }
t0=$SECONDS
start_node 1; start_node 2
wait_healthy 1 300 && wait_healthy 2 300 && pass "nodes started: B and C serving within $((SECONDS - t0)) s" \
  || { fail "nodes B and C started"; echo "cluster: $passed passed, $failed failed"; exit 1; }

sed -e "s/@PROXY_PORT@/$PROXY_PORT/" -e "s/@A@/${NODE_PORTS[0]}/" -e "s/@B@/${NODE_PORTS[1]}/" -e "s/@C@/${NODE_PORTS[2]}/" \
  -e "s/@SIGN_IN_POSTS@/100000/" "$HERE/haproxy.cfg" >"$WORK/haproxy.cfg"
haproxy -f "$WORK/haproxy.cfg" -db >"$WORK/haproxy.log" 2>&1 &
PROXY_PID=$!
for _ in $(seq 1 50); do curl -fsS -m 2 "http://127.0.0.1:$PROXY_PORT/health" >/dev/null 2>&1 && break; sleep 0.2; done

# ---- The checks ---------------------------------------------------------------------------------------
export WORK PROXY_PORT PRIMARY_PORT STANDBY_PORT PG_BIN CLI_DLL DB
export NODE_A="http://127.0.0.1:${NODE_PORTS[0]}" NODE_B="http://127.0.0.1:${NODE_PORTS[1]}" NODE_C="http://127.0.0.1:${NODE_PORTS[2]}"
export PROXY="http://127.0.0.1:$PROXY_PORT"
checks() { # step
  python3 "$HERE/checks.py" "$1" | while IFS= read -r line; do echo "$line"; done
}
record() { # reads check output, counts PASS/FAIL lines
  local out; out="$(python3 "$HERE/checks.py" "$@" 2>&1)"; echo "$out"
  passed=$((passed + $(grep -c '^PASS' <<<"$out")))
  failed=$((failed + $(grep -c '^FAIL' <<<"$out")))
  grep -q '^\(PASS\|FAIL\)' <<<"$out" || failed=$((failed + 1))
}

if want replication; then
say "Replication"
standby_in_recovery=$(as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$STANDBY_PORT" -U postgres -d waymark -XAtq -c "SELECT pg_is_in_recovery()")
services_primary=$(psql_at "$PRIMARY_PORT" "SELECT count(*) FROM service")
sleep 1
services_standby=$(psql_at "$STANDBY_PORT" "SELECT count(*) FROM service")
if [ "$standby_in_recovery" = t ] && [ "$services_primary" -gt 0 ] && [ "$services_primary" = "$services_standby" ]; then
  pass "streaming standby: in recovery, $services_standby of $services_primary services replicated"
else
  fail "streaming standby: recovery=$standby_in_recovery, services primary=$services_primary standby=$services_standby"
fi
record replication asynchronous
fi

if want signups; then
say "Sign-ups through all nodes at once"
record signups 64 wave1
fi

if want killed; then
say "A node killed and restarted"
# Killed right after a burst of sign-ups it answered itself: what it had not done yet is done by another node.
record killed 32 "${NODE_PIDS[1]}"
wait "${NODE_PIDS[1]}" 2>/dev/null
record signups 32 wave2
t0=$SECONDS
start_node 1
if wait_healthy 1 300; then pass "node B restarted and serving in $((SECONDS - t0)) s"; else fail "node B restarted"; fi
record signups 32 wave3
fi

if want search; then
say "Search in step"
record search
record catchup
fi

if want referrals; then
say "Referrals made and moved through all nodes at once"
record referrals 300
fi

if want restore; then
say "Restore drill"
as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d waymark -XAtq -c "SELECT pg_switch_wal()" >/dev/null
outbox_primary=$(psql_at "$PRIMARY_PORT" "SELECT count(*) FROM outbox_message")
sleep 2
cp -a "$WORK/base" "$WORK/restored"
touch "$WORK/restored/recovery.signal"
cat >>"$WORK/restored/postgresql.conf" <<CONF
restore_command = 'cp $WORK/archive/%f %p'
recovery_target_action = promote
archive_mode = off
CONF
RESTORED_PORT=$(free_port)
if pg_start restored "$RESTORED_PORT"; then
  for _ in $(seq 1 60); do
    [ "$(as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$RESTORED_PORT" -U postgres -d waymark -XAtq -c 'SELECT pg_is_in_recovery()' 2>/dev/null)" = f ] && break
    sleep 0.5
  done
  outbox_restored=$(psql_at "$RESTORED_PORT" "SELECT count(*) FROM outbox_message")
  if [ "$outbox_restored" = "$outbox_primary" ] && [ "$outbox_primary" -gt 0 ]; then
    pass "restore drill: base backup + archived WAL gives $outbox_restored of $outbox_primary outbox messages"
  else
    fail "restore drill: restored $outbox_restored outbox messages, primary has $outbox_primary"
  fi
else
  fail "restore drill: the restored cluster did not start"
fi
fi

if want failover; then
say "Failover: the primary stops, the standby is promoted"
# 32 people sign up and a navigator makes 32 referrals that staff accept and offer, all streaming across it.
record failover 32 32
alive=0
for pid in "${NODE_PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=$((alive + 1)); done
if [ "$alive" = 3 ]; then pass "failover: all 3 node processes are the ones started before it"; else fail "failover: only $alive of 3 node processes still running"; fi
fi

if want crash; then
say "Crash: the primary fails without a clean stop, the standby is promoted"
# Without the failover first: crash the primary, promote the standby. After it: the failover left the standby as the
# only server, so the old primary's place (its port, which every node's host list names) gets a new standby of it.
crash_primary=primary crash_standby=standby crash_primary_port=$PRIMARY_PORT crash_standby_port=$STANDBY_PORT
if want failover; then
  as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$STANDBY_PORT" -U postgres -D "$WORK/rebuilt" -R -X stream -c fast --no-sync || fail "crash: new standby made"
  pg_start rebuilt "$PRIMARY_PORT" || fail "crash: new standby started"
  crash_primary=standby crash_standby=rebuilt crash_primary_port=$STANDBY_PORT crash_standby_port=$PRIMARY_PORT
fi
for _ in $(seq 1 60); do
  [ "$(psql_at "$crash_primary_port" "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")" = 1 ] && break
  sleep 0.5
done
if [ "${CLUSTER_SYNCHRONOUS:-}" = 1 ]; then
  psql_at "$crash_primary_port" "ALTER SYSTEM SET synchronous_standby_names = '*'" && psql_at "$crash_primary_port" "SELECT pg_reload_conf()" >/dev/null
fi
echo "     (primary $crash_primary on $crash_primary_port, standby $crash_standby on $crash_standby_port," \
  "synchronous_standby_names '$(psql_at "$crash_primary_port" "SHOW synchronous_standby_names")')"
# HAZ-21: before the crash, every node's /health says whether it could lose what it acknowledges.
record replication "$([ "${CLUSTER_SYNCHRONOUS:-}" = 1 ] && echo synchronous || echo asynchronous)"
export PRIMARY_DIR=$crash_primary STANDBY_DIR=$crash_standby PRIMARY_PORT=$crash_primary_port STANDBY_PORT=$crash_standby_port
record failover 32 32 crash
alive=0
for pid in "${NODE_PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=$((alive + 1)); done
if [ "$alive" = 3 ]; then pass "crash: all 3 node processes are the ones started before it"; else fail "crash: only $alive of 3 node processes still running"; fi
fi

echo
echo "cluster: $passed passed, $failed failed"
[ "$failed" = 0 ]
