#!/usr/bin/env bash
# The site behind a shared cache: nginx proxy_cache in front of one instance (Release publish), configured by
# docs/nginx/perspectief-proxy.conf, the documented configuration (it obeys the site's own Cache-Control and keys on
# the encoding it chose, ignoring Vary). Side by side in one run:
#   static    nginx serving the page's bytes (as the site sends them, brotli) from a file, with the site's response
#             headers: the same response as through the cache, and the baseline of the target;
#   static-bare  the same file without the site's security headers (reported, for comparison);
#   cdn       the page through the proxy cache;
#   cdn+query the page through the proxy cache with a new ?fbclid= on every request (links shared on social media);
#   cdn-encoding  the page through the proxy cache with a new, unknown coding in Accept-Encoding on every request;
#   origin / origin-encoding  the same two requests (the usual Accept-Encoding, and a new unknown coding added on every
#             request) to the site itself, without the proxy.
# Reports requests/s and ratios against static, the cache hit rate (nginx's $upstream_cache_status), the requests that
# reached the site (its request log, at Debug for this run), and how long a content edit takes to show through the
# cache. Targets: cdn >= 0.8 x static (0.7 floor); at most a few hundred origin requests per run; cdn+query within
# 10 % of cdn; a unique Accept-Encoding costs at most 1.25 x the same request without it, at the site and through the
# cache (both caches key on the encoding the site chose); an edit visible within the max-age + 2 s.
# Run from the repository root: bash bench/cdn.sh (~5 min).
# wrk builds every request in Lua in every run (the ?fbclid= run must), so that its own cost is the same in each.
# Measured in alternating rounds (static, static-bare, cdn, cdn-query, static, ...) so that a disturbance of this shared
# machine hits all alike; each figure is the sum of its rounds.
# Settings: BENCH_DURATION (20 s per run, in all), BENCH_ROUNDS (5), BENCH_THREADS (2), BENCH_CONNECTIONS (32), BENCH_PORTS.
source "$(dirname "$0")/lib.sh"

DURATION=${BENCH_DURATION:-20}
ROUNDS=${BENCH_ROUNDS:-5}
ROUND=$(((DURATION + ROUNDS - 1) / ROUNDS))

bench_need_debs wrk:wrk curl:curl nginx:nginx-light
bench_results_dir
bench_copy_source
bench_publish
# Every request that reaches the site is logged (Debug) so that they can be counted.
bench_start_app app --RateLimiting:Enabled=false "--DataProtection:KeysPath=$BENCH_TMP/keys" \
  --Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware=Debug
origin="http://127.0.0.1:${BENCH_APP_PORT[app]}"
max_age=$(curl -sS -D - -o /dev/null "$origin$BENCH_PAGE" | tr -d '\r' | sed -n 's/^cache-control:.*max-age=\([0-9]*\).*/\1/Ip')
[ -n "$max_age" ] || die "the page has no max-age"

ngx=$BENCH_TMP/nginx
mkdir -p "$ngx/static"
# The same bytes as the site sends a browser that accepts brotli, with the same response headers: every header the
# site sends but those nginx writes itself for a file (date, length, type, validators) or adds below.
curl -fsS -H 'Accept-Encoding: br, gzip' -o "$ngx/static/pagina" "$origin$BENCH_PAGE"
site_headers=$(bench_site_headers "$origin$BENCH_PAGE")
cdn_port=$(bench_free_port)
static_port=$(bench_free_port)
while [ "$static_port" = "$cdn_port" ]; do static_port=$(bench_free_port); done
proxy_conf=$(bench_proxy_conf "$cdn_port" "127.0.0.1:${BENCH_APP_PORT[app]}")
bench_nginx <<CONF
  log_format cache '\$upstream_cache_status \$status';
  access_log $ngx/logs/access.log cache buffer=64k flush=1s;

  # --- docs/nginx/perspectief-proxy.conf: the proxy and its cache, as documented ---
