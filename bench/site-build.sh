#!/usr/bin/env bash
# Site build benchmark: the same generated corpus built by disclose and by Hugo, in one run.
#
#   bench/site-build.sh [N]          (default N=10000)
#
# Measures, with GNU time ('%e %U %S %M': wall, user and system CPU seconds, peak RSS), 3 runs each
# (the median is reported):
#   hugo full       hugo --quiet -s HUGO_SITE -d OUT       (OUT removed before every run)
#   disclose full   ./disclose build ... --out OUT          (OUT empty before every run)
#   disclose rebuild  the same command again, same OUT, nothing changed
# and checks the targets: disclose full <= 0.25 x hugo full (wall), disclose peak RSS <= 512 MiB,
# disclose rebuild <= 0.1 x disclose full (wall).
#
# Environment:
#   DISCLOSE_JAVA_OPTS  JVM options for disclose (passed to the launcher as JAVA_OPTS; when unset
#                       the launcher's own defaults apply)
#   BENCH_SEED          corpus seed (default 42)
#   BENCH_RUNS          runs per measurement (default 3)
#   BENCH_ONLY          "hugo" to measure Hugo alone (also the case when ./disclose is missing)
#   BENCH_KEEP          1 to keep the temp dir (corpus and outputs) and print its path
#   BENCH_STRICT        1 to exit 1 when a target FAILs (default: exit 0 once measured)
#   BENCH_TIMEOUT       seconds allowed for any one build (default 300)
#   BENCH_VARIANT       another checkout of disclose (a git worktree with a change to weigh, say):
#                       its full build is measured too, in the same alternation ("variant-full"),
#                       and compared with Hugo's and with this checkout's
set -euo pipefail

N="${1:-10000}"
SEED="${BENCH_SEED:-42}"
RUNS="${BENCH_RUNS:-3}"
TIMEOUT_S="${BENCH_TIMEOUT:-300}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

case "$N" in '' | *[!0-9]*) echo "usage: bench/site-build.sh [N]" >&2; exit 2 ;; esac

log() { printf '%s\n' "$*" >&2; }

# ------------------------------------------------------------------ prerequisites
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
APT_UPDATED=0
apt_install() {
  if [ "$APT_UPDATED" -eq 0 ]; then
    $SUDO apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}
command -v hugo >/dev/null 2>&1 || { log "installing hugo"; apt_install hugo; }
[ -x /usr/bin/time ] || { log "installing GNU time"; apt_install time; }
command -v java >/dev/null 2>&1 || { log "java not found (JDK 17 required)"; exit 1; }

WITH_DISCLOSE=1
if [ "${BENCH_ONLY:-}" = "hugo" ]; then
  WITH_DISCLOSE=0
elif [ ! -x "$ROOT/disclose" ]; then
  log "note: $ROOT/disclose not found: measuring Hugo alone"
  WITH_DISCLOSE=0
fi

if [ "${DISCLOSE_JAVA_OPTS+set}" = "set" ]; then
  export JAVA_OPTS="$DISCLOSE_JAVA_OPTS"
fi

# prepare DIR: lets DIR's launcher build DIR/target/disclose.jar now (when missing or stale),
# outside the timings, then runs a first build of DIR's real site, unmeasured: it writes the
# launcher's class-data-sharing archive, as a user's first build does.
prepare() {
  local dir="$1"
  log "preparing $dir (its launcher builds target/disclose.jar when missing or stale)"
  (unset DISCLOSE_NO_REBUILD; "$dir/disclose" --help >/dev/null 2>&1) || true
  if [ ! -f "$dir/target/disclose.jar" ]; then
    log "$dir/target/disclose.jar missing; building with mvn"
    (cd "$dir" && mvn -q -B -DskipTests package)
  fi
  [ -f "$dir/target/disclose.jar" ] || { log "no $dir/target/disclose.jar after build"; exit 1; }
  local warm
  warm="$(mktemp -d)"
  cp -r "$dir/content" "$warm/content"
  DISCLOSE_NO_REBUILD=1 "$dir/disclose" build --content "$warm/content" --theme "$dir/theme" --out "$warm/site" >/dev/null
  rm -rf "$warm"
}

VARIANT="${BENCH_VARIANT:-}"
if [ "$WITH_DISCLOSE" -eq 1 ]; then
  prepare "$ROOT"
  if [ -n "$VARIANT" ]; then
    VARIANT="$(cd "$VARIANT" && pwd)"
    [ -x "$VARIANT/disclose" ] || { log "BENCH_VARIANT: no launcher at $VARIANT/disclose"; exit 2; }
    prepare "$VARIANT"
  fi
  # Measure these jars: no rebuild by the launcher in the middle of the runs, whatever else changes.
  export DISCLOSE_NO_REBUILD=1
