import { computeHistogramOutcome } from '../../src/histogramService.js';
import { computePieOutcome } from '../../src/pieService.js';
import type { ChartSpec } from '../../src/render/chartSpec.js';
import { computeScatterOutcome } from '../../src/scatterService.js';

const DICE = [1, 1, 2, 2, 2, 3, 3, 3, 3, 5, 6, 4, 5, 3, 2, 6, 6, 6, 5, 4];

/**
 * The charts with committed golden images, one or more per chart type; `npm run golden`
 * regenerates them on purpose. Each builds its render spec through the service's own parsing.
 */
export const GOLDEN_CHARTS: Readonly<Record<string, () => ChartSpec>> = {
  dice: () =>
    computeHistogramOutcome({
      data: DICE,
      title: 'Outcome of 20 dice rolls',
      xlabel: 'Outcome',
      ylabel: 'Frequency',
    }).chart,
  'uneven-edges': () =>
    computeHistogramOutcome({
      data: [0.2, 0.4, 1.1, 1.5, 2.2, 2.8, 3.3, 4.9, 6.1, 7.7, 9.5, 9.9],
      title: 'Uneven bins keep their true widths',
      xlabel: 'Value',
      ylabel: 'Count',
      bins: { edges: [0, 1, 3, 4, 10] },
      image: { width: 600, height: 400 },
    }).chart,
  'dark-normal-curve': () =>
    computeHistogramOutcome({
      data: Array.from({ length: 400 }, (_, i) => 50 + 12 * Math.sin(i * 1.7) * Math.cos(i * 0.31)),
      title: 'Dark theme, density, normal curve, mean and median',
      xlabel: 'Value',
      ylabel: 'Density',
      bins: { rule: 'AUTO' },
      density: true,
      normalCurve: true,
      meanLine: true,
      medianLine: true,
      image: { width: 700, height: 450, theme: 'dark' },
    }).chart,
  'log-cumulative-palette': () =>
    computeHistogramOutcome({
      data: Array.from({ length: 300 }, (_, i) => Math.floor(Math.exp((i % 60) / 10))),
      title: 'Cumulative counts on a log axis, own colour, pixel ratio 2',
      xlabel: 'Value',
      ylabel: 'Values so far',
      bins: { count: 20 },
      cumulative: true,
      logY: true,
      image: { width: 400, height: 300, devicePixelRatio: 2, palette: ['#8e44ad'] },
    }).chart,
  'series-stacked': () =>
    computeHistogramOutcome({
      series: [
        { label: 'Men', data: [170, 172, 175, 178, 180, 181, 183, 185, 176, 174, 179, 188] },
        { label: 'Women', data: [158, 160, 162, 165, 167, 168, 170, 163, 161, 166, 172, 159] },
      ],
      layout: 'stacked',
      title: 'Two series, stacked, with a legend',
      xlabel: 'Height (cm)',
      ylabel: 'People',
      bins: { width: 5 },
      image: { width: 600, height: 400 },
    }).chart,
  'series-side-by-side': () =>
    computeHistogramOutcome({
      series: [
        { label: 'A', data: [1, 2, 2, 3, 3, 3, 4] },
        { label: 'B', data: [2, 3, 4, 4, 5, 5, 5] },
        { label: 'C | "quoted"', data: [1, 1, 5, 5, 3] },
      ],
      layout: 'sideBySide',
      title: 'Three series side by side',
      image: { width: 600, height: 400 },
    }).chart,
  'series-overlay-dark-legend': () =>
    computeHistogramOutcome({
      series: [
        { label: 'Before', data: [3, 4, 4, 5, 5, 5, 6, 6, 7, 8] },
        { label: 'After', data: [5, 6, 6, 7, 7, 7, 8, 8, 9, 10] },
      ],
      layout: 'overlay',
      title: 'Two series overlaid, dark theme',
      xlabel: 'Score',
      ylabel: 'Count',
      image: { width: 600, height: 400, theme: 'dark' },
    }).chart,
  'scatter-series': () =>
    computeScatterOutcome({
      series: [
        { label: 'Group A', x: [1, 2, 3, 4, 5], y: [2, 4, 5, 4, 6] },
        { label: 'Group B', x: [1.5, 2.5, 3.5, 4.5], y: [6, 5, 7, 8] },
      ],
      title: 'Two groups of points with a legend, dark theme',
      xlabel: 'x',
      ylabel: 'y',
      image: { width: 600, height: 400, theme: 'dark' },
    }).chart,
  'scatter-trend': () =>
    computeScatterOutcome({
      x: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      y: [2.3, 3.9, 6.4, 7.7, 10.2, 11.8, 14.5, 15.9, 18.1, 20.4],
      title: 'Growth with its trend line',
      xlabel: 'Week',
      ylabel: 'Height (cm)',
      trendline: true,
      image: { width: 600, height: 400 },
    }).chart,
  'pie-dark': () =>
    computePieOutcome({
      labels: ['Yes', 'No', 'Unsure'],
      values: [52, 31, 17],
      title: 'A pie in the dark theme',
      image: { width: 500, height: 400, theme: 'dark' },
    }).chart,
  pie: () =>
    computePieOutcome({
      labels: ['Apples', 'Pears', 'Plums', 'Cherries'],
      values: [40, 25, 20, 15],
      title: 'Fruit sold',
      image: { width: 500, height: 400 },
    }).chart,
};
