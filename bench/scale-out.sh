#!/usr/bin/env bash
# Scale-out: two instances of the published app (same Data Protection key folder) behind nginx on loopback, configured
# by docs/nginx/perspectief-proxy.conf without its cache: sticky sessions (consistent hash on a visitor cookie, or on
# the client address without one) and retry on the next instance for connection errors, timeouts, 502 and 503. wrk
# through nginx in three segments: before, during (instance b gets SIGTERM halfway) and after. Target: only requests
# in flight at the kill fail. Run from the repository root: bash bench/scale-out.sh (~2 min)
# Settings: BENCH_SEGMENT (10 s per segment), BENCH_WARMUP (20 s), BENCH_THREADS (2), BENCH_CONNECTIONS (32),
# BENCH_VISITORS (1000: wrk sends a random cookie "bezoeker=1..N" per request, as N different visitors).
source "$(dirname "$0")/lib.sh"

SEGMENT=${BENCH_SEGMENT:-10}
WARMUP=${BENCH_WARMUP:-20}
VISITORS=${BENCH_VISITORS:-1000}

bench_need_debs wrk:wrk curl:curl nginx:nginx-light
bench_results_dir
bench_copy_source
bench_publish

keys=$BENCH_TMP/keys
mkdir -p "$keys"
for name in a b; do
  bench_start_app "$name" --RateLimiting:Enabled=false "--DataProtection:KeysPath=$keys"
done

# nginx: docs/nginx/perspectief-proxy.conf (bench_proxy_conf in lib.sh), with two changes for this run: the sticky key
# is a visitor cookie, because all of wrk's requests come from one address; and nothing is taken from or stored in
# the cache, which would otherwise answer nearly every request and hide what the instances do.
ngx=$BENCH_TMP/nginx
port=$(bench_free_port)
proxy_conf=$(bench_proxy_conf "$port" "127.0.0.1:${BENCH_APP_PORT[a]}" "127.0.0.1:${BENCH_APP_PORT[b]}")
# shellcheck disable=SC2016 # nginx variables, not the shell's
sticky_conf=${proxy_conf/'hash $remote_addr consistent;'/'hash $sticky_key consistent;'}
[ "$sticky_conf" != "$proxy_conf" ] || die "docs/nginx/perspectief-proxy.conf no longer has 'hash \$remote_addr consistent;'"
bench_nginx <<EOF
  # Which instance answered each request, and whether nginx had to try another ("addr1, addr2").
  log_format bench '\$msec \$status "\$upstream_addr" "\$upstream_status"';
  access_log $ngx/logs/access.log bench buffer=64k flush=1s;

  # Sticky key: the visitor cookie when there is one (wrk sends one per request), else the client's address.
  map \$cookie_bezoeker \$sticky_key { '' \$remote_addr; default \$cookie_bezoeker; }
  # Inherited by the documented location, which sets neither.
  proxy_cache_bypass 1;
  proxy_no_cache 1;

$sticky_conf
EOF
nginx_pid=$BENCH_NGINX_PID
base="http://127.0.0.1:$port"
bench_wait_healthy "$base" "$nginx_pid" "$ngx/logs/error.log"
say "nginx on $base (pid $nginx_pid) -> a :${BENCH_APP_PORT[a]}, b :${BENCH_APP_PORT[b]}"
bench_check_url "$base$BENCH_PAGE" >/dev/null

bench_quiet_check
say "warm-up ${WARMUP}s through nginx (both instances)"
bench_wrk warmup "$base$BENCH_PAGE" "$WARMUP" "visitors=$VISITORS"

declare -A seg_start seg_end
segment() { # NAME
  seg_start[$1]=$EPOCHREALTIME
  bench_wrk "$1" "$base$BENCH_PAGE" "$SEGMENT" "visitors=$VISITORS"
  seg_end[$1]=$EPOCHREALTIME
}

say "segment 'before' (${SEGMENT}s)"
segment before

