import type { HistogramResult } from './histogram.js';
import type { HistogramDisplay } from './histogramSpec.js';

/** Points on a fitted curve drawn over the bars. */
const CURVE_POINTS = 200;

/** What the bars, lines and curve of a histogram show, given how it is to be displayed. */
export interface HistogramFigure {
  /** Bar heights of the whole data. */
  readonly heights: number[];
  readonly wholeHeights: boolean;
  readonly markers: { label: string; value: number }[];
  readonly curve: { x: number; y: number }[];
}

/**
 * Bar heights (counts or numpy's densities, or their running totals), the mean and median
 * lines, and a normal curve with the data's mean and sample standard deviation, scaled to the
 * bars: to counts by n·w (w the mean bin width), to densities as is; as a CDF when cumulative.
 */
export function histogramFigure(
  result: HistogramResult,
  display: HistogramDisplay,
): HistogramFigure {
  const { stats } = result;
  const heights = barHeights(result, display);
  const markers: { label: string; value: number }[] = [];
  if (display.meanLine) markers.push({ label: `mean ${short(stats.mean)}`, value: stats.mean });
  if (display.medianLine) {
    markers.push({ label: `median ${short(stats.median)}`, value: stats.median });
  }
  return {
    heights,
    wholeHeights: !display.density,
    markers,
    curve: display.normalCurve ? normalCurve(result, display) : [],
  };
}

/** Counts or densities per bin, or their running totals (densities then sum to 1). */
export function barHeights(result: HistogramResult, display: HistogramDisplay): number[] {
  const { bins } = result;
  const base = bins.map((bin) => (display.density ? bin.density : bin.count));
  if (!display.cumulative) return base;
  let total = 0;
  return base.map((height, i) => {
    const bin = bins[i];
    total += display.density && bin !== undefined ? height * (bin.upper - bin.lower) : height;
    return total;
  });
}

function normalCurve(result: HistogramResult, display: HistogramDisplay) {
  const { edges, stats } = result;
  const sigma = stats.stddev;
  const lo = edges[0];
  const hi = edges[edges.length - 1];
  if (!(sigma > 0) || lo === undefined || hi === undefined) return [];
  const meanWidth = (hi - lo) / (edges.length - 1);
  const scale = display.density ? 1 : stats.count * (display.cumulative ? 1 : meanWidth);
  const points: { x: number; y: number }[] = [];
  for (let i = 0; i <= CURVE_POINTS; i++) {
    const x = lo + ((hi - lo) * i) / CURVE_POINTS;
    const z = (x - stats.mean) / sigma;
    const y = display.cumulative
      ? 0.5 * (1 + erf(z / Math.SQRT2))
      : Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI));
    points.push({ x, y: y * scale });
  }
  return points;
}

/** The error function, to about 1.5e-7 (Abramowitz and Stegun 7.1.26): plenty for a drawing. */
export function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-x * x));
}

function short(value: number): string {
  return String(Number(value.toPrecision(4)));
}
