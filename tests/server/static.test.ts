// The built PWA from the same origin: files, SPA fallback, cache headers and the CSP.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import type { Store } from '../../server/store/createStore';
import { openTestStore } from './testStore';

describe('static PWA', () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bewaar-dist-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Bewaar</title>');
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1);');
    store = await openTestStore('sqlite');
    app = await buildApp({ store, demo: true, staticDir: dir });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the app shell and files, sw.js and index.html revalidated, assets immutable', async () => {
    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('<title>Bewaar</title>');
    expect(root.headers['cache-control']).toBe('no-cache');
    const sw = await app.inject({ method: 'GET', url: '/sw.js' });
    expect(sw.headers['cache-control']).toBe('no-cache');
    const asset = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
    const csp = String(root.headers['content-security-policy']);
    expect(csp).toBe(
      "default-src 'self';script-src 'self' 'wasm-unsafe-eval';style-src 'self' 'unsafe-inline';img-src 'self' blob: data:;media-src 'self' blob:;connect-src 'self';worker-src 'self';manifest-src 'self';frame-ancestors 'none';object-src 'none';base-uri 'self'",
    );
  });

  it('falls back to index.html for app routes such as a label URL, never for the API', async () => {
    const label = await app.inject({ method: 'GET', url: '/i/BW7K3Q9XTAE?x=1' });
    expect(label.statusCode).toBe(200);
    expect(label.body).toContain('<title>Bewaar</title>');
    expect(label.headers['cache-control']).toBe('no-cache');
    const api = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json<{ error: { code: string } }>().error.code).toBe('not-found');
    const post = await app.inject({ method: 'POST', url: '/somewhere', payload: {} });
    expect(post.statusCode).toBe(404);
  });

  it('names an error by its status: a 403 says forbidden', async () => {
    const res = await app.inject({ method: 'GET', url: '/%00' });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('forbidden');
  });

  it('sends HSTS only for requests that came over https', async () => {
    const plain = await app.inject({ method: 'GET', url: '/' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    // Without a trusted proxy, a client's X-Forwarded-Proto is not believed.
    const claimed = await app.inject({
      method: 'GET',
      url: '/',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(claimed.headers['strict-transport-security']).toBeUndefined();
    const proxied = await buildApp({ store, demo: true, staticDir: dir, trustProxy: true });
    try {
      const viaTls = await proxied.inject({
        method: 'GET',
        url: '/api/v1/health',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(viaTls.headers['strict-transport-security']).toBe(
        'max-age=31536000; includeSubDomains',
      );
      const viaHttp = await proxied.inject({ method: 'GET', url: '/api/v1/health' });
      expect(viaHttp.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await proxied.close();
    }
  });

  it('serves the OpenAPI document and the docs page', async () => {
    const doc = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/v1/sync/push', '/api/v1/sync/pull', '/api/v1/photos/{sha256}']),
    );
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });
});
