import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { print } from 'graphql';
import {
  HistogramImageDocument,
  HistogramStatsDocument,
  type HistogramImageQuery,
  type HistogramStatsQuery,
} from '../generated/graphql.js';
import { CountingRenderer } from '../support/countingRenderer.js';
import { decodePng } from '../support/png.js';
import { postGraphQL, useServer } from '../support/server.js';

const DICE = [1, 1, 2, 2, 2, 3, 3, 3, 3, 5, 6, 4, 5, 3, 2, 6, 6, 6, 5, 4];

describe('GraphQL histogram', () => {
  const renderer = new CountingRenderer();
  const server = useServer({}, { renderer });

  test('a query without dataUrl or image renders nothing', async () => {
    const before = renderer.renders;
    const { status, body } = await postGraphQL<HistogramStatsQuery>(
      server.url,
      print(HistogramStatsDocument),
      { data: DICE },
    );
    assert.equal(status, 200);
    assert.deepEqual(body.data?.histogram.counts, [2, 4, 5, 2, 3, 4]);
    assert.equal(renderer.renders, before);
  });

  test('dataUrl and image come from one render', async () => {
    const before = renderer.renders;
    const { status, body } = await postGraphQL<HistogramImageQuery>(
      server.url,
      print(HistogramImageDocument),
      { data: DICE, title: 'Outcome of 20 dice rolls', image: { width: 640, height: 480 } },
    );
    assert.equal(status, 200, JSON.stringify(body.errors));
    assert.equal(renderer.renders, before + 1);
    const histogram = body.data?.histogram;
    assert.ok(histogram);
    assert.equal(histogram.dataUrl, histogram.image.dataUrl);
    const prefix = 'data:image/png;base64,';
    assert.ok(histogram.dataUrl.startsWith(prefix));
    const bytes = Buffer.from(histogram.dataUrl.slice(prefix.length), 'base64');
    const png = decodePng(bytes);
    assert.equal(png.width, 640);
    assert.equal(png.height, 480);
    assert.equal(histogram.image.byteLength, bytes.length);
    assert.equal(histogram.image.mimeType, 'image/png');
    assert.deepEqual([histogram.image.width, histogram.image.height], [640, 480]);
    assert.equal(
      histogram.image.altText,
      'Histogram "Outcome of 20 dice rolls" of 20 values from 1 to 6 in 6 bins; the tallest bin, 3, holds 5 values; mean 3.6, median 3',
    );
  });

  test('image defaults to 800×600', async () => {
    const { body } = await postGraphQL<HistogramImageQuery>(
      server.url,
      print(HistogramImageDocument),
      { data: [1.5, 2.5, 2.7] },
    );
    assert.deepEqual(
      [body.data?.histogram.image.width, body.data?.histogram.image.height],
      [800, 600],
    );
  });

  test('a value of the wrong type is a 400 BAD_USER_INPUT', async () => {
    const { status, body } = await postGraphQL(server.url, print(HistogramStatsDocument), {
      data: [1, 'x'],
    });
    assert.equal(status, 400);
    assert.equal(body.errors?.[0]?.extensions?.['code'], 'BAD_USER_INPUT');
  });

  test('introspection is on by default', async () => {
    const { status, body } = await postGraphQL<{ __type: { name: string } | null }>(
      server.url,
      '{ __type(name: "BinRule") { name } }',
    );
    assert.equal(status, 200);
    assert.equal(body.data?.__type?.name, 'BinRule');
  });

  test('browsers get the Sandbox landing page', async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await response.text(), /sandbox/i);
  });

  test('CSRF prevention blocks a simple GET operation', async () => {
    const response = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('{__typename}')}`,
    );
    assert.equal(response.status, 400);
  });
});

describe('GraphQL with introspection off', () => {
  const server = useServer({ introspection: false });

  test('introspection queries are refused', async () => {
    const { status, body } = await postGraphQL(server.url, '{ __schema { queryType { name } } }');
    assert.equal(status, 400);
    assert.equal(body.errors?.[0]?.extensions?.['code'], 'GRAPHQL_VALIDATION_FAILED');
  });
});
