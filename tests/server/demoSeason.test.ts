// The demo season (server/demoSeason.ts): stored once through the push path, every event valid
// and foldable, the sale rules kept at every price and sale, a spread of statuses for the
// figures, nothing on or after the day it is seeded, and the same events for the same `now`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../server/demo';
import { buildDemoSeason, SEASON_DAYS } from '../../server/demoSeason';
import type { CafeReport } from '../../server/cafe/demoCafe';
import type { SeasonReport } from '../../server/demoSeason';
import type { Store } from '../../server/store/createStore';
import {
  brusselsDay,
  brusselsParts,
  canApply,
  canonicalJson,
  foldCage,
  figureItemsFromEvents,
  foldItem,
  orderedEvents,
  ordsRecords,
  validateEvent,
} from '../../src/domain/index';
import type { BewaarEvent, CageStatus, ItemStatus } from '../../src/domain/index';
import { countEvents } from './harness';
import { openTestStore, STORE_KINDS } from './testStore';

// A Tuesday in March: the season runs from September to Monday 9 March.
const NOW = Date.UTC(2026, 2, 10, 9, 30);
const MAX_EVENTS = 8000;

async function storedEvents(store: Store): Promise<BewaarEvent[]> {
  const rows = await store.db
    .selectFrom('events')
    .select('body')
    .where('tenant_id', '=', 'demo')
    // The café's days are seeded with it and checked in cafe.test.ts.
    .where('site', '!=', DEMO.cafe.id)
    .orderBy('seq')
    .execute();
  return rows.map((row) => JSON.parse(row.body) as BewaarEvent);
}

function bySubject(events: readonly BewaarEvent[]): Map<string, BewaarEvent[]> {
  const map = new Map<string, BewaarEvent[]>();
  for (const event of events) {
    const list = map.get(event.subject) ?? [];
    list.push(event);
    map.set(event.subject, list);
  }
  return map;
}

describe('the demo season, built', () => {
  it('gives every ORDS record a problem, whatever its outcome', () => {
    const items = figureItemsFromEvents(buildDemoSeason({ now: NOW }));
    const records = ordsRecords(
      items,
      { from: '2025-01-01', to: '2026-12-31' },
      {
        dataProvider: 'Regio Brugge (demo)',
      },
    );
    expect(records.filter((r) => r.repair_status === 'End of life').length).toBeGreaterThan(50);
    expect(records.filter((r) => r.problem.trim() === '')).toEqual([]);
  });

  it('is the same for the same now', () => {
    const a = buildDemoSeason({ now: NOW });
    const b = buildDemoSeason({ now: NOW });
    expect(a.map((e) => canonicalJson(e))).toEqual(b.map((e) => canonicalJson(e)));
  });

  it('ends yesterday and starts about six months before, whatever the time of day', () => {
    // 23:30 UTC on 9 March is still 9 March in Brussels; 23:30 UTC on 28 June is 29 June there.
    for (const now of [NOW, Date.UTC(2026, 2, 9, 23, 30), Date.UTC(2026, 5, 28, 23, 30)]) {
      const events = buildDemoSeason({ now });
      const today = brusselsParts(now).day;
      const days = events.map((e) => brusselsDay(e.hlc) ?? '');
      expect(days.every((day) => day !== '' && day < today)).toBe(true);
      const first = days.reduce((a, b) => (a < b ? a : b));
      const spanDays = (Date.parse(today) - Date.parse(first)) / 86_400_000;
      expect(spanDays).toBeGreaterThan(SEASON_DAYS - 7);
      expect(spanDays).toBeLessThanOrEqual(SEASON_DAYS);
    }
  });

  it('keeps Brussels working hours', () => {
    for (const event of buildDemoSeason({ now: NOW })) {
      const { time } = brusselsParts(Date.parse(event.hlc.slice(0, 24)));
      expect(time >= '08:00:00' && time <= '18:00:00', `${event.type} at ${time}`).toBe(true);
    }
  });
});

