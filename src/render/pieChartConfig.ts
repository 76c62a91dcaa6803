import type { ChartConfiguration } from 'chart.js';
import type { PieChartSpec } from './chartSpec.js';
import {
  legendOptions,
  paletteColour,
  STATIC_CHART,
  titleOptions,
  whiteBackground,
} from './chartStyle.js';

/** Builds the Chart.js configuration of a pie chart: slices in the order given, clockwise. */
export function pieChartConfig(spec: PieChartSpec): ChartConfiguration<'pie'> {
  return {
    type: 'pie',
    data: {
      labels: spec.slices.map((slice) => slice.label),
      datasets: [
        {
          data: spec.slices.map((slice) => slice.value),
          backgroundColor: spec.slices.map((_, index) => paletteColour(index)),
          borderColor: '#ffffff',
          borderWidth: 2,
        },
      ],
    },
    options: {
      ...STATIC_CHART,
      plugins: {
        legend: legendOptions(spec.legend),
        tooltip: { enabled: false },
        title: titleOptions(spec.title),
      },
    },
    plugins: [whiteBackground],
  };
}
