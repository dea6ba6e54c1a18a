// The limits on exports, on both stores: a per-token budget shared by the four export files, a
// larger one for /figures (and /figures/regions), and the export pool's bounded queue — each refusal in the API's error
// shape with a Retry-After, never a 500, also when the app closes with exports waiting.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../server/demo';
import { FIGURES_FACTOR } from '../../server/routes/figures';
import { bearer, errorCode, signIn, startHarness } from './harness';
import type { Harness } from './harness';
import { STORE_KINDS } from './testStore';

const PERIOD = 'from=2026-11-01&to=2026-11-30';
const EXPORT_MAX = 3;

const coordinator = (h: Harness) =>
  signIn(h.app, DEMO.coordinator.username, DEMO.coordinator.password);
const get = (h: Harness, path: string, token: string) =>
  h.app.inject({ method: 'GET', url: `/api/v1/${path}?${PERIOD}`, headers: bearer(token) });
const message = (res: LightMyRequestResponse) =>
  res.json<{ error: { message: string } }>().error.message;

describe.each(STORE_KINDS)('export limits on %s', (kind) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(kind, { exportRateLimit: { max: EXPORT_MAX } });
  });
  afterAll(() => h.close());

  it('gives each token a few exports a minute, the four files together, then 429', async () => {
    const token = await coordinator(h);
    for (const file of ['ords.csv', 'items.csv', 'trace.csv']) {
      const res = await get(h, `exports/${file}`, token);
      expect(res.statusCode, res.body).toBe(200);
    }
    const refused = await get(h, 'exports/items.xlsx', token);
    expect(refused.statusCode).toBe(429);
    expect(errorCode(refused)).toBe('rate-limited');
    expect(message(refused)).toMatch(
      /^Too many exports with this token \(at most 3 per 1 minute\)/,
    );
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another token (the same person signed in again, or a scheduled job's) has its own budget.
    const other = await coordinator(h);
    expect((await get(h, 'exports/items.xlsx', other)).statusCode).toBe(200);
  });

  it('allows /figures three times the exports, in its own budget', async () => {
    const token = await coordinator(h);
    for (let i = 0; i < EXPORT_MAX * FIGURES_FACTOR; i++) {
      const res = await get(h, 'figures', token);
      expect(res.statusCode, res.body).toBe(200);
    }
    const refused = await get(h, 'figures', token);
    expect(refused.statusCode).toBe(429);
    expect(errorCode(refused)).toBe('rate-limited');
    expect(message(refused)).toMatch(/^Too many figures requests with this token/);
    // The figures over regions count in the same budget: asking per region is no way around it.
    expect((await get(h, 'figures/regions', token)).statusCode).toBe(429);
    // The exports' budget is untouched.
    expect((await get(h, 'exports/ords.csv', token)).statusCode).toBe(200);
  });

  it('refuses an export beyond the pool queue with 503 busy, and closes without a 500', async () => {
    const small = await startHarness(kind, { exportPool: { workers: 1, queue: 1 } });
    let closed = false;
    try {
      const token = await coordinator(small);
      // One is made, one waits for the worker, the third finds the queue full.
      const three = await Promise.all(
        ['items.xlsx', 'items.csv', 'ords.csv'].map((file) => get(small, `exports/${file}`, token)),
      );
      expect(three.map((res) => res.statusCode).sort()).toEqual([200, 200, 503]);
      const busy = three.find((res) => res.statusCode === 503);
      if (busy === undefined) throw new Error('no 503');
      expect(errorCode(busy)).toBe('busy');
      expect(busy.headers['retry-after']).toBe('30');

      // Closing the app with one export being made and one waiting: both are refused cleanly.
      const pending = Promise.all(
        ['items.xlsx', 'trace.csv'].map((file) => get(small, `exports/${file}`, token)),
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      await small.app.close();
      closed = true;
      const answers = await pending;
      for (const res of answers) {
        expect([200, 503], res.body).toContain(res.statusCode);
        if (res.statusCode === 503) expect(errorCode(res)).toBe('unavailable');
      }
    } finally {
      if (closed) await small.store.close();
      else await small.close();
    }
  });
});
