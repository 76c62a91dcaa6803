import { describeHistogram } from './core/altText.js';
import { computeHistogram, type HistogramResult } from './core/histogram.js';
import {
  parseHistogramArgs,
  type ArgPath,
  type HistogramArgs,
  type HistogramSpec,
  type ParamNamer,
} from './core/histogramSpec.js';
import { ChartqlError } from './errors.js';
import { chartMetadata, frameOf, type HistogramChartSpec } from './render/chartSpec.js';
import { barHeights, histogramFigure } from './core/histogramDisplay.js';

/** A parsed, computed histogram request, ready to answer with statistics or to render. */
export interface HistogramOutcome {
  readonly spec: HistogramSpec;
  /** Bins and statistics of all values together. */
  readonly result: HistogramResult;
  /** Each series counted in the same bins, when series were given. */
  readonly series: readonly SeriesResult[];
  readonly chart: HistogramChartSpec;
  readonly altText: string;
}

/** One series counted in the shared bins, with its own statistics. */
export interface SeriesResult {
  readonly label: string;
  readonly result: HistogramResult;
}

/** Parses the arguments with the shared parser and computes bins and statistics. No I/O. */
export function computeHistogramOutcome(
  args: HistogramArgs,
  name: ParamNamer = (path) => path,
): HistogramOutcome {
  const spec = parseHistogramArgs(args, name);
  const result = binAndDescribe(spec, name);
  const series = spec.series.map(({ label, data }) => ({
    label,
    result: countSeries(data, result.edges, spec, name),
  }));
  // The alt text and the chart spec (and the JSON it carries) are built only when asked for:
  // most statistics-only requests need neither.
  let altText: string | undefined;
  const describe = () => (altText ??= describeHistogram(spec.title, result));
  let chart: HistogramChartSpec | undefined;
  const buildChart = (): HistogramChartSpec => {
    const { heights, ...figure } = histogramFigure(result, spec.display);
    return {
      kind: 'histogram',
      title: spec.title,
      xlabel: spec.xlabel,
      ylabel: spec.ylabel,
      edges: result.edges,
      series:
        series.length === 0
          ? [{ label: '', heights }]
          : series.map((s) => ({ label: s.label, heights: barHeights(s.result, spec.display) })),
      layout: spec.layout,
      legend: spec.legend,
      ...figure,
      integerBins: result.binning.rule === 'INTEGER',
      logY: spec.display.logY,
      ...frameOf(
        spec.image,
        describe(),
        // The figures, not the rule diagnostics: those cost more than the chart (STONE alone
        // tries a hundred histograms) and say nothing about this image.
        chartMetadata(
          { chart: 'histogram', ...spec },
          { ...histogramStatistics(result, series), binning: result.binning },
        ),
      ),
    };
  };
  return {
    spec,
    result,
    series,
    get chart() {
      chart ??= buildChart();
      return chart;
    },
    get altText() {
      return describe();
    },
  };
}

/** The statistics part of a histogram answer, shared by GraphQL and the REST JSON answer. */
export function histogramStatistics(result: HistogramResult, series: readonly SeriesResult[] = []) {
  const { edges, counts, bins, binning, stats, excluded, dataQuality } = result;
  return {
    edges,
    counts,
    bins,
    binning: {
      ...binning,
      get diagnostics() {
        return result.diagnostics;
      },
    },
    stats,
    excluded,
    dataQuality,
    ...(series.length === 0
      ? {}
      : {
          series: series.map(({ label, result: own }) => ({
            label,
            counts: own.counts,
            stats: own.stats,
          })),
        }),
  };
}

/**
 * One series counted in the bins of all series together, as matplotlib does for several
 * datasets: `np.histogram(series, bins=edges)`.
 */
function countSeries(
  data: readonly number[],
  edges: readonly number[],
  spec: HistogramSpec,
  name: ParamNamer,
): HistogramResult {
  try {
    return computeHistogram(data, { kind: 'edges', edges }, spec.range);
  } catch (error) {
    if (!(error instanceof ChartqlError)) throw error;
    throw new ChartqlError(error.code, `a series: ${error.message}`, name('series'));
  }
}

/** Bins the data; errors about the binning name the argument the client used for it. */
function binAndDescribe(spec: HistogramSpec, name: ParamNamer): HistogramResult {
  try {
    return computeHistogram(spec.data, spec.bins, spec.range);
  } catch (error) {
    if (!(error instanceof ChartqlError) || error.param === undefined) throw error;
    const path: ArgPath =
      error.param === 'bins' && spec.bins !== undefined
        ? `bins.${spec.bins.kind}`
        : (error.param as ArgPath);
    throw new ChartqlError(error.code, error.message, name(path));
  }
}
