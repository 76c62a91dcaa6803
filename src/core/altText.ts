import type { HistogramResult } from './histogram.js';

/** Numbers in alt text: short, with at most four significant digits. */
function formatNumber(value: number): string {
  if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-3)) {
    return value.toExponential(2);
  }
  return String(Number(value.toPrecision(4)));
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * A description of a histogram a screen reader can use in place of the image, e.g. "Histogram
 * of 20 values from 1 to 6 in 6 bins; the tallest bin, 3, holds 5 values; mean 3.7, median 3.5".
 */
export function describeHistogram(title: string, result: HistogramResult): string {
  const { stats, bins, binning } = result;
  let tallest = bins[0];
  for (const bin of bins) if (tallest === undefined || bin.count > tallest.count) tallest = bin;
  const parts = [
    `${title === '' ? 'Histogram' : `Histogram "${title}"`} of ${plural(stats.count, 'value')} from ${formatNumber(stats.min)} to ${formatNumber(stats.max)} in ${plural(binning.binCount, 'bin')}`,
  ];
  if (tallest !== undefined) {
    const where =
      binning.rule === 'INTEGER'
        ? formatNumber((tallest.lower + tallest.upper) / 2)
        : `${formatNumber(tallest.lower)} to ${formatNumber(tallest.upper)}`;
    parts.push(`the tallest bin, ${where}, holds ${plural(tallest.count, 'value')}`);
  }
  parts.push(`mean ${formatNumber(stats.mean)}, median ${formatNumber(stats.median)}`);
  return parts.join('; ');
}

/** "Scatter chart of 50 points; x from 1 to 9, y from 2 to 20; Pearson r 0.98; trend y = 2x + 0.1". */
export function describeScatter(
  title: string,
  x: readonly number[],
  y: readonly number[],
  stats: { n: number; pearson: number | null; slope: number | null; intercept: number | null },
): string {
  const span = (values: readonly number[]) => {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const value of values) {
      if (value < lo) lo = value;
      if (value > hi) hi = value;
    }
    return `from ${formatNumber(lo)} to ${formatNumber(hi)}`;
  };
  const parts = [
    `${title === '' ? 'Scatter chart' : `Scatter chart "${title}"`} of ${plural(stats.n, 'point')}`,
    `x ${span(x)}, y ${span(y)}`,
  ];
  if (stats.pearson !== null) parts.push(`Pearson r ${formatNumber(stats.pearson)}`);
  if (stats.slope !== null && stats.intercept !== null) {
    parts.push(`trend y = ${formatNumber(stats.slope)}x + ${formatNumber(stats.intercept)}`);
  }
  return parts.join('; ');
}

/** "Pie chart of 3 slices: Apples 50%, Pears 30%, Plums 20%" (the five largest, then a count). */
export function describePie(
  title: string,
  slices: readonly { label: string; fraction: number }[],
): string {
  const largest = [...slices].sort((a, b) => b.fraction - a.fraction).slice(0, 5);
  const listed = largest
    .map(
      (slice) =>
        `${slice.label === '' ? '(no label)' : slice.label} ${formatNumber(slice.fraction * 100)}%`,
    )
    .join(', ');
  const rest = slices.length - largest.length;
  return `${title === '' ? 'Pie chart' : `Pie chart "${title}"`} of ${plural(slices.length, 'slice')}: ${listed}${rest > 0 ? `, and ${rest} more` : ''}`;
}
