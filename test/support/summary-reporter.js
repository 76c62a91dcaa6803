// @ts-check
/**
 * A node:test reporter that prints one closing line, `N passed, N failed`, counting tests and not
 * the suites that group them. It runs beside the spec reporter. Plain JavaScript: node:test loads
 * reporters before any TypeScript loader is registered.
 *
 * @param {AsyncIterable<import('node:test/reporters').TestEvent>} source
 * @returns {AsyncGenerator<string>}
 */
export default async function* summaryReporter(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let todo = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { details } = event.data;
    if (details.type === 'suite') continue;
    // A todo test documents a known gap: it is reported, and never fails the run.
    if (event.data.todo !== undefined) todo += 1;
    else if (event.type === 'test:fail') failed += 1;
    else if (event.data.skip !== undefined) skipped += 1;
    else passed += 1;
  }
  if (todo > 0) yield `\n${todo} todo: known gaps, reported above and not counted as failures\n`;
  yield `\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`;
}
