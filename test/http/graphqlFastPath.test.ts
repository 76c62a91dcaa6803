import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { graphqlFastPath } from '../../src/http/graphqlFastPath.js';
import type { GraphQLContext } from '../../src/graphql/rendering.js';
import { CountingRenderer } from '../support/countingRenderer.js';
import { useServer } from '../support/server.js';

/** What the fake Apollo was asked, to check what the fast path hands on. */
interface Seen {
  body: unknown;
  search: string;
  method: string;
  contentType: string | undefined;
}

describe('the GraphQL fast path', () => {
  let server: Server;
  let url: string;
  const seen: Seen[] = [];

  before(async () => {
    // An Apollo stand-in that answers what it was given.
    const apollo = {
      executeHTTPGraphQLRequest({
        httpGraphQLRequest: request,
      }: {
        httpGraphQLRequest: { body: unknown; search: string; method: string; headers: HeaderMap };
      }) {
        seen.push({
          body: request.body,
          search: request.search,
          method: request.method,
          contentType: request.headers.get('content-type'),
        });
        const headers = new HeaderMap([['content-type', 'application/json; charset=utf-8']]);
        return Promise.resolve({
          status: 201,
          headers,
          body: { kind: 'complete', string: JSON.stringify({ echo: request.body }) },
        });
      },
    } as unknown as ApolloServer<GraphQLContext>;
    const fast = graphqlFastPath(apollo, () => Promise.reject(new Error('unused')), 100);
    server = createServer((req, res) => {
      if (!fast(req, res)) res.writeHead(299).end('declined');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.close();
  });

  async function post(path: string, body: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: response.status, text: await response.text() };
  }

  test('takes a plain JSON POST to /graphql and hands Apollo the parsed body', async () => {
    seen.length = 0;
    const answer = await post('/graphql', '{"query":"{ a }","variables":{"x":[1,2]}}');
    assert.equal(answer.status, 201);
    assert.deepEqual(JSON.parse(answer.text), {
      echo: { query: '{ a }', variables: { x: [1, 2] } },
    });
    assert.deepEqual(seen, [
      {
        body: { query: '{ a }', variables: { x: [1, 2] } },
        search: '',
        method: 'POST',
        contentType: 'application/json',
      },
    ]);
    const utf8 = await post('/graphql', '{"query":"{ é }"}', {
      'content-type': 'application/json; charset=UTF-8',
    });
    assert.equal(utf8.status, 201);
    assert.match(utf8.text, /é/);
  });

  test('declines everything else, for the full path to answer', async () => {
    const declined = [
      await post('/graphql?x=1', '{}'),
      await post('/graphql/', '{}'),
      await post('/graphql', '{}', { 'content-type': 'text/plain' }),
      await post('/graphql', '{}', { 'content-type': 'application/graphql-response+json' }),
      await post('/graphql', '{}', { 'content-encoding': 'identity' }),
      await post('/graphql', 'x'.repeat(101)),
      await post('/graphql', ''),
    ];
    for (const answer of declined) assert.deepEqual(answer, { status: 299, text: 'declined' });
    const get = await fetch(`${url}/graphql`);
    assert.equal(get.status, 299);
  });

  test("a body that is not a JSON object gets the full path's message", async () => {
    const invalid = await post('/graphql', '{"query": ');
    assert.equal(invalid.status, 400);
    const messageOf = (text: string) =>
      (JSON.parse(text) as { error: { message: string } }).error.message;
    assert.equal(messageOf(invalid.text), 'the request body is not valid JSON');
    const string = await post('/graphql', '"x"');
    assert.equal(messageOf(string.text), 'the request body must be a JSON object');
  });

  test('a client that sends less than it announced is dropped, and the server goes on', async () => {
    const { port } = server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write(
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{"query":',
    );
    socket.end();
    // Read (and drop) whatever comes back, so the socket sees the server hang up.
    socket.resume();
    await once(socket, 'close');
    assert.equal((await post('/graphql', '{"query":"{ b }"}')).status, 201);
  });
});

/** Stack traces (shown outside production) name the path's own frames; the rest must match. */
function withoutStackTraces(body: unknown): unknown {
  return JSON.parse(
    JSON.stringify(body, (key, value: unknown) => (key === 'stacktrace' ? undefined : value)),
  );
}

describe('both GraphQL paths answer alike', () => {
  const server = useServer({}, { renderer: new CountingRenderer() });

  const bodies = [
    '{"query":"{ histogram(data: [1, 2, 2]) { counts stats { mean } } }"}',
    '{"query":"query($d: [Float!]!) { histogram(data: $d) { counts } }","variables":{"d":"x"}}',
    '{"query":"{ histogram(data: []) { counts } }"}',
    '{"query":"{"}',
    '{}',
    '[]',
    '"x"',
    '{"query": ',
    '{"query":"mutation { x }"}',
  ];

  for (const body of bodies) {
    test(body.slice(0, 60), async () => {
      const answers = await Promise.all(
        // The first goes the fast way; an identity Content-Encoding sends the second the full way.
        [{}, { 'content-encoding': 'identity' }].map(async (extra) => {
          const response = await fetch(`${server.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...extra },
            body,
          });
          return {
            status: response.status,
            type: response.headers.get('content-type'),
            cache: response.headers.get('cache-control'),
            body: withoutStackTraces(await response.json()),
          };
        }),
      );
      assert.deepEqual(answers[0], answers[1]);
    });
  }
});
