// The demo's repair café, "Repair Café Centrum": a few past café days (closed sessions) of
// visits drawn from real Repair Connects records (server/demo-data/repairs.json: Dutch fault texts,
// the real mix of fixed, repairable and end of life, with the ORDS barrier of the latter).
//
// Deterministic for a given day: a seeded random source, fixed devices and clock nodes. The events
// go through the push path (pushEvents) with each café device's scope, as the season's do.
import { brusselsParts, defaultWeightKg, generateCode, skillFor } from '../../src/domain/index';
import type { BewaarEvent, CafeSkill, EventDataMap, EventType } from '../../src/domain/index';
import {
  at,
  dayNumber,
  ensureDevices,
  int,
  fixFor,
  loadRepairs,
  pick,
  PUSH_BATCH,
  scopeOf,
  stamp,
  TENANT,
  weekday,
} from '../demoSeason';
import type { Draft, Repair, Writer } from '../demoSeason';
import { pushEvents } from '../eventStore';
import { seededRandom } from '../seededRandom';
import type { Store } from '../store/createStore';

/** The café of the demo region and who works there (server/demo.ts writes them). */
export const DEMO_CAFE = {
  site: { id: 'demo-cafe-centrum', name: 'Repair Café Centrum', code: 'DEMO-CAFE' },
  host: { id: 'demo-host-els', name: 'Els (onthaal)' },
  fixers: [
    { id: 'demo-fixer-f01', name: 'F-01' },
    { id: 'demo-fixer-f02', name: 'F-02' },
    { id: 'demo-fixer-f03', name: 'F-03' },
  ],
  organiser: {
    id: 'demo-organiser',
    name: 'Organisator (demo)',
    username: 'organiser',
    password: 'bewaar-demo',
  },
} as const;

/** How many past café days, one every four weeks on a Saturday, the last before today. */
export const CAFE_SESSIONS = 4;
const SEED = 0xcafe_2025;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const SITE = DEMO_CAFE.site.id;
const DOOR: Writer = {
  site: SITE,
  device: 'demo-tablet-cafe',
  deviceName: 'Tablet onthaal Repair Café Centrum (demo)',
  node: 'de00000000000c01',
  kind: 'cafe',
};
/** Each fixer's own phone, and the table they sit at. */
const FIXERS = DEMO_CAFE.fixers.map((fixer, i) => ({
  ...fixer,
  writer: {
    site: SITE,
    device: `demo-phone-cafe-f0${String(i + 1)}`,
    deviceName: `Gsm ${fixer.name} Repair Café Centrum (demo)`,
    node: `de00000000000c1${String(i + 1)}`,
    kind: 'cafe',
  } satisfies Writer,
}));

const TABLES: readonly { name: string; skill: CafeSkill; fixer: number }[] = [
  { name: 'Tafel 1', skill: 'electric', fixer: 0 },
  { name: 'Tafel 2', skill: 'electronics', fixer: 1 },
  { name: 'Tafel 3', skill: 'computers', fixer: 2 },
  { name: 'Naaitafel', skill: 'textile', fixer: 2 },
];

// Not in ORDS (which covers powered items only), so written here: what visitors bring besides.
const UNPOWERED: readonly { problem: string; outcome: Repair['outcome']; kg: number }[] = [
  { problem: 'Rits van winterjas zit los', outcome: 'fixed', kg: 1.2 },
  { problem: 'Naad van broek gescheurd', outcome: 'fixed', kg: 0.5 },
  { problem: 'Voering van handtas versleten', outcome: 'repairable', kg: 0.6 },
  { problem: 'Knoopsgat uitgescheurd', outcome: 'fixed', kg: 0.4 },
];

export interface CafeReport {
  /** False when the café already had events: nothing was added. */
  seeded: boolean;
  sessions: number;
  visits: number;
  events: number;
}

