// Progressive enhancement for links within a page; without this script they are plain links and a plain list.
// - The "#" after a heading: a click also copies the full address and shows "Link gekopieerd" on screen.
// - The contents list marks the section in view (aria-current), so that a reader sees where they are.
// - The language switch (and the translation notice's link) keeps the reader's place: it goes to the section whose
//   heading was last scrolled past, by its id, which is the same in every language. Without this script it goes to
//   the top of the other page.

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
    try {
        await navigator.clipboard.writeText(address);
        showToast('Link gekopieerd');
        announce('De link is gekopieerd: ' + address);
        link.dataset.gekopieerd = 'ja';
    } catch {
        showToast('Kopiëren lukte niet; de link staat in de adresbalk');
        announce('Kopiëren lukte niet. De link staat nu in de adresbalk: ' + address);
    }
}

document.addEventListener('click', copyLink);

function keepPlace(event) {
    const link = event.target.closest('a[data-zelfde-plek]');
    if (!link) {
        return;
    }
    // The same line as the contents list's: a heading in the top 40% of the window counts as scrolled past. A reader
    // who has not scrolled yet is at the top, and goes to the top.
    const line = window.innerHeight * 0.4;
    const sections = window.scrollY > 0 ? [...document.querySelectorAll('main section[id]')] : [];
    const passed = sections.filter((section) => section.getBoundingClientRect().top <= line);
    const address = new URL(link.getAttribute('href'), window.location.href);
    address.hash = passed.length > 0 ? passed[passed.length - 1].id : '';
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
window.Blazor?.addEventListener('enhancedload', followSections);
