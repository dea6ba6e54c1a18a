// The hub's figures and files across regions, on both stores: two regions with a small pilot each
// (pushed through the API), a third the hub may not open, and a hub coordinator granted the first
// two. The total is the domain's own function over every region's items; each additive figure
// equals the sum of the regions, and the rates and medians are shown not to be sums. A coordinator
// of one region sees only that region, and a file of one region is byte for byte what it was.
import Papa from 'papaparse';
import readExcelFile from 'read-excel-file/node';
import writeExcelFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeFigures,
  figureItemsFromEvents,
  figureLines,
  formatHlc,
  itemsCsv,
  makeEvent,
  toOrdsCsv,
  traceabilityCsv,
  xlsxSheets,
} from '../../src/domain/index';
import type {
  BewaarEvent,
  EventDataMap,
  EventType,
  FigureFilter,
  Figures,
} from '../../src/domain/index';
import { DEMO } from '../../server/demo';
import {
  createEnrollmentCode,
  createPerson,
  createSite,
  createTenant,
} from '../../server/directory';
import { code, nextId, senderOf } from './events';
import type { Sender } from './events';
import { TENANT_B, bearer, enroll, errorCode, signIn, startHarness } from './harness';
import type { Harness } from './harness';
import { STORE_KINDS } from './testStore';

function at<K extends EventType>(
  sender: Sender,
  iso: string,
  type: K,
  subject: string,
  data: EventDataMap[K],
): BewaarEvent {
  return makeEvent({
    id: nextId(),
    type,
    subject,
    hlc: formatHlc(Date.parse(iso), 0, '00000000000000f2'),
    ...sender,
    data,
  });
}

interface Shape {
  /** Item and cage numbers start after this. */
  base: number;
  /** Weights of the six items. */
  kg: number[];
  /** Sale prices of items 1 and 5, and their repair minutes. */
  prices: [number, number];
  minutes: [number, number];
  /** November days on which items 1 and 5 sell. */
  soldOn: [number, number];
}

/** A region's November: six items through a cage to the shop; two repaired and sold, one failed
 * and rejected, one missing from the cage, one on the shelf, one rejected for parts. Every
 * additive figure is above zero in it. */
function pilot(park: Sender, shop: Sender, shape: Shape) {
  const items = Array.from({ length: 6 }, (_, i) => code('BW', shape.base + i + 1));
  const [i1, i2, i3, i4, i5, i6] = items as [string, string, string, string, string, string];
  const cage = code('BK', shape.base + 1);
  const day = (d: number, time = '09:00') => `2026-11-${String(d).padStart(2, '0')}T${time}:00Z`;
  const registered = (subject: string, index: number, category: number, iso: string) =>
    at(park, iso, 'item.registered', subject, {
      category,
      condition: 'works',
      complete: true,
      weightKg: shape.kg[index] ?? 1,
      weighed: true,
      photos: [],
    });
  const parkEvents = [
    at(park, day(2, '08:00'), 'cage.opened', cage, {}),
    ...[i1, i2, i3, i4, i5].flatMap((subject, index) => [
      registered(subject, index, index === 3 ? 18 : 14, day(2, `08:1${index}`)),
      at(park, day(2, `08:2${index}`), 'item.caged', subject, { cage }),
    ]),
    at(park, day(2, '10:00'), 'cage.closed', cage, { count: 5 }),
    registered(i6, 5, 31, day(10)),
  ];
  const pass = { result: 'pass', method: 'PAT klasse I' } as const;
  const repaired = (subject: string, iso: string, minutes: number) =>
    at(shop, iso, 'item.repaired', subject, {
      fault: 'Schakelaar defect',
      action: 'Schakelaar vervangen',
      parts: [],
      minutes,
      worker: 'T-01',
    });
  const shopEvents = [
    at(shop, day(3, '08:00'), 'cage.collected', cage, {}),
    at(shop, day(3, '09:00'), 'cage.received', cage, {}),
    ...[i1, i2, i4, i5].map((subject, index) =>
      at(shop, day(3, `09:1${index}`), 'item.received', subject, { cage }),
    ),
    at(shop, day(3, '10:00'), 'cage.unpacked', cage, {}),
    at(shop, day(4, '08:00'), 'item.safety-tested', i1, pass),
    at(shop, day(4, '08:10'), 'item.function-tested', i1, { result: 'fail' }),
    repaired(i1, day(4), shape.minutes[0]),
    at(shop, day(5), 'item.priced', i1, { priceEur: shape.prices[0], warrantyMonths: 3 }),
    at(shop, day(shape.soldOn[0]), 'item.sold', i1, { priceEur: shape.prices[0] }),
    at(shop, day(4, '10:00'), 'item.safety-tested', i2, { result: 'fail', method: 'PAT' }),
    at(shop, day(4, '10:30'), 'item.rejected', i2, { reason: 4, destination: 'recycling' }),
    at(shop, day(5, '10:00'), 'item.safety-tested', i4, pass),
    at(shop, day(6), 'item.priced', i4, { priceEur: 8, warrantyMonths: 3 }),
    at(shop, day(5, '11:00'), 'item.safety-tested', i5, pass),
    repaired(i5, day(5, '12:00'), shape.minutes[1]),
    at(shop, day(6, '12:00'), 'item.priced', i5, { priceEur: shape.prices[1], warrantyMonths: 6 }),
    at(shop, day(shape.soldOn[1]), 'item.sold', i5, { priceEur: shape.prices[1] }),
    at(shop, day(11), 'item.received', i6, {}),
    at(shop, day(12), 'item.safety-tested', i6, pass),
    at(shop, day(12, '10:00'), 'item.rejected', i6, { reason: 2, destination: 'parts' }),
  ];
  return { parkEvents, shopEvents, items };
}

