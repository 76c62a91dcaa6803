/**
 * docs/deployment.md's configuration reference against src/config.ts: every environment variable
 * the service reads is documented, nothing else is, and each documented default is the real one —
 * setting a variable to its documented default must give the same configuration as leaving it
 * unset.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { describe, test } from 'node:test';
import { configVariables } from '../support/configVariables.js';
import { configFromEnv } from '../../src/config.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

interface Row {
  readonly name: string;
  readonly defaultCell: string;
}

/** The rows of the table under "## Configuration reference". */
function referenceRows(): Row[] {
  const markdown = read('docs/deployment.md');
  const start = markdown.indexOf('\n## Configuration reference\n');
  assert.notEqual(start, -1, 'docs/deployment.md has no "## Configuration reference"');
  const section = markdown.slice(start + 1).split(/\n## /)[0] ?? '';
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    )
    .slice(2); // the header and the separator
  assert.ok(rows.length > 0, 'the configuration reference has no rows');
  return rows.map(([nameCell = '', defaultCell = '']) => {
    const name = /^`([A-Z][A-Z0-9_]*)`$/.exec(nameCell)?.[1];
    assert.ok(name, `not a variable name: ${nameCell}`);
    return { name, defaultCell };
  });
}

/**
 * What to set a variable to for its documented default: a code literal as written, or the value
 * a documented phrase stands for.
 */
function defaultValue({ name, defaultCell }: Row): string {
  const literal = /^`([^`]+)`$/.exec(defaultCell)?.[1];
  if (literal !== undefined) return literal;
  if (defaultCell === 'unset') return '';
  if (defaultCell === 'one per core') return String(availableParallelism());
  assert.fail(`${name}: the default must be a \`value\`, "unset" or "one per core"`);
}

describe('configuration reference (docs/deployment.md)', () => {
  const rows = referenceRows();
  const documented = rows.map((row) => row.name);
  const readByService = configVariables();

  test('documents every environment variable the service reads, including NODE_ENV', () => {
    assert.ok(
      readByService.has('NODE_ENV') && readByService.has('PORT'),
      'the recording missed variables',
    );
    const missing = [...readByService].filter((name) => !documented.includes(name));
    assert.deepEqual(missing, [], `undocumented: ${missing.join(', ')}`);
  });

  test('documents no variable the service does not read, and each once', () => {
    assert.deepEqual(
      documented.filter((name) => !readByService.has(name)),
      [],
    );
    assert.equal(new Set(documented).size, documented.length, 'a variable is documented twice');
  });

  test('each documented default is the real one', () => {
    const unset = configFromEnv({});
    for (const row of rows) {
      const value = defaultValue(row);
      assert.deepEqual(
        configFromEnv({ [row.name]: value }),
        unset,
        `${row.name}=${value} is documented as the default but changes the configuration`,
      );
    }
  });
});
