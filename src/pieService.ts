import { describePie } from './core/altText.js';
import type { ParamNamer } from './core/histogramSpec.js';
import { pieSlices, type PieSlice } from './core/pieSlices.js';
import { parsePieArgs, type PieArgs } from './core/pieSpec.js';
import { ChartqlError } from './errors.js';
import { chartMetadata, frameOf, type PieChartSpec } from './render/chartSpec.js';

export interface PieOutcome {
  readonly slices: PieSlice[];
  readonly chart: PieChartSpec;
  readonly altText: string;
}

/** Parses pie arguments and computes each slice's fraction. No I/O. */
export function computePieOutcome(args: PieArgs, name: ParamNamer = (path) => path): PieOutcome {
  const spec = parsePieArgs(args, name);
  let slices: PieSlice[];
  try {
    slices = pieSlices(spec.labels, spec.values);
  } catch (error) {
    if (error instanceof ChartqlError && (error.param === 'labels' || error.param === 'values')) {
      throw new ChartqlError(error.code, error.message, name(error.param));
    }
    throw error;
  }
  const altText = describePie(spec.title, slices);
  return {
    slices,
    altText,
    chart: {
      kind: 'pie',
      title: spec.title,
      slices: slices.map(({ label, value }) => ({ label, value })),
      legend: spec.legend,
      ...frameOf(spec.image, altText, chartMetadata({ chart: 'pie', ...spec }, slices)),
    },
  };
}