const NOVEMBER: FigureFilter = { from: '2026-11-01', to: '2026-11-30' };
const PERIOD = 'from=2026-11-01&to=2026-11-30';
const REGION_C = { tenant: 'tenant-c', park: 'c-park', attendant: 'c-attendant', code: 'C-PARK' };

/**
 * How each figure of a region and of all regions together relate, for every key of Figures: the
 * compiler makes a new figure be placed here. `sum`: the total is the sum of the regions (counts,
 * kg, €, minutes, CO2e; lists by reason, destination, park and month, category, summed by key).
 * `rate` and `median`: worked out over all the items, not a sum. `filter`: the question.
 */
const HOW: Record<keyof Figures, 'sum' | 'rate' | 'median' | 'filter'> = {
  filter: 'filter',
  registered: 'sum',
  received: 'sum',
  missing: 'sum',
  tested: 'sum',
  workshop: 'sum',
  repaired: 'sum',
  forSale: 'sum',
  onShelf: 'sum',
  sold: 'sum',
  rejected: 'sum',
  rejectedByReason: 'sum',
  rejectedByDestination: 'sum',
  labourMinutes: 'sum',
  co2eAvoidedKg: 'sum',
  wasteAvoidedKg: 'sum',
  reuseRate: 'rate',
  repairRate: 'rate',
  medianDaysParkToShelf: 'median',
  medianDaysParkToSale: 'median',
  funnel: 'sum',
  monthly: 'sum',
  byCategory: 'sum',
};
const ADDITIVE = (Object.keys(HOW) as (keyof Figures)[]).filter((key) => HOW[key] === 'sum');
const NOT_ADDITIVE = (Object.keys(HOW) as (keyof Figures)[]).filter(
  (key) => HOW[key] === 'rate' || HOW[key] === 'median',
);

/** What identifies a row of a list figure; its other fields are numbers to add up. */
const ROW_KEYS: Partial<Record<keyof Figures, string[]>> = {
  rejectedByReason: ['reason'],
  rejectedByDestination: ['destination'],
  monthly: ['park', 'month'],
  byCategory: ['category'],
};

