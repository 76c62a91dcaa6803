import type { ChartConfiguration } from 'chart.js';
import type { PieChartSpec } from './chartSpec.js';
import {
  backgroundPlugin,
  chartPlugins,
  seriesColour,
  staticChart,
  styleOf,
} from './chartStyle.js';

/** Builds the Chart.js configuration of a pie chart: slices in the order given, clockwise. */
export function pieChartConfig(spec: PieChartSpec): ChartConfiguration<'pie'> {
  const style = styleOf(spec);
  return {
    type: 'pie',
    data: {
      labels: spec.slices.map((slice) => slice.label),
      datasets: [
        {
          data: spec.slices.map((slice) => slice.value),
          backgroundColor: spec.slices.map((_, index) => seriesColour(style, index)),
          borderColor: style.edge,
          borderWidth: 2,
        },
      ],
    },
    options: {
      ...staticChart(spec, style),
      plugins: chartPlugins(spec, style),
    },
    plugins: [backgroundPlugin(style)],
  };
}
