import { badInput } from '../errors.js';
import { checkSeriesCount } from './histogramSpec.js';
import {
  parseImage,
  parseText,
  type ImageArgs,
  type ImageSpec,
  type Optional,
  type ParamNamer,
} from './histogramSpec.js';

/** The arguments of a scatter request, in the shape of the GraphQL arguments. */
export interface ScatterArgs {
  /** The points; give x and y, or series. */
  x?: Optional<readonly number[]>;
  y?: Optional<readonly number[]>;
  /** Several labelled sets of points, drawn in their own colours. */
  series?: Optional<readonly { label: string; x: readonly number[]; y: readonly number[] }[]>;
  title?: Optional<string>;
  xlabel?: Optional<string>;
  ylabel?: Optional<string>;
  trendline?: Optional<boolean>;
  legend?: Optional<boolean>;
  image?: Optional<ImageArgs>;
}

export interface ScatterSpec {
  /** Every point of every series: what the statistics describe. */
  readonly x: readonly number[];
  readonly y: readonly number[];
  /** The series; one unlabelled series when x and y were given. */
  readonly series: readonly { label: string; x: readonly number[]; y: readonly number[] }[];
  readonly title: string;
  readonly xlabel: string;
  readonly ylabel: string;
  readonly trendline: boolean;
  readonly legend: boolean;
  readonly image: ImageSpec;
}

/**
 * Parses scatter arguments from GraphQL or REST. The points themselves (lengths, finiteness,
 * count) are checked where the statistics are computed, in one place for both.
 */
export function parseScatterArgs(
  args: ScatterArgs,
  name: ParamNamer = (path) => path,
): ScatterSpec {
  const series = parseSeries(args, name);
  return {
    x: series.flatMap((s) => s.x),
    y: series.flatMap((s) => s.y),
    series,
    title: parseText(args.title, name('title')),
    xlabel: parseText(args.xlabel, name('xlabel')),
    ylabel: parseText(args.ylabel, name('ylabel')),
    trendline: args.trendline ?? false,
    legend: args.legend ?? series.length > 1,
    image: parseImage(args.image ?? {}, name),
  };
}

function parseSeries(args: ScatterArgs, name: ParamNamer): ScatterSpec['series'] {
  const param = name('series');
  if (args.series != null) {
    if (args.x != null || args.y != null) {
      throw badInput(param, `give ${name('x')} and ${name('y')}, or ${param}, not both`);
    }
    checkSeriesCount(args.series.length, param);
    return args.series.map((series, i) => {
      const what = `${param} item ${i + 1}`;
      if (series.x.length !== series.y.length) {
        throw badInput(
          param,
          `${what} has ${series.x.length} x values but ${series.y.length} y values`,
        );
      }
      return { label: parseText(series.label, param, `${what}'s label`), x: series.x, y: series.y };
    });
  }
  if (args.x == null || args.y == null) {
    throw badInput(
      args.x == null ? name('x') : name('y'),
      `give ${name('x')} and ${name('y')}: the points`,
    );
  }
  if (args.x.length !== args.y.length) {
    throw badInput(
      name('y'),
      `${name('x')} has ${args.x.length} values but ${name('y')} has ${args.y.length}; they must pair up`,
    );
  }
  return [{ label: '', x: args.x, y: args.y }];
}
