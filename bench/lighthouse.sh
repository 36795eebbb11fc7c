#!/usr/bin/env bash
# Lighthouse (npm lighthouse@12.2.3, bench/package.json) on the publication page in Debian's Chromium, mobile (the
# default form factor, simulated throttling). Prints the four category scores with their targets (performance >= 99,
# accessibility, best-practices and seo 100), the main performance metrics, LCP and the transfer against their
# targets (<= 1.2 s, <= 60 KB) and every audit that cost points.
# Keeps the JSON (and HTML) report in bench/results/. Run from the repository root: bash bench/lighthouse.sh (~1 min).
source "$(dirname "$0")/lib.sh"

bench_browser_setup
url="$BENCH_PAGE_URL"
curl -fsS --max-time 10 -o /dev/null "$url" # one request before Lighthouse, so that its first load is not the app's very first

bench_quiet_check
mkdir -p "$BENCH_TMP/chrome-profile"
report=$BENCH_RUN_DIR/lighthouse
say "lighthouse $url"
CHROME_PATH=/usr/bin/chromium timeout 180 "$BENCH_DIR/node_modules/.bin/lighthouse" "$url" \
  --quiet --output=json --output=html --output-path="$report" \
  --chrome-flags="${BENCH_CHROME_FLAGS[*]} --user-data-dir=$BENCH_TMP/chrome-profile" \
  >"$BENCH_RUN_DIR/lighthouse.log" 2>&1 || { tail -n 30 "$BENCH_RUN_DIR/lighthouse.log" >&2; die "lighthouse failed"; }

bench_header "lighthouse 12.2.3: $BENCH_PAGE, mobile, Chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}')"
node - "$report.report.json" <<'EOF'
const fs = require('node:fs');
const lhr = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const targets = { performance: 99, accessibility: 100, 'best-practices': 100, seo: 100 };
console.log(`form factor: ${lhr.configSettings.formFactor}, throttling: ${lhr.configSettings.throttlingMethod}, Lighthouse ${lhr.lighthouseVersion}`);
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
EOF
echo "report: ${report#"$BENCH_REPO"/}.report.json (and .report.html)"
