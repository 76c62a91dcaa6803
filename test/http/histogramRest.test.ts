import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CountingRenderer } from '../support/countingRenderer.js';
import { decodePng } from '../support/png.js';
import { useServer } from '../support/server.js';

const TUTORIAL_URL =
  '/histogram?data=1,1,2,2,2,3,3,3,3,5,6,4,5,3,2,6,6,6,5,4&ylabel=Frequency&xlabel=Outcome&title=Outcome%20of%2020%20dice%20rolls';

const renderer = new CountingRenderer();
const server = useServer({ bodyLimitBytes: 64 * 1024 }, { renderer });

async function expectError(
  path: string,
  status: number,
  code: string,
  param?: string,
  init?: RequestInit,
): Promise<string> {
  const response = await fetch(`${server.url}${path}`, init);
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  const body = (await response.json()) as {
    error: { code: string; message: string; param?: string };
  };
  assert.equal(body.error.code, code);
  assert.equal(body.error.param, param);
  assert.ok(body.error.message.length > 0);
  return body.error.message;
}

describe('GET /histogram', () => {
  test("the tutorial's URL answers an 800×600 PNG", async () => {
    const response = await fetch(`${server.url}${TUTORIAL_URL}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/png');
    assert.equal(response.headers.get('vary'), 'Accept');
    const png = decodePng(Buffer.from(await response.arrayBuffer()));
    assert.deepEqual([png.width, png.height], [800, 600]);
  });

  test('width and height set the image size', async () => {
    const response = await fetch(`${server.url}/histogram?data=1,2,3&width=300&height=200`);
    const png = decodePng(Buffer.from(await response.arrayBuffer()));
    assert.deepEqual([png.width, png.height], [300, 200]);
  });

  test('Accept: application/json answers statistics without rendering', async () => {
    const before = renderer.renders;
    const response = await fetch(`${server.url}${TUTORIAL_URL}`, {
      headers: { accept: 'application/json' },
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body), [
      'edges',
      'counts',
      'bins',
      'binning',
      'stats',
      'excluded',
      'dataQuality',
    ]);
    assert.deepEqual(body['counts'], [2, 4, 5, 2, 3, 4]);
    assert.equal(renderer.renders, before);
  });

  test('spaces around numbers are accepted, inside numbers they are not', async () => {
    const spaced = await fetch(`${server.url}/histogram?data=${encodeURIComponent('1, 2 ,\t3')}`, {
      headers: { accept: 'application/json' },
    });
    assert.equal(spaced.status, 200);
    assert.deepEqual(((await spaced.json()) as { counts: number[] }).counts, [1, 1, 1]);
    await expectError(
      `/histogram?data=${encodeURIComponent('1 000,2')}`,
      400,
      'BAD_USER_INPUT',
      'data',
    );
  });

  const badData: [string, RegExp][] = [
    ['x', /item 1 \("x"\) is not a plain decimal/],
    ['1,0x10', /item 2/],
    ['1_000', /not a plain decimal/],
    ['1,,2', /item 2 is empty/],
    ['NaN', /not a plain decimal/],
    ['Infinity', /not a plain decimal/],
    ['1e999', /too large/],
    ['%EF%BC%91', /not a plain decimal/], // a full-width 1
    ['%FF', /not a plain decimal/], // invalid UTF-8
  ];
  for (const [data, message] of badData) {
    test(`data=${data} is a 400 naming data`, async () => {
      const text = await expectError(`/histogram?data=${data}`, 400, 'BAD_USER_INPUT', 'data');
      assert.match(text, message);
    });
  }

  test('missing or empty data is a 400', async () => {
    await expectError('/histogram', 400, 'BAD_USER_INPUT', 'data');
    await expectError('/histogram?data=', 400, 'BAD_USER_INPUT', 'data');
    await expectError('/histogram?title=x', 400, 'BAD_USER_INPUT', 'data');
  });

  for (const param of ['data', 'title', 'bins', 'width']) {
    test(`a repeated ${param} parameter is a 400 naming it`, async () => {
      const value = param === 'width' ? '300' : param === 'title' ? 't' : '3';
      const message = await expectError(
        `/histogram?data=1,2,3&${param}=${value}&${param}=${value}`,
        400,
        'BAD_USER_INPUT',
        param,
      );
      assert.match(message, /more than once/);
    });
  }

  const badParams: [string, string, RegExp][] = [
    ['bins=-1', 'bins', /bin count, a rule/],
    ['bins=1.5', 'bins', /bin count, a rule/],
    ['bins=1e9', 'bins', /bin count, a rule/],
    ['bins=1000000000', 'bins', /from 1 to 1000/],
    ['bins=squareroot', 'bins', /auto, fd, doane/],
    ['bins=1,x', 'bins', /bins item 2/],
    ['binWidth=0', 'binWidth', /positive/],
    ['binWidth=-2', 'binWidth', /positive/],
    ['range=1', 'range', /two comma-separated/],
    ['range=1,2,3', 'range', /two comma-separated/],
    ['range=a,2', 'range', /range item 1/],
    ['width=0', 'width', /from 100 to 4000/],
    ['width=-1', 'width', /whole number/],
    ['width=1.9', 'width', /whole number/],
    ['width=NaN', 'width', /whole number/],
    ['width=4294967301', 'width', /from 100 to 4000/],
    ['height=100000', 'height', /from 100 to 4000/],
  ];
  for (const [query, param, message] of badParams) {
    test(`${query} is a 400 naming ${param}`, async () => {
      const text = await expectError(
        `/histogram?data=1,2,3&${query}`,
        400,
        'BAD_USER_INPUT',
        param,
      );
      assert.match(text, message);
    });
  }

  const unusual: [string, string][] = [
    ['tiny magnitudes', 'data=1e-300,2e-300,3e-300'],
    ['huge magnitudes', 'data=1e150,2e150,3e150'],
    ['a single value', 'data=42'],
    ['a single fraction', 'data=0.1'],
    ['all values equal', 'data=7,7,7,7'],
    ['negative values', 'data=-5,-3,-1,-1.5'],
    ['1000 bins', `data=${Array.from({ length: 500 }, (_, i) => i).join(',')}&bins=1000`],
    ['the largest image', 'data=1,2,3&width=4000&height=4000'],
    ['the smallest image', 'data=1,2,3&width=100&height=100'],
    ['a 200-character title', `data=1,2&title=${'W'.repeat(200)}`],
    ['text in many scripts', `data=1,2&title=${encodeURIComponent('график 图表 📊 ‮evil')}`],
  ];
  for (const [name, query] of unusual) {
    test(`${name} renders a PNG`, async () => {
      const response = await fetch(`${server.url}/histogram?${query}`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'image/png');
      decodePng(Buffer.from(await response.arrayBuffer()));
    });
  }

  test('values too close for finite-width bins are a 400, as numpy refuses them', async () => {
    const message = await expectError(
      '/histogram?data=1,1.0000000000000002,1.0000000000000004',
      400,
      'BAD_USER_INPUT',
      'bins',
    );
    assert.match(message, /too coarse/);
  });

  test('an over-long title is refused before anything is drawn', async () => {
    const before = renderer.renders;
    await expectError(
      `/histogram?data=1&title=${'x'.repeat(75_000)}`,
      400,
      'BAD_USER_INPUT',
      'title',
    );
    assert.equal(renderer.renders, before);
  });

  test('other methods are a JSON 405', async () => {
    await expectError('/histogram?data=1', 405, 'METHOD_NOT_ALLOWED', undefined, {
      method: 'POST',
    });
  });
});

describe('the rest of the service', () => {
  test('GET /healthz', async () => {
    const response = await fetch(`${server.url}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  test('an unknown route is a JSON 404', async () => {
    await expectError('/nope', 404, 'NOT_FOUND');
  });

  test('malformed JSON on /graphql is a JSON 400', async () => {
    await expectError('/graphql', 400, 'BAD_USER_INPUT', undefined, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
  });

  test('a body over the limit is a JSON 413', async () => {
    await expectError('/graphql', 413, 'PAYLOAD_TOO_LARGE', 'body', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{__typename}', variables: { pad: 'x'.repeat(100_000) } }),
    });
  });
});
