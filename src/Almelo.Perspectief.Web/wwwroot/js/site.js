// Progressive enhancement only: the page is complete without this script.
// - Draws every <canvas data-grafiek> with Chart.js when it comes near the screen: Chart.js is only downloaded on
//   pages with a chart, and only once a reader scrolls towards one (on a phone most readers never do). The table
//   under each chart has the same numbers without any script. Again after Blazor's enhanced navigation.
// Links to sections ("#") and the contents list are anchors.js, a module of its own.

let loading;

// Styles/app.css owns the chart colours (--grafiek-kleur-N); the configuration names them by number, as the HTML legend does.
function colour(index) {
    return getComputedStyle(document.documentElement).getPropertyValue(`--grafiek-kleur-${index}`).trim();
}

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
            datasets: config.datasets.map((set) => ({
                label: set.label,
                data: set.data,
                backgroundColor: set.colours.length === 1 ? colour(set.colours[0]) : set.colours.map(colour),
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
                // The legend is HTML under the canvas, so that it wraps on a narrow screen.
                legend: { display: false },
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

// The skip link moves keyboard focus to the main content (the browser alone only scrolls there).
document.addEventListener('click', (event) => {
    if (event.target.closest('a.skiplink')) {
        window.requestAnimationFrame(() => document.getElementById('inhoud')?.focus());
    }
});
