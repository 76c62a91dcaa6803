/**
 * The Kubernetes manifests in deploy/kubernetes/: every file parses, the objects refer to each
 * other correctly, the probes point at routes the service really answers (the app is started
 * and asked), ports and environment agree with the service's configuration, resources follow
 * the measured figures, and the termination grace covers the graceful shutdown.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { configVariables } from '../support/configVariables.js';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { DEFAULT_CONFIG, configFromEnv } from '../../src/config.js';
import { startServer } from '../support/server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIR = 'deploy/kubernetes';
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Just the fields these tests read; everything is optional, as in a manifest. */
interface Manifest {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; labels?: Labels; annotations?: Labels };
  spec?: Spec;
  resources?: string[];
}
type Labels = Record<string, unknown>;
interface Spec {
  replicas?: number;
  selector?: { matchLabels?: Labels } & Labels;
  template?: { metadata?: { labels?: Labels; annotations?: Labels }; spec?: PodSpec };
  ports?: { name?: string; port?: number; targetPort?: number | string }[];
  scaleTargetRef?: { apiVersion?: string; kind?: string; name?: string };
  minReplicas?: number;
  maxReplicas?: number;
  metrics?: {
    type?: string;
    resource?: { name?: string; target?: { type?: string; averageUtilization?: number } };
  }[];
  minAvailable?: number | string;
  maxUnavailable?: number | string;
}
interface PodSpec {
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  containers?: Container[];
}
interface Probe {
  httpGet?: { path?: string; port?: number | string };
}
interface Container {
  name?: string;
  image?: string;
  ports?: { name?: string; containerPort?: number }[];
  env?: { name?: string; value?: unknown; valueFrom?: unknown }[];
  resources?: {
    requests?: { cpu?: string; memory?: string };
    limits?: { cpu?: string; memory?: string };
  };
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: {
    preStop?: { sleep?: { seconds?: number }; exec?: { command?: string[] } };
  };
}

const files = readdirSync(join(ROOT, DIR)).filter((file) => /\.ya?ml$/.test(file));

/** Every document of every manifest file, parsed; YAML errors fail here, naming the file. */
const manifests = files.flatMap((file) =>
  parseAllDocuments(read(join(DIR, file))).map((document) => {
    assert.deepEqual(document.errors, [], `${file}: ${document.errors.join('; ')}`);
    assert.deepEqual(document.warnings, [], `${file}: ${document.warnings.join('; ')}`);
    return { file, manifest: document.toJS() as Manifest };
  }),
);

function only(kind: string): Manifest {
  const found = manifests.filter(({ manifest }) => manifest.kind === kind);
  assert.equal(found.length, 1, `expected one ${kind}`);
  return found[0]?.manifest ?? assert.fail();
}

const deployment = only('Deployment');
const service = only('Service');
const hpa = only('HorizontalPodAutoscaler');
const pdb = only('PodDisruptionBudget');
const pod = deployment.spec?.template?.spec ?? assert.fail('the Deployment has no pod template');
const podLabels = deployment.spec?.template?.metadata?.labels ?? {};
const [container, ...sidecars] = pod.containers ?? [];
assert.ok(container, 'the pod has no container');

/** The container's environment, as the service will read it. */
const env: Record<string, string> = {};
for (const variable of container.env ?? []) {
  assert.ok(variable.name, 'an env entry has no name');
  if (variable.valueFrom !== undefined) continue;
  assert.equal(typeof variable.value, 'string', `${variable.name}'s value must be a string`);
  env[variable.name] = variable.value as string;
}
const config = configFromEnv(env);

/** The container port a probe or Service refers to, by name or number. */
function containerPort(port: number | string | undefined): number {
  const found = container?.ports?.find((p) => p.name === port || p.containerPort === port);
  assert.ok(found?.containerPort, `no container port ${String(port)}`);
  return found.containerPort;
}

/** Kubernetes CPU quantity in cores: `2`, `1.5`, `500m`. */
function cores(quantity: string | undefined): number {
  const match = /^(\d+(?:\.\d+)?)(m?)$/.exec(quantity ?? '');
  assert.ok(match?.[1] !== undefined, `CPU quantity ${String(quantity)}`);
  return Number(match[1]) / (match[2] === 'm' ? 1000 : 1);
}

