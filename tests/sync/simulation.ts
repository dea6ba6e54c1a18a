// The convergence simulation: 3–5 devices of parks and shops (the real storage and sync client on
// fake-indexeddb; two shops when there are four or more), a repair café's door tablet and two
// fixers' phones, and the real server on SQLite or PostgreSQL. Devices write what people write —
// cages opened, filled, closed, collected, received and unpacked, items registered, caged,
// corrected, photographed, voided, scanned in and taken along the bench up to a sale, a return or
// a rejection, and now and then a sale the rules refuse or a type the sender may not write; café
// days opened, items checked in (some with a contact), claimed by both fixers at once, released,
// repaired, photographed and checked out, the day closed — while the network drops requests and
// answers, duplicates them, goes offline and the server restarts. After the network heals,
// `checkConverged` holds every device, the server's log and its item projection against each
// other and against the test's own fold.
import { expect } from 'vitest';
import { buildApp } from '../../server/app';
import { seedDemo } from '../../server/demo';
import { catchUpAll } from '../../server/projector';
import { seededRandom } from '../../server/seededRandom';
import type { Store } from '../../server/store/createStore';
import {
  categoryById,
  generateCode,
  nextFor,
  skillFor,
  type BewaarEvent,
  type EventDataMap,
  type EventType,
  type VisitState,
} from '../../src/domain';
import {
  allLoggedEvents,
  openBewaarDb,
  recordEvents,
  type Author,
  type BewaarDexie,
  type EventDraft,
  type ItemRow,
} from '../../src/storage';
import { checkIn, type CafeDeps } from '../../src/storage/cafe';
import { storePhoto } from '../../src/storage/photos';
import { createApi } from '../../src/sync/api';
import { syncOnce } from '../../src/sync/engine';
import { NO_FAULTS, SimulatedFault, simulatedFetch, type Faults } from './network';
import {
  projectedItem,
  projectedSession,
  projectedVisit,
  referenceCage,
  referenceItem,
  referenceSession,
  referenceVisit,
} from './referenceFold';

export interface Op {
  /** A round: every device syncs in turn, each dealt the op's faults (as on a normal day, when
   * every device syncs every few minutes). */
  kind: 'write' | 'cafe' | 'sync' | 'round' | 'offline' | 'restart';
  /** Which device: of the parks and shops for a write, of the café's for a café write, of all
   * for the rest. */
  device: number;
  /** A write at a shop, whichever device the op names (a quarter of them, on top of the shops'
   * share of the devices: custody and the bench are the longer part of an item's way). */
  shop: boolean;
  what: number;
  pick: number;
  offline: boolean;
  faults: Omit<Faults, 'offline'>;
}

export interface Scenario {
  devices: number;
  skews: number[];
  ops: Op[];
}

/** What the runs did, summed over all of them: a generator that stopped writing some type, or a
 * check that stopped seeing refusals, shows here instead of passing on nothing. */
export interface Coverage {
  stored: Map<string, number>;
  refused: Map<string, number>;
  statuses: Map<string, number>;
}

export function newCoverage(): Coverage {
  return { stored: new Map(), refused: new Map(), statuses: new Map() };
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** The refusals a run may meet, by what was sent: a sale or price the rules forbid (the sender's
 * view was behind, or it sold regardless), and the park's deliberate bench step. Any other
 * refusal fails the run. */
const EXPECTED_REFUSALS: Record<string, string> = {
  'item.priced': 'rule',
  'item.sold': 'rule',
  'item.inspected': 'forbidden',
};

interface Device {
  db: BewaarDexie;
  author: Author;
  kind: 'park' | 'shop' | 'cafe';
  /** On a café device, the person who works it: the host at the door, or a fixer at a table. */
  role?: 'host' | 'fixer';
  table?: string;
  skewMs: number;
  faults: Faults;
  token: string;
}

/** A server the run can stop and start again on the same data. */
export interface ServerStore {
  open: () => Promise<Store>;
  /** Removes what the store left behind, after the last close. */
  dispose: () => void;
}

/** A deterministic byte source for label codes and photos, from the run's number. (A linear
 * congruential step in floating point lost its low bits after a few calls: nearly every code was
 * BW000000000, so the runs had one item, one cage and one visit.) */
function bytesFrom(seed: number) {
  const next = seededRandom(seed);
  return (n: number) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256));
}

