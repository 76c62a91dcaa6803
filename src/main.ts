import { createApp } from './app.js';
import { configFromEnv } from './config.js';
import { createHttpServer } from './httpServer.js';
import { createLogger } from './log.js';

const config = configFromEnv();
const logger = createLogger(config.logLevel);
const server = createHttpServer(config);
const app = await createApp(config, { httpServer: server, logger });
server.on('request', app.handler);

server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  logger.info(
    { url: `http://${config.host}:${port}` },
    `chartql listening on http://${config.host}:${port}`,
  );
});

/**
 * On SIGTERM or SIGINT: report not ready, stop accepting connections, let in-flight requests
 * finish (Apollo drains its operations), stop the render pool, and exit 0 — or exit anyway once
 * the grace period is over.
 */
function shutdown(signal: string): void {
  logger.info({ signal }, 'shutting down');
  app.beginShutdown();
  setTimeout(() => {
    logger.warn({ graceMs: config.shutdownGraceMs }, 'shutdown grace is over; exiting');
    process.exit(0);
  }, config.shutdownGraceMs).unref();
  // Apollo's drain plugin closes the server, waits for in-flight requests, then stops.
  app.close().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: error }, 'error while shutting down');
      process.exit(1);
    },
  );
}

process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
