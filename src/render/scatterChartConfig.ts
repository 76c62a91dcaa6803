import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { ScatterChartSpec } from './chartSpec.js';
import {
  backgroundPlugin,
  legendOptions,
  numericAxis,
  seriesColour,
  staticChart,
  styleOf,
  titleOptions,
} from './chartStyle.js';

/** Builds the Chart.js configuration of a scatter chart, with its trend line when asked. */
export function scatterChartConfig(spec: ScatterChartSpec): ChartConfiguration<'scatter'> {
  const style = styleOf(spec);
  const datasets: ChartDataset<'scatter'>[] = spec.series.map((series, index) => ({
    label: series.label,
    data: series.x.map((x, i) => ({ x, y: series.y[i] ?? 0 })),
    backgroundColor: seriesColour(style, index, 0.7),
    borderColor: seriesColour(style, index),
    pointRadius: 3.5,
  }));
  if (spec.trendline !== null) {
    const { slope, intercept } = spec.trendline;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const series of spec.series) {
      for (const x of series.x) {
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
    }
    datasets.push({
      label: 'Trend',
      data: [
        { x: lo, y: intercept + slope * lo },
        { x: hi, y: intercept + slope * hi },
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
      plugins: {
        legend: legendOptions(spec.legend, style),
        tooltip: { enabled: false },
        title: titleOptions(spec.title, style),
      },
      scales: { x: numericAxis(spec.xlabel, style), y: numericAxis(spec.ylabel, style) },
    },
    plugins: [backgroundPlugin(style)],
  };
}
