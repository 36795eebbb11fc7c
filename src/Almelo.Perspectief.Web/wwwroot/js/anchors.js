// Progressive enhancement for links within a page; without this script they are plain links and a plain list.
// - The "#" after a heading: a click also copies the full address and says so on screen and to a screen reader, in the
//   words the page gives on its announcements region (data-gekopieerd and the others), in the page's language.
// - The contents list marks the section in view (aria-current), so that a reader sees where they are.
// - The language switch (and the translation notice's link) keeps the reader's place: it goes to the section whose
//   heading the reader last scrolled past, by its id, which is the same in every language. Without this script it
//   goes to the top of the other page.

function announce(text) {
    const region = document.getElementById('meldingen');
    if (region) {
        // Clear first, so that the same message twice is announced twice.
        region.textContent = '';
        window.setTimeout(() => { region.textContent = text; }, 50);
    }
}

let toastTimer;

function showToast(text) {
    let toast = document.querySelector('.link-gekopieerd');
    if (!toast) {
        toast = document.createElement('p');
        toast.className = 'link-gekopieerd';
        toast.setAttribute('aria-hidden', 'true');
        document.body.appendChild(toast);
    }
    toast.textContent = text;
    toast.hidden = false;
    window.clearTimeout(toastTimer);
    toastTimer = window.setTimeout(() => { toast.hidden = true; }, 3000);
}

async function copyLink(event) {
    const link = event.target.closest('a[data-kopieer-link]');
    if (!link) {
        return;
    }
    const address = new URL(link.getAttribute('href'), window.location.href).href;
    const words = document.getElementById('meldingen')?.dataset ?? {};
    try {
        await navigator.clipboard.writeText(address);
        showToast(words.gekopieerd);
        announce(words.gekopieerdGezegd + ' ' + address);
        link.dataset.gekopieerd = 'ja';
    } catch {
        showToast(words.mislukt);
        announce(words.misluktGezegd + ' ' + address);
    }
}

document.addEventListener('click', copyLink);

// The section the reader was reading: noted while the switch is out of view (a reader scrolls up to it, or Tab takes
// them there, and that scroll must not move their place to the top). A heading in the top 40% of the window counts as
// scrolled past: the same line as the contents list's.
let place = '';
let placePending = false;

function notePlace() {
    placePending = false;
    const switcher = document.querySelector('.taalkeuze');
    if (!switcher || switcher.getBoundingClientRect().bottom > 0) {
        return;
    }
    const line = window.innerHeight * 0.4;
    const passed = [...document.querySelectorAll('main section[id]')].filter((section) => section.getBoundingClientRect().top <= line);
    place = passed.length > 0 ? passed[passed.length - 1].id : '';
}

window.addEventListener('scroll', () => {
    if (!placePending) {
        placePending = true;
        window.requestAnimationFrame(notePlace);
    }
}, { passive: true });

function keepPlace(event) {
    const link = event.target.closest('a[data-zelfde-plek]');
    if (!link) {
        return;
    }
    const address = new URL(link.getAttribute('href'), window.location.href);
    address.hash = place;
    link.setAttribute('href', address.pathname + address.hash);
}

document.addEventListener('click', keepPlace);

let spy;

function followSections() {
    spy?.disconnect();
    const links = new Map([...document.querySelectorAll('.sectie-menu a[data-sectie]')].map((a) => [a.dataset.sectie, a]));
    if (links.size === 0 || !('IntersectionObserver' in window)) {
        return;
    }
    const visible = new Set();
    spy = new IntersectionObserver((entries) => {
        entries.forEach((entry) => (entry.isIntersecting ? visible.add(entry.target.id) : visible.delete(entry.target.id)));
        const current = [...links.keys()].find((id) => visible.has(id));
        links.forEach((a, id) => (id === current ? a.setAttribute('aria-current', 'true') : a.removeAttribute('aria-current')));
    }, { rootMargin: '0px 0px -60% 0px' });
    links.forEach((_, id) => {
        const section = document.getElementById(id);
        if (section) {
            spy.observe(section);
        }
    });
}

followSections();
