// A seeded server per test file: the demo tenant plus a second tenant ("B") to prove isolation,
// and small helpers to enroll devices and call the API through app.inject().
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/app';
import type { RateLimitOptions } from '../../server/context';
import { seedDemo } from '../../server/demo';
import type { ExportPoolOptions } from '../../server/exportPool';
import {
  createEnrollmentCode,
  createPerson,
  createSite,
  createTenant,
} from '../../server/directory';
import type { Store, StoreKind } from '../../server/store/createStore';
import { openTestStore } from './testStore';

export interface Harness {
  store: Store;
  app: FastifyInstance;
  close: () => Promise<void>;
}

export const TENANT_B = {
  tenant: 'tenant-b',
  park: 'b-park',
  shop: 'b-shop',
  attendant: 'b-attendant',
  parkCode: 'B-PARK',
  shopCode: 'B-SHOP',
  coordinator: { id: 'b-coordinator', username: 'coordinator-b', password: 'bewaar-b-coordinator' },
};

async function seedTenantB(store: Store): Promise<void> {
  const db = store.db;
  const tenantId = TENANT_B.tenant;
  await createTenant(db, 'Regio B', tenantId);
  await createSite(db, { tenantId, id: TENANT_B.park, name: 'Park B', kind: 'park' });
  await createSite(db, { tenantId, id: TENANT_B.shop, name: 'Shop B', kind: 'shop' });
  await createPerson(db, {
    tenantId,
    id: TENANT_B.attendant,
    name: 'Bea',
    role: 'attendant',
    sites: [TENANT_B.park],
  });
  await createPerson(db, {
    tenantId,
    id: 'b-tech',
    name: 'T-B1',
    role: 'technician',
    sites: [TENANT_B.shop],
  });
  await createPerson(db, {
    tenantId,
    id: TENANT_B.coordinator.id,
    name: 'Coördinator B',
    role: 'coordinator',
    username: TENANT_B.coordinator.username,
    password: TENANT_B.coordinator.password,
  });
  for (const [siteId, code] of [
    [TENANT_B.park, TENANT_B.parkCode],
    [TENANT_B.shop, TENANT_B.shopCode],
  ] as const) {
    await createEnrollmentCode(db, { tenantId, siteId, code, reusable: true });
  }
}

export async function startHarness(
  kind: StoreKind,
  options: {
    rateLimit?: Partial<RateLimitOptions>;
    exportRateLimit?: Partial<RateLimitOptions>;
    exportPool?: ExportPoolOptions;
    now?: () => number;
    demo?: boolean;
    /** A migrated, empty store to seed instead of a new test store of this kind. */
    store?: Store;
  } = {},
): Promise<Harness> {
  const store = options.store ?? (await openTestStore(kind));
  await seedDemo(store.db);
  await seedTenantB(store);
  const app = await buildApp({
    store,
    demo: options.demo ?? true,
    rateLimit: { max: 10_000, ...options.rateLimit },
    ...(options.now === undefined ? {} : { now: options.now }),
    exportRateLimit: { max: 10_000, ...options.exportRateLimit },
    exportPool: options.exportPool,
  });
  return {
    store,
    app,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

export interface Enrolled {
  token: string;
  device: { id: string; name: string };
  site: { id: string; name: string; kind: string };
  tenant: { id: string; name: string };
  people: { id: string; name: string; role: string }[];
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export async function enroll(
  app: FastifyInstance,
  code: string,
  name = 'Test device',
): Promise<Enrolled> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/devices/enroll',
    payload: { code, name },
  });
  if (res.statusCode !== 200) throw new Error(`enroll ${code}: ${res.statusCode} ${res.body}`);
  return res.json<Enrolled>();
}

export async function signIn(
  app: FastifyInstance,
  username: string,
  password: string,
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign in: ${res.statusCode} ${res.body}`);
  return res.json<{ token: string }>().token;
}

export function errorCode(res: LightMyRequestResponse): string {
  return res.json<{ error: { code: string } }>().error.code;
}

export async function countEvents(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
