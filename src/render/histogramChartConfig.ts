import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import type { HistogramChartSpec } from './chartSpec.js';
import { formatTick } from './formatTick.js';

export const FONT_FAMILY = 'DejaVu Sans';
const BAR_FILL = 'rgba(54, 112, 198, 0.85)';
const BAR_BORDER = 'rgb(31, 70, 140)';
const TEXT_COLOUR = '#222222';
const GRID_COLOUR = 'rgba(0, 0, 0, 0.08)';
/** Integer bins get a tick on every integer up to this many bins; beyond, ticks are thinned. */
const MAX_UNIT_TICKS = 40;

/** Paints the whole canvas white first: PNGs are opaque whatever page they land on. */
const whiteBackground: Plugin<'scatter'> = {
  id: 'chartqlBackground',
  beforeDraw(chart: Chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'source-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/**
 * Draws one rectangle per bin from its lower to its upper edge on a numeric x axis, so bars
 * touch and uneven bins keep their true widths (a category bar chart can do neither).
 */
function histogramBars(spec: HistogramChartSpec): Plugin<'scatter'> {
  return {
    id: 'chartqlHistogramBars',
    beforeDatasetsDraw(chart: Chart) {
      const { ctx, chartArea, scales } = chart;
      const x = scales['x'];
      const y = scales['y'];
      if (x === undefined || y === undefined) return;
      ctx.save();
      ctx.beginPath();
      ctx.rect(chartArea.left, chartArea.top, chartArea.width, chartArea.height);
      ctx.clip();
      ctx.fillStyle = BAR_FILL;
      ctx.strokeStyle = BAR_BORDER;
      ctx.lineWidth = 1;
      const base = y.getPixelForValue(0);
      spec.counts.forEach((count, i) => {
        if (count === 0) return;
        const left = x.getPixelForValue(spec.edges[i] as number);
        const right = x.getPixelForValue(spec.edges[i + 1] as number);
        const top = y.getPixelForValue(count);
        ctx.fillRect(left, top, right - left, base - top);
        ctx.strokeRect(left, top, right - left, base - top);
      });
      ctx.restore();
    },
  };
}

/**
 * Builds the Chart.js configuration of a histogram. Pure: no canvas is needed, so the layout
 * decisions can be tested directly.
 */
export function histogramChartConfig(spec: HistogramChartSpec): ChartConfiguration<'scatter'> {
  const lo = spec.edges[0] ?? 0;
  const hi = spec.edges[spec.edges.length - 1] ?? 1;
  const tallest = spec.counts.reduce((max, count) => (count > max ? count : max), 0);
  const binCount = spec.counts.length;
  const unitTicks = spec.integerBins && binCount <= MAX_UNIT_TICKS;
  const font = { family: FONT_FAMILY, size: 13 };
  return {
    type: 'scatter',
    data: { datasets: [{ data: [], pointRadius: 0 }] },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      events: [],
      layout: { padding: 16 },
      color: TEXT_COLOUR,
      font,
      plugins: {
        legend: { display: false },
        tooltip: { enabled: false },
        title: {
          display: spec.title !== '',
          text: spec.title,
          color: TEXT_COLOUR,
          font: { family: FONT_FAMILY, size: 18, weight: 'bold' },
          padding: { bottom: 12 },
        },
      },
      scales: {
        x: {
          type: 'linear',
          min: lo,
          max: hi,
          grid: { color: GRID_COLOUR },
          title: { display: spec.xlabel !== '', text: spec.xlabel, color: TEXT_COLOUR, font },
          ticks: {
            color: TEXT_COLOUR,
            font,
            // Integer bins span k - 0.5 .. k + 0.5: ticks go on the integers, not on the edges.
            ...(spec.integerBins ? { precision: 0 } : {}),
            ...(unitTicks ? { stepSize: 1 } : {}),
            includeBounds: false,
            maxRotation: 0,
            callback(value, index, ticks) {
              const step = Math.abs((ticks[1]?.value ?? 0) - (ticks[0]?.value ?? 0));
              return formatTick(Number(value), step);
            },
          },
        },
        y: {
          type: 'linear',
          beginAtZero: true,
          suggestedMax: tallest === 0 ? 1 : tallest,
          grace: '5%',
          grid: { color: GRID_COLOUR },
          title: { display: spec.ylabel !== '', text: spec.ylabel, color: TEXT_COLOUR, font },
          ticks: { color: TEXT_COLOUR, font, precision: 0 },
        },
      },
    },
    plugins: [whiteBackground, histogramBars(spec)],
  };
}
