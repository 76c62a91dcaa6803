import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/** How often lines gathered for one write are written anyway, in ms. */
const FLUSH_INTERVAL_MS = 250;

let stdout: DestinationStream | undefined;

/**
 * Standard output, gathering lines into writes of 4 KiB: one line per request would otherwise be
 * one write per request, which costs more than answering a cached image. What is gathered is
 * written at least every 250 ms, and at exit. One for the process, shared by every logger.
 */
function bufferedStdout(): DestinationStream {
  if (stdout !== undefined) return stdout;
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => {
    destination.flush();
  }, FLUSH_INTERVAL_MS).unref();
  process.once('exit', () => {
    destination.flushSync();
  });
  stdout = destination;
  return destination;
}

/**
 * The service's logger: one JSON object per line on stdout (pino), with an ISO timestamp. Request
 * handlers log through a child that carries the request id, so every line of a request has it.
 */
export function createLogger(level: LogLevel): Logger {
  const options = {
    level,
    base: { service: 'chartql' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return level === 'silent' ? pino(options) : pino(options, bufferedStdout());
}
