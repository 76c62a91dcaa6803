import type { Chart, Plugin } from 'chart.js';
import type { ChartFrame } from './chartSpec.js';
import { IDENTITY, type AxisTransform } from './axisTransform.js';
import { formatTick } from './formatTick.js';

/** The shipped font (see fonts.ts): every chart uses it, so images match on every machine. */
export const FONT_FAMILY = 'DejaVu Sans';
export const FONT = { family: FONT_FAMILY, size: 13 } as const;

/** Series colours, in order: distinguishable, and readable for the common colour blindnesses. */
const DEFAULT_PALETTE = [
  '#3670c6',
  '#e67e22',
  '#27ae60',
  '#c0392b',
  '#8e44ad',
  '#16a085',
  '#d35400',
  '#7f8c8d',
] as const;

/** The colours of one chart: its theme's background, text and grid, and its series palette. */
export interface Style {
  readonly background: string;
  readonly text: string;
  readonly grid: string;
  /** Drawn around bars and slices, so neighbours stay apart. */
  readonly edge: string;
  readonly palette: readonly string[];
}

const THEMES = {
  light: { background: '#ffffff', text: '#222222', grid: 'rgba(0, 0, 0, 0.08)', edge: '#ffffff' },
  dark: {
    background: '#1e1f22',
    text: '#e4e4e4',
    grid: 'rgba(255, 255, 255, 0.14)',
    edge: '#1e1f22',
  },
} as const;

export function styleOf(frame: ChartFrame): Style {
  return {
    ...THEMES[frame.theme],
    palette: frame.palette.length > 0 ? frame.palette : DEFAULT_PALETTE,
  };
}

/** The colour of series `index`, cycling through the palette, with an optional opacity. */
export function seriesColour(style: Style, index: number, alpha = 1): string {
  const hex = paletteEntry(style, index);
  if (alpha === 1) return hex;
  const [r, g, b] = channels(hex);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** A darker shade of series `index`'s colour, to outline its bars. */
export function seriesEdge(style: Style, index: number): string {
  const [r, g, b] = channels(paletteEntry(style, index)).map((channel) =>
    Math.round(channel * 0.6),
  );
  return `rgb(${r}, ${g}, ${b})`;
}

function paletteEntry(style: Style, index: number): string {
  return style.palette[index % style.palette.length] ?? DEFAULT_PALETTE[0];
}

/** Red, green and blue of a #rrggbb colour (palettes are normalised to that form). */
function channels(hex: string): number[] {
  return [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
}

/** Paints the whole canvas in the theme's background first: PNGs are opaque on any page. */
export function backgroundPlugin(style: Style): Plugin {
  return {
    id: 'chartqlBackground',
    beforeDraw(chart: Chart) {
      const { ctx, width, height } = chart;
      ctx.save();
      ctx.globalCompositeOperation = 'source-over';
      ctx.fillStyle = style.background;
      ctx.fillRect(0, 0, width, height);
      ctx.restore();
    },
  };
}

/** The chart title, shown only when there is one. */
export function titleOptions(title: string, style: Style) {
  return {
    display: title !== '',
    text: title,
    color: style.text,
    font: { family: FONT_FAMILY, size: 18, weight: 'bold' as const },
    padding: { bottom: 12 },
  };
}

/**
 * A numeric axis with a label and compact tick labels, in the data's values also when the axis
 * is drawn through a transform (see axisTransform.ts).
 */
export function numericAxis(label: string, style: Style, transform: AxisTransform = IDENTITY) {
  return {
    type: 'linear' as const,
    ...(transform.normalised ? { min: 0, max: 1 } : {}),
    grid: { color: style.grid },
    title: { display: label !== '', text: label, color: style.text, font: FONT },
    ticks: {
      color: style.text,
      font: FONT,
      maxRotation: 0,
      callback(value: number | string, _index: number, ticks: { value: number }[]) {
        const step = Math.abs((ticks[1]?.value ?? 0) - (ticks[0]?.value ?? 0));
        return formatTick(transform.fromAxis(Number(value)), step * transform.scale);
      },
    },
  };
}

/** Options every chart shares: a static image, drawn once, at the frame's pixel ratio. */
export function staticChart(frame: ChartFrame, style: Style) {
  return {
    responsive: false,
    animation: false as const,
    devicePixelRatio: frame.devicePixelRatio,
    events: [] as never[],
    layout: { padding: 16 },
    color: style.text,
    font: FONT,
  };
}

/** The plugins of a chart with a title and a legend; no tooltips, as an image has no pointer. */
export function chartPlugins(chart: { title: string; legend: boolean }, style: Style) {
  return {
    legend: legendOptions(chart.legend, style),
    tooltip: { enabled: false },
    title: titleOptions(chart.title, style),
  };
}

/** The legend, when shown: below the chart, in the chart font. */
export function legendOptions(display: boolean, style: Style) {
  return {
    display,
    position: 'bottom' as const,
    labels: { color: style.text, font: FONT },
  };
}
