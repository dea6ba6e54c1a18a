// The built PWA from the same origin: files, SPA fallback, cache headers and the CSP.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import type { Store } from '../../server/store/createStore';
import { precompressDir } from '../../scripts/precompress.mjs';
import { openTestStore } from './testStore';

const BROWSER = 'gzip, deflate, br, zstd';
// Large enough to be worth compressing, as the real bundle is.
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `woord ${i}`))};`;

/** Whether robots.txt lets a crawler fetch `path`: the longest matching rule wins, Allow on a
 * tie (RFC 9309); `$` anchors the end. */
function robotsAllow(robots: string, path: string): boolean {
  let best = { length: -1, allow: true };
  for (const line of robots.split('\n')) {
    const rule = /^(allow|disallow):\s*(\S*)/i.exec(line.trim());
    if (!rule?.[2]) continue;
    const pattern = rule[2];
    const anchored = pattern.endsWith('$');
    const prefix = anchored ? pattern.slice(0, -1) : pattern;
    const matches = anchored ? path === prefix : path.startsWith(prefix);
    const allow = rule[1]?.toLowerCase() === 'allow';
    if (matches && (pattern.length > best.length || (pattern.length === best.length && allow)))
      best = { length: pattern.length, allow };
  }
  return best.allow;
}

describe('static PWA', () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bewaar-dist-'));
    mkdirSync(join(dir, 'assets'));
    // Both over 1 KiB, as the real ones are, so the build compresses them too.
    const padding = `<!-- ${'x'.repeat(2000)} -->`;
    writeFileSync(join(dir, 'index.html'), `<!doctype html><title>Bewaar</title>${padding}`);
    writeFileSync(join(dir, 'sw.js'), `self.addEventListener("fetch", () => {});//${padding}`);
    writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1);');
    writeFileSync(join(dir, 'assets', 'words-5678.js'), SCRIPT);
    copyFileSync(new URL('../../public/robots.txt', import.meta.url), join(dir, 'robots.txt'));
    await precompressDir(dir);
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

  it('sends the build copy (brotli or gzip) of a file to a browser that takes it, with Vary', async () => {
    const get = (url: string, encoding?: string) =>
      app.inject({
        method: 'GET',
        url,
        headers: encoding === undefined ? {} : { 'accept-encoding': encoding },
      });
    const br = await get('/assets/words-5678.js', BROWSER);
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript; charset=utf-8$/);
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toContain('immutable');
    expect(br.rawPayload.length).toBeLessThan(SCRIPT.length / 3);
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(SCRIPT);

    const gz = await get('/assets/words-5678.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(SCRIPT);

    const plain = await get('/assets/words-5678.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(String(plain.headers.vary)).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(SCRIPT);

    // The service worker and the app shell, compressed, are still revalidated on every load.
    const sw = await get('/sw.js', BROWSER);
    expect(sw.headers['content-encoding']).toBe('br');
    expect(sw.headers['cache-control']).toBe('no-cache');
    const shell = await get('/i/BW7K3Q9XTAE', BROWSER);
    expect(shell.headers['content-encoding']).toBe('br');
    expect(shell.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(shell.rawPayload).toString('utf8')).toContain(
      '<title>Bewaar</title>',
    );
  });

  it('serves robots.txt as text: the public cards open to crawlers, the staff app and API not', async () => {
    const res = await app.inject({ method: 'GET', url: '/robots.txt' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    const robots = res.body;
    expect(robots).toBe(readFileSync(new URL('../../public/robots.txt', import.meta.url), 'utf8'));
    expect(robots).toMatch(/^User-agent: \*$/m);
    for (const path of ['/', '/i/BW7K3Q9XTAE', '/api/v1/public/items/BW7K3Q9XTAE', '/assets/x.js'])
      expect(robotsAllow(robots, path), path).toBe(true);
    for (const path of ['/enroll/DEMO-NOORD', '/api/v1/sync/pull', '/api/docs/', '/admin', '/x'])
      expect(robotsAllow(robots, path), path).toBe(false);
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
