import type { Chart, ChartConfiguration, ChartDataset, Plugin } from 'chart.js';
import type { HistogramChartSpec } from './chartSpec.js';
import {
  backgroundPlugin,
  chartPlugins,
  legendOptions,
  numericAxis,
  seriesColour,
  seriesEdge,
  staticChart,
  styleOf,
  FONT_FAMILY,
  type Style,
} from './chartStyle.js';
import { axisTransform, type AxisTransform } from './axisTransform.js';

export { FONT_FAMILY };

/** Integer bins get a tick on every integer up to this many bins; beyond, ticks are thinned. */
const MAX_UNIT_TICKS = 40;

/**
 * Draws one rectangle per bin from its lower to its upper edge on a numeric x axis, so bars
 * touch and uneven bins keep their true widths (a category bar chart can do neither); then the
 * marker lines (mean, median) over them.
 */
function histogramBars(
  spec: HistogramChartSpec,
  style: Style,
  axis: AxisTransform,
): Plugin<'scatter'> {
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
      ctx.lineWidth = 1;
      const { layout } = spec;
      const count = spec.series.length;
      const stackedBelow = spec.edges.slice(1).map(() => 0);
      const pixel = (value: number) =>
        spec.logY && value <= 0 ? chartArea.bottom : y.getPixelForValue(value);
      spec.series.forEach((series, k) => {
        ctx.fillStyle = seriesColour(style, k, count > 1 && layout === 'overlay' ? 0.5 : 0.85);
        ctx.strokeStyle = seriesEdge(style, k);
        series.heights.forEach((height, i) => {
          if (height <= 0) return;
          let left = x.getPixelForValue(axis.toAxis(spec.edges[i] as number));
          let right = x.getPixelForValue(axis.toAxis(spec.edges[i + 1] as number));
          let below = 0;
          if (layout === 'sideBySide') {
            const share = (right - left) / count;
            left += share * k;
            right = left + share;
          } else if (layout === 'stacked') {
            below = stackedBelow[i] ?? 0;
            stackedBelow[i] = below + height;
          }
          const bottom = pixel(below);
          const top = pixel(below + height);
          ctx.fillRect(left, top, right - left, bottom - top);
          ctx.strokeRect(left, top, right - left, bottom - top);
        });
      });
      ctx.restore();
    },
    afterDatasetsDraw(chart: Chart) {
      const { ctx, chartArea, scales } = chart;
      const x = scales['x'];
      if (x === undefined || spec.markers.length === 0) return;
      ctx.save();
      ctx.strokeStyle = style.text;
      ctx.fillStyle = style.text;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([6, 4]);
      ctx.font = `12px "${FONT_FAMILY}"`;
      spec.markers.forEach((marker, i) => {
        const at = x.getPixelForValue(axis.toAxis(marker.value));
        ctx.beginPath();
        ctx.moveTo(at, chartArea.top);
        ctx.lineTo(at, chartArea.bottom);
        ctx.stroke();
        ctx.fillText(marker.label, at + 4, chartArea.top + 14 + i * 16);
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
  const style = styleOf(spec);
  const lo = spec.edges[0] ?? 0;
  const hi = spec.edges[spec.edges.length - 1] ?? 1;
  let tallest = 0;
  let lowest = Number.POSITIVE_INFINITY;
  const bins = spec.edges.length - 1;
  for (let i = 0; i < bins; i++) {
    let stack = 0;
    for (const series of spec.series) {
      const height = series.heights[i] ?? 0;
      stack = spec.layout === 'stacked' ? stack + height : Math.max(stack, height);
      if (height > 0 && height < lowest) lowest = height;
    }
    if (stack > tallest) tallest = stack;
  }
  for (const point of spec.curve) if (point.y > tallest) tallest = point.y;
  const unitTicks = spec.integerBins && bins <= MAX_UNIT_TICKS;
  const axis = axisTransform(lo, hi);
  const x = numericAxis(spec.xlabel, style, axis);
  const y = numericAxis(spec.ylabel, style);
  // The bars are drawn by the plugin; these empty datasets give the legend its entries.
  const datasets: ChartDataset<'scatter'>[] = spec.series.map((series, k) => ({
    label: series.label,
    data: [],
    pointRadius: 0,
    backgroundColor: seriesColour(style, k, 0.85),
    borderColor: seriesEdge(style, k),
  }));
  if (spec.curve.length > 0) {
    datasets.push({
      data: spec.curve.map(({ x: px, y: py }) => ({ x: axis.toAxis(px), y: py })),
      showLine: true,
      label: 'Normal curve',
      pointRadius: 0,
      borderColor: seriesColour(style, spec.series.length),
      borderWidth: 2,
    });
  }
  return {
    type: 'scatter',
    data: { datasets },
    options: {
      ...staticChart(spec, style),
      plugins: {
        ...chartPlugins(spec, style),
        legend: {
          ...legendOptions(spec.legend, style),
          labels: { ...legendOptions(spec.legend, style).labels, boxWidth: 14 },
        },
      },
      scales: {
        x: {
          ...x,
          min: axis.toAxis(lo),
          max: axis.toAxis(hi),
          ticks: {
            ...x.ticks,
            // Integer bins span k - 0.5 .. k + 0.5: ticks go on the integers, not on the edges.
            ...(spec.integerBins ? { precision: 0 } : {}),
            ...(unitTicks ? { stepSize: 1 } : {}),
            includeBounds: false,
          },
        },
        y: spec.logY
          ? {
              type: 'logarithmic',
              min: Number.isFinite(lowest) ? 10 ** Math.floor(Math.log10(lowest)) : 1,
              max: tallest > 0 ? tallest * 1.2 : 10,
              grid: y.grid,
              title: y.title,
              ticks: { color: style.text, font: y.ticks.font },
            }
          : {
              ...y,
              beginAtZero: true,
              suggestedMax: tallest === 0 ? 1 : tallest,
              grace: '5%',
              ticks: { ...y.ticks, ...(spec.wholeHeights ? { precision: 0 } : {}) },
            },
      },
    },
    plugins: [backgroundPlugin(style), histogramBars(spec, style, axis)],
  };
}
