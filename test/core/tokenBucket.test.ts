import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TokenBuckets } from '../../src/core/tokenBucket.js';

describe('TokenBuckets', () => {
  test('a client gets its burst at once, then is refused with the wait until a token', () => {
    const buckets = new TokenBuckets(2, 3);
    for (let i = 0; i < 3; i++) assert.deepEqual(buckets.take('a', 0), { allowed: true });
    assert.deepEqual(buckets.take('a', 0), { allowed: false, retryAfterSeconds: 1 });
  });

  test('tokens refill at the rate, never beyond the burst', () => {
    const buckets = new TokenBuckets(2, 3);
    for (let i = 0; i < 3; i++) buckets.take('a', 0);
    // 499 ms at 2 a second is 0.998 of a token: not yet.
    assert.equal(buckets.take('a', 499).allowed, false);
    assert.equal(buckets.take('a', 500).allowed, true);
    assert.equal(buckets.take('a', 500).allowed, false);
    // An hour idle refills to the burst, not to 7,200.
    let allowed = 0;
    while (buckets.take('a', 3_600_000).allowed) allowed += 1;
    assert.equal(allowed, 3);
  });

  test('clients are counted apart', () => {
    const buckets = new TokenBuckets(1, 1);
    assert.equal(buckets.take('a', 0).allowed, true);
    assert.equal(buckets.take('a', 0).allowed, false);
    assert.equal(buckets.take('b', 0).allowed, true);
  });

  test('a slow rate asks for a longer wait, in whole seconds', () => {
    const buckets = new TokenBuckets(0.1, 1);
    buckets.take('a', 0);
    assert.deepEqual(buckets.take('a', 0), { allowed: false, retryAfterSeconds: 10 });
    assert.deepEqual(buckets.take('a', 5000), { allowed: false, retryAfterSeconds: 5 });
  });

  test('time going backwards refunds nothing', () => {
    const buckets = new TokenBuckets(1, 1);
    buckets.take('a', 10_000);
    assert.equal(buckets.take('a', 0).allowed, false);
  });

  test('memory stays bounded: idle clients are dropped first, then the oldest', () => {
    const buckets = new TokenBuckets(1, 2, 10);
    for (let i = 0; i < 10; i++) buckets.take(`idle${i}`, 0);
    // Ten seconds later the idle ones are full again and can go.
    buckets.take('new', 10_000);
    const tracked = () => buckets.size;
    assert.equal(tracked(), 1);
    for (let i = 0; i < 30; i++) buckets.take(`busy${i}`, 10_000);
    assert.ok(tracked() <= 10, `${tracked()} clients kept`);
  });

  test('a limiter without a rate is a configuration error', () => {
    assert.throws(() => new TokenBuckets(0, 1), RangeError);
    assert.throws(() => new TokenBuckets(1, 0), RangeError);
  });
});
