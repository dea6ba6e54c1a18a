// The demo tenant of DESIGN §4 "Running it", written into the store with fixed ids so seeding
// again on every start changes nothing.
import type { Kysely } from 'kysely';
import { seedDemoSeason } from './demoSeason';
import type { SeasonReport } from './demoSeason';
import { createEnrollmentCode, createPerson, createSite, createTenant } from './directory';
import type { Store } from './store/createStore';
import type { Schema } from './store/schema';

export const DEMO = {
  tenant: { id: 'demo', name: 'Regio Brugge (demo)' },
  noord: { id: 'demo-park-noord', name: 'Recyclagepark Noord', code: 'DEMO-NOORD' },
  zuid: { id: 'demo-park-zuid', name: 'Recyclagepark Zuid', code: 'DEMO-ZUID' },
  winkel: { id: 'demo-shop-centrum', name: 'Kringwinkel Centrum', code: 'DEMO-WINKEL' },
  coordinator: { username: 'coordinator', password: 'bewaar-demo' },
} as const;

export interface SeedDemoOptions {
  /** Also a season of activity ending the day before `now` (server/demoSeason.ts), written
   * through `store`'s push path; only while the demo tenant has no events yet. */
  season?: { store: Store; now: number };
}

/** Seeds the demo tenant; idempotent. Returns what the season added, when one was asked for. */
export async function seedDemo(
  db: Kysely<Schema>,
  options: SeedDemoOptions = {},
): Promise<SeasonReport | undefined> {
  const tenantId = DEMO.tenant.id;
  await createTenant(db, DEMO.tenant.name, tenantId);
  const sites = [
    { ...DEMO.noord, kind: 'park' as const },
    { ...DEMO.zuid, kind: 'park' as const },
    { ...DEMO.winkel, kind: 'shop' as const },
  ];
  for (const site of sites) {
    await createSite(db, { tenantId, id: site.id, name: site.name, kind: site.kind });
    await createEnrollmentCode(db, { tenantId, siteId: site.id, code: site.code, reusable: true });
  }
  await createPerson(db, {
    tenantId,
    id: 'demo-coordinator',
    name: 'Coördinator (demo)',
    role: 'coordinator',
    username: DEMO.coordinator.username,
    password: DEMO.coordinator.password,
  });
  const roster: [string, string, 'attendant' | 'technician', string][] = [
    ['demo-an-peeters', 'An Peeters', 'attendant', DEMO.noord.id],
    ['demo-bart-claes', 'Bart Claes', 'attendant', DEMO.noord.id],
    ['demo-chloe-dubois', 'Chloé Dubois', 'attendant', DEMO.zuid.id],
    ['demo-dirk-janssens', 'Dirk Janssens', 'attendant', DEMO.zuid.id],
    ['demo-t-01', 'T-01', 'technician', DEMO.winkel.id],
    ['demo-t-02', 'T-02', 'technician', DEMO.winkel.id],
    ['demo-t-03', 'T-03', 'technician', DEMO.winkel.id],
  ];
  for (const [id, name, role, siteId] of roster) {
    await createPerson(db, { tenantId, id, name, role, sites: [siteId] });
  }
  if (options.season === undefined) return undefined;
  return seedDemoSeason(options.season.store, { now: options.season.now });
}
