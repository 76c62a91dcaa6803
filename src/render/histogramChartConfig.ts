import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import type { HistogramChartSpec } from './chartSpec.js';
import {
  GRID_COLOUR,
  numericAxis,
  STATIC_CHART,
  TEXT_COLOUR,
  FONT,
  titleOptions,
  whiteBackground,
} from './chartStyle.js';

export { FONT_FAMILY } from './chartStyle.js';

const BAR_FILL = 'rgba(54, 112, 198, 0.85)';
const BAR_BORDER = 'rgb(31, 70, 140)';
/** Integer bins get a tick on every integer up to this many bins; beyond, ticks are thinned. */
const MAX_UNIT_TICKS = 40;

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
  const unitTicks = spec.integerBins && spec.counts.length <= MAX_UNIT_TICKS;
  const x = numericAxis(spec.xlabel);
  return {
    type: 'scatter',
    data: { datasets: [{ data: [], pointRadius: 0 }] },
    options: {
      ...STATIC_CHART,
      plugins: {
        legend: { display: false },
        tooltip: { enabled: false },
        title: titleOptions(spec.title),
      },
      scales: {
        x: {
          ...x,
          min: lo,
          max: hi,
          ticks: {
            ...x.ticks,
            // Integer bins span k - 0.5 .. k + 0.5: ticks go on the integers, not on the edges.
            ...(spec.integerBins ? { precision: 0 } : {}),
            ...(unitTicks ? { stepSize: 1 } : {}),
            includeBounds: false,
          },
        },
        y: {
          type: 'linear',
          beginAtZero: true,
          suggestedMax: tallest === 0 ? 1 : tallest,
          grace: '5%',
          grid: { color: GRID_COLOUR },
          title: { display: spec.ylabel !== '', text: spec.ylabel, color: TEXT_COLOUR, font: FONT },
          ticks: { color: TEXT_COLOUR, font: FONT, precision: 0 },
        },
      },
    },
    plugins: [whiteBackground, histogramBars(spec)],
  };
}
