import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CountingRenderer } from '../support/countingRenderer.js';
import { postGraphQL, useServer } from '../support/server.js';

describe('GraphQL limits', () => {
  const renderer = new CountingRenderer();
  const server = useServer({ graphqlMaxAliases: 15, rendersPerOperation: 2 }, { renderer });

  test('too many aliases are refused before anything runs', async () => {
    const fields = Array.from({ length: 16 }, (_, i) => `a${i}: histogram(data: [1]) { counts }`);
    const { status, body } = await postGraphQL(server.url, `{ ${fields.join(' ')} }`);
    assert.equal(status, 400);
    assert.equal(body.errors?.[0]?.extensions?.['code'], 'GRAPHQL_VALIDATION_FAILED');
    assert.match(body.errors[0].message, /alias/i);
  });

  test('one operation renders at most the configured number of charts', async () => {
    const before = renderer.renders;
    const three = ['a', 'b', 'c']
      .map((alias, i) => `${alias}: histogram(data: [${i + 1}, 9]) { dataUrl }`)
      .join(' ');
    const { status, body } = await postGraphQL(server.url, `{ ${three} }`);
    // dataUrl is non-null, so the refused third render nulls the whole answer: a 400.
    assert.equal(status, 400);
    const codes = (body.errors ?? []).map((error) => error.extensions?.['code']);
    assert.deepEqual(codes, ['RENDER_LIMIT']);
    assert.ok(renderer.renders <= before + 2);
    const two = await postGraphQL(server.url, `{ ${three.split(' c:')[0] ?? ''} }`);
    assert.equal(two.status, 200, JSON.stringify(two.body.errors));
  });

  test('a body that is JSON but not an object is told so; one that is not JSON, too', async () => {
    const post = async (body: string) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return {
        status: response.status,
        ...((await response.json()) as { error: { message: string } }),
      };
    };
    for (const body of ['"x"', '42', 'true']) {
      const answer = await post(body);
      assert.equal(answer.status, 400);
      assert.equal(answer.error.message, 'the request body must be a JSON object', body);
    }
    assert.equal((await post('{"query": ')).error.message, 'the request body is not valid JSON');
  });

  test('batched operations are refused', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    assert.equal(response.status, 400);
  });
});

describe('GraphQL depth limit', () => {
  const server = useServer({ graphqlMaxDepth: 4 }, { renderer: new CountingRenderer() });

  test('a query deeper than the limit is refused', async () => {
    const shallow = await postGraphQL(server.url, '{ histogram(data: [1]) { stats { mean } } }');
    assert.equal(shallow.status, 200, JSON.stringify(shallow.body.errors));
    const deep = '{ histogram(data: [1]) { binning { diagnostics { candidates { rule } } } } }';
    const { status, body } = await postGraphQL(server.url, deep);
    assert.equal(status, 400);
    assert.match(body.errors?.[0]?.message ?? '', /depth/i);
  });
});

describe('GraphQL in production', () => {
  const server = useServer({ production: true });

  test('hides field suggestions', async () => {
    const { status, body } = await postGraphQL(server.url, '{ histogram(data: [1]) { cout } }');
    assert.equal(status, 400);
    assert.doesNotMatch(body.errors?.[0]?.message ?? '', /Did you mean/);
  });
});