const ENROLL = ['DEMO-WINKEL', 'DEMO-NOORD', 'DEMO-ZUID', 'DEMO-WINKEL', 'DEMO-NOORD'];
/** The café's devices, after the parks' and shops': the door tablet and two fixers' phones, both
 * at a table for electric appliances, so that offline they claim the same next visit. */
const CAFE = [
  { role: 'host' as const, table: undefined },
  { role: 'fixer' as const, table: 'Tafel 1' },
  { role: 'fixer' as const, table: 'Tafel 2' },
];
/** ORDS categories whose visits go to an electric table (skillFor). */
const ELECTRIC = [1, 2, 3, 7, 9, 14, 15, 17];
const CAFE_TABLES = [
  { name: 'Tafel 1', skill: 'electric' as const },
  { name: 'Tafel 2', skill: 'electric' as const },
  { name: 'Naaitafel', skill: 'textile' as const },
];

export async function runScenario(
  scenario: Scenario,
  run: number,
  server: ServerStore,
  coverage: Coverage,
): Promise<void> {
  let store = await server.open();
  await store.migrate();
  await seedDemo(store.db);
  let app = await buildApp({ store, demo: true, rateLimit: { max: 10_000 } });
  const random = bytesFrom(run + 1);
  let ids = 0;
  const newId = () => `0194d7c6-0000-7000-8000-${(++ids).toString(16).padStart(12, '0')}`;
  const devices: Device[] = [];
  try {
    for (let i = 0; i < scenario.devices + CAFE.length; i++) {
      const cafe = CAFE[i - scenario.devices];
      const code = cafe ? 'DEMO-CAFE' : (ENROLL[i] ?? 'DEMO-NOORD');
      const faults = { ...NO_FAULTS };
      const api = createApi({
        baseUrl: '',
        fetch: simulatedFetch(
          () => app,
          () => faults,
        ),
      });
      const enrollment = await api.enroll(code, `sim-${i}`);
      // A café device writes as its person; the fixers are the roster's first two.
      const fixers = enrollment.people.filter((p) => p.role === 'fixer');
      const person = cafe
        ? cafe.role === 'host'
          ? enrollment.people.find((p) => p.role === 'host')
          : fixers[i - scenario.devices - 1]
        : enrollment.people[0];
      devices.push({
        db: openBewaarDb(`sim-${run}-${i}-${Math.random()}`),
        author: {
          device: enrollment.device.id,
          actor: person?.id ?? '',
          site: enrollment.site.id,
          node: i.toString(16).padStart(16, '0'),
        },
        kind: enrollment.site.kind,
        ...(cafe ? { role: cafe.role, table: cafe.table } : {}),
        skewMs: scenario.skews[i] ?? 0,
        faults,
        token: enrollment.token,
      });
    }
    const sync = (d: Device) =>
      syncOnce({
        db: d.db,
        api: createApi({
          baseUrl: '',
          token: d.token,
          fetch: simulatedFetch(
            () => app,
            () => d.faults,
          ),
        }),
        node: d.author.node,
        now: () => Date.now() + d.skewMs,
        batchSize: 7,
        pullLimit: 10,
      });

    const shops = devices.filter((d) => d.kind === 'shop');
    const regular = devices.filter((d) => d.kind !== 'cafe');
    const cafes = devices.filter((d) => d.kind === 'cafe');
    const write = async (device: Device, drafts: EventDraft[]) => {
      if (drafts.length > 0)
        await recordEvents(device.author, drafts, {
          db: device.db,
          now: () => Date.now() + device.skewMs,
          newId,
        });
    };
    for (const op of scenario.ops) {
      const device =
        op.kind === 'cafe'
          ? cafes[op.device % cafes.length]
          : op.kind === 'write'
            ? op.shop
              ? shops[op.device % shops.length]
              : regular[op.device % regular.length]
            : devices[op.device % devices.length];
      if (!device) continue;
      if (op.kind === 'cafe') {
        // The door often checks in a few visitors in a row.
        const steps = device.role === 'host' ? 1 + (op.pick % 2) : 1;
        for (let step = 0; step < steps; step++)
          await write(
            device,
            await cafeWrite(device, op.what, op.pick + step, random, {
              db: device.db,
              now: () => Date.now() + device.skewMs,
              newId,
              randomBytes: random,
            }),
          );
        continue;
      }
      if (op.kind === 'write') {
        // At the bench a technician often saves a few steps in a row.
        const bench = device.kind === 'shop' && op.what % 9 >= 4;
        for (let step = 0; step < (bench ? 1 + (op.pick % 3) : 1); step++) {
          const drafts = await (device.kind === 'park' ? parkWrite : shopWrite)(
            device,
            op.what,
            op.pick + step,
            random,
          );
          await write(device, drafts);
        }
      } else if (op.kind === 'offline') device.faults.offline = op.offline;
      else if (op.kind === 'sync' || op.kind === 'round') {
        for (const d of op.kind === 'sync' ? [device] : devices) {
          Object.assign(d.faults, op.faults);
          try {
            await sync(d);
          } catch (error) {
            // The faults this round was dealt, and nothing else.
            if (!(error instanceof SimulatedFault)) throw error;
          }
          Object.assign(d.faults, { dropRequest: false, dropResponse: false, duplicate: false });
        }
        // Which statuses the devices' items pass through (most are left behind by the end).
        if (op.kind === 'round')
          for (const d of devices)
            for (const item of await d.db.items.toArray()) bump(coverage.statuses, item.status);
      } else {
        await app.close();
        await store.close();
        store = await server.open();
        await store.migrate();
        app = await buildApp({ store, demo: true, rateLimit: { max: 10_000 } });
      }
    }
    // The network heals: two rounds each, so every device sees what the others pushed last.
    for (const d of devices) d.faults = { ...NO_FAULTS };
    for (let round = 0; round < 2; round++) for (const d of devices) await sync(d);
    await checkConverged(store, devices, coverage);
  } finally {
    await app.close();
    await store.close();
    for (const d of devices) await d.db.delete();
    server.dispose();
  }
}

