import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router, type Request, type Response } from 'express';
import { printSchema } from 'graphql';
import { chartqlSchema } from '../graphql/schema.js';
import { methodNotAllowed } from './errorResponses.js';
import { matchesEtag } from './imageResponses.js';

/** Where the page's files live, beside `src/` and `dist/` alike. */
const ASSET_DIR = new URL('../../assets/playground/', import.meta.url);
const README = new URL('../../README.md', import.meta.url);

/** The page and everything it loads come from this service: nothing inline, nothing external. */
const PAGE_HEADERS = {
  'Content-Security-Policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Revalidated on every load (a cheap 304), so a restarted service never mixes old and new files.
  'Cache-Control': 'no-cache',
} as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** A file served as it is, with a strong ETag over its bytes. */
interface Asset {
  readonly body: Buffer;
  readonly contentType: string;
  readonly etag: string;
}

function asset(body: Buffer | string, contentType: string): Asset {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 27);
  return { body: bytes, contentType, etag: `"${hash}"` };
}

/** Every file of the page's directory with a known type, by name; read once. */
function readAssets(): ReadonlyMap<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(ASSET_DIR)) {
    const contentType = CONTENT_TYPES[extname(name)];
    if (contentType !== undefined) {
      assets.set(name, asset(readFileSync(new URL(name, ASSET_DIR)), contentType));
    }
  }
  return assets;
}

function send(req: Request, res: Response, file: Asset): void {
  res.set(PAGE_HEADERS).set('ETag', file.etag);
  if (matchesEtag(req.get('if-none-match'), file.etag)) {
    res.status(304).end();
    return;
  }
  res.set('Content-Type', file.contentType).set('Content-Length', String(file.body.length));
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

/**
 * The playground: a page at `/` that previews a chart through the REST route and its numbers
 * through GraphQL, with the snippets to reuse them. Its files come from `assets/playground/`
 * under `/playground/`; the schema and the README are served beside them as plain text so the
 * page's links work without a network. With `schema: false` (introspection turned off) the
 * schema is not served either.
 */
export function playground(options: { readonly schema: boolean } = { schema: true }): Router {
  const assets = readAssets();
  const page = assets.get('index.html');
  if (page === undefined) throw new Error('assets/playground/index.html is missing');
  // Built on first use: most processes never serve them.
  let schema: Asset | undefined;
  let readme: Asset | null | undefined;

  const router = Router();
  router.get('/', (req, res) => {
    send(req, res, page);
  });
  router.all('/', methodNotAllowed(['GET', 'HEAD']));
  router.get('/playground/schema.graphql', (req, res, next) => {
    if (!options.schema) {
      next();
      return;
    }
    schema ??= asset(`${printSchema(chartqlSchema())}\n`, 'text/plain; charset=utf-8');
    send(req, res, schema);
  });
  router.get('/playground/README.md', (req, res, next) => {
    // A container image may ship without the README; then this is an ordinary 404.
    if (readme === undefined) {
      try {
        readme = asset(readFileSync(fileURLToPath(README)), 'text/plain; charset=utf-8');
      } catch {
        readme = null;
      }
    }
    if (readme === null) next();
    else send(req, res, readme);
  });
  router.get('/playground/:file', (req, res, next) => {
    const file = req.params.file === 'index.html' ? undefined : assets.get(req.params.file);
    if (file === undefined) next();
    else send(req, res, file);
  });
  return router;
}
