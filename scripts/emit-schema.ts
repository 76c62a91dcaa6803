/**
 * Writes the GraphQL schema built from the type-graphql classes to schema/schema.graphql.
 * With --check it writes nothing and fails when the committed file differs (CI runs this).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { chartqlSchema } from '../src/graphql/schema.js';

const target = fileURLToPath(new URL('../schema/schema.graphql', import.meta.url));
const emitted = `${printSchema(chartqlSchema())}\n`;

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // A missing file is stale too.
  }
  if (committed !== emitted) {
    console.error('schema/schema.graphql is stale: run `npm run schema` and commit the result');
    process.exit(1);
  }
  console.log('schema/schema.graphql is up to date');
} else {
  writeFileSync(target, emitted);
  console.log('wrote schema/schema.graphql');
}
