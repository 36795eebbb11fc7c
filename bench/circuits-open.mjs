// Opens N real Blazor Server circuits to the publication page's island and keeps them open: the memory part of
// circuits.sh. Each circuit is what one reader's browser opens, done the way blazor.web.js does it (the same hub
// messages, seen in Chromium's WebSocket frames): fetch the page (and, where the page starts Blazor only at the
// island, the island's fresh markup from /_eiland/...), read the component marker <!--Blazor:{...}--> and the page's
// <!--Blazor-Server-Component-State:...-->, connect to /_blazor (SignalR over a WebSocket, protocol "blazorpack"),
// StartCircuit, answer the server's one JS interop call, UpdateRootComponents with the marker, acknowledge every
// render batch. A circuit counts as open once the server sent its circuit id and the island's first render batch.
//
// Usage: node bench/circuits-open.mjs BASE_URL PAGE_PATH ISLAND_PATH|- N CONCURRENCY RELEASE_FILE
//   ISLAND_PATH "-": the marker comes from the page itself (the site before the island started on demand).
// Prints progress lines and then "READY opened=<n> failed=<n> toggle=<ok|failed:...> toggle_ms=<ms>"; keeps the
// circuits open until RELEASE_FILE exists (at most 20 minutes), then closes them as a browser tab does when it is
// closed (POST /_blazor/disconnect with the circuit id, then the connection is stopped) and prints "CLOSED <n>".
// The toggle check clicks the island's second law on circuit 1 and waits for the server's render batch.
import { HubConnectionBuilder, HttpTransportType, LogLevel } from '@microsoft/signalr';
import { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack';
import { existsSync } from 'node:fs';

const [base, pagePath, islandPath, countArg, concurrencyArg, releaseFile] = process.argv.slice(2);
const count = Number(countArg);
const concurrency = Number(concurrencyArg);
if (!base || !pagePath || !islandPath || !(count >= 0) || !(concurrency >= 1) || !releaseFile) {
  console.error('usage: node circuits-open.mjs BASE_URL PAGE_PATH ISLAND_PATH|- N CONCURRENCY RELEASE_FILE');
  process.exit(2);
}
const pageUrl = new URL(pagePath, base).href;
const baseUri = new URL('/', base).href;
const deadline = setTimeout(() => { console.log('TIMEOUT: still running after 20 minutes'); process.exit(1); }, 20 * 60_000);

async function text(url) {
  const response = await fetch(url, { headers: { 'Accept-Encoding': 'br, gzip' } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
}

// The server components' markers in some HTML ({"type":"server", ..., "descriptor": ...}) and the page's persisted state.
function markers(html) {
  return [...html.matchAll(/<!--Blazor:(\{.*?\})-->/g)].map(m => JSON.parse(m[1])).filter(m => m.type === 'server');
}
function state(html) {
  return html.match(/<!--Blazor-Server-Component-State:([^-]*?)-->/)?.[1] ?? '';
}

class Circuit {
  constructor(index) {
    this.index = index;
    this.batches = 0;
    this.waiters = [];
    this.errors = [];
  }

  // Resolves when the circuit has rendered (its first render batch arrived); rejects on any failure.
  async open() {
    const page = await text(pageUrl);
    const found = markers(islandPath === '-' ? page : await text(new URL(islandPath, base).href));
    if (found.length === 0) throw new Error('no <!--Blazor:{"type":"server"...}--> marker in the HTML');
    const appState = state(page);
    const protocol = new MessagePackHubProtocol();
    protocol.name = 'blazorpack'; // as blazor.web.js does: MessagePack under Blazor's protocol name
    const connection = new HubConnectionBuilder()
      .withUrl(new URL('/_blazor', base).href, { transport: HttpTransportType.WebSockets })
      .withHubProtocol(protocol)
      .configureLogging(LogLevel.None)
      .build();
    this.connection = connection;
    connection.on('JS.BeginInvokeJS', (asyncHandle) => {
      // The one call a new circuit makes (Blazor._internal.attachWebRendererInterop) returns nothing: answer it as the
      // browser does, with the same payload.
      if (asyncHandle !== 0) connection.send('EndInvokeJSFromDotNet', asyncHandle, true, JSON.stringify([asyncHandle, true, null]));
    });
    connection.on('JS.RenderBatch', (batchId) => {
      this.batches++;
      connection.send('OnRenderCompleted', batchId, null);
      this.settle('batch');
    });
    connection.on('JS.EndInvokeDotNet', (callId, success, result) => this.settle('invoke', { callId, success, result }));
    connection.on('JS.AttachComponent', () => {});
    connection.on('JS.EndUpdateRootComponents', () => {});
    connection.on('JS.Error', (error) => { this.errors.push(String(error)); this.settle('error', error); });
    connection.onclose((error) => { this.closed = true; this.settle('error', error ?? 'connection closed'); });
    await connection.start();
    const firstBatch = this.next('batch', 30_000);
    this.circuitId = await connection.invoke('StartCircuit', baseUri, pageUrl, '[]', appState);
    if (!this.circuitId) throw new Error('StartCircuit returned no circuit id');
    const operations = found.map((marker, i) => ({ type: 'add', ssrComponentId: i + 1, marker: { ...marker, uniqueId: i } }));
    await connection.send('UpdateRootComponents', JSON.stringify({ batchId: 1, operations }), appState);
    await firstBatch;
  }

  // A reader's click on the second law: the server must run the handler and send a render batch back.
  async toggle() {
    const started = performance.now();
    const rendered = this.next('batch', 10_000);
    const answered = this.next('invoke', 10_000);
    const event = [{ eventHandlerId: 2, eventName: 'click', eventFieldInfo: null }, { type: 'click', detail: 1, button: 0, buttons: 0 }];
    await this.connection.send('BeginInvokeDotNetFromJS', '1', null, 'DispatchEventAsync', 1, JSON.stringify(event));
    const [, answer] = await Promise.all([rendered, answered]);
    if (!answer.success) throw new Error(`DispatchEventAsync failed: ${answer.result}`);
    return Math.round(performance.now() - started);
  }

  next(kind, timeout) {
    return new Promise((resolve, reject) => {
      const waiter = { kind, resolve, reject };
      waiter.timer = setTimeout(() => { this.waiters = this.waiters.filter(w => w !== waiter); reject(new Error(`no ${kind} within ${timeout} ms`)); }, timeout);
      this.waiters.push(waiter);
    });
  }

  settle(kind, value) {
    for (const waiter of [...this.waiters]) {
      if (kind === 'error' || waiter.kind === kind) {
        clearTimeout(waiter.timer);
        this.waiters = this.waiters.filter(w => w !== waiter);
        if (kind === 'error') waiter.reject(new Error(`circuit ${this.index}: ${value}`));
        else waiter.resolve(value);
      }
    }
  }

  // As a closed browser tab: the disconnect beacon ends the circuit on the server at once (no retention), then the socket.
  async close() {
    if (this.circuitId) {
      await fetch(new URL('/_blazor/disconnect', base).href, { method: 'POST', body: new URLSearchParams({ circuitId: this.circuitId }) }).catch(() => {});
    }
    await this.connection?.stop().catch(() => {});
  }
}

const circuits = [];
const failures = [];
let nextIndex = 0;
const started = performance.now();
async function worker() {
  while (nextIndex < count) {
    const circuit = new Circuit(++nextIndex);
    try {
      await circuit.open();
      circuits.push(circuit);
      if (circuits.length % 100 === 0) console.log(`OPENED ${circuits.length} (${Math.round(performance.now() - started)} ms)`);
    } catch (error) {
      failures.push(error.message ?? String(error));
      await circuit.close();
    }
  }
}
await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(count, 1)) }, worker));
const openMs = Math.round(performance.now() - started);
let toggle = 'none';
let toggleMs = 0;
if (circuits.length > 0) {
  try {
    toggleMs = await circuits[0].toggle();
    toggle = 'ok';
  } catch (error) {
    toggle = `failed:${String(error.message ?? error).replaceAll(' ', '_')}`;
  }
}
const stillOpen = circuits.filter(c => !c.closed).length;
const firstFailures = [...new Set(failures)].slice(0, 3).map(f => f.replaceAll('\n', ' ')).join(' | ');
console.log(`READY opened=${circuits.length} failed=${failures.length} still_open=${stillOpen} open_ms=${openMs} toggle=${toggle} toggle_ms=${toggleMs}${firstFailures ? ` first_failures=${firstFailures}` : ''}`);

while (!existsSync(releaseFile)) {
  await new Promise(resolve => setTimeout(resolve, 200));
}
const dropped = circuits.filter(c => c.closed).length;
for (let i = 0; i < circuits.length; i += 50) {
  await Promise.all(circuits.slice(i, i + 50).map(c => c.close()));
}
console.log(`CLOSED ${circuits.length} dropped_while_held=${dropped}`);
clearTimeout(deadline);
process.exit(0);
