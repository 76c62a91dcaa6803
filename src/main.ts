import { createApp } from './app.js';
import { configFromEnv } from './config.js';
import { createHttpServer } from './httpServer.js';

const config = configFromEnv();
const server = createHttpServer(config);
const app = await createApp(config, { httpServer: server });
server.on('request', app.handler);

server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  console.log(`chartql listening on http://${config.host}:${port}`);
});

/**
 * On SIGTERM or SIGINT: report not ready, stop accepting connections, let in-flight requests
 * finish (Apollo drains its operations), stop the render pool, and exit 0 — or exit anyway once
 * the grace period is over.
 */
function shutdown(signal: string): void {
  console.log(`${signal}: shutting down`);
  app.beginShutdown();
  setTimeout(() => {
    console.error(`shutdown grace of ${config.shutdownGraceMs} ms is over; exiting`);
    process.exit(0);
  }, config.shutdownGraceMs).unref();
  // Apollo's drain plugin closes the server, waits for in-flight requests, then stops.
  app.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('error while shutting down', error);
      process.exit(1);
    },
  );
}

process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
