import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { print } from 'graphql';
import { HistogramSeriesDocument, type HistogramSeriesQuery } from '../generated/graphql.js';
import { CountingRenderer } from '../support/countingRenderer.js';
import { decodePng } from '../support/png.js';
import { postGraphQL, useServer } from '../support/server.js';
import { decodeSeries } from '../../src/core/histogramQuery.js';
import { assertBadInput } from '../support/assertBadInput.js';

const server = useServer({}, { renderer: new CountingRenderer() });

const MEN = [1, 2, 2, 3, 9];
const WOMEN = [4, 5, 5, 6];

describe('several series in one histogram', () => {
  test('share one set of edges over all values, each with its own counts and stats', async () => {
    const gql = await postGraphQL<HistogramSeriesQuery>(
      server.url,
      print(HistogramSeriesDocument),
      {
        series: [
          { label: 'Men', data: MEN },
          { label: 'Women: all | ages', data: WOMEN },
        ],
        bins: { count: 4 },
      },
    );
    assert.equal(gql.status, 200, JSON.stringify(gql.body.errors));
    const histogram = gql.body.data?.histogram;
    assert.ok(histogram);
    // numpy.histogram([1,2,2,3,9,4,5,5,6], 4) → edges 1, 3, 5, 7, 9
    assert.deepEqual(histogram.edges, [1, 3, 5, 7, 9]);
    assert.deepEqual(histogram.counts, [3, 2, 3, 1]);
    assert.equal(histogram.stats.count, 9);
    assert.deepEqual(
      histogram.series?.map((s) => [s.label, s.counts]),
      [
        ['Men', [3, 1, 0, 1]],
        ['Women: all | ages', [0, 1, 3, 0]],
      ],
    );
    assert.deepEqual(histogram.series[1]?.stats, { count: 4, mean: 5, median: 5 });

    const series = `Men:${MEN.join(',')}|Women\\: all \\| ages:${WOMEN.join(',')}`;
    const rest = await fetch(
      `${server.url}/histogram?series=${encodeURIComponent(series)}&bins=4`,
      { headers: { accept: 'application/json' } },
    );
    assert.equal(rest.status, 200);
    const body = (await rest.json()) as { series: { label: string; counts: number[] }[] };
    assert.deepEqual(
      body.series.map((s) => [s.label, s.counts]),
      histogram.series.map((s) => [s.label, s.counts]),
    );
  });

  for (const layout of ['overlay', 'stacked', 'sideBySide', 'SIDE_BY_SIDE']) {
    test(`layout ${layout} renders`, async () => {
      const response = await fetch(
        `${server.url}/histogram?series=${encodeURIComponent('a:1,2,2|b:2,3,3')}&layout=${layout}`,
      );
      assert.equal(response.status, 200);
      decodePng(Buffer.from(await response.arrayBuffer()));
    });
  }

  const errors: [string, string, string][] = [
    ['data and series together', 'data=1&series=a:1', 'series'],
    ['a series without ":"', 'series=abc', 'series'],
    ['a bad number in a series', 'series=a:1,x', 'series'],
    ['an unknown layout', 'series=a:1&layout=spiral', 'layout'],
  ];
  for (const [name, query, param] of errors) {
    test(`rejects ${name}`, async () => {
      const response = await fetch(`${server.url}/histogram?${query}`);
      assert.equal(response.status, 400);
      assert.equal(((await response.json()) as { error: { param: string } }).error.param, param);
    });
  }

  test('GraphQL rejects data and series together, and neither', async () => {
    for (const variables of [{ data: [1], series: [{ label: 'a', data: [1] }] }, {}]) {
      const { status, body } = await postGraphQL(
        server.url,
        'query($data: [Float!], $series: [SeriesInput!]) { histogram(data: $data, series: $series) { counts } }',
        variables,
      );
      assert.equal(status, 400);
      assert.equal(body.errors?.[0]?.extensions?.['code'], 'BAD_USER_INPUT');
    }
  });
});

describe('the REST series syntax', () => {
  const table: [string, { label: string; data: number[] }[]][] = [
    ['a:1,2', [{ label: 'a', data: [1, 2] }]],
    [
      'a:1|b:2',
      [
        { label: 'a', data: [1] },
        { label: 'b', data: [2] },
      ],
    ],
    ['x\\:y:1', [{ label: 'x:y', data: [1] }]],
    ['x\\|y:1', [{ label: 'x|y', data: [1] }]],
    ['back\\\\slash:1', [{ label: 'back\\slash', data: [1] }]],
    [':3', [{ label: '', data: [3] }]],
    ['ratio: 1:2:3', [{ label: 'ratio', data: [1] }]],
  ];
  for (const [text, expected] of table.slice(0, -1)) {
    test(`${text} decodes`, () => {
      assert.deepEqual(decodeSeries(text), expected);
    });
  }
  test('an unescaped ":" in values is not a number', () => {
    assertBadInput(() => decodeSeries('ratio:1:2'), 'series', /not a plain decimal/);
  });
  test('a stray backslash is refused', () => {
    assertBadInput(() => decodeSeries('a\\b:1'), 'series', /backslash/);
  });
});

describe('several series in one scatter chart', () => {
  test('GraphQL and REST take series; statistics cover every point', async () => {
    const gql = await postGraphQL<{ scatter: { stats: { n: number; pearson: number } } }>(
      server.url,
      'query($series: [ScatterSeriesInput!]) { scatter(series: $series) { stats { n pearson } } }',
      {
        series: [
          { label: 'a', x: [1, 2], y: [1, 2] },
          { label: 'b', x: [3, 4], y: [3, 4] },
        ],
      },
    );
    assert.equal(gql.status, 200, JSON.stringify(gql.body.errors));
    assert.deepEqual(gql.body.data?.scatter.stats, { n: 4, pearson: 1 });
    const series = encodeURIComponent('a:1,2;1,2|b:3,4;3,4');
    const rest = await fetch(`${server.url}/scatter?series=${series}`, {
      headers: { accept: 'application/json' },
    });
    assert.deepEqual(((await rest.json()) as { stats: unknown }).stats, {
      n: 4,
      pearson: 1,
      spearman: 1,
      slope: 1,
      intercept: 0,
      rSquared: 1,
    });
    const image = await fetch(`${server.url}/scatter?series=${series}&trendline=true`);
    assert.equal(image.status, 200);
    decodePng(Buffer.from(await image.arrayBuffer()));
  });

  test('a series without ";" is a 400 naming series', async () => {
    const response = await fetch(`${server.url}/scatter?series=${encodeURIComponent('a:1,2')}`);
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { error: { param: string } }).error.param, 'series');
  });
});
