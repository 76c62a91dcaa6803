import type { Chart, Plugin } from 'chart.js';
import { formatTick } from './formatTick.js';

/** The shipped font (see fonts.ts): every chart uses it, so images match on every machine. */
export const FONT_FAMILY = 'DejaVu Sans';
export const TEXT_COLOUR = '#222222';
export const GRID_COLOUR = 'rgba(0, 0, 0, 0.08)';
export const FONT = { family: FONT_FAMILY, size: 13 } as const;

/** Series colours, in order: distinguishable, and readable for the common colour blindnesses. */
export const PALETTE = [
  'rgb(54, 112, 198)',
  'rgb(230, 126, 34)',
  'rgb(39, 174, 96)',
  'rgb(192, 57, 43)',
  'rgb(142, 68, 173)',
  'rgb(22, 160, 133)',
  'rgb(211, 84, 0)',
  'rgb(127, 140, 141)',
] as const;

/** The colour of series `index`, cycling through the palette. */
export function paletteColour(index: number, alpha = 1): string {
  const colour = PALETTE[index % PALETTE.length] ?? PALETTE[0];
  return alpha === 1 ? colour : colour.replace('rgb(', 'rgba(').replace(')', `, ${alpha})`);
}

/** Paints the whole canvas white first: PNGs are opaque whatever page they land on. */
export const whiteBackground: Plugin = {
  id: 'chartqlBackground',
  beforeDraw(chart: Chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'source-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** The chart title, shown only when there is one. */
export function titleOptions(title: string) {
  return {
    display: title !== '',
    text: title,
    color: TEXT_COLOUR,
    font: { family: FONT_FAMILY, size: 18, weight: 'bold' as const },
    padding: { bottom: 12 },
  };
}

/** A numeric axis with a label and compact tick labels. */
export function numericAxis(label: string) {
  return {
    type: 'linear' as const,
    grid: { color: GRID_COLOUR },
    title: { display: label !== '', text: label, color: TEXT_COLOUR, font: FONT },
    ticks: {
      color: TEXT_COLOUR,
      font: FONT,
      maxRotation: 0,
      callback(value: number | string, _index: number, ticks: { value: number }[]) {
        const step = Math.abs((ticks[1]?.value ?? 0) - (ticks[0]?.value ?? 0));
        return formatTick(Number(value), step);
      },
    },
  };
}

/** Options every chart shares: a static image, drawn once, at pixel ratio 1. */
export const STATIC_CHART = {
  responsive: false,
  animation: false as const,
  devicePixelRatio: 1,
  events: [] as never[],
  layout: { padding: 16 },
  color: TEXT_COLOUR,
  font: FONT,
};

/** The legend, when shown: below the chart, in the chart font. */
export function legendOptions(display: boolean) {
  return {
    display,
    position: 'bottom' as const,
    labels: { color: TEXT_COLOUR, font: FONT },
  };
}
