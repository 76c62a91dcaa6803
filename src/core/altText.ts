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
