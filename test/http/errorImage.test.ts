import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CountingRenderer } from '../support/countingRenderer.js';
import { decodePng } from '../support/png.js';
import { startServer, useServer } from '../support/server.js';
import { testPool, waitUntilReady } from '../support/testPool.js';

/** The share of pixels darker than mid-grey: text on a light image, background on a dark one. */
function darkShare(bytes: Buffer): number {
  const png = decodePng(bytes);
  let dark = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const luma =
      0.2126 * (png.data[i] ?? 0) +
      0.7152 * (png.data[i + 1] ?? 0) +
      0.0722 * (png.data[i + 2] ?? 0);
    if (luma < 128) dark += 1;
  }
  return dark / (png.data.length / 4);
}

describe('onError=image', () => {
  const server = useServer({}, { renderer: new CountingRenderer() });

  test('a bad request is answered with the error drawn as a PNG, still a 400', async () => {
    const response = await fetch(`${server.url}/histogram?data=1,abc&onError=image`);
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('content-type'), 'image/png');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('etag'), null);
    const bytes = Buffer.from(await response.arrayBuffer());
    const png = decodePng(bytes);
    assert.equal(png.width, 480);
    assert.ok(png.height >= 100 && png.height <= 200, `${png.height}`);
    // Mostly background, with text on it.
    const share = darkShare(bytes);
    assert.ok(share > 0.005 && share < 0.3, `dark share ${share}`);
    // The image says what it is, for screen readers and for anyone saving it.
    assert.ok(bytes.includes('BAD_USER_INPUT'), 'metadata names the code');
  });

  test('it follows the format and theme asked for', async () => {
    const svg = await fetch(`${server.url}/histogram?data=&format=svg&onError=image`);
    assert.equal(svg.status, 400);
    assert.equal(svg.headers.get('content-type'), 'image/svg+xml');
    assert.match(svg.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const text = await svg.text();
    assert.match(text, /<desc>chartql could not draw this chart: data is required/);

    const dark = await fetch(`${server.url}/scatter?x=1&y=1,2&theme=dark&onError=image`);
    assert.equal(dark.status, 400);
    assert.ok(darkShare(Buffer.from(await dark.arrayBuffer())) > 0.7, 'dark background');
  });

  test('different errors draw different images; the same error is drawn once', async () => {
    const renderer = new CountingRenderer();
    const own = await startServer({}, { renderer });
    try {
      const first = Buffer.from(
        await (await fetch(`${own.url}/pie?labels=a&onError=image`)).arrayBuffer(),
      );
      const again = Buffer.from(
        await (await fetch(`${own.url}/pie?labels=a&onError=image`)).arrayBuffer(),
      );
      const other = Buffer.from(
        await (await fetch(`${own.url}/histogram?bins=0&data=1&onError=image`)).arrayBuffer(),
      );
      assert.ok(first.equals(again));
      assert.ok(!first.equals(other));
      assert.equal(renderer.renders, 2);
    } finally {
      await own.close();
    }
  });

  test('without onError=image, or on a good request, nothing changes', async () => {
    const json = await fetch(`${server.url}/histogram?data=x`);
    assert.equal(json.status, 400);
    assert.match(json.headers.get('content-type') ?? '', /^application\/json/);
    const other = await fetch(`${server.url}/histogram?data=x&onError=json`);
    assert.match(other.headers.get('content-type') ?? '', /^application\/json/);
    const good = await fetch(`${server.url}/histogram?data=1,2,2&onError=image`);
    assert.equal(good.status, 200);
    assert.equal(decodePng(Buffer.from(await good.arrayBuffer())).width, 800);
  });

  test('only the image routes draw errors: GraphQL and unknown paths stay JSON', async () => {
    const missing = await fetch(`${server.url}/nowhere?onError=image`);
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('content-type') ?? '', /^application\/json/);
  });
});

describe('onError=image when the renderer fails', () => {
  test('a render timeout is drawn with its 503 and Retry-After', async () => {
    // Two children: while the hung one is replaced, the other draws the error.
    const pool = testPool({ size: 2, timeoutMs: 500 });
    const server = await startServer({}, { renderer: pool });
    try {
      await waitUntilReady(pool, 2);
      const response = await fetch(`${server.url}/histogram?data=1&title=hang&onError=image`);
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('retry-after'), '1');
      assert.equal(response.headers.get('content-type'), 'image/png');
      decodePng(Buffer.from(await response.arrayBuffer()));
    } finally {
      await server.close();
    }
  });
});
