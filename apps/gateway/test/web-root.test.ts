import { InProcessBus, RunningService, ServiceRuntime } from '@crm/platform';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { gatewayService } from '../src/app';

const INDEX = '<!doctype html><title>CRM</title><div id="root"></div>';
const BUNDLE = 'console.log("app");';

/** The gateway alone (embedded, no records: nothing here needs it), with the given settings. */
async function startGateway(settings: Record<string, string>): Promise<RunningService> {
  const runtime: ServiceRuntime = {
    service: 'gateway',
    mode: 'embedded',
    bus: new InProcessBus(),
    databaseUrl: '',
    subjectPrefix: '',
    logLevel: 'silent',
    databasePoolSize: 1,
    migrateOnStart: false,
    settings: { PUBLIC_URL: 'http://localhost', ...settings },
  };
  return gatewayService.start(runtime, { httpPort: 0 });
}

describe('the web app served from WEB_ROOT', () => {
  let webRoot: string;
  let gateway: RunningService;
  let api: ReturnType<typeof request>;

  beforeAll(async () => {
    webRoot = mkdtempSync(path.join(tmpdir(), 'web-root-'));
    mkdirSync(path.join(webRoot, 'assets'));
    writeFileSync(path.join(webRoot, 'index.html'), INDEX);
    writeFileSync(path.join(webRoot, 'assets', 'x.js'), BUNDLE);
    writeFileSync(path.join(webRoot, 'robots.txt'), 'User-agent: *\n');
    gateway = await startGateway({ WEB_ROOT: webRoot });
    api = request(`http://127.0.0.1:${gateway.httpPort}`);
  });

  afterAll(async () => {
    await gateway?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('answers / and client-side routes with index.html, to be revalidated every time', async () => {
    for (const url of ['/', '/leads/5', '/communication-center/email?tab=inbox', '/accept-invitation?token=abc']) {
      const response = await api.get(url).expect(200);
      expect(response.text).toBe(INDEX);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
    const head = await api.head('/deals/7').expect(200);
    expect(head.headers['content-type']).toMatch(/^text\/html/);
  });

  it('serves bundles under /assets/ as immutable, other files as they are, and 404s missing files', async () => {
    const bundle = await api.get('/assets/x.js').expect(200);
    expect(bundle.text).toBe(BUNDLE);
    expect(bundle.headers['content-type']).toMatch(/javascript/);
    expect(bundle.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    await api.get('/robots.txt').expect(200, 'User-agent: *\n');

    for (const url of ['/assets/missing.js', '/assets/nested/missing.css', '/favicon.ico']) {
      const missing = await api.get(url).expect(404);
      expect(missing.headers['content-type']).toMatch(/application\/json/);
      expect(missing.text).not.toContain('<!doctype html>');
    }
    await api.get('/assets/../../../../etc/passwd').expect(404);
  });

  it('leaves the API, its docs, health and metrics to the routes', async () => {
    const api401 = await api.get('/v2/leads').expect(401);
    expect(api401.body.errors[0].error.code).toBe('unauthorized');
    await api.get('/v2/no-such-route').expect(404).expect('Content-Type', /json/);
    await api.get('/docs-json').expect(200).expect('Content-Type', /json/);
    await api.get('/docs/').expect(200).expect(/swagger/i);
    await api.get('/health/live').expect(200, { status: 'ok' });
    await api.get('/metrics').expect(200).expect(/http_request_duration_seconds/);
    await api.get('/webhooks/twilio/sms').expect(404).expect('Content-Type', /json/);
  });

  it('serves nothing but GET and HEAD', async () => {
    await api.post('/').send({}).expect(404);
    await api.delete('/leads/5').expect(404);
  });
});

describe('without a web app', () => {
  it.each([
    ['unset', {}],
    ['a directory that does not exist', { WEB_ROOT: path.join(tmpdir(), 'no-such-web-root-dir') }],
  ])('WEB_ROOT %s: / is a small 404 and the API works', async (_, settings) => {
    const gateway = await startGateway(settings);
    try {
      const api = request(`http://127.0.0.1:${gateway.httpPort}`);
      const root = await api.get('/').expect(404);
      expect(root.body.meta).toMatchObject({ type: 'errors', http_status: '404 Not Found' });
      await api.get('/leads/5').expect(404);
      await api.get('/v2/leads').expect(401);
    } finally {
      await gateway.close();
    }
  });
});
