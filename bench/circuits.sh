#!/usr/bin/env bash
# Circuits on demand (issue 12, part 4), before and after: what the interactive island's Blazor Server circuits cost.
#   before = commit a79b7b9: every page view loads blazor.web.js and opens a circuit within seconds;
#   after  = HEAD: js/eiland.js starts Blazor only when the island comes within 300 px of the screen, or is touched.
# For each, on a fresh instance of its own Release publish:
#   1. server memory per 1,000 open circuits: BENCH_CIRCUITS real circuits held open at the same time by a Node
#      client that speaks Blazor's hub protocol as blazor.web.js does (bench/circuits-open.mjs), against the app with
#      none: the managed heap after a full GC (dotnet-gcdump, which forces one) and the process's RSS (/proc);
#      checked: the established connections on the app's port (ss), and a click on one island still answers;
#   2. circuits opened per 1,000 page views: BENCH_VIEWS views in Chromium (headless, 360x740), each scrolled to a
#      depth drawn from a fixed, seeded distribution that is an ASSUMPTION (see bench/circuits-views.mjs), counting
#      the /_blazor WebSockets each view opened; scaled to 1,000 views.
# No target: the script reports. Run from the repository root: bash bench/circuits.sh   (15-30 minutes: most of it
# is the page views, which take longer on a busy machine)
# Settings: BENCH_BEFORE (a79b7b9), BENCH_CIRCUITS (1000), BENCH_OPEN_CONCURRENCY (16), BENCH_SETTLE (10 s),
# BENCH_VIEWS (200), BENCH_VIEW_PARALLEL (8), BENCH_SEED (20261128), BENCH_DWELL_MS (2500), BENCH_GCDUMP (1: install
# the dotnet-gcdump tool from NuGet into the temporary folder; 0: RSS only).
# Both apps run with --RateLimiting:Enabled=false and --Circuits:MaxCircuitsPerClient=10000 (the same as the
# environment variables RateLimiting__Enabled and Circuits__MaxCircuitsPerClient): all circuits come from 127.0.0.1,
# which the default cap of 20 per client address would refuse. a79b7b9 has no such cap and ignores the setting.
source "$(dirname "$0")/lib.sh"

BEFORE=${BENCH_BEFORE:-a79b7b9}
CIRCUITS=${BENCH_CIRCUITS:-1000}
OPEN_CONCURRENCY=${BENCH_OPEN_CONCURRENCY:-16}
SETTLE=${BENCH_SETTLE:-10}
VIEWS=${BENCH_VIEWS:-200}
VIEW_PARALLEL=${BENCH_VIEW_PARALLEL:-8}
SEED=${BENCH_SEED:-20261128}
DWELL_MS=${BENCH_DWELL_MS:-2500}
WARMUP_CIRCUITS=20
APP_SETTINGS=(--RateLimiting:Enabled=false --Circuits:MaxCircuitsPerClient=10000)

bench_need_debs curl:curl chromium:chromium node:nodejs ss:iproute2
bench_npm_ci
bench_results_dir

GCDUMP=""
if [ "${BENCH_GCDUMP:-1}" = 1 ]; then
  say "dotnet tool install dotnet-gcdump (into $BENCH_TMP/tools)"
  if dotnet tool install dotnet-gcdump --tool-path "$BENCH_TMP/tools" >"$BENCH_TMP/gcdump-install.log" 2>&1; then
    GCDUMP=$BENCH_TMP/tools/dotnet-gcdump
  else
    say "WARNING: dotnet-gcdump could not be installed (log: $(tail -n 1 "$BENCH_TMP/gcdump-install.log")); measuring RSS only"
  fi
fi

# CPU ticks of the machine and of this script's process tree (Node and Chromium's many processes included), so that
# "other CPU" is what the rest of the machine used.
cpu_mark() { echo "$(bench_cpu_ticks) $(bench_own_ticks)"; }
# other_cpu MARK: the share of all CPUs (%) used by processes outside this script's tree since MARK.
other_cpu() {
  awk -v a="$1" -v b="$(cpu_mark)" 'BEGIN { split(a, x, " "); split(b, y, " ");
    total = (y[1] - x[1]) + (y[2] - x[2]); other = (y[1] - x[1]) - (y[3] - x[3]); if (other < 0) other = 0
    printf "%.0f\n", (total > 0) ? 100 * other / total : 0 }'
}

