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
  for (const [name, args] of Object.entries(GOLDEN_CHARTS)) {
    test(`${name} matches test/golden/${name}.png`, async () => {
      const image = await renderer.render(computeHistogramOutcome(args).chart);
      const { differentPixels, totalPixels } = compareWithGolden(name, image.bytes);
      assert.ok(
        differentPixels <= totalPixels * GOLDEN_TOLERANCE.maxDifferentPixels,
        `${differentPixels} of ${totalPixels} pixels differ; see test/output/${name}-diff.png`,
      );
    });
  }

  test('the comparison notices a different chart', async () => {
    const args = GOLDEN_CHARTS['dice'];
    assert.ok(args);
    const changed = { ...args, data: [...args.data, 6, 6, 6] };
    const image = await renderer.render(computeHistogramOutcome(changed).chart);
    const { differentPixels, totalPixels } = compareWithGolden('dice', image.bytes);
    assert.ok(differentPixels > totalPixels * GOLDEN_TOLERANCE.maxDifferentPixels);
  });

  test('a reused canvas draws each chart afresh', async () => {
    const args = GOLDEN_CHARTS['dice'];
    assert.ok(args);
    await renderer.render(
      computeHistogramOutcome({ ...args, data: [1, 2, 3], title: 'other' }).chart,
    );
    const image = await renderer.render(computeHistogramOutcome(args).chart);
    const { differentPixels } = compareWithGolden('dice', image.bytes);
    assert.equal(differentPixels, 0);
    const png = decodePng(image.bytes);
    // The background is opaque white in the corner.
    assert.deepEqual([...png.data.subarray(0, 4)], [255, 255, 255, 255]);
  });
});
