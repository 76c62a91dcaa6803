import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodePng } from '../support/png.js';
import { useServer } from '../support/server.js';
import { CountingRenderer } from '../support/countingRenderer.js';

const DATA = 'data=1,2,2,3,3,3,4,4,5,7,9';
const server = useServer({}, { renderer: new CountingRenderer() });

async function png(query: string) {
  const response = await fetch(`${server.url}/histogram?${query}`);
  assert.equal(response.status, 200, await response.clone().text());
  return { response, image: decodePng(Buffer.from(await response.arrayBuffer())) };
}

function pixel(image: ReturnType<typeof decodePng>, x: number, y: number): number[] {
  const at = (y * image.width + x) * 4;
  return [...image.data.subarray(at, at + 3)];
}

describe('image options', () => {
  test('devicePixelRatio multiplies the pixels, not the layout', async () => {
    const { image } = await png(`${DATA}&width=300&height=200&devicePixelRatio=2`);
    assert.deepEqual([image.width, image.height], [600, 400]);
  });

  test('the pixel size counts against the size limit', async () => {
    const response = await fetch(`${server.url}/histogram?${DATA}&width=2100&devicePixelRatio=2`);
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { param: string; message: string } };
    assert.equal(body.error.param, 'width');
    assert.match(body.error.message, /4200 pixels; at most 4000/);
  });

  for (const ratio of ['0.5', '4', 'x']) {
    test(`devicePixelRatio=${ratio} is a 400 naming it`, async () => {
      const response = await fetch(`${server.url}/histogram?${DATA}&devicePixelRatio=${ratio}`);
      assert.equal(response.status, 400);
      const body = (await response.json()) as { error: { param: string } };
      assert.equal(body.error.param, 'devicePixelRatio');
    });
  }

  test('the dark theme paints a dark background', async () => {
    const light = (await png(DATA)).image;
    const dark = (await png(`${DATA}&theme=dark`)).image;
    assert.deepEqual(pixel(light, 2, 2), [255, 255, 255]);
    assert.deepEqual(pixel(dark, 2, 2), [0x1e, 0x1f, 0x22]);
  });

  test('a palette colours the bars; # may be left out in a URL', async () => {
    const plain = (await png(`${DATA}&bins=1`)).image;
    const red = (await png(`${DATA}&bins=1&palette=ff0000`)).image;
    const centre = [Math.floor(red.width / 2), Math.floor(red.height * 0.7)] as const;
    const [r, g, b] = pixel(red, ...centre);
    assert.ok((r ?? 0) > 200 && (g ?? 255) < 80 && (b ?? 255) < 80, `got ${String([r, g, b])}`);
    assert.notDeepEqual(pixel(plain, ...centre), pixel(red, ...centre));
  });

  for (const [query, param] of [
    ['palette=red', 'palette'],
    ['theme=sepia', 'theme'],
    ['density=maybe', 'density'],
  ] as const) {
    test(`${query} is a 400 naming ${param}`, async () => {
      const response = await fetch(`${server.url}/histogram?${DATA}&${query}`);
      assert.equal(response.status, 400);
      assert.equal(((await response.json()) as { error: { param: string } }).error.param, param);
    });
  }

  test('SVG ignores the pixel ratio, so both spellings share one cached image', async () => {
    const a = await fetch(`${server.url}/histogram?${DATA}&format=svg`, { method: 'HEAD' });
    const b = await fetch(`${server.url}/histogram?${DATA}&format=svg&devicePixelRatio=3`, {
      method: 'HEAD',
    });
    assert.equal(a.headers.get('etag'), b.headers.get('etag'));
  });
});

