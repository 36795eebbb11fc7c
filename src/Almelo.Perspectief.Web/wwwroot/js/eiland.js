// Starts Blazor only for a reader who reaches the interactive island. Until then the page is the complete,
// prerendered version without a circuit: no blazor.web.js download, no WebSocket, no server memory.
// - The island ([data-eiland]) is watched; when it comes near the screen, or is touched, clicked or focused,
//   the starter fetches the island's markup fresh from the site (never from a cache: its descriptor for the circuit
//   is only valid for a few minutes, and the page itself may come from a shared cache and be older), swaps it in,
//   loads blazor.web.js (the address is on this script's data-blazor) and calls Blazor.start().
// - If anything fails, the prerendered island simply stays: every law is already on the page.
// - Once live, the island never fails silently: when the connection drops, the browser goes offline or a tap gets no
//   answer, the prerendered folding list comes back with the reader's law open, and the live chooser is hidden.
const starter = document.querySelector('script[data-blazor]');
const islands = [...document.querySelectorAll('[data-eiland]')];
const triggers = ['pointerdown', 'keydown', 'focusin'];
let observer;
let starting;

function isMarker(node) {
    return node?.nodeType === Node.COMMENT_NODE && node.data.startsWith('Blazor:');
}

// The prerendered component sits between two comments that Blazor reads; they go out with it.
function bounds(island) {
    let first = island;
    while (first.previousSibling && !isMarker(first)) {
        first = first.previousSibling;
    }
    let last = island;
    while (last.nextSibling && !isMarker(last)) {
        last = last.nextSibling;
    }
    return isMarker(first) && isMarker(last) ? [first, last] : [island, island];
}

function focusables(island) {
    return island ? [...island.querySelectorAll('summary, a[href], button')] : [];
}

// The prerendered island as the site sent it, kept to put back when the live one can no longer answer.
let fallback;

async function refresh(island) {
    const response = await fetch(island.dataset.eiland, { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) {
        throw new Error(`${island.dataset.eiland}: ${response.status}`);
    }
    const fresh = document.createElement('template');
    fresh.innerHTML = await response.text();
    fallback = fresh.content.querySelector('[data-eiland]')?.cloneNode(true);
    const [first, last] = bounds(island);
    // A keyboard reader inside the island keeps their place in the fresh copy.
    const focused = focusables(island).indexOf(document.activeElement);
    const range = document.createRange();
    range.setStartBefore(first);
    range.setEndAfter(last);
    range.deleteContents();
    range.insertNode(fresh.content);
    if (focused >= 0) {
        focusables(document.querySelector(`[data-eiland="${island.dataset.eiland}"]`))[focused]?.focus({ preventScroll: true });
    }
}

// When the circuit renders the live island it replaces the prerendered one, and focus inside it falls to the page.
// A reader whose focus was in the island then gets the chosen law's button, never the top of the page.
let focusWasInIsland = false;
document.addEventListener('focusin', (event) => {
    focusWasInIsland = event.target instanceof Element && event.target.closest('[data-eiland]') !== null;
});

// The law open in the live chooser, if any.
function liveChoice() {
    return document.querySelector('[data-eiland] .wet-knop[aria-expanded="true"]');
}

// The live chooser's button for the reader's focus: the open law's, or the first (every law starts folded).
function liveButton() {
    return liveChoice() ?? document.querySelector('[data-eiland] .wet-knop');
}

// The law a reader opened in the folding list before the island was live; the live chooser opens it too.
let openedBefore;

let fellBack = false;

// Puts the prerendered folding list back in place of the live chooser, with the given law open (the one the reader
// tapped, or else the one open in the chooser). The live chooser stays in the page, hidden and without ids, so that
// Blazor can still find its own elements if a late answer arrives.
function fallBack(lawId) {
    const live = document.querySelector('[data-eiland] .wet-knop')?.closest('[data-eiland]');
    if (fellBack || !fallback || !live) {
        return;
    }
    fellBack = true;
    const open = lawId ?? liveChoice()?.closest('li')?.id;
    const hadFocus = live.contains(document.activeElement);
    const list = fallback.cloneNode(true);
    list.removeAttribute('data-eiland');
    live.hidden = true;
    live.removeAttribute('data-eiland');
    [live, ...live.querySelectorAll('[id]')].forEach((element) => element.removeAttribute('id'));
    list.querySelectorAll('.wetten__lijst li').forEach((item) => {
        const details = item.querySelector('details');
        if (details) {
            details.open = item.id === open;
        }
    });
    live.after(list);
    if (hadFocus) {
        (list.querySelector(`[id="${open}"] summary`) ?? list.querySelector('summary'))?.focus({ preventScroll: true });
    }
}

// How long a tap may wait for the server's answer before the reader gets the folding list instead.
const answerWithinMs = 3000;

// When the server last changed the live chooser: any answer, so that two quick taps are not taken for none.
let lastAnswer = 0;
const answers = new MutationObserver(() => { lastAnswer = performance.now(); });

// Before Blazor sees a tap: without a connection the tap opens the law in the folding list; with one, an answer
// must follow, or the folding list takes over.
window.addEventListener('click', (event) => {
    const summary = event.target instanceof Element ? event.target.closest('[data-eiland] summary') : null;
    if (summary && !summary.parentElement.open) {
        openedBefore = summary.closest('li')?.id;
    }
    const button = event.target instanceof Element ? event.target.closest('[data-eiland] .wet-knop') : null;
    if (!button) {
        return;
    }
    const lawId = button.closest('li')?.id;
    if (!navigator.onLine) {
        event.stopImmediatePropagation();
        fallBack(lawId);
        return;
    }
    const asked = performance.now();
    setTimeout(() => {
        if (lastAnswer < asked) {
            fallBack(lawId);
        }
    }, answerWithinMs);
}, true);

window.addEventListener('offline', () => fallBack());

function untilLive(timeoutMs) {
    return new Promise((resolve) => {
        if (liveButton()) {
            resolve(liveButton());
            return;
        }
        const watcher = new MutationObserver(() => {
            if (liveButton()) {
                watcher.disconnect();
                resolve(liveButton());
            }
        });
        watcher.observe(document.body, { childList: true, subtree: true });
        setTimeout(() => {
            watcher.disconnect();
            resolve(null);
        }, timeoutMs);
    });
}

// State that the server wrote into the page for its circuits; in a page from a cache it belongs to another reader's
// visit and the server refuses a second use. The island needs none, so it goes before Blazor starts.
function dropStaleState() {
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_COMMENT);
    const stale = [];
    while (walker.nextNode()) {
        if (walker.currentNode.data.startsWith('Blazor-Server-Component-State:')) {
            stale.push(walker.currentNode);
        }
    }
    stale.forEach((comment) => comment.remove());
}

