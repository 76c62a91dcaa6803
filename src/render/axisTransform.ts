/** Where values go on an axis, and back. */
export interface AxisTransform {
  readonly normalised: boolean;
  /** Data units per axis unit: how far apart neighbouring ticks are in the data's values. */
  readonly scale: number;
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
  if (safe) return IDENTITY;
  const width = span === 0 ? 1 : span;
  return {
    normalised: true,
    scale: width,
    toAxis: (value) => (value - lo) / width,
    fromAxis: (value) => lo + value * width,
  };
}

/** The axis of most charts: data values drawn as they are. */
export const IDENTITY: AxisTransform = {
  normalised: false,
  scale: 1,
  toAxis: (value) => value,
  fromAxis: (value) => value,
};
