/**
 * Measures PNG encoders on real charts, for choosing `src/render/encodePng.ts`.
 *
 *   npx tsx bench/encoding.ts [--runs 50] [--warmup 5]
 *
 * Draws three charts at 800×600 on one reused canvas, encodes each with every candidate, checks
 * that the output decodes (pngjs) to exactly the pixels of cairo's default encoding, and prints a
 * Markdown table of the median encode time and the bytes per chart. The chosen candidate is the
 * fastest in total whose bytes stay within 1.3× of cairo's default on every chart.
 */
import { Canvas, createCanvas, type PngConfig } from 'canvas';
import { Chart, registerables, type ChartItem } from 'chart.js';
import { performance } from 'node:perf_hooks';
import { parseArgs, promisify } from 'node:util';
import { constants as zc, deflate, deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import sharp, { type PngOptions } from 'sharp';
import type { HistogramArgs } from '../src/core/histogramSpec.js';
import { computeHistogramOutcome } from '../src/histogramService.js';
import { chunk, encodePng, paethBytes, subtractBytes } from '../src/render/encodePng.js';
import { registerFonts } from '../src/render/fonts.js';
import { histogramChartConfig } from '../src/render/histogramChartConfig.js';

const MAX_BYTES_RATIO = 1.3;
const { values: cli } = parseArgs({
  options: { runs: { type: 'string', default: '50' }, warmup: { type: 'string', default: '5' } },
});
const RUNS = Number(cli.runs);
const WARMUP = Number(cli.warmup);

/** A deterministic normal-ish sample: the sum of three uniforms from a small seeded generator. */
function normalish(count: number, seed: number): number[] {
  let state = seed >>> 0;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () => 50 + 10 * (uniform() + uniform() + uniform() - 1.5));
}

const CHARTS: Readonly<Record<string, HistogramArgs>> = {
  dice: {
    data: [1, 1, 2, 2, 2, 3, 3, 3, 3, 5, 6, 4, 5, 3, 2, 6, 6, 6, 5, 4],
    title: 'Outcome of 20 dice rolls',
    xlabel: 'Outcome',
    ylabel: 'Frequency',
  },
  'normal 1k, AUTO': {
    data: normalish(1000, 1),
    title: 'Response times',
    xlabel: 'Milliseconds',
    ylabel: 'Requests',
    bins: { rule: 'AUTO' },
  },
  '1000 bins': {
    data: normalish(20_000, 2),
    title: 'Twenty thousand values in 1000 bins',
    xlabel: 'Value',
    ylabel: 'Count',
    bins: { count: 1000 },
  },
};

type Encoder = (canvas: Canvas) => Buffer | Promise<Buffer>;
interface Candidate {
  readonly name: string;
  readonly encode: Encoder;
}

// --- cairo (libpng inside node-canvas) ------------------------------------------------------

function cairo(config?: PngConfig): Encoder {
  return (canvas) => canvas.toBuffer('image/png', config);
}

// The filter constants are static: node-canvas 3 has no `canvas.PNG_FILTER_*` on instances, and
// passing that `undefined` silently keeps the default, all filters.
const CAIRO_FILTERS = {
  none: Canvas.PNG_FILTER_NONE,
  sub: Canvas.PNG_FILTER_SUB,
  up: Canvas.PNG_FILTER_UP,
  all: Canvas.PNG_ALL_FILTERS,
} as const;

function cairoCandidates(): Candidate[] {
  const list: Candidate[] = [
    { name: 'cairo default (level 6, all filters)', encode: cairo() },
    {
      name: 'cairo default, callback form',
      encode: (canvas) =>
        new Promise((resolve, reject) => {
          canvas.toBuffer((error, bytes) => {
            if (error) reject(error);
            else resolve(bytes);
          }, 'image/png');
        }),
    },
  ];
  for (const level of [1, 2, 3, 6] as const) {
    for (const [label, filters] of Object.entries(CAIRO_FILTERS)) {
      if (level === 6 && label === 'all') continue;
      list.push({
        name: `cairo level ${level}, filter ${label}`,
        encode: cairo({ compressionLevel: level, filters }),
      });
    }
  }
  return list;
}

// --- pixels out of cairo ----------------------------------------------------------------------

