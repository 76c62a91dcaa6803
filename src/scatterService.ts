import { describeScatter } from './core/altText.js';
import type { ParamNamer } from './core/histogramSpec.js';
import { scatterStatistics, type ScatterStatistics } from './core/scatterStatistics.js';
import { parseScatterArgs, type ScatterArgs } from './core/scatterSpec.js';
import { ChartqlError } from './errors.js';
import { chartMetadata, frameOf, type ScatterChartSpec } from './render/chartSpec.js';

export interface ScatterOutcome {
  readonly stats: ScatterStatistics;
  readonly chart: ScatterChartSpec;
  readonly altText: string;
}

/** Parses scatter arguments and computes the statistics. No I/O. */
export function computeScatterOutcome(
  args: ScatterArgs,
  name: ParamNamer = (path) => path,
): ScatterOutcome {
  const spec = parseScatterArgs(args, name);
  let stats: ScatterStatistics;
  try {
    stats = scatterStatistics(spec.x, spec.y);
  } catch (error) {
    if (error instanceof ChartqlError && (error.param === 'x' || error.param === 'y')) {
      throw new ChartqlError(error.code, error.message, name(error.param));
    }
    throw error;
  }
  const altText = describeScatter(spec.title, spec.x, spec.y, stats);
  const trendline =
    spec.trendline && stats.slope !== null && stats.intercept !== null
      ? { slope: stats.slope, intercept: stats.intercept }
      : null;
  return {
    stats,
    altText,
    chart: {
      kind: 'scatter',
      title: spec.title,
      xlabel: spec.xlabel,
      ylabel: spec.ylabel,
      series: spec.series.map((s) => ({ ...s, label: s.label === '' ? 'Points' : s.label })),
      trendline,
      legend: spec.legend,
      ...frameOf(spec.image, altText, chartMetadata({ chart: 'scatter', ...spec }, stats)),
    },
  };
}
