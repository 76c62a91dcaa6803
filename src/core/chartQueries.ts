import type { PieArgs } from './pieSpec.js';
import { MAX_SLICES } from './pieSlices.js';
import { LIMITS } from './limits.js';
import { parseDecimalList } from './parseNumbers.js';
import { badInput } from '../errors.js';
import {
  decodeSeriesEntries,
  imageArgsFromQuery,
  queryBoolean,
  queryText,
  requiredText,
  splitEscaped,
} from './queryParams.js';
import type { ScatterArgs } from './scatterSpec.js';

type Query = Readonly<Record<string, unknown>>;

/** `GET /scatter?x=1,2,3&y=2,4,7&trendline=true` into scatter arguments. */
export function scatterArgsFromQuery(query: Query): ScatterArgs {
  const series = queryText(query, 'series');
  if (series !== undefined) {
    return { ...scatterOptions(query), series: decodeScatterSeries(series) };
  }
  return {
    ...scatterOptions(query),
    x: parseDecimalList(requiredText(query, 'x', 'x=1,2,3'), 'x', LIMITS.maxValues),
    y: parseDecimalList(requiredText(query, 'y', 'y=2,4,7'), 'y', LIMITS.maxValues),
  };
}

/**
 * `series=Men:1,2,3;4,5,6|Women:…`: like the histogram's series, each label followed by its x
 * values, a `;`, and its y values.
 */
function decodeScatterSeries(text: string) {
  return decodeSeriesEntries(text).map(({ label, values }, i) => {
    const parts = values.split(';');
    if (parts.length !== 2) {
      throw badInput('series', `series item ${i + 1} needs x values, ";", then y values`);
    }
    const [x = '', y = ''] = parts;
    return {
      label,
      x: parseDecimalList(x, 'series', LIMITS.maxValues),
      y: parseDecimalList(y, 'series', LIMITS.maxValues),
    };
  });
}

function scatterOptions(query: Query) {
  return {
    title: queryText(query, 'title'),
    xlabel: queryText(query, 'xlabel'),
    ylabel: queryText(query, 'ylabel'),
    trendline: queryBoolean(query, 'trendline'),
    legend: queryBoolean(query, 'legend'),
    image: imageArgsFromQuery(query),
  };
}

/**
 * `GET /pie?labels=Apples,Pears&values=3,2`: labels are comma-separated, with `\,` for a comma
 * inside a label and `\\` for a backslash.
 */
export function pieArgsFromQuery(query: Query): PieArgs {
  return {
    labels: splitEscaped(
      requiredText(query, 'labels', 'labels=Apples,Pears'),
      'labels',
      MAX_SLICES,
    ),
    values: parseDecimalList(requiredText(query, 'values', 'values=3,2'), 'values', MAX_SLICES),
    title: queryText(query, 'title'),
    legend: queryBoolean(query, 'legend'),
    image: imageArgsFromQuery(query),
  };
}
