#!/usr/bin/env bash
# Throughput of the publication page against a static file holding the same bytes, served by the same server.
# Both with the same wrk settings and Accept-Encoding: br, gzip, after a warm-up, measured in alternating rounds
# (page, static, page, static, ...) so that a disturbance of the machine hits both alike. Target: page/static >= 0.9.
# Run from the repository root: bash bench/throughput.sh   (about 2 minutes)
# Settings: BENCH_DURATION (15 s of measurement per target), BENCH_ROUNDS (3), BENCH_WARMUP (15 s),
# BENCH_THREADS (2), BENCH_CONNECTIONS (32).
source "$(dirname "$0")/lib.sh"

DURATION=${BENCH_DURATION:-15}
ROUNDS=${BENCH_ROUNDS:-3}
WARMUP=${BENCH_WARMUP:-15}
ROUND=$(((DURATION + ROUNDS - 1) / ROUNDS))

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
say "measuring: $ROUNDS rounds of ${ROUND}s on each"
for ((r = 1; r <= ROUNDS; r++)); do
  bench_wrk "page-$r" "$base$BENCH_PAGE" "$ROUND"
  bench_wrk "static-$r" "$base$BENCH_STATIC" "$ROUND"
done

read -r page_rps page_p99 page_failed page_other < <(bench_rounds_sum page)
read -r static_rps static_p99 static_failed static_other < <(bench_rounds_sum static)

bench_header "throughput: page vs static file with the same bytes (wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS, $ROUNDS x ${ROUND}s each, alternating, Accept-Encoding: br, gzip)"
printf '%-8s %-28s %9s %8s %8s %11s %7s %7s %10s\n' what path encoding 'on wire' 'decoded' 'requests/s' 'p99 ms' failed 'other CPU'
printf '%-8s %-28s %9s %8s %8s %11s %7s %7s %9s%%\n' page "$BENCH_PAGE" "$page_enc" "$page_wire" "$page_size" \
  "$page_rps" "$page_p99" "$page_failed" "$page_other"
printf '%-8s %-28s %9s %8s %8s %11s %7s %7s %9s%%\n' static "$BENCH_STATIC" "$static_enc" "$static_wire" "$static_size" \
  "$static_rps" "$static_p99" "$static_failed" "$static_other"
ratio=$(bench_ratio "$page_rps" "$static_rps")
verdict=$(awk -v r="$ratio" 'BEGIN { print ((r >= 0.9) ? "meets" : "BELOW") }')
echo "ratio page/static: $ratio (target >= 0.90: $verdict)"
rounds=""
for ((r = 1; r <= ROUNDS; r++)); do
  rounds+="${rounds:+, }$(bench_w "page-$r" rps)/$(bench_w "static-$r" rps)"
done
echo "per round, page/static requests/s: $rounds"
echo "warm-up: page $(bench_w warmup-page rps) requests/s, static $(bench_w warmup-static rps) requests/s"
echo "(on wire / decoded: bytes of one response body; other CPU: share of the CPUs used by other processes during the runs)"
