#!/usr/bin/env bash
# Console benchmark (issue 15): a register of N requests (default 100,000) on SQLite and on a
# throwaway PostgreSQL (the tests' helper: Debian's binaries, or DISCLOSE_TEST_PG_URL), the console
# started on 127.0.0.1 with a viewer signed in, then its pages fetched over HTTP (java.net.http):
# p50 and p99 of the time to the full response on loopback, and the process's CPU per page.
# Target (issue 15): the queue and request pages in at most 50 ms at p99.
#
#   bench/console.sh [N] [RUNS] [LIST_RUNS]
#
# RUNS (default 200) fetches of a request page (a random one each time), LIST_RUNS (default 20) of
# each list page.
#
# Environment:
#   BENCH_DB         sqlite, postgresql or both (default both)
#   BENCH_JAVA_OPTS  JVM options (default "-Xmx1g")
set -euo pipefail

N="${1:-100000}"
RUNS="${2:-200}"
LIST_RUNS="${3:-20}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
case "$N$RUNS$LIST_RUNS" in '' | *[!0-9]*) echo "usage: bench/console.sh [N] [RUNS] [LIST_RUNS]" >&2; exit 2 ;; esac
log() { printf '%s\n' "$*" >&2; }

log "compiling (mvn test-compile) and resolving the classpath"
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-console-cp.txt >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench-console-cp.txt)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/disclose-console-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
case "${BENCH_DB:-both}" in
  both) DBS="sqlite postgresql" ;;
  sqlite | postgresql) DBS="$BENCH_DB" ;;
  *) log "BENCH_DB is sqlite, postgresql or both"; exit 2 ;;
esac
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for db in $DBS; do
  # shellcheck disable=SC2086
  java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$CP" az.disclose.inbox.console.ConsoleBench "$db" "$N" "$RUNS" "$LIST_RUNS" \
    "$WORK/$db" 2> >(grep -v ' INFO \| WARN ' >&2)
done
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
