#!/usr/bin/env bash
# The page served by the site alone (one instance, Release publish, Production and its shipped log settings: no line
# per ordinary request) against nginx serving the same bytes from a file: the hardest baseline. Both encodings:
#   br        what a browser gets (Accept-Encoding: br, gzip): the site's brotli bytes, nginx sends the same file;
#   identity  uncompressed (Accept-Encoding: identity): the page's HTML as is.
# Measured in alternating rounds (nginx, site, nginx, site, ...) so that a disturbance hits both alike.
# Target (issue 12): site/nginx >= 0.6 for both encodings.
# Run from the repository root: bash bench/alone.sh   (about 3 minutes)
# Settings: BENCH_DURATION (15 s of measurement per target and encoding), BENCH_ROUNDS (3), BENCH_WARMUP (15 s),
# BENCH_THREADS (2), BENCH_CONNECTIONS (32), BENCH_PORTS.
source "$(dirname "$0")/lib.sh"

DURATION=${BENCH_DURATION:-15}
ROUNDS=${BENCH_ROUNDS:-3}
WARMUP=${BENCH_WARMUP:-15}
ROUND=$(((DURATION + ROUNDS - 1) / ROUNDS))

bench_need_debs wrk:wrk curl:curl nginx:nginx-light
bench_results_dir
bench_copy_source
bench_publish
# The rate limit is off (wrk is one address); the request log is as shipped for Production.
bench_start_app app --RateLimiting:Enabled=false "--DataProtection:KeysPath=$BENCH_TMP/keys"
site="http://127.0.0.1:${BENCH_APP_PORT[app]}"

# The same bytes as the site sends, per encoding.
mkdir -p "$BENCH_TMP/nginx/static"
curl -fsS -H 'Accept-Encoding: br, gzip' -o "$BENCH_TMP/nginx/static/pagina.br" "$site$BENCH_PAGE"
curl -fsS -H 'Accept-Encoding: identity' -o "$BENCH_TMP/nginx/static/pagina.html" "$site$BENCH_PAGE"
port=$(bench_free_port)
bench_nginx <<CONF
  access_log off;
  server {
    listen 127.0.0.1:$port;
    root $BENCH_TMP/nginx/static;
    default_type "text/html; charset=utf-8";
    location = /pagina.br { add_header Content-Encoding br; add_header Vary Accept-Encoding; }
    location = /pagina.html { add_header Vary Accept-Encoding; }
  }
CONF
nginx="http://127.0.0.1:$port"
for ((i = 0; i < 50; i++)); do curl -fsS -o /dev/null "$nginx/pagina.html" 2>/dev/null && break; sleep 0.1; done

# use_encoding br|identity: what wrk and curl ask for (BENCH_ENCODING) and nginx's file with those bytes ($file).
use_encoding() {
  if [ "$1" = br ]; then
    BENCH_ENCODING="br, gzip" file=pagina.br
  else
    BENCH_ENCODING=identity file=pagina.html
  fi
}

declare -A enc wire decoded
for e in br identity; do
  use_encoding "$e"
  read -r _ enc[site-$e] wire[site-$e] decoded[site-$e] < <(bench_check_url "$site$BENCH_PAGE")
  read -r _ enc[nginx-$e] wire[nginx-$e] decoded[nginx-$e] < <(bench_check_url "$nginx/$file")
  [ "${wire[site-$e]}" = "${wire[nginx-$e]}" ] || die "$e: the site sends ${wire[site-$e]} bytes, nginx ${wire[nginx-$e]}: not the same bytes"
done

bench_quiet_check
# Warm-up: the JIT (tiered compilation, dynamic PGO) keeps getting faster for the first 10-20 s of load.
say "warm-up: ${WARMUP}s on the site (brotli), 5s identity, 5s on nginx"
BENCH_ENCODING="br, gzip" bench_wrk warmup-site-br "$site$BENCH_PAGE" "$WARMUP"
BENCH_ENCODING=identity bench_wrk warmup-site-identity "$site$BENCH_PAGE" 5
BENCH_ENCODING=identity bench_wrk warmup-nginx "$nginx/pagina.html" 5
for e in br identity; do
  use_encoding "$e"
  say "measuring $e: $ROUNDS rounds of ${ROUND}s on each"
  for ((r = 1; r <= ROUNDS; r++)); do
    bench_wrk "nginx-$e-$r" "$nginx/$file" "$ROUND"
    bench_wrk "site-$e-$r" "$site$BENCH_PAGE" "$ROUND"
  done
done

bench_header "alone: the page from the site vs the same bytes from nginx (wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS, $ROUNDS x ${ROUND}s each, alternating; Production log settings)"
printf '%-16s %-9s %8s %8s %11s %7s %7s %10s\n' what encoding 'on wire' decoded 'requests/s' 'p99 ms' failed 'other CPU'
declare -A rps
for e in br identity; do
  for who in nginx site; do
    read -r rps[$who-$e] p99 failed other < <(bench_rounds_sum "$who-$e")
    printf '%-16s %-9s %8s %8s %11s %7s %7s %9s%%\n' "$who" "${enc[$who-$e]}" "${wire[$who-$e]}" "${decoded[$who-$e]}" \
      "${rps[$who-$e]}" "$p99" "$failed" "$other"
  done
done
for e in br identity; do
  ratio=$(bench_ratio "${rps[site-$e]}" "${rps[nginx-$e]}")
  echo "ratio site/nginx ($e): $ratio (target >= 0.60: $(awk -v r="$ratio" 'BEGIN { print ((r >= 0.6) ? "meets" : "BELOW") }'))"
done
lines=$(grep -c "\"RequestPath\":\"$BENCH_PAGE\"" "$BENCH_TMP/app.log" || true)
echo "request log lines for the page during the run: $lines (Production writes no line per ordinary request)"
