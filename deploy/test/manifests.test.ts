/**
 * Static checks of the deployment files: every manifest parses, and the wiring that a typo would
 * silently break (selectors, HPA targets, probe paths, envFrom names, the kustomization's file
 * list, compose dependencies) is consistent. No cluster or Docker needed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

const DEPLOY_DIR = join(__dirname, '..');
const K8S_DIR = join(DEPLOY_DIR, 'k8s');
const REPO_ROOT = join(DEPLOY_DIR, '..');

const APPS = ['gateway', 'records', 'communications', 'mail-ingest', 'telephony', 'distribution'];
const NAMESPACE = 'crm';
const IMAGE = 'ghcr.io/open-sell/crm';
const CONFIG_MAP = 'crm-config';
const SECRET = 'crm-secrets';
/** Where the image keeps the built web app (WORKDIR /app + apps/web/dist). */
const WEB_ROOT_IN_IMAGE = '/app/apps/web/dist';

// Loose typing on purpose: the test inspects arbitrary manifests and fails with a clear message
// when a field is missing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Manifest = Record<string, any>;

interface Loaded {
  file: string;
  doc: Manifest;
}

const manifestFiles = readdirSync(K8S_DIR)
  .filter((name) => /\.ya?ml$/.test(name) && name !== 'kustomization.yaml')
  .sort();

function loadManifests(): Loaded[] {
  const loaded: Loaded[] = [];
  for (const file of manifestFiles) {
    const documents = parseAllDocuments(readFileSync(join(K8S_DIR, file), 'utf8'));
    // parseAllDocuments returns an EmptyStream for an empty file: nothing to iterate.
    for (const document of Array.from(documents)) {
      if (document.errors.length > 0) {
        throw new Error(`${file}: ${document.errors.map((e) => e.message).join('; ')}`);
      }
      const doc = document.toJS() as Manifest | null;
      if (doc !== null) loaded.push({ file, doc });
    }
  }
  return loaded;
}

const manifests = loadManifests();
const ofKind = (kind: string) => manifests.filter((m) => m.doc.kind === kind);
const named = (kind: string, name: string) => ofKind(kind).filter((m) => m.doc.metadata?.name === name);

