// Page weight of a first visit, as the browser received it: every request of one page load in Debian's Chromium
// (headless, fresh profile, no cache), with the bytes transferred (Chrome DevTools' "Transferred": headers + body as
// sent, compressed) and decoded, read from the Chrome DevTools Protocol (Network domain) through playwright-core.
// Usage: node bench/weight.mjs URL [REPORT.json]
// Prints one line per request ("REQ status transferred decoded encoding type url") and a TOTAL line; used by weight.sh.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, reportPath] = process.argv.slice(2);
if (!url) {
  console.error('usage: node weight.mjs URL [REPORT.json]');
  process.exit(2);
}
// The same flags as lighthouse.sh (lib.sh's BENCH_CHROME_FLAGS), passed by weight.sh; a fresh profile of our own.
const flags = (process.env.BENCH_CHROME_FLAGS ?? '--no-sandbox --disable-gpu --disable-quic').split(' ').filter(f => f && !f.startsWith('--headless'));
const profile = mkdtempSync(join(tmpdir(), 'almelo-weight-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: flags,
});
const timer = setTimeout(() => { console.error('weight.mjs: no result within 60 s'); process.exit(1); }, 60_000);

try {
  const page = context.pages()[0] ?? await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

  const requests = new Map(); // requestId -> record; a redirect closes the record and opens a new one
  const done = [];
  const header = (headers, name) => Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];
  cdp.on('Network.requestWillBeSent', e => {
    const previous = requests.get(e.requestId);
    if (previous && e.redirectResponse) {
      previous.status = e.redirectResponse.status;
      previous.transferred = e.redirectResponse.encodedDataLength ?? 0;
      done.push(previous);
    }
    requests.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other', status: 0, encoding: '', transferred: 0, decoded: 0 });
  });
  cdp.on('Network.responseReceived', e => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.status = e.response.status;
    r.encoding = header(e.response.headers, 'content-encoding') ?? '';
    r.fromCache = e.response.fromDiskCache || e.response.fromServiceWorker;
  });
  cdp.on('Network.dataReceived', e => { const r = requests.get(e.requestId); if (r) r.decoded += e.dataLength; });
  cdp.on('Network.loadingFinished', e => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.transferred = e.encodedDataLength;
    done.push(r);
    requests.delete(e.requestId);
  });
  cdp.on('Network.loadingFailed', e => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.failed = e.errorText;
    done.push(r);
    requests.delete(e.requestId);
  });
  // Blazor's interactive island opens a WebSocket (SignalR): its frames are counted as one extra line.
  const sockets = new Map();
  const frameBytes = f => (f.opcode === 2 ? Buffer.from(f.payloadData, 'base64').length : Buffer.byteLength(f.payloadData ?? ''));
  cdp.on('Network.webSocketCreated', e => sockets.set(e.requestId, { url: e.url, type: 'WebSocket', status: 101, encoding: '', transferred: 0, decoded: 0, frames: 0 }));
  const onFrame = e => { const s = sockets.get(e.requestId); if (s) { const n = frameBytes(e.response); s.transferred += n; s.decoded += n; s.frames++; } };
  cdp.on('Network.webSocketFrameReceived', onFrame);
  cdp.on('Network.webSocketFrameSent', onFrame);

  await page.goto(url, { waitUntil: 'networkidle', timeout: 30_000 });
  await page.waitForTimeout(2_000); // late requests (charts, the island's connection)

  const all = [...done, ...requests.values(), ...sockets.values()];
  const sum = key => all.reduce((n, r) => n + (r[key] || 0), 0);
  for (const r of all) {
    const kind = r.frames !== undefined ? `WebSocket:${r.frames}_frames` : r.type;
    const state = r.failed ? `FAILED:${r.failed}` : String(r.status);
    console.log(`REQ ${state} ${r.transferred} ${r.decoded} ${r.encoding || '-'} ${kind} ${r.url}`);
  }
  console.log(`TOTAL ${all.length} ${sum('transferred')} ${sum('decoded')}`);
  if (reportPath) writeFileSync(reportPath, JSON.stringify({ url, date: new Date().toISOString(), requests: all }, null, 2));
} finally {
  clearTimeout(timer);
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
