// Convergence under faults: 3–5 simulated devices (the real storage and sync client on
// fake-indexeddb) and the real server on SQLite, with offline periods, lost requests, lost
// responses, duplicated sends, server restarts and device clocks skewed by up to ±12 h. After the
// network heals, every device and the server must hold the same event set — none lost, none
// twice — and the same folded state. A failing run prints its seed for replay
// (BEWAAR_SIM_SEED=<seed> npx vitest run tests/sync).
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { seedDemo } from '../../server/demo';
import { createStore, type Store } from '../../server/store/createStore';
import { figureItemsFromEvents, foldCage, generateCode, type BewaarEvent } from '../../src/domain';
import {
  allLoggedEvents,
  openBewaarDb,
  recordEvents,
  type Author,
  type BewaarDexie,
} from '../../src/storage';
import { createApi } from '../../src/sync/api';
import { syncOnce } from '../../src/sync/engine';
import { NO_FAULTS, simulatedFetch, type Faults } from './network';

const RUNS = Number(process.env.BEWAAR_SIM_RUNS ?? 200);
const SEED = process.env.BEWAAR_SIM_SEED ? Number(process.env.BEWAAR_SIM_SEED) : 20261127;
const HOUR = 3_600_000;

interface Device {
  db: BewaarDexie;
  author: Author;
  kind: 'park' | 'shop';
  skewMs: number;
  faults: Faults;
  token: string;
}

const faultsArb = fc.record({
  offline: fc.constant(false),
  dropRequest: fc.boolean(),
  dropResponse: fc.boolean(),
  duplicate: fc.boolean(),
});

const scenarioArb = fc.record({
  devices: fc.integer({ min: 3, max: 5 }),
  skews: fc.array(fc.integer({ min: -12 * HOUR, max: 12 * HOUR }), { minLength: 5, maxLength: 5 }),
  ops: fc.array(
    fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({
          kind: fc.constant('write' as const),
          device: fc.nat(4),
          what: fc.nat(5),
          pick: fc.nat(1000),
        }),
      },
      {
        weight: 3,
        arbitrary: fc.record({
          kind: fc.constant('sync' as const),
          device: fc.nat(4),
          faults: faultsArb,
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('offline' as const),
          device: fc.nat(4),
          offline: fc.boolean(),
        }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const) }) },
    ),
    { minLength: 5, maxLength: 30 },
  ),
});

/** A deterministic byte source for label codes and event ids, from the run's own counter. */
function bytesFrom(counter: { n: number }) {
  return (n: number) =>
    Uint8Array.from(
      { length: n },
      () => (counter.n = (counter.n * 1103515245 + 12345) % 2 ** 31) & 0xff,
    );
}

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