elif [ -n "$VARIANT" ]; then
  log "BENCH_VARIANT needs ./disclose measured too"
  exit 2
fi

# ------------------------------------------------------------------ corpus (once)
WORK="$(mktemp -d "${TMPDIR:-/tmp}/disclose-bench.XXXXXX")"
cleanup() {
  if [ "${BENCH_KEEP:-0}" = "1" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

log "generating corpus: N=$N seed=$SEED"
java "$ROOT/bench/GenCorpus.java" "$WORK/corpus" "$N" "$SEED" "$ROOT/content/data"
CONTENT="$WORK/corpus/content"
HUGO_SITE="$WORK/corpus/hugo"
THEME="$ROOT/theme"
CORPUS_MB="$(find "$CONTENT/news" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1048576 }')"

# ------------------------------------------------------------------ measuring
RESULTS="$WORK/results.txt" # tool run wall_s peak_kib cpu_s
: >"$RESULTS"

# measure LABEL RUN CMD... : runs CMD under GNU time, appends "LABEL RUN wall kib cpu" to RESULTS
# (cpu = user + system seconds of the process and its children)
measure() {
  local label="$1" run="$2"
  shift 2
  # The previous run's files reach the disk now, not during this run's timing.
  sync
  measure_once "$label" "$run" "$@"
  local line
  line="$(tail -n 1 "$WORK/time.out" | awk '{ printf "%s %s %.2f", $1, $4, $2 + $3 }')"
  echo "$label $run $line" >>"$RESULTS"
  log "  $label #$run: $(awk '{printf "%.2f s wall, %.2f s CPU, %.0f MiB", $1, $3, $2/1024}' <<<"$line")"
}

measure_once() {
  local label="$1" run="$2"
  shift 2
  local tf="$WORK/time.out" ef="$WORK/stderr.out"
  if ! /usr/bin/time -f '%e %U %S %M' -o "$tf" timeout "$TIMEOUT_S" "$@" >"$WORK/stdout.out" 2>"$ef"; then
    log "FAILED: $label run $run: $*"
    log "--- stderr (last 40 lines) ---"
    tail -n 40 "$ef" >&2 || true
    log "--- stdout (last 20 lines) ---"
    tail -n 20 "$WORK/stdout.out" >&2 || true
    cat "$tf" >&2 || true
    exit 1
  fi
}

# The runs alternate (Hugo, disclose, Hugo, ...) so that whatever drifts on the machine weighs on
# both alike, and each writes into a new directory: nothing is deleted until the end, because on
# ext4 a directory tree deleted just before makes the next run's file creation slower (the inode
# allocator skips recently freed inodes), by seconds and differently from run to run.
log "hugo and disclose full builds, x$RUNS each, alternating"
for r in $(seq 1 "$RUNS"); do
  measure hugo-full "$r" hugo --quiet -s "$HUGO_SITE" -d "$WORK/hugo-out-$r"
  if [ "$WITH_DISCLOSE" -eq 1 ]; then
    # A full build: a new output directory, so no build cache either (it is named after it).
    mkdir -p "$WORK/disclose-out-$r"
    measure disclose-full "$r" "$ROOT/disclose" build --content "$CONTENT" --theme "$THEME" --out "$WORK/disclose-out-$r"
  fi
  if [ -n "$VARIANT" ]; then
    mkdir -p "$WORK/variant-out-$r"
    measure variant-full "$r" "$VARIANT/disclose" build --content "$CONTENT" --theme "$VARIANT/theme" --out "$WORK/variant-out-$r"
  fi
done
HUGO_FILES="$(find "$WORK/hugo-out-1" -type f | wc -l)"

if [ "$WITH_DISCLOSE" -eq 1 ]; then
  OUT="$WORK/disclose-out-$RUNS"
  DISCLOSE_FILES="$(find "$OUT" -type f | wc -l)"
  log "disclose rebuild (nothing changed) x$RUNS"
  for r in $(seq 1 "$RUNS"); do
    measure disclose-rebuild "$r" "$ROOT/disclose" build --content "$CONTENT" --theme "$THEME" --out "$OUT"
  done
fi

# ------------------------------------------------------------------ report
median() { # label field -> median of that field over the label's runs
  awk -v l="$1" -v f="$2" '$1 == l { print $f }' "$RESULTS" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
maxof() {
  awk -v l="$1" -v f="$2" '$1 == l && $f > m { m = $f } END { print m + 0 }' "$RESULTS"
}

MEM_MIB="$(awk '/MemTotal/ { printf "%.0f", $2 / 1024 }' /proc/meminfo)"
echo "Site build benchmark: N=$N news (seed $SEED, $CORPUS_MB MiB of Markdown), $RUNS runs each"
echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine:  nproc=$(nproc), memory=${MEM_MIB} MiB, $(uname -sm)"
echo "jvm:      $(java -version 2>&1 | head -n 1)"
echo "hugo:     $(hugo version | head -n 1)"
echo "JAVA_OPTS: ${JAVA_OPTS-<unset: launcher defaults>}"
echo "output files: hugo=$HUGO_FILES${DISCLOSE_FILES:+, disclose=$DISCLOSE_FILES}"
[ -z "$VARIANT" ] || echo "variant:  $VARIANT ($(git -C "$VARIANT" log -1 --format='%h %s' 2>/dev/null || echo 'not a git checkout'))"
echo
printf '%-18s %4s %9s %9s %10s\n' tool run "wall s" "CPU s" "peak MiB"
awk '{ printf "%-18s %4s %9.2f %9.2f %10.0f\n", $1, $2, $3, $5, $4 / 1024 }' "$RESULTS"
for l in hugo-full disclose-full variant-full disclose-rebuild; do
  if grep -q "^$l " "$RESULTS"; then
    printf '%-18s %4s %9.2f %9.2f %10.0f\n' "$l" median "$(median "$l" 3)" "$(median "$l" 5)" "$(awk -v k="$(median "$l" 4)" 'BEGIN { print k / 1024 }')"
  fi
done
echo

STATUS=0
if [ "$WITH_DISCLOSE" -eq 1 ]; then
  H="$(median hugo-full 3)"
  F="$(median disclose-full 3)"
  R="$(median disclose-rebuild 3)"
  PEAK_KIB="$(awk -v a="$(maxof disclose-full 4)" -v b="$(maxof disclose-rebuild 4)" 'BEGIN { print (a > b ? a : b) }')"
  verdict() { awk -v v="$1" -v lim="$2" 'BEGIN { print (v <= lim ? "PASS" : "FAIL") }'; }
  R1="$(awk -v a="$F" -v b="$H" 'BEGIN { printf "%.3f", a / b }')"
  R2="$(awk -v a="$R" -v b="$F" 'BEGIN { printf "%.3f", a / b }')"
  PEAK="$(awk -v k="$PEAK_KIB" 'BEGIN { printf "%.0f", k / 1024 }')"
  V1="$(verdict "$R1" 0.25)"
  V2="$(verdict "$PEAK" 512)"
  V3="$(verdict "$R2" 0.10)"
  printf '%-44s %8s  %-10s %s\n' "target" "measured" "limit" "result"
  printf '%-44s %8s  %-10s %s\n' "disclose full / hugo full (wall, medians)" "$R1" "<= 0.25" "$V1"
  printf '%-44s %8s  %-10s %s\n' "disclose full / hugo full (CPU, medians)" \
    "$(awk -v a="$(median disclose-full 5)" -v b="$(median hugo-full 5)" 'BEGIN { printf "%.3f", a / b }')" "" "(figure)"
  printf '%-44s %8s  %-10s %s\n' "disclose peak RSS, MiB (max of all runs)" "$PEAK" "<= 512" "$V2"
  printf '%-44s %8s  %-10s %s\n' "disclose rebuild / full (wall, medians)" "$R2" "<= 0.10" "$V3"
  for v in "$V1" "$V2" "$V3"; do [ "$v" = PASS ] || STATUS=1; done
  if [ -n "$VARIANT" ]; then
    VF="$(median variant-full 3)"
    echo
    printf '%-44s %8s\n' "variant full / hugo full (wall, medians)" "$(awk -v a="$VF" -v b="$H" 'BEGIN { printf "%.3f", a / b }')"
    printf '%-44s %8s\n' "variant full / disclose full (wall, medians)" "$(awk -v a="$VF" -v b="$F" 'BEGIN { printf "%.3f", a / b }')"
  fi
else
  echo "disclose not measured (Hugo alone)"
fi

if [ "${BENCH_STRICT:-0}" = "1" ]; then exit "$STATUS"; fi
exit 0
