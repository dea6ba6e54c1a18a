// The demo tenant of DESIGN §4 "Running it", written into the store with fixed ids so seeding
// again on every start changes nothing.
import type { Kysely } from 'kysely';
import { DEMO_CAFE, seedDemoCafe } from './cafe/demoCafe';
import type { CafeReport } from './cafe/demoCafe';
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
  cafe: DEMO_CAFE.site,
  coordinator: { username: 'coordinator', password: 'bewaar-demo' },
  organiser: { username: DEMO_CAFE.organiser.username, password: DEMO_CAFE.organiser.password },
} as const;

export interface SeedDemoOptions {
  /** Also a season of activity ending the day before `now` (server/demoSeason.ts), written
   * through `store`'s push path, only while the demo tenant has no events yet; and the café's
   * past days (server/cafe/demoCafe.ts), only while the café has none. */
  season?: { store: Store; now: number };
}

/** Seeds the demo tenant; idempotent. Returns what the season and the café's days added, when
 * they were asked for. */
export async function seedDemo(
  db: Kysely<Schema>,
  options: SeedDemoOptions = {},
): Promise<(SeasonReport & { cafe: CafeReport }) | undefined> {
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
  await createSite(db, {
    tenantId,
    id: DEMO_CAFE.site.id,
    name: DEMO_CAFE.site.name,
    kind: 'cafe',
    ordsGroup: DEMO_CAFE.site.name,
  });
  await createEnrollmentCode(db, {
    tenantId,
    siteId: DEMO_CAFE.site.id,
    code: DEMO_CAFE.site.code,
    reusable: true,
  });
  await createPerson(db, {
    tenantId,
    id: DEMO_CAFE.organiser.id,
    name: DEMO_CAFE.organiser.name,
    role: 'organiser',
    username: DEMO_CAFE.organiser.username,
    password: DEMO_CAFE.organiser.password,
    sites: [DEMO_CAFE.site.id],
  });
  await createPerson(db, {
    tenantId,
    id: 'demo-coordinator',
    name: 'Coördinator (demo)',
    role: 'coordinator',
    username: DEMO.coordinator.username,
    password: DEMO.coordinator.password,
  });
  const roster: [string, string, 'attendant' | 'technician' | 'host' | 'fixer', string][] = [
    ['demo-an-peeters', 'An Peeters', 'attendant', DEMO.noord.id],
    ['demo-bart-claes', 'Bart Claes', 'attendant', DEMO.noord.id],
    ['demo-chloe-dubois', 'Chloé Dubois', 'attendant', DEMO.zuid.id],
    ['demo-dirk-janssens', 'Dirk Janssens', 'attendant', DEMO.zuid.id],
    ['demo-t-01', 'T-01', 'technician', DEMO.winkel.id],
    ['demo-t-02', 'T-02', 'technician', DEMO.winkel.id],
    ['demo-t-03', 'T-03', 'technician', DEMO.winkel.id],
    [DEMO_CAFE.host.id, DEMO_CAFE.host.name, 'host', DEMO_CAFE.site.id],
    ...DEMO_CAFE.fixers.map(
      ({ id, name }) => [id, name, 'fixer', DEMO_CAFE.site.id] as [string, string, 'fixer', string],
    ),
  ];
  for (const [id, name, role, siteId] of roster) {
    await createPerson(db, { tenantId, id, name, role, sites: [siteId] });
  }
  if (options.season === undefined) return undefined;
  const season = await seedDemoSeason(options.season.store, { now: options.season.now });
  const cafe = await seedDemoCafe(options.season.store, { now: options.season.now });
  return { ...season, cafe };
}
