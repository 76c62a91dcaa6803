/**
 * The playground page in headless Chromium against the whole service: it loads with no errors and
 * no request leaving 127.0.0.1, previews through REST and GraphQL, reads pasted data, names bad
 * values without requesting anything, shows the service's own errors, copies snippets that work
 * outside the browser, and can be used with the keyboard alone. Screenshots go to test/output/.
 * The tests share one page and run in order.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PNG } from 'pngjs';
import { launchChromium, recordPage, type PageRecord } from '../support/browser.js';
import { decodePng } from '../support/png.js';
import { postGraphQL, startServer, type TestServer } from '../support/server.js';

const OUTPUT_DIR = fileURLToPath(new URL('../output/', import.meta.url));
const SCHEMA_FILE = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));
/** Longest wait for one preview: debounce, a render, and a loaded image. */
const RENDER_TIMEOUT_MS = 15_000;
const TEST_TIMEOUT = { timeout: 30_000 };

const DICE = [1, 1, 2, 2, 2, 3, 3, 3, 3, 5, 6, 4, 5, 3, 2, 6, 6, 6, 5, 4];
const TITLE = 'Outcome of 20 dice rolls';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let record: PageRecord;

before(async () => {
  server = await startServer({ renderWorkers: 1 });
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  record = recordPage(page);
});

after(async () => {
  await browser.close();
  await server.close();
});

/** How many previews the page has finished; each one bumps `data-rendered` on `<main>`. */
async function renderedCount(): Promise<number> {
  return Number(await page.locator('#main').getAttribute('data-rendered'));
}

/** Waits until the page has finished a preview after the `previous`th. */
async function waitForRender(previous: number): Promise<void> {
  await page.waitForFunction(
    (count) => {
      const main = document.getElementById('main');
      return main?.dataset['state'] === 'ready' && Number(main.dataset['rendered']) > count;
    },
    previous,
    { timeout: RENDER_TIMEOUT_MS },
  );
}

/** Replaces a field's text as a paste would, and waits for the preview it causes. */
async function fillAndRender(selector: string, text: string): Promise<void> {
  const previous = await renderedCount();
  await page.locator(selector).fill(text);
  await waitForRender(previous);
}

/** The pixels of the chart the page shows, at the image's own size. */
async function displayedPixels(): Promise<PNG> {
  const dataUrl = await page.evaluate(() => {
    const image = document.getElementById('chart') as HTMLImageElement;
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    canvas.getContext('2d')?.drawImage(image, 0, 0);
    return canvas.toDataURL('image/png');
  });
  return decodePng(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
}

/** Every value cell of the statistics tables, by its `data-field`. */
async function shownNumbers(): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('#numbers [data-field]')].map((cell) => [
        cell.dataset['field'] ?? '',
        cell.textContent,
      ]),
    ),
  );
}

/** A GraphQL answer flattened to the page's `data-field` names, numbers as the page shows them. */
function expectedCells(figures: Record<string, unknown>, prefix = ''): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [key, value] of Object.entries(figures)) {
    const field = `${prefix}${key}`;
    if (value !== null && typeof value === 'object') {
      Object.assign(cells, expectedCells(value as Record<string, unknown>, `${field}.`));
    } else {
      cells[field] = value === null ? '—' : scalarText(value);
    }
  }
  return cells;
}

function scalarText(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    return String(value);
  }
  throw new Error(`unexpected value in a GraphQL answer: ${typeof value}`);
}

interface HistogramFigures {
  histogram: {
    image: { altText: string };
    stats: Record<string, number | null>;
    binning: Record<string, unknown>;
    dataQuality: Record<string, number>;
    bins: Record<string, number>[];
  };
}

