/** Latency buckets in seconds: cached answers take under a millisecond, renders tens of them. */
export const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
] as const;

interface Series {
  readonly route: string;
  readonly method: string;
  readonly statuses: Map<number, number>;
  /** Observations per bucket (not cumulative); the last one is +Inf. */
  readonly buckets: number[];
  sum: number;
  count: number;
}

/**
 * Requests by route, method and status, and their latency histogram, kept as plain counters and
 * written in Prometheus's text format when scraped. Recording a request is a map lookup and two
 * additions: it happens on every request, including those answered from the cache in a few
 * microseconds, where a general metrics library's label handling would cost more than the
 * answer. Label values are the service's own (known routes, methods Node's parser accepts,
 * numeric statuses), so they need no escaping.
 */
export class RequestMetrics {
  private readonly series = new Map<string, Series>();

  observe(route: string, method: string, status: number, seconds: number): void {
    const key = `${route} ${method}`;
    let series = this.series.get(key);
    if (series === undefined) {
      series = {
        route,
        method,
        statuses: new Map(),
        buckets: new Array<number>(LATENCY_BUCKETS.length + 1).fill(0),
        sum: 0,
        count: 0,
      };
      this.series.set(key, series);
    }
    series.statuses.set(status, (series.statuses.get(status) ?? 0) + 1);
    let bucket = 0;
    while (bucket < LATENCY_BUCKETS.length && seconds > (LATENCY_BUCKETS[bucket] ?? 0)) bucket += 1;
    series.buckets[bucket] = (series.buckets[bucket] ?? 0) + 1;
    series.sum += seconds;
    series.count += 1;
  }

  /** The two metrics in Prometheus's text exposition format. */
  exposition(): string {
    const requests = [
      '# HELP chartql_http_requests_total HTTP requests answered, by route, method and status.',
      '# TYPE chartql_http_requests_total counter',
    ];
    const latency = [
      '# HELP chartql_http_request_duration_seconds Time from receiving a request to finishing its answer.',
      '# TYPE chartql_http_request_duration_seconds histogram',
    ];
    for (const { route, method, statuses, buckets, sum, count } of this.series.values()) {
      const labels = `route="${route}",method="${method}"`;
      for (const [status, n] of statuses) {
        requests.push(`chartql_http_requests_total{${labels},status="${status}"} ${n}`);
      }
      let cumulative = 0;
      LATENCY_BUCKETS.forEach((le, i) => {
        cumulative += buckets[i] ?? 0;
        latency.push(
          `chartql_http_request_duration_seconds_bucket{${labels},le="${le}"} ${cumulative}`,
        );
      });
      latency.push(`chartql_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${count}`);
      latency.push(`chartql_http_request_duration_seconds_sum{${labels}} ${sum}`);
      latency.push(`chartql_http_request_duration_seconds_count{${labels}} ${count}`);
    }
    return `${requests.join('\n')}\n\n${latency.join('\n')}\n`;
  }
}
