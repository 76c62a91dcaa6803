/**
 * The Dockerfile's promises, checked statically (no container engine runs where the tests do):
 * stages, pinned base images, canvas compiled outside the final stage, no dev dependencies, a
 * non-root user, the health check (run for real against the service), and a build context
 * limited to what the image needs.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { configFromEnv } from '../../src/config.js';
import { startServer } from '../support/server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

interface Stage {
  readonly name: string | undefined;
  /** The image or earlier stage it starts from, with global ARGs substituted. */
  readonly base: string;
  readonly instructions: readonly Instruction[];
}

/** Splits a Dockerfile into stages of instructions: comments dropped, continuations joined. */
function parseDockerfile(text: string): Stage[] {
  const instructions: Instruction[] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line) || (pending === '' && line.trim() === '')) continue;
    const continued = /\\\s*$/.test(line);
    pending += `${line.replace(/\\\s*$/, '').trim()} `;
    if (continued) continue;
    const match = /^(\S+)\s*(.*)$/s.exec(pending.trim());
    if (match?.[1] !== undefined) {
      instructions.push({ keyword: match[1].toUpperCase(), args: (match[2] ?? '').trim() });
    }
    pending = '';
  }
  const globalArgs = new Map<string, string>();
  const stages: { name: string | undefined; base: string; instructions: Instruction[] }[] = [];
  for (const instruction of instructions) {
    const stage = stages.at(-1);
    if (instruction.keyword === 'FROM') {
      const [image = '', as, name] = instruction.args.split(/\s+/);
      const base = image.replace(/\$\{?(\w+)\}?/g, (_, arg: string) => globalArgs.get(arg) ?? '');
      stages.push({ name: as?.toUpperCase() === 'AS' ? name : undefined, base, instructions: [] });
    } else if (stage === undefined) {
      if (instruction.keyword !== 'ARG') assert.fail(`${instruction.keyword} before any FROM`);
      const [name = '', value = ''] = instruction.args.split('=');
      globalArgs.set(name, value);
    } else {
      stage.instructions.push(instruction);
    }
  }
  return stages;
}

const stages = parseDockerfile(read('Dockerfile'));
const finalStage: Stage = stages.at(-1) ?? assert.fail('the Dockerfile has no FROM');
const stageNames = new Set(stages.map((stage) => stage.name).filter((name) => name !== undefined));

function all(stage: Stage, keyword: string): string[] {
  return stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
}

function stageNamed(name: string): Stage {
  const stage = stages.find((candidate) => candidate.name === name);
  assert.ok(stage, `no stage named ${name}`);
  return stage;
}

/** `COPY [--from=stage] source… destination` of a stage, in order. */
function copies(stage: Stage): { from: string | undefined; sources: string[]; dest: string }[] {
  return all(stage, 'COPY').map((args) => {
    const words = args.split(/\s+/);
    const from = words.find((word) => word.startsWith('--from='))?.slice('--from='.length);
    const paths = words.filter((word) => !word.startsWith('--'));
    const dest = paths.pop();
    assert.ok(dest !== undefined && paths.length > 0, `COPY ${args}`);
    return { from, sources: paths, dest };
  });
}

/** The stage that provides `path` to the final stage through `COPY --from`. */
function sourceStageOf(path: string): Stage {
  const copy = copies(finalStage).find((c) => c.from !== undefined && c.dest.includes(path));
  assert.ok(copy?.from, `the final stage copies no ${path} from another stage`);
  return stageNamed(copy.from);
}

/** Packages named by `apt-get install` in a stage. */
function aptPackages(stage: Stage): string[] {
  return all(stage, 'RUN').flatMap((run) =>
    [...run.matchAll(/apt-get install((?:\s+(?!&&)\S+)+)/g)].flatMap((match) =>
      (match[1] ?? '').split(/\s+/).filter((word) => word !== '' && !word.startsWith('-')),
    ),
  );
}

/** `ENV` of a stage as a plain environment (`KEY=value` pairs, or the old `KEY value`). */
function environment(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const args of all(stage, 'ENV')) {
    if (!args.includes('=')) {
      const [key = '', ...value] = args.split(/\s+/);
      env[key] = value.join(' ');
      continue;
    }
    for (const pair of args.split(/\s+/)) {
      const [key = '', value = ''] = pair.split('=');
      env[key] = value.replace(/^"(.*)"$/, '$1');
    }
  }
  return env;
}

/** The exec-form command of `CMD` or `HEALTHCHECK … CMD`. */
function execForm(args: string): string[] {
  const json = args.slice(args.indexOf('['));
  const parsed: unknown = JSON.parse(json);
  assert.ok(
    Array.isArray(parsed) && parsed.every((word) => typeof word === 'string'),
    `not an exec-form command: ${args}`,
  );
  return parsed;
}