type ComparableItem = Parameters<typeof projectedItem>[0];

async function checkConverged(store: Store, devices: Device[], coverage: Coverage) {
  const serverRows = await store.db.selectFrom('events').select(['id', 'body']).execute();
  const serverEvents = serverRows.map((r) => JSON.parse(r.body) as BewaarEvent);
  const serverIds = serverEvents.map((e) => e.id).sort();
  expect(new Set(serverIds).size).toBe(serverIds.length);
  for (const e of serverEvents) bump(coverage.stored, e.type);

  // (ii) The server's own item projection, caught up as any read of it is, against the test's
  // fold of the server's log.
  await catchUpAll(store);
  const projected = await store.db.selectFrom('items').select(['code', 'state']).execute();
  const serverItems = new Map(projected.map((r) => [r.code, JSON.parse(r.state) as ItemRow]));
  const codes = (events: readonly BewaarEvent[], prefix: 'BW' | 'BK' | 'BS' | 'BT') =>
    [...new Set(events.map((e) => e.subject))].filter((c) => c.startsWith(prefix)).sort();
  const itemCodes = (events: readonly BewaarEvent[]) => codes(events, 'BW');
  expect([...serverItems.keys()].sort()).toEqual(itemCodes(serverEvents));
  for (const [code, item] of serverItems) {
    const expected = referenceItem(code, serverEvents);
    expect(projectedItem(item as ComparableItem), `server item ${code}`).toEqual(expected);
    bump(coverage.statuses, expected.status);
  }

  let firstCages: unknown = null;
  let firstCafe: unknown = null;
  for (const d of devices) {
    // (i) Every event the device wrote reached the server, or was refused for a reason this run
    // expects; nothing is left waiting.
    const outbox = await d.db.outbox.toArray();
    expect(outbox.filter((row) => row.rejected === undefined)).toEqual([]);
    const refused = new Set<string>();
    for (const row of outbox) {
      const why = `${row.event.type} refused: ${row.rejected?.code ?? ''} ${row.rejected?.message ?? ''}`;
      expect(row.rejected?.code, why).toBe(EXPECTED_REFUSALS[row.event.type]);
      refused.add(row.event.id);
      bump(coverage.refused, `${row.event.type} ${row.rejected?.code ?? ''}`);
    }
    const log = await allLoggedEvents(d.db);
    expect(log.map((e) => e.id).sort()).toEqual([...serverIds, ...refused].sort());

    // Its items: the test's fold of its own log, and — for items no refused event touched —
    // exactly the server's projection (state, figure facts and all).
    const touched = new Set(log.filter((e) => refused.has(e.id)).map((e) => e.subject));
    const rows = await d.db.items.toArray();
    expect(rows.map((r) => r.code).sort()).toEqual(itemCodes(log));
    for (const row of rows) {
      const item: Partial<ItemRow> = { ...row };
      delete item.day;
      delete item.queue;
      expect(projectedItem(row), `${d.kind} ${d.author.device} item ${row.code}`).toEqual(
        referenceItem(row.code, log),
      );
      if (!touched.has(row.code))
        expect(item, `item ${row.code}`).toEqual(serverItems.get(row.code));
    }

    // Its cages (no cage event is ever refused): the same on every device, and as the test folds.
    const cages = await d.db.cages.toArray();
    expect(cages.map((c) => c.code).sort()).toEqual(codes(serverEvents, 'BK'));
    for (const cage of cages) {
      const { trips, ...current } = cage;
      expect(
        {
          status: current.status,
          site: current.site,
          trips: trips.length,
          openedAt: current.openedAt,
          closedAt: current.closedAt,
          closedCount: current.closedCount,
          collectedAt: current.collectedAt,
          receivedAt: current.receivedAt,
          unpackedAt: current.unpackedAt,
        },
        `cage ${cage.code}`,
      ).toEqual(referenceCage(cage.code, serverEvents));
    }
    const byCode = Object.fromEntries(cages.map((c) => [c.code, c]));
    if (firstCages === null) firstCages = byCode;
    else expect(byCode).toEqual(firstCages);

    // Its café days and visits (no café event is ever refused): the same rows on every device,
    // and as the test folds them — the earliest claim by clock holds on each.
    const sessions = await d.db.sessions.toArray();
    expect(sessions.map((s) => s.code).sort()).toEqual(codes(serverEvents, 'BS'));
    for (const session of sessions)
      expect(projectedSession(session), `session ${session.code}`).toEqual(
        referenceSession(session.code, serverEvents),
      );
    const visits = await d.db.visits.toArray();
    expect(visits.map((v) => v.ticket).sort()).toEqual(codes(serverEvents, 'BT'));
    for (const visit of visits)
      expect(projectedVisit(visit), `${d.kind} ${d.author.device} visit ${visit.ticket}`).toEqual(
        referenceVisit(visit.ticket, serverEvents),
      );
    const cafe = {
      sessions: Object.fromEntries(sessions.map((s) => [s.code, s])),
      visits: Object.fromEntries(visits.map((v) => [v.ticket, v])),
    };
    if (firstCafe === null) firstCafe = cafe;
    else expect(cafe).toEqual(firstCafe);
    // The door's contacts were all taken by the server, none refused, and it kept no copy.
    expect(await d.db.cafeContacts.toArray()).toEqual([]);
  }
  for (const ticket of codes(serverEvents, 'BT')) {
    const visit = referenceVisit(ticket, serverEvents);
    bump(coverage.statuses, `visit ${visit.status}`);
    for (const lost of visit.lost)
      bump(coverage.statuses, `claim lost to ${lost.heldBy === null ? 'an outcome' : 'a table'}`);
  }
  const consented = serverEvents.filter(
    (e) => e.type === 'visit.checked-in' && e.data.followUpConsent,
  );
  const contacts = await store.db.selectFrom('cafe_contacts').select('ticket').execute();
  expect(contacts.map((c) => c.ticket).sort()).toEqual(
    [...new Set(consented.map((e) => e.subject))].sort(),
  );
}

