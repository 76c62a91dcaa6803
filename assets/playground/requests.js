// Turning the playground's chart description into the service's requests, and the snippets a
// person copies: the REST URL, an <img> tag, the GraphQL operation and a curl command. Pure.

/** REST paths and GraphQL fields of the chart types. */
export const CHART_TYPES = ['histogram', 'scatter', 'pie'];

/** The service's defaults, left out of URLs and variables so snippets stay short. */
const DEFAULT_WIDTH = 800;
const DEFAULT_HEIGHT = 600;

/** Histogram drawing options, all booleans, in the README's order. */
export const HISTOGRAM_FLAGS = [
  'density',
  'cumulative',
  'logY',
  'meanLine',
  'medianLine',
  'normalCurve',
];

const VARIABLE_TYPES = {
  data: '[Float!]',
  x: '[Float!]',
  y: '[Float!]',
  labels: '[String!]!',
  values: '[Float!]!',
  title: 'String',
  xlabel: 'String',
  ylabel: 'String',
  bins: 'BinsInput',
  trendline: 'Boolean',
  image: 'ImageInput',
  ...Object.fromEntries(HISTOGRAM_FLAGS.map((flag) => [flag, 'Boolean'])),
};

const IMAGE_SELECTION = ['image', ['altText', 'width', 'height', 'mimeType', 'byteLength']];

/** What each chart's operation selects: the figures the page shows, and the image's alt text. */
const SELECTIONS = {
  histogram: [
    IMAGE_SELECTION,
    ['binning', ['rule', 'binCount', 'binWidth']],
    [
      'stats',
      [
        'count',
        'sum',
        'min',
        'max',
        'mean',
        'median',
        'q1',
        'q3',
        'iqr',
        'variance',
        'stddev',
        'skewness',
        'kurtosis',
      ],
    ],
    ['dataQuality', ['given', 'used', 'excluded']],
    ['bins', ['lower', 'upper', 'count', 'density', 'cumulativeCount']],
  ],
  scatter: [
    IMAGE_SELECTION,
    ['stats', ['n', 'pearson', 'spearman', 'slope', 'intercept', 'rSquared']],
  ],
  pie: [IMAGE_SELECTION, ['slices', ['label', 'value', 'fraction']]],
};

/**
 * The arguments of a chart as GraphQL variables, in the order the README lists them; only what
 * differs from the service's defaults.
 */
export function chartVariables(chart) {
  const variables = {};
  switch (chart.type) {
    case 'histogram':
      variables.data = chart.data;
      break;
    case 'scatter':
      variables.x = chart.x;
      variables.y = chart.y;
      break;
    case 'pie':
      variables.labels = chart.labels;
      variables.values = chart.values;
      break;
    default:
      throw new Error(`unknown chart type ${chart.type}`);
  }
  for (const text of ['title', 'xlabel', 'ylabel']) {
    if (chart[text] !== undefined && chart[text] !== '') variables[text] = chart[text];
  }
  if (chart.bins !== undefined) variables.bins = chart.bins;
  for (const flag of [...HISTOGRAM_FLAGS, 'trendline']) {
    if (chart.flags?.[flag] === true) variables[flag] = true;
  }
  const image = {};
  const { width, height, format, theme } = chart.image ?? {};
  if (width !== undefined && width !== DEFAULT_WIDTH) image.width = width;
  if (height !== undefined && height !== DEFAULT_HEIGHT) image.height = height;
  if (format === 'SVG') image.format = format;
  if (theme === 'DARK') image.theme = theme;
  if (Object.keys(image).length > 0) variables.image = image;
  return variables;
}

/** Longest first line before the variables and arguments go one to a line, as Prettier does. */
const LINE_WIDTH = 80;

