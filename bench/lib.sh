# shellcheck shell=bash
# Shared code of the benchmark scripts in bench/: sourced, never run.
#
# What it does for a script:
# - a temporary working folder ($BENCH_TMP) that is removed at exit, with every process the script started stopped
#   (trap on EXIT, also after Ctrl-C or an error);
# - a fresh copy of the committed source (git archive HEAD), published with `dotnet publish -c Release` inside that
#   copy, never in the repository's own tree;
# - starting the published app on a free loopback port, waiting until /health says "Healthy", stopping it;
# - running wrk with bench/wrk-report.lua and reading its figures back;
# - sampling the memory of a process; installing missing Debian packages; installing bench/'s npm packages.
#
# Only loopback (127.0.0.1) is ever contacted. Settings for the benchmark run (environment variables):
#   BENCH_THREADS (2), BENCH_CONNECTIONS (32): wrk's -t and -c
#   BENCH_PORTS (20000-39999): the loopback ports the apps and nginx may use, e.g. 5120-5139 on a shared machine
#   BENCH_KEEP_TMP=1: keep the temporary folder (the published app, the app logs) for a look afterwards
#   BENCH_ENCODING ("br, gzip"): the Accept-Encoding that wrk and bench_check_url send ("identity": uncompressed)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BENCH_REPO=$(cd "$BENCH_DIR/.." && pwd)
BENCH_RESULTS=$BENCH_DIR/results
BENCH_WEB_PROJECT=src/Almelo.Perspectief.Web
BENCH_PAGE=${BENCH_PAGE:-/perspectiefnota-2026-2029}  # another page: BENCH_PAGE=/en/perspectiefnota-2026-2029 bash bench/lighthouse.sh
# The static copy of the page, put into wwwroot of the temporary source copy before publishing (see bench_publish_with_static_page).
BENCH_STATIC=/bench/pagina.html
BENCH_THREADS=${BENCH_THREADS:-2}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-32}
BENCH_PORTS=${BENCH_PORTS:-20000-39999}
BENCH_ENCODING=${BENCH_ENCODING:-br, gzip}
BENCH_SCRIPT=$(basename "$0" .sh)
BENCH_STAMP=$(date +%Y%m%d-%H%M%S)

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=1 MSBUILDDISABLENODEREUSE=1
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}

BENCH_TMP=$(mktemp -d /tmp/almelo-bench.XXXXXX)
chmod 755 "$BENCH_TMP" # nginx's worker processes (user nobody) must reach their files in here
BENCH_SRC=$BENCH_TMP/src
BENCH_OUT=$BENCH_TMP/out
declare -a BENCH_PIDS=()
declare -gA BENCH_APP_PID=() BENCH_APP_PORT=() BENCH_APP_STOPPED=()

# Progress goes to stderr; the figures go to stdout.
say() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# True while the process runs (a zombie, dead but not yet reaped, counts as gone).
bench_alive() {
  local state
  state=$(sed -n 's/^[^)]*) \([A-Za-z]\).*/\1/p' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ]
}

# True when the pid is a child of this script (so never another process that reused the number).
bench_ours() {
  [ "$(sed -n 's/^[^)]*) [A-Za-z] \([0-9]*\).*/\1/p' "/proc/$1/stat" 2>/dev/null)" = "$$" ]
}

# Sends TERM, waits up to $2 seconds (15), then KILL. Only ever a child process of this script.
bench_kill() {
  local pid=$1 grace=${2:-15} i
  if ! bench_alive "$pid" || ! bench_ours "$pid"; then
    wait "$pid" 2>/dev/null || true
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 10; i++)); do
    bench_alive "$pid" || break
    sleep 0.1
  done
  if bench_alive "$pid"; then
    say "process $pid did not stop within ${grace}s: KILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