/**
 * The canvas's pixels as native-endian words `A << 24 | R << 16 | G << 8 | B` (cairo's ARGB32),
 * un-premultiplied as node-canvas's PNG writer does it, so that decoded pixels are identical.
 */
function straightWords(canvas: Canvas): { words: Uint32Array; rowWords: number; opaque: boolean } {
  const raw = canvas.toBuffer('raw');
  const words = new Uint32Array(raw.buffer, raw.byteOffset, raw.length >>> 2);
  let opaque = true;
  for (let i = 0; opaque && i < words.length; i++) opaque = (words[i] ?? 0) >= 0xff000000;
  if (!opaque) {
    for (let i = 0; i < words.length; i++) {
      const p = words[i] ?? 0;
      const a = p >>> 24;
      if (a === 255) continue;
      const un = (c: number) => (a === 0 ? 0 : Math.floor((c * 255 + (a >>> 1)) / a));
      words[i] =
        ((a << 24) | (un((p >>> 16) & 255) << 16) | (un((p >>> 8) & 255) << 8) | un(p & 255)) >>> 0;
    }
  }
  return { words, rowWords: canvas.stride >>> 2, opaque };
}

/** Straight RGB or RGBA bytes (what sharp and pngjs take); RGB only when every pixel is opaque. */
function straightBytes(canvas: Canvas, alpha: boolean): { data: Buffer; channels: 3 | 4 } {
  const { words, rowWords, opaque } = straightWords(canvas);
  const channels = alpha || !opaque ? 4 : 3;
  const data = Buffer.allocUnsafe(canvas.width * canvas.height * channels);
  let o = 0;
  for (let y = 0; y < canvas.height; y++) {
    for (let i = y * rowWords, end = i + canvas.width; i < end; i++) {
      const p = words[i] ?? 0;
      data[o] = p >>> 16;
      data[o + 1] = p >>> 8;
      data[o + 2] = p;
      if (channels === 4) data[o + 3] = p >>> 24;
      o += channels;
    }
  }
  return { data, channels };
}

// --- sharp (libvips, libspng, zlib-ng) ---------------------------------------------------------

function sharpCandidate(name: string, options: PngOptions, alpha = true): Candidate {
  return {
    name: `sharp ${alpha ? 'RGBA' : 'RGB'}, ${name}`,
    encode: (canvas) => {
      // sharp takes no BGRA nor premultiplied input: the repacking is part of its time.
      const { data, channels } = straightBytes(canvas, alpha);
      return sharp(data, { raw: { width: canvas.width, height: canvas.height, channels } })
        .png(options)
        .toBuffer();
    },
  };
}

function sharpCandidates(): Candidate[] {
  sharp.cache(false);
  const list: Candidate[] = [];
  for (const level of [1, 3, 6]) {
    for (const adaptiveFiltering of [false, true]) {
      const label = `level ${level}, ${adaptiveFiltering ? 'adaptive' : 'no'} filtering`;
      list.push(sharpCandidate(label, { compressionLevel: level, adaptiveFiltering }));
    }
  }
  for (const level of [3, 6]) {
    list.push(sharpCandidate(`level ${level}, no filtering`, { compressionLevel: level }, false));
  }
  list.push(
    sharpCandidate('palette, effort 1, no dither', { palette: true, effort: 1, dither: 0 }),
  );
  return list;
}

// --- Node's zlib with a hand-written PNG writer -----------------------------------------------

const FILTER_TYPES = { none: 0, sub: 1, up: 2, paeth: 4 } as const;
type RowFilter = keyof typeof FILTER_TYPES | 'adaptive';
interface ZlibOptions {
  readonly alpha: boolean;
  readonly filter: RowFilter;
  readonly level: number;
  readonly rle: boolean;
  /** Compress on libuv's thread pool rather than on this thread. */
  readonly async: boolean;
}

interface Image {
  readonly words: Uint32Array;
  readonly width: number;
  readonly rowWords: number;
  readonly channels: 3 | 4;
}

