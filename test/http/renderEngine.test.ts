import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { print } from 'graphql';
import { HistogramImageDocument, type HistogramImageQuery } from '../generated/graphql.js';
import { CountingRenderer } from '../support/countingRenderer.js';
import { decodePng } from '../support/png.js';
import { postGraphQL, startServer, type TestServer, useServer } from '../support/server.js';
import { testPool, waitUntilReady } from '../support/testPool.js';

const DICE = '1,1,2,2,2,3,3,3,3,5,6,4,5,3,2,6,6,6,5,4';

describe('render cache and ETags', () => {
  const renderer = new CountingRenderer();
  const server = useServer({}, { renderer });

  test('the same chart asked twice renders once, with a strong immutable ETag', async () => {
    const url = `${server.url}/histogram?data=${DICE}&title=cached`;
    const first = await fetch(url);
    const rendersAfterFirst = renderer.renders;
    const second = await fetch(url);
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.equal(renderer.renders, rendersAfterFirst);
    const etag = first.headers.get('etag');
    assert.match(etag ?? '', /^"[\w-]{32}"$/);
    assert.equal(second.headers.get('etag'), etag);
    assert.equal(first.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.deepEqual(
      Buffer.from(await first.arrayBuffer()),
      Buffer.from(await second.arrayBuffer()),
    );
  });

  test('a repeated URL gets the same answer, whichever path serves it', async () => {
    const url = `${server.url}/histogram?data=${DICE}&title=repeated&format=svg`;
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(url);
      answers.push({
        status: response.status,
        headers: Object.fromEntries(
          [
            'content-type',
            'content-length',
            'etag',
            'cache-control',
            'vary',
            'content-security-policy',
            'x-content-type-options',
          ].map((name) => [name, response.headers.get(name)]),
        ),
        body: await response.text(),
      });
    }
    const [first] = answers;
    assert.ok(first);
    assert.equal(first.status, 200);
    assert.equal(first.headers['vary'], 'Accept');
    assert.deepEqual(answers[1], answers[0]);
    assert.deepEqual(answers[2], answers[0]);
    // JSON is still negotiated for a URL that was answered with an image.
    const json = await fetch(url, { headers: { accept: 'application/json' } });
    assert.match(json.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(((await json.json()) as { counts: number[] }).counts.length, 6);
  });

  test('a matching If-None-Match is answered 304 without rendering', async () => {
    const url = `${server.url}/histogram?data=${DICE}&title=revalidated`;
    const etag = (await fetch(url, { method: 'HEAD' })).headers.get('etag') ?? '';
    const before = renderer.renders;
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const response = await fetch(url, { headers: { 'if-none-match': header } });
      assert.equal(response.status, 304, header);
      assert.equal(response.headers.get('etag'), etag);
      assert.equal((await response.arrayBuffer()).byteLength, 0);
    }
    const stale = await fetch(url, { headers: { 'if-none-match': '"stale"' } });
    assert.equal(stale.status, 200);
    assert.ok(renderer.renders <= before + 1);
  });

  test('a different chart has a different ETag', async () => {
    const a = await fetch(`${server.url}/histogram?data=1,2,3`, { method: 'HEAD' });
    const b = await fetch(`${server.url}/histogram?data=1,2,4`, { method: 'HEAD' });
    assert.notEqual(a.headers.get('etag'), b.headers.get('etag'));
  });

  test('GraphQL dataUrl and REST share the cache', async () => {
    const data = [7, 8, 8, 9, 9, 9];
    const rest = await fetch(`${server.url}/histogram?data=${data.join(',')}&title=shared`);
    const restBytes = Buffer.from(await rest.arrayBuffer());
    const before = renderer.renders;
    const { body } = await postGraphQL<HistogramImageQuery>(
      server.url,
      print(HistogramImageDocument),
      { data, title: 'shared' },
    );
    assert.equal(renderer.renders, before);
    const dataUrl = body.data?.histogram.dataUrl ?? '';
    assert.deepEqual(
      Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'),
      restBytes,
    );
  });

  test('SVG output escapes text and is served with a locked-down policy', async () => {
    const title = '<script>alert("x")</script> & more';
    const response = await fetch(
      `${server.url}/histogram?data=1,2,2,3&format=svg&title=${encodeURIComponent(title)}`,
    );
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/svg+xml');
    assert.equal(
      response.headers.get('content-security-policy'),
      "default-src 'none'; style-src 'unsafe-inline'",
    );
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    const svg = await response.text();
    assert.match(svg, /^<\?xml|^<svg/);
    assert.doesNotMatch(svg, /<script/i);
    assert.match(
      svg,
      /<title>&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; more<\/title>/,
    );
    assert.match(svg, /<desc>Histogram "?.*of 4 values/);
  });

  test('GraphQL renders SVG on request', async () => {
    const { body } = await postGraphQL<HistogramImageQuery>(
      server.url,
      print(HistogramImageDocument),
      { data: [1, 2, 2, 3], image: { format: 'SVG' } },
    );
    const histogram = body.data?.histogram;
    assert.ok(histogram);
    assert.equal(histogram.image.mimeType, 'image/svg+xml');
    const svg = Buffer.from(
      histogram.dataUrl.replace(/^data:image\/svg\+xml;base64,/, ''),
      'base64',
    ).toString('utf8');
    assert.match(svg, /<svg/);
  });

  test('an unknown format is a 400 naming format', async () => {
    const response = await fetch(`${server.url}/histogram?data=1,2&format=gif`);
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { error: { param: string } }).error.param, 'format');
  });
});

describe('render failures over HTTP', () => {
  const pool = testPool({ size: 1, timeoutMs: 500, maxQueue: 1 });
  let server: TestServer;
  before(async () => {
    server = await startServer({ renderCacheBytes: 0 }, { renderer: pool });
    await waitUntilReady(pool);
  });
  after(async () => {
    await server.close();
  });

  test('a render past its deadline is a 503 RENDER_TIMEOUT; the service goes on', async () => {
    const response = await fetch(`${server.url}/histogram?data=1,2&title=hang`);
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('retry-after'), '1');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const body = (await response.json()) as { error: { code: string } };
    assert.equal(body.error.code, 'RENDER_TIMEOUT');
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    await waitUntilReady(pool);
    const next = await fetch(`${server.url}/histogram?data=1,2&title=next`);
    assert.equal(next.status, 200);
    decodePng(Buffer.from(await next.arrayBuffer()));
  });

  test('a full queue is a 503 OVERLOADED with Retry-After, at once', async () => {
    const busy = fetch(`${server.url}/histogram?data=1,2&title=${encodeURIComponent('slow 400')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const queued = fetch(`${server.url}/histogram?data=1,2&title=queued`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const refused = await fetch(`${server.url}/histogram?data=1,2&title=refused`);
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get('retry-after'), '1');
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'OVERLOADED');
    assert.equal((await busy).status, 200);
    assert.equal((await queued).status, 200);
  });

  test('GraphQL carries the code, the 503 and Retry-After too', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: print(HistogramImageDocument),
        variables: { data: [1, 2], title: 'crash' },
      }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    assert.equal(body.errors?.[0]?.extensions?.code, 'RENDER_FAILED');
    assert.equal(response.status, 503);
  });
});