/** A figure as numbered leaves (`count`, `sold.kg`, `<row key>/registered.count`, …). */
function leaves(key: keyof Figures, value: unknown): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'number') out.set(path, v);
    else if (v !== null && typeof v === 'object')
      for (const [k, inner] of Object.entries(v)) walk(inner, path ? `${path}.${k}` : k);
  };
  const rowKeys = ROW_KEYS[key];
  if (rowKeys && Array.isArray(value)) {
    for (const row of value as Record<string, unknown>[]) {
      const id = rowKeys.map((k) => String(row[k])).join('|');
      const rest = Object.fromEntries(Object.entries(row).filter(([k]) => !rowKeys.includes(k)));
      walk(rest, `${id}/`);
    }
  } else walk(value, '');
  return out;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

describe.each(STORE_KINDS)('figures and exports across regions on %s', (kind) => {
  let h: Harness;
  let hub: string;
  let hubInB: string;
  let coordinatorB: string;
  let demoCoordinator: string;
  let itemsA: string[];
  let itemsB: string[];
  let itemC: string;

  const push = async (token: string, events: BewaarEvent[]) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: bearer(token),
      payload: { events },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ rejected: unknown[] }>().rejected).toEqual([]);
  };
  const get = (url: string, token: string | null) =>
    h.app.inject({ method: 'GET', url, headers: token === null ? {} : bearer(token) });
  const ok = async (url: string, token: string) => {
    const res = await get(url, token);
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  type Answer = { regions: { id: string; name: string; figures: Figures }[]; total: Figures };
  const byRegion = async (query: string, token: string) =>
    (await ok(`/api/v1/figures/regions?${query}`, token)).json<Answer>();
  const eventsOf = async (tenantId: string) =>
    (
      await h.store.db
        .selectFrom('events')
        .select('body')
        .where('tenant_id', '=', tenantId)
        .execute()
    ).map((row) => JSON.parse(row.body) as BewaarEvent);
  const csvRows = (body: string) =>
    Papa.parse<string[]>(body.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true })
      .data;

  beforeAll(async () => {
    h = await startHarness(kind);
    const db = h.store.db;
    // The hub: a coordinator of the demo region, granted region B as well.
    const person = await createPerson(db, {
      tenantId: DEMO.tenant.id,
      name: 'Hub-coördinator',
      role: 'coordinator',
      username: `hub-${kind}`,
      password: 'hub-wachtwoord',
    });
    await db
      .insertInto('person_regions')
      .values({ person_id: person.id, tenant_id: TENANT_B.tenant })
      .execute();
    // Region C, with an item of its own: not the hub's.
    await createTenant(db, 'Regio C', REGION_C.tenant);
    await createSite(db, {
      tenantId: REGION_C.tenant,
      id: REGION_C.park,
      name: 'Park C',
      kind: 'park',
    });
    await createPerson(db, {
      tenantId: REGION_C.tenant,
      id: REGION_C.attendant,
      name: 'Cas',
      role: 'attendant',
      sites: [REGION_C.park],
    });
    await createEnrollmentCode(db, {
      tenantId: REGION_C.tenant,
      siteId: REGION_C.park,
      code: REGION_C.code,
      reusable: true,
    });

    const parkA = await enroll(h.app, DEMO.noord.code);
    const shopA = await enroll(h.app, DEMO.winkel.code);
    const parkB = await enroll(h.app, TENANT_B.parkCode);
    const shopB = await enroll(h.app, TENANT_B.shopCode);
    const parkC = await enroll(h.app, REGION_C.code);
    // Two regions whose rates and medians differ: other weights, prices and days.
    const a = pilot(senderOf(parkA), senderOf(shopA), {
      base: 8000,
      kg: [1.2, 2, 3, 0.8, 1.5, 2.5],
      prices: [12, 20],
      minutes: [30, 15],
      soldOn: [10, 20],
    });
    const b = pilot(senderOf(parkB), senderOf(shopB), {
      base: 8100,
      kg: [4, 1, 2.2, 1.1, 0.6, 3.3],
      prices: [7.5, 30],
      minutes: [45, 20],
      soldOn: [7, 25],
    });
    itemsA = a.items;
    itemsB = b.items;
    await push(parkA.token, a.parkEvents);
    await push(shopA.token, a.shopEvents);
    await push(parkB.token, b.parkEvents);
    await push(shopB.token, b.shopEvents);
    itemC = code('BW', 8201);
    await push(parkC.token, [
      at(senderOf(parkC), '2026-11-15T09:00:00Z', 'item.registered', itemC, {
        category: 14,
        condition: 'works',
        complete: true,
        weightKg: 9,
        weighed: true,
        photos: [],
      }),
    ]);

    hub = await signIn(h.app, `hub-${kind}`, 'hub-wachtwoord');
    const switched = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session/region',
      headers: bearer(await signIn(h.app, `hub-${kind}`, 'hub-wachtwoord')),
      payload: { tenant: TENANT_B.tenant },
    });
    hubInB = switched.json<{ token: string }>().token;
    coordinatorB = await signIn(
      h.app,
      TENANT_B.coordinator.username,
      TENANT_B.coordinator.password,
    );
    demoCoordinator = await signIn(h.app, DEMO.coordinator.username, DEMO.coordinator.password);
  });
  afterAll(() => h.close());

  it('answers each granted region and the total: the domain over every region’s items', async () => {
    const answer = await byRegion(PERIOD, hub);
    expect(answer.regions.map((r) => [r.id, r.name])).toEqual([
      [TENANT_B.tenant, 'Regio B'],
      [DEMO.tenant.id, DEMO.tenant.name],
    ]);
    // Each region as that region's own /figures says, whichever region the token has open.
    const [inB, inDemo] = answer.regions;
    expect(inDemo?.figures).toEqual((await ok(`/api/v1/figures?${PERIOD}`, hub)).json());
    expect(inB?.figures).toEqual((await ok(`/api/v1/figures?${PERIOD}`, hubInB)).json());
    expect(await byRegion(PERIOD, hubInB)).toEqual(answer);
    // The total: the domain's function over a fresh fold of both regions' logs.
    const events = [...(await eventsOf(DEMO.tenant.id)), ...(await eventsOf(TENANT_B.tenant))];
    expect(answer.total).toEqual(
      computeFigures(figureLines(figureItemsFromEvents(events)), NOVEMBER),
    );
    expect(answer.total.registered.count).toBe(12);
    expect(answer.total.filter).toEqual(NOVEMBER);
  });

  it('adds up every additive figure; rates and medians are not sums', async () => {
    const { regions, total } = await byRegion(PERIOD, hub);
    expect(ADDITIVE).toEqual([
      'registered',
      'received',
      'missing',
      'tested',
      'workshop',
      'repaired',
      'forSale',
      'onShelf',
      'sold',
      'rejected',
      'rejectedByReason',
      'rejectedByDestination',
      'labourMinutes',
      'co2eAvoidedKg',
      'wasteAvoidedKg',
      'funnel',
      'monthly',
      'byCategory',
    ]);
    expect(NOT_ADDITIVE).toEqual([
      'reuseRate',
      'repairRate',
      'medianDaysParkToShelf',
      'medianDaysParkToSale',
    ]);
    for (const key of ADDITIVE) {
      const summed = new Map<string, number>();
      for (const region of regions) {
        const own = leaves(key, region.figures[key]);
        // The pilot puts something in every figure of both regions: no sum is of zeros.
        expect(
          [...own.values()].some((n) => n > 0),
          `${key} in ${region.name}`,
        ).toBe(true);
        for (const [path, n] of own) summed.set(path, (summed.get(path) ?? 0) + n);
      }
      const expected = [...summed].map(([path, n]) => [path, round(n)]).sort();
      const got = [...leaves(key, total[key])].map(([path, n]) => [path, round(n)]).sort();
      expect(got, key).toEqual(expected);
    }
    const [x, y] = regions.map((r) => r.figures) as [Figures, Figures];
    // Reuse rate: kg sold ÷ kg registered of all items, not the sum (nor the mean) of the rates.
    const reuse = (x.sold.kg + y.sold.kg) / (x.registered.kg + y.registered.kg);
    expect(total.reuseRate).toBeCloseTo(reuse, 10);
    expect(total.reuseRate).not.toBeCloseTo((x.reuseRate ?? 0) + (y.reuseRate ?? 0), 3);
    // Repair rate: the regions' rates weighed by the items that reached their workshops.
    const repaired = (f: Figures) => (f.repairRate ?? 0) * f.workshop.count;
    expect(total.repairRate).toBeCloseTo(
      (repaired(x) + repaired(y)) / (x.workshop.count + y.workshop.count),
      10,
    );
    expect(total.repairRate).not.toBeCloseTo((x.repairRate ?? 0) + (y.repairRate ?? 0), 3);
    // Medians: of all items' days, somewhere between the regions' own, never their sum.
    for (const key of ['medianDaysParkToShelf', 'medianDaysParkToSale'] as const) {
      const [m, n, all] = [x[key], y[key], total[key]];
      if (m === null || n === null || all === null) throw new Error(`${key} missing`);
      expect(all).toBeGreaterThanOrEqual(Math.min(m, n));
      expect(all).toBeLessThanOrEqual(Math.max(m, n));
      expect(all).not.toBeCloseTo(m + n, 3);
    }
    expect(total.medianDaysParkToSale).not.toBe(x.medianDaysParkToSale);
  });

  it('gives a coordinator of one region that region only, and refuses another or a site', async () => {
    const own = await byRegion(PERIOD, coordinatorB);
    expect(own.regions.map((r) => r.id)).toEqual([TENANT_B.tenant]);
    expect(own.total).toEqual(own.regions[0]?.figures);
    const asked = await byRegion(`${PERIOD}&region=${TENANT_B.tenant}`, coordinatorB);
    expect(asked).toEqual(own);
    const demo = await byRegion(PERIOD, demoCoordinator);
    expect(demo.regions.map((r) => r.id)).toEqual([DEMO.tenant.id]);
    // The hub may narrow to one of theirs; nobody gets a region they were not granted.
    const justB = await byRegion(`${PERIOD}&region=${TENANT_B.tenant}`, hub);
    expect(justB.regions.map((r) => r.id)).toEqual([TENANT_B.tenant]);
    expect(justB.total).toEqual(own.total);
    const refusals: [string, string, RegExp][] = [
      [coordinatorB, `region=${DEMO.tenant.id}`, /not one of the regions you may open/],
      [hub, `region=${REGION_C.tenant}`, /not one of the regions you may open/],
      [hub, `site=${DEMO.noord.id}`, /no site|take no site/],
      [hub, 'regions=all', /additional|regions/],
    ];
    for (const [token, query, message] of refusals) {
      const res = await get(`/api/v1/figures/regions?${PERIOD}&${query}`, token);
      expect(res.statusCode, query).toBe(400);
      expect(errorCode(res)).toBe('bad-request');
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(message);
    }
    // Region C's item is in no answer of the hub's.
    const all = await byRegion(PERIOD, hub);
    expect(all.total.registered.count).toBe(12);
    expect(JSON.stringify(all)).not.toContain(REGION_C.tenant);
  });

  it('answers signed-in coordinators only: 401 without a token, 403 for a device', async () => {
    const device = await enroll(h.app, DEMO.winkel.code);
    expect((await get(`/api/v1/figures/regions?${PERIOD}`, null)).statusCode).toBe(401);
    const refused = await get(`/api/v1/figures/regions?${PERIOD}`, device.token);
    expect(refused.statusCode).toBe(403);
    expect(errorCode(refused)).toBe('forbidden');
    const file = await get(`/api/v1/exports/items.csv?${PERIOD}&regions=all`, device.token);
    expect(file.statusCode).toBe(403);
  });

  it('exports items.csv over all regions with the region first, each row in its own region', async () => {
    const res = await ok(`/api/v1/exports/items.csv?${PERIOD}&regions=all`, hub);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="bewaar-items-regios-2026-11-01_2026-11-30.csv"',
    );
    const rows = csvRows(res.body);
    expect(rows[0]?.slice(0, 3)).toEqual(['Regio', 'Code', 'Categorie']);
    const regionOf = new Map(rows.slice(1).map((r) => [r[1], r[0]]));
    for (const item of itemsA) expect(regionOf.get(item), item).toBe(DEMO.tenant.name);
    for (const item of itemsB) expect(regionOf.get(item), item).toBe('Regio B');
    expect(regionOf.has(itemC)).toBe(false);
    const park = (item: string) =>
      rows.find((r) => r[1] === item)?.[rows[0]?.indexOf('Recyclagepark') ?? -1];
    expect(park(itemsA[0] ?? '')).toBe(DEMO.noord.name);
    expect(park(itemsB[0] ?? '')).toBe('Park B');
    // Each region's rows are that region's own file, with the region before them.
    for (const [token, name] of [
      [hub, DEMO.tenant.name],
      [coordinatorB, 'Regio B'],
    ] as const) {
      const own = csvRows((await ok(`/api/v1/exports/items.csv?${PERIOD}`, token)).body);
      const mine = rows.filter((r, i) => i === 0 || r[0] === name).map((r) => r.slice(1));
      expect(mine).toEqual(own);
    }
    // One of one's regions: the same columns, that region's rows only.
    const justB = csvRows(
      (await ok(`/api/v1/exports/items.csv?${PERIOD}&region=${TENANT_B.tenant}`, hub)).body,
    );
    expect(justB.slice(1).map((r) => r[0])).toEqual(itemsB.map(() => 'Regio B'));
  });

  it('exports the workbook, ORDS and traceability over all regions, each naming the region', async () => {
    const { total } = await byRegion(PERIOD, hub);
    const xlsx = await ok(`/api/v1/exports/items.xlsx?${PERIOD}&regions=all`, hub);
    expect(xlsx.headers['content-disposition']).toBe(
      'attachment; filename="bewaar-regios-2026-11-01_2026-11-30.xlsx"',
    );
    const sheets = await readExcelFile(xlsx.rawPayload);
    const [figures, items, rejected, monthly] = sheets.map((s) => s.data);
    expect(figures?.find((r) => r[0] === "Alle regio's" && r[1] === 'Geregistreerd')).toEqual([
      "Alle regio's",
      'Geregistreerd',
      total.registered.count,
      total.registered.kg,
    ]);
    expect(figures?.find((r) => r[0] === 'Regio B' && r[1] === 'Geregistreerd')?.[2]).toBe(6);
    expect(items?.[0]?.slice(0, 2)).toEqual(['Regio', 'Code']);
    expect(items?.find((r) => r[1] === itemsB[0])?.[0]).toBe('Regio B');
    expect(items?.find((r) => r[1] === itemsA[0])?.[0]).toBe(DEMO.tenant.name);
    expect(rejected?.[0]?.[0]).toBe('Regio');
    const rejectedRegions = rejected?.slice(1).map((r) => r[0]);
    expect(new Set(rejectedRegions?.filter((r) => r !== null && r !== 'Regio'))).toEqual(
      new Set(['Regio B', DEMO.tenant.name]),
    );
    expect(monthly?.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['Regio B', 'Park B'],
      [DEMO.tenant.name, DEMO.noord.name],
    ]);

    const ords = Papa.parse<Record<string, string>>(
      (await ok(`/api/v1/exports/ords.csv?${PERIOD}&regions=all`, hub)).body,
      { header: true, skipEmptyLines: true },
    );
    expect(ords.errors).toEqual([]);
    const providers = ords.data.map((r) => [r.data_provider, r.group_identifier]);
    // Per region: items 1 and 5 fixed, 2 and 6 end of life.
    expect(providers.filter(([p]) => p === 'Regio B')).toEqual(
      Array.from({ length: 4 }, () => ['Regio B', 'Shop B']),
    );
    expect(providers.filter(([p]) => p === DEMO.tenant.name)).toEqual(
      Array.from({ length: 4 }, () => [DEMO.tenant.name, DEMO.winkel.name]),
    );
    expect(new Set(ords.data.map((r) => r.id)).size).toBe(8);

    const trace = csvRows((await ok(`/api/v1/exports/trace.csv?${PERIOD}&regions=all`, hub)).body);
    expect(trace[0]?.slice(0, 3)).toEqual(['Regio', 'Code', 'Gebeurtenis']);
    const traced = trace.slice(1);
    expect(traced.filter((r) => itemsB.includes(r[1] ?? '')).every((r) => r[0] === 'Regio B')).toBe(
      true,
    );
    expect(
      traced.filter((r) => itemsA.includes(r[1] ?? '')).every((r) => r[0] === DEMO.tenant.name),
    ).toBe(true);
    const ofItems = (await eventsOf(TENANT_B.tenant)).filter((e) => itemsB.includes(e.subject));
    expect(
      traced
        .filter((r) => r[0] === 'Regio B')
        .map((r) => r[8])
        .sort(),
    ).toEqual(ofItems.map((e) => e.id).sort());
    expect(traced.some((r) => r[1] === itemC)).toBe(false);
  });

  it('refuses a region not granted, or a site, for a file over regions', async () => {
    for (const [token, query] of [
      [coordinatorB, `region=${DEMO.tenant.id}`],
      [hub, `region=${REGION_C.tenant}`],
      [hub, `regions=all&site=${DEMO.noord.id}`],
      [hub, 'regions=some'],
    ] as const) {
      for (const file of ['items.csv', 'trace.csv']) {
        const res = await get(`/api/v1/exports/${file}?${PERIOD}&${query}`, token);
        expect(res.statusCode, `${file} ${query}`).toBe(400);
        expect(errorCode(res)).toBe('bad-request');
      }
    }
    // A coordinator of one region asking for all gets their one region.
    const own = csvRows(
      (await ok(`/api/v1/exports/items.csv?${PERIOD}&regions=all`, coordinatorB)).body,
    );
    expect(new Set(own.slice(1).map((r) => r[0]))).toEqual(new Set(['Regio B']));
  });

  it('leaves the files of one region byte for byte as the domain makes them without regions', async () => {
    const items = figureItemsFromEvents(await eventsOf(DEMO.tenant.id));
    const events = await eventsOf(DEMO.tenant.id);
    const sites = await h.store.db
      .selectFrom('sites')
      .select(['id', 'name'])
      .where('tenant_id', '=', DEMO.tenant.id)
      .execute();
    const names = new Map(sites.map((s) => [s.id, s.name]));
    const siteName = (id: string) => names.get(id) ?? id;
    const options = { lang: 'nl' as const, siteName };
    const file = async (name: string, query = '') =>
      (await ok(`/api/v1/exports/${name}?${PERIOD}${query}`, demoCoordinator)).rawPayload;
    const utf8 = (text: string) => Buffer.from(text, 'utf8');
    expect((await file('items.csv')).equals(utf8(itemsCsv(items, NOVEMBER, options)))).toBe(true);
    // The audit trail names people and devices as the region's directory does.
    const nameOf = async (table: 'people' | 'devices') =>
      new Map(
        (
          await h.store.db
            .selectFrom(table)
            .select(['id', 'name'])
            .where('tenant_id', '=', DEMO.tenant.id)
            .execute()
        ).map((row) => [row.id, row.name]),
      );
    const [people, devices] = [await nameOf('people'), await nameOf('devices')];
    const traceOptions = {
      ...options,
      personName: (id: string) => people.get(id),
      deviceName: (id: string) => devices.get(id),
    };
    expect(
      (await file('trace.csv')).equals(
        utf8(traceabilityCsv(items, events, NOVEMBER, traceOptions)),
      ),
    ).toBe(true);
    expect(
      (await file('ords.csv')).equals(
        utf8(toOrdsCsv(items, NOVEMBER, { dataProvider: DEMO.tenant.name, siteName })),
      ),
    ).toBe(true);
    // The workbook's zip carries the time it was written: compare what it holds.
    const made = await writeExcelFile(xlsxSheets(items, NOVEMBER, options)).toBuffer();
    expect(await readExcelFile(await file('items.xlsx'))).toEqual(await readExcelFile(made));
    // The same person's file over "all" (their one region) is that file with the region first.
    const plain = csvRows((await file('items.csv')).toString('utf8'));
    const all = csvRows((await file('items.csv', '&regions=all')).toString('utf8'));
    expect(all.map((r) => r.slice(1))).toEqual(plain);
    expect(new Set(all.slice(1).map((r) => r[0]))).toEqual(new Set([DEMO.tenant.name]));
  });
});