// ——— What people write ———

const BRANDS = ['Philips', 'Bosch', '', 'Merk "x"; é\nok'];

function registration(pick: number, photos: string[] = []): EventDraft {
  return {
    type: 'item.registered',
    subject: '',
    data: {
      category: 1 + (pick % 40),
      brand: BRANDS[pick % 3] || 'Onbekend',
      condition: 'works',
      complete: pick % 2 === 0,
      weightKg: 1 + (pick % 7),
      weighed: pick % 3 === 0,
      photos,
    },
  };
}

function about<T extends EventDraft>(draft: T, subject: string): T {
  return { ...draft, subject };
}

async function newPhoto(d: Device, random: (n: number) => Uint8Array): Promise<string> {
  const bytes = new Uint8Array([0xff, 0xd8, 0xff, ...random(16)]);
  return storePhoto(new Blob([bytes], { type: 'image/jpeg' }), { width: 1, height: 1 }, d.db);
}

function draft<K extends EventType>(
  type: K,
  subject: string,
  data: Extract<EventDraft, { type: K }>['data'],
): EventDraft {
  return { type, subject, data } as EventDraft;
}

/** The park's writes: cages opened (new, or back from the shop for a new trip, or reopened),
 * closed with a count; items registered into the open cage, caged later, corrected, photographed,
 * voided and registered again; and once in a while a bench step the park may not write. */
