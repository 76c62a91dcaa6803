import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { decodePng } from './png.js';

export const GOLDEN_DIR = fileURLToPath(new URL('../golden/', import.meta.url));
const OUTPUT_DIR = fileURLToPath(new URL('../output/', import.meta.url));

/**
 * Per-pixel colour threshold of pixelmatch (0–1) and the share of pixels allowed to differ
 * beyond it: enough for anti-aliasing differences between cairo builds, far too little for a
 * moved bar, a missing label or a changed font.
 */
export const GOLDEN_TOLERANCE = { threshold: 0.1, maxDifferentPixels: 0.002 } as const;

export interface GoldenComparison {
  readonly differentPixels: number;
  readonly totalPixels: number;
}

/**
 * Compares an image with the committed golden image of that name. On a mismatch it writes the
 * actual image and a diff to test/output/ (ignored by git) for a person to look at.
 */
export function compareWithGolden(name: string, actualBytes: Buffer): GoldenComparison {
  const expected = decodePng(readFileSync(`${GOLDEN_DIR}${name}.png`));
  const actual = decodePng(actualBytes);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    throw new Error(
      `${name}: size ${actual.width}×${actual.height}, golden ${expected.width}×${expected.height}`,
    );
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differentPixels = pixelmatch(
    expected.data,
    actual.data,
    diff.data,
    actual.width,
    actual.height,
    { threshold: GOLDEN_TOLERANCE.threshold },
  );
  const totalPixels = actual.width * actual.height;
  if (differentPixels > totalPixels * GOLDEN_TOLERANCE.maxDifferentPixels) {
    if (!existsSync(OUTPUT_DIR)) mkdirSync(OUTPUT_DIR, { recursive: true });
    writeFileSync(`${OUTPUT_DIR}${name}-actual.png`, actualBytes);
    writeFileSync(`${OUTPUT_DIR}${name}-diff.png`, PNG.sync.write(diff));
  }
  return { differentPixels, totalPixels };
}