/** The café's events (not yet stored), oldest first. Pure: the same day, the same list. */
export function buildDemoCafe(options: { now: number }): BewaarEvent[] {
  const rng = seededRandom(SEED);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rng() * 256));
  // End-of-life records that name no barrier are left out: a fixer names one.
  const repairs = loadRepairs().filter((r) => r.outcome !== 'end-of-life' || r.barrier !== null);
  const today = dayNumber(brusselsParts(options.now).day);
  let lastSaturday = today - 1;
  while (weekday(lastSaturday) !== 6) lastSaturday -= 1;
  const drafts: Draft[] = [];
  const add = <K extends EventType>(
    time: number,
    type: K,
    subject: string,
    writer: Writer,
    actor: string,
    data: EventDataMap[K],
  ) => {
    drafts.push({ at: time, type, subject, writer, actor, data });
  };
  const host = DEMO_CAFE.host.id;

  for (let k = CAFE_SESSIONS - 1; k >= 0; k -= 1) {
    const day = lastSaturday - 28 * k;
    const session = generateCode('session', bytes);
    const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    add(at(day, 13 * 60 + 15, rng), 'session.opened', session, DOOR, host, {
      date,
      venue: 'Parochiezaal Sint-Anna',
      tables: TABLES.map(({ name, skill }) => ({ name, skill })),
    });
    const visits = int(rng, 10, 15);
    const busyUntil = TABLES.map(() => at(day, 13 * 60 + 30, rng));
    for (let number = 1; number <= visits; number += 1) {
      const checkedIn = at(day, 13 * 60 + 30 + Math.round(((number - 1) * 150) / visits), rng);
      const ticket = generateCode('ticket', bytes);
      const unpowered = rng() < 0.12 ? pick(rng, UNPOWERED) : null;
      const repair = unpowered === null ? pick(rng, repairs) : null;
      const category = repair?.category ?? 0;
      const proposed = skillFor(category, unpowered === null ? null : 'textile');
      const tableIndex = Math.max(
        0,
        TABLES.findIndex((t) => t.skill === proposed),
      );
      const table = TABLES[tableIndex] ?? TABLES[0];
      if (table === undefined) throw new Error('no tables');
      const problem = repair?.problem ?? unpowered?.problem ?? '';
      add(checkedIn, 'visit.checked-in', ticket, DOOR, host, {
        session,
        number,
        category,
        ...(unpowered === null ? {} : { unpoweredKind: 'textile' as const }),
        ...(repair?.brand == null ? {} : { brand: repair.brand }),
        problem,
        ...(rng() < 0.7 ? { ageYears: int(rng, 1, 25) } : {}),
        skill: table.skill,
        waiver: true,
        followUpConsent: rng() < 0.3,
      });
      const fixer = FIXERS[table.fixer];
      if (fixer === undefined) throw new Error('no fixer');
      const claimed = Math.max(checkedIn, busyUntil[tableIndex] ?? 0) + int(rng, 2, 8) * MINUTE_MS;
      add(claimed, 'visit.claimed', ticket, fixer.writer, fixer.id, { table: table.name });
      const minutes = int(rng, 10, 50);
      const done = claimed + minutes * MINUTE_MS;
      busyUntil[tableIndex] = done;
      const outcome = repair?.outcome ?? unpowered?.outcome ?? 'fixed';
      const needsPart = rng() < 0.6;
      add(done, 'visit.repaired', ticket, fixer.writer, fixer.id, {
        status: outcome,
        ...(outcome === 'repairable'
          ? {
              nextStep: pick(rng, ['more-time', 'professional-help', 'do-it-yourself'] as const),
              spareParts: needsPart ? ('needed' as const) : ('not-needed' as const),
              ...(needsPart
                ? { partsSource: pick(rng, ['manufacturer', 'third-party'] as const) }
                : {}),
            }
          : {}),
        ...(outcome === 'end-of-life' && repair?.barrier != null
          ? { barrier: repair.barrier }
          : {}),
        fault: problem,
        ...(outcome === 'fixed'
          ? { solution: unpowered === null ? fixFor(problem) : 'Met de naaimachine hersteld' }
          : {}),
        minutes,
        fixer: fixer.name,
      });
      const weighed = unpowered !== null || rng() < 0.3;
      const base = unpowered?.kg ?? defaultWeightKg(category);
      add(
        done + int(rng, 2, 10) * MINUTE_MS,
        'visit.checked-out',
        ticket,
        DOOR,
        host,
        weighed
          ? { weightKg: Math.max(0.1, Math.round(base * (0.7 + rng() * 0.6) * 10) / 10) }
          : {},
      );
    }
    const volunteers = int(rng, 7, 10);
    const closed = Math.max(at(day, 17 * 60, rng), ...busyUntil) + 20 * MINUTE_MS;
    add(closed, 'session.closed', session, DOOR, host, {
      volunteers,
      volunteerHours: volunteers * 4,
    });
  }
  return stamp(drafts, rng);
}

export async function seedDemoCafe(store: Store, options: { now: number }): Promise<CafeReport> {
  const any = await store.db
    .selectFrom('events')
    .select('id')
    .where('tenant_id', '=', TENANT)
    .where('site', '=', SITE)
    .limit(1)
    .executeTakeFirst();
  if (any !== undefined) return { seeded: false, sessions: 0, visits: 0, events: 0 };
  const events = buildDemoCafe(options);
  await ensureDevices(
    store.db,
    [DOOR, ...FIXERS.map((f) => f.writer)],
    new Date(options.now - CAFE_SESSIONS * 28 * DAY_MS).toISOString(),
  );
  for (const writer of [DOOR, ...FIXERS.map((f) => f.writer)]) {
    const scope = await scopeOf(store.db, writer);
    const own = events.filter((e) => e.device === writer.device);
    for (let start = 0; start < own.length; start += PUSH_BATCH) {
      const result = await pushEvents(store, scope, own.slice(start, start + PUSH_BATCH));
      if (result.rejected.length > 0) {
        const first = result.rejected[0];
        throw new Error(
          `demo café: ${result.rejected.length} events refused, e.g. ${first?.id ?? ''} ${first?.code ?? ''}: ${first?.message ?? ''}`,
        );
      }
    }
  }
  return {
    seeded: true,
    sessions: events.filter((e) => e.type === 'session.opened').length,
    visits: events.filter((e) => e.type === 'visit.checked-in').length,
    events: events.length,
  };
}