async function parkWrite(
  d: Device,
  what: number,
  pick: number,
  random: (n: number) => Uint8Array,
): Promise<EventDraft[]> {
  const cages = await d.db.cages.filter((c) => c.site === d.author.site).toArray();
  const open = cages.find((c) => c.status === 'open');
  const items = (await d.db.items.toArray()).sort((a, b) => (a.code < b.code ? -1 : 1));
  const item = items[pick % Math.max(items.length, 1)];
  const w = what % 9;
  const inside = open
    ? items.filter((i) => i.cage === open.code && i.status === 'caged').length
    : 0;
  if (open && inside > 0 && w <= 3)
    return [draft('cage.closed', open.code, { count: pick % 4 === 0 ? inside + 1 : inside })];
  if ((w === 0 && pick % 6 === 0) || !open) {
    const back = cages.filter((c) => c.status === 'collected' || c.status === 'received');
    const closed = cages.filter((c) => c.status === 'closed');
    const reuse = pick % 3 === 0 ? back[pick % Math.max(back.length, 1)] : undefined;
    const reopen = pick % 15 === 1 ? closed[0] : undefined;
    const code = reuse?.code ?? reopen?.code ?? generateCode('cage', random);
    return [draft('cage.opened', code, {})];
  }
  if (w <= 5) {
    const code = generateCode('item', random);
    const photos = pick % 7 === 0 ? [await newPhoto(d, random)] : [];
    const caging = draft('item.caged', code, { cage: open.code });
    return pick % 6 === 0
      ? [about(registration(pick, photos), code)]
      : [about(registration(pick, photos), code), caging];
  }
  if (!item) return [];
  if (w === 6 && pick % 2 === 0) return [draft('item.caged', item.code, { cage: open.code })];
  if (w === 6)
    return [
      draft(
        'item.corrected',
        item.code,
        pick % 2 === 0 ? { brand: BRANDS[pick % 4] ?? '' } : { weightKg: 2 + (pick % 5) },
      ),
    ];
  if (w === 7)
    return item.voided
      ? [about(registration(pick + 1), item.code)]
      : [draft('item.voided', item.code, { reason: 'dubbel' })];
  if (pick % 4 === 0) return [draft('item.inspected', item.code, { visual: 'ok', complete: true })];
  return [draft('item.photo-added', item.code, { photo: await newPhoto(d, random) })];
}

/** The shop's writes: custody of the cages it knows (collect, receive, scan what came in,
 * unpack), the bench's next step for an item (mostly the one furthest along), a sale regardless
 * of the rules now and then, corrections and voids, an unknown label scanned at the bench. */
async function shopWrite(
  d: Device,
  what: number,
  pick: number,
  random: (n: number) => Uint8Array,
): Promise<EventDraft[]> {
  const items = (await d.db.items.toArray()).sort((a, b) => (a.code < b.code ? -1 : 1));
  const w = what % 9;
  if (w <= 3) {
    // Cages with custody work first: a closed cage waits for the driver.
    const cages = (await d.db.cages.toArray()).sort((a, b) => (a.code < b.code ? -1 : 1));
    const work = cages.filter((c) => c.status !== 'open' && c.unpackedAt === null);
    const away = work.length > 0 && pick % 4 !== 0 ? work : cages;
    const cage = away[pick % Math.max(away.length, 1)];
    if (cage?.status === 'closed')
      return [draft(pick % 4 === 0 ? 'cage.received' : 'cage.collected', cage.code, {})];
    if (cage?.status === 'collected') return [draft('cage.received', cage.code, {})];
    if (cage?.status === 'received') {
      const waiting = items.filter(
        (i) => i.cage === cage.code && (i.status === 'in-transit' || i.status === 'caged'),
      );
      const next = waiting[pick % Math.max(waiting.length, 1)];
      if (next && pick % 3 !== 0) return [draft('item.received', next.code, { cage: cage.code })];
      return [draft('cage.unpacked', cage.code, {})];
    }
  }
  if (w === 7 && pick % 2 === 0) {
    const code = generateCode('item', random);
    return [draft('item.received', code, {}), about(registration(pick), code)];
  }
  const live = items.filter((i) => i.status !== 'voided');
  // Mostly the item furthest along, so some reach a sale within a run.
  const item =
    pick % 5 === 0
      ? live[pick % Math.max(live.length, 1)]
      : live.reduce<ItemRow | undefined>(
          (best, i) =>
            i.status !== 'sold' && (!best || i.eventCount > best.eventCount) ? i : best,
          undefined,
        );
  if (!item) return [];
  if (w === 7) return [draft('item.sold', item.code, { priceEur: 5 + (pick % 20) })];
  if (w === 6) {
    if (pick % 5 === 0) return [draft('item.voided', item.code, {})];
    if (pick % 5 === 1)
      return [draft('item.photo-added', item.code, { photo: await newPhoto(d, random) })];
    return [draft('item.corrected', item.code, { brand: BRANDS[pick % 4] ?? '' })];
  }
  return benchStep(item, pick);
}

