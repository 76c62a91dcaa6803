import { countValues, planBins, prepareValues } from './binning.js';
import type { BinRule, BinsSpec, Range } from './binning.js';
import { binningDiagnostics } from './diagnostics.js';
import type { BinningDiagnostics } from './diagnostics.js';
import { statisticsOf } from './statistics.js';
import type { Statistics } from './statistics.js';
import { badInput } from '../errors.js';

/** One bin: [lower, upper), the last one [lower, upper]. */
export interface Bin {
  lower: number;
  upper: number;
  count: number;
  /** count / (total counted · width), as numpy's `density=True`. */
  density: number;
  /** Values in this bin and every bin before it. */
  cumulativeCount: number;
}

/** How the bins were chosen. */
export interface Binning {
  /** The rule used (INTEGER or AUTO when no bins were asked for); null for a count, width or edges. */
  rule: BinRule | null;
  binCount: number;
  /** The common bin width, or null when explicit edges are uneven. */
  binWidth: number | null;
}

/** How many values were received, and how many of them were counted. */
export interface DataQuality {
  /** Values received. */
  given: number;
  /** Values counted in the bins: `given − excluded`. */
  used: number;
  /** Values outside the range or outside explicit edges, so not counted. */
  excluded: number;
}

export interface HistogramResult {
  edges: number[];
  counts: number[];
  bins: Bin[];
  binning: Binning;
  /** Statistics of the counted values, so `stats.count` is the sum of `counts`. */
  stats: Statistics;
  /** Values not counted: outside the range (or outside explicit edges). */
  excluded: number;
  /** What every bin rule would have made of these values, and which one was used. */
  diagnostics: BinningDiagnostics;
  dataQuality: DataQuality;
}

/**
 * Bins `data` as `bins` says (see `planBins`; undefined picks INTEGER or AUTO) and describes the
 * counted values. Edges and counts match numpy's `np.histogram` for counts, edges and numpy's
 * rules. Sorts nothing: linear passes, and selection for the quartiles, which the FD and AUTO
 * rules, the statistics and the diagnostics share.
 * Throws `badInput` ('data', 'range' or 'bins') for input it cannot bin with finite numbers.
 */
export function computeHistogram(
  data: ArrayLike<number>,
  bins: BinsSpec | undefined,
  range: Range | undefined,
): HistogramResult {
  const input = prepareValues(data);
  const plan = planBins(input, bins, range);
  const counts = countValues(plan);
  const total = plan.inside.values.length;
  const stats = statisticsOf(plan.inside);
  const edges = Array.from(plan.edges);

  const result: Bin[] = [];
  let cumulativeCount = 0;
  for (const [i, count] of counts.entries()) {
    const lower = edges[i];
    const upper = edges[i + 1];
    if (lower === undefined || upper === undefined) throw new Error('edges and counts disagree');
    cumulativeCount += count;
    // numpy's order: n / np.diff(edges) / n.sum()
    const density = count / (upper - lower) / total;
    if (!Number.isFinite(density)) {
      throw badInput(
        'data',
        `bins ${upper - lower} wide are too narrow for a finite density; use fewer bins`,
      );
    }
    result.push({ lower, upper, count, density, cumulativeCount });
  }
  if (cumulativeCount !== total) {
    throw new Error(`counted ${cumulativeCount} values but ${total} lie inside the bins`);
  }
  const excluded = data.length - total;
  let diagnostics: BinningDiagnostics | undefined;
  return {
    edges,
    counts,
    bins: result,
    binning: { rule: plan.rule, binCount: counts.length, binWidth: plan.binWidth },
    stats,
    excluded,
    // Every rule evaluated again costs more than the histogram itself on small data: only when
    // someone reads it (an enumerable getter, so JSON still carries it).
    get diagnostics() {
      diagnostics ??= binningDiagnostics(input, plan, range);
      return diagnostics;
    },
    dataQuality: { given: data.length, used: total, excluded },
  };
}
