// Server-side sync benchmarks, Node client over loopback against the real server on SQLite and
// on PostgreSQL: push 10,000 events and pull them to a fresh device; then 50 simulated devices
// pushing small batches and pulling, for a fixed time, with latency percentiles.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../server/app';
import { seedDemo } from '../server/demo';
import { createStore, type StoreConfig } from '../server/store/createStore';
import { formatHlc, generateCode, type BewaarEvent } from '../src/domain';
import { startPostgres } from '../tests/support/postgres';
import { percentile } from './lib';

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

async function push(base: string, token: string, events: BewaarEvent[]): Promise<void> {
  const res = await fetch(`${base}/api/v1/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ events }),
  });
  if (!res.ok) throw new Error(`push ${res.status}`);
  const body = (await res.json()) as { rejected: unknown[] };
  if (body.rejected.length > 0) throw new Error(`rejected: ${JSON.stringify(body.rejected[0])}`);
}

async function pullAll(base: string, token: string, limit = 1000): Promise<number> {
  let cursor: string | null = null;
  let total = 0;
  for (;;) {
    const query = new URLSearchParams({ limit: String(limit) });
    if (cursor !== null) query.set('after', cursor);
    const res = await fetch(`${base}/api/v1/sync/pull?${query.toString()}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { events: unknown[]; cursor: string; more: boolean };
    total += body.events.length;
    cursor = body.cursor;
    if (!body.more) return total;
  }
}

/** Starts the real server on a store; returns its base URL and a stop function. */
export async function startServer(config: StoreConfig, staticDir?: string) {
  const store = createStore(config);
  await store.migrate();
  await seedDemo(store.db);
  const app = await buildApp({
    store,
    demo: true,
    rateLimit: { max: 100_000 },
    ...(staticDir ? { staticDir } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}`,
    stop: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** Push 10,000 events in batches of 500, then pull them all as a fresh device. */
export async function pushPull(config: StoreConfig, events = 10_000) {
  const server = await startServer(config);
  try {
    const tablet = await enroll(server.base, 'DEMO-NOORD', 'bench-tablet');
    const all = parkEvents(tablet, Math.ceil(events / 2)).slice(0, events);
    const t0 = performance.now();
    for (let i = 0; i < all.length; i += 500)
      await push(server.base, tablet.token, all.slice(i, i + 500));
    const pushMs = performance.now() - t0;
    const fresh = await enroll(server.base, 'DEMO-WINKEL', 'bench-fresh');
    const t1 = performance.now();
    const pulled = await pullAll(server.base, fresh.token);
    const pullMs = performance.now() - t1;
    if (pulled !== all.length) throw new Error(`pulled ${pulled} of ${all.length}`);
    return {
      events: all.length,
      pushMs,
      pullMs,
      pushPerS: all.length / (pushMs / 1000),
      pullPerS: pulled / (pullMs / 1000),
    };
  } finally {
    await server.stop();
  }
}

/** `devices` simulated devices, each pushing 5 events and pulling in a loop, for `seconds`. */
export async function load(config: StoreConfig, devices: number, seconds: number) {
  const server = await startServer(config);
  try {
    const enrolled: Enrolled[] = [];
    for (let i = 0; i < devices; i++)
      enrolled.push(await enroll(server.base, i % 2 ? 'DEMO-NOORD' : 'DEMO-ZUID', `load-${i}`));
    const latencies: number[] = [];
    const deadline = performance.now() + seconds * 1000;
    let requests = 0;
    await Promise.all(
      enrolled.map(async (device) => {
        let cursor: string | null = null;
        while (performance.now() < deadline) {
          const batch = parkEvents(device, 2).slice(0, 5);
          let t = performance.now();
          await push(server.base, device.token, batch);
          latencies.push(performance.now() - t);
          const query = new URLSearchParams({ limit: '200' });
          if (cursor !== null) query.set('after', cursor);
          t = performance.now();
          const res = await fetch(`${server.base}/api/v1/sync/pull?${query.toString()}`, {
            headers: { authorization: `Bearer ${device.token}` },
          });
          const body = (await res.json()) as { cursor: string };
          latencies.push(performance.now() - t);
          cursor = body.cursor;
          requests += 2;
        }
      }),
    );
    const sorted = latencies.sort((a, b) => a - b);
    return {
      devices,
      seconds,
      requests,
      perS: requests / seconds,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
    };
  } finally {
    await server.stop();
  }
}

/** Runs the server benchmarks on both stores. */
export async function benchSyncServer() {
  const dir = mkdtempSync(join(tmpdir(), 'bewaar-bench-sqlite-'));
  const pg = await startPostgres(54377);
  try {
    await pg.createDatabase('bench_push');
    await pg.createDatabase('bench_load');
    const rows = {
      sqlitePushPull: await pushPull({ kind: 'sqlite', file: join(dir, 'a.sqlite') }),
      postgresPushPull: await pushPull({ kind: 'postgres', url: pg.url('bench_push') }),
      sqliteLoad: await load({ kind: 'sqlite', file: join(dir, 'b.sqlite') }, 50, 10),
      postgresLoad: await load({ kind: 'postgres', url: pg.url('bench_load') }, 50, 10),
    };
    return rows;
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