/** The next step the workshop takes with an item, from its projected state. */
function benchStep(item: ItemRow, pick: number): EventDraft[] {
  const code = item.code;
  const category = item.category === null ? undefined : categoryById(item.category);
  switch (item.status) {
    case 'registered':
    case 'caged':
    case 'in-transit':
    case 'missing':
      return [draft('item.received', code, {})];
    case 'received':
      return [
        draft('item.inspected', code, {
          visual: pick % 5 === 0 ? 'damaged' : 'ok',
          complete: pick % 3 !== 0,
        }),
      ];
    case 'sold':
      return [draft('item.returned', code, { reason: 'werkt niet' })];
    case 'for-sale':
      return [draft('item.sold', code, { priceEur: item.price?.priceEur ?? 10 })];
    case 'rejected':
      // Now and then a re-assessment: priced after all.
      return pick % 3 === 0 ? [draft('item.priced', code, { priceEur: 3, warrantyMonths: 0 })] : [];
    default:
      break;
  }
  if (category?.mainsPowered && item.safety?.result !== 'pass')
    return [
      draft('item.safety-tested', code, {
        result: pick % 6 === 0 ? 'fail' : 'pass',
        method: 'PAT klasse I',
        insulationMOhm: 2.5,
      }),
    ];
  if (category?.dataBearing && item.wipe?.verified !== true)
    return [
      draft('item.data-wiped', code, {
        method: 'purge',
        tool: 'nwipe',
        verified: pick % 6 !== 0,
      }),
    ];
  if (item.functionTest === null)
    return [
      draft('item.function-tested', code, {
        result: (['pass', 'partial', 'fail'] as const)[pick % 3] ?? 'pass',
      }),
    ];
  if (pick % 4 === 0)
    return [
      draft('item.repaired', code, {
        fault: 'zekering',
        action: 'vervangen',
        parts: [{ name: 'zekering', costEur: 0.5 }],
        minutes: 5 + (pick % 30),
        worker: 'W-01',
      }),
    ];
  if (pick % 5 === 0)
    return [
      draft('item.rejected', code, {
        reason: pick % 2 === 0 ? 'no-demand' : 3,
        destination: 'recycling',
      }),
    ];
  return [draft('item.priced', code, { priceEur: 5 + (pick % 40), warrantyMonths: 3 })];
}

/** A repair café's day. The door opens the day and checks visitors in (some leave a contact),
 * checks them out when done (or when they leave without), now and then sends a visit back to
 * the queue, photographs one, closes the day; a fixer takes the next visit for an electric table
 * (both fixers do, offline, so they claim the same one), or scans a ticket and claims it whatever
 * it is doing, then records an outcome, releases it or photographs it. */
