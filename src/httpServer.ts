import { createServer, type Server } from 'node:http';
import type { Config } from './config.js';

/**
 * The HTTP server with the service's limits: request heads up to `maxHeaderBytes`, and timeouts
 * tight enough that a client trickling its headers is dropped within seconds. Node checks those
 * timeouts only every `connectionsCheckingInterval` (30 s by default), so that is set too.
 */
export function createHttpServer(config: Config): Server {
  const server = createServer({
    maxHeaderSize: config.maxHeaderBytes,
    headersTimeout: config.headersTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, config.headersTimeoutMs),
  });
  return server;
}