describe.each(STORE_KINDS)('the demo season on %s', (kind) => {
  let store: Store;
  let report: (SeasonReport & { cafe: CafeReport }) | undefined;
  let events: BewaarEvent[];

  beforeAll(async () => {
    store = await openTestStore(kind);
    report = await seedDemo(store.db, { season: { store, now: NOW } });
    events = await storedEvents(store);
  }, 120_000);

  afterAll(async () => {
    await store.close();
  });

  it('is stored once: a second seed adds nothing', async () => {
    expect(report?.seeded).toBe(true);
    expect(events).toHaveLength(report?.events ?? -1);
    const again = await seedDemo(store.db, { season: { store, now: NOW + 86_400_000 } });
    expect(again?.seeded).toBe(false);
    expect(again?.cafe.seeded).toBe(false);
    expect(await countEvents(store)).toBe(events.length + (report?.cafe.events ?? -1));
  });

  it('stores exactly the events it builds, for a moderate pull', () => {
    const built = buildDemoSeason({ now: NOW }).map((e) => canonicalJson(e));
    expect(new Set(events.map((e) => canonicalJson(e)))).toEqual(new Set(built));
    expect(events.length).toBeLessThanOrEqual(MAX_EVENTS);
    expect(report?.items).toBeGreaterThanOrEqual(500);
    expect(report?.items).toBeLessThanOrEqual(700);
  });

  it('has devices and people that fit the sites they write for', async () => {
    const devices = await store.db.selectFrom('devices').select(['id', 'site_id']).execute();
    const deviceSite = new Map(devices.map((d) => [d.id, d.site_id]));
    const roster = await store.db.selectFrom('roster').select(['person_id', 'site_id']).execute();
    const onRoster = new Set(roster.map((r) => `${r.person_id}@${r.site_id}`));
    for (const event of events) {
      expect(validateEvent(event).ok).toBe(true);
      expect(deviceSite.get(event.device)).toBe(event.site);
      expect(onRoster.has(`${event.actor}@${event.site}`)).toBe(true);
    }
  });

  it('folds into every stage the figures show', () => {
    const subjects = bySubject(events);
    const cages = new Map(
      [...subjects]
        .filter(([code]) => code.startsWith('BK'))
        .map(([code, list]) => [code, foldCage(code, list)]),
    );
    const items = new Map<ItemStatus, number>();
    for (const [code, list] of subjects) {
      if (!code.startsWith('BW')) continue;
      const cage = list.find((e) => e.type === 'item.caged');
      const item = foldItem(code, list, cage ? cages.get(cage.data.cage) : null);
      items.set(item.status, (items.get(item.status) ?? 0) + 1);
    }
    for (const status of ['sold', 'rejected', 'missing', 'for-sale', 'caged'] as const) {
      expect(items.get(status) ?? 0, status).toBeGreaterThan(0);
    }
    expect((items.get('in-repair') ?? 0) + (items.get('received') ?? 0)).toBeGreaterThan(0);
    expect(items.get('sold') ?? 0).toBeGreaterThan(items.get('for-sale') ?? 0);
    // A cage waiting for the driver at each park.
    const waiting = [...cages.values()].filter((c) => c.status === ('closed' as CageStatus));
    expect(new Set(waiting.map((c) => c.site))).toEqual(
      new Set(['demo-park-noord', 'demo-park-zuid']),
    );
  });

  it('keeps the sale rules at every price and every sale', () => {
    let checked = 0;
    for (const [code, list] of bySubject(events)) {
      if (!code.startsWith('BW')) continue;
      const ordered = orderedEvents(list, code);
      ordered.forEach((event, index) => {
        if (event.type !== 'item.priced' && event.type !== 'item.sold') return;
        const before = foldItem(code, ordered.slice(0, index));
        expect(canApply(before, event), `${code} ${event.type}`).toEqual({ ok: true });
        checked += 1;
      });
    }
    expect(checked).toBeGreaterThan(400);
  });
});
