import { badInput } from '../errors.js';
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
  x: readonly number[];
  y: readonly number[];
  title?: Optional<string>;
  xlabel?: Optional<string>;
  ylabel?: Optional<string>;
  trendline?: Optional<boolean>;
  legend?: Optional<boolean>;
  image?: Optional<ImageArgs>;
}

export interface ScatterSpec {
  readonly x: readonly number[];
  readonly y: readonly number[];
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
  if (args.x.length !== args.y.length) {
    throw badInput(
      name('y'),
      `${name('x')} has ${args.x.length} values but ${name('y')} has ${args.y.length}; they must pair up`,
    );
  }
  return {
    x: args.x,
    y: args.y,
    title: parseText(args.title, name('title')),
    xlabel: parseText(args.xlabel, name('xlabel')),
    ylabel: parseText(args.ylabel, name('ylabel')),
    trendline: args.trendline ?? false,
    legend: args.legend ?? false,
    image: parseImage(args.image ?? {}, name),
  };
}