describe('Dockerfile', () => {
  test('is multi-stage, and every base image is a pinned Node 24 slim image, never latest', () => {
    assert.ok(stages.length >= 2, 'one stage only');
    for (const stage of stages) {
      if (stageNames.has(stage.base)) continue;
      assert.match(
        stage.base,
        /^node:24(\.\d+){0,2}-(trixie|bookworm)-slim(@sha256:[0-9a-f]{64})?$/,
        `base image ${stage.base}`,
      );
    }
    const images = [
      ...stages.map((stage) => stage.base),
      ...stages.flatMap((stage) => copies(stage).map((copy) => copy.from ?? '')),
    ].filter((image) => image !== '' && !stageNames.has(image));
    for (const image of images) {
      assert.doesNotMatch(image, /:latest\b/, image);
      assert.match(image, /:[^/]+$|@sha256:/, `${image} has no tag`);
    }
  });

  test('compiles canvas from source outside the final stage, on the final base image', () => {
    const deps = sourceStageOf('node_modules');
    assert.notEqual(deps, finalStage);
    assert.ok(
      all(deps, 'RUN').some((run) => /npm_config_build_from_source=true\s+npm ci\b/.test(run)),
      'node_modules are not installed with canvas built from source',
    );
    const buildPackages = aptPackages(deps);
    for (const name of ['python3', 'g++', 'make', 'pkg-config', 'libcairo2-dev']) {
      assert.ok(buildPackages.includes(name), `${name} is not installed to compile canvas`);
    }
    // The addon is linked against the libraries and Node of the image it was compiled in.
    assert.equal(deps.base, finalStage.base);
  });

  test('installs only runtime libraries and fonts in the final stage', () => {
    const packages = aptPackages(finalStage);
    const expected = [
      'libcairo2',
      'libpango-1.0-0',
      'libpangocairo-1.0-0',
      'libjpeg62-turbo',
      'libgif7',
      'librsvg2-2',
      'fonts-noto-cjk',
      'fonts-noto-color-emoji',
    ];
    for (const name of expected) assert.ok(packages.includes(name), `${name} is not installed`);
    for (const name of packages) {
      assert.doesNotMatch(name, /-dev$|^(g\+\+|gcc|make|python3|pkg-config|build-essential)$/);
    }
  });

  test('copies production dependencies only, and installs nothing in the final stage', () => {
    const deps = sourceStageOf('node_modules');
    const installs = all(deps, 'RUN').filter((run) => /\bnpm (ci|install|i|prune)\b/.test(run));
    assert.ok(installs.length > 0, 'the node_modules stage installs nothing');
    const last = installs.at(-1) ?? '';
    assert.match(last, /--omit=dev\b/, `the last install keeps dev dependencies: ${last}`);
    assert.doesNotMatch(installs.join('\n'), /--include=dev|--production=false/);
    assert.deepEqual(
      all(finalStage, 'RUN').filter((run) => /\b(npm|npx|yarn|pnpm)\b/.test(run)),
      [],
    );
    for (const copy of copies(finalStage)) {
      assert.ok(!copy.sources.includes('.'), 'the final stage copies the whole build context');
    }
  });

  test('copies the compiled service, its assets and package.json into the final stage', () => {
    const build = sourceStageOf('dist');
    assert.ok(all(build, 'RUN').some((run) => /\bnpm run build\b/.test(run)));
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> })
      .scripts;
    assert.equal(scripts['build'], 'tsc -p tsconfig.build.json');
    const tsconfig = JSON.parse(read('tsconfig.build.json')) as {
      compilerOptions: { rootDir: string; outDir: string };
    };
    assert.equal(tsconfig.compilerOptions.rootDir, 'src');
    assert.equal(tsconfig.compilerOptions.outDir, 'dist');
    const copied = copies(build).flatMap((copy) => copy.sources);
    for (const path of ['tsconfig.json', 'tsconfig.build.json', 'src']) {
      assert.ok(copied.includes(path), `the build stage does not copy ${path}`);
    }
    // The entry point and the render processes' entry point, as compiled from src/.
    for (const path of ['src/main.ts', 'src/render/renderChild.ts']) {
      assert.ok(existsSync(join(ROOT, path)), path);
    }
    const fromContext = copies(finalStage)
      .filter((copy) => copy.from === undefined)
      .flatMap((copy) => copy.sources);
    assert.ok(fromContext.includes('package.json'), 'package.json ("type": "module") is missing');
    assert.ok(fromContext.includes('assets'), 'assets/ (fonts) are missing');
  });

  test('runs as a non-root user, by number', () => {
    const users = all(finalStage, 'USER');
    const user = users.at(-1);
    assert.ok(user, 'the final stage sets no USER, so it runs as root');
    const [uid = ''] = user.split(':');
    assert.match(uid, /^\d+$/, 'a user name cannot be checked by runAsNonRoot');
    assert.notEqual(Number(uid), 0);
    const keywords = finalStage.instructions.map((i) => i.keyword);
    assert.ok(keywords.lastIndexOf('USER') < keywords.lastIndexOf('CMD'));
  });

  test('listens on all interfaces in production mode, on the port it exposes', () => {
    const env = environment(finalStage);
    const config = configFromEnv(env);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.production, true);
    assert.deepEqual(all(finalStage, 'EXPOSE'), [String(config.port)]);
  });

  test('starts node on dist/main.js directly, so node itself gets SIGTERM', () => {
    const cmd = all(finalStage, 'CMD');
    assert.equal(cmd.length, 1);
    assert.deepEqual(execForm(cmd[0] ?? ''), ['node', 'dist/main.js']);
    assert.deepEqual(all(finalStage, 'ENTRYPOINT'), []);
    assert.deepEqual(all(finalStage, 'WORKDIR'), ['/app']);
  });

  test('health check passes while the service answers /healthz, and fails when it does not', async () => {
    const checks = all(finalStage, 'HEALTHCHECK');
    assert.equal(checks.length, 1);
    const [program, ...args] = execForm(checks[0] ?? '');
    assert.equal(program, 'node');
    assert.match(args.join(' '), /\/healthz\b/);
    const run = async (port: string) => {
      try {
        await promisify(execFile)(process.execPath, args, {
          env: { ...process.env, PORT: port },
          timeout: 10_000,
        });
        return 0;
      } catch (error) {
        return (error as { code?: number }).code;
      }
    };
    const server = await startServer({ renderWorkers: 1 });
    const { port } = new URL(server.url);
    try {
      assert.equal(await run(port), 0);
    } finally {
      await server.close();
    }
    assert.equal(await run(port), 1);
  });
});

