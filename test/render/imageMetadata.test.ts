import { createCanvas } from 'canvas';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import { encodePng } from '../../src/render/encodePng.js';
import {
  METADATA_KEYWORDS,
  readPngMetadata,
  withPngMetadata,
  withSvgMetadata,
  type ImageMetadata,
} from '../../src/render/imageMetadata.js';
import { decodePng } from '../support/png.js';

const SIGNATURE_BYTES = 8;

interface RawChunk {
  type: string;
  data: Buffer;
  crcOk: boolean;
}

/** The chunks of a PNG, read independently of the module under test, with each CRC checked. */
function chunksOf(png: Buffer): RawChunk[] {
  const chunks: RawChunk[] = [];
  for (let at = SIGNATURE_BYTES; at < png.length;) {
    const length = png.readUInt32BE(at);
    const end = at + 12 + length;
    const crcOk = crc32(png.subarray(at + 4, end - 4)) === png.readUInt32BE(end - 4);
    chunks.push({
      type: png.toString('latin1', at + 4, at + 8),
      data: png.subarray(at + 8, end - 4),
      crcOk,
    });
    at = end;
  }
  return chunks;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** A small opaque chart-like PNG from chartql's own encoder. */
async function smallPng(): Promise<Buffer> {
  const canvas = createCanvas(20, 10);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 20, 10);
  ctx.fillStyle = '#3366cc';
  ctx.fillRect(4, 2, 9, 6);
  return encodePng(canvas);
}

/** An SVG as CanvasRenderer's `describedSvg` leaves it: cairo's, with a title and desc. */
function describedSvg(): string {
  const canvas = createCanvas(20, 10, 'svg');
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#3366cc';
  ctx.fillRect(4, 2, 9, 6);
  const svg = canvas.toBuffer().toString('utf8');
  const end = svg.indexOf('>', svg.indexOf('<svg')) + 1;
  return `${svg.slice(0, end)}<title>Bars &amp; more</title><desc>Two bars</desc>${svg.slice(end)}`;
}

const longStatistics = JSON.stringify({
  count: 500,
  values: Array.from({ length: 200 }, (_, i) => Math.round(Math.sin(i) * 1e6) / 1e3),
});

const metadata: ImageMetadata = {
  [METADATA_KEYWORDS.title]: 'График 📊 of rolls',
  [METADATA_KEYWORDS.description]: 'A histogram <script>alert(1)</script> & "quotes" ]]> done',
  [METADATA_KEYWORDS.software]: 'chartql',
  [METADATA_KEYWORDS.request]: '{"kind":"histogram","data":[1,2,3],"title":"a\\u0000b"}',
  [METADATA_KEYWORDS.statistics]: longStatistics,
};

