import type { IncomingMessage } from 'node:http';
import { cleanText } from '../core/text.js';
import type { ChartqlError } from '../errors.js';
import { chartMetadata, type ChartRenderer, type MessageChartSpec } from '../render/chartSpec.js';
import { CHART_PATHS } from './cachedImages.js';
import type { ErrorPresenter } from './errorResponses.js';
import { SVG_HEADERS } from './imageResponses.js';

const WIDTH = 480;
/** Characters that fit a line of the message at the chart font and this width. */
const LINE_CHARACTERS = 56;
const MAX_LINES = 6;

/**
 * The spec of an error drawn as an image: what went wrong, the code and the parameter at fault,
 * so a broken `<img>` shows why. Pure.
 */
export function errorImageSpec(
  error: ChartqlError,
  format: 'png' | 'svg',
  theme: 'light' | 'dark',
): MessageChartSpec {
  const detail = `${error.status} ${error.code}${error.param === undefined ? '' : ` · parameter ${error.param}`}`;
  const lines = [...wrap(cleanText(error.message), LINE_CHARACTERS, MAX_LINES - 1), detail];
  const title = 'chartql could not draw this chart';
  return {
    kind: 'message',
    title,
    lines,
    width: WIDTH,
    height: 64 + 20 * lines.length,
    devicePixelRatio: 1,
    format,
    theme,
    palette: [],
    altText: `${title}: ${error.message} (${error.code})`,
    metadata: chartMetadata({ error: error.code }, { message: error.message }),
  };
}

/** Words into lines of at most `width` characters; at most `maxLines`, the last one cut with … */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    for (let rest = word; rest !== '';) {
      const room = line === '' ? width : width - line.length - 1;
      if (rest.length <= room) {
        line = line === '' ? rest : `${line} ${rest}`;
        rest = '';
      } else if (line !== '') {
        lines.push(line);
        line = '';
      } else {
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = `${last.slice(0, width - 1)}…`;
  return kept;
}

/**
 * `onError=image` on an image route: the error is answered as a small image in the requested
 * format and theme, with the error's own status, so an `<img>` tag shows what went wrong. When
 * the image cannot be drawn (every renderer busy), the JSON answer goes out instead.
 */
export function errorImagePresenter(renderer: ChartRenderer): ErrorPresenter {
  return async (req, res, error) => {
    if (!wantsErrorImage(req)) return false;
    const query = req.query as Record<string, unknown>;
    const format = lower(query['format']) === 'svg' ? 'svg' : 'png';
    const theme = lower(query['theme']) === 'dark' ? 'dark' : 'light';
    const image = await renderer.render(errorImageSpec(error, format, theme));
    if (res.headersSent) return true;
    res.removeHeader('etag');
    res.writeHead(error.status, {
      'Content-Type': image.mimeType,
      'Content-Length': String(image.bytes.length),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...(error.retryAfterSeconds === undefined
        ? {}
        : { 'Retry-After': String(error.retryAfterSeconds) }),
      ...(image.mimeType === 'image/svg+xml' ? SVG_HEADERS : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : image.bytes);
    return true;
  };
}

function wantsErrorImage(req: IncomingMessage & { query: unknown; path: string }): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (!(CHART_PATHS as readonly string[]).includes(req.path)) return false;
  const query = req.query as Record<string, unknown>;
  return query['onError'] === 'image';
}

function lower(value: unknown): string | undefined {
  return typeof value === 'string' ? value.toLowerCase() : undefined;
}
