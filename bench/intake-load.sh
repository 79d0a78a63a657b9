#!/usr/bin/env bash
# Request intake load benchmark: wrk on loopback against POST /requests (url-encoded form, as the
# site's form sends it) with the register on the SQLite default (WAL, durable commits).
#
#   bench/intake-load.sh [SECONDS]      (default 20)
#
# Starts the intake in a JVM of its own (az.disclose.inbox.web.IntakeMain from the test classes, on
# a fresh data directory, rate limit, daily budget and per-address upload cap off: every request
# comes from 127.0.0.1), warms it up, runs
# wrk (2 threads, 32 connections) for SECONDS, prints requests/s and latency p50/p99, checks the
# stored count against the answers (after waiting until the search indexes hold them all), and
# compares with the issue's target: >= 1000 submissions/s
# with p99 <= 50 ms on 2 cores.
#
# Environment:
#   BENCH_THREADS      wrk threads (default 2)
#   BENCH_CONNECTIONS  wrk connections (default 32)
#   BENCH_WARMUP       warm-up seconds, not measured (default 5)
#   BENCH_JAVA_OPTS    JVM options for the intake (default "-Xmx512m")
#   BENCH_KEEP         1 to keep the data directory and the server log, and print their path
#   BENCH_STRICT       1 to exit 1 when a target is missed (default: exit 0 once measured)
set -euo pipefail

DURATION="${1:-20}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
WARMUP="${BENCH_WARMUP:-5}"
JAVA_OPTS_BENCH="${BENCH_JAVA_OPTS:--Xmx512m}"
TARGET_RPS=1000
TARGET_P99_MS=50
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

case "$DURATION" in '' | *[!0-9]*) echo "usage: bench/intake-load.sh [SECONDS]" >&2; exit 2 ;; esac
log() { printf '%s\n' "$*" >&2; }

# ------------------------------------------------------------------ prerequisites
if ! command -v wrk >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  log "installing wrk (Debian package)"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi
log "compiling (mvn test-compile) and resolving the classpath"
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-intake-cp.txt >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench-intake-cp.txt)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/disclose-intake-bench.XXXXXX")"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ "${BENCH_KEEP:-0}" = "1" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# ------------------------------------------------------------------ server
# shellcheck disable=SC2086
java $JAVA_OPTS_BENCH -cp "$CP" az.disclose.inbox.web.IntakeMain --data "$WORK/data" --port 0 --no-rate-limit \
  --no-daily-budget --uploads-per-address "$CONNECTIONS" \
  >"$WORK/server.out" 2>"$WORK/server.log" &
SERVER_PID=$!
PORT=""
for _ in $(seq 1 300); do
  PORT="$(sed -n 's/^LISTENING \([0-9]*\)$/\1/p' "$WORK/server.out" | head -n1)"
  [ -n "$PORT" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; log "the intake did not start"; exit 1; }
  sleep 0.1
done
[ -n "$PORT" ] || { log "the intake did not start within 30 s"; exit 1; }
URL="http://127.0.0.1:$PORT"
curl -fsS "$URL/healthz" >/dev/null
log "intake at $URL (SQLite in $WORK/data)"

# ------------------------------------------------------------------ load
log "warm-up: ${WARMUP}s"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/intake.lua "$URL" >"$WORK/warmup.txt"
log "measuring: ${DURATION}s, $THREADS threads, $CONNECTIONS connections"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s bench/intake.lua "$URL" | tee "$WORK/wrk.txt" >&2

val() { sed -n "s/^RESULT $1 //p" "$WORK/wrk.txt"; }
RPS="$(val rps)"; P50="$(val p50_ms)"; P99="$(val p99_ms)"; ERRORS="$(val errors)"; REQS="$(val requests)"
WARM_REQS="$(sed -n 's/^RESULT requests //p' "$WORK/warmup.txt")"

# the search indexes are written after the commits (SQLite, migration V17: a request waits in
# request_search_pending): wait until they hold every stored request, so that the CPU below counts
# the indexing too, and print the backlog left at the end of the load and how long it took to index
DB="$WORK/data/disclose.db"
pending() { sqlite3 "$DB" "SELECT COUNT(*) FROM request_search_pending" 2>/dev/null || echo 0; }
BACKLOG="n/a"; DRAIN_S="n/a"
if command -v sqlite3 >/dev/null; then
  BACKLOG="$(pending)"; drain_start="$(date +%s%N)"
  for _ in $(seq 1 1200); do [ "$(pending)" = 0 ] && break; sleep 0.1; done
  DRAIN_S="$(awk -v a="$drain_start" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')"
fi

# the server's CPU seconds (user + system) over warm-up and measurement, beside the wall time
TICKS="$(getconf CLK_TCK)"
SERVER_CPU="$(awk -v t="$TICKS" '{ printf "%.1f", ($14 + $15) / t }' "/proc/$SERVER_PID/stat")"

# every answered submission must be in the register: the last number is the count
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
STORED="$(grep -c 'RegisterService - registered ' "$WORK/server.log" || true)"

cores="$(nproc)"
verdict() { if awk "BEGIN{exit !($1)}"; then echo PASS; else echo FAIL; fi; }
# refusals (a cap, a budget) answer fast and are no submissions: any error fails the throughput
RPS_OK="$(verdict "$RPS >= $TARGET_RPS && $ERRORS == 0")"
P99_OK="$(verdict "$P99 <= $TARGET_P99_MS")"
printf '\nRequest intake (POST /requests, url-encoded, SQLite durable commits, %s cores, wrk -t%s -c%s, %ss)\n' \
  "$cores" "$THREADS" "$CONNECTIONS" "$DURATION"
printf '  submissions/s   %10s   target >= %s   %s\n' "$RPS" "$TARGET_RPS" "$RPS_OK"
printf '  latency p50     %10s ms\n' "$P50"
printf '  latency p99     %10s ms   target <= %s ms   %s\n' "$P99" "$TARGET_P99_MS" "$P99_OK"
printf '  errors          %10s   (socket errors + non-2xx/3xx answers)\n' "$ERRORS"
printf '  server CPU      %10s s   (user + system, warm-up %ss + measured %ss of wall time)\n' "$SERVER_CPU" "$WARMUP" "$DURATION"
printf '  stored          %10s   (warm-up %s + measured %s answered)\n' "$STORED" "$WARM_REQS" "$REQS"
printf '  search index    %10s   requests not yet indexed when the load ended; all indexed %s s later\n' "$BACKLOG" "$DRAIN_S"
if [ "${BENCH_STRICT:-0}" = "1" ] && { [ "$RPS_OK" = FAIL ] || [ "$P99_OK" = FAIL ]; }; then exit 1; fi
