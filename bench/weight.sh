#!/usr/bin/env bash
# Page weight of a first visit of the publication page: every request a real browser makes (Debian's Chromium,
# headless, fresh profile), bytes transferred as compressed on the wire; and the HTML alone (curl, Accept-Encoding: br).
# Targets: <= 60 KB in all (issue 12, aiming for 50), <= 30 KB HTML (KB = 1000 bytes). Run from the repository root: bash bench/weight.sh
# (about 1 minute). Needs: /usr/bin/chromium (installed when missing), Node.js, bench/'s npm packages (npm ci).
source "$(dirname "$0")/lib.sh"

TOTAL_TARGET=60000
HTML_TARGET=30000

bench_browser_setup
url="$BENCH_PAGE_URL"

# The HTML alone, as a browser asking for Brotli gets it: size_download is the body as sent (compressed or not),
# the file written by --compressed the same body decoded.
read -r html_status html_bytes html_headers < <(curl -sS --max-time 10 --compressed -H 'Accept-Encoding: br' \
  -o "$BENCH_TMP/page.html" -D "$BENCH_TMP/html-headers" -w '%{http_code} %{size_download} %{size_header}\n' "$url")
html_encoding=$(tr -d '\r' <"$BENCH_TMP/html-headers" | awk -F': ' 'tolower($1)=="content-encoding"{print $2}')
html_decoded=$(wc -c <"$BENCH_TMP/page.html")

bench_quiet_check
say "first visit in Chromium"
BENCH_CHROME_FLAGS="${BENCH_CHROME_FLAGS[*]}" CHROME_PATH=/usr/bin/chromium \
  timeout 90 node "$BENCH_DIR/weight.mjs" "$url" "$BENCH_RUN_DIR/requests.json" >"$BENCH_RUN_DIR/weight.txt" \
  || { cat "$BENCH_RUN_DIR/weight.txt" >&2; die "weight.mjs failed"; }

bench_header "weight: first visit of $BENCH_PAGE (Chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), headless, empty cache)"
printf '%-6s %12s %12s %-5s %-16s %s\n' status transferred decoded enc type url
awk -v host="127.0.0.1:${BENCH_APP_PORT[app]}" '$1 == "REQ" {
    url = $7; sub("^(http|ws)://" host, "", url)
    printf "%-6s %12d %12d %-5s %-16s %s\n", $2, $3, $4, $5, $6, url
  }' "$BENCH_RUN_DIR/weight.txt"
read -r _ count total decoded < <(grep '^TOTAL ' "$BENCH_RUN_DIR/weight.txt")
verdict() { [ "$1" -le "$2" ] && echo meets || echo OVER; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1000 }'; }
echo "total: $count requests, $(kb "$total") transferred ($total bytes; $(kb "$decoded") decoded) - target <= $(kb $TOTAL_TARGET): $(verdict "$total" $TOTAL_TARGET)"
echo "HTML alone (curl, Accept-Encoding: br): status $html_status, Content-Encoding: ${html_encoding:-none}, body $(kb "$html_bytes") ($html_bytes bytes; $html_decoded decoded; headers $html_headers bytes) - target <= $(kb $HTML_TARGET): $(verdict "$html_bytes" $HTML_TARGET)"
echo "(transferred = headers + body as received, Chrome DevTools' 'Transferred'; the WebSocket line counts frame payloads of the first 2 s after load)"
