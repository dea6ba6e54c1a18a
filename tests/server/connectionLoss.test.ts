// PostgreSQL ends the pool's idle connections (a failover, a restart, an administrator): the
// server keeps running and the next request is answered on a new connection.
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { bearer, enroll, startHarness } from './harness';
import type { Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('postgres');
});
afterAll(async () => {
  await h.close();
});

it('survives PostgreSQL ending its idle connections, and answers the next request', async () => {
  const device = await enroll(h.app, 'DEMO-NOORD', 'Tablet Noord');
  const pull = () =>
    h.app.inject({
      method: 'GET',
      url: '/api/v1/sync/pull?after=0',
      headers: bearer(device.token),
    });
  expect((await pull()).statusCode).toBe(200);

  const lost: unknown[] = [];
  const onUncaught = (error: unknown) => lost.push(error);
  process.on('uncaughtException', onUncaught);
  try {
    const admin = new pg.Client({ connectionString: `${inject('postgresBaseUrl')}postgres` });
    await admin.connect();
    const { rows: here } = await sql<{ db: string }>`select current_database() as db`.execute(
      h.store.db,
    );
    const { rows } = await admin.query<{ ended: boolean }>(
      'select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = $1',
      [here[0]?.db],
    );
    await admin.end();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.ended)).toBe(true);
    // The pool hears of it on its idle clients' sockets.
    await new Promise((resolve) => setTimeout(resolve, 300));
  } finally {
    process.off('uncaughtException', onUncaught);
  }
  expect(lost).toEqual([]);
  expect((await pull()).statusCode).toBe(200);
});
