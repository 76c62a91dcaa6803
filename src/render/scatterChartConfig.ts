import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { axisTransform } from './axisTransform.js';
import type { ScatterChartSpec } from './chartSpec.js';
import {
  backgroundPlugin,
  chartPlugins,
  numericAxis,
  seriesColour,
  staticChart,
  styleOf,
} from './chartStyle.js';

/** Builds the Chart.js configuration of a scatter chart, with its trend line when asked. */
export function scatterChartConfig(spec: ScatterChartSpec): ChartConfiguration<'scatter'> {
  const style = styleOf(spec);
  const xs = extent(spec.series.flatMap((series) => series.x));
  const ys = extent(spec.series.flatMap((series) => series.y));
  const toX = axisTransform(xs.lo, xs.hi);
  const toY = axisTransform(ys.lo, ys.hi);
  const datasets: ChartDataset<'scatter'>[] = spec.series.map((series, index) => ({
    label: series.label,
    data: series.x.map((x, i) => ({ x: toX.toAxis(x), y: toY.toAxis(series.y[i] ?? 0) })),
    backgroundColor: seriesColour(style, index, 0.7),
    borderColor: seriesColour(style, index),
    pointRadius: 3.5,
  }));
  if (spec.trendline !== null) {
    const { slope, intercept } = spec.trendline;
    const { lo, hi } = xs;
    datasets.push({
      label: 'Trend',
      data: [
        { x: toX.toAxis(lo), y: toY.toAxis(intercept + slope * lo) },
        { x: toX.toAxis(hi), y: toY.toAxis(intercept + slope * hi) },
      ],
      showLine: true,
      borderColor: style.text,
      borderDash: [6, 4],
      borderWidth: 1.5,
      pointRadius: 0,
    });
  }
  return {
    type: 'scatter',
    data: { datasets },
    options: {
      ...staticChart(spec, style),
      plugins: chartPlugins(spec, style),
      scales: {
        x: numericAxis(spec.xlabel, style, toX),
        y: numericAxis(spec.ylabel, style, toY),
      },
    },
    plugins: [backgroundPlugin(style)],
  };
}

function extent(values: readonly number[]): { lo: number; hi: number } {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value < lo) lo = value;
    if (value > hi) hi = value;
  }
  return { lo, hi };
}
