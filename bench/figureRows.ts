// A year of a tenant's life at scale, made the same way in Node and in the page (no Node APIs
// here): items registered at two parks, caged, received and worked on at the shop, folded by the
// domain into the item projections (and the figures' lines) the app would hold.
import { v7 as uuidv7 } from 'uuid';
import {
  figureItemsFromEvents,
  figureLine,
  formatHlc,
  generateCode,
  type BewaarEvent,
  type FigureItem,
} from '../src/domain';
import { dayOf } from '../src/storage/localDay';
import { seededRandom } from '../server/seededRandom';

const DAY_MS = 86_400_000;
const PARKS = [
  { site: 'demo-park-noord', actor: 'demo-an-peeters', device: 'bench-park-noord' },
  { site: 'demo-park-zuid', actor: 'demo-chloe-dubois', device: 'bench-park-zuid' },
];
const SHOP = { site: 'demo-shop-centrum', actor: 'demo-t-01', device: 'bench-shop' };
const BRANDS = ['Philips', 'Bosch', 'Samsung', 'Tefal', 'Braun', 'Moulinex', 'Dyson', 'Sony'];

/** Events of `count` items registered over the year before `now` at the two parks, caged 40 to
 * a cage, collected and received at the shop; most are inspected and tested there, some
 * repaired, priced and sold, some rejected — the life the figures count. */
function yearOfEvents(count: number, now: number, rng: () => number, seq: { n: number }) {
  const events: BewaarEvent[] = [];
  const codeBytes = (n: number) => {
    const bytes = new Uint8Array(n);
    for (let i = 0; i < n; i++) bytes[i] = Math.floor(rng() * 256);
    return bytes;
  };
  const envelope = (
    who: { site: string; actor: string; device: string },
    at: number,
    type: string,
    subject: string,
    data: unknown,
  ) =>
    ({
      id: uuidv7(),
      type,
      subject,
      hlc: formatHlc(Math.floor(at), seq.n++ % 1000, '00000000000000d1'),
      device: who.device,
      actor: who.actor,
      site: who.site,
      data,
    }) as BewaarEvent;
  for (let start = 0; start < count; start += 40) {
    const park = PARKS[Math.floor(rng() * PARKS.length)] ?? PARKS[0];
    if (!park) break;
    // A cage's day: 1 to 365 days ago, during opening hours.
    const day = now - (1 + Math.floor(rng() * 365)) * DAY_MS;
    let t = day - (day % DAY_MS) + 9 * 3600_000;
    const cage = generateCode('cage', codeBytes);
    events.push(envelope(park, t, 'cage.opened', cage, {}));
    const size = Math.min(40, count - start);
    const items: string[] = [];
    for (let i = 0; i < size; i++) {
      t += 60_000 + rng() * 300_000;
      const item = generateCode('item', codeBytes);
      items.push(item);
      events.push(
        envelope(park, t, 'item.registered', item, {
          category: 1 + Math.floor(rng() * 40),
          brand: BRANDS[Math.floor(rng() * BRANDS.length)],
          condition: rng() < 0.6 ? 'works' : rng() < 0.5 ? 'unknown' : 'minor-defect',
          complete: rng() < 0.8,
          weightKg: Math.round((0.5 + rng() * 15) * 10) / 10,
          weighed: rng() < 0.3,
          photos: [],
          note: rng() < 0.2 ? 'Snoer een beetje versleten.' : undefined,
        }),
        envelope(park, t + 1000, 'item.caged', item, { cage }),
      );
    }
    t += 600_000;
    events.push(envelope(park, t, 'cage.closed', cage, { count: size }));
    events.push(envelope(park, t + 3600_000, 'cage.collected', cage, {}));
    let s = t + DAY_MS;
    events.push(envelope(SHOP, s, 'cage.received', cage, {}));
    for (const item of items) {
      s += 120_000;
      events.push(envelope(SHOP, s, 'item.received', item, { cage }));
      if (rng() < 0.15) continue; // not looked at yet
      events.push(
        envelope(SHOP, s + DAY_MS, 'item.inspected', item, { visual: 'ok', complete: true }),
      );
      if (rng() < 0.2) {
        events.push(
          envelope(SHOP, s + DAY_MS + 60_000, 'item.rejected', item, {
            reason: 1 + Math.floor(rng() * 6),
            destination: rng() < 0.5 ? 'recycling' : 'parts',
          }),
        );
        continue;
      }
      events.push(
        envelope(SHOP, s + DAY_MS + 120_000, 'item.function-tested', item, {
          result: rng() < 0.8 ? 'pass' : 'partial',
        }),
      );
      if (rng() < 0.3) {
        events.push(
          envelope(SHOP, s + DAY_MS + 180_000, 'item.repaired', item, {
            fault: 'Schakelaar',
            action: 'Vervangen',
            parts: [],
            minutes: 5 + Math.floor(rng() * 40),
            worker: 'T-01',
          }),
        );
      }
      const price = 5 + Math.floor(rng() * 60);
      events.push(
        envelope(SHOP, s + 2 * DAY_MS, 'item.priced', item, {
          priceEur: price,
          warrantyMonths: 6,
        }),
      );
      const soldAt = s + (3 + Math.floor(rng() * 20)) * DAY_MS;
      if (rng() < 0.6 && soldAt < now) {
        events.push(envelope(SHOP, soldAt, 'item.sold', item, { priceEur: price }));
      }
    }
  }
  return events;
}

/** `count` item projections (ItemRow: FigureItem + day), folded by the domain, in chunks. */
export function* itemRows(
  count: number,
  now = Date.now(),
  chunk = 5000,
): Generator<(FigureItem & { day: string })[]> {
  const rng = seededRandom(0xf16);
  const seq = { n: 0 };
  for (let done = 0; done < count; done += chunk) {
    const events = yearOfEvents(Math.min(chunk, count - done), now, rng, seq);
    yield figureItemsFromEvents(events).map((item) => ({ ...item, day: dayOf(item) }));
  }
}

/** A digest of what the figures read of the rows (each item's code and figure line, in order):
 * the page and Node make their rows apart (event ids are random), and must make the same. */
export function rowsDigest(rows: readonly FigureItem[]): string {
  let h = 0x811c9dc5;
  for (const row of rows) {
    const text = `${row.code}|${JSON.stringify(figureLine(row))}`;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return `${rows.length}:${(h >>> 0).toString(16)}`;
}