function loadBlazor() {
    return new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = new URL(starter.dataset.blazor, document.baseURI).href;
        script.setAttribute('autostart', 'false');
        script.onload = resolve;
        script.onerror = reject;
        document.body.appendChild(script);
    });
}

function start() {
    starting ??= (async () => {
        observer?.disconnect();
        islands.forEach((island) => triggers.forEach((type) => island.removeEventListener(type, start)));
        const [, loaded] = await Promise.allSettled([Promise.all(islands.map(refresh)), loadBlazor()]);
        if (loaded.status === 'fulfilled') {
            dropStaleState();
            // No reconnecting dialog: a lost connection puts the folding list back, which needs no server. No enhanced
            // navigation either: every link stays a whole page load, as without JavaScript (an enhanced one would keep
            // this page's <html lang> on a page in the other language, and skip the scripts that draw and follow it).
            await window.Blazor.start({
                ssr: { disableDomPreservation: true },
                circuit: { reconnectionHandler: { onConnectionDown: () => fallBack(), onConnectionUp: () => {} } },
            });
            const choice = await untilLive(10000);
            if (choice) {
                answers.observe(choice.closest('[data-eiland]'), { attributes: true, subtree: true });
            }
            const wanted = openedBefore && document.querySelector(`[data-eiland] [id="${openedBefore}"] .wet-knop[aria-expanded="false"]`);
            if (wanted) {
                wanted.click();
            }
            const lost = document.activeElement === null || document.activeElement === document.body;
            if (choice && focusWasInIsland && lost) {
                choice.focus({ preventScroll: true });
            }
        }
    })();
    return starting;
}

if (starter && islands.length > 0) {
    observer = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
            start();
        }
    }, { rootMargin: '300px 0px' });
    islands.forEach((island) => {
        observer.observe(island);
        triggers.forEach((type) => island.addEventListener(type, start, { once: true, passive: true }));
    });
}
