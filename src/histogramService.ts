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
import { histogramFigure } from './core/histogramDisplay.js';

/** A parsed, computed histogram request, ready to answer with statistics or to render. */
export interface HistogramOutcome {
  readonly spec: HistogramSpec;
  readonly result: HistogramResult;
  readonly chart: HistogramChartSpec;
  readonly altText: string;
}

/** Parses the arguments with the shared parser and computes bins and statistics. No I/O. */
export function computeHistogramOutcome(
  args: HistogramArgs,
  name: ParamNamer = (path) => path,
): HistogramOutcome {
  const spec = parseHistogramArgs(args, name);
  const result = binAndDescribe(spec, name);
  const altText = describeHistogram(spec.title, result);
  return {
    spec,
    result,
    chart: {
      kind: 'histogram',
      title: spec.title,
      xlabel: spec.xlabel,
      ylabel: spec.ylabel,
      edges: result.edges,
      ...histogramFigure(result, spec.display),
      integerBins: result.binning.rule === 'INTEGER',
      logY: spec.display.logY,
      ...frameOf(
        spec.image,
        altText,
        chartMetadata({ chart: 'histogram', ...spec }, histogramStatistics(result)),
      ),
    },
    altText,
  };
}

/** The statistics part of a histogram answer, shared by GraphQL and the REST JSON answer. */
export function histogramStatistics(result: HistogramResult) {
  const { edges, counts, bins, binning, stats, excluded } = result;
  return { edges, counts, bins, binning, stats, excluded };
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
