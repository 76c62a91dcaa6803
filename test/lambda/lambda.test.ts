import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyHandlerV2,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import { parse, type CollectionTag, type ScalarTag } from 'yaml';
import { configFromEnv, DEFAULT_CONFIG } from '../../src/config.js';
import { createHttpServer } from '../../src/httpServer.js';
import { decodePng } from '../support/png.js';

// The deployed handler reads the environment when its module loads: set it first. Rate limiting
// is API Gateway's job on Lambda, and the tests read their own output.
process.env['RATE_LIMIT_PER_SECOND'] = '0';
process.env['LOG_LEVEL'] = 'silent';
process.env['RENDER_WORKERS'] = '1';
const { answerEvent, createLambdaHandler, handler } = await import('../../src/lambda.js');

after(async () => {
  await handler.close();
});

const ROOT = new URL('../../', import.meta.url);

function fixture(name: string): APIGatewayProxyEventV2 {
  const text = readFileSync(new URL(`test/fixtures/lambda/${name}.json`, ROOT), 'utf8');
  return JSON.parse(text) as APIGatewayProxyEventV2;
}

/** A copy of `event` for another method, path or query, as API Gateway would send it. */
function variant(
  event: APIGatewayProxyEventV2,
  change: { method?: string; path?: string; query?: string; headers?: Record<string, string> },
): APIGatewayProxyEventV2 {
  const method = change.method ?? event.requestContext.http.method;
  const path = change.path ?? event.rawPath;
  const routeKey = `${method} ${path}`;
  return {
    ...event,
    routeKey,
    rawPath: path,
    rawQueryString: change.query ?? event.rawQueryString,
    headers: { ...event.headers, ...change.headers },
    requestContext: {
      ...event.requestContext,
      routeKey,
      http: { ...event.requestContext.http, method, path },
    },
  };
}

function bodyOf(result: APIGatewayProxyStructuredResultV2): Buffer {
  return Buffer.from(result.body ?? '', result.isBase64Encoded === true ? 'base64' : 'utf8');
}

