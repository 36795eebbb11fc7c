#!/usr/bin/env bash
# Lighthouse (npm lighthouse@12.2.3, bench/package.json) on the publication page in Debian's Chromium, mobile (the
# default form factor, simulated throttling), side by side with the same page as a plain file:
#   live    the page from the site (Release publish, Production);
#   static  the same publish's static export (`export OUT`), served by nginx as docs/deployment.md ("Static export")
#           shows: the precompressed .br/.gz siblings (brotli_static, gzip_static), the same addresses, the site's
#           response headers.
# Runs alternate (live, static, live, static, ...) so that a disturbance of this shared machine hits both alike.
# Prints, for the first live run, the four category scores with their targets (performance >= 99, accessibility,
# best-practices and seo 100), the main performance metrics, LCP and the transfer against their targets (<= 1.2 s,
# <= 60 KB) and every audit that cost points; then the medians of LCP and of the document's response time (TTFB) for
# both, and the ratio live/static of the LCP medians (target <= 1.15: the live page on a first visit as fast as the
# plain file).
# Keeps every JSON (and HTML) report in bench/results/. Run from the repository root: bash bench/lighthouse.sh (~3 min).
# Settings: BENCH_LIGHTHOUSE_RUNS (3 per side), BENCH_PORTS.
source "$(dirname "$0")/lib.sh"

RUNS=${BENCH_LIGHTHOUSE_RUNS:-3}
BROTLI_STATIC=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so

bench_need_debs nginx:nginx-light "$BROTLI_STATIC:libnginx-mod-http-brotli-static"
bench_browser_setup
live_url="$BENCH_PAGE_URL"

# The static copy: the export of the same publish, for the address nginx serves it on.
static_port=$(bench_free_port)
while [ "$static_port" = "${BENCH_APP_PORT[app]}" ]; do static_port=$(bench_free_port); done
say "export of the same publish for http://127.0.0.1:$static_port"
(cd "$BENCH_TMP" && dotnet "$BENCH_OUT/Almelo.Perspectief.Web.dll" export "$BENCH_TMP/export" \
  "--Content:Path=$BENCH_SRC/content" "--Site:BaseUrl=http://127.0.0.1:$static_port") >"$BENCH_TMP/export.log" 2>&1 \
  || { tail -n 30 "$BENCH_TMP/export.log" >&2; die "export failed"; }
chmod -R a+rX "$BENCH_TMP/export"
site_headers=$(bench_site_headers "$live_url")
BENCH_NGINX_MAIN="load_module $BROTLI_STATIC;" bench_nginx <<CONF
  access_log off;
  include /etc/nginx/mime.types;
  types { text/calendar ics; text/csv csv; }
  charset utf-8;
  charset_types text/html text/css text/plain text/xml text/csv text/calendar application/json application/xml application/javascript image/svg+xml;
  server {
    listen 127.0.0.1:$static_port;
    root $BENCH_TMP/export;
    gzip_static on;
    brotli_static on;
    # The site's own response headers (security headers, Cache-Control), as docs/deployment.md's snippet adds them.
$site_headers
    location / { try_files \$uri \$uri/index.html =404; }
    error_page 404 /404.html;
  }
CONF
static_url="http://127.0.0.1:$static_port$BENCH_PAGE"
for ((i = 0; i < 50; i++)); do curl -fsS -o /dev/null "$static_url" 2>/dev/null && break; sleep 0.1; done
read -r _ static_enc _ _ < <(bench_check_url "$static_url")
[ "$static_enc" = br ] || die "nginx sends the exported page as $static_enc, not as its .br sibling"

# One request before Lighthouse, as a browser asks, so that no measured load is the app's very first.
curl -fsS --max-time 10 -H 'Accept-Encoding: gzip, deflate, br, zstd' -o /dev/null "$live_url"

# lighthouse NAME URL: one mobile run into $BENCH_RUN_DIR/NAME.report.json (and .html), a fresh profile each time.
# Tried twice: on a busy machine Lighthouse now and then loses the trace of a load (NO_NAVSTART).
lighthouse() {
  local name=$1 url=$2 try
  for try in 1 2; do
    rm -rf "$BENCH_TMP/chrome-profile-$name" && mkdir -p "$BENCH_TMP/chrome-profile-$name"
    say "lighthouse $name: $url (try $try)"
    CHROME_PATH=/usr/bin/chromium timeout 180 "$BENCH_DIR/node_modules/.bin/lighthouse" "$url" \
      --quiet --output=json --output=html --output-path="$BENCH_RUN_DIR/$name" \
      --chrome-flags="${BENCH_CHROME_FLAGS[*]} --user-data-dir=$BENCH_TMP/chrome-profile-$name" \
      >"$BENCH_RUN_DIR/$name.log" 2>&1 && return 0
    tail -n 5 "$BENCH_RUN_DIR/$name.log" >&2
  done
  die "lighthouse failed twice ($name)"
}