describe('withPngMetadata and readPngMetadata', () => {
  test('round-trip ASCII, Unicode, markup and a long JSON value', async () => {
    const png = withPngMetadata(await smallPng(), metadata);
    assert.deepEqual(readPngMetadata(png), { ...metadata });
  });

  test('the pixels decode exactly as before, and every CRC is right', async () => {
    const plain = await smallPng();
    const described = withPngMetadata(plain, metadata);
    // pngjs checks the CRC of the chunks it reads, but skips unknown ancillary ones (iTXt
    // among them) unchecked: hence the check of every chunk here.
    const before = decodePng(plain);
    const after = decodePng(described);
    assert.equal(after.width, 20);
    assert.equal(after.height, 10);
    assert.ok(after.data.equals(before.data), 'decoded RGBA differs');
    assert.deepEqual(
      chunksOf(described).filter((c) => !c.crcOk),
      [],
    );
  });

  test('one iTXt per pair, after IHDR and before IDAT; only the long value compressed', async () => {
    const chunks = chunksOf(withPngMetadata(await smallPng(), metadata));
    assert.deepEqual(
      chunks.map((c) => c.type),
      ['IHDR', 'iTXt', 'iTXt', 'iTXt', 'iTXt', 'iTXt', 'IDAT', 'IEND'],
    );
    const written = chunks
      .filter((c) => c.type === 'iTXt')
      .map((c) => {
        const nul = c.data.indexOf(0);
        return { keyword: c.data.toString('latin1', 0, nul), flag: c.data[nul + 1], c };
      });
    const statistics = written.find(({ keyword }) => keyword === 'chartql:statistics');
    assert.ok(Buffer.byteLength(longStatistics) > 1024);
    assert.equal(statistics?.flag, 1, 'compressed');
    assert.ok(statistics.c.data.length < Buffer.byteLength(longStatistics));
    assert.deepEqual(
      written.filter(({ flag }) => flag === 0).map(({ keyword }) => keyword),
      ['Title', 'Description', 'Software', 'chartql:request'],
    );
  });

  test('the iTXt layout of the PNG specification, byte for byte', async () => {
    const [, itxt] = chunksOf(withPngMetadata(await smallPng(), { Software: 'chartql é' }));
    assert.equal(itxt?.type, 'iTXt');
    // Keyword, NUL, flag 0, method 0, empty language tag + NUL, empty translated keyword + NUL.
    assert.deepEqual(
      itxt.data,
      Buffer.concat([Buffer.from('Software\0\0\0\0\0', 'latin1'), Buffer.from('chartql é')]),
    );
  });

  test('a value of exactly 1024 bytes stays uncompressed, 1025 is compressed', async () => {
    const png = await smallPng();
    for (const [length, flag] of [
      [1024, 0],
      [1025, 1],
    ] as const) {
      const [, itxt] = chunksOf(withPngMetadata(png, { Comment: 'x'.repeat(length) }));
      assert.equal(itxt?.data[8], flag, `${length} bytes`);
    }
  });

  test('writing a keyword again replaces its chunk and keeps the others', async () => {
    const once = withPngMetadata(await smallPng(), { Title: 'old', Software: 'chartql' });
    const twice = withPngMetadata(once, { Title: 'new' });
    assert.deepEqual(readPngMetadata(twice), { Title: 'new', Software: 'chartql' });
    assert.equal(chunksOf(twice).filter((c) => c.type === 'iTXt').length, 2);
  });

  test('no pairs, no change', async () => {
    const png = await smallPng();
    assert.equal(withPngMetadata(png, {}), png);
  });

  test('reads tEXt and zTXt (Latin-1) and compressed iTXt written by others', async () => {
    const [ihdr, ...rest] = chunksOf(await smallPng()).map((c) => chunk(c.type, c.data));
    const png = Buffer.concat([
      (await smallPng()).subarray(0, SIGNATURE_BYTES),
      ihdr ?? Buffer.alloc(0),
      chunk('tEXt', Buffer.from('Author\0Zoë café', 'latin1')),
      chunk(
        'zTXt',
        Buffer.concat([Buffer.from('Comment\0\0'), deflateSync(Buffer.from('½ off', 'latin1'))]),
      ),
      chunk(
        'iTXt',
        Buffer.concat([Buffer.from('Source\0\x01\0en\0Quelle\0'), deflateSync(Buffer.from('📊'))]),
      ),
      ...rest,
    ]);
    assert.deepEqual(readPngMetadata(png), { Author: 'Zoë café', Comment: '½ off', Source: '📊' });
  });

  test('a bad CRC or bytes that are not a PNG are errors', async () => {
    const png = withPngMetadata(await smallPng(), { Title: 'x' });
    const corrupt = Buffer.from(png);
    // The last byte of the iTXt chunk's data, which follows the 33 bytes of signature and IHDR.
    const itxtLength = png.readUInt32BE(33);
    corrupt[33 + 8 + itxtLength - 1] = 'y'.charCodeAt(0);
    assert.throws(() => readPngMetadata(corrupt), /Bad CRC in a iTXt chunk/);
    assert.throws(() => readPngMetadata(Buffer.from('GIF89a')), /Not a PNG/);
    assert.throws(() => readPngMetadata(png.subarray(0, png.length - 6)), /Truncated PNG/);
    assert.throws(() => withPngMetadata(Buffer.from('GIF89a'), { Title: 'x' }), /Not a PNG/);
  });
});