function jsonOf(result: APIGatewayProxyStructuredResultV2): unknown {
  assert.equal(result.isBase64Encoded, false, 'JSON travels as text');
  assert.match(String(result.headers?.['content-type']), /^application\/(graphql-response\+)?json/);
  return JSON.parse(result.body ?? '');
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): [number, number] {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

interface ErrorBody {
  error: { code: string; message: string; param?: string };
}

interface Echo {
  method: string;
  url: string;
  headers: Record<string, string | string[]>;
  body: string;
  remoteAddress: string | undefined;
}

describe('answerEvent: API Gateway events to HTTP and back', () => {
  let echo: Server;
  before(() => {
    echo = createHttpServer(DEFAULT_CONFIG);
    echo.on('request', (req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (url.pathname === '/reply') {
          // Answers with the type, encoding and bytes the query asks for, in one or two writes.
          const bytes = Buffer.from(url.searchParams.get('hex') ?? '', 'hex');
          const type = url.searchParams.get('type');
          if (type !== null) res.setHeader('Content-Type', type);
          const encoding = url.searchParams.get('encoding');
          if (encoding !== null) res.setHeader('Content-Encoding', encoding);
          res.statusCode = Number(url.searchParams.get('status') ?? 200);
          res.write(bytes.subarray(0, 1));
          res.end(bytes.subarray(1));
          return;
        }
        const answer: Echo = {
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers as Record<string, string | string[]>,
          body: Buffer.concat(chunks).toString('base64'),
          remoteAddress: req.socket.remoteAddress,
        };
        res.setHeader('Set-Cookie', ['a=1; Path=/', 'b=2; HttpOnly']);
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(answer));
      });
    });
  });

  async function echoed(event: APIGatewayProxyEventV2): Promise<Echo> {
    const result = await answerEvent(echo, event);
    assert.equal(result.statusCode, 200);
    return jsonOf(result) as Echo;
  }

  test('the request line is rawPath and rawQueryString as sent; cookies and the client travel', async () => {
    const event = fixture('histogram-png');
    const seen = await echoed(event);
    assert.equal(seen.method, 'GET');
    assert.equal(seen.url, `/histogram?${event.rawQueryString}`);
    assert.match(seen.url, /title=Outcome%20of%2020%20dice%20rolls/);
    assert.equal(seen.headers['cookie'], 'theme=dark; consent=yes');
    assert.equal(seen.headers['host'], event.headers['host']);
    assert.equal(seen.headers['user-agent'], event.headers['user-agent']);
    assert.equal(seen.remoteAddress, '203.0.113.7');
    // A GET carries no body, so no length; the connection is the adapter's own.
    assert.equal(seen.headers['content-length'], undefined);
    assert.equal(seen.headers['connection'], 'close');
    assert.equal(seen.body, '');
  });

  test('a repeated parameter stays repeated', async () => {
    const seen = await echoed(fixture('histogram-repeated-data'));
    assert.equal(seen.url, '/histogram?data=1,2&data=3');
  });

  test('a base64-encoded body arrives decoded, with its length', async () => {
    const event = fixture('graphql-post-base64');
    const seen = await echoed(event);
    assert.equal(seen.method, 'POST');
    const sent = Buffer.from(event.body ?? '', 'base64');
    assert.equal(Buffer.from(seen.body, 'base64').toString('utf8'), sent.toString('utf8'));
    assert.match(sent.toString('utf8'), /^\{"query":/);
    assert.equal(seen.headers['content-length'], String(sent.length));
    assert.equal(seen.headers['content-type'], 'application/json');
  });

  test('a text body arrives as its UTF-8 bytes', async () => {
    const event = {
      ...fixture('graphql-post'),
      body: '{"query":"{ histogram(title: \\"Größe ✓\\") }"}',
    };
    const seen = await echoed(event);
    assert.equal(Buffer.from(seen.body, 'base64').toString('utf8'), event.body);
    assert.equal(seen.headers['content-length'], String(Buffer.byteLength(event.body)));
  });

  test('bytes a request line cannot hold are percent-encoded as UTF-8', async () => {
    const event = variant(fixture('histogram-bad-data'), { query: 'title=café au lait&x=1' });
    const seen = await echoed(event);
    assert.equal(seen.url, '/histogram?title=caf%C3%A9%20au%20lait&x=1');
  });

  test('header text beyond Latin-1 arrives as its UTF-8 bytes, as from a socket', async () => {
    const seen = await echoed(
      variant(fixture('graphql-post'), { headers: { 'x-note': 'café ✓' } }),
    );
    const note = seen.headers['x-note'];
    assert.equal(typeof note, 'string');
    assert.equal(Buffer.from(String(note), 'latin1').toString('utf8'), 'café ✓');
  });

  test('Set-Cookie becomes cookies; no connection headers go back', async () => {
    const result = await answerEvent(echo, fixture('graphql-post'));
    assert.deepEqual(result.cookies, ['a=1; Path=/', 'b=2; HttpOnly']);
    const names = Object.keys(result.headers ?? {});
    for (const name of ['set-cookie', 'connection', 'transfer-encoding', 'content-length']) {
      assert.ok(!names.includes(name), `${name} in ${names.join(', ')}`);
    }
  });

  const answers: { type?: string; encoding?: string; hex: string; text: boolean }[] = [
    { type: 'image/png', hex: '89504e470d0a1a0a', text: false },
    { type: 'image/svg+xml', hex: Buffer.from('<svg/>').toString('hex'), text: false },
    { type: 'application/json', hex: Buffer.from('{"é":1}').toString('hex'), text: true },
    { type: 'application/graphql-response+json', hex: '7b7d', text: true },
    { type: 'text/html; charset=utf-8', hex: Buffer.from('<p>✓</p>').toString('hex'), text: true },
    // Not UTF-8, or compressed: only base64 carries these bytes unchanged.
    { type: 'application/json', hex: '7bff7d', text: false },
    { type: 'application/json', encoding: 'gzip', hex: '1f8b0800', text: false },
    { type: 'application/octet-stream', hex: '000102', text: false },
    // A byte-order mark is kept, not swallowed by the decoder.
    { type: 'text/plain', hex: 'efbbbf6869', text: true },
  ];
  for (const answer of answers) {
    test(`${answer.type ?? 'no type'}${answer.encoding === undefined ? '' : ` (${answer.encoding})`} ${answer.hex} travels as ${answer.text ? 'text' : 'base64'}`, async () => {
      const query = new URLSearchParams({ hex: answer.hex });
      if (answer.type !== undefined) query.set('type', answer.type);
      if (answer.encoding !== undefined) query.set('encoding', answer.encoding);
      const event = variant(fixture('histogram-bad-data'), {
        path: '/reply',
        query: query.toString(),
      });
      const result = await answerEvent(echo, event);
      assert.equal(result.statusCode, 200);
      assert.equal(result.isBase64Encoded, !answer.text);
      assert.equal(bodyOf(result).toString('hex'), answer.hex);
      assert.equal(result.headers?.['content-type'], answer.type);
    });
  }

  test('an empty answer is empty text, with its status', async () => {
    const event = variant(fixture('histogram-bad-data'), { path: '/reply', query: 'status=204' });
    const result = await answerEvent(echo, event);
    assert.equal(result.statusCode, 204);
    assert.equal(result.body, '');
    assert.equal(result.isBase64Encoded, false);
  });
});

