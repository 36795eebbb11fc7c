#!/usr/bin/env bash
# Throughput of the publication page against a static file holding the same bytes, served by the same server.
# Both with the same wrk settings and Accept-Encoding: br, gzip, after a warm-up. Target: page/static >= 0.9.
# Run from the repository root: bash bench/throughput.sh   (about 2 minutes)
# Settings: BENCH_DURATION (15 s per measurement), BENCH_WARMUP (15 s), BENCH_THREADS (2), BENCH_CONNECTIONS (32).
source "$(dirname "$0")/lib.sh"

DURATION=${BENCH_DURATION:-15}
WARMUP=${BENCH_WARMUP:-15}

bench_need_debs wrk:wrk curl:curl
bench_results_dir
bench_publish_with_static_page
bench_start_app app --RateLimiting:Enabled=false "--DataProtection:KeysPath=$BENCH_TMP/keys"
base="http://127.0.0.1:${BENCH_APP_PORT[app]}"

read -r _ page_enc page_wire page_size < <(bench_check_url "$base$BENCH_PAGE")
read -r _ static_enc static_wire static_size < <(bench_check_url "$base$BENCH_STATIC")

bench_quiet_check
# Warm-up: the JIT (tiered compilation, dynamic PGO) keeps getting faster for the first 10-20 s of load.
say "warm-up: ${WARMUP}s on the page, 5s on the static file"
bench_wrk warmup-page "$base$BENCH_PAGE" "$WARMUP"
bench_wrk warmup-static "$base$BENCH_STATIC" 5
say "measuring: ${DURATION}s each"
bench_wrk page "$base$BENCH_PAGE" "$DURATION"
bench_wrk static "$base$BENCH_STATIC" "$DURATION"

bench_header "throughput: page vs static file with the same bytes (wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS -d${DURATION}s, Accept-Encoding: br, gzip)"
printf '%-8s %-28s %9s %8s %8s %11s %7s %7s %10s\n' what path encoding 'on wire' 'decoded' 'requests/s' 'p99 ms' failed 'other CPU'
for w in page static; do
  if [ $w = page ]; then path=$BENCH_PAGE enc=$page_enc wire=$page_wire size=$page_size; else path=$BENCH_STATIC enc=$static_enc wire=$static_wire size=$static_size; fi
  printf '%-8s %-28s %9s %8s %8s %11s %7s %7s %9s%%\n' "$w" "$path" "$enc" "$wire" "$size" "$(bench_w $w rps)" \
    "$(bench_w $w p99_ms)" "$(bench_w $w failed)" "$(bench_w $w other_cpu)"
done
ratio=$(bench_ratio "$(bench_w page rps)" "$(bench_w static rps)")
verdict=$(awk -v r="$ratio" 'BEGIN { print ((r >= 0.9) ? "meets" : "BELOW") }')
echo "ratio page/static: $ratio (target >= 0.90: $verdict)"
echo "warm-up: page $(bench_w warmup-page rps) requests/s, static $(bench_w warmup-static rps) requests/s"
echo "(on wire / decoded: bytes of one response body; other CPU: share of the CPUs used by other processes during the run)"
