/** Where values go on an axis, and back. */
export interface AxisTransform {
  readonly normalised: boolean;
  toAxis(value: number): number;
  fromAxis(value: number): number;
}

/**
 * Chart.js's tick generation never returns for axes near the ends of the double range (a span
 * under 1e-300, or ends beyond ±1e300): its "nice" step underflows or overflows. Such axes are
 * drawn on 0…1 instead, with tick labels mapped back to the data's values.
 */
export function axisTransform(lo: number, hi: number): AxisTransform {
  const span = hi - lo;
  const safe = (span === 0 || span > 1e-300) && Math.abs(lo) < 1e300 && Math.abs(hi) < 1e300;
  if (safe) return { normalised: false, toAxis: (value) => value, fromAxis: (value) => value };
  const width = span === 0 ? 1 : span;
  return {
    normalised: true,
    toAxis: (value) => (value - lo) / width,
    fromAxis: (value) => lo + value * width,
  };
}
