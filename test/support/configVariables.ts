import { readFileSync } from 'node:fs';
import { configFromEnv } from '../../src/config.js';

/**
 * The environment variable names the service's configuration reads: those `configFromEnv` asks a
 * recording environment for, plus any its source names (a variable read only when another is
 * set would escape the recording).
 */
export function configVariables(): Set<string> {
  const names = new Set<string>();
  configFromEnv(
    new Proxy<NodeJS.ProcessEnv>(
      {},
      {
        get(_target, key) {
          if (typeof key === 'string') names.add(key);
          return undefined;
        },
      },
    ),
  );
  const source = readFileSync(new URL('../../src/config.ts', import.meta.url), 'utf8');
  for (const match of source.matchAll(/\benv(?:\[|, )'([A-Z][A-Z0-9_]*)'/g)) {
    if (match[1] !== undefined) names.add(match[1]);
  }
  return names;
}