describe('keywords and values', () => {
  const good = ['T', 'Creation Time', 'chartql:request', 'Légende', 'k'.repeat(79)];
  const bad = [
    '',
    'k'.repeat(80),
    ' Title',
    'Title ',
    'Creation  Time',
    'ключ',
    'non\u00a0breaking',
    'tab\there',
    'nul\0',
  ];

  for (const keyword of good) {
    test(`accepts the keyword ${JSON.stringify(keyword)}`, async () => {
      const png = withPngMetadata(await smallPng(), { [keyword]: 'v' });
      assert.deepEqual(readPngMetadata(png), { [keyword]: 'v' });
    });
  }

  for (const keyword of bad) {
    test(`rejects the keyword ${JSON.stringify(keyword)} in PNG and SVG`, async () => {
      const png = await smallPng();
      assert.throws(() => withPngMetadata(png, { [keyword]: 'v' }), {
        name: 'Error',
        message: /^Not a PNG text keyword/,
      });
      assert.throws(
        () => withSvgMetadata(describedSvg(), { [keyword]: 'v' }),
        /Not a PNG text keyword/,
      );
    });
  }

  for (const [name, value] of [
    ['NUL', 'a\0b'],
    ['a C0 control', 'bell\u0007'],
    ['U+FFFF', '\uffff'],
    ['a lone surrogate', 'half \ud83d'],
  ] as const) {
    test(`rejects a value holding ${name} rather than writing it`, async () => {
      const png = await smallPng();
      assert.throws(() => withPngMetadata(png, { Title: value }), /cannot carry/);
      assert.throws(() => withSvgMetadata(describedSvg(), { Title: value }), /cannot carry/);
    });
  }

  test('tab, LF and CR pass through', async () => {
    const png = withPngMetadata(await smallPng(), { Comment: 'a\tb\nc\r\nd' });
    assert.deepEqual(readPngMetadata(png), { Comment: 'a\tb\nc\r\nd' });
  });
});

/** The text between `<metadata>` and `</metadata>`, unescaped and parsed. */
function svgMetadata(svg: string): unknown {
  const match = /<metadata>([^<]*)<\/metadata>/.exec(svg);
  assert.ok(match?.[1] !== undefined, 'no <metadata> with text only');
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return JSON.parse(
    match[1].replace(/&(\w+);/g, (entity, name: string) => entities[name] ?? entity),
  );
}

/** Tags balance, and no text holds `<` or a bare `&`: enough to call this SVG well-formed. */
function assertWellFormed(svg: string): void {
  const body = svg.replace(/^<\?xml[^>]*\?>\s*/, '');
  const open: string[] = [];
  for (const token of body.split(/(<[^>]*>)/)) {
    if (token.startsWith('<')) {
      const tag = /^<(\/?)([\w:-]+)(?:\s+[\w:-]+="[^"<]*")*\s*(\/?)>$/.exec(token);
      assert.ok(tag !== null, `malformed tag ${token}`);
      const [, closing, name, selfClosing] = tag;
      if (closing === '/')
        assert.equal(open.pop(), name, `</${name ?? ''}> closes another element`);
      else if (selfClosing !== '/' && name !== undefined) open.push(name);
    } else {
      assert.ok(!token.includes('<'), 'raw < in text');
      assert.ok(!/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/i.test(token), 'bare & in text');
    }
  }
  assert.deepEqual(open, [], 'unclosed elements');
}

describe('withSvgMetadata', () => {
  test('one <metadata> after <title> and <desc>, escaped, well-formed, with the pairs', () => {
    const svg = withSvgMetadata(describedSvg(), metadata);
    assert.equal(svg.split('<metadata>').length, 2, 'exactly one <metadata>');
    assert.match(
      svg,
      /<svg\b[^>]*><title>Bars &amp; more<\/title><desc>Two bars<\/desc><metadata>/,
    );
    assert.ok(!svg.includes('<script'), '<script survived');
    assert.ok(!svg.includes(']]>'), ']]> survived');
    assertWellFormed(svg);
    assert.deepEqual(svgMetadata(svg), { ...metadata });
  });

  test('right after the opening tag when there is no <title> or <desc>', () => {
    const svg = withSvgMetadata('<svg xmlns="http://www.w3.org/2000/svg" a="x>y"><g/></svg>', {
      Title: '<&>',
    });
    assert.equal(
      svg,
      '<svg xmlns="http://www.w3.org/2000/svg" a="x>y"><metadata>{&quot;Title&quot;:&quot;&lt;&amp;&gt;&quot;}</metadata><g/></svg>',
    );
  });

  test('no pairs, no change; no <svg> element, an error', () => {
    const svg = describedSvg();
    assert.equal(withSvgMetadata(svg, {}), svg);
    assert.throws(() => withSvgMetadata('<html></html>', { Title: 'x' }), /No <svg> element/);
    assert.throws(() => withSvgMetadata('<svg/>', { Title: 'x' }), /No <svg> element/);
  });
});
