// Progressive enhancement only: the page is complete without this script.
// - Draws every <canvas data-grafiek> with Chart.js when it comes near the screen: Chart.js is only downloaded on
//   pages with a chart, and only once a reader scrolls towards one (on a phone most readers never do). The table
//   under each chart has the same numbers without any script.
// Links to sections ("#") and the contents list are anchors.js, a module of its own.

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

// White stripes at 45 degrees over the colour, as the legend and the downloadable pictures (ChartStyles.cs) have them,
// so that no series is told apart by colour alone.
function stripes(canvas, colour) {
    const tile = document.createElement('canvas');
    tile.width = 8;
    tile.height = 8;
    const context = tile.getContext('2d');
    context.fillStyle = colour;
    context.fillRect(0, 0, 8, 8);
    context.strokeStyle = '#ffffff';
    context.lineWidth = 3;
    context.beginPath();
    for (const offset of [-8, 0, 8]) {
        context.moveTo(offset, 8);
        context.lineTo(offset + 8, 0);
    }
    context.stroke();
    return canvas.getContext('2d').createPattern(tile, 'repeat');
}

const barThickness = 20;

// Each bar's line of text ("{label}: {value} ({share})") above it, so that the message needs no tooltip;
// the server worked the lines out (ChartModel.cs). A line too wide for a phone wraps once, never below 12 px.
const barText = {
    id: 'almeloBarText',
    afterDatasetsDraw(chart) {
        const { ctx, chartArea, scales } = chart;
        const family = getComputedStyle(chart.canvas).fontFamily;
        const width = chartArea.right - chartArea.left;
        ctx.save();
        ctx.fillStyle = '#1a1a1a';
        ctx.textBaseline = 'alphabetic';
        chart.data.labels.forEach((text, index) => {
            let size = 14;
            ctx.font = `${size}px ${family}`;
            while (size > 12 && ctx.measureText(text).width > width) {
                size -= 1;
                ctx.font = `${size}px ${family}`;
            }
            const lines = [];
            let line = '';
            for (const word of text.split(' ')) {
                const longer = line ? `${line} ${word}` : word;
                if (line && ctx.measureText(longer).width > width) {
                    lines.push(line);
                    line = word;
                } else {
                    line = longer;
                }
            }
            lines.push(line);
            let baseline = scales.y.getPixelForValue(index) - (barThickness / 2) - 5;
            for (const part of lines.reverse()) {
                ctx.fillText(part, chartArea.left, baseline);
                baseline -= size + 3;
            }
        });
        ctx.restore();
    },
};

function draw(Chart, canvas) {
    const config = JSON.parse(canvas.dataset.grafiek);
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    // The axis's numbers in the page's language (<html lang>: "nl" 49.000, "en" 49,000).
    const language = document.documentElement.lang || 'nl';
    const number = new Intl.NumberFormat(language);
    Chart.getChart(canvas)?.destroy();
    new Chart(canvas, {
        type: 'bar',
        data: {
            labels: config.bars,
            datasets: config.datasets.map((set) => ({
                data: set.data,
                backgroundColor: set.striped ? stripes(canvas, set.colour) : set.colour,
                borderColor: '#ffffff',
                borderWidth: { left: 0, right: 2, top: 0, bottom: 0 },
                borderSkipped: false,
                barThickness,
            })),
        },
        plugins: [barText],
        options: {
            indexAxis: 'y',
            responsive: true,
            maintainAspectRatio: false,
            animation: reduceMotion ? false : { duration: 400 },
            locale: language,
            // Everything is written on the chart; no tooltip hides a part of the message.
            events: [],
            layout: { padding: { top: 4, right: 8 } },
            scales: {
                // The server chose where the axis starts (ChartModel.cs) and the page says so when it is not 0.
                x: {
                    stacked: true,
                    min: config.start,
                    max: config.end,
                    display: config.step !== null,
                    grid: { display: false },
                    border: { color: '#4a4a4a' },
                    ticks: config.step === null ? {} : {
                        stepSize: config.step,
                        color: '#4a4a4a',
                        font: { size: 13 },
                        callback: (value) => number.format(value),
                    },
                },
                y: { stacked: true, display: false },
            },
            plugins: {
                legend: { display: false },
                tooltip: { enabled: false },
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

// The skip link moves keyboard focus to the main content (the browser alone only scrolls there).
document.addEventListener('click', (event) => {
    if (event.target.closest('a.skiplink')) {
        window.requestAnimationFrame(() => document.getElementById('inhoud')?.focus());
    }
});