say "segment 'during' (${SEGMENT}s): SIGTERM to instance b (pid ${BENCH_APP_PID[b]}) after $((SEGMENT / 2))s"
pid_b=${BENCH_APP_PID[b]}
BENCH_APP_STOPPED[b]=1 # (read by bench_apps_dead_report in lib.sh)
(
  sleep $((SEGMENT / 2))
  t0=$EPOCHREALTIME
  kill -TERM "$pid_b"
  for ((i = 0; i < 600 && $(bench_alive "$pid_b" && echo 1 || echo 0); i++)); do sleep 0.05; done
  echo "$t0 $EPOCHREALTIME" >"$BENCH_TMP/killed"
) &
killer=$!
segment during
wait "$killer" || true
wait "$pid_b" 2>/dev/null || true
read -r kill_at b_gone <"$BENCH_TMP/killed"

say "segment 'after' (${SEGMENT}s)"
segment after

sleep 1.5 # nginx flushes its access log every second
kill -HUP "$nginx_pid" 2>/dev/null || true # (reopen) also flushes the buffered log
sleep 0.5
gzip -c "$ngx/logs/access.log" >"$BENCH_RUN_DIR/nginx-access.log.gz"
cp "$ngx/logs/error.log" "$BENCH_RUN_DIR/nginx-error.log"
cp "$ngx/nginx.conf" "$BENCH_RUN_DIR/nginx.conf"

# Per segment, from nginx's log: requests per instance, requests that nginx retried on the other instance, 5xx.
nginx_stats() { # NAME
  awk -v from="${seg_start[$1]}" -v to="${seg_end[$1]}" -v a="127.0.0.1:${BENCH_APP_PORT[a]}" -v b="127.0.0.1:${BENCH_APP_PORT[b]}" '
    $1 >= from && $1 <= to {
      addr = $3; gsub(/"/, "", addr); n++
      if (addr ~ /,/) retried++
      else if (addr == a) na++
      else if (addr == b) nb++
      if ($2 >= 500) e5++
    }
    END { printf "%d %d %d %d %d\n", n, na, nb, retried, e5 }' "$ngx/logs/access.log"
}

bench_header "scale-out: 2 instances behind nginx (sticky: consistent hash on a visitor cookie, $VISITORS visitors), wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS, ${SEGMENT}s per segment"
printf '%-8s %11s %8s %7s %8s %7s %7s %8s %8s %10s\n' segment requests/s requests failed non-2xx 'on a' 'on b' retried 'p99 ms' 'other CPU'
for s in before during after; do
  read -r _n na nb retried _e5 < <(nginx_stats "$s")
  printf '%-8s %11s %8s %7s %8s %7s %7s %8s %8s %9s%%\n' "$s" "$(bench_w "$s" rps)" "$(bench_w "$s" requests)" \
    "$(bench_w "$s" failed)" "$(bench_w "$s" non2xx)" "$na" "$nb" "$retried" "$(bench_w "$s" p99_ms)" "$(bench_w "$s" other_cpu)"
done
echo "(failed = socket errors + non-2xx seen by wrk; on a / on b / retried from nginx's log, by time stamp: retried = sent"
echo " to one instance first and then, after an error, to the other; other CPU = share used by other processes)"
awk -v k="$kill_at" -v g="$b_gone" -v s="${seg_start[during]}" 'BEGIN { printf "instance b: SIGTERM %.1f s into the segment, process gone %.2f s later\n", k - s, g - k }'
echo "throughput after/before: $(bench_ratio "$(bench_w after rps)" "$(bench_w before rps)")"
failed=$(($(bench_w before failed) + $(bench_w during failed) + $(bench_w after failed)))
echo "failed requests in all: $failed (target: only requests in flight at the kill, at most $BENCH_CONNECTIONS; before and after 0): $(
  [ "$(bench_w before failed)" -eq 0 ] && [ "$(bench_w after failed)" -eq 0 ] && [ "$(bench_w during failed)" -le "$BENCH_CONNECTIONS" ] && echo meets || echo FAILS)"
if grep -q . "$ngx/logs/error.log"; then
  echo "nginx error log (first lines):"
  grep -v '^\s*$' "$ngx/logs/error.log" | head -n 5 | sed "s/^/  /"
fi
