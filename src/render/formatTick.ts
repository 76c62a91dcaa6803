/** Most digits a tick label shows; a double holds about 15 significant decimal digits. */
const MAX_DIGITS = 15;

/** The fewest decimals that write `step` exactly enough (0.25 → 2, 0.5 → 1, 20 → 0). */
function decimalsOf(step: number): number {
  for (let decimals = 0; decimals < MAX_DIGITS; decimals++) {
    const scaled = step * 10 ** decimals;
    const rounded = Math.round(scaled);
    if (rounded >= 1 && Math.abs(rounded - scaled) <= 1e-9 * scaled) return decimals;
  }
  return MAX_DIGITS;
}

/**
 * Formats an axis tick with the digits that tell it apart from its neighbours `step` away: fixed
 * notation for ordinary magnitudes, scientific beyond (`1.5e-300`, `2e+150`). Chart.js's own
 * formatter prints up to 20 fraction digits, which turns close ticks into long, overlapping
 * labels.
 */
export function formatTick(value: number, step: number): string {
  if (value === 0 || !Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  const spacing = step > 0 && Number.isFinite(step) ? step : magnitude;
  if (magnitude >= 1e6 || magnitude < 1e-4) {
    const exponent = Math.floor(Math.log10(magnitude));
    const digits = Math.min(MAX_DIGITS - 1, decimalsOf(spacing / 10 ** exponent));
    return value.toExponential(digits).replace(/\.?0+e/, 'e');
  }
  return value.toFixed(decimalsOf(spacing));
}
