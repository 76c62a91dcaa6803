import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RequestMetrics } from '../../src/requestMetrics.js';

describe('RequestMetrics', () => {
  test('counts by route, method and status, and places latencies in cumulative buckets', () => {
    const metrics = new RequestMetrics();
    metrics.observe('/histogram', 'GET', 200, 0.0005);
    metrics.observe('/histogram', 'GET', 200, 0.003);
    metrics.observe('/histogram', 'GET', 400, 7);
    metrics.observe('/graphql', 'POST', 200, 0.02);
    const lines = metrics.exposition().split('\n');
    const has = (line: string) => {
      assert.ok(lines.includes(line), `missing: ${line}`);
    };
    has('# TYPE chartql_http_requests_total counter');
    has('chartql_http_requests_total{route="/histogram",method="GET",status="200"} 2');
    has('chartql_http_requests_total{route="/histogram",method="GET",status="400"} 1');
    has('chartql_http_requests_total{route="/graphql",method="POST",status="200"} 1');
    has('# TYPE chartql_http_request_duration_seconds histogram');
    // 0.0005 falls in le="0.0005" (Prometheus buckets are upper-inclusive).
    has(
      'chartql_http_request_duration_seconds_bucket{route="/histogram",method="GET",le="0.0005"} 1',
    );
    has(
      'chartql_http_request_duration_seconds_bucket{route="/histogram",method="GET",le="0.0025"} 1',
    );
    has(
      'chartql_http_request_duration_seconds_bucket{route="/histogram",method="GET",le="0.005"} 2',
    );
    has('chartql_http_request_duration_seconds_bucket{route="/histogram",method="GET",le="5"} 2');
    has(
      'chartql_http_request_duration_seconds_bucket{route="/histogram",method="GET",le="+Inf"} 3',
    );
    has('chartql_http_request_duration_seconds_count{route="/histogram",method="GET"} 3');
    has('chartql_http_request_duration_seconds_sum{route="/histogram",method="GET"} 7.0035');
    has('chartql_http_request_duration_seconds_bucket{route="/graphql",method="POST",le="0.01"} 0');
    has(
      'chartql_http_request_duration_seconds_bucket{route="/graphql",method="POST",le="0.025"} 1',
    );
  });

  test('nothing observed: the metrics are declared, with no samples', () => {
    const text = new RequestMetrics().exposition();
    assert.match(text, /# HELP chartql_http_requests_total /);
    assert.doesNotMatch(text, /^chartql_/m);
  });
});
