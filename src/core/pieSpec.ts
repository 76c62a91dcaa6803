import { badInput } from '../errors.js';
import {
  parseImage,
  parseText,
  type ImageArgs,
  type ImageSpec,
  type Optional,
  type ParamNamer,
} from './histogramSpec.js';

/** The arguments of a pie request, in the shape of the GraphQL arguments. */
export interface PieArgs {
  labels: readonly string[];
  values: readonly number[];
  title?: Optional<string>;
  legend?: Optional<boolean>;
  image?: Optional<ImageArgs>;
}

export interface PieSpec {
  readonly labels: readonly string[];
  readonly values: readonly number[];
  readonly title: string;
  readonly legend: boolean;
  readonly image: ImageSpec;
}

/** Parses pie arguments from GraphQL or REST; labels are cleaned and limited like titles. */
export function parsePieArgs(args: PieArgs, name: ParamNamer = (path) => path): PieSpec {
  if (args.labels.length !== args.values.length) {
    throw badInput(
      name('labels'),
      `${args.labels.length} labels but ${args.values.length} values; give one label per value`,
    );
  }
  return {
    labels: args.labels.map((label, i) =>
      parseText(label, name('labels'), `${name('labels')} item ${i + 1}`),
    ),
    values: args.values,
    title: parseText(args.title, name('title')),
    legend: args.legend ?? true,
    image: parseImage(args.image ?? {}, name),
  };
}