bench_cleanup() {
  local status=$? i
  trap - EXIT
  for ((i = ${#BENCH_PIDS[@]} - 1; i >= 0; i--)); do
    bench_kill "${BENCH_PIDS[$i]}" 10
  done
  if [ "${BENCH_KEEP_TMP:-0}" = 1 ]; then
    say "kept $BENCH_TMP"
  else
    rm -rf "$BENCH_TMP"
  fi
  if [ -n "${BENCH_TEE_PID:-}" ]; then # let tee write the last lines before the script ends
    exec 1>&2
    wait "$BENCH_TEE_PID" 2>/dev/null || true
  fi
  exit "$status"
}
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Remember a background process so that it is stopped at exit.
bench_track() { BENCH_PIDS+=("$1"); }

# Installs the Debian packages whose command (or, given as an absolute path, file) is missing:
# bench_need_debs COMMAND:PACKAGE|/PATH:PACKAGE ...
bench_need_debs() {
  local missing=() item
  for item in "$@"; do
    command -v "${item%%:*}" >/dev/null 2>&1 || [ -x "/usr/sbin/${item%%:*}" ] || [ -e "${item%%:*}" ] || missing+=("${item#*:}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  say "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Installs bench/'s npm packages (Lighthouse, playwright-core) from package-lock.json when they are missing or stale.
bench_npm_ci() {
  command -v npm >/dev/null 2>&1 || bench_need_debs node:nodejs npm:npm
  if [ ! -f "$BENCH_DIR/node_modules/.package-lock.json" ] \
    || [ "$BENCH_DIR/package-lock.json" -nt "$BENCH_DIR/node_modules/.package-lock.json" ]; then
    say "npm ci in bench/"
    (cd "$BENCH_DIR" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
}

# The chromium flags of every browser run: headless, fresh profile (added by the caller), no traffic off the machine.
# --proxy-server points at a closed loopback port: anything Chromium would fetch from elsewhere fails locally
# (loopback itself is never proxied), so the only traffic is to the app under test.
# shellcheck disable=SC2034 # used by weight.sh and lighthouse.sh
BENCH_CHROME_FLAGS=(--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync --proxy-server=http://127.0.0.1:9)

# bench_copy_source: copies the committed source (HEAD) into $BENCH_SRC and sets BENCH_COMMIT to its short hash.
# Uncommitted changes are not measured: said, not fatal.
bench_copy_source() {
  mkdir -p "$BENCH_SRC"
  git -C "$BENCH_REPO" archive HEAD | tar -x -C "$BENCH_SRC"
  BENCH_COMMIT=$(git -C "$BENCH_REPO" rev-parse --short HEAD)
  if [ -n "$(git -C "$BENCH_REPO" status --porcelain -- src content Directory.Build.props Directory.Packages.props global.json)" ]; then
    say "note: the working tree has uncommitted changes in src/ or content/; this run measures commit $BENCH_COMMIT only"
  fi
}

# What the browser benchmarks (weight.sh, lighthouse.sh) need: Chromium and Node.js, bench/'s npm packages, a
# published copy of HEAD, and one app running it; sets BENCH_PAGE_URL to the publication page on that app.
bench_browser_setup() {
  bench_need_debs curl:curl chromium:chromium node:nodejs
  bench_npm_ci
  bench_results_dir
  bench_copy_source
  bench_publish
  bench_start_app app "--DataProtection:KeysPath=$BENCH_TMP/keys"
  # shellcheck disable=SC2034 # used by weight.sh and lighthouse.sh
  BENCH_PAGE_URL="http://127.0.0.1:${BENCH_APP_PORT[app]}$BENCH_PAGE"
}

# dotnet publish -c Release of the web project of the copy into $BENCH_OUT.
bench_publish() {
  local log=$BENCH_TMP/publish.log started=$SECONDS
  say "dotnet publish -c Release (commit $BENCH_COMMIT) in $BENCH_SRC"
  if ! (cd "$BENCH_SRC" && dotnet publish "$BENCH_WEB_PROJECT" -c Release -o "$BENCH_OUT" -nologo --disable-build-servers -v quiet) >>"$log" 2>&1; then
    tail -n 40 "$log" >&2
    die "dotnet publish failed (log above)"
  fi
  say "published in $((SECONDS - started))s"
}

# A free TCP port on 127.0.0.1 (nothing answers a connect on it).
bench_free_port() {
  local port i
  local low=${BENCH_PORTS%-*} high=${BENCH_PORTS#*-}
  for ((i = 0; i < 200; i++)); do
    port=$((low + RANDOM % (high - low + 1)))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  die "no free port found"
}

# bench_start_app NAME [EXTRA SETTINGS...]: starts the published app on a free port, waits for /health = Healthy.
# Always passed: the content of the copy, a snapshot folder of its own, and Https:Redirect=false (plain HTTP on
# loopback; in production TLS ends in front of the app).
# Sets BENCH_APP_PID[NAME], BENCH_APP_PORT[NAME]. Its output (the request log) goes to $BENCH_TMP/NAME.log.
bench_start_app() {
  local name=$1
  shift
  local port pid
  port=$(bench_free_port)
  (cd "$BENCH_TMP" && exec dotnet "$BENCH_OUT/Almelo.Perspectief.Web.dll" --urls "http://127.0.0.1:$port" \
    "--Content:Path=$BENCH_SRC/content" "--Content:SnapshotPath=$BENCH_TMP/snapshot-$name" --Https:Redirect=false \
    "--Site:BaseUrl=http://127.0.0.1:$port" "$@") \
    >"$BENCH_TMP/$name.log" 2>&1 </dev/null &
  pid=$!
  bench_track "$pid"
  BENCH_APP_PID[$name]=$pid
  BENCH_APP_PORT[$name]=$port
  bench_wait_healthy "http://127.0.0.1:$port" "$pid" "$BENCH_TMP/$name.log"
  say "app '$name' runs on http://127.0.0.1:$port (pid $pid)"
}

# bench_wait_healthy BASE_URL PID LOG: polls /health for at most 60 s.
bench_wait_healthy() {
  local base=$1 pid=$2 log=$3 i
  for ((i = 0; i < 120; i++)); do
    if ! bench_alive "$pid"; then
      tail -n 30 "$log" >&2
      die "the app stopped before it was healthy (log above)"
    fi
    if curl -fsS --max-time 2 "$base/health" 2>/dev/null | grep -q '"status": *"Healthy"'; then
      return 0
    fi
    sleep 0.5
  done
  tail -n 30 "$log" >&2
  die "$base/health did not say Healthy within 60 s"
}

bench_stop_app() {
  BENCH_APP_STOPPED[$1]=1
  bench_kill "${BENCH_APP_PID[$1]}" 15
}

# Publishes the copy twice: the second time with the first publish's page HTML as a static file at $BENCH_STATIC,
# because MapStaticAssets only serves files that exist at build time. Leaves the final publish in $BENCH_OUT.
bench_publish_with_static_page() {
  bench_copy_source
  bench_publish
  bench_start_app first
  local base="http://127.0.0.1:${BENCH_APP_PORT[first]}"
  mkdir -p "$BENCH_SRC/$BENCH_WEB_PROJECT/wwwroot/bench"
  curl -fsS --max-time 10 -o "$BENCH_SRC/$BENCH_WEB_PROJECT/wwwroot/bench/pagina.html" "$base$BENCH_PAGE"
  bench_stop_app first
  say "page saved as wwwroot$BENCH_STATIC ($(wc -c <"$BENCH_SRC/$BENCH_WEB_PROJECT/wwwroot/bench/pagina.html") bytes); publishing again"
  bench_publish
}

# bench_nginx: starts nginx in the foreground with a config of our own in $BENCH_TMP/nginx (its pid, logs and temp
# paths there); the http-level part of the config (log formats, upstreams, servers) comes on stdin, lines for the main
# context (load_module) in BENCH_NGINX_MAIN. Workers: one per core, sendfile on. Its folder is $BENCH_TMP/nginx (logs/,
# and static/ for files to serve); sets BENCH_NGINX_PID; the caller waits for its servers to answer. As root, the
# workers run as root: a worker that cannot read its files serves fast 403s, which would make any baseline look fast.
bench_nginx() {
  local ngx=$BENCH_TMP/nginx user_line=""
  mkdir -p "$ngx/logs" "$ngx/temp" "$ngx/static"
  [ "$(id -u)" -eq 0 ] && user_line="user root;"
  {
    printf '%s\n' "${BENCH_NGINX_MAIN:-}" "$user_line" 'daemon off;' 'worker_processes auto;' "pid $ngx/nginx.pid;" \
      "error_log $ngx/logs/error.log warn;" 'events { worker_connections 1024; }' 'http {' '  sendfile on;' \
      "  client_body_temp_path $ngx/temp/client_body;" "  proxy_temp_path $ngx/temp/proxy;" \
      "  fastcgi_temp_path $ngx/temp/fastcgi;" "  uwsgi_temp_path $ngx/temp/uwsgi;" "  scgi_temp_path $ngx/temp/scgi;"
    cat
    printf '}\n'
  } >"$ngx/nginx.conf"
  chmod -R a+rX "$ngx"
  nginx -t -q -p "$ngx" -e "$ngx/logs/error.log" -c "$ngx/nginx.conf" || die "nginx config rejected ($ngx/nginx.conf)"
  nginx -p "$ngx" -e "$ngx/logs/error.log" -c "$ngx/nginx.conf" </dev/null >"$ngx/logs/stdout.log" 2>&1 &
  BENCH_NGINX_PID=$!
  bench_track "$BENCH_NGINX_PID"
}

# bench_proxy_conf PORT HOST:PORT...: docs/nginx/perspectief-proxy.conf, the documented nginx configuration (proxy,
# sticky upstream, cache), with only its host lines changed for this run: it listens on 127.0.0.1:PORT without TLS,
# the upstream has the given instances, the cache lives in $BENCH_TMP/nginx/cache. Dies when one of those lines is not
# in the file as expected, so that the benchmarks never run a configuration other than the documented one.
bench_proxy_conf() {
  local port=$1 conf
  shift
  mkdir -p "$BENCH_TMP/nginx/cache"
  conf=$(awk -v port="$port" -v servers="$*" -v cache="$BENCH_TMP/nginx/cache" '
    /^proxy_cache_path \/var\/cache\/nginx\/perspectief / { sub(/\/var\/cache\/nginx\/perspectief/, cache); found["cache"]++ }
    /^upstream perspectief \{/ { upstream = 1 }
    upstream && /^[ \t]*server / {
      if (!found["servers"]) {
        count = split(servers, address, " ")
        for (i = 1; i <= count; i++) { line = $0; sub(/[0-9.]+:[0-9]+/, address[i], line); print line }
        found["servers"] = 1
      }
      next
    }
    upstream && /^}/ { upstream = 0 }
    /^[ \t]*listen 443 ssl;/ { sub(/443 ssl/, "127.0.0.1:" port); found["listen"]++ }
    /^[ \t]*ssl_certificate(_key)? / { found["certificate"]++; next }
    { print }
    END { exit !(found["cache"] == 1 && found["servers"] == 1 && found["listen"] == 1 && found["certificate"] == 2) }
  ' "$BENCH_REPO/docs/nginx/perspectief-proxy.conf") || die "docs/nginx/perspectief-proxy.conf no longer has the host lines bench_proxy_conf replaces"
  printf '%s\n' "$conf"
}

# bench_site_headers URL: the response headers the site sends for URL as nginx add_header lines ("always"): every
# header but those nginx writes itself for a file (date, length, type, encoding, validators, vary), so that nginx
# serving the same bytes from a file sends the same response.
bench_site_headers() {
  local lines
  lines=$(curl -fsS --max-time 10 -H 'Accept-Encoding: br, gzip' -D - -o /dev/null "$1" | tr -d '\r' | awk -F': ' 'NR > 1 && NF >= 2 && tolower($1) !~ /^(date|content-length|content-type|content-encoding|transfer-encoding|etag|last-modified|vary|age|connection|server)$/ {
    name = $1; sub(/^[^:]*: /, ""); gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); printf "      add_header %s \"%s\" always;\n", name, $0 }')
  grep -q 'Content-Security-Policy' <<<"$lines" || die "$1 has no Content-Security-Policy header to copy"
  ! grep -q '\$' <<<"$lines" || die "a header of $1 has a \$, which nginx would read as a variable"
  printf '%s\n' "$lines"
}

# bench_check_url URL: the URL answers 200 (no redirect) with Accept-Encoding: $BENCH_ENCODING. Prints
# "<status> <content-encoding or identity> <bytes on the wire> <bytes decoded>".
bench_check_url() {
  local url=$1 status wire enc decoded
  read -r status wire < <(curl -sS --max-time 10 --compressed -H "Accept-Encoding: $BENCH_ENCODING" -o "$BENCH_TMP/body" \
    -D "$BENCH_TMP/headers" -w '%{http_code} %{size_download}\n' "$url")
  enc=$(tr -d '\r' <"$BENCH_TMP/headers" | awk -F': ' 'tolower($1)=="content-encoding"{print $2}')
  decoded=$(wc -c <"$BENCH_TMP/body")
  [ "$status" = 200 ] || die "$url answered $status, not 200"
  echo "$status ${enc:-identity} $wire $decoded"
}

# bench_wrk LABEL URL DURATION_S [SCRIPT ARGS...]: one wrk run with bench/wrk-report.lua (script args: see there),
# output kept in $BENCH_RUN_DIR/wrk-LABEL.txt. Read its figures with bench_w LABEL KEY.
# With BENCH_STOP_AFTER=N set, the run stops (SIGINT) as soon as it has at least N responses and has run at least
# BENCH_MIN_SECONDS (0), DURATION_S being the upper bound. wrk is bounded in time in any case: SIGINT at DURATION_S + 30 s, SIGKILL 10 s later.
# Also measured: the share of the CPUs that other processes (not this script, its app, nginx or wrk) used during
# the run, as the line "OTHER_CPU <percent>" in the output file (bench_w LABEL other_cpu).
bench_wrk() {
  local label=$1 url=$2 duration=$3
  shift 3
  local file=$BENCH_RUN_DIR/wrk-$label.txt args=("$@") stopdir="" pid i status=0 before after
  if [ -n "${BENCH_STOP_AFTER:-}" ]; then
    stopdir=$BENCH_TMP/stop-$label
    rm -rf "$stopdir" && mkdir -p "$stopdir"
    args+=("stop_after=$(((BENCH_STOP_AFTER + BENCH_THREADS - 1) / BENCH_THREADS))" "stopdir=$stopdir")
  fi
  before="$(bench_cpu_ticks) $(bench_own_ticks)"
  wrk -t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" -d"${duration}s" --timeout 5s --latency \
    -H "Accept-Encoding: $BENCH_ENCODING" -s "$BENCH_DIR/wrk-report.lua" "$url" -- "${args[@]}" >"$file" 2>&1 &
  pid=$!
  bench_track "$pid"
  i=0
  while bench_alive "$pid"; do
    if [ -n "$stopdir" ] && ((i >= ${BENCH_MIN_SECONDS:-0} * 5)) \
      && [ "$(find "$stopdir" -name 'thread-*' | wc -l)" -ge "$BENCH_THREADS" ]; then
      kill -INT "$pid" 2>/dev/null || true # wrk stops and reports as usual
      stopdir=""
    fi
    if ((i == (duration + 30) * 5)); then
      say "wrk ($label) overran its time: SIGINT"
      kill -INT "$pid" 2>/dev/null || true
    elif ((i == (duration + 40) * 5)); then
      kill -KILL "$pid" 2>/dev/null || true
    fi
    sleep 0.2
    i=$((i + 1))
  done
  # wrk has exited but is not yet reaped: its CPU time is still counted as ours.
  after="$(bench_cpu_ticks) $(bench_own_ticks)"
  wait "$pid" || status=$?
  awk -v a="$before" -v b="$after" 'BEGIN { split(a, x, " "); split(b, y, " ");
    total = (y[1] - x[1]) + (y[2] - x[2]); other = (y[1] - x[1]) - (y[3] - x[3]); if (other < 0) other = 0
    printf "OTHER_CPU %.0f\n", (total > 0) ? 100 * other / total : 0 }' >>"$file"
  if [ "$status" -ne 0 ] || ! grep -q '^BENCH ' "$file"; then
    cat "$file" >&2
    bench_apps_dead_report
    die "wrk failed ($label, exit $status)"
  fi
  if bench_apps_dead_report; then
    die "an app stopped during the wrk run '$label' (see above); its figures are not valid"
  fi
}

# True (and says so, with the end of its log) when an app is no longer running though the script did not stop it.
bench_apps_dead_report() {
  local name found=1 status
  for name in "${!BENCH_APP_PID[@]}"; do
    if ! bench_alive "${BENCH_APP_PID[$name]}" && [ -z "${BENCH_APP_STOPPED[$name]:-}" ]; then
      BENCH_APP_STOPPED[$name]=1
      status=0
      wait "${BENCH_APP_PID[$name]}" 2>/dev/null || status=$?
      say "app '$name' (pid ${BENCH_APP_PID[$name]}) is no longer running (exit status $status); the end of its log, request lines left out:"
      grep -v RequestLoggingMiddleware "$BENCH_TMP/$name.log" | tail -n 20 >&2 || true
      cp "$BENCH_TMP/$name.log" "$BENCH_RUN_DIR/app-$name.log" 2>/dev/null || true
      found=0
    fi
  done
  return $found
}

# bench_w LABEL KEY: one figure of a wrk run: requests, duration_us, bytes, connect, read, write, timeout,
# status (>= 400, as wrk counts them), non2xx, p50_us, p75_us, p90_us, p99_us, max_us; and the derived
# rps (requests/s), socket (connect + read + write + timeout), failed (socket + non2xx), p50_ms ... p99_ms;
# other_cpu (% of the CPUs used by other processes during the run).
bench_w() {
  local file=$BENCH_RUN_DIR/wrk-$1.txt key=$2
  awk -v key="$key" '/^OTHER_CPU /{ other = $2 } /^BENCH /{
      for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      v["rps"] = sprintf("%.1f", v["requests"] / (v["duration_us"] / 1e6))
      v["socket"] = v["connect"] + v["read"] + v["write"] + v["timeout"]
      v["failed"] = v["socket"] + v["non2xx"]
      split("50 75 90 99", ps, " ")
      for (j in ps) v["p" ps[j] "_ms"] = sprintf("%.2f", v["p" ps[j] "_us"] / 1000)
      v["max_ms"] = sprintf("%.2f", v["max_us"] / 1000)
    } END { v["other_cpu"] = other; print v[key] }' "$file"
}

# bench_ratio A B: A / B with two decimals.
# bench_rounds_sum LABEL: the bench_wrk runs LABEL-1 .. LABEL-$ROUNDS as one, printed as "rps p99_ms failed other_cpu":
# requests/s = all requests / all time; p99 = the worst round's; other CPU = the mean.
bench_rounds_sum() {
  local r req=0 us=0 failed=0 p99=0 other=0
  for ((r = 1; r <= ROUNDS; r++)); do
    req=$((req + $(bench_w "$1-$r" requests)))
    us=$((us + $(bench_w "$1-$r" duration_us)))
    failed=$((failed + $(bench_w "$1-$r" failed)))
    other=$((other + $(bench_w "$1-$r" other_cpu)))
    p99=$(awk -v a="$p99" -v b="$(bench_w "$1-$r" p99_ms)" 'BEGIN { print ((b > a) ? b : a) }')
  done
  awk -v n="$req" -v us="$us" -v p="$p99" -v f="$failed" -v o="$other" -v r="$ROUNDS" \
    'BEGIN { printf "%.1f %s %d %.0f\n", n / (us / 1e6), p, f, o / r }'
}

bench_ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f\n", a / b }'; }

# bench_sample_mem PID FILE: appends "seconds VmRSS_kB VmHWM_kB" every 0.5 s while PID lives (at most 20 min).
bench_sample_mem() {
  local pid=$1 file=$2
  (
    for ((i = 0; i < 2400; i++)); do
      bench_alive "$pid" || break
      awk -v t="$SECONDS" '/^VmRSS:/{r=$2} /^VmHWM:/{h=$2} END{if (r != "") print t, r, h}' "/proc/$pid/status" 2>/dev/null >>"$file" || true
      sleep 0.5
    done
  ) &
  bench_track "$!"
}

# Peak of the samples: "max VmRSS sampled" and the last VmHWM (the kernel's own high-water mark) in MiB.
bench_mem_peak() {
  awk '{ if ($2 > r) r = $2; h = $3 } END { printf "%.1f %.1f\n", r / 1024, h / 1024 }' "$1"
}

# A results folder per run (gitignored): wrk outputs, reports; and the stdout of the script copied into summary.txt.
bench_results_dir() {
  BENCH_RUN_DIR=$BENCH_RESULTS/$BENCH_SCRIPT-$BENCH_STAMP
  mkdir -p "$BENCH_RUN_DIR"
  exec > >(tee "$BENCH_RUN_DIR/summary.txt")
  BENCH_TEE_PID=$!
  say "results in ${BENCH_RUN_DIR#"$BENCH_REPO"/}"
}

# "busy idle" CPU ticks of the whole machine so far (/proc/stat).
bench_cpu_ticks() { awk '/^cpu /{print $2+$3+$4+$6+$7+$8, $5}' /proc/stat; }

# CPU ticks used so far by this script and its whole process tree (apps, nginx and its workers, samplers, wrk, Node,
# Chromium's processes; exited but not yet reaped ones included), up to 12 levels deep.
bench_own_ticks() {
  # A process may end between the glob and cat: cat then fails, which must not end the script (pipefail).
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v me=$$ '
    { pid = $1; sub(/^.*\) /, ""); parent[pid] = $2; ticks[pid] = $12 + $13 + $14 + $15 }
    END {
      for (p in ticks) { q = p; for (depth = 0; depth < 12 && q != "" && q != me && q > 1; depth++) q = parent[q]
        if (q == me) t += ticks[p] }
      print t + 0
    }'
}

# Share of all CPUs busy over one second with processes other than this script's own (its app's start-up is not
# counted), in %.
bench_cpu_busy() {
  local a b
  a="$(bench_cpu_ticks) $(bench_own_ticks)"
  sleep 1
  b="$(bench_cpu_ticks) $(bench_own_ticks)"
  awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " ");
    total = (y[1] - x[1]) + (y[2] - x[2]); other = (y[1] - x[1]) - (y[3] - x[3]); if (other < 0) other = 0
    printf "%.0f\n", (total > 0) ? 100 * other / total : 0 }'
}

# Call right before measuring: figures taken while other processes (a build, a test run) use the CPU are worth
# little on 2 cores. Waits up to BENCH_WAIT_QUIET seconds (60) for the CPU to be under 10% busy, then goes on
# anyway; the header of the output says how busy it was.
bench_quiet_check() {
  local i
  BENCH_CPU_BUSY=$(bench_cpu_busy)
  for ((i = 1; i < ${BENCH_WAIT_QUIET:-60} && BENCH_CPU_BUSY >= 10; i++)); do
    ((i % 10 == 1)) && say "the machine is busy (${BENCH_CPU_BUSY}% CPU by other processes): waiting up to ${BENCH_WAIT_QUIET:-60}s for it to calm down"
    BENCH_CPU_BUSY=$(bench_cpu_busy)
  done
  [ "$BENCH_CPU_BUSY" -lt 10 ] || say "WARNING: ${BENCH_CPU_BUSY}% CPU busy with other processes before the measurement: the figures are disturbed"
}

bench_header() {
  echo "== $1"
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')  commit: ${BENCH_COMMIT:-?}  machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(dotnet --version 2>/dev/null | sed 's/^/.NET SDK /')${BENCH_CPU_BUSY:+, CPU busy before the run: ${BENCH_CPU_BUSY}%}"
}
