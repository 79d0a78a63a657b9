#!/usr/bin/env bash
# Queue benchmark (issue 15): a register of N requests (default 100,000) on SQLite and on a
# throwaway PostgreSQL (the tests' helper: Debian's binaries, or DISCLOSE_TEST_PG_URL), then each
# queue's first page, filtered pages and text searches timed through RegisterService.queue: p50 and
# p99 of RUNS calls (server-side time, no HTTP) and the calling thread's CPU per call.
# Target (issue 15): a queue page in at most 50 ms at p99. The texts are Azerbaijani words drawn by
# Zipf's law from src/test/resources/bench/queue-words.txt (~1,400 words), with sums, years and names;
# the searches cover a term's classes (the most common word, common phrases, a rare word, a number,
# a surname). On PostgreSQL the CPU column adds the server processes' CPU (from /proc).
#
#   bench/queue.sh [N] [RUNS]
#
# Environment:
#   BENCH_DB         sqlite, postgresql or both (default both)
#   BENCH_JAVA_OPTS  JVM options (default "-Xmx1g")
set -euo pipefail

N="${1:-100000}"
RUNS="${2:-50}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
case "$N$RUNS" in '' | *[!0-9]*) echo "usage: bench/queue.sh [N] [RUNS]" >&2; exit 2 ;; esac
log() { printf '%s\n' "$*" >&2; }

log "compiling (mvn test-compile) and resolving the classpath"
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-queue-cp.txt >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench-queue-cp.txt)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/disclose-queue-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
case "${BENCH_DB:-both}" in
  both) DBS="sqlite postgresql" ;;
  sqlite | postgresql) DBS="$BENCH_DB" ;;
  *) log "BENCH_DB is sqlite, postgresql or both"; exit 2 ;;
esac
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for db in $DBS; do
  # shellcheck disable=SC2086
  java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$CP" az.disclose.inbox.QueueBench "$db" "$N" "$RUNS" "$WORK/$db" \
    2> >(grep -v ' INFO \| WARN ' >&2)
done
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