$proxy_conf
  # --- the baselines: the same bytes from a file, logged as the cache's requests are (a fair comparison); /pagina
  # with the site's own response headers (the same response as through the cache), /kaal without them ---
  server {
    listen 127.0.0.1:$static_port;
    access_log $ngx/logs/static-access.log cache buffer=64k flush=1s;
    root $ngx/static;
    default_type "text/html; charset=utf-8";
    location = /pagina {
      add_header Content-Encoding br;
      add_header Vary Accept-Encoding;
$site_headers
    }
    location = /kaal {
      try_files /pagina =404;
      add_header Content-Encoding br;
      add_header Vary Accept-Encoding;
    }
  }
CONF
nginx_pid=$BENCH_NGINX_PID
cdn="http://127.0.0.1:$cdn_port"
static="http://127.0.0.1:$static_port"
for ((i = 0; i < 50; i++)); do curl -fsS -o /dev/null "$static/pagina" 2>/dev/null && break; sleep 0.1; done
read -r _ static_enc static_wire _ < <(bench_check_url "$static/pagina")
read -r _ _ bare_wire _ < <(bench_check_url "$static/kaal")
read -r _ cdn_enc cdn_wire cdn_size < <(bench_check_url "$cdn$BENCH_PAGE")

origin_requests() { grep -c "\"RequestPath\":\"$BENCH_PAGE\"" "$BENCH_TMP/app.log" || true; }
cache_log_since() { # the access log's lines since line $1, once nginx has written them
  kill -HUP "$nginx_pid" 2>/dev/null || true
  sleep 1.2
  tail -n +"$1" "$ngx/logs/access.log"
}
cache_statuses() { # the cache statuses in the log lines of file $1: "HIT n MISS n ... total n"
  awk '{ n[$1]++; t++ } END { for (k in n) printf "%s %d ", k, n[k]; printf "total %d\n", t }' "$1"
}

bench_quiet_check
say "warm-up 5s through the cache"
bench_wrk warmup "$cdn$BENCH_PAGE" 5
declare -A origin_in
runs=(static static-bare cdn cdn-query cdn-encoding origin origin-encoding)
for run in "${runs[@]}"; do : >"$ngx/logs/$run.log"; done
for ((r = 1; r <= ROUNDS; r++)); do
  say "round $r of $ROUNDS: ${runs[*]} (${ROUND}s each)"
  for run in "${runs[@]}"; do
    log_from=$(($(wc -l <"$ngx/logs/access.log") + 1))
    before=$(origin_requests)
    case $run in
      static) bench_wrk "$run-$r" "$static/pagina" "$ROUND" built_each_time=1 ;;
      static-bare) bench_wrk "$run-$r" "$static/kaal" "$ROUND" built_each_time=1 ;;
      cdn) bench_wrk "$run-$r" "$cdn$BENCH_PAGE" "$ROUND" built_each_time=1 ;;
      cdn-query) bench_wrk "$run-$r" "$cdn$BENCH_PAGE" "$ROUND" unique_query=fbclid ;;
      cdn-encoding) bench_wrk "$run-$r" "$cdn$BENCH_PAGE" "$ROUND" unique_encoding=1 ;;
      origin) bench_wrk "$run-$r" "$origin$BENCH_PAGE" "$ROUND" built_each_time=1 ;;
      origin-encoding) bench_wrk "$run-$r" "$origin$BENCH_PAGE" "$ROUND" unique_encoding=1 ;;
    esac
    sleep 0.5
    origin_in[$run]=$((${origin_in[$run]:-0} + $(origin_requests) - before))
    cache_log_since "$log_from" >>"$ngx/logs/$run.log"
  done
done
declare -A rps p99 failed status_line
for run in "${runs[@]}"; do
  read -r "rps[$run]" "p99[$run]" "failed[$run]" _ < <(bench_rounds_sum "$run")
  status_line[$run]=$(cache_statuses "$ngx/logs/$run.log")
done

