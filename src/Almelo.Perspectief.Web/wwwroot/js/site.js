// Progressive enhancement only: the page is complete without this script.
// - Draws every <canvas data-grafiek> with Chart.js when it comes near the screen: Chart.js is only downloaded on
//   pages with a chart, and only once a reader scrolls towards one (on a phone most readers never do). The table
//   under each chart has the same numbers without any script. Again after Blazor's enhanced navigation.
// - "Link naar dit onderdeel": the plain anchor still works; a click also copies the full address and says so.

const colours = ['#a4001d', '#1f4e79', '#5c6b2e', '#7a4a00'];
let loading;

// The canvas names the (fingerprinted, long-cached) address of Chart.js.
function loadChartJs(source) {
    if (window.Chart) {
        return Promise.resolve(window.Chart);
    }
    loading ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = new URL(source, document.baseURI).href;
        script.onload = () => resolve(window.Chart);
        script.onerror = reject;
        document.head.appendChild(script);
    });
    return loading;
}

function draw(Chart, canvas) {
    const config = JSON.parse(canvas.dataset.grafiek);
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const stacked = config.type === 'bar';
    Chart.getChart(canvas)?.destroy();
    new Chart(canvas, {
        type: config.type,
        data: {
            labels: config.labels,
            datasets: config.datasets.map((set, i) => ({
                label: set.label,
                data: set.data,
                backgroundColor: stacked ? colours[i % colours.length] : colours.slice(0, set.data.length),
                borderColor: '#ffffff',
                borderWidth: 2,
            })),
        },
        options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: reduceMotion ? false : { duration: 400 },
            locale: 'nl-NL',
            scales: stacked ? { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } : undefined,
            plugins: {
                legend: { position: 'bottom', labels: { color: '#1a1a1a', font: { size: 14 } } },
                tooltip: {
                    callbacks: {
                        label: (item) => `${stacked ? item.dataset.label : item.label}: ${config.datasets[item.datasetIndex].text[item.dataIndex]}`,
                    },
                },
            },
        },
    });
    canvas.dataset.getekend = 'ja';
}

let observer;

function drawCharts() {
    observer?.disconnect();
    const canvases = document.querySelectorAll('canvas[data-grafiek]');
    if (canvases.length === 0) {
        return;
    }
    observer = new IntersectionObserver((entries) => {
        entries.filter((entry) => entry.isIntersecting).forEach(async (entry) => {
            observer.unobserve(entry.target);
            const Chart = await loadChartJs(entry.target.dataset.script);
            draw(Chart, entry.target);
        });
    }, { rootMargin: '400px 0px' });
    canvases.forEach((canvas) => observer.observe(canvas));
}

drawCharts();
window.Blazor?.addEventListener('enhancedload', drawCharts);

function announce(text) {
    const region = document.getElementById('meldingen');
    if (!region) {
        return;
    }
    // Clear first, so that the same message twice is announced twice.
    region.textContent = '';
    window.setTimeout(() => { region.textContent = text; }, 50);
}

async function copyLink(event) {
    const link = event.target.closest('a[data-kopieer-link]');
    if (!link) {
        return;
    }
    const address = new URL(link.getAttribute('href'), window.location.href).href;
    try {
        await navigator.clipboard.writeText(address);
        announce('De link is gekopieerd: ' + address);
        link.dataset.gekopieerd = 'ja';
    } catch {
        announce('Kopiëren lukte niet. De link staat nu in de adresbalk: ' + address);
    }
}

document.addEventListener('click', copyLink);

// The skip link moves keyboard focus to the main content (the browser alone only scrolls there).
document.addEventListener('click', (event) => {
    if (event.target.closest('a.skiplink')) {
        window.requestAnimationFrame(() => document.getElementById('inhoud')?.focus());
    }
});
