import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

/**
 * The service's logger: one JSON object per line on stdout (pino), with an ISO timestamp. Request
 * handlers log through a child that carries the request id, so every line of a request has it.
 */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'chartql' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}
