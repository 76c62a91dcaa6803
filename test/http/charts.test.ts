/**
 * Scatter and pie charts: the same cases against GraphQL and REST, their statistics, their images
 * and their errors, each naming the argument at fault.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { print } from 'graphql';
import {
  PieImageDocument,
  PieSlicesDocument,
  ScatterImageDocument,
  ScatterStatsDocument,
  type PieImageQuery,
  type PieSlicesQuery,
  type ScatterImageQuery,
  type ScatterStatsQuery,
} from '../generated/graphql.js';
import { CountingRenderer } from '../support/countingRenderer.js';
import { decodePng } from '../support/png.js';
import { postGraphQL, useServer } from '../support/server.js';

const renderer = new CountingRenderer();
const server = useServer({}, { renderer });

async function restJson(path: string) {
  const response = await fetch(`${server.url}${path}`, { headers: { accept: 'application/json' } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('scatter', () => {
  const x = [1, 2, 3, 4, 5];
  const y = [2.1, 3.9, 6.2, 7.8, 10.1];

  test('GraphQL and REST give the same statistics', async () => {
    const gql = await postGraphQL<ScatterStatsQuery>(server.url, print(ScatterStatsDocument), {
      x,
      y,
    });
    assert.equal(gql.status, 200, JSON.stringify(gql.body.errors));
    const stats = gql.body.data?.scatter.stats;
    assert.ok(stats);
    assert.equal(stats.n, 5);
    assert.ok(stats.pearson !== null && stats.pearson > 0.99);
    assert.equal(stats.spearman, 1);
    assert.ok(Math.abs((stats.slope ?? 0) - 1.99) < 1e-12);
    const rest = await restJson(`/scatter?x=${x.join(',')}&y=${y.join(',')}`);
    assert.equal(rest.status, 200);
    assert.deepEqual(rest.body, { stats });
  });

  test('statistics alone render nothing; the image renders once', async () => {
    const before = renderer.renders;
    await postGraphQL(server.url, print(ScatterStatsDocument), { x, y });
    assert.equal(renderer.renders, before);
    const { body } = await postGraphQL<ScatterImageQuery>(server.url, print(ScatterImageDocument), {
      x,
      y,
      title: 'Growth',
      trendline: true,
      image: { width: 400, height: 300 },
    });
    assert.equal(renderer.renders, before + 1);
    const scatter = body.data?.scatter;
    assert.ok(scatter);
    const png = decodePng(Buffer.from(scatter.dataUrl.split(',')[1] ?? '', 'base64'));
    assert.deepEqual([png.width, png.height], [400, 300]);
    assert.match(
      scatter.image.altText,
      /^Scatter chart "Growth" of 5 points; x from 1 to 5, y from 2\.1 to 10\.1; Pearson r 0\.99\d*; trend y = 1\.99x \+ /,
    );
  });

  test('REST answers a PNG for <img>', async () => {
    const response = await fetch(`${server.url}/scatter?x=1,2,3&y=3,1,2&trendline=true`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/png');
    decodePng(Buffer.from(await response.arrayBuffer()));
  });

  const errors: [string, Record<string, unknown>, string, string, RegExp][] = [
    ['unequal lengths', { x: [1, 2, 3], y: [1, 2] }, 'x=1,2,3&y=1,2', 'y', /3 values but y has 2/],
    [
      'too long a title',
      { x: [1], y: [1], title: 't'.repeat(201) },
      `x=1&y=1&title=${'t'.repeat(201)}`,
      'title',
      /at most 200/,
    ],
  ];
  for (const [name, variables, query, param, message] of errors) {
    test(`rejects ${name} on both`, async () => {
      const gql = await postGraphQL(server.url, print(ScatterStatsDocument), variables);
      assert.equal(gql.status, 400);
      assert.equal(gql.body.errors?.[0]?.extensions?.['code'], 'BAD_USER_INPUT');
      assert.equal(gql.body.errors[0].extensions['argument'], param);
      const rest = await restJson(`/scatter?${query}`);
      assert.equal(rest.status, 400);
      const error = rest.body['error'] as { param: string; message: string };
      assert.equal(error.param, param);
      assert.match(error.message, message);
    });
  }

  test('a bad number names x', async () => {
    const rest = await restJson('/scatter?x=1,zz&y=1,2');
    assert.equal(rest.status, 400);
    assert.equal((rest.body['error'] as { param: string }).param, 'x');
  });
});

describe('pie', () => {
  test('GraphQL and REST give the same slices', async () => {
    const gql = await postGraphQL<PieSlicesQuery>(server.url, print(PieSlicesDocument), {
      labels: ['Apples', 'Pears, ripe', 'Plums'],
      values: [5, 3, 2],
    });
    assert.equal(gql.status, 200, JSON.stringify(gql.body.errors));
    const slices = gql.body.data?.pie.slices;
    assert.deepEqual(slices, [
      { label: 'Apples', value: 5, fraction: 0.5 },
      { label: 'Pears, ripe', value: 3, fraction: 0.3 },
      { label: 'Plums', value: 2, fraction: 0.2 },
    ]);
    const rest = await restJson(
      `/pie?labels=${encodeURIComponent('Apples,Pears\\, ripe,Plums')}&values=5,3,2`,
    );
    assert.equal(rest.status, 200);
    assert.deepEqual(rest.body, { slices });
  });

  test('the image and its alt text', async () => {
    const { body } = await postGraphQL<PieImageQuery>(server.url, print(PieImageDocument), {
      labels: ['A', 'B'],
      values: [3, 1],
      title: 'Share',
      image: { format: 'SVG' },
    });
    assert.equal(body.data?.pie.image.mimeType, 'image/svg+xml');
    assert.equal(body.data.pie.image.altText, 'Pie chart "Share" of 2 slices: A 75%, B 25%');
    const response = await fetch(`${server.url}/pie?labels=A,B&values=3,1`);
    assert.equal(response.headers.get('content-type'), 'image/png');
    decodePng(Buffer.from(await response.arrayBuffer()));
  });

  const errors: [string, Record<string, unknown>, string, string][] = [
    [
      'a negative value',
      { labels: ['a', 'b'], values: [1, -2] },
      'labels=a,b&values=1,-2',
      'values',
    ],
    ['all zeros', { labels: ['a', 'b'], values: [0, 0] }, 'labels=a,b&values=0,0', 'values'],
    ['mismatched lengths', { labels: ['a'], values: [1, 2] }, 'labels=a&values=1,2', 'labels'],
  ];
  for (const [name, variables, query, param] of errors) {
    test(`rejects ${name} on both`, async () => {
      const gql = await postGraphQL(server.url, print(PieSlicesDocument), variables);
      assert.equal(gql.status, 400);
      assert.equal(gql.body.errors?.[0]?.extensions?.['argument'], param);
      const rest = await restJson(`/pie?${query}`);
      assert.equal(rest.status, 400);
      assert.equal((rest.body['error'] as { param: string }).param, param);
    });
  }

  test('a stray backslash in labels is a 400', async () => {
    const rest = await restJson(`/pie?labels=${encodeURIComponent('a\\b')}&values=1`);
    assert.equal(rest.status, 400);
    assert.equal((rest.body['error'] as { param: string }).param, 'labels');
  });
});
