// The statistics of a chart as tables, built from the GraphQL answer. Every value cell carries
// `data-field` (e.g. `stats.mean`) and shows the number in full, as the service sent it.

const HISTOGRAM_ROWS = [
  ['Count', 'stats.count'],
  ['Sum', 'stats.sum'],
  ['Minimum', 'stats.min'],
  ['Maximum', 'stats.max'],
  ['Mean', 'stats.mean'],
  ['Median', 'stats.median'],
  ['First quartile', 'stats.q1'],
  ['Third quartile', 'stats.q3'],
  ['Interquartile range', 'stats.iqr'],
  ['Variance (ddof = 1)', 'stats.variance'],
  ['Standard deviation', 'stats.stddev'],
  ['Skewness', 'stats.skewness'],
  ['Excess kurtosis', 'stats.kurtosis'],
  ['Bin rule', 'binning.rule'],
  ['Bins', 'binning.binCount'],
  ['Bin width', 'binning.binWidth'],
  ['Values given', 'dataQuality.given'],
  ['Values counted', 'dataQuality.used'],
  ['Values left out', 'dataQuality.excluded'],
];

const SCATTER_ROWS = [
  ['Points', 'stats.n'],
  ['Pearson r', 'stats.pearson'],
  ['Spearman ρ', 'stats.spearman'],
  ['Slope', 'stats.slope'],
  ['Intercept', 'stats.intercept'],
  ['r²', 'stats.rSquared'],
];

/** Why a figure is null, where the reason is not the data's. */
const NULL_REASONS = {
  'binning.rule': 'the bins were given, not chosen by a rule',
  'binning.binWidth': 'the bins are not all as wide',
};

/** An element with text or children; `attributes` are set as they are. */
function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A value as text: numbers in full, null as a dash that says why. */
function valueCell(value, field) {
  if (value === null || value === undefined) {
    const reason = NULL_REASONS[field] ?? 'not defined for this data';
    return element('td', { 'data-field': field, title: reason }, ['—']);
  }
  return element('td', { 'data-field': field }, [String(value)]);
}

function at(figures, path) {
  return path.split('.').reduce((value, key) => value?.[key], figures);
}

function keyValueTable(caption, rows, figures) {
  return element('table', { class: 'key-values' }, [
    element('caption', {}, [caption]),
    element(
      'tbody',
      {},
      rows.map(([label, field]) =>
        element('tr', {}, [
          element('th', { scope: 'row' }, [label]),
          valueCell(at(figures, field), field),
        ]),
      ),
    ),
  ]);
}

/** A table with a header row, in a scrolling region a keyboard can reach. */
function listTable(caption, columns, rows) {
  const table = element('table', { class: 'list' }, [
    element('caption', {}, [caption]),
    element('thead', {}, [
      element(
        'tr',
        {},
        columns.map(([label]) => element('th', { scope: 'col' }, [label])),
      ),
    ]),
    element(
      'tbody',
      {},
      rows.map((row, index) =>
        element(
          'tr',
          {},
          columns.map(([, key]) => valueCell(row[key], `${caption.toLowerCase()}.${index}.${key}`)),
        ),
      ),
    ),
  ]);
  return element('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': caption }, [
    table,
  ]);
}

/** The tables for one chart type's GraphQL answer. */
export function numbersView(type, figures) {
  const view = document.createDocumentFragment();
  switch (type) {
    case 'histogram':
      view.append(
        keyValueTable('Statistics of the counted values', HISTOGRAM_ROWS, figures),
        listTable(
          'Bins',
          [
            ['From', 'lower'],
            ['To', 'upper'],
            ['Count', 'count'],
            ['Density', 'density'],
            ['Cumulative', 'cumulativeCount'],
          ],
          figures.bins,
        ),
      );
      break;
    case 'scatter':
      view.append(keyValueTable('Correlation and least squares', SCATTER_ROWS, figures));
      break;
    case 'pie':
      view.append(
        listTable(
          'Slices',
          [
            ['Label', 'label'],
            ['Value', 'value'],
            ['Fraction', 'fraction'],
          ],
          figures.slices,
        ),
      );
      break;
    default:
      throw new Error(`unknown chart type ${type}`);
  }
  return view;
}
