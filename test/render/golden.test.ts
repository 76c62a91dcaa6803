import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { computeHistogramOutcome } from '../../src/histogramService.js';
import { CanvasRenderer } from '../../src/render/CanvasRenderer.js';
import { compareWithGolden, GOLDEN_TOLERANCE } from '../support/golden.js';
import { GOLDEN_CHARTS } from '../support/goldenCharts.js';
import { decodePng } from '../support/png.js';

const renderer = new CanvasRenderer();
after(() => renderer.close());

describe('golden images', () => {
  for (const [name, chart] of Object.entries(GOLDEN_CHARTS)) {
    test(`${name} matches test/golden/${name}.png`, async () => {
      const image = await renderer.render(chart());
      const { differentPixels, totalPixels } = compareWithGolden(name, image.bytes);
      assert.ok(
        differentPixels <= totalPixels * GOLDEN_TOLERANCE.maxDifferentPixels,
        `${differentPixels} of ${totalPixels} pixels differ; see test/output/${name}-diff.png`,
      );
    });
  }

  test('the comparison notices a different chart', async () => {
    const dice = GOLDEN_CHARTS['dice']?.();
    assert.ok(dice?.kind === 'histogram');
    const changed = {
      ...dice,
      series: dice.series.map((s) => ({
        ...s,
        heights: s.heights.map((h, i) => (i === 5 ? h + 3 : h)),
      })),
    };
    const image = await renderer.render(changed);
    const { differentPixels, totalPixels } = compareWithGolden('dice', image.bytes);
    assert.ok(differentPixels > totalPixels * GOLDEN_TOLERANCE.maxDifferentPixels);
  });

  test('a reused canvas draws each chart afresh', async () => {
    const dice = GOLDEN_CHARTS['dice'];
    const pie = GOLDEN_CHARTS['pie'];
    assert.ok(dice && pie);
    // Another chart kind on the same 800×600 canvas first.
    await renderer.render({ ...pie(), width: 800, height: 600 });
    const image = await renderer.render(dice());
    const { differentPixels } = compareWithGolden('dice', image.bytes);
    assert.equal(differentPixels, 0);
    const png = decodePng(image.bytes);
    // The background is opaque white in the corner.
    assert.deepEqual([...png.data.subarray(0, 4)], [255, 255, 255, 255]);
  });
});

describe('axes at the ends of the double range', () => {
  // Chart.js's own tick generation never returns for these; they are drawn on a 0…1 axis.
  for (const [name, args] of [
    ['an axis 1e-307 wide', { data: [0, 1e-307] }],
    ['an axis from -1.7e308', { data: [-5, 2], bins: { edges: [-1.7e308, 10] } }],
  ] as const) {
    test(`${name} renders promptly`, async () => {
      const started = Date.now();
      const image = await renderer.render(computeHistogramOutcome(args).chart);
      assert.ok(Date.now() - started < 2000);
      assert.equal(decodePng(image.bytes).width, 800);
    });
  }
});
