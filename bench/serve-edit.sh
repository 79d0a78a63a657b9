#!/usr/bin/env bash
# Edit-to-disk latency of `disclose serve` (issue 5): on a generated site of N news pages, edit one
# news file and measure how long until its page on disk has the new text. Repeats R times.
#
#   bench/serve-edit.sh [N] [R]      (defaults: N=10000, R=5)
#
# Target (issue 5): at most 200 ms on a 10,000-page site.
set -euo pipefail
N="${1:-10000}"
R="${2:-5}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/disclose-serve-edit.XXXXXX")"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -f "$ROOT/target/disclose.jar" ] || (cd "$ROOT" && mvn -q -B -DskipTests package)
java "$ROOT/bench/GenCorpus.java" "$WORK/corpus" "$N" 42 "$ROOT/content/data" >/dev/null
CONTENT="$WORK/corpus/content"
OUT="$WORK/site"
cd "$WORK" # the inbox's SQLite database goes to ./data here
java -Xmx384m -Xmn192m -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -jar "$ROOT/target/disclose.jar" serve \
  --content "$CONTENT" --theme "$ROOT/theme" --out "$OUT" --port 0 >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do grep -q '^watching' "$WORK/serve.log" && break; sleep 0.1; done
grep -q '^watching' "$WORK/serve.log" || { cat "$WORK/serve.log" >&2; echo "serve did not start" >&2; exit 1; }

FILE="$(ls "$CONTENT/news" | sed -n "500p")"
SLUG="${FILE%.md}"
PAGE="$OUT/news/$SLUG/index.html"
sleep 1
results=()
for i in $(seq 1 "$R"); do
  marker="düzəliş-$i-$RANDOM"
  start=$(date +%s%N)
  printf '\nƏlavə: %s\n' "$marker" >>"$CONTENT/news/$FILE"
  until grep -q "$marker" "$PAGE" 2>/dev/null; do
    now=$(date +%s%N)
    if [ $(((now - start) / 1000000)) -gt 20000 ]; then echo "no update after 20 s" >&2; exit 1; fi
    sleep 0.005
  done
  end=$(date +%s%N)
  ms=$(((end - start) / 1000000))
  results+=("$ms")
  echo "edit $i: ${ms} ms"
  sleep 2 # let the rebuild finish before the next edit
done
sorted=$(printf '%s\n' "${results[@]}" | sort -n)
median=$(echo "$sorted" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
echo "serve edit-to-disk latency, N=$N, $R edits: median ${median} ms (target <= 200 ms): $([ "${median%.*}" -le 200 ] && echo PASS || echo FAIL)"
echo "load: $(uptime)"
