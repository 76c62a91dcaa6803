/**
 * One table of cases run against both GraphQL and REST: the same request must give the same
 * statistics, and the same bad input the same error code, naming the argument at fault.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { print } from 'graphql';
import { HistogramStatsDocument, type HistogramStatsQuery } from '../generated/graphql.js';
import { postGraphQL, useServer } from '../support/server.js';

interface Case {
  readonly name: string;
  /** The GraphQL variables of HistogramStats. */
  readonly graphql: Record<string, unknown>;
  /** The same request as `GET /histogram` query parameters. */
  readonly rest: Record<string, string>;
}

interface OkCase extends Case {
  readonly check: (histogram: HistogramStatsQuery['histogram']) => void;
}

interface ErrorCase extends Case {
  /** The argument GraphQL names (`extensions.argument`) and the parameter REST names. */
  readonly argument: string;
  readonly param: string;
  readonly message: RegExp;
}

/** The binning's rule, count and width, without its diagnostics (tested on their own). */
function withoutDiagnostics(binning: HistogramStatsQuery['histogram']['binning']) {
  const { rule, binCount, binWidth } = binning;
  return { rule, binCount, binWidth };
}

const DICE = [1, 1, 2, 2, 2, 3, 3, 3, 3, 5, 6, 4, 5, 3, 2, 6, 6, 6, 5, 4];

const ok: OkCase[] = [
  {
    name: "the tutorial's dice rolls get integer bins",
    graphql: { data: DICE },
    rest: { data: DICE.join(',') },
    check(h) {
      assert.deepEqual(h.counts, [2, 4, 5, 2, 3, 4]);
      assert.deepEqual(h.edges, [0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5]);
      assert.deepEqual(withoutDiagnostics(h.binning), {
        rule: 'INTEGER',
        binCount: 6,
        binWidth: 1,
      });
      assert.equal(h.stats.mean, 3.6);
      assert.equal(h.stats.median, 3);
      assert.equal(h.excluded, 0);
      assert.deepEqual(h.dataQuality, { given: 20, used: 20, excluded: 0 });
      assert.equal(h.binning.diagnostics.chosen, 'INTEGER');
      const fd = h.binning.diagnostics.candidates.find((c) => c.rule === 'FD');
      // numpy._hist_bin_fd(dice): 2·IQR·n^(-1/3) = 2·3·20^(-1/3) = 2.2104188991842317
      assert.ok(fd && Math.abs((fd.binWidth ?? 0) - 2.2104188991842317) < 1e-12);
    },
  },
  {
    name: 'a bin count',
    graphql: { data: DICE, bins: { count: 5 } },
    rest: { data: DICE.join(','), bins: '5' },
    check(h) {
      assert.deepEqual(h.edges, [1, 2, 3, 4, 5, 6]);
      assert.deepEqual(h.counts, [2, 4, 5, 2, 7]);
      assert.deepEqual(withoutDiagnostics(h.binning), { rule: null, binCount: 5, binWidth: 1 });
    },
  },
  {
    name: 'a rule, in any case over REST',
    graphql: { data: DICE, bins: { rule: 'STURGES' } },
    rest: { data: DICE.join(','), bins: 'Sturges' },
    check(h) {
      assert.equal(h.binning.rule, 'STURGES');
      assert.equal(h.binning.binCount, 6);
    },
  },
  {
    name: 'a bin width puts edges on its multiples',
    graphql: { data: DICE, bins: { width: 2 } },
    rest: { data: DICE.join(','), binWidth: '2' },
    check(h) {
      assert.deepEqual(h.edges, [0, 2, 4, 6]);
      assert.deepEqual(h.counts, [2, 9, 9]);
      assert.deepEqual(withoutDiagnostics(h.binning), { rule: null, binCount: 3, binWidth: 2 });
    },
  },
  {
    name: 'explicit uneven edges',
    graphql: { data: DICE, bins: { edges: [0, 2, 5, 10] } },
    rest: { data: DICE.join(','), bins: '0,2,5,10' },
    check(h) {
      assert.deepEqual(h.counts, [2, 11, 7]);
      assert.equal(h.binning.binWidth, null);
      assert.deepEqual(
        h.bins.map((bin) => bin.cumulativeCount),
        [2, 13, 20],
      );
    },
  },
  {
    name: 'a range leaves values out and counts them',
    graphql: { data: DICE, range: { min: 2, max: 5 }, bins: { count: 3 } },
    rest: { data: DICE.join(','), range: '2,5', bins: '3' },
    check(h) {
      assert.equal(h.excluded, 6);
      assert.deepEqual(h.dataQuality, { given: 20, used: 14, excluded: 6 });
      assert.equal(h.stats.count, 14);
      assert.deepEqual(h.counts, [4, 5, 5]);
    },
  },
];