/** Writes row `y` filtered with `type` at `out[o]`, filter byte first, into zeroed bytes. */
function filterRow(image: Image, y: number, type: 0 | 1 | 2 | 4, out: Buffer, o: number): void {
  const { words, width, rowWords, channels } = image;
  out[o++] = type;
  const upStep = y > 0 ? rowWords : 0;
  let left = 0;
  let upLeft = 0;
  for (let i = y * rowWords, end = i + width; i < end; i++) {
    const current = words[i] ?? 0;
    const up = upStep > 0 ? (words[i - upStep] ?? 0) : 0;
    const d =
      type === 0
        ? current
        : type === 1
          ? subtractBytes(current, left)
          : type === 2
            ? subtractBytes(current, up)
            : paethBytes(current, left, up, upLeft);
    if (d !== 0) {
      out[o] = d >>> 16;
      out[o + 1] = d >>> 8;
      out[o + 2] = d;
      if (channels === 4) out[o + 3] = d >>> 24;
    }
    o += channels;
    left = current;
    upLeft = up;
  }
}

/** The sum of the bytes read as signed: libpng's measure for choosing a row's filter. */
function filterCost(row: Buffer): number {
  let cost = 0;
  for (let i = 1; i < row.length; i++) {
    const byte = row[i] ?? 0;
    cost += byte < 128 ? byte : 256 - byte;
  }
  return cost;
}

function scanlines(image: Image, height: number, filter: RowFilter): Buffer {
  const rowBytes = 1 + image.width * image.channels;
  const out = Buffer.alloc(height * rowBytes);
  const trial = Buffer.alloc(rowBytes);
  for (let y = 0; y < height; y++) {
    if (filter !== 'adaptive') {
      filterRow(image, y, FILTER_TYPES[filter], out, y * rowBytes);
      continue;
    }
    let best: 0 | 1 | 2 | 4 = 0;
    let bestCost = Infinity;
    for (const type of [0, 1, 2, 4] as const) {
      trial.fill(0);
      filterRow(image, y, type, trial, 0);
      const cost = filterCost(trial);
      if (cost < bestCost) [best, bestCost] = [type, cost];
    }
    filterRow(image, y, best, out, y * rowBytes);
  }
  return out;
}