async function runScenario(scenario: Scenario, run: number) {
  const dir = mkdtempSync(join(tmpdir(), 'bewaar-sim-'));
  const file = join(dir, 'server.sqlite');
  let store: Store = createStore({ kind: 'sqlite', file });
  await store.migrate();
  await seedDemo(store.db);
  let app = await buildApp({ store, demo: true, rateLimit: { max: 10_000 } });
  const counter = { n: run + 1 };
  const random = bytesFrom(counter);
  let ids = 0;
  const devices: Device[] = [];
  try {
    for (let i = 0; i < scenario.devices; i++) {
      const kind = i === 0 ? ('shop' as const) : ('park' as const);
      const faults = { ...NO_FAULTS };
      const api = createApi({
        baseUrl: '',
        fetch: simulatedFetch(
          () => app,
          () => faults,
        ),
      });
      const enrollment = await api.enroll(
        kind === 'shop' ? 'DEMO-WINKEL' : i % 2 ? 'DEMO-NOORD' : 'DEMO-ZUID',
        `sim-${i}`,
      );
      const node = i.toString(16).padStart(16, '0');
      devices.push({
        db: openBewaarDb(`sim-${run}-${i}-${Math.random()}`),
        author: {
          device: enrollment.device.id,
          actor: enrollment.people[0]?.id ?? '',
          site: enrollment.site.id,
          node,
        },
        kind,
        skewMs: scenario.skews[i] ?? 0,
        faults,
        token: enrollment.token,
      });
    }
    const apiOf = (d: Device) =>
      createApi({
        baseUrl: '',
        token: d.token,
        fetch: simulatedFetch(
          () => app,
          () => d.faults,
        ),
      });
    const sync = (d: Device) =>
      syncOnce({
        db: d.db,
        api: apiOf(d),
        node: d.author.node,
        now: () => Date.now() + d.skewMs,
        batchSize: 7,
        pullLimit: 5,
      });

    for (const op of scenario.ops) {
      const device = devices[op.kind === 'restart' ? 0 : op.device % devices.length];
      if (!device) continue;
      if (op.kind === 'write')
        await write(
          device,
          op.what,
          op.pick,
          random,
          () => `0194d7c6-0000-7000-8000-${(++ids).toString(16).padStart(12, '0')}`,
        );
      else if (op.kind === 'offline') device.faults.offline = op.offline;
      else if (op.kind === 'sync') {
        Object.assign(device.faults, { ...op.faults, offline: device.faults.offline });
        await sync(device).catch(() => undefined);
        Object.assign(device.faults, { dropRequest: false, dropResponse: false, duplicate: false });
      } else {
        await app.close();
        await store.close();
        store = createStore({ kind: 'sqlite', file });
        await store.migrate();
        app = await buildApp({ store, demo: true, rateLimit: { max: 10_000 } });
      }
    }
    // The network heals: two rounds each, so every device sees what the others pushed last.
    for (const d of devices) d.faults = { ...NO_FAULTS };
    for (let round = 0; round < 2; round++) for (const d of devices) await sync(d);

    const serverRows = await store.db.selectFrom('events').select(['id', 'body']).execute();
    const serverEvents = serverRows.map((r) => JSON.parse(r.body) as BewaarEvent);
    const serverIds = serverEvents.map((e) => e.id).sort();
    expect(new Set(serverIds).size).toBe(serverIds.length);
    const expected = folded(serverEvents);
    for (const d of devices) {
      const deviceIds = (await allLoggedEvents(d.db)).map((e) => e.id).sort();
      expect(deviceIds).toEqual(serverIds);
      expect(await d.db.outbox.count()).toBe(0);
      const items = await d.db.items.toArray();
      const state = Object.fromEntries(
        items.map((row) => {
          const item: Partial<typeof row> = { ...row };
          delete item.day;
          return [row.code, item];
        }),
      );
      expect(state).toEqual(expected.items);
      const cages = Object.fromEntries((await d.db.cages.toArray()).map((c) => [c.code, c]));
      expect(cages).toEqual(expected.cages);
    }
  } finally {
    await app.close();
    await store.close();
    for (const d of devices) await d.db.delete();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The state every device should hold: the domain fold over the server's events (items with
 * their cage and the figures' facts). */
function folded(events: readonly BewaarEvent[]) {
  const bySubject = new Map<string, BewaarEvent[]>();
  for (const e of events) bySubject.set(e.subject, [...(bySubject.get(e.subject) ?? []), e]);
  const cages: Record<string, ReturnType<typeof foldCage>> = {};
  for (const [code, list] of bySubject)
    if (code.startsWith('BK')) cages[code] = foldCage(code, list);
  const items = Object.fromEntries(figureItemsFromEvents(events).map((i) => [i.code, i]));
  return { items, cages };
}

/** One write a person could make on this kind of device, chosen by `what` and `pick`. */
async function write(
  d: Device,
  what: number,
  pick: number,
  random: (n: number) => Uint8Array,
  newId: () => string,
) {
  const deps = { db: d.db, now: () => Date.now() + d.skewMs, newId };
  const items = await d.db.items.toCollection().primaryKeys();
  const known = items[pick % Math.max(items.length, 1)];
  if (d.kind === 'park') {
    const cages = await d.db.cages.filter((c) => c.site === d.author.site).toArray();
    const open = cages.find((c) => c.status === 'open');
    if (what === 0 || !open) {
      await recordEvents(
        d.author,
        [{ type: 'cage.opened', subject: generateCode('cage', random), data: {} }],
        deps,
      );
    } else if (what === 1) {
      await recordEvents(
        d.author,
        [{ type: 'cage.closed', subject: open.code, data: { count: pick % 20 } }],
        deps,
      );
    } else if (what === 2 && known) {
      await recordEvents(
        d.author,
        [
          {
            type: 'item.corrected',
            subject: known,
            data: { brand: `Merk ${pick}`, note: 'é; "x"\nok' },
          },
        ],
        deps,
      );
    } else {
      const code = generateCode('item', random);
      await recordEvents(
        d.author,
        [
          {
            type: 'item.registered',
            subject: code,
            data: {
              category: 1 + (pick % 40),
              condition: 'works',
              complete: pick % 2 === 0,
              weightKg: 1 + (pick % 7),
              weighed: false,
              photos: [],
            },
          },
          { type: 'item.caged', subject: code, data: { cage: open.code } },
        ],
        deps,
      );
    }
  } else if (known) {
    const types = [
      'item.received',
      'item.inspected',
      'item.function-tested',
      'item.corrected',
    ] as const;
    const type = types[what % types.length] ?? 'item.received';
    if (type === 'item.received')
      await recordEvents(d.author, [{ type, subject: known, data: {} }], deps);
    else if (type === 'item.inspected')
      await recordEvents(
        d.author,
        [{ type, subject: known, data: { visual: 'ok', complete: true } }],
        deps,
      );
    else if (type === 'item.function-tested')
      await recordEvents(d.author, [{ type, subject: known, data: { result: 'pass' } }], deps);
    else
      await recordEvents(
        d.author,
        [{ type, subject: known, data: { weightKg: 1 + (pick % 9), weighed: true } }],
        deps,
      );
  }
}

describe('sync convergence under faults', () => {
  it(`converges in ${RUNS} seeded runs`, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        run += 1;
        await runScenario(scenario, run);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true, verbose: fc.VerbosityLevel.Verbose },
    );
  }, 600_000);
});