# Established TCP connections to the app's port, server side.
sockets() { ss -Htn state established "( sport = :$1 )" | wc -l; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
rss_kb() { awk '/^VmRSS:/{print $2}' "/proc/$1/status"; }
hwm_kb() { awk '/^VmHWM:/{print $2}' "/proc/$1/status"; }

# heap_kb NAME LABEL: forces a full GC in the app (collecting a gcdump does) and prints its live managed heap in KiB
# ("-" without dotnet-gcdump).
heap_kb() {
  local name=$1 label=$2 file=$BENCH_TMP/$1-$2.gcdump
  if [ -z "$GCDUMP" ]; then
    echo -
    return
  fi
  if ! timeout 120 "$GCDUMP" collect -p "${BENCH_APP_PID[$name]}" -o "$file" >"$BENCH_RUN_DIR/gcdump-$name-$label.txt" 2>&1; then
    say "WARNING: dotnet-gcdump collect failed ($name, $label): see gcdump-$name-$label.txt"
    echo -
    return
  fi
  timeout 120 "$GCDUMP" report "$file" >"$BENCH_RUN_DIR/gcdump-$name-$label-report.txt" 2>&1 || true
  awk '/GC Heap bytes/ { gsub(",", "", $1); printf "%.0f\n", $1 / 1024; found = 1 } END { if (!found) print "-" }' \
    "$BENCH_RUN_DIR/gcdump-$name-$label-report.txt"
}

# open_circuits NAME COUNT LABEL: runs circuits-open.mjs in the background (output in circuits-NAME-LABEL.txt) and
# waits until it has opened them; it holds them until the file $BENCH_TMP/release-NAME-LABEL exists.
open_circuits() {
  local name=$1 count=$2 label=$3 out=$BENCH_RUN_DIR/circuits-$1-$3.txt i
  rm -f "$BENCH_TMP/release-$name-$label"
  node "$BENCH_DIR/circuits-open.mjs" "http://127.0.0.1:${BENCH_APP_PORT[$name]}" "$BENCH_PAGE" "${ISLAND[$name]}" \
    "$count" "$OPEN_CONCURRENCY" "$BENCH_TMP/release-$name-$label" >"$out" 2>&1 &
  OPENER_PID=$!
  bench_track "$OPENER_PID"
  for ((i = 0; i < 600; i++)); do
    grep -q '^READY ' "$out" && return 0
    bench_alive "$OPENER_PID" || break
    sleep 0.5
  done
  cat "$out" >&2
  die "circuits-open.mjs ($name, $label) did not report READY within 300 s"
}

# close_circuits NAME LABEL: lets the opener close its circuits and end.
close_circuits() {
  local i
  touch "$BENCH_TMP/release-$1-$2"
  for ((i = 0; i < 240; i++)); do
    bench_alive "$OPENER_PID" || break
    sleep 0.5
  done
  bench_kill "$OPENER_PID" 5
}

# ready KEY FILE: a field of the READY line of circuits-open.mjs.
ready() { sed -n 's/^READY .*\b'"$1"'=\([^ ]*\).*/\1/p' "$2"; }

declare -A ISLAND=() R=()
busy_max=0

measure() {
  local name=$1 ref=$2 port pid html mark out
  BENCH_SRC=$BENCH_TMP/src-$name
  BENCH_OUT=$BENCH_TMP/out-$name
  bench_copy_source "$ref"
  R[$name.commit]=$BENCH_COMMIT
  bench_publish
  bench_start_app "$name" "${APP_SETTINGS[@]}" "--DataProtection:KeysPath=$BENCH_TMP/keys-$name"
  port=${BENCH_APP_PORT[$name]}
  pid=${BENCH_APP_PID[$name]}
  html=$(curl -fsS --max-time 10 "http://127.0.0.1:$port$BENCH_PAGE")
  # A page that starts Blazor at the island says where the island's fresh markup is (data-eiland); else "-": the
  # marker is in the page itself, as blazor.web.js reads it on every page load.
  ISLAND[$name]=$(grep -o 'data-eiland="[^"]*"' <<<"$html" | head -n 1 | sed 's/^data-eiland="\(.*\)"$/\1/' || true)
  ISLAND[$name]=${ISLAND[$name]:--}
  if [ "${ISLAND[$name]}" = - ]; then
    R[$name.loads]="blazor.web.js and a circuit on every page load"
  else
    R[$name.loads]="Blazor starts at the island; fresh markup from ${ISLAND[$name]}"
  fi
  say "$name ($BENCH_COMMIT): ${R[$name.loads]}"

  # 1. Memory. A warm-up first (pages rendered, a few circuits opened and closed: code loaded and compiled), then the
  # app with no circuit, then with $CIRCUITS open.
  open_circuits "$name" "$WARMUP_CIRCUITS" warmup
  close_circuits "$name" warmup
  sleep 3
  bench_quiet_check
  ((BENCH_CPU_BUSY > busy_max)) && busy_max=$BENCH_CPU_BUSY
  mark=$(cpu_mark)
  R[$name.sockets0]=$(sockets "$port")
  R[$name.heap0]=$(heap_kb "$name" 0)
  sleep 2
  R[$name.rss0]=$(rss_kb "$pid")
  say "$name: no circuit: heap ${R[$name.heap0]} KiB, RSS ${R[$name.rss0]} KiB; opening $CIRCUITS circuits"
  open_circuits "$name" "$CIRCUITS" held
  out=$BENCH_RUN_DIR/circuits-$name-held.txt
  say "$name: $(grep '^READY ' "$out" | cut -c 7-160); settling ${SETTLE}s"
  sleep "$SETTLE" # the client's idle HTTP connections (page fetches) close; only the circuits' WebSockets stay
  R[$name.sockets]=$(sockets "$port")
  R[$name.heap]=$(heap_kb "$name" held)
  sleep 2
  R[$name.rss]=$(rss_kb "$pid")
  R[$name.hwm]=$(hwm_kb "$pid")
  R[$name.mem_cpu]=$(other_cpu "$mark")
  R[$name.opened]=$(ready opened "$out")
  R[$name.failed]=$(ready failed "$out")
  R[$name.still]=$(ready still_open "$out")
  R[$name.open_s]=$(awk -v ms="$(ready open_ms "$out")" 'BEGIN { printf "%.0f", ms / 1000 }')
  R[$name.toggle]=$(ready toggle "$out")
  R[$name.toggle_ms]=$(ready toggle_ms "$out")
  bench_apps_dead_report && die "app '$name' stopped while the circuits were open"
  close_circuits "$name" held
  sleep 3
  R[$name.sockets_closed]=$(sockets "$port")
  R[$name.rss_closed]=$(rss_kb "$pid")
  say "$name: $CIRCUITS circuits: heap ${R[$name.heap]} KiB, RSS ${R[$name.rss]} KiB, ${R[$name.sockets]} connections"

  # 2. Page views in Chromium.
  bench_quiet_check
  ((BENCH_CPU_BUSY > busy_max)) && busy_max=$BENCH_CPU_BUSY
  say "$name: $VIEWS page views in Chromium, $VIEW_PARALLEL at a time"
  mark=$(cpu_mark)
  out=$BENCH_RUN_DIR/views-$name.txt
  BENCH_CHROME_FLAGS="${BENCH_CHROME_FLAGS[*]}" CHROME_PATH=/usr/bin/chromium timeout 1800 \
    node "$BENCH_DIR/circuits-views.mjs" "http://127.0.0.1:$port$BENCH_PAGE" "$VIEWS" "$VIEW_PARALLEL" "$SEED" "$DWELL_MS" \
    >"$out" 2>&1 || { tail -n 20 "$out" >&2; die "circuits-views.mjs failed ($name)"; }
  R[$name.views_cpu]=$(other_cpu "$mark")
  read -r R["$name.views"] R["$name.ws"] R["$name.ws_views"] R["$name.interactive"] R["$name.island_fetches"] R["$name.blazor_js"] R["$name.late"] < <(
    awk '$1 == "VIEW" { n++; ws += $6; if ($6 > 0) wv++; live += $7; fetches += $8; js += $9; late += $10 }
      END { print n + 0, ws + 0, wv + 0, live + 0, fetches + 0, js + 0, late + 0 }' "$out")
  R[$name.island]=$(sed -n 's/^ISLAND //p' "$out")
  R[$name.views_s]=$(sed -n 's/^TOTAL .*seconds=\([0-9]*\).*/\1/p' "$out")
  bench_apps_dead_report && die "app '$name' stopped during the page views"
  bench_stop_app "$name"
}

measure before "$BEFORE"
measure after HEAD

island() { sed -n 's/.*\b'"$2"'=\([^ ]*\).*/\1/p' <<<"${R[$1.island]}"; }
per1000() { awk -v d="$1" -v n="$2" 'BEGIN { if (d == "-" || n == "-" || n == 0) print "-"; else printf "%.1f", d * 1000 / n }'; }
kb_delta_mib() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-") print "-"; else printf "%.1f", (b - a) / 1024 }'; }

bench_header "circuits: server memory per 1,000 open circuits, circuits opened per 1,000 page views"
echo "before: ${R[before.commit]} (${R[before.loads]})   after: ${R[after.commit]} (${R[after.loads]})"
echo "both apps: Release publish, ASPNETCORE_ENVIRONMENT=$ASPNETCORE_ENVIRONMENT, ${APP_SETTINGS[*]} (every circuit comes from 127.0.0.1); CPU busy before the runs: at most ${busy_max}%"
echo
echo "1. Server memory, $CIRCUITS circuits open at the same time (bench/circuits-open.mjs: Node, @microsoft/signalr, protocol blazorpack,"
echo "   the same hub messages as blazor.web.js; each fetches the page, starts a circuit and receives the island's first render)."
echo "   heap = live managed heap after a forced full GC (dotnet-gcdump); RSS = VmRSS of the app (server GC keeps freed memory"
echo "   in RSS, so RSS grows by more than the live heap); sockets = established connections on the app's port after ${SETTLE}s."
printf '   %-7s %-8s %7s %7s %8s %15s %11s %15s %11s %9s %12s %9s\n' "" commit opened failed sockets "heap 0->N MiB" "heap/1000" "RSS 0->N MiB" "RSS/1000" "VmHWM" "click" "other CPU"
for name in before after; do
  heap_delta=$(kb_delta_mib "${R[$name.heap0]}" "${R[$name.heap]}")
  rss_delta=$(kb_delta_mib "${R[$name.rss0]}" "${R[$name.rss]}")
  heap_range="-"
  [ "${R[$name.heap0]}" != - ] && [ "${R[$name.heap]}" != - ] && heap_range="$(mib "${R[$name.heap0]}")->$(mib "${R[$name.heap]}")"
  printf '   %-7s %-8s %7s %7s %8s %15s %11s %15s %11s %9s %12s %8s%%\n' "$name" "${R[$name.commit]}" "${R[$name.opened]}" "${R[$name.failed]}" \
    "${R[$name.sockets]}" "$heap_range" "$(per1000 "$heap_delta" "${R[$name.opened]}") MiB" \
    "$(mib "${R[$name.rss0]}")->$(mib "${R[$name.rss]}")" "$(per1000 "$rss_delta" "${R[$name.opened]}") MiB" \
    "$(mib "${R[$name.hwm]}")" "${R[$name.toggle]} ${R[$name.toggle_ms]}ms" "${R[$name.mem_cpu]}"
done
for name in before after; do
  echo "   $name: opened in ${R[$name.open_s]}s ($OPEN_CONCURRENCY at a time); still open when measured: ${R[$name.still]}; sockets before: ${R[$name.sockets0]}, after closing them all: ${R[$name.sockets_closed]}; RSS after closing: $(mib "${R[$name.rss_closed]}") MiB"
done
[ "$CIRCUITS" -lt 1000 ] && echo "   NOTE: $CIRCUITS circuits, not 1,000: the per-1,000 figures are scaled linearly"
echo
echo "2. Circuits per page view: $VIEWS views per app in Chromium (headless, 360x740, fresh context each, $VIEW_PARALLEL at a time),"
echo "   the same seeded depths for both (seed $SEED). ASSUMED scroll pattern (bench/circuits-views.mjs): 35% of readers stay on the"
echo "   first screen, 45% stop at a depth uniform over the page, 20% scroll to the end; 1 s on the first screen, half a screen per"
echo "   200 ms down, ${DWELL_MS} ms at the final depth (up to 15 s more, 'late', for a view that asked for blazor.web.js and whose"
echo "   island was not interactive yet). Counted: /_blazor WebSockets opened; islands that became interactive."
printf '   %-7s %6s %11s %12s %12s %12s %13s %6s %11s %9s\n' "" views "WebSockets" "per 1,000" "interactive" "island GETs" "blazor.web.js" late "time" "other CPU"
for name in before after; do
  printf '   %-7s %6s %11s %12s %12s %12s %13s %6s %10ss %8s%%\n' "$name" "${R[$name.views]}" "${R[$name.ws]}" "$(per1000 "${R[$name.ws]}" "${R[$name.views]}")" \
    "${R[$name.interactive]}" "${R[$name.island_fetches]}" "${R[$name.blazor_js]}" "${R[$name.late]}" "${R[$name.views_s]}" "${R[$name.views_cpu]}"
done
[ "$VIEWS" -lt 1000 ] && echo "   NOTE: $VIEWS views, not 1,000: 'per 1,000' is scaled linearly (about +/- $(awk -v n="$VIEWS" 'BEGIN { printf "%.0f", 1000 * sqrt(0.25 / n) }') per 1,000 from sampling alone)"
echo "   where the island is at 360x740 (measured in the first view, before it became interactive):"
for name in before after; do
  trigger=$(island "$name" trigger_depth)
  if [ "$(island "$name" on_demand)" = 1 ]; then
    expected=$(awk -v f="$trigger" 'BEGIN { printf "%.0f", 1000 * ((f <= 0) ? 1 : 0.45 * (1 - f) + 0.20) }')
    starts="Blazor starts at scroll position $(island "$name" trigger_scroll_px) px = depth $trigger of the page; the assumed pattern reaches that depth in $expected of 1,000 views"
  else
    starts="Blazor starts on page load, wherever the island is: 1,000 of 1,000 views"
  fi
  echo "   $name: island top at $(island "$name" top_px) px of $(island "$name" page_px) px = $(island "$name" screens_down) screens down ($(island "$name" page_share) of the page); $starts"
done