describe('histogram display options', () => {
  test('each option changes the picture but not the numbers', async () => {
    const base = (await png(DATA)).image;
    const json = async (query: string): Promise<unknown> => {
      const response = await fetch(`${server.url}/histogram?${query}`, {
        headers: { accept: 'application/json' },
      });
      return (await response.json()) as unknown;
    };
    const numbers = await json(DATA);
    for (const option of [
      'density',
      'cumulative',
      'logY',
      'meanLine',
      'medianLine',
      'normalCurve',
    ]) {
      const { image } = await png(`${DATA}&${option}=true`);
      assert.ok(!image.data.equals(base.data), `${option} drew the same picture`);
      assert.deepEqual(
        await json(`${DATA}&${option}=true`),
        numbers,
        `${option} changed the numbers`,
      );
    }
  });
});

describe('self-describing images', () => {
  test('a PNG carries its request and statistics; an SVG its metadata', async () => {
    const { readPngMetadata } = await import('../../src/render/imageMetadata.js');
    const response = await fetch(
      `${server.url}/histogram?${DATA}&title=${encodeURIComponent('Ünïcode <b>')}`,
    );
    const metadata = readPngMetadata(Buffer.from(await response.arrayBuffer()));
    assert.equal(metadata['Title'], 'Ünïcode <b>');
    assert.equal(metadata['Software'], 'chartql');
    assert.match(metadata['Description'] ?? '', /^Histogram "Ünïcode <b>" of 11 values/);
    const request = JSON.parse(metadata['chartql:request'] ?? '{}') as {
      data: number[];
      chart: string;
    };
    assert.equal(request.chart, 'histogram');
    assert.deepEqual(request.data, [1, 2, 2, 3, 3, 3, 4, 4, 5, 7, 9]);
    const stats = JSON.parse(metadata['chartql:statistics'] ?? '{}') as {
      stats: { count: number };
    };
    assert.equal(stats.stats.count, 11);
    const svg = await (await fetch(`${server.url}/histogram?${DATA}&format=svg`)).text();
    assert.equal(svg.match(/<metadata>/g)?.length, 1);
    assert.match(svg, /<metadata>.*chartql:request.*<\/metadata>/s);
  });

  test('text a file format cannot carry is removed, not a failure', async () => {
    const response = await fetch(`${server.url}/histogram?${DATA}&title=a%EF%BF%BEb`);
    assert.equal(response.status, 200);
  });
});

describe('image and display options over GraphQL', () => {
  const query = `query($image: ImageInput, $density: Boolean) {
    histogram(data: [1, 2, 2, 3], image: $image, density: $density) { image { width height } }
  }`;

  test('take effect as over REST', async () => {
    const { postGraphQL } = await import('../support/server.js');
    const { status, body } = await postGraphQL<{
      histogram: { image: { width: number; height: number } };
    }>(server.url, query, {
      image: { width: 300, height: 200, devicePixelRatio: 2, theme: 'DARK', palette: ['#ff0000'] },
      density: true,
    });
    assert.equal(status, 200, JSON.stringify(body.errors));
    assert.deepEqual(body.data?.histogram.image, { width: 600, height: 400 });
  });

  for (const [image, argument] of [
    [{ palette: ['red'] }, 'image.palette'],
    [{ devicePixelRatio: 3.5 }, 'image.devicePixelRatio'],
    [{ width: 1500, devicePixelRatio: 3 }, 'image.width'],
  ] as const) {
    test(`${JSON.stringify(image)} is a 400 naming ${argument}`, async () => {
      const { postGraphQL } = await import('../support/server.js');
      const { status, body } = await postGraphQL(server.url, query, { image });
      assert.equal(status, 400);
      assert.equal(body.errors?.[0]?.extensions?.['argument'], argument);
    });
  }
});

describe('palette spelling', () => {
  test('#rgb and #rrggbb are one colour, and one cached image', async () => {
    const etag = async (palette: string) =>
      (
        await fetch(`${server.url}/histogram?${DATA}&palette=${palette}`, { method: 'HEAD' })
      ).headers.get('etag');
    assert.equal(await etag('f80'), await etag('FF8800'));
    assert.notEqual(await etag('f80'), await etag('ff8801'));
  });
});
