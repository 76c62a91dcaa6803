/**
 * Regenerates the golden images in test/golden/ from GOLDEN_CHARTS. Run it on purpose after a
 * deliberate change to how charts look, look at every image, and commit them; tests never write
 * golden images.
 */
import { writeFileSync } from 'node:fs';
import { CanvasRenderer } from '../src/render/CanvasRenderer.js';
import { GOLDEN_DIR } from '../test/support/golden.js';
import { GOLDEN_CHARTS } from '../test/support/goldenCharts.js';

const renderer = new CanvasRenderer();
for (const [name, chart] of Object.entries(GOLDEN_CHARTS)) {
  const image = await renderer.render(chart());
  writeFileSync(`${GOLDEN_DIR}${name}.png`, image.bytes);
  console.log(`wrote test/golden/${name}.png (${image.bytes.length} bytes)`);
}
await renderer.close();
