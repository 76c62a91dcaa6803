import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clientAddress, rateLimitKey } from '../../src/http/clientAddress.js';

describe('clientAddress', () => {
  test('without trusted proxies, X-Forwarded-For is ignored', () => {
    assert.equal(clientAddress('10.0.0.9', '1.2.3.4', 0), '10.0.0.9');
    assert.equal(clientAddress('10.0.0.9', undefined, 0), '10.0.0.9');
  });

  test('one trusted proxy: the entry it appended is the client', () => {
    assert.equal(clientAddress('10.0.0.1', '203.0.113.7', 1), '203.0.113.7');
  });

  test('entries a client forged in front of the proxy are never used', () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the real address.
    assert.equal(clientAddress('10.0.0.1', '6.6.6.6, 203.0.113.7', 1), '203.0.113.7');
    assert.equal(clientAddress('10.0.0.1', ['6.6.6.6', '203.0.113.7'], 1), '203.0.113.7');
  });

  test('two trusted proxies: the second entry from the right', () => {
    assert.equal(clientAddress('10.0.0.1', '6.6.6.6, 203.0.113.7, 10.0.0.2', 2), '203.0.113.7');
  });

  test('fewer entries than trusted hops: the leftmost one, never past the chain', () => {
    assert.equal(clientAddress('10.0.0.1', '203.0.113.7', 3), '203.0.113.7');
    assert.equal(clientAddress('10.0.0.1', ' , ', 1), '10.0.0.1');
  });

  test('no connection address', () => {
    assert.equal(clientAddress(undefined, undefined, 0), 'unknown');
  });
});

describe('rateLimitKey', () => {
  test('IPv4 and IPv4-mapped IPv6 are the same client', () => {
    assert.equal(rateLimitKey('203.0.113.7'), '203.0.113.7');
    assert.equal(rateLimitKey('::ffff:203.0.113.7'), '203.0.113.7');
  });

  test('IPv6 addresses of one /64 are one client', () => {
    const key = '2001:db8:0:1::/64';
    assert.equal(rateLimitKey('2001:db8:0:1::1'), key);
    assert.equal(rateLimitKey('2001:0db8:0000:0001:ffff:eeee:dddd:cccc'), key);
    assert.equal(rateLimitKey('2001:DB8:0:1:0:0:0:2%eth0'), key);
    assert.notEqual(rateLimitKey('2001:db8:0:2::1'), key);
  });

  test('the loopback and unspecified addresses expand', () => {
    assert.equal(rateLimitKey('::1'), '0:0:0:0::/64');
    assert.equal(rateLimitKey('::'), '0:0:0:0::/64');
  });
});
