import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CachingRenderer } from '../render/CachingRenderer.js';
import { imageHeaders, matchesEtag, type ImageIdentity } from './imageResponses.js';

/** The routes that answer images, all through `chartRoute`. */
export const CHART_PATHS = ['/histogram', '/scatter', '/pie'] as const;

/** URLs longer than this are not remembered: they would cost more memory than they save. */
const MAX_URL_LENGTH = 8192;

/**
 * Remembers which image each recently served `/histogram` URL produced, so a repeated URL — what
 * `<img>` tags, browsers and CDNs send — is answered from the render cache, or with a 304, without
 * parsing, binning or routing again. Bounded: the least recently used URL is forgotten first.
 */
export class CachedImages {
  private readonly urls = new Map<string, ImageIdentity>();

  constructor(
    private readonly cache: CachingRenderer,
    private readonly maxUrls = 10_000,
  ) {}

  /** Records what a URL produced; called once the full path has answered with an image. */
  remember(url: string, image: ImageIdentity): void {
    if (url.length > MAX_URL_LENGTH || this.maxUrls === 0) return;
    this.urls.delete(url);
    if (this.urls.size >= this.maxUrls) {
      const oldest = this.urls.keys().next().value;
      if (oldest !== undefined) this.urls.delete(oldest);
    }
    this.urls.set(url, image);
  }

  /**
   * Answers a request for a remembered URL straight from the cache and returns true, or returns
   * false and leaves the request to the full path (unknown URL, JSON asked for, image evicted).
   * The answer is the one the full path gives: same status, headers and bytes.
   */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = req.url;
    if (url === undefined) return false;
    const query = url.indexOf('?');
    if (query === -1 || !(CHART_PATHS as readonly string[]).includes(url.slice(0, query))) {
      return false;
    }
    // Only the full path negotiates; anything that might prefer JSON goes there.
    if (req.headers.accept?.includes('json') === true) return false;
    const identity = this.urls.get(url);
    if (identity === undefined) return false;
    const headers = imageHeaders(identity);
    if (matchesEtag(req.headers['if-none-match'], identity.etag)) {
      res.writeHead(304, headers).end();
      return true;
    }
    const image = this.cache.peek(identity.key);
    if (image === undefined) return false;
    res.writeHead(200, {
      ...headers,
      'Content-Type': image.mimeType,
      'Content-Length': String(image.bytes.length),
    });
    res.end(req.method === 'HEAD' ? undefined : image.bytes);
    return true;
  }
}
