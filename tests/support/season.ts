// A year of one region written straight into a store (no push checks, no projection): for the
// benches and tests that need many items fast. Events go into the store's events table only.
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { DEMO } from '../../server/demo';
import type { Store } from '../../server/store/createStore';
import type { EventsTable } from '../../server/store/schema';
import { canonicalJson, categoryById, formatHlc, generateCode } from '../../src/domain';
import type { EventDataMap, EventType } from '../../src/domain';

const MINUTE = 60_000;
const DAY = 86_400_000;
const YEAR_START = Date.UTC(2026, 0, 1, 8);
const ITEMS_PER_CAGE = 40;
const DATA_BEARING = new Set([25, 26, 27, 28, 29, 30, 31, 32, 33]);

const code = (kind: 'item' | 'cage') => generateCode(kind, (n) => new Uint8Array(randomBytes(n)));

type Row = Omit<EventsTable, 'seq'>;

/** A year of one region: `items` items in cages of 40, most tested, priced and sold. */
export function* seasonEvents(items: number): Generator<Row[]> {
  const parks = [
    { site: DEMO.noord.id, actor: 'demo-an-peeters', device: 'bench-noord' },
    { site: DEMO.zuid.id, actor: 'demo-chloe-dubois', device: 'bench-zuid' },
  ];
  const shop = { site: DEMO.winkel.id, actor: 'demo-t-01', device: 'bench-winkel' };
  const event = <K extends EventType>(
    who: { site: string; actor: string; device: string },
    ms: number,
    type: K,
    subject: string,
    data: EventDataMap[K],
  ): Row => {
    const id = uuidv7();
    const hlc = formatHlc(ms, 0, '00000000000000be');
    const envelope = { id, type, subject, hlc, ...who, data };
    return {
      id,
      tenant_id: DEMO.tenant.id,
      type,
      subject,
      hlc,
      device: who.device,
      actor: who.actor,
      site: who.site,
      body: canonicalJson(envelope),
      received_at: new Date(ms).toISOString(),
    };
  };
  const span = 360 * DAY;
  for (let first = 0; first < items; first += ITEMS_PER_CAGE) {
    const rows: Row[] = [];
    const park = parks[(first / ITEMS_PER_CAGE) % 2] ?? shop;
    const cage = code('cage');
    const opened = YEAR_START + Math.floor((first / items) * span);
    const count = Math.min(ITEMS_PER_CAGE, items - first);
    const closed = opened + count * 10 * MINUTE + 30 * MINUTE;
    const collected = closed + DAY;
    const arrived = collected + 2 * 3_600_000;
    rows.push(event(park, opened, 'cage.opened', cage, {}));
    for (let k = 0; k < count; k++) {
      const n = first + k;
      const item = code('item');
      const category = 1 + (n % 40);
      const weightKg = categoryById(category)?.defaultWeightKg ?? 1;
      const t = opened + (k + 1) * 10 * MINUTE;
      rows.push(
        event(park, t, 'item.registered', item, {
          category,
          brand: 'Philips',
          condition: 'works',
          complete: true,
          weightKg,
          weighed: n % 3 === 0,
          photos: [],
          note: 'Werkt; snoer een beetje versleten.',
        }),
        event(park, t + MINUTE, 'item.caged', item, { cage }),
      );
      if (n % 2 === 0)
        rows.push(event(park, t + 2 * MINUTE, 'item.photo-added', item, { photo: 'a'.repeat(64) }));
      if (n % 33 === 0) continue; // never scanned at the shop: missing after the unpacking
      const bench = arrived + DAY + k * 15 * MINUTE;
      rows.push(
        event(shop, arrived + (k + 1) * MINUTE, 'item.received', item, { cage }),
        event(shop, bench, 'item.inspected', item, { visual: 'ok', complete: true }),
        event(shop, bench + MINUTE, 'item.safety-tested', item, {
          result: 'pass',
          method: 'PAT class I',
        }),
        event(shop, bench + 2 * MINUTE, 'item.function-tested', item, {
          result: n % 5 === 0 ? 'fail' : 'pass',
        }),
      );
      if (n % 2 === 1)
        rows.push(
          event(shop, bench + 3 * MINUTE, 'item.corrected', item, { weightKg, weighed: true }),
        );
      if (n % 5 < 2)
        rows.push(
          event(shop, bench + 4 * MINUTE, 'item.repaired', item, {
            fault: 'Schakelaar defect',
            action: 'Schakelaar vervangen',
            parts: [],
            minutes: 20 + (n % 40),
            worker: 'T-01',
          }),
        );
      if (DATA_BEARING.has(category))
        rows.push(
          event(shop, bench + 5 * MINUTE, 'item.data-wiped', item, {
            method: 'purge',
            tool: 'nwipe',
            verified: true,
          }),
        );
      if (n % 7 === 0) {
        rows.push(
          event(shop, bench + 6 * MINUTE, 'item.rejected', item, {
            reason: 1 + (n % 6),
            destination: 'recycling',
          } as EventDataMap['item.rejected']),
        );
        continue;
      }
      rows.push(
        event(shop, bench + 6 * MINUTE, 'item.priced', item, {
          priceEur: 5 + (n % 30),
          warrantyMonths: 3,
        }),
      );
      if (n % 6 !== 0)
        rows.push(
          event(shop, bench + (3 + (n % 20)) * DAY, 'item.sold', item, { priceEur: 5 + (n % 25) }),
        );
    }
    rows.push(
      event(park, closed, 'cage.closed', cage, { count }),
      event(shop, collected, 'cage.collected', cage, {}),
      event(shop, arrived, 'cage.received', cage, {}),
      event(shop, arrived + 4 * 3_600_000, 'cage.unpacked', cage, {}),
    );
    yield rows;
  }
}

/** Inserts the season's events for the demo tenant (seeded already) in big transactions;
 * returns how many events. The item projection is left to the caller (rebuildProjection). */
export async function insertSeason(store: Store, items: number): Promise<number> {
  let events = 0;
  let pending: Row[] = [];
  const flush = async () => {
    const rows = pending;
    pending = [];
    await store.db.transaction().execute(async (trx) => {
      for (let start = 0; start < rows.length; start += 500)
        await trx
          .insertInto('events')
          .values(rows.slice(start, start + 500))
          .execute();
    });
  };
  for (const rows of seasonEvents(items)) {
    pending.push(...rows);
    events += rows.length;
    if (pending.length >= 50_000) await flush();
  }
  await flush();
  return events;
}
