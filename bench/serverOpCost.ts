// `node --import tsx bench/serverOpCost.ts`: the CPU one push and one pull cost the server and
// PostgreSQL, apart from any network or other load: the real app (buildApp, through inject) in
// this process on a fresh database of an embedded PostgreSQL, 50 devices in 5 regions. Per
// operation: Node's CPU (this process), PostgreSQL's (its processes, from /proc) and the queries
// sent. A probe for finding where a load bench's time goes; it records nothing.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../server/app';
import { createEnrollmentCode, createPerson, createSite, createTenant } from '../server/directory';
import { catchUpAll } from '../server/projector';
import { createStore } from '../server/store/createStore';
import { formatHlc, generateCode } from '../src/domain';
import { startPostgres } from '../tests/support/postgres';
import { postgresCpu } from './lib';

const PORT = 54396;
const N = 1500;

// Every query the app sends goes through pg's Client.prototype.query: count them.
let queries = 0;
// eslint-disable-next-line @typescript-eslint/unbound-method -- called below with its client as `this`
const clientQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  queries++;
  return clientQuery.apply(this, args);
} as typeof pg.Client.prototype.query;

/** CPU seconds of the PostgreSQL on PORT (see postgresCpu). */
function pgCpu(): number {
  const seconds = postgresCpu(PORT);
  if (Number.isNaN(seconds)) throw new Error('no postgres');
  return seconds;
}

const newCode = (kind: 'item' | 'cage') =>
  generateCode(kind, (n) => new Uint8Array(randomBytes(n)));

const postgres = await startPostgres(PORT);
await postgres.createDatabase('opcost');
const store = createStore({ kind: 'postgres', url: postgres.url('opcost') });
await store.migrate();
const app = await buildApp({ store, demo: false, rateLimit: { max: 1_000_000 } });

interface Dev {
  token: string;
  device: string;
  site: string;
  actor: string;
  cage: string;
  tenant: string;
}
const devices: Dev[] = [];
for (let t = 0; t < 5; t++) {
  const tenant = await createTenant(store.db, `Regio ${t + 1}`);
  const site = await createSite(store.db, { tenantId: tenant.id, name: 'Park', kind: 'park' });
  await createPerson(store.db, {
    tenantId: tenant.id,
    name: 'An',
    role: 'attendant',
    sites: [site.id],
  });
  const code = await createEnrollmentCode(store.db, {
    tenantId: tenant.id,
    siteId: site.id,
    code: `OPCOST-${t}`,
    reusable: true,
  });
  for (let i = 0; i < 10; i++) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/devices/enroll',
      payload: { code: code.code, name: `device ${i}` },
    });
    const body = res.json<{
      token: string;
      device: { id: string };
      site: { id: string };
      people: { id: string }[];
    }>();
    devices.push({
      token: body.token,
      device: body.device.id,
      site: body.site.id,
      actor: body.people[0]?.id ?? '',
      cage: newCode('cage'),
      tenant: tenant.id,
    });
  }
}

let counter = 0;
async function push(d: Dev, events: { type: string; subject: string; data: unknown }[]) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/sync/push',
    headers: { authorization: `Bearer ${d.token}` },
    payload: {
      events: events.map((e) => ({
        id: uuidv7(),
        ...e,
        hlc: formatHlc(Date.now(), counter++ % 65_536, '00000000000000a1'),
        device: d.device,
        actor: d.actor,
        site: d.site,
      })),
    },
  });
  if (res.statusCode !== 200 || res.json<{ rejected: unknown[] }>().rejected.length > 0) {
    throw new Error(`push ${res.statusCode}: ${res.body}`);
  }
}

async function pull(d: Dev, after: string) {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/sync/pull?limit=1000&after=${after}`,
    headers: { authorization: `Bearer ${d.token}` },
  });
  if (res.statusCode !== 200) throw new Error(`pull ${res.statusCode}: ${res.body}`);
}

/** Runs `op` n times, 4 at a time, after folding what is pending; prints the cost of one. */
async function phase(name: string, n: number, op: (i: number) => Promise<void>) {
  await catchUpAll(store);
  const q0 = queries;
  const node0 = process.cpuUsage();
  const pg0 = pgCpu();
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let i = next++; i < n; i = next++) await op(i);
    }),
  );
  const node = process.cpuUsage(node0);
  const f = (x: number) => x.toFixed(2);
  console.info(
    `${name.padEnd(42)} Node ${f((node.user + node.system) / 1000 / n)} ms, PostgreSQL ${f(((pgCpu() - pg0) * 1000) / n)} ms, ${((queries - q0) / n).toFixed(1)} queries`,
  );
}

for (const d of devices) await push(d, [{ type: 'cage.opened', subject: d.cage, data: {} }]);
for (let run = 1; run <= 2; run++) {
  console.info(`run ${run}`);
  await phase('push of 2 events (background folds too)', N, async (i) => {
    const d = devices[i % devices.length];
    if (!d) return;
    const item = newCode('item');
    await push(d, [
      {
        type: 'item.registered',
        subject: item,
        data: {
          category: 3,
          brand: 'Philips',
          condition: 'works',
          complete: true,
          weightKg: 1.5,
          weighed: false,
          photos: [],
          note: 'Werkt; snoer een beetje versleten.',
        },
      },
      { type: 'item.caged', subject: item, data: { cage: d.cage } },
    ]);
  });
  // A cursor ~75 events before each region's head: what a device that synced 5 s ago pulls.
  const seqs = new Map<string, string[]>();
  for (const row of await store.db
    .selectFrom('events')
    .select(['tenant_id', 'seq'])
    .orderBy('seq')
    .execute()) {
    const list = seqs.get(row.tenant_id) ?? [];
    list.push(String(row.seq));
    seqs.set(row.tenant_id, list);
  }
  await phase('pull of ~75 events', N, async (i) => {
    const d = devices[i % devices.length];
    const list = d === undefined ? undefined : seqs.get(d.tenant);
    if (!d || !list) return;
    await pull(d, list[Math.max(0, list.length - 76 - (i % 25))] ?? '0');
  });
  await phase('pull with nothing new', N, async (i) => {
    const d = devices[i % devices.length];
    if (d) await pull(d, '999999999');
  });
}
await app.close();
await store.close();
await postgres.stop();
process.exit(0);