const errors: ErrorCase[] = [
  {
    name: 'a zero bin count',
    graphql: { data: DICE, bins: { count: 0 } },
    rest: { data: DICE.join(','), bins: '0' },
    argument: 'bins.count',
    param: 'bins',
    message: /from 1 to 1000/,
  },
  {
    name: 'more than 1000 bins',
    graphql: { data: DICE, bins: { count: 1001 } },
    rest: { data: DICE.join(','), bins: '1001' },
    argument: 'bins.count',
    param: 'bins',
    message: /from 1 to 1000/,
  },
  {
    name: 'a width that makes too many bins',
    graphql: { data: [0, 1000], bins: { width: 0.01 } },
    rest: { data: '0,1000', binWidth: '0.01' },
    argument: 'bins.width',
    param: 'binWidth',
    message: /1000/,
  },
  {
    name: 'two ways of binning at once',
    graphql: { data: DICE, bins: { count: 3, width: 2 } },
    rest: { data: DICE.join(','), bins: '3', binWidth: '2' },
    argument: 'bins',
    param: 'bins',
    message: /exactly one/,
  },
  {
    name: 'edges that do not increase',
    graphql: { data: DICE, bins: { edges: [0, 3, 3, 6] } },
    rest: { data: DICE.join(','), bins: '0,3,3,6' },
    argument: 'bins.edges',
    param: 'bins',
    message: /increase strictly/,
  },
  {
    name: 'integer bins for fractional data',
    graphql: { data: [1, 2.5], bins: { rule: 'INTEGER' } },
    rest: { data: '1,2.5', bins: 'integer' },
    argument: 'bins.rule',
    param: 'bins',
    message: /integer/i,
  },
  {
    name: 'a width under the minimum',
    graphql: { data: DICE, image: { width: 50 } },
    rest: { data: DICE.join(','), width: '50' },
    argument: 'image.width',
    param: 'width',
    message: /from 100 to 4000/,
  },
  {
    name: 'a height over the maximum',
    graphql: { data: DICE, image: { height: 4001 } },
    rest: { data: DICE.join(','), height: '4001' },
    argument: 'image.height',
    param: 'height',
    message: /from 100 to 4000/,
  },
  {
    name: 'a title over 200 characters',
    graphql: { data: DICE, title: 'x'.repeat(201) },
    rest: { data: DICE.join(','), title: 'x'.repeat(201) },
    argument: 'title',
    param: 'title',
    message: /201 characters; at most 200/,
  },
  {
    name: 'an x label over 200 characters',
    graphql: { data: DICE, xlabel: 'é'.repeat(201) },
    rest: { data: DICE.join(','), xlabel: 'é'.repeat(201) },
    argument: 'xlabel',
    param: 'xlabel',
    message: /at most 200/,
  },
  {
    name: 'empty data',
    graphql: { data: [] },
    rest: { data: '' },
    argument: 'data',
    param: 'data',
    message: /data/,
  },
  {
    name: 'more than 100,000 values',
    graphql: { data: Array.from({ length: 100_001 }, (_, i) => i % 7) },
    rest: { data: Array.from({ length: 100_001 }, (_, i) => i % 7).join(',') },
    argument: 'data',
    param: 'data',
    message: /100000/,
  },
  {
    name: 'a range whose minimum is above its maximum',
    graphql: { data: DICE, range: { min: 5, max: 2 } },
    rest: { data: DICE.join(','), range: '5,2' },
    argument: 'range',
    param: 'range',
    message: /greater than/,
  },
  {
    name: 'a range holding no value',
    graphql: { data: DICE, range: { min: 10, max: 20 } },
    rest: { data: DICE.join(','), range: '10,20' },
    argument: 'range',
    param: 'range',
    message: /no value/,
  },
  {
    name: 'values whose span overflows',
    graphql: { data: [-1e308, 1e308] },
    rest: { data: '-1e308,1e308' },
    argument: 'data',
    param: 'data',
    message: /./,
  },
];

const server = useServer({}, {});

async function getJson(params: Record<string, string>) {
  const response = await fetch(
    `${server.url}/histogram?${new URLSearchParams(params).toString()}`,
    {
      headers: { accept: 'application/json' },
    },
  );
  return { response, body: (await response.json()) as Record<string, unknown> };
}

describe('contract: GraphQL and REST answer alike', () => {
  for (const c of ok) {
    test(c.name, async () => {
      const gql = await postGraphQL<HistogramStatsQuery>(
        server.url,
        print(HistogramStatsDocument),
        c.graphql,
      );
      assert.equal(gql.status, 200, JSON.stringify(gql.body.errors));
      const histogram = gql.body.data?.histogram;
      assert.ok(histogram);
      c.check(histogram);

      const rest = await getJson(c.rest);
      assert.equal(rest.response.status, 200);
      assert.match(rest.response.headers.get('content-type') ?? '', /^application\/json/);
      assert.deepEqual(rest.body, histogram);
    });
  }

  for (const c of errors) {
    test(`rejects ${c.name}`, async () => {
      const gql = await postGraphQL<HistogramStatsQuery>(
        server.url,
        print(HistogramStatsDocument),
        c.graphql,
      );
      assert.equal(gql.status, 400);
      const [error] = gql.body.errors ?? [];
      assert.equal(error?.extensions?.['code'], 'BAD_USER_INPUT');
      assert.equal(error.extensions['argument'], c.argument);
      assert.match(error.message, c.message);
      assert.equal(gql.body.data, null);

      const rest = await getJson(c.rest);
      assert.equal(rest.response.status, 400);
      assert.match(rest.response.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(rest.response.headers.get('cache-control'), 'no-store');
      const restError = rest.body['error'] as Record<string, unknown>;
      assert.equal(restError['code'], 'BAD_USER_INPUT');
      assert.equal(restError['param'], c.param);
      assert.match(String(restError['message']), c.message);
    });
  }
});
