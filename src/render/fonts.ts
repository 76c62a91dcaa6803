import { registerFont } from 'canvas';
import { fileURLToPath } from 'node:url';
import { FONT_FAMILY } from './histogramChartConfig.js';

/** The fonts shipped with the project, so that images are the same on every machine. */
const FONT_FILES = [
  { file: 'DejaVuSans.ttf', weight: 'normal' },
  { file: 'DejaVuSans-Bold.ttf', weight: 'bold' },
] as const;

let registered = false;

/** Registers the shipped fonts with canvas; must run before the first canvas is created. */
export function registerFonts(): void {
  if (registered) return;
  for (const { file, weight } of FONT_FILES) {
    const path = fileURLToPath(new URL(`../../assets/fonts/${file}`, import.meta.url));
    registerFont(path, { family: FONT_FAMILY, weight });
  }
  registered = true;
}