# An edit through the cache: change one figure in the content, poll the page through nginx every 0.2 s.
figures=$(find "$BENCH_SRC/content" -name cijfers.json | head -n 1)
old='"waarde": 49000' new_value=49001 shown=49.001
grep -q "$old" "$figures" || die "$figures has no $old to edit"
say "edit: $old -> \"waarde\": $new_value (shown as $shown); polling through the cache"
sed -i "0,/$old/s//\"waarde\": $new_value/" "$figures"
start=$EPOCHREALTIME
edit_seconds=""
for ((i = 0; i < (max_age + 30) * 5; i++)); do
  if curl -fsS --compressed -H 'Accept-Encoding: br, gzip' "$cdn$BENCH_PAGE" | grep -q ">$shown<"; then
    edit_seconds=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
    break
  fi
  sleep 0.2
done

bench_header "cdn: nginx proxy_cache in front of one instance vs nginx serving the same bytes from a file (wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS, $ROUNDS x ${ROUND}s each, alternating, Accept-Encoding: br, gzip)"
printf '%-16s %-10s %9s %11s %8s %8s %15s %s\n' run encoding 'on wire' 'requests/s' 'p99 ms' failed 'origin requests' 'cache statuses (nginx)'
for run in "${runs[@]}"; do
  enc=$cdn_enc wire=$cdn_wire
  [ "$run" = static ] && enc=$static_enc wire=$static_wire
  [ "$run" = static-bare ] && enc=$static_enc wire=$bare_wire
  printf '%-16s %-10s %9s %11s %8s %8s %15s %s\n' "$run" "$enc" "$wire" "${rps[$run]}" "${p99[$run]}" \
    "${failed[$run]}" "${origin_in[$run]}" "${status_line[$run]}"
done
cdn_ratio=$(bench_ratio "${rps[cdn]}" "${rps[static]}")
bare_ratio=$(bench_ratio "${rps[cdn]}" "${rps[static-bare]}")
query_ratio=$(bench_ratio "${rps[cdn-query]}" "${rps[cdn]}")
# Cost of a unique Accept-Encoding: requests/s of the usual request over requests/s with a new coding each time.
cdn_encoding_cost=$(bench_ratio "${rps[cdn]}" "${rps[cdn-encoding]}")
origin_encoding_cost=$(bench_ratio "${rps[origin]}" "${rps[origin-encoding]}")
hits=$(awk '{ for (i = 1; i < NF; i += 2) if ($i == "HIT") h = $(i + 1); else if ($i == "total") t = $(i + 1) } END { printf "%.1f", (t > 0) ? 100 * h / t : 0 }' <<<"${status_line[cdn]}")
echo "ratio cdn/static: $cdn_ratio (target >= 0.80, floor 0.70: $(awk -v r="$cdn_ratio" 'BEGIN { print (r >= 0.8) ? "meets" : (r >= 0.7) ? "above floor" : "BELOW" }'))"
echo "ratio cdn/static-bare (the file without the site's security headers): $bare_ratio"
echo "ratio cdn+unique ?fbclid / cdn: $query_ratio (target >= 0.90: $(awk -v r="$query_ratio" 'BEGIN { print (r >= 0.9) ? "meets" : "BELOW" }'))"
for pair in "site:$origin_encoding_cost" "cache:$cdn_encoding_cost"; do
  echo "cost of a unique Accept-Encoding per request, ${pair%%:*}: ${pair#*:} x the same request without it (target <= 1.25: $(awk -v r="${pair#*:}" 'BEGIN { print (r <= 1.25) ? "meets" : "ABOVE" }'))"
done
echo "cache hit rate (cdn run): $hits %; requests that reached the site: cdn ${origin_in[cdn]}, cdn+query ${origin_in[cdn-query]}, cdn-encoding ${origin_in[cdn-encoding]} in $((ROUNDS * ROUND))s each (target: a few hundred at most in 10 s)"
echo "edit visible through the cache after: ${edit_seconds:-NOT within $((max_age + 30))}s (max-age $max_age; target <= $((max_age + 2))s)"
echo "page through the cache: $cdn_wire bytes on the wire ($cdn_enc), $cdn_size decoded; static: $static_wire bytes ($static_enc)"
