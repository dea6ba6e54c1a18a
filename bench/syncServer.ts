// What the sync benchmarks share: the real server in this process on a fresh store (SQLite or
// PostgreSQL), enrollment over HTTP and a park's realistic events. (Push and pull of 10,000 and
// 50,000 events are timed by pouchSync.ts, many devices at once by loadServer.ts.)
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../server/app';
import { seedDemo } from '../server/demo';
import { catchUpAll } from '../server/projector';
import { createStore, type StoreConfig } from '../server/store/createStore';
import { formatHlc, generateCode, type BewaarEvent } from '../src/domain';

const code = (kind: 'item' | 'cage') => generateCode(kind, (n) => new Uint8Array(randomBytes(n)));

interface Enrolled {
  token: string;
  device: string;
  site: string;
  actor: string;
}

/** Enrolls a device over HTTP and returns what an event envelope needs. */
export async function enroll(base: string, enrollCode: string, name: string): Promise<Enrolled> {
  const res = await fetch(`${base}/api/v1/devices/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: enrollCode, name }),
  });
  const body = (await res.json()) as {
    token: string;
    device: { id: string };
    site: { id: string };
    people: { id: string }[];
  };
  return {
    token: body.token,
    device: body.device.id,
    site: body.site.id,
    actor: body.people[0]?.id ?? '',
  };
}

let tick = 0;
/** A park's realistic events: a cage opened, then items registered and caged. */
export function parkEvents(who: Enrolled, items: number): BewaarEvent[] {
  const events: BewaarEvent[] = [];
  const envelope = (type: string, subject: string, data: unknown) =>
    ({
      id: uuidv7(),
      type,
      subject,
      hlc: formatHlc(Date.UTC(2026, 9, 1) + tick++ * 1000, 0, '00000000000000b1'),
      device: who.device,
      actor: who.actor,
      site: who.site,
      data,
    }) as BewaarEvent;
  let cage = code('cage');
  events.push(envelope('cage.opened', cage, {}));
  for (let i = 0; i < items; i++) {
    if (i > 0 && i % 40 === 0) {
      cage = code('cage');
      events.push(envelope('cage.opened', cage, {}));
    }
    const item = code('item');
    events.push(
      envelope('item.registered', item, {
        category: 1 + (i % 40),
        brand: 'Philips',
        condition: 'works',
        complete: true,
        weightKg: 1.5,
        weighed: false,
        photos: [],
        note: 'Werkt; snoer een beetje versleten.',
      }),
    );
    events.push(envelope('item.caged', item, { cage }));
  }
  return events;
}

/** Starts the real server on a store (on `port`, or any free one); returns its base URL and a stop
 * function. */
export async function startServer(config: StoreConfig, staticDir?: string, port = 0) {
  const store = createStore(config);
  await store.migrate();
  await seedDemo(store.db);
  const app = await buildApp({
    store,
    demo: true,
    rateLimit: { max: 100_000 },
    ...(staticDir ? { staticDir } : {}),
  });
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address();
  const listening = typeof address === 'object' && address ? address.port : 0;
  return {
    base: `http://127.0.0.1:${listening}`,
    /** Brings the item projection up to the stored events, so a device timed next does not
     * share the machine with the server's background fold of what the set-up pushed. */
    settle: async () => {
      await catchUpAll(store);
    },
    stop: async () => {
      await app.close();
      await store.close();
    },
  };
}
