#!/usr/bin/env bash
# Monthly report benchmark: a SQLite register of N requests (default 1,000,000) filled by direct SQL
# (sqlite3's recursive CTE: minutes with the register's own API, seconds this way), then
# `disclose report monthly` timed through the launcher (JVM start included) for one month in CSV,
# HTML and PDF. Target (issue 16): the monthly report over 1,000,000 requests in at most 5 s.
#
#   bench/report-monthly.sh [N] [RUNS]
#
# The register: requests registered evenly from 2025-01-01 to 2026-11-30 (Baku), a third by e-mail,
# five types; every request has REGISTERED and ACKNOWLEDGED events; 80% are answered 5 days after
# registration (one in ten of them late), 5% refused (three legal grounds), 5% forwarded, 10% left
# open (half of those extended). About 2.95 million history rows.
#
# Environment:
#   BENCH_MONTH  the month reported (default 2026-10)
#   BENCH_KEEP   1 to keep the data directory and print its path
#   BENCH_STRICT 1 to exit 1 when the target is missed (default: exit 0 once measured)
# Needs sqlite3 (Debian: sqlite3) and GNU time (Debian: time).
set -euo pipefail

N="${1:-1000000}"
RUNS="${2:-3}"
MONTH="${BENCH_MONTH:-2026-10}"
TARGET=5.0
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
case "$N$RUNS" in '' | *[!0-9]*) echo "usage: bench/report-monthly.sh [N] [RUNS]" >&2; exit 2 ;; esac
log() { printf '%s\n' "$*" >&2; }
command -v sqlite3 >/dev/null || { log "needs sqlite3 (apt-get install sqlite3)"; exit 2; }
[ -x /usr/bin/time ] || { log "needs GNU time (apt-get install time)"; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/disclose-report-bench.XXXXXX")"
cleanup() { if [ "${BENCH_KEEP:-0}" = "1" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
cat >"$WORK/disclose.yaml" <<YAML
number_prefix: SEN
data_dir: $WORK/data
YAML

log "building the jar if needed and creating the schema"
./disclose requests --config "$WORK/disclose.yaml" list >/dev/null
DB="$WORK/data/register.db"
[ -f "$DB" ] || DB="$(find "$WORK/data" -name '*.db' | head -1)"

log "filling the register with $N requests (direct SQL)"
start_ms=1735675200000   # 2025-01-01T00:00+04:00
end_ms=1796068800000     # 2026-12-01T00:00+04:00
fill_start=$(date +%s.%N)
sqlite3 "$DB" <<SQL
PRAGMA journal_mode=WAL;
PRAGMA synchronous=OFF;
BEGIN;
CREATE TEMP TABLE g AS
  WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < $N)
  SELECT i, $start_ms + (i - 1) * (($end_ms - $start_ms) / $N) AS ts FROM c;
CREATE TEMP TABLE n AS
  SELECT i, ts, y, ROW_NUMBER() OVER (PARTITION BY y ORDER BY i) AS seq,
    CASE WHEN i % 20 < 16 THEN 'answered' WHEN i % 20 = 16 THEN 'refused' WHEN i % 20 = 17 THEN 'forwarded'
      WHEN i % 20 = 18 THEN 'extended' ELSE 'registered' END AS status
  FROM (SELECT i, ts, CAST(strftime('%Y', ts / 1000 + 14400, 'unixepoch') AS INTEGER) AS y FROM g);
INSERT INTO requests (number, year, sequence, channel, type, urgency, name, email, subject, message, language, raw,
    raw_content_type, remote_address, status_token, registered_at, status, deadline_rule, due_date, due_at)
  SELECT printf('SEN-%d-%05d', y, seq), y, seq, CASE WHEN i % 3 = 0 THEN 'EMAIL' ELSE 'WEB' END,
    CASE i % 10 WHEN 7 THEN 'proposal' WHEN 8 THEN 'complaint' WHEN 9 THEN 'question' ELSE 'information' END,
    CASE WHEN i % 50 = 1 THEN 'relevance' WHEN i % 50 = 2 THEN 'life' ELSE 'normal' END,
    'Aysel Məmmədova', 'aysel@example.az', 'Sorğu', 'Zəhmət olmasa, məlumat verin.', 'az', x'00', 'text/plain',
    '192.0.2.7', 'tok' || i, ts, status, 'info-request',
    date((ts + 9 * 86400000) / 1000 + 14400, 'unixepoch'), ts + 9 * 86400000
  FROM n;
INSERT INTO history (request_number, at, actor, kind, text, visible)
  SELECT printf('SEN-%d-%05d', y, seq), ts, 'system', 'REGISTERED', 'registered', 1 FROM n;
INSERT INTO history (request_number, at, actor, kind, text, visible)
  SELECT printf('SEN-%d-%05d', y, seq), ts + 1000, 'system', 'ACKNOWLEDGED', '', 1 FROM n;
INSERT INTO history (request_number, at, actor, kind, text, visible)
  SELECT printf('SEN-%d-%05d', y, seq), ts + CASE WHEN i % 10 = 3 THEN 12 ELSE 5 END * 86400000, 'leyla',
    CASE status WHEN 'answered' THEN 'ANSWERED' WHEN 'refused' THEN 'REFUSED' WHEN 'forwarded' THEN 'FORWARDED'
      ELSE 'EXTENDED' END,
    CASE status WHEN 'refused' THEN 'refused: art. ' || (21 + i % 3) || '.1' WHEN 'answered' THEN 'Cavab' ELSE 'x' END, 1
  FROM n WHERE status <> 'registered';
-- no number counters: the report never reads them, and the register's triggers let a counter
-- grow only by one per registration (V5__archive_append_only.sql)
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
ANALYZE;
SQL
fill_end=$(date +%s.%N)
log "filled in $(echo "$fill_end - $fill_start" | bc) s: $(sqlite3 "$DB" 'SELECT COUNT(*) FROM requests') requests," \
  "$(sqlite3 "$DB" 'SELECT COUNT(*) FROM history') history rows, $(du -h "$DB" | cut -f1)"

STATUS=0
worst=0
for format in csv html pdf; do
  times=()
  for run in $(seq 1 "$RUNS"); do
    out="$WORK/report-$run.$format"
    /usr/bin/time -f '%e %U %S %M' -o "$WORK/time" \
      ./disclose report --config "$WORK/disclose.yaml" monthly --month "$MONTH" --format "$format" --out "$out" \
      2>"$WORK/err" || { cat "$WORK/err" >&2; exit 1; }
    read -r wall user sys rss <"$WORK/time"
    times+=("$wall")
    printf 'format=%s run=%d wall=%ss cpu=%ss peak=%dMiB\n' "$format" "$run" "$wall" \
      "$(echo "$user + $sys" | bc)" $((rss / 1024))
  done
  median="$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p")"
  printf 'format=%s median=%ss\n' "$format" "$median"
  if [ "$(echo "$median > $worst" | bc)" = 1 ]; then worst="$median"; fi
done
grep -E '^(received,total,total|reconciliation,holds|integrity,count)' "$WORK/report-1.csv" >&2 || true
if [ "$(echo "$worst <= $TARGET" | bc)" = 1 ]; then
  log "target met: slowest median ${worst}s <= ${TARGET}s"
else
  log "target NOT met: slowest median ${worst}s > ${TARGET}s"
  [ "${BENCH_STRICT:-0}" = "1" ] && STATUS=1
fi
exit $STATUS
