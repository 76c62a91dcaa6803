import { createCanvas, type Canvas } from 'canvas';
import { Chart, registerables, type ChartItem } from 'chart.js';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { HistogramArgs } from '../../src/core/histogramSpec.js';
import { computeHistogramOutcome } from '../../src/histogramService.js';
import { encodePng } from '../../src/render/encodePng.js';
import { registerFonts } from '../../src/render/fonts.js';
import { histogramChartConfig } from '../../src/render/histogramChartConfig.js';
import { decodePng } from '../support/png.js';

registerFonts();
Chart.register(...registerables);

/** Byte 25 of a PNG is the colour type in its IHDR: 2 is RGB, 6 is RGBA. */
const colourType = (png: Buffer) => png[25];

/** Draws a chart on a fresh canvas and returns what `encodePng` and cairo's encoder make of it. */
async function encodeChart(args: HistogramArgs) {
  const { chart: spec } = computeHistogramOutcome(args);
  const canvas = createCanvas(spec.width, spec.height);
  const chart = new Chart(canvas as unknown as ChartItem, histogramChartConfig(spec));
  try {
    return { canvas, png: await encodePng(canvas), cairo: canvas.toBuffer('image/png') };
  } finally {
    chart.destroy();
  }
}

function assertSamePixels(png: Buffer, cairo: Buffer, canvas: Canvas): void {
  const decoded = decodePng(png);
  const expected = decodePng(cairo);
  assert.equal(decoded.width, canvas.width);
  assert.equal(decoded.height, canvas.height);
  assert.ok(decoded.data.equals(expected.data), 'decoded RGBA differs from cairo’s');
}

const thousandBins: HistogramArgs = {
  data: Array.from({ length: 5000 }, (_, i) => Math.sin(i) * Math.sqrt(i)),
  title: 'A thousand bins',
  bins: { count: 1000 },
};

describe('encodePng', () => {
  for (const [name, args] of [
    [
      'the dice chart',
      {
        data: [1, 1, 2, 2, 2, 3, 3, 3, 3, 5, 6, 4, 5, 3, 2, 6, 6, 6, 5, 4],
        title: 'Outcome of 20 dice rolls',
        xlabel: 'Outcome',
        ylabel: 'Frequency',
      },
    ],
    ['a 1000-bin chart', thousandBins],
  ] as const) {
    test(`${name}: the pixels of cairo's PNG in at most 1.3× its bytes`, async () => {
      const { canvas, png, cairo } = await encodeChart(args);
      assertSamePixels(png, cairo, canvas);
      assert.equal(colourType(png), 2, 'an opaque chart is written as RGB');
      assert.ok(
        png.length <= 1.3 * cairo.length,
        `${png.length} bytes against cairo's ${cairo.length}`,
      );
    });
  }

  test('translucent pixels keep their alpha and colour, as cairo writes them', async () => {
    // An odd size, and colours whose un-premultiplying rounds.
    const canvas = createCanvas(37, 23);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = 'rgba(200, 100, 50, 0.3)';
    ctx.fillRect(3, 2, 20, 15);
    ctx.fillStyle = 'rgba(17, 240, 129, 0.55)';
    ctx.beginPath();
    ctx.arc(24, 12, 10, 0, 2 * Math.PI);
    ctx.fill();
    const png = await encodePng(canvas);
    assertSamePixels(png, canvas.toBuffer('image/png'), canvas);
    assert.equal(colourType(png), 6);
    const alphas = new Set(decodePng(png).data.filter((_, i) => i % 4 === 3));
    assert.ok(alphas.has(0) && alphas.size > 3, 'the image has transparent and translucent pixels');
  });

  test('a canvas without an alpha channel is left to cairo', async () => {
    const canvas = createCanvas(40, 30);
    const ctx = canvas.getContext('2d', { pixelFormat: 'RGB24' });
    ctx.fillStyle = '#3670c6';
    ctx.fillRect(5, 5, 20, 10);
    assert.deepEqual(await encodePng(canvas), canvas.toBuffer('image/png'));
  });
});