/** Whether Docker leaves `path` out of the build context: the last matching pattern decides. */
function dockerIgnores(patterns: readonly string[], path: string): boolean {
  let ignored = false;
  for (const line of patterns) {
    const negated = line.startsWith('!');
    const glob = (negated ? line.slice(1) : line).replace(/^\/+|\/+$/g, '');
    const source = glob
      .split('**')
      .map((part) =>
        part
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '[^/]*')
          .replace(/\?/g, '[^/]'),
      )
      .join('.*');
    const pattern = new RegExp(`^${source}(/.*)?$`);
    if (pattern.test(path)) ignored = !negated;
  }
  return ignored;
}

/**
 * Every Dockerfile built from the repository's root (this one, and others under deploy/ such as
 * the Lambda image's), with the ignore patterns that apply to it: its own `<name>.dockerignore`
 * beside it if it has one, else the root's `.dockerignore`.
 */
const rootContextBuilds = [
  'Dockerfile',
  ...readdirSync(join(ROOT, 'deploy'), { recursive: true, encoding: 'utf8' })
    .filter((path) => /(^|\/)Dockerfile$/.test(path))
    .map((path) => join('deploy', path)),
].map((dockerfile) => {
  const own = `${dockerfile}.dockerignore`;
  const ignoreFile = existsSync(join(ROOT, own)) ? own : '.dockerignore';
  const patterns = read(ignoreFile)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const sources = parseDockerfile(read(dockerfile)).flatMap((stage) =>
    copies(stage)
      .filter((copy) => copy.from === undefined)
      .flatMap((copy) => copy.sources),
  );
  return { dockerfile, ignoreFile, patterns, sources };
});

describe('.dockerignore', () => {
  test('keeps every file each Dockerfile copies from the build context', () => {
    for (const { dockerfile, ignoreFile, patterns, sources } of rootContextBuilds) {
      for (const source of sources) {
        const files = statSync(join(ROOT, source)).isDirectory()
          ? readdirSync(join(ROOT, source), { recursive: true, withFileTypes: true })
              .filter((entry) => entry.isFile())
              .map((entry) => join(entry.parentPath, entry.name).slice(ROOT.length))
          : [source];
        assert.ok(files.length > 0, source);
        for (const file of files) {
          assert.equal(
            dockerIgnores(patterns, file),
            false,
            `${ignoreFile} drops ${file}, which ${dockerfile} copies`,
          );
        }
      }
    }
  });

  test('leaves out everything else: dependencies, builds, tests, history, stray secrets', () => {
    const sharing = rootContextBuilds.filter((build) => build.ignoreFile === '.dockerignore');
    const { patterns } = sharing[0] ?? assert.fail('no Dockerfile uses .dockerignore');
    const sources = sharing.flatMap((build) => build.sources);
    const others = [...readdirSync(ROOT), '.env', 'node_modules/canvas/package.json'].filter(
      (entry) => !sources.includes(entry) && entry !== 'Dockerfile',
    );
    assert.ok(others.includes('node_modules') && others.includes('.git'));
    for (const entry of others) assert.equal(dockerIgnores(patterns, entry), true, entry);
  });
});