/** The GraphQL operation for a chart with its variables, formatted as a person would write it. */
export function graphqlRequest(chart) {
  const variables = chartVariables(chart);
  const names = Object.keys(variables);
  const operation = chart.type.charAt(0).toUpperCase() + chart.type.slice(1);
  const declarations = names.map((name) => `$${name}: ${VARIABLE_TYPES[name]}`);
  const argumentList = names.map((name) => `${name}: $${name}`);
  const oneLine = `query ${operation}(${declarations.join(', ')}) {`;
  const lines =
    oneLine.length <= LINE_WIDTH
      ? [oneLine, `  ${chart.type}(${argumentList.join(', ')}) {`]
      : [
          `query ${operation}(`,
          ...declarations.map((declaration) => `  ${declaration}`),
          ') {',
          `  ${chart.type}(`,
          ...argumentList.map((argument) => `    ${argument}`),
          '  ) {',
        ];
  lines.push(...selectionLines(SELECTIONS[chart.type], '    '), '  }', '}');
  return { query: lines.join('\n'), variables };
}

/** Variables as indented JSON, with lists of values kept on one line. */
export function formatVariables(value, indent = '') {
  if (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object')) {
    return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const inner = `${indent}  `;
    const entries = Object.entries(value).map(
      ([key, item]) => `${inner}${JSON.stringify(key)}: ${formatVariables(item, inner)}`,
    );
    return entries.length === 0 ? '{}' : `{\n${entries.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

function selectionLines(selection, indent) {
  return selection.flatMap((field) =>
    typeof field === 'string'
      ? [`${indent}${field}`]
      : [`${indent}${field[0]} {`, ...selectionLines(field[1], `${indent}  `), `${indent}}`],
  );
}

/** A query parameter's value: commas stay readable, everything else is escaped. */
function encodeParam(text) {
  return encodeURIComponent(text).replace(/%2C/gu, ',');
}

/** A pie label in the REST list: `\` and `,` escaped with a backslash. */
function escapeLabel(label) {
  return label.replace(/[\\,]/gu, (char) => `\\${char}`);
}

/** The REST path and query of a chart, e.g. `/histogram?data=1,2,3&bins=fd`. */
export function restPath(chart) {
  const variables = chartVariables(chart);
  const params = [];
  const add = (name, value) => params.push(`${name}=${encodeParam(String(value))}`);
  for (const [name, value] of Object.entries(variables)) {
    switch (name) {
      case 'data':
      case 'x':
      case 'y':
      case 'values':
        add(name, value.join(','));
        break;
      case 'labels':
        add(name, value.map(escapeLabel).join(','));
        break;
      case 'bins':
        if (value.rule !== undefined) add('bins', value.rule.toLowerCase());
        if (value.count !== undefined) add('bins', value.count);
        if (value.edges !== undefined) add('bins', value.edges.join(','));
        if (value.width !== undefined) add('binWidth', value.width);
        break;
      case 'image':
        for (const [key, setting] of Object.entries(value)) {
          add(key, typeof setting === 'string' ? setting.toLowerCase() : setting);
        }
        break;
      default:
        add(name, value);
    }
  }
  return `/${chart.type}?${params.join('&')}`;
}

/** Text made safe inside a double-quoted HTML attribute. */
export function escapeAttribute(text) {
  return text.replace(
    /[&"<>]/gu,
    (char) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[char],
  );
}

/** The `<img>` tag for a rendered chart, with the service's alt text and the image's size. */
export function imgTag(url, image) {
  return `<img src="${escapeAttribute(url)}" alt="${escapeAttribute(image.altText)}" width="${image.width}" height="${image.height}">`;
}

/** Text as one POSIX shell word. */
export function shellQuote(text) {
  return `'${text.replace(/'/gu, `'\\''`)}'`;
}

/** A curl command that sends the GraphQL operation with its variables. */
export function curlCommand(origin, request) {
  const body = JSON.stringify({
    // The query holds no user text (that is all in the variables), so spaces may go.
    query: request.query.replace(/\s+/gu, ' ').replace(/\( | (?=\))/gu, (match) => match.trim()),
    variables: request.variables,
  });
  return [
    `curl -s ${shellQuote(`${origin}/graphql`)}`,
    `-H 'content-type: application/json'`,
    `--data-raw ${shellQuote(body)}`,
  ].join(' \\\n  ');
}