/** The test's own GraphQL query: what the page's table must show for these values. */
async function histogramFigures(data: number[], title = TITLE) {
  const { status, body } = await postGraphQL<HistogramFigures>(
    server.url,
    `query ($data: [Float!], $title: String) {
      histogram(data: $data, title: $title, xlabel: "Outcome", ylabel: "Frequency") {
        image { altText }
        stats { count sum min max mean median q1 q3 iqr variance stddev skewness kurtosis }
        binning { rule binCount binWidth }
        dataQuality { given used excluded }
        bins { lower upper count density cumulativeCount }
      }
    }`,
    { data, title },
  );
  assert.equal(status, 200, JSON.stringify(body.errors));
  assert.ok(body.data);
  const { image, ...numbers } = body.data.histogram;
  return { altText: image.altText, cells: expectedCells(numbers) };
}

/** Reads what a copy button put on the clipboard. */
async function copied(buttonName: string): Promise<string> {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.getByRole('button', { name: buttonName, exact: true }).click();
  await page.waitForFunction(async () => (await navigator.clipboard.readText()) !== '', undefined, {
    timeout: 5_000,
  });
  return page.evaluate(() => navigator.clipboard.readText());
}

/** WCAG's relative luminance of a CSS `rgb(…)` colour. */
function relativeLuminance(colour: string): number {
  const [r = 0, g = 0, b = 0] = (colour.match(/\d+(\.\d+)?/g) ?? []).map((channel) => {
    const c = Number(channel) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function hostsOf(urls: readonly string[]): Set<string> {
  return new Set(urls.map((url) => new URL(url).hostname));
}

describe('the playground over HTTP', () => {
  test('GET / answers the page with a strict policy and revalidation', TEST_TIMEOUT, async () => {
    const response = await fetch(`${server.url}/`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    const policy = response.headers.get('content-security-policy') ?? '';
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /script-src 'self'(;|$)/);
    assert.match(policy, /style-src 'self'(;|$)/);
    assert.doesNotMatch(policy, /unsafe|https?:|\*/);
    const etag = response.headers.get('etag');
    assert.match(etag ?? '', /^"[\w-]+"$/);
    const html = await response.text();
    assert.match(html, /<title>chartql playground<\/title>/);
    assert.doesNotMatch(html, /<script>|<style|\sstyle=|\son[a-z]+=|https?:\/\//);

    const again = await fetch(`${server.url}/`, { headers: { 'if-none-match': etag ?? '' } });
    assert.equal(again.status, 304);
    const head = await fetch(`${server.url}/`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    const post = await fetch(`${server.url}/`, { method: 'POST' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');

    // Every file the page refers to is the service's own and answers with its type.
    const references = [...html.matchAll(/(?:src|href)="(\/playground\/[^"]+)"/g)].map(
      (match) => match[1] ?? '',
    );
    assert.ok(references.length >= 5, references.join(' '));
    const types: Record<string, RegExp> = {
      js: /^text\/javascript/,
      css: /^text\/css/,
      svg: /^image\/svg\+xml/,
      md: /^text\/plain/,
      graphql: /^text\/plain/,
    };
    for (const path of references) {
      const asset = await fetch(`${server.url}${path}`);
      assert.equal(asset.status, 200, path);
      const extension = path.split('.').pop() ?? '';
      assert.match(asset.headers.get('content-type') ?? '', types[extension] ?? /^$/, path);
      assert.ok(asset.headers.get('etag'), path);
      await asset.arrayBuffer();
    }
    const schema = await fetch(`${server.url}/playground/schema.graphql`);
    assert.equal(await schema.text(), readFileSync(SCHEMA_FILE, 'utf8'));
    for (const missing of [
      '/playground/nope.js',
      '/playground/index.html',
      '/playground/..%2Fpackage.json',
    ]) {
      const answer = await fetch(`${server.url}${missing}`);
      assert.equal(answer.status, 404, missing);
      assert.equal(((await answer.json()) as { error: { code: string } }).error.code, 'NOT_FOUND');
    }
  });
});

describe('the playground page', () => {
  test(
    'loads with no errors, no request leaving 127.0.0.1, and a first preview',
    TEST_TIMEOUT,
    async () => {
      await page.goto(`${server.url}/`, { waitUntil: 'load', timeout: 10_000 });
      await waitForRender(0);
      const image = page.locator('#chart');
      assert.equal(await image.isVisible(), true);
      const expected = await histogramFigures(DICE);
      assert.equal(await image.getAttribute('alt'), expected.altText);
      assert.deepEqual(await shownNumbers(), expected.cells);
      const pixels = await displayedPixels();
      assert.deepEqual([pixels.width, pixels.height], [800, 600]);

      mkdirSync(OUTPUT_DIR, { recursive: true });
      await page.screenshot({ path: `${OUTPUT_DIR}playground.png`, fullPage: true });
      assert.deepEqual(record.errors, []);
      assert.ok(record.requests.some((url) => new URL(url).pathname === '/histogram'));
      assert.ok(record.requests.some((url) => new URL(url).pathname === '/graphql'));
      assert.deepEqual(hostsOf(record.requests), new Set(['127.0.0.1']));
    },
  );

  test('reads numbers as people paste them', TEST_TIMEOUT, async () => {
    type Parsed = { values?: number[]; error?: string };
    const parse = (text: string) =>
      page.evaluate(
        async ([path, input]) => {
          // The page's own module, as the browser runs it.
          const module = (await import(path)) as { parseNumbers(text: string): Parsed };
          return module.parseNumbers(input);
        },
        ['/playground/parse.js', text] as const,
      );
    assert.deepEqual(await parse('1, 2,3  4\t5\n6\r\n7\n'), { values: [1, 2, 3, 4, 5, 6, 7] });
    assert.deepEqual(await parse('12.5\r\n-3e2\r\n\r\n.5\r\n+7\r\n'), {
      values: [12.5, -300, 0.5, 7],
    });
    assert.deepEqual(await parse('\u22121.5\u00a02'), { values: [-1.5, 2] });
    assert.deepEqual(await parse('1, 2, abc, 4'), { error: '"abc" (value 3) is not a number' });
    assert.deepEqual(await parse('Height\n170\n182'), {
      error: '"Height" (value 1) is not a number',
    });
    assert.deepEqual(await parse('1, 0x10'), { error: '"0x10" (value 2) is not a number' });
    assert.deepEqual(await parse('1e999'), { error: '"1e999" (value 1) is too large' });
    assert.deepEqual(await parse(' \n, '), { error: 'Enter at least one number.' });
  });

  test('pasting data redraws the image and the statistics', TEST_TIMEOUT, async () => {
    const before = await displayedPixels();
    const column = [12.5, 13.1, 9.75, 11, 14.2, 10.4, 12.9, 13.3, 8.6, 11.8];
    // A column copied from a spreadsheet: one value a line, Windows line ends.
    await fillAndRender('#data', `${column.join('\r\n')}\r\n`);
    const after = await displayedPixels();
    assert.deepEqual([after.width, after.height], [before.width, before.height]);
    let changed = 0;
    for (let i = 0; i < after.data.length; i += 4) {
      if (after.data.readUInt32BE(i) !== before.data.readUInt32BE(i)) changed += 1;
    }
    assert.ok(changed > after.width * after.height * 0.01, `only ${changed} pixels changed`);
    const expected = await histogramFigures(column);
    assert.deepEqual(await shownNumbers(), expected.cells);
    assert.equal(await page.locator('#chart').getAttribute('alt'), expected.altText);
    assert.equal(await page.locator('#data-message').textContent(), '10 values');
    const imageUrl = new URL((await page.locator('#chart').getAttribute('src')) ?? '', server.url);
    assert.equal(imageUrl.pathname, '/histogram');
    assert.equal(imageUrl.searchParams.get('data'), column.join(','));
  });

  test('a bad value is named inline and nothing is requested', TEST_TIMEOUT, async () => {
    const requestsBefore = record.requests.length;
    await page.locator('#data').fill('1, 2, abc, 4');
    const message = page.locator('#data-message');
    await page.waitForFunction(
      () => document.getElementById('main')?.dataset['state'] === 'invalid',
      undefined,
      { timeout: 5_000 },
    );
    assert.equal(await message.textContent(), '"abc" (value 3) is not a number');
    assert.equal(await page.locator('#data').getAttribute('aria-invalid'), 'true');
    assert.match((await page.locator('#preview-status').textContent()) ?? '', /Fix “Values”/);
    // Long past the debounce: still nothing asked of the service.
    await page.waitForTimeout(600);
    assert.deepEqual(record.requests.slice(requestsBefore), []);
    // The last good chart stays, dimmed: a loaded image, never a broken one.
    assert.equal(
      await page.evaluate(() => {
        const image = document.getElementById('chart') as HTMLImageElement;
        return image.complete && image.naturalWidth > 0;
      }),
      true,
    );
    await fillAndRender('#data', DICE.join(', '));
    assert.equal(await message.textContent(), '20 values');
    assert.equal(await page.locator('#data').getAttribute('aria-invalid'), null);
    assert.deepEqual(record.errors, []);
  });

  test(
    "the service's own message is shown for what the page does not check",
    TEST_TIMEOUT,
    async () => {
      const tooMany = Array.from({ length: 100_001 }, (_, i) => i % 97);
      const refused = await postGraphQL(
        server.url,
        'query ($data: [Float!]) { histogram(data: $data) { counts } }',
        {
          data: tooMany,
        },
      );
      const serviceMessage = refused.body.errors?.[0]?.message ?? '';
      assert.match(serviceMessage, /100000/);
      const errorsBefore = record.errors.length;
      const rendered = await renderedCount();
      await page.locator('#data').fill(tooMany.join(' '));
      await page.waitForFunction(
        () => document.getElementById('main')?.dataset['state'] === 'error',
        undefined,
        { timeout: RENDER_TIMEOUT_MS },
      );
      assert.equal(
        await page.locator('#preview-status').textContent(),
        `The service refused this chart: ${serviceMessage}`,
      );
      assert.equal(await page.locator('#data-message').textContent(), '100001 values');
      assert.equal(await renderedCount(), rendered);
      const image = await page.evaluate(() => {
        const element = document.getElementById('chart') as HTMLImageElement;
        return { loaded: element.complete && element.naturalWidth > 0, src: element.src };
      });
      assert.equal(image.loaded, true);
      assert.equal(new URL(image.src).searchParams.get('data'), DICE.join(','));
      // Chromium reports the refused request itself; the page adds nothing of its own.
      for (const error of record.errors.slice(errorsBefore)) {
        assert.match(error, /^console: Failed to load resource: .* 400 \(Bad Request\)$/);
      }
      record.errors.splice(errorsBefore);
      await fillAndRender('#data', DICE.join(', '));
    },
  );

  test('the copied snippets work outside the browser', TEST_TIMEOUT, async (t) => {
    const shown = await page.evaluate(() => {
      const image = document.getElementById('chart') as HTMLImageElement;
      return { src: image.currentSrc, alt: image.alt };
    });

    const tag = await copied('Copy <img> tag');
    const match = /^<img src="([^"]+)" alt="([^"]+)" width="800" height="600">$/.exec(tag);
    assert.ok(match, tag);
    const unescape = (text: string) =>
      text
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    const src = unescape(match[1] ?? '');
    assert.equal(src, shown.src);
    assert.equal(unescape(match[2] ?? ''), shown.alt);
    assert.equal(await copied('Copy REST URL'), src);

    // Opened directly, the URL gives the PNG the page shows, pixel for pixel.
    const response = await fetch(src);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/png');
    const fetched = decodePng(Buffer.from(await response.arrayBuffer()));
    const displayed = await displayedPixels();
    assert.deepEqual([fetched.width, fetched.height], [displayed.width, displayed.height]);
    assert.ok(fetched.data.equals(displayed.data), 'the copied URL draws a different image');

    const expected = await histogramFigures(DICE);
    const query = await copied('Copy GraphQL query');
    const variables = JSON.parse(await copied('Copy GraphQL variables')) as Record<string, unknown>;
    assert.deepEqual(variables.data, DICE);
    const answer = await postGraphQL<{ histogram: Record<string, unknown> }>(
      server.url,
      query,
      variables,
    );
    assert.equal(answer.status, 200, JSON.stringify(answer.body.errors));
    const { image, ...numbers } = answer.body.data?.histogram ?? {};
    assert.equal((image as { altText?: string } | undefined)?.altText, expected.altText);
    assert.deepEqual(expectedCells(numbers), expected.cells);

    const curl = await copied('Copy curl command');
    assert.match(curl, /^curl -s 'http:\/\/127\.0\.0\.1:\d+\/graphql' /);
    if (existsSync('/usr/bin/curl')) {
      const { stdout } = await promisify(execFile)('sh', ['-c', curl], { timeout: 10_000 });
      const body = JSON.parse(stdout) as { data: { histogram: { stats: unknown } } };
      assert.deepEqual(body.data.histogram.stats, (numbers as { stats?: unknown }).stats);
    } else {
      t.diagnostic('curl is not installed: the copied command was checked but not run');
    }
    assert.equal(await page.locator('#copy-status').textContent(), 'Copied the curl command.');
  });

  test('scatter and pie charts preview through their own routes', TEST_TIMEOUT, async () => {
    for (const type of ['scatter', 'pie'] as const) {
      const previous = await renderedCount();
      await page.locator('#chart-type').selectOption(type);
      await waitForRender(previous);
      const src = (await page.locator('#chart').getAttribute('src')) ?? '';
      assert.equal(new URL(src, server.url).pathname, `/${type}`);
      const shown = await shownNumbers();
      if (type === 'scatter') {
        const { body } = await postGraphQL<{ scatter: { stats: Record<string, unknown> } }>(
          server.url,
          'query ($x: [Float!], $y: [Float!]) { scatter(x: $x, y: $y) { stats { n pearson spearman slope intercept rSquared } } }',
          { x: [1, 2, 3, 4, 5], y: [2.1, 3.9, 6.2, 7.8, 10.1] },
        );
        assert.deepEqual(shown, expectedCells({ stats: body.data?.scatter.stats }));
      } else {
        assert.deepEqual(shown, {
          'slices.0.label': 'Apples',
          'slices.0.value': '5',
          'slices.0.fraction': '0.5',
          'slices.1.label': 'Pears',
          'slices.1.value': '3',
          'slices.1.fraction': '0.3',
          'slices.2.label': 'Plums',
          'slices.2.value': '2',
          'slices.2.fraction': '0.2',
        });
      }
      assert.match((await page.locator('#chart').getAttribute('alt')) ?? '', /\w/);
    }
    // A label with a comma survives the REST list's escaping.
    await fillAndRender('#labels', 'Apples, red\nPears\nPlums');
    assert.equal((await shownNumbers())['slices.0.label'], 'Apples, red');
    const previous = await renderedCount();
    await page.locator('#chart-type').selectOption('histogram');
    await waitForRender(previous);
    assert.equal(await page.locator('#title').inputValue(), TITLE);
    assert.deepEqual(record.errors, []);
  });

  test('SVG images and the dark chart theme preview too', TEST_TIMEOUT, async () => {
    const showing = (format: string, theme: string) =>
      page.waitForFunction(
        ([format, theme]) => {
          const main = document.getElementById('main');
          const image = document.getElementById('chart') as HTMLImageElement;
          const query = new URL(image.src).searchParams;
          return (
            main?.dataset['state'] === 'ready' &&
            (query.get('format') ?? 'png') === format &&
            (query.get('theme') ?? 'light') === theme &&
            image.complete &&
            image.naturalWidth > 0
          );
        },
        [format, theme] as const,
        { timeout: RENDER_TIMEOUT_MS },
      );
    await page.locator('#format').selectOption('SVG');
    await page.locator('#theme').selectOption('DARK');
    await showing('svg', 'dark');
    const src = await page.evaluate(
      () => (document.getElementById('chart') as HTMLImageElement).src,
    );
    const response = await fetch(src);
    assert.equal(response.headers.get('content-type'), 'image/svg+xml');
    const svg = await response.text();
    const alt = (await page.locator('#chart').getAttribute('alt')) ?? '';
    assert.ok(
      svg.includes(`<desc>${alt.replace(/"/g, '&quot;')}</desc>`),
      'the SVG carries the alt text',
    );
    assert.match(
      (await page.locator('#snippet-variables').textContent()) ?? '',
      /"format": "SVG",\s+"theme": "DARK"/,
    );
    await page.locator('#format').selectOption('PNG');
    await page.locator('#theme').selectOption('LIGHT');
    await showing('png', 'light');
    assert.deepEqual(record.errors, []);
  });

  test('the keyboard alone reaches every control and works them', TEST_TIMEOUT, async () => {
    // Bin count shows its own field, so there is one more control to reach.
    let previous = await renderedCount();
    await page.locator('#bins-rule').selectOption('count');
    await waitForRender(previous);
    const controls = await page.evaluate(() => {
      const focusable = [
        ...document.querySelectorAll<HTMLElement>(
          'a[href], button, input, select, textarea, [tabindex="0"]',
        ),
      ].filter((element) => element.checkVisibility() && !element.matches(':disabled'));
      focusable.forEach((element, index) => (element.dataset['key'] = String(index)));
      (document.activeElement as HTMLElement | null)?.blur();
      return focusable.map((element) => element.id || element.textContent.trim().slice(0, 30));
    });
    assert.ok(controls.length > 25, controls.join(', '));
    const reached = new Set<string>();
    for (let i = 0; i < controls.length + 3; i++) {
      await page.keyboard.press('Tab');
      const key = await page.evaluate(
        () => (document.activeElement as HTMLElement | null)?.dataset['key'],
      );
      if (key !== undefined) reached.add(key);
    }
    const missed = controls.filter((_, index) => !reached.has(String(index)));
    assert.deepEqual(missed, []);

    // Typing a bin count and choosing a chart type with the arrow keys both redraw.
    previous = await renderedCount();
    await page.locator('#bins-count').focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('4');
    await waitForRender(previous);
    await page.waitForFunction(
      () => document.querySelector('[data-field="binning.binCount"]')?.textContent === '4',
      undefined,
      { timeout: RENDER_TIMEOUT_MS },
    );
    previous = await renderedCount();
    await page.locator('#chart-type').focus();
    await page.keyboard.press('ArrowDown');
    await waitForRender(previous);
    assert.equal(await page.locator('#chart-type').inputValue(), 'scatter');
    previous = await renderedCount();
    await page.keyboard.press('ArrowUp');
    await waitForRender(previous);

    // A copy button works with Enter.
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.getByRole('button', { name: 'Copy REST URL' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      async () => (await navigator.clipboard.readText()) !== '',
      undefined,
      {
        timeout: 5_000,
      },
    );
    const url = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(url, /\/histogram\?data=1,1,2,.*&bins=4/);
    assert.deepEqual(record.errors, []);
  });

  test('is readable in a dark colour scheme', TEST_TIMEOUT, async () => {
    const contrast = async () => {
      const colours = await page.evaluate(() => {
        const style = getComputedStyle(document.body);
        return [style.backgroundColor, style.color] as const;
      });
      const [background, text] = colours.map(relativeLuminance) as [number, number];
      const ratio = (Math.max(background, text) + 0.05) / (Math.min(background, text) + 0.05);
      return { colours, background, ratio };
    };
    const light = await contrast();
    assert.ok(light.background > 0.9 && light.ratio >= 7, JSON.stringify(light));
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await contrast();
    assert.ok(dark.background < 0.05 && dark.ratio >= 7, JSON.stringify(dark));
    await page.screenshot({ path: `${OUTPUT_DIR}playground-dark.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    assert.deepEqual(record.errors, []);
    assert.deepEqual(hostsOf(record.requests), new Set(['127.0.0.1']));
  });
});
