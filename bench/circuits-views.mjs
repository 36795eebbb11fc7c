// Page views of the publication page in Chromium (headless, a 360x740 phone screen), each scrolled to a depth drawn
// from a fixed, seeded distribution, counting the Blazor circuits they open: the page-view part of circuits.sh.
//
// Usage: node bench/circuits-views.mjs URL VIEWS PARALLEL SEED DWELL_MS
// Prints one line per view ("VIEW index depth target_px reached_px sockets interactive island_fetches blazor_js late"),
// the island's place on the page ("ISLAND ...", measured on the first view before any scrolling) and a TOTAL line.
//
// THE SCROLL PATTERN IS AN ASSUMPTION, not a measurement of Almelo's readers. Depth = the share of the page's
// scrollable height (document height - screen height) a reader scrolls down to, drawn per view:
//   35 % depth 0: reads the first screen only and leaves;
//   45 % depth uniform in (0, 1): stops somewhere in the document;
//   20 % depth 1: scrolls to the end.
// (A bounce-heavy shape as published scroll-depth studies report for long articles; change DISTRIBUTION to try
// another.) The same SEED gives the same depths in the same order, so "before" and "after" see the same readers.
// Every view: load the page (fresh browser context: no cache, no cookies), read the first screen for 1 s, scroll down
// half a screen (370 px) every 200 ms until the depth is reached, stay DWELL_MS there, close the tab. A view that
// asked for blazor.web.js but whose island is not interactive yet after DWELL_MS waits up to 15 s more for it
// (late = 1): its reader did reach the island, and only a slow machine would lose that circuit from the count.
import { chromium } from 'playwright-core';

const [url, viewsArg, parallelArg, seedArg, dwellArg] = process.argv.slice(2);
const views = Number(viewsArg);
const parallel = Number(parallelArg);
const seed = Number(seedArg);
const dwell = Number(dwellArg);
if (!url || !(views >= 1) || !(parallel >= 1) || !Number.isInteger(seed) || !(dwell >= 0)) {
  console.error('usage: node circuits-views.mjs URL VIEWS PARALLEL SEED DWELL_MS');
  process.exit(2);
}
const SCREEN = { width: 360, height: 740 };
const FIRST_SCREEN_MS = 1000;
const STEP_PX = 370;
const STEP_MS = 200;
const LATE_MS = 15_000;
const DISTRIBUTION = [
  { share: 0.35, depth: () => 0 },
  { share: 0.45, depth: random => random() },
  { share: 0.20, depth: () => 1 },
];

// mulberry32: a small seeded generator, so that the depths are the same on every run and machine.
function generator(state) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(seed);
const depths = Array.from({ length: views }, () => {
  let pick = random();
  for (const bucket of DISTRIBUTION) {
    if (pick < bucket.share) return bucket.depth(random);
    pick -= bucket.share;
  }
  return DISTRIBUTION.at(-1).depth(random);
});

const flags = (process.env.BENCH_CHROME_FLAGS ?? '--no-sandbox --disable-gpu --disable-quic').split(' ').filter(f => f && !f.startsWith('--headless'));
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: flags });
const timer = setTimeout(() => { console.error('circuits-views.mjs: not done within 30 minutes'); process.exit(1); }, 30 * 60_000);
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

// Where the island is, before anything moved it: the page as a reader first sees it.
const islandPlace = () => {
  const island = document.querySelector('[data-eiland]') ?? document.querySelector('#wetten');
  const top = island ? Math.round(island.getBoundingClientRect().top + window.scrollY) : -1;
  return { top, height: document.documentElement.scrollHeight, screen: window.innerHeight, onDemand: !!document.querySelector('[data-eiland]') };
};

async function view(index) {
  const context = await browser.newContext({ viewport: SCREEN, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const seen = { sockets: 0, island: 0, blazorJs: 0 };
  page.on('websocket', socket => { if (new URL(socket.url()).pathname.startsWith('/_blazor')) seen.sockets++; });
  page.on('request', request => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/_eiland/')) seen.island++;
    if (/^\/_framework\/blazor\.web(\.[a-z0-9]+)?\.js$/.test(path)) seen.blazorJs++;
  });
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    const place = index === 0 ? await page.evaluate(islandPlace) : undefined;
    await sleep(FIRST_SCREEN_MS);
    const depth = depths[index];
    const target = Math.round(depth * await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight));
    let reached = 0;
    while (reached < target) {
      const next = Math.min(target, reached + STEP_PX);
      reached = await page.evaluate(y => { window.scrollTo(0, y); return Math.round(window.scrollY); }, next);
      if (reached < next) break; // the page ended (it may have become shorter)
      await sleep(STEP_MS);
    }
    await sleep(dwell);
    // Interactive = the island shows its buttons: the circuit rendered it.
    const isInteractive = () => page.evaluate(() => document.querySelectorAll('#wetten button').length > 0);
    let interactive = await isInteractive();
    // Once Blazor was asked for, its circuit is coming: on a busy machine it may take longer than the dwell. Wait for
    // it (at most LATE_MS), so that the count depends on the reader's scrolling, not on the machine's speed.
    let late = 0;
    for (const waited = performance.now(); seen.blazorJs > 0 && !interactive && performance.now() - waited < LATE_MS; late = 1) {
      await sleep(250);
      interactive = await isInteractive();
    }
    console.log(`VIEW ${index + 1} ${depth.toFixed(3)} ${target} ${reached} ${seen.sockets} ${interactive ? 1 : 0} ${seen.island} ${seen.blazorJs} ${late}`);
    return place;
  } finally {
    await context.close();
  }
}

let next = 0;
let place;
const started = performance.now();
try {
  place = await view(next++);
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < views) {
      await view(next++);
    }
  }));
} finally {
  clearTimeout(timer);
  await browser.close();
}
if (place) {
  const maxScroll = place.height - place.screen;
  // eiland.js starts Blazor once the island is within 300 px below the screen (IntersectionObserver rootMargin).
  const trigger = Math.max(0, place.top - place.screen - 300);
  console.log(`ISLAND top_px=${place.top} page_px=${place.height} screen_px=${place.screen} screens_down=${(place.top / place.screen).toFixed(2)} page_share=${(place.top / place.height).toFixed(3)} on_demand=${place.onDemand ? 1 : 0} trigger_scroll_px=${trigger} trigger_depth=${(trigger / maxScroll).toFixed(3)}`);
}
console.log(`TOTAL views=${views} seconds=${Math.round((performance.now() - started) / 1000)}`);
