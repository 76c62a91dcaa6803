/**
 * Every size limit of the service, in one place. The input parser enforces them; the pure core
 * enforces `maxBins` itself so that no caller can make it allocate a huge histogram.
 */
export const LIMITS = {
  /** Most values accepted in one request. */
  maxValues: 100_000,
  /** Most bins in one histogram, whatever asked for them (a count, a width or a rule). */
  maxBins: 1000,
  /** Smallest image side, in pixels. */
  minSize: 100,
  /** Largest image side, in pixels. */
  maxSize: 4000,
  /** Longest title or label, in characters. */
  maxTextLength: 200,
  /** Most query parameters in one REST request (a chart takes about twenty). */
  maxQueryParameters: 100,
} as const;

/** Most bins in one histogram (`LIMITS.maxBins`). */
export const MAX_BINS = LIMITS.maxBins;