/** Does a label selector (matchLabels, or a Service's plain map) select pods with these labels? */
function selects(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

describe('Kubernetes manifests', () => {
  it('has manifests, each with apiVersion, kind and metadata.name', () => {
    expect(manifestFiles.length).toBeGreaterThan(0);
    for (const { file, doc } of manifests) {
      expect({ file, apiVersion: typeof doc.apiVersion, kind: typeof doc.kind, name: typeof doc.metadata?.name }).toEqual({
        file,
        apiVersion: 'string',
        kind: 'string',
        name: 'string',
      });
    }
  });

  it("points the gateway at the web app built into the image", () => {
    const [gateway] = named('Deployment', 'gateway');
    const env: Manifest[] = gateway.doc.spec.template.spec.containers[0].env ?? [];
    expect(env).toContainEqual({ name: 'WEB_ROOT', value: WEB_ROOT_IN_IMAGE });
  });

  it('puts every namespaced object in the crm namespace', () => {
    expect(named('Namespace', NAMESPACE)).toHaveLength(1);
    for (const { file, doc } of manifests.filter((m) => m.doc.kind !== 'Namespace')) {
      expect({ file, kind: doc.kind, namespace: doc.metadata.namespace }).toEqual({ file, kind: doc.kind, namespace: NAMESPACE });
    }
  });

  it('keeps DATABASE_URL in the Secret and the rest of the settings in the ConfigMap', () => {
    const [secret] = named('Secret', SECRET);
    expect(secret).toBeDefined();
    const secretData = { ...secret.doc.stringData, ...secret.doc.data };
    expect(Object.keys(secretData)).toContain('DATABASE_URL');

    const [config] = named('ConfigMap', CONFIG_MAP);
    expect(config).toBeDefined();
    expect(config.doc.data).toMatchObject({ NATS_URL: expect.stringMatching(/^nats:\/\//), MIGRATE_ON_START: 'false' });
    expect(config.doc.data).not.toHaveProperty('DATABASE_URL');
    // ConfigMap values must be strings, or the API server rejects the object.
    for (const [key, value] of Object.entries(config.doc.data)) {
      expect({ key, type: typeof value }).toEqual({ key, type: 'string' });
    }
  });

  describe.each(ofKind('Deployment').map((m) => [m.doc.metadata.name as string, m] as const))('Deployment %s', (_name, { doc }) => {
    const pod = doc.spec.template.spec;
    const containers: Manifest[] = pod.containers;

    it('selects its own pod template', () => {
      expect(selects(doc.spec.selector.matchLabels, doc.spec.template.metadata.labels)).toBe(true);
    });

    it('runs the CRM image with envFrom the ConfigMap and the Secret', () => {
      for (const container of containers) {
        expect(container.image).toMatch(new RegExp(`^${IMAGE.replace(/[.]/g, '\\.')}(:|@)`));
        const envFrom: Manifest[] = container.envFrom ?? [];
        expect(envFrom.map((source) => source.configMapRef?.name).filter(Boolean)).toContain(CONFIG_MAP);
        expect(envFrom.map((source) => source.secretRef?.name).filter(Boolean)).toContain(SECRET);
      }
    });

    it('probes /health/live for liveness and /health/ready for readiness on a declared port', () => {
      for (const container of containers) {
        const ports: Manifest[] = container.ports ?? [];
        const declared = new Set<string | number>(ports.flatMap((p) => [p.name, p.containerPort]));
        expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
        expect(container.readinessProbe?.httpGet?.path).toBe('/health/ready');
        expect(container.startupProbe?.httpGet?.path).toBeDefined();
        for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
          expect({ probe, declared: declared.has(container[probe].httpGet.port) }).toEqual({ probe, declared: true });
        }
      }
    });

    it('sets resource requests and limits for CPU and memory', () => {
      for (const container of containers) {
        expect(container.resources?.requests).toEqual(expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }));
        expect(container.resources?.limits).toEqual(expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }));
      }
    });

    it('runs as non-root without privilege escalation', () => {
      expect(pod.securityContext?.runAsNonRoot).toBe(true);
      for (const container of containers) {
        expect(container.securityContext?.allowPrivilegeEscalation).toBe(false);
      }
    });

    it('is scraped by Prometheus on /metrics', () => {
      expect(doc.spec.template.metadata.annotations).toMatchObject({ 'prometheus.io/scrape': 'true', 'prometheus.io/path': '/metrics' });
    });

    it('leaves the replica count to the HPA', () => {
      expect(doc.spec.replicas).toBeUndefined();
    });
  });

  describe.each(APPS)('app %s', (app) => {
    const deployments = named('Deployment', app);

    it('has exactly one Deployment, running its main.js', () => {
      expect(deployments).toHaveLength(1);
      const [container] = deployments[0].doc.spec.template.spec.containers;
      expect(container.command).toEqual(['node', `apps/${app}/dist/main.js`]);
      expect(deployments[0].file).toBe(`${app}.yaml`);
    });

    it('has exactly one Service, selecting its pods, on ports the container declares', () => {
      const podLabels = deployments[0].doc.spec.template.metadata.labels;
      const services = ofKind('Service').filter((m) => selects(m.doc.spec.selector, podLabels));
      expect(services).toHaveLength(1);
      const service = services[0].doc;
      expect(service.metadata.name).toBe(app);
      expect(service.spec.type ?? 'ClusterIP').toBe('ClusterIP');

      const containerPorts: Manifest[] = deployments[0].doc.spec.template.spec.containers.flatMap((c: Manifest) => c.ports ?? []);
      for (const port of service.spec.ports as Manifest[]) {
        const target = port.targetPort ?? port.port;
        expect(containerPorts.some((p) => p.name === target || p.containerPort === target)).toBe(true);
      }
    });

    it('has exactly one HPA targeting its Deployment by name, on CPU, with at least 2 replicas', () => {
      const hpas = ofKind('HorizontalPodAutoscaler').filter(
        (m) => m.doc.spec.scaleTargetRef.kind === 'Deployment' && m.doc.spec.scaleTargetRef.name === app,
      );
      expect(hpas).toHaveLength(1);
      const hpa = hpas[0].doc;
      expect(hpa.apiVersion).toBe('autoscaling/v2');
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(hpa.spec.maxReplicas).toBeGreaterThanOrEqual(hpa.spec.minReplicas);
      expect(hpa.spec.metrics).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'Resource',
            resource: expect.objectContaining({ name: 'cpu', target: expect.objectContaining({ type: 'Utilization' }) }),
          }),
        ]),
      );
    });

    it('has a PodDisruptionBudget selecting its pods', () => {
      const podLabels = deployments[0].doc.spec.template.metadata.labels;
      const pdbs = ofKind('PodDisruptionBudget').filter((m) => selects(m.doc.spec.selector?.matchLabels, podLabels));
      expect(pdbs).toHaveLength(1);
    });
  });

  it('exposes SMTP 2525 on mail-ingest and maps gateway 80 to 3000', () => {
    const [mailIngest] = named('Service', 'mail-ingest');
    expect(mailIngest.doc.spec.ports).toEqual(expect.arrayContaining([expect.objectContaining({ port: 2525 })]));
    const [mailIngestDeployment] = named('Deployment', 'mail-ingest');
    const mailPorts = mailIngestDeployment.doc.spec.template.spec.containers[0].ports.map((p: Manifest) => p.containerPort);
    expect(mailPorts).toEqual(expect.arrayContaining([3000, 2525]));

    const [gateway] = named('Service', 'gateway');
    const [gatewayDeployment] = named('Deployment', 'gateway');
    const http = gateway.doc.spec.ports.find((p: Manifest) => p.port === 80);
    expect(http).toBeDefined();
    const target = gatewayDeployment.doc.spec.template.spec.containers[0].ports.find(
      (p: Manifest) => p.name === http.targetPort || p.containerPort === http.targetPort,
    );
    expect(target?.containerPort).toBe(3000);
  });

  it('has a migration Job running launcher/dist/migrate.js with the shared env', () => {
    const jobs = ofKind('Job');
    expect(jobs).toHaveLength(1);
    const job = jobs[0].doc;
    expect(job.spec.backoffLimit).toEqual(expect.any(Number));
    expect(job.spec.ttlSecondsAfterFinished).toEqual(expect.any(Number));
    expect(['Never', 'OnFailure']).toContain(job.spec.template.spec.restartPolicy);
    const [container] = job.spec.template.spec.containers;
    expect([...(container.command ?? []), ...(container.args ?? [])]).toContain('launcher/dist/migrate.js');
    expect(container.image).toMatch(new RegExp(`^${IMAGE.replace(/[.]/g, '\\.')}(:|@)`));
    expect(container.envFrom.map((s: Manifest) => s.configMapRef?.name ?? s.secretRef?.name)).toEqual(
      expect.arrayContaining([CONFIG_MAP, SECRET]),
    );
  });

  it('kustomization.yaml lists every manifest in the folder, and nothing else', () => {
    const kustomization = parse(readFileSync(join(K8S_DIR, 'kustomization.yaml'), 'utf8'));
    expect(kustomization.kind).toBe('Kustomization');
    expect(kustomization.namespace).toBe(NAMESPACE);
    expect([...kustomization.resources].sort()).toEqual(manifestFiles);
    expect(kustomization.images).toEqual(expect.arrayContaining([expect.objectContaining({ name: IMAGE })]));
  });
});

