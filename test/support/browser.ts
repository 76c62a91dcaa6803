import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's `chromium` package (`make test` installs it); `CHROMIUM_PATH` points elsewhere. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Headless, and nothing of Chromium's own reaching out: no background networking or updates. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
] as const;

/** Launches headless Chromium; one per test file, closed in `after`. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
    timeout: 20_000,
  });
}

/** What a page did: every URL it requested, and every error it reported. */
export interface PageRecord {
  readonly requests: string[];
  /** Console errors, uncaught exceptions and failed requests, in order. */
  readonly errors: string[];
}

/**
 * Records a page's requests and errors from now on. Requests the page aborts on purpose (a newer
 * preview superseding an older one) are not failures.
 */
export function recordPage(page: Page): PageRecord {
  const record: PageRecord = { requests: [], errors: [] };
  page.on('request', (request) => record.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') record.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => record.errors.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'failed';
    if (failure !== 'net::ERR_ABORTED') record.errors.push(`${failure}: ${request.url()}`);
  });
  return record;
}