describe('handler: the service on Lambda', () => {
  test('GET /histogram answers a PNG of the requested size, base64-encoded', async () => {
    const result = await handler(fixture('histogram-png'));
    assert.equal(result.statusCode, 200);
    assert.equal(result.isBase64Encoded, true);
    assert.equal(result.headers?.['content-type'], 'image/png');
    assert.equal(result.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(String(result.headers['etag']), /^"[\w-]+"$/);
    const bytes = bodyOf(result);
    assert.deepEqual(pngSize(bytes), [640, 480]);
    const png = decodePng(bytes);
    assert.deepEqual([png.width, png.height], [640, 480]);
  });

  test('the same URL again is served from the cache, byte for byte', async () => {
    const first = await handler(fixture('histogram-png'));
    const second = await handler(fixture('histogram-png'));
    assert.equal(second.statusCode, 200);
    assert.equal(second.isBase64Encoded, true);
    assert.equal(second.headers?.['content-type'], 'image/png');
    assert.equal(second.headers['etag'], first.headers?.['etag']);
    assert.equal(second.body, first.body);
  });

  test('If-None-Match with the ETag answers 304 with no body, on both paths', async () => {
    const image = await handler(fixture('histogram-png'));
    const etag = String(image.headers?.['etag']);
    // A URL answered before: the remembered-URL path.
    const cached = await handler(
      variant(fixture('histogram-png'), { headers: { 'if-none-match': etag } }),
    );
    assert.equal(cached.statusCode, 304);
    assert.equal(cached.body, '');
    assert.equal(cached.headers?.['etag'], etag);
    // A URL never seen: the full route, which must not draw.
    const fresh = variant(fixture('histogram-png'), {
      query: 'data=4,5,6&width=200&height=100',
      headers: { 'if-none-match': '*' },
    });
    const revalidated = await handler(fresh);
    assert.equal(revalidated.statusCode, 304);
    assert.equal(revalidated.body, '');
    assert.match(String(revalidated.headers?.['etag']), /^"[\w-]+"$/);
  });

  test('HEAD answers the headers of the image and no body', async () => {
    const result = await handler(fixture('histogram-head'));
    assert.equal(result.statusCode, 200);
    assert.equal(result.headers?.['content-type'], 'image/png');
    assert.equal(result.body, '');
  });

  test('bad data answers 400 with the JSON error naming the parameter', async () => {
    const result = await handler(fixture('histogram-bad-data'));
    assert.equal(result.statusCode, 400);
    const body = jsonOf(result) as ErrorBody;
    assert.equal(body.error.code, 'BAD_USER_INPUT');
    assert.equal(body.error.param, 'data');
    assert.match(body.error.message, /"x"/);
  });

  test('a parameter given twice is refused, though queryStringParameters hides it', async () => {
    const event = fixture('histogram-repeated-data');
    assert.equal(event.queryStringParameters?.['data'], '1,2,3');
    const result = await handler(event);
    assert.equal(result.statusCode, 400);
    const body = jsonOf(result) as ErrorBody;
    assert.equal(body.error.code, 'BAD_USER_INPUT');
    assert.equal(body.error.param, 'data');
  });

  test('Accept: application/json answers the statistics as text', async () => {
    const event = variant(fixture('histogram-png'), { headers: { accept: 'application/json' } });
    const result = await handler(event);
    assert.equal(result.statusCode, 200);
    const body = jsonOf(result) as { counts: number[]; stats: { count: number; mean: number } };
    assert.equal(body.stats.count, 20);
    assert.equal(body.stats.mean, 3.6);
    assert.equal(
      body.counts.reduce((sum, count) => sum + count, 0),
      20,
    );
  });

  test('POST /graphql with a JSON body answers the statistics', async () => {
    const result = await handler(fixture('graphql-post'));
    assert.equal(result.statusCode, 200);
    const body = jsonOf(result) as {
      data: {
        histogram: { counts: number[]; stats: { count: number; mean: number; median: number } };
      };
    };
    assert.deepEqual(body.data.histogram.stats, { count: 20, mean: 3.6, median: 3 });
    assert.equal(
      body.data.histogram.counts.reduce((sum, count) => sum + count, 0),
      20,
    );
  });

  test('POST /graphql with a base64-encoded body answers a PNG data URL', async () => {
    const result = await handler(fixture('graphql-post-base64'));
    assert.equal(result.statusCode, 200);
    const body = jsonOf(result) as {
      errors?: unknown;
      data: { histogram: { image: { dataUrl: string; altText: string } } };
    };
    assert.equal(body.errors, undefined);
    const { dataUrl, altText } = body.data.histogram.image;
    const prefix = 'data:image/png;base64,';
    assert.ok(dataUrl.startsWith(prefix), dataUrl.slice(0, 40));
    assert.deepEqual(pngSize(Buffer.from(dataUrl.slice(prefix.length), 'base64')), [320, 240]);
    assert.match(altText, /6 values/);
  });

  test('GET /graphql with a percent-encoded query answers', async () => {
    const result = await handler(fixture('graphql-get'));
    assert.equal(result.statusCode, 200);
    const body = jsonOf(result) as { data: { histogram: { edges: number[]; counts: number[] } } };
    assert.deepEqual(body.data.histogram, { edges: [1, 1.5, 2, 2.5, 3], counts: [1, 0, 2, 1] });
  });

  test('a GraphQL error is a 400 with its code', async () => {
    const event = {
      ...fixture('graphql-post'),
      body: JSON.stringify({ query: '{ histogram(data: [1, 2], bins: { count: 0 }) { counts } }' }),
    };
    const result = await handler(event);
    assert.equal(result.statusCode, 400);
    const body = jsonOf(result) as { errors: { extensions: { code: string } }[] };
    assert.equal(body.errors[0]?.extensions.code, 'BAD_USER_INPUT');
  });
});

describe('createLambdaHandler', () => {
  test('a cold start waits for the render child, so the first render is not refused', async () => {
    // A render queued longer than the render deadline is refused with 503. The child takes
    // longer than 150 ms to start here (as on a cold Lambda it may take longer than 2 s); a
    // 100×100 chart takes far less to draw once it has.
    const cold = createLambdaHandler({
      ...DEFAULT_CONFIG,
      logLevel: 'silent',
      rateLimitPerSecond: 0,
      renderWorkers: 1,
      renderTimeoutMs: 150,
    });
    try {
      const event = variant(fixture('histogram-head'), {
        method: 'GET',
        query: 'data=1,2,2,3&width=100&height=100',
      });
      const result = await cold(event);
      assert.equal(result.statusCode, 200, result.body);
      assert.deepEqual(pngSize(bodyOf(result)), [100, 100]);
    } finally {
      await cold.close();
    }
  });
});

describe('template.yaml', () => {
  /** CloudFormation's short forms, as the long forms they stand for. */
  const CFN_FUNCTIONS = ['Ref', 'Condition', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'If'];
  const cfnTags = CFN_FUNCTIONS.flatMap((name): (ScalarTag | CollectionTag)[] => {
    const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
    return [
      {
        tag: `!${name}`,
        resolve: (value: string) => ({ [key]: name === 'GetAtt' ? value.split('.') : value }),
      },
      {
        tag: `!${name}`,
        collection: 'seq',
        resolve: (value) => ({ [key]: value.toJSON() as unknown }),
      },
    ];
  });

  interface Template {
    Transform: string;
    Globals: { Function: { MemorySize: number; Timeout: number } };
    Resources: Record<
      string,
      { Type: string; Properties: Record<string, unknown>; Metadata?: Record<string, unknown> }
    >;
    Outputs: Record<string, { Value: unknown }>;
  }
  const template = parse(readFileSync(new URL('template.yaml', ROOT), 'utf8'), {
    customTags: cfnTags,
  }) as Template;

  function resourceOfType(type: string) {
    const found = Object.entries(template.Resources).filter(
      ([, resource]) => resource.Type === type,
    );
    assert.equal(found.length, 1, `one ${type}`);
    const [name, resource] = found[0] ?? [];
    assert.ok(name !== undefined && resource !== undefined);
    return { name, resource };
  }

  const fn = resourceOfType('AWS::Serverless::Function').resource;
  const api = resourceOfType('AWS::Serverless::HttpApi');

  test('is a SAM template for a container image built from the Lambda Dockerfile', () => {
    assert.equal(template.Transform, 'AWS::Serverless-2016-10-31');
    assert.equal(fn.Properties['PackageType'], 'Image');
    const metadata = fn.Metadata ?? {};
    assert.equal(metadata['DockerContext'], '.');
    const dockerfile = String(metadata['Dockerfile']);
    assert.equal(dockerfile, 'deploy/lambda/Dockerfile');
    const text = readFileSync(new URL(dockerfile, ROOT), 'utf8');
    // The image's command and the template's are the same handler.
    const command = (fn.Properties['ImageConfig'] as { Command: string[] }).Command;
    assert.deepEqual(command, ['dist/lambda.handler']);
    assert.match(text, /^CMD \["dist\/lambda\.handler"\]$/m);
    // Base images are pinned to a version, never latest.
    assert.match(text, /^ARG BASE_IMAGE=public\.ecr\.aws\/lambda\/nodejs:\d+$/m);
    assert.doesNotMatch(text, /:latest\b/);
    for (const from of text.match(/^FROM .*$/gm) ?? [])
      assert.match(from, /^FROM \$\{BASE_IMAGE\}/);
  });

  test('its handler is the one src/lambda.ts exports, built to dist/lambda.js', () => {
    const build = JSON.parse(readFileSync(new URL('tsconfig.build.json', ROOT), 'utf8')) as {
      compilerOptions: { rootDir: string; outDir: string };
      include: string[];
    };
    assert.deepEqual(
      [build.compilerOptions.rootDir, build.compilerOptions.outDir],
      ['src', 'dist'],
    );
    assert.ok(build.include.includes('src'));
    assert.ok(existsSync(new URL('src/lambda.ts', ROOT)));
    // What Lambda calls must fit the HTTP API handler type (checked when the tests compile).
    const exported: APIGatewayProxyHandlerV2 = handler;
    assert.equal(typeof exported, 'function');
  });

  test('its environment is a valid configuration with the limiter off and few render children', () => {
    const variables = (fn.Properties['Environment'] as { Variables: Record<string, string> })
      .Variables;
    for (const value of Object.values(variables)) assert.equal(typeof value, 'string');
    const config = configFromEnv(variables);
    assert.equal(config.rateLimitPerSecond, 0);
    assert.equal(config.trustProxyHops, 0);
    assert.ok(config.renderWorkers >= 1 && config.renderWorkers <= 2);
    assert.equal(config.production, true);
  });

  test('memory and timeout fit rendering behind API Gateway', () => {
    const { MemorySize, Timeout } = template.Globals.Function;
    assert.ok(MemorySize >= 1024, `MemorySize ${MemorySize}`);
    // API Gateway waits at most 30 s for a Lambda integration.
    assert.ok(Timeout >= 10 && Timeout <= 30, `Timeout ${Timeout}`);
  });

  test('the HTTP API throttles every route and serves on the $default stage', () => {
    const settings = api.resource.Properties['DefaultRouteSettings'] as Record<string, unknown>;
    assert.deepEqual(settings['ThrottlingRateLimit'], { Ref: 'ThrottlingRateLimit' });
    assert.deepEqual(settings['ThrottlingBurstLimit'], { Ref: 'ThrottlingBurstLimit' });
    // A named stage would prefix rawPath, and the app would see /stage/histogram.
    assert.equal(api.resource.Properties['StageName'], undefined);
    assert.equal(api.resource.Properties['BinaryMediaTypes'], undefined);
  });

  test('the outputs give the URL of the API, and an example the app draws', async () => {
    const base = new RegExp(`^https://\\$\\{${api.name}\\}\\.execute-api\\.[^/]+/`);
    const url = template.Outputs['ApiUrl']?.Value as { 'Fn::Sub': string };
    assert.match(url['Fn::Sub'], new RegExp(`${base.source}$`));
    const example = template.Outputs['HistogramExample']?.Value as { 'Fn::Sub': string };
    const [path = '', query = ''] = example['Fn::Sub'].replace(base, '/').split('?');
    const result = await handler(variant(fixture('histogram-png'), { path, query }));
    assert.equal(result.statusCode, 200, result.body);
    assert.equal(result.headers?.['content-type'], 'image/png');
  });

  const events = Object.entries(
    fn.Properties['Events'] as Record<
      string,
      {
        Type: string;
        Properties: { ApiId: unknown; Method: string; Path: string; PayloadFormatVersion: string };
      }
    >,
  );
  /** A request each route of the template should answer 200. */
  const SAMPLES: Record<
    string,
    { query?: string; headers?: Record<string, string>; body?: string }
  > = {
    'GET /histogram': { query: 'data=1,2,2,3' },
    'HEAD /histogram': { query: 'data=1,2,2,3' },
    'GET /scatter': { query: 'x=1,2,3&y=2,4,7' },
    'HEAD /scatter': { query: 'x=1,2,3&y=2,4,7' },
    'GET /pie': { query: 'labels=a,b&values=1,3' },
    'HEAD /pie': { query: 'labels=a,b&values=1,3' },
    'GET /graphql': {
      query: `query=${encodeURIComponent('{ __typename }')}`,
      headers: { 'apollo-require-preflight': 'true' },
    },
    'POST /graphql': { body: '{"query":"{ __typename }"}' },
  };

  test('routes every image path for GET and HEAD, and /graphql for GET and POST', () => {
    const routes = events.map(([, event]) => `${event.Properties.Method} ${event.Properties.Path}`);
    assert.deepEqual(routes.sort(), Object.keys(SAMPLES).sort());
    for (const [name, event] of events) {
      assert.equal(event.Type, 'HttpApi', name);
      assert.deepEqual(event.Properties.ApiId, { Ref: api.name }, name);
      assert.equal(event.Properties.PayloadFormatVersion, '2.0', name);
    }
  });

  for (const [name, event] of events) {
    const route = `${event.Properties.Method} ${event.Properties.Path}`;
    test(`${name}: the app answers ${route}`, async () => {
      const sample = SAMPLES[route];
      assert.ok(sample !== undefined, route);
      const base = fixture(
        event.Properties.Method === 'POST' ? 'graphql-post' : 'histogram-bad-data',
      );
      const request = {
        ...variant(base, {
          method: event.Properties.Method,
          path: event.Properties.Path,
          query: sample.query ?? '',
          headers: sample.headers ?? {},
        }),
        ...(sample.body === undefined ? {} : { body: sample.body }),
      };
      const result = await handler(request);
      assert.equal(result.statusCode, 200, `${route}: ${result.body ?? ''}`);
    });
  }
});
