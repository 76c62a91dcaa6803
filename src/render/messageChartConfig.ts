import type { ChartConfiguration } from 'chart.js';
import type { MessageChartSpec } from './chartSpec.js';
import { backgroundPlugin, FONT, FONT_FAMILY, staticChart, styleOf } from './chartStyle.js';

/**
 * A message as a chart with nothing plotted: the title in bold, the lines below it, in the
 * theme's colours. Drawing it through Chart.js keeps one path for fonts, themes, pixel ratio,
 * PNG and SVG output.
 */
export function messageChartConfig(spec: MessageChartSpec): ChartConfiguration<'bar'> {
  const style = styleOf(spec);
  return {
    type: 'bar',
    data: { labels: [], datasets: [] },
    options: {
      ...staticChart(spec, style),
      scales: { x: { display: false }, y: { display: false } },
      plugins: {
        legend: { display: false },
        tooltip: { enabled: false },
        title: {
          display: true,
          text: spec.title,
          color: style.text,
          font: { family: FONT_FAMILY, size: 16, weight: 'bold' },
          align: 'start',
          padding: { bottom: 10 },
        },
        subtitle: {
          display: spec.lines.length > 0,
          text: [...spec.lines],
          color: style.text,
          font: FONT,
          align: 'start',
        },
      },
    },
    plugins: [backgroundPlugin(style)],
  };
}
