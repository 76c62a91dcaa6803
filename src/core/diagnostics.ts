/**
 * What every bin rule would have made of the values a histogram binned, so that a client can see
 * why its bins look the way they do. The widths and counts come from the functions `planBins`
 * uses, so a candidate is usable exactly when asking for that rule would have worked.
 */
import { ChartqlError } from '../errors.js';
import {
  BIN_RULES,
  autoEstimates,
  autoEstimator,
  binsForWidth,
  dataWindow,
  estimatorWindow,
  integerBins,
  ruleWidth,
  uniformEdges,
} from './binning.js';
import type { AutoEstimator, BinPlan, BinRule, EstimatorRule, Range } from './binning.js';
import { MAX_BINS } from './limits.js';
import type { Sample } from './statistics.js';

/** What one rule gives for the values and range that were binned. */
export interface RuleCandidate {
  rule: BinRule;
  /**
   * The width the rule's estimator gives (numpy's `_hist_bin_<rule>`, before it becomes a whole
   * number of bins; 0 means one bin), 1 for INTEGER; null when not computable or not evaluated.
   */
  binWidth: number | null;
  /** The bins the rule makes (numpy's ⌈(last − first) / width⌉); null when not computable. */
  binCount: number | null;
  /** False when asking for this rule would be refused for these values (see `reason`). */
  usable: boolean;
  /** Why the rule cannot be used, or why it was not evaluated; null otherwise. */
  reason: string | null;
}

/** How the bins were chosen, compared with every rule. */
export interface BinningDiagnostics {
  /** One per rule, in `BIN_RULES` order. */
  candidates: RuleCandidate[];
  /**
   * The estimate AUTO's width comes from: FD, the SQRT floor (√-rule width / 2) or STURGES; null
   * when the values have no spread (every estimate is 0) or the rules cannot see them.
   */
  autoChoice: AutoEstimator | null;
  /** The rule used (`binning.rule`); null for a bin count, a bin width or explicit edges. */
  chosen: BinRule | null;
}

/**
 * Above this many values STONE is evaluated only when it was the rule used (its width then comes
 * from the plan): it builds one trial histogram per bin count up to max(100, √n).
 */
export const STONE_DIAGNOSTIC_MAX_VALUES = 10_000;

/**
 * Evaluates every rule on `input` and `range` as `planBins` would for `{ kind: 'rule', rule }`,
 * reusing what `plan` (the plan made for them) has computed: its estimated width, and its values
 * with their memoised quartiles when the rules see the same ones. Linear passes only (numpy's std
 * for SCOTT and DOANE), except STONE on up to `STONE_DIAGNOSTIC_MAX_VALUES` values.
 */
export function binningDiagnostics(
  input: Sample,
  plan: BinPlan,
  range: Range | undefined,
): BinningDiagnostics {
  const window = windowOrReason(input, range, plan);
  const candidates = BIN_RULES.map((rule) =>
    rule === 'INTEGER'
      ? integerCandidate(input, range)
      : typeof window === 'string'
        ? unusable(rule, null, null, window)
        : estimatorCandidate(rule, window, plan),
  );
  const autoChoice =
    typeof window === 'string' || window.inside.max === window.inside.min
      ? null
      : autoEstimator(autoEstimates(window.inside));
  return { candidates, autoChoice, chosen: plan.rule };
}

type Window = ReturnType<typeof estimatorWindow>;

/** The estimators' window, or why there is none (e.g. a span beyond the largest double). */
function windowOrReason(input: Sample, range: Range | undefined, plan: BinPlan): Window | string {
  try {
    return estimatorWindow(input, range, plan.inside);
  } catch (error) {
    if (error instanceof ChartqlError) return error.message;
    throw error;
  }
}

function estimatorCandidate(rule: EstimatorRule, window: Window, plan: BinPlan): RuleCandidate {
  const { first, last, inside } = window;
  let width: number;
  if (plan.rule === rule && plan.estimatedWidth !== null) {
    width = plan.estimatedWidth;
  } else if (rule === 'STONE' && inside.values.length > STONE_DIAGNOSTIC_MAX_VALUES) {
    return {
      rule,
      binWidth: null,
      binCount: null,
      usable: true,
      reason:
        `not evaluated for more than ${STONE_DIAGNOSTIC_MAX_VALUES} values (it builds a trial ` +
        'histogram per bin count); ask for STONE to see its bins',
    };
  } else {
    try {
      width = ruleWidth(rule, inside, first, last);
    } catch (error) {
      // STONE refuses trial bin counts that doubles are too coarse for.
      if (error instanceof ChartqlError) return unusable(rule, null, null, error.message);
      throw error;
    }
  }
  const bins = binsForWidth(width, first, last);
  switch (bins.problem) {
    case null:
      if (uniformEdges(first, last, bins.count) === null) {
        return unusable(
          rule,
          width,
          bins.count,
          `doubles are too coarse for ${bins.count} bins between ${first} and ${last}`,
        );
      }
      return { rule, binWidth: width, binCount: bins.count, usable: true, reason: null };
    case 'width':
      return unusable(rule, null, null, `its width is ${width}, not a finite number`);
    case 'tooManyBins':
      return unusable(rule, width, bins.count, tooMany(bins.count ?? 'over 1e308'));
    default:
      return unreachable(bins);
  }
}

function integerCandidate(input: Sample, range: Range | undefined): RuleCandidate {
  const [lo, hi] = dataWindow(input, range);
  const bins = integerBins(input.values, lo, hi);
  switch (bins.problem) {
    case null:
      return { rule: 'INTEGER', binWidth: 1, binCount: bins.count, usable: true, reason: null };
    case 'noValues':
      return unusable('INTEGER', null, null, `no value lies in [${lo}, ${hi}]`);
    case 'notInteger':
      return unusable('INTEGER', null, null, `${bins.value} is not a whole number`);
    case 'tooLarge':
      return unusable('INTEGER', null, null, 'values reach 2^52 in magnitude');
    case 'tooManyBins':
      return unusable('INTEGER', 1, bins.count, tooMany(bins.count));
    default:
      return unreachable(bins);
  }
}

function tooMany(count: number | string): string {
  return `${count} bins, more than the ${MAX_BINS} allowed`;
}

function unusable(
  rule: BinRule,
  binWidth: number | null,
  binCount: number | null,
  reason: string,
): RuleCandidate {
  return { rule, binWidth, binCount, usable: false, reason };
}

function unreachable(value: never): never {
  throw new Error(`unhandled case ${JSON.stringify(value)}`);
}