const deflateAsync = promisify(deflate);
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function zlibPng(canvas: Canvas, options: ZlibOptions): Buffer | Promise<Buffer> {
  const { words, rowWords, opaque } = straightWords(canvas);
  const channels = options.alpha || !opaque ? 4 : 3;
  const image = { words, width: canvas.width, rowWords, channels } as const;
  const rows = scanlines(image, canvas.height, options.filter);
  const zlibOptions = { level: options.level, ...(options.rle ? { strategy: zc.Z_RLE } : {}) };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(canvas.width, 0);
  ihdr.writeUInt32BE(canvas.height, 4);
  ihdr[8] = 8;
  ihdr[9] = channels === 4 ? 6 : 2;
  const png = (idat: Buffer) =>
    Buffer.concat([
      SIGNATURE,
      chunk('IHDR', ihdr),
      chunk('IDAT', idat),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  return options.async
    ? deflateAsync(rows, zlibOptions).then(png)
    : png(deflateSync(rows, zlibOptions));
}

function zlibCandidates(): Candidate[] {
  const variants: [boolean, RowFilter, string[]][] = [
    [false, 'none', ['level 1', 'level 3', 'level 6']],
    [false, 'sub', ['level 1', 'Z_RLE']],
    [false, 'up', ['level 1', 'level 3', 'level 6', 'Z_RLE']],
    [false, 'paeth', ['level 1', 'level 3', 'level 6', 'Z_RLE', 'Z_RLE on the thread pool']],
    [false, 'adaptive', ['level 1', 'Z_RLE']],
    [true, 'up', ['level 1', 'level 3']],
    [true, 'paeth', ['Z_RLE']],
  ];
  return variants.flatMap(([alpha, filter, compressions]) =>
    compressions.map((label) => {
      const rle = label.startsWith('Z_RLE');
      const async = label.endsWith('thread pool');
      const options = { alpha, filter, rle, async, level: rle ? 1 : Number(label.slice(6)) };
      return {
        name: `zlib ${alpha ? 'RGBA' : 'RGB'}, filter ${filter}, ${label}`,
        encode: (canvas: Canvas) => zlibPng(canvas, options),
      };
    }),
  );
}

// --- pngjs (JavaScript filters + zlib), already a devDependency ---------------------------------

function pngjsCandidates(): Candidate[] {
  return [1, 6].map((level) => ({
    name: `pngjs RGBA, level ${level}, adaptive filtering`,
    encode: (canvas) => {
      const png = new PNG({ width: canvas.width, height: canvas.height });
      png.data = straightBytes(canvas, true).data;
      return PNG.sync.write(png, { deflateLevel: level });
    },
  }));
}

// --- measuring ----------------------------------------------------------------------------------

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

interface Measurement {
  readonly ms: number;
  readonly bytes: number;
  readonly samePixels: boolean;
}

function samePixels(bytes: Buffer, reference: PNG): boolean {
  try {
    const decoded = PNG.sync.read(bytes);
    return (
      decoded.width === reference.width &&
      decoded.height === reference.height &&
      decoded.data.equals(reference.data)
    );
  } catch {
    return false;
  }
}

/**
 * Times every candidate on the chart drawn on `canvas`, in rounds that run each candidate once,
 * so that a slow spell on this shared machine lands on all of them alike.
 */
async function measureChart(canvas: Canvas, candidates: readonly Candidate[]) {
  const reference = PNG.sync.read(canvas.toBuffer('image/png'));
  const outputs = new Map<Candidate, Buffer>();
  for (let i = 0; i < WARMUP; i++) {
    for (const candidate of candidates) outputs.set(candidate, await candidate.encode(canvas));
  }
  const times = new Map<Candidate, number[]>(candidates.map((c) => [c, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const candidate of candidates) {
      const start = performance.now();
      outputs.set(candidate, await candidate.encode(canvas));
      times.get(candidate)?.push(performance.now() - start);
    }
  }
  return candidates.map((candidate): Measurement => {
    const bytes = outputs.get(candidate) ?? Buffer.alloc(0);
    return {
      ms: median(times.get(candidate) ?? []),
      bytes: bytes.length,
      samePixels: samePixels(bytes, reference),
    };
  });
}

registerFonts();
Chart.register(...registerables);
const candidates: Candidate[] = [
  ...cairoCandidates(),
  ...sharpCandidates(),
  ...zlibCandidates(),
  ...pngjsCandidates(),
  { name: 'encodePng (src/render/encodePng.ts)', encode: encodePng },
];
const chartNames = Object.keys(CHARTS);
const results = candidates.map((): Measurement[] => []);
const baseline: number[] = [];
const canvas = createCanvas(800, 600);
for (const [chartName, args] of Object.entries(CHARTS)) {
  process.stderr.write(`measuring ${chartName}…\n`);
  const chart = new Chart(
    canvas as unknown as ChartItem,
    histogramChartConfig(computeHistogramOutcome(args).chart),
  );
  baseline.push(canvas.toBuffer('image/png').length);
  const measured = await measureChart(canvas, candidates);
  measured.forEach((m, i) => results[i]?.push(m));
  chart.destroy();
}

const total = (ms: readonly Measurement[]) => ms.reduce((sum, m) => sum + m.ms, 0);
const eligible = (ms: readonly Measurement[]) =>
  ms.every((m, i) => m.samePixels && m.bytes <= MAX_BYTES_RATIO * (baseline[i] ?? 0));
let chosen = -1;
results.forEach((ms, i) => {
  const best = results[chosen];
  if (eligible(ms) && (best === undefined || total(ms) < total(best))) chosen = i;
});

const header = chartNames.flatMap((n) => [`${n}: ms`, `${n}: bytes (× cairo)`]);
console.log(`| candidate | ${header.join(' | ')} | total ms | pixels |`);
console.log(`| --- | ${header.map(() => '---:').join(' | ')} | ---: | --- |`);
candidates.forEach((candidate, c) => {
  const ms = results[c] ?? [];
  const cells = ms.flatMap((m, i) => [
    m.ms.toFixed(1),
    `${m.bytes} (${(m.bytes / (baseline[i] ?? 1)).toFixed(2)})`,
  ]);
  const name = c === chosen ? `**${candidate.name}**` : candidate.name;
  const pixels = ms.every((m) => m.samePixels) ? 'same' : 'DIFFER';
  console.log(`| ${name} | ${cells.join(' | ')} | ${total(ms).toFixed(1)} | ${pixels} |`);
});
const versions = `node ${process.versions.node} (zlib ${process.versions.zlib}), sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips})`;
console.log(`\nMedians of ${RUNS} rounds after ${WARMUP} warm-up rounds; ${versions}.`);
console.log(
  `Fastest within ${MAX_BYTES_RATIO}× cairo's bytes with the same pixels: ${candidates[chosen]?.name ?? 'none'}.`,
);
