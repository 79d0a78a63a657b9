#!/usr/bin/env bash
# Mail ingest benchmark: N messages (default 10,000) put into a local IMAP server (GreenMail, in the
# benchmark's JVM), then polled by ImapPoller, parsed, registered on the SQLite default (WAL,
# synchronous=FULL: every registration durable) and moved to the processed folder. Prints messages
# per second and compares with the issue's target: >= 200 messages/s.
#
#   bench/mail-ingest.sh [N] [WAVE]
#
# WAVE (default 1000): messages are put into the mailbox WAVE at a time and each wave is polled
# empty before the next arrives, as a poller running every minute sees them. Only polling time is
# measured. GreenMail's folder operations slow down with the size of the folder (O(n) per command:
# 10,000 messages waiting at once take ~100 s to fetch and move even without registering them), so
# WAVE=N measures GreenMail more than disclose; use Dovecot for a large single backlog.
#
# Environment:
#   BENCH_JAVA_OPTS  JVM options (default "-Xmx1g")
#   BENCH_KEEP       1 to keep the data directory and print its path
#   BENCH_STRICT     1 to exit 1 when the target is missed (default: exit 0 once measured)
set -euo pipefail

N="${1:-10000}"
WAVE="${2:-1000}"
JAVA_OPTS_BENCH="${BENCH_JAVA_OPTS:--Xmx1g}"
TARGET=200
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
case "$N$WAVE" in '' | *[!0-9]*) echo "usage: bench/mail-ingest.sh [N] [WAVE]" >&2; exit 2 ;; esac
log() { printf '%s\n' "$*" >&2; }

log "compiling (mvn test-compile) and resolving the classpath"
mvn -q -B -o test-compile
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-mail-cp.txt >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench-mail-cp.txt)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/disclose-mail-bench.XXXXXX")"
cleanup() { if [ "${BENCH_KEEP:-0}" = "1" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

# shellcheck disable=SC2086
LINE="$(DISCLOSE_LOG_LEVEL=WARN java $JAVA_OPTS_BENCH -cp "$CP" az.disclose.inbox.mail.MailIngestBench "$N" "$WORK" "$WAVE" \
  | tail -1)"
echo "$LINE"
RATE="$(printf '%s\n' "$LINE" | sed -n 's/.*rate=\([0-9]*\).*/\1/p')"
REGISTERED="$(printf '%s\n' "$LINE" | sed -n 's/.*registered=\([0-9]*\).*/\1/p')"
STATUS=0
if [ "$REGISTERED" != "$N" ]; then
  log "FAIL: $REGISTERED of $N messages registered"; STATUS=1
fi
if [ "${RATE:-0}" -ge "$TARGET" ]; then
  log "target met: $RATE messages/s >= $TARGET"
else
  log "target MISSED: $RATE messages/s < $TARGET"
  if [ "${BENCH_STRICT:-0}" = "1" ]; then STATUS=1; fi
fi
exit "$STATUS"