describe('docker-compose.yml', () => {
  // `merge: true` resolves the `<<: *anchor` keys the file uses to share the app settings.
  const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });
  const services: Manifest = compose.services;

  const dependsOn = (service: Manifest): Record<string, { condition?: string }> =>
    Array.isArray(service.depends_on)
      ? Object.fromEntries(service.depends_on.map((name: string) => [name, {}]))
      : (service.depends_on ?? {});

  it('has postgres (with a healthcheck), nats with JetStream, migrate and the six apps', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgres', 'nats', 'migrate', ...APPS]));
    expect(services.postgres.image).toMatch(/^postgres:16/);
    expect(services.postgres.healthcheck).toBeDefined();
    expect(services.nats.image).toMatch(/^nats:2\.10/);
    const natsCommand = Array.isArray(services.nats.command) ? services.nats.command : String(services.nats.command).split(/\s+/);
    expect(natsCommand).toContain('-js');
    expect(services.nats.volumes?.length).toBeGreaterThan(0);
  });

  it('runs migrations once, after postgres is healthy', () => {
    const command = [services.migrate.command].flat().join(' ');
    expect(command).toContain('launcher/dist/migrate.js');
    expect(dependsOn(services.migrate).postgres?.condition).toBe('service_healthy');
  });

  it.each(APPS)('%s runs its main.js from the shared image, after migrate, postgres and nats', (app) => {
    const service = services[app];
    expect([service.command].flat().join(' ')).toContain(`apps/${app}/dist/main.js`);
    expect(service.image).toBe(services.migrate.image);
    const deps = dependsOn(service);
    expect(deps.migrate?.condition).toBe('service_completed_successfully');
    expect(deps.postgres?.condition).toBe('service_healthy');
    expect(deps.nats).toBeDefined();
    expect(service.environment).toMatchObject({
      DATABASE_URL: expect.stringMatching(/^postgres:\/\//),
      NATS_URL: expect.stringMatching(/^nats:\/\//),
    });
  });

  it('points the gateway at the web app built into the image', () => {
    expect(services.gateway.environment).toMatchObject({ WEB_ROOT: WEB_ROOT_IN_IMAGE, DATABASE_URL: expect.any(String), PUBLIC_URL: expect.any(String) });
  });

  it('publishes 3000 for the gateway and 2525 for mail-ingest', () => {
    expect(services.gateway.ports).toContain('3000:3000');
    expect(services['mail-ingest'].ports).toContain('2525:2525');
    expect(services['mail-ingest'].environment.SMTP_PORT).toBe('2525');
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');
  const instructions = dockerfile.split('\n').filter((line) => /^[A-Z]+\s/.test(line));

  it('builds on node:20-slim in several stages and runs as a numeric non-root user', () => {
    const froms = instructions.filter((line) => line.startsWith('FROM '));
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(from).toMatch(/^FROM node:20-slim\b/);
    const users = instructions.filter((line) => line.startsWith('USER '));
    expect(users.at(-1)).toMatch(/^USER [1-9][0-9]*(:[0-9]+)?$/);
  });

  it('refuses to build an image without the web app (apps/web/dist, the gateway\'s WEB_ROOT)', () => {
    expect(dockerfile).toContain('test -f /out/apps/web/dist/index.html');
    expect(dockerfile).toMatch(/^WORKDIR \/app$/m);
  });
});
