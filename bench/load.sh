#!/usr/bin/env bash
# Load: at least 100,000 requests on the publication page (rate limiting off), with latency percentiles, errors and
# the server's peak memory; then the same on the static copy of the page as a baseline, on a fresh instance.
# Targets: 0 errors (socket errors + non-2xx). Run from the repository root: bash bench/load.sh   (about 3 minutes)
# Each measured run lasts until it has at least BENCH_REQUESTS requests and at least BENCH_MIN_SECONDS.
# Settings: BENCH_REQUESTS (100000), BENCH_MIN_SECONDS (30), BENCH_WARMUP (15 s), BENCH_THREADS (2),
# BENCH_CONNECTIONS (32).
source "$(dirname "$0")/lib.sh"

REQUESTS=${BENCH_REQUESTS:-100000}
WARMUP=${BENCH_WARMUP:-15}
MAX_DURATION=180 # seconds, upper bound of a measured run
export BENCH_MIN_SECONDS=${BENCH_MIN_SECONDS:-30}

bench_need_debs wrk:wrk curl:curl
bench_results_dir
bench_publish_with_static_page

# measure WHAT PATH WARMUP: a fresh instance, a warm-up, then one wrk run that stops once it has $REQUESTS responses
# (wrk itself only runs by time: see BENCH_STOP_AFTER in lib.sh), $MAX_DURATION s at most.
measure() {
  local what=$1 path=$2 warmup=$3
  bench_start_app "$what" --RateLimiting:Enabled=false "--DataProtection:KeysPath=$BENCH_TMP/keys"
  local url="http://127.0.0.1:${BENCH_APP_PORT[$what]}$path"
  bench_check_url "$url" >/dev/null
  bench_quiet_check
  ((BENCH_CPU_BUSY > busy_max)) && busy_max=$BENCH_CPU_BUSY
  bench_sample_mem "${BENCH_APP_PID[$what]}" "$BENCH_RUN_DIR/memory-$what.txt"
  say "$what: warm-up ${warmup}s"
  bench_wrk "$what-warmup" "$url" "$warmup"
  say "$what: run until $REQUESTS requests and ${BENCH_MIN_SECONDS}s (at most ${MAX_DURATION}s; warm-up did $(bench_w "$what-warmup" rps) requests/s)"
  BENCH_STOP_AFTER=$REQUESTS bench_wrk "$what" "$url" "$MAX_DURATION"
  sleep 1 # a last memory sample
  read -r "${what}_rss" "${what}_hwm" < <(bench_mem_peak "$BENCH_RUN_DIR/memory-$what.txt")
  bench_stop_app "$what"
}

page_rss='' page_hwm='' static_rss='' static_hwm='' busy_max=0 # set by measure
measure page "$BENCH_PAGE" "$WARMUP"
measure static "$BENCH_STATIC" 5
BENCH_CPU_BUSY=$busy_max # the header shows the busier of the two checks

bench_header "load: page and its static copy, each on a fresh instance (wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS, Accept-Encoding: br, gzip, at least $REQUESTS requests and ${BENCH_MIN_SECONDS}s)"
row() { printf '%-27s %28s %20s\n' "$@"; }
row '' page static
row path "$BENCH_PAGE" "$BENCH_STATIC"
for line in requests:requests duration_s:duration requests/s:rps p50_ms:p50_ms p75_ms:p75_ms p90_ms:p90_ms p99_ms:p99_ms \
  max_ms:max_ms 'socket errors:socket' non-2xx:non2xx 'errors (socket + non-2xx)':failed; do
  label=${line%%:*} key=${line#*:}
  if [ "$key" = duration ]; then
    row "$label" "$(awk -v u="$(bench_w page duration_us)" 'BEGIN{printf "%.1f", u/1e6}')" \
      "$(awk -v u="$(bench_w static duration_us)" 'BEGIN{printf "%.1f", u/1e6}')"
  else
    row "$label" "$(bench_w page "$key")" "$(bench_w static "$key")"
  fi
done
row 'other processes CPU (%)' "$(bench_w page other_cpu)" "$(bench_w static other_cpu)"
row 'peak memory VmHWM (MiB)' "$page_hwm" "$static_hwm"
row 'max VmRSS sampled (MiB)' "$page_rss" "$static_rss"
echo "ratio requests/s page/static: $(bench_ratio "$(bench_w page rps)" "$(bench_w static rps)")"
errors=$(($(bench_w page failed) + $(bench_w static failed)))
count_ok=$(awk -v a="$(bench_w page requests)" -v b="$(bench_w static requests)" -v n="$REQUESTS" 'BEGIN { print ((a >= n && b >= n) ? "yes" : "NO") }')
echo "at least $REQUESTS requests each: $count_ok; errors: $errors (target 0: $([ "$errors" -eq 0 ] && echo meets || echo FAILS))"
echo "(memory: VmHWM is the kernel's peak resident set of the server process over its life, warm-up included; sampled every 0.5 s)"
