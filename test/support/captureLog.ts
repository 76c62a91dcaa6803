import { pino, type Logger } from 'pino';

export interface CapturedLog {
  readonly logger: Logger;
  /** Every line logged so far, parsed. */
  lines(): Record<string, unknown>[];
}

/** A JSON logger like the service's, writing to memory so a test can read what was logged. */
export function captureLog(level = 'info'): CapturedLog {
  const written: string[] = [];
  const logger = pino({ level }, { write: (line: string) => written.push(line) });
  return {
    logger,
    lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
