// Health, migrations and the error shape, on SQLite and PostgreSQL.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import type { Store } from '../../server/store/createStore';
import { STORE_KINDS, openTestStore } from './testStore';

describe.each(STORE_KINDS)('health and basics on %s', (kind) => {
  let store: Store;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = await openTestStore(kind);
    app = await buildApp({ store, demo: false });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('migrates to every table, and migrating again changes nothing', async () => {
    await store.migrate();
    const tables = await store.db.introspection.getTables();
    const names = tables.map((t) => t.name).filter((n) => !n.startsWith('kysely_'));
    expect(names.sort()).toEqual([
      'audit_log',
      'cafe_contacts',
      'devices',
      'enrollment_codes',
      'events',
      'items',
      'label_batches',
      'label_codes',
      'login_attempts',
      'people',
      'person_regions',
      'photos',
      'projections',
      'roster',
      'sites',
      'subject_owners',
      'tenants',
      'tokens',
    ]);
    const rows = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(
      store.db,
    );
    expect(Number(rows.rows[0]?.n)).toBe(10);
  });

  it('keeps one index on events for subjects, across tenants and within one', async () => {
    const indexes =
      kind === 'postgres'
        ? sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'events'`
        : sql<{
            name: string;
          }>`select name from sqlite_master where type = 'index' and tbl_name = 'events'`;
    const names = (await indexes.execute(store.db)).rows.map((row) => row.name);
    expect(names).toContain('events_subject_tenant');
    expect(names).toContain('events_tenant_seq');
    expect(names).not.toContain('events_subject');
    expect(names).not.toContain('events_tenant_subject');
  });

  it('reports health with the store kind', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ ok: boolean; version: string; store: string; demo: boolean }>();
    expect(body).toEqual({ ok: true, version: body.version, store: kind, demo: false });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('answers unknown API paths with the error shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('not-found');
  });

  it('sends security headers with the PWA policy', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("img-src 'self' blob: data:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