bench_quiet_check
for ((r = 1; r <= RUNS; r++)); do
  lighthouse "live-$r" "$live_url"
  lighthouse "static-$r" "$static_url"
done

bench_header "lighthouse 12.2.3: $BENCH_PAGE, mobile, Chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'); live and static export (nginx), $RUNS runs each, alternating"
node - "$BENCH_RUN_DIR" "$RUNS" <<'EOF'
const fs = require('node:fs');
const [dir, runs] = [process.argv[2], Number(process.argv[3])];
const read = (name) => JSON.parse(fs.readFileSync(`${dir}/${name}.report.json`, 'utf8'));
const lhr = read('live-1');
const targets = { performance: 99, accessibility: 100, 'best-practices': 100, seo: 100 };
console.log(`first live run: form factor ${lhr.configSettings.formFactor}, throttling ${lhr.configSettings.throttlingMethod}, Lighthouse ${lhr.lighthouseVersion}`);
if (lhr.runtimeError) console.log(`RUNTIME ERROR: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
for (const w of lhr.runWarnings ?? []) console.log(`warning: ${w}`);
for (const [id, target] of Object.entries(targets)) {
  const category = lhr.categories[id];
  const score = category?.score == null ? null : Math.round(category.score * 100);
  const verdict = score == null ? 'NO SCORE' : score >= target ? 'meets' : 'BELOW';
  console.log(`${id.padEnd(15)} ${String(score ?? '-').padStart(3)}   target >= ${target}: ${verdict}`);
}
const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];
console.log('metrics: ' + metrics.map(m => `${m.replace(/-/g, ' ')} ${lhr.audits[m]?.displayValue ?? '-'}`).join(', '));
const lcp = lhr.audits['largest-contentful-paint']?.numericValue;
const weight = lhr.audits['total-byte-weight']?.numericValue;
const requests = lhr.audits['network-requests']?.details?.items?.length;
console.log(`largest contentful paint ${Math.round(lcp)} ms (target <= 1200: ${lcp <= 1200 ? 'meets' : 'BELOW'}); transfer ${(weight / 1000).toFixed(1)} KB in ${requests} requests (target <= 60 KB: ${weight <= 60000 ? 'meets' : 'BELOW'})`);
for (const [id, category] of Object.entries(lhr.categories)) {
  const lost = category.auditRefs
    .filter(ref => ref.weight > 0 || id === 'performance')
    .map(ref => lhr.audits[ref.id])
    .filter(a => a && a.score !== null && a.score < 1 && !['notApplicable', 'manual', 'informative'].includes(a.scoreDisplayMode));
  for (const a of lost) {
    console.log(`  ${id}: ${a.id} (score ${a.score}${a.displayValue ? ', ' + a.displayValue : ''}): ${a.title}`);
    for (const item of (a.details?.items ?? []).slice(0, 4)) {
      const what = [item.url, item.description, item.reason, item.sourceLocation?.url].filter(Boolean).join(' ');
      const bytes = item.wastedBytes ? ` (${Math.round(item.wastedBytes / 1000)} KB to save)` : '';
      if (what) console.log(`      ${what.replace(/http:\/\/127\.0\.0\.1:\d+/g, '')}${bytes}`);
    }
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const sides = {};
for (const side of ['live', 'static']) {
  const reports = Array.from({ length: runs }, (_, i) => read(`${side}-${i + 1}`));
  const lcps = reports.map(r => r.audits['largest-contentful-paint'].numericValue);
  const ttfbs = reports.map(r => r.audits['server-response-time']?.numericValue ?? NaN);
  const scripts = reports[0].audits['network-requests'].details.items.filter(i => i.resourceType === 'Script').length;
  sides[side] = { lcp: median(lcps), ttfb: median(ttfbs) };
  console.log(`${side.padEnd(6)} LCP ${lcps.map(v => Math.round(v)).join(' / ')} ms (median ${Math.round(sides[side].lcp)}), document response ${ttfbs.map(v => Math.round(v)).join(' / ')} ms (median ${Math.round(sides[side].ttfb)}), ${scripts} scripts`);
}
const ratio = sides.live.lcp / sides.static.lcp;
console.log(`ratio LCP live/static (medians): ${ratio.toFixed(2)} (target <= 1.15: ${ratio <= 1.15 ? 'meets' : 'ABOVE'})`);
EOF
echo "reports: ${BENCH_RUN_DIR#"$BENCH_REPO"/}/{live,static}-N.report.json (and .report.html)"
