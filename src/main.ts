import { createServer } from 'node:http';
import { createApp } from './app.js';
import { configFromEnv } from './config.js';

const config = configFromEnv();
const app = await createApp(config);
const server = createServer({ maxHeaderSize: config.maxHeaderBytes }, app.handler);

server.listen(config.port, config.host, () => {
  console.log(`chartql listening on http://${config.host}:${config.port}`);
});

function shutdown(signal: string): void {
  console.log(`${signal}: shutting down`);
  server.close(() => {
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('error while shutting down', error);
        process.exit(1);
      },
    );
  });
  server.closeIdleConnections();
}

process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
