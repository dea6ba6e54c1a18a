// API answers compressed for a browser that accepts it (a pull page of JSON), with the Vary that
// keeps a cache from handing them to one that does not; what is compressed already (a photo, an
// XLSX, which is a zip) goes as it is.
import { createHash, randomBytes } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../server/demo';
import { code, registration, senderOf } from './events';
import { bearer, enroll, signIn, startHarness } from './harness';
import type { Enrolled, Harness } from './harness';

const BROWSER = 'gzip, deflate, br, zstd';

describe('compressed API answers', () => {
  let h: Harness;
  let park: Enrolled;

  beforeAll(async () => {
    h = await startHarness('sqlite');
    park = await enroll(h.app, 'DEMO-NOORD');
    const sender = senderOf(park);
    const events = Array.from({ length: 200 }, (_, i) =>
      registration(sender, code('BW', 9000 + i)),
    );
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: bearer(park.token),
      payload: { events },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(() => h.close());

  const pull = (encoding?: string) =>
    h.app.inject({
      method: 'GET',
      url: '/api/v1/sync/pull?limit=200',
      headers: { ...bearer(park.token), ...(encoding ? { 'accept-encoding': encoding } : {}) },
    });

  it('sends a large JSON answer in brotli to a browser, gzip to a client that takes only gzip', async () => {
    const plain = await pull();
    expect(plain.headers['content-encoding']).toBeUndefined();
    const json = plain.body;
    expect(json.length).toBeGreaterThan(50_000);

    const br = await pull(BROWSER);
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(br.rawPayload.length).toBeLessThan(json.length / 5);
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(json);

    const gz = await pull('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(json);
  });

  it('leaves a small answer as it is', async () => {
    const health = await h.app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: { 'accept-encoding': BROWSER },
    });
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(health.json<{ ok: boolean }>().ok).toBe(true);
  });

  it('sends a photo and an XLSX as they are', async () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(40_000)]);
    const hash = createHash('sha256').update(jpeg).digest('hex');
    const put = await h.app.inject({
      method: 'PUT',
      url: `/api/v1/photos/${hash}`,
      headers: { ...bearer(park.token), 'content-type': 'image/jpeg' },
      payload: jpeg,
    });
    expect(put.statusCode).toBe(201);
    const photo = await h.app.inject({
      method: 'GET',
      url: `/api/v1/photos/${hash}`,
      headers: { ...bearer(park.token), 'accept-encoding': BROWSER },
    });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-encoding']).toBeUndefined();
    expect(Buffer.compare(photo.rawPayload, jpeg)).toBe(0);

    const coordinator = await signIn(h.app, DEMO.coordinator.username, DEMO.coordinator.password);
    const xlsx = await h.app.inject({
      method: 'GET',
      url: '/api/v1/exports/items.xlsx?from=2026-11-01&to=2026-11-30',
      headers: { ...bearer(coordinator), 'accept-encoding': BROWSER },
    });
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.headers['content-encoding']).toBeUndefined();
    // A zip, as written.
    expect(xlsx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