/** Kubernetes memory quantity in MiB: `640Mi`, `1Gi`. */
function mebibytes(quantity: string | undefined): number {
  const match = /^(\d+)(Mi|Gi)$/.exec(quantity ?? '');
  assert.ok(match?.[1] !== undefined, `memory quantity ${String(quantity)}`);
  return Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1);
}

function includesLabels(labels: Labels, selector: Labels | undefined, what: string): void {
  assert.ok(selector && Object.keys(selector).length > 0, `${what} selects nothing`);
  for (const [key, value] of Object.entries(selector)) {
    assert.equal(labels[key], value, `${what} selects ${key}=${String(value)}; the pods differ`);
  }
}

describe('Kubernetes manifests', () => {
  test('every file parses to objects with a kind and a name, and kustomize lists them all', () => {
    assert.ok(files.length >= 4, `only ${files.join(', ')}`);
    for (const { file, manifest } of manifests) {
      assert.ok(manifest.apiVersion, `${file}: no apiVersion`);
      assert.ok(manifest.kind, `${file}: no kind`);
      if (manifest.kind !== 'Kustomization') assert.ok(manifest.metadata?.name, `${file}: name`);
    }
    const kustomization = only('Kustomization');
    assert.deepEqual(
      [...(kustomization.resources ?? [])].sort(),
      files.filter((file) => !file.startsWith('kustomization.')).sort(),
    );
  });

  test('the API versions are the current stable ones', () => {
    assert.equal(deployment.apiVersion, 'apps/v1');
    assert.equal(service.apiVersion, 'v1');
    assert.equal(hpa.apiVersion, 'autoscaling/v2');
    assert.equal(pdb.apiVersion, 'policy/v1');
  });

  test('the Deployment, Service and PodDisruptionBudget select the same pods', () => {
    includesLabels(podLabels, deployment.spec?.selector?.matchLabels, 'the Deployment');
    includesLabels(podLabels, service.spec?.selector, 'the Service');
    includesLabels(podLabels, pdb.spec?.selector?.matchLabels, 'the PodDisruptionBudget');
  });

  test('probes point at the routes the service answers: /readyz turns 503 on shutdown, /healthz does not', async () => {
    const liveness = container.livenessProbe?.httpGet;
    const readiness = container.readinessProbe?.httpGet;
    assert.ok(liveness?.path && readiness?.path, 'liveness and readiness probes must be HTTP');
    const probes = [liveness, readiness, container.startupProbe?.httpGet].filter(
      (probe) => probe !== undefined,
    );
    for (const probe of probes) assert.equal(containerPort(probe.port), config.port);
    const server = await startServer({ renderWorkers: 1 });
    try {
      const status = async (path: string | undefined) =>
        (await fetch(`${server.url}${path ?? ''}`)).status;
      const deadline = Date.now() + 15_000;
      while ((await status(readiness.path)) !== 200) {
        assert.ok(Date.now() < deadline, `${readiness.path} never answered 200`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      for (const probe of probes) assert.equal(await status(probe.path), 200, probe.path);
      // Readiness is what takes a terminating pod out of rotation; liveness must not restart it.
      server.app.beginShutdown();
      assert.equal(await status(readiness.path), 503);
      assert.equal(await status(liveness.path), 200);
    } finally {
      await server.close();
    }
  });

  test('ports agree: PORT, the container port, the Service target and the scrape port', () => {
    assert.equal(env['PORT'] ?? String(DEFAULT_CONFIG.port), String(config.port));
    assert.equal(containerPort('http'), config.port);
    const ports = service.spec?.ports ?? [];
    assert.ok(ports.length > 0, 'the Service has no port');
    for (const port of ports) assert.equal(containerPort(port.targetPort), config.port);
    assert.equal(config.host, '0.0.0.0', 'HOST must be 0.0.0.0 for the Service to reach the pod');
  });

  test('Prometheus scrapes the metrics route on the service port', async () => {
    const annotations = deployment.spec?.template?.metadata?.annotations ?? {};
    assert.equal(annotations['prometheus.io/scrape'], 'true');
    assert.equal(annotations['prometheus.io/port'], String(config.port));
    assert.equal(annotations['prometheus.io/path'], '/metrics');
    assert.equal(config.metrics, true, 'METRICS is off, so nothing would answer the scrape');
    const server = await startServer({ renderWorkers: 1 });
    try {
      const response = await fetch(`${server.url}/metrics`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    } finally {
      await server.close();
    }
  });

  test('the environment is valid configuration, naming only variables the service reads', () => {
    const known = configVariables();
    for (const name of Object.keys(env)) assert.ok(known.has(name), `${name} is not read`);
    assert.equal(config.production, true);
  });

  test('one render process per core of the CPU limit, and requests the HPA can measure', () => {
    const resources = container.resources;
    const limit = cores(resources?.limits?.cpu);
    assert.ok(env['RENDER_WORKERS'] !== undefined, 'RENDER_WORKERS must be set: see the test');
    assert.equal(config.renderWorkers, Math.max(1, Math.floor(limit)));
    assert.ok(cores(resources?.requests?.cpu) > 0, 'the HPA scales on the CPU request');
    assert.ok(cores(resources?.requests?.cpu) <= limit);
  });

  test('memory covers the RSS measured over 10,000 renders (bench/README.md)', () => {
    // The last row of the soak table: renders, main MiB, children MiB (two processes), total.
    const rows = [...read('bench/README.md').matchAll(/^\|\s*10,000\s*\|([^|]+)\|([^|]+)\|/gm)];
    const [main, children] = (rows[0]?.slice(1) ?? []).map(Number);
    assert.ok(main !== undefined && children !== undefined, 'no soak figures in bench/README.md');
    const expected = main + (children / 2) * config.renderWorkers;
    const request = mebibytes(container.resources?.requests?.memory);
    const limit = mebibytes(container.resources?.limits?.memory);
    assert.ok(request >= expected * 1.25, `${request} MiB requested for ${expected} MiB measured`);
    assert.ok(limit >= request * 1.25, `a ${limit} MiB limit leaves no room above the request`);
  });

  test('termination grace covers the preStop pause and SHUTDOWN_GRACE_MS', () => {
    const preStop = container.lifecycle?.preStop;
    const command = preStop?.exec?.command ?? [];
    const pause = preStop?.sleep?.seconds ?? Number(command.at(-1));
    assert.ok(Number.isFinite(pause) && pause >= 3, 'a preStop pause lets endpoints update');
    const grace = pod.terminationGracePeriodSeconds ?? 30;
    const needed = pause + config.shutdownGraceMs / 1000;
    assert.ok(grace > needed, `${grace} s of grace for ${needed} s of pause and shutdown`);
  });

  test('the HPA scales the Deployment on CPU, and the PDB leaves a pod serving', () => {
    assert.equal(deployment.spec?.replicas, undefined, 'replicas would fight the HPA');
    assert.deepEqual(hpa.spec?.scaleTargetRef, {
      apiVersion: deployment.apiVersion,
      kind: 'Deployment',
      name: deployment.metadata?.name,
    });
    const metrics = hpa.spec.metrics ?? [];
    assert.ok(
      metrics.some(
        (m) =>
          m.type === 'Resource' &&
          m.resource?.name === 'cpu' &&
          m.resource.target?.type === 'Utilization',
      ),
      'no CPU utilisation target',
    );
    const min = hpa.spec.minReplicas ?? 1;
    assert.ok(min >= 2, 'one replica cannot survive a disruption');
    assert.ok((hpa.spec.maxReplicas ?? 0) > min);
    const { minAvailable, maxUnavailable } = pdb.spec ?? {};
    assert.ok((minAvailable === undefined) !== (maxUnavailable === undefined));
    if (typeof minAvailable === 'number') assert.ok(minAvailable < min, 'drains would block');
    if (typeof maxUnavailable === 'number') assert.ok(maxUnavailable >= 1 && maxUnavailable < min);
  });

  test('runs the released image as the Dockerfile user, never latest', () => {
    assert.deepEqual(sidecars, []);
    const version = (JSON.parse(read('package.json')) as { version: string }).version;
    assert.equal(container.image?.split(':').at(-1), version, 'the image tag is the release');
    assert.equal(pod.securityContext?.runAsNonRoot, true);
    const users = [...read('Dockerfile').matchAll(/^USER\s+(\d+)/gm)];
    assert.equal(pod.securityContext.runAsUser, Number(users.at(-1)?.[1]));
  });
});
