import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startServer } from '../support/server.js';
import { testPool, waitUntilReady } from '../support/testPool.js';

describe('lifecycle', () => {
  test('/readyz is 200 once a renderer is ready and 503 while shutting down', async () => {
    const pool = testPool();
    const server = await startServer({}, { renderer: pool });
    try {
      await waitUntilReady(pool);
      assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
      server.app.beginShutdown();
      const response = await fetch(`${server.url}/readyz`);
      assert.equal(response.status, 503);
      assert.deepEqual(await response.json(), { status: 'shutting down' });
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    } finally {
      await server.close();
    }
  });

  test('a client that trickles its headers is dropped within seconds', async () => {
    const server = await startServer({ headersTimeoutMs: 500, requestTimeoutMs: 1000 });
    try {
      const { port } = new URL(server.url);
      const socket = connect(Number(port), '127.0.0.1');
      await once(socket, 'connect');
      // Writes after the server hangs up fail; that is the point of the test.
      socket.on('error', () => undefined);
      socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
      const started = Date.now();
      const timer = setInterval(() => socket.write('X-Slow: 1\r\n'), 100);
      await new Promise((resolve) => socket.once('close', resolve));
      clearInterval(timer);
      const elapsed = Date.now() - started;
      assert.ok(elapsed < 3000, `dropped after ${elapsed} ms`);
    } finally {
      await server.close();
    }
  });

  test('on SIGTERM, in-flight requests complete and the process exits 0', async () => {
    const main = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', RENDER_WORKERS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const [line] = (await once(child.stdout, 'data')) as [Buffer];
      const url = /http:\/\/[\d.]+:\d+/.exec(line.toString())?.[0];
      assert.ok(url, line.toString());
      for (let i = 0; i < 100; i++) {
        if ((await fetch(`${url}/readyz`)).ok) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const inFlight = fetch(
        `${url}/histogram?data=${Array.from({ length: 5000 }, (_, i) => i % 97).join(',')}&bins=stone`,
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      child.kill('SIGTERM');
      const response = await inFlight;
      assert.equal(response.status, 200);
      const [code] = (await once(child, 'exit')) as [number];
      assert.equal(code, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