async function cafeWrite(
  d: Device,
  what: number,
  pick: number,
  random: (n: number) => Uint8Array,
  deps: CafeDeps,
): Promise<EventDraft[]> {
  const now = Date.now() + d.skewMs;
  const open = (await d.db.sessions.toArray())
    .filter((s) => s.site === d.author.site && s.status === 'open' && s.date !== null)
    .sort((a, b) => (a.code < b.code ? -1 : 1))[0];
  const visits = (await d.db.visits.toArray()).sort((a, b) => (a.ticket < b.ticket ? -1 : 1));
  const some = (list: VisitState[]) => list[pick % Math.max(list.length, 1)];
  const photo = async (visit: VisitState | undefined) =>
    visit ? [draft('visit.photo-added', visit.ticket, { photo: await newPhoto(d, random) })] : [];
  const w = what % 9;
  if (d.role === 'host') {
    const opening = (code: string) =>
      draft('session.opened', code, {
        date: new Date(now).toISOString().slice(0, 10),
        venue: pick % 2 === 0 ? 'Buurthuis De Kring' : '',
        tables: CAFE_TABLES.slice(0, 2 + (pick % 2)),
      });
    if (!open) return [opening(generateCode('session', random))];
    const today = visits.filter((v) => v.session === open.code);
    if (w <= 1 && pick % 3 === 0 && today.length >= 3)
      return [
        draft('session.closed', open.code, { volunteers: 2 + (pick % 6), volunteerHours: 9.5 }),
      ];
    // A table added during the day: the opening stated again.
    if (w === 0 && pick % 3 === 1) return [opening(open.code)];
    if (w === 4 || w === 5) {
      const done = today.filter((v) => v.status === 'done');
      const leaving = done.length > 0 ? done : pick % 3 === 0 ? today : [];
      const visit = some(leaving);
      if (visit)
        return [
          draft(
            'visit.checked-out',
            visit.ticket,
            pick % 2 === 0 ? { weightKg: 0.5 + (pick % 9) } : {},
          ),
        ];
    }
    if (w === 6) {
      const visit = some(today.filter((v) => v.status === 'at-table'));
      if (visit) return [draft('visit.released', visit.ticket, { reason: 'onderdeel halen' })];
    }
    if (w === 7 && pick % 2 === 0) return photo(some(today));
    // Mostly what an electric table takes (a toaster, a lamp, a vacuum …), so the fixers compete.
    const unpowered = pick % 5 === 0;
    const category = unpowered ? 0 : pick % 3 === 0 ? 1 + (pick % 40) : (ELECTRIC[pick % 8] ?? 1);
    const consent = pick % 3 === 0;
    await checkIn(
      d.author,
      {
        session: open.code,
        data: {
          category,
          ...(unpowered ? { unpoweredKind: 'textile' as const } : {}),
          brand: BRANDS[pick % 4] ?? '',
          problem: 'doet niets meer',
          ...(pick % 2 === 0 ? { ageYears: pick % 20 } : {}),
          skill: skillFor(category, unpowered ? 'textile' : undefined),
          waiver: true,
          followUpConsent: consent,
        },
        contact: consent
          ? pick % 2 === 0
            ? { firstName: 'Mieke', phone: '0470 12 34 56' }
            : { firstName: 'Jan', email: 'jan@example.org' }
          : null,
      },
      deps,
    );
    return [];
  }
  const table = d.table ?? 'Tafel 1';
  const mine = visits.filter((v) => v.status === 'at-table' && v.claim?.device === d.author.device);
  const held = some(mine);
  if (held && w <= 5) return [draft('visit.repaired', held.ticket, outcome(pick, d.author.actor))];
  if (held && w === 6) return [draft('visit.released', held.ticket, {})];
  if (held && w === 7) return photo(held);
  // A ticket scanned: claimed whatever it is doing (at another table, done, gone).
  const scanned = pick % 4 === 0 ? some(visits.filter((v) => v.checkedIn)) : undefined;
  const next = scanned ?? nextFor(visits, 'electric');
  if (next) return [draft('visit.claimed', next.ticket, { table })];
  // Nothing waits: a second look at an outcome of this table's.
  const done = visits.filter((v) => v.status === 'done' && v.claim?.device === d.author.device);
  const redo = some(done);
  if (redo && pick % 2 === 0)
    return [draft('visit.repaired', redo.ticket, outcome(pick + 1, d.author.actor))];
  return photo(redo);
}

function outcome(pick: number, fixer: string): EventDataMap['visit.repaired'] {
  const minutes = 5 + (pick % 40);
  switch (pick % 3) {
    case 0:
      return { status: 'fixed', fault: 'zekering', solution: 'vervangen', minutes, fixer };
    case 1:
      return {
        status: 'repairable',
        nextStep: 'more-time',
        spareParts: 'needed',
        partsSource: 'third-party',
        fault: 'motor slijt',
        minutes,
        fixer,
      };
    default:
      return {
        status: 'end-of-life',
        barrier: (1 + (pick % 6)) as 1 | 2 | 3 | 4 | 5 | 6,
        fault: 'print kapot',
        minutes,
        fixer,
      };
  }
}
