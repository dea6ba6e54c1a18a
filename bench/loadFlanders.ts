// The sync server at the scale of a whole Flanders, at a field-like pace: 1,000 devices spread
// over 25 regions (tenants), each device syncing once every 5 s — push 1–3 new events, then pull
// what is new from its cursor — against two server processes on one PostgreSQL, as
// bench/loadServer.ts runs them (`npm run serve`'s flags, demo mode, request logging on). This
// process is only the load generator (run apart, bench/loadServerProcess.ts says why).
//
// Why regions: a device pulls its own region's events only, and Flanders' parks belong to a
// couple of dozen intercommunales and cities; one region of 1,000 devices would make every pull
// carry every other device's work (~400 events/s, read by all 1,000), which no deployment does.
//
// Every device enrolls through the API with a one-time code of its own (the directory — regions,
// sites, rosters, codes — is written as `npm run admin` writes it), from a loopback address of
// its own. The timed part starts after one period of warm-up in which each device, started at its
// own moment over those 5 s, has synced once.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import {
  createEnrollmentCode,
  createPerson,
  createSite,
  createTenant,
  randomEnrollmentCode,
} from '../server/directory';
import { seededRandom, type Random } from '../server/seededRandom';
import { createStore } from '../server/store/createStore';
import { formatHlc, generateCode, type BewaarEvent } from '../src/domain';
import { startPostgres } from '../tests/support/postgres';
import { percentile, postgresCpu } from './lib';
import { cpuSeconds, newAddress, request, startServerProc, type ServerProc } from './loadServer';

export interface FlandersOptions {
  devices: number;
  tenants: number;
  /** Each device syncs once per this many ms. */
  paceMs: number;
  /** Measured seconds, after one period of warm-up. */
  seconds: number;
}

/** Percentiles in ms. */
interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface FlandersRow extends FlandersOptions {
  store: 'PostgreSQL';
  servers: number;
  sitesPerTenant: { parks: number; shops: number };
  enrollSeconds: number;
  warmup: { seconds: number; requests: number; p99: number };
  rounds: { done: number; expected: number };
  requestsPerS: number;
  eventsPushed: number;
  eventsPulled: number;
  all: Latency;
  push: Latency;
  pull: Latency;
  /** Any non-2xx answer or network error, and events a 200 answer refused. */
  errors: number;
  rejectedEvents: number;
  firstError?: string;
  /** Each measured second (by when its requests started): how many, and their p99 (ms). Slow
   * requests that crowd into a few seconds point at a stall (the machine, a pause); spread
   * evenly, at steady queueing. */
  perSecond: { requests: number; p99: number }[];
  /** The same requests as the servers timed them (fastify's responseTime, from its log). */
  serverSide: { push: Latency; pull: Latency };
  /** CPU seconds per wall second over the measured part. */
  cpu: { servers: number; postgres: number; generator: number };
  /** Whether the generator kept up: its event loop's delay beyond the 10 ms timer (ms), how
   * busy its loop was (0–1), how late a round's timer fired against its plan (ms), and how
   * many rounds could not start on time because the device's previous round was still
   * waiting for the server (the server's slowness, not the generator's). */
  generator: {
    loopDelay: { p50: number; p99: number; max: number };
    utilization: number;
    timerLate: { p50: number; p99: number; max: number };
    overran: number;
  };
}

const PARKS = 8;
const SHOPS = 4;
const ROSTER = 3;
const PORTS = [4193, 4194];
const PG_PORT = 54392;

function stats(list: number[]): Latency {
  const sorted = list.sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
}

/** One event's type, subject and data. */
type Work = [string, string, unknown];

interface FleetDevice {
  base: string;
  shop: boolean;
  agent: http.Agent;
  token: string;
  device: string;
  site: string;
  roster: string[];
  node: string;
  cursor: string | null;
  clock: { ms: number; counter: number };
  random: Random;
  next: Generator<Work, never>;
}

const newCode = (kind: 'item' | 'cage') =>
  generateCode(kind, (n) => new Uint8Array(randomBytes(n)));

/** A park tablet's work, one event at a time: a cage opened, then items registered and caged,
 * a new cage every 40 items. */
function* parkWork(): Generator<Work, never> {
  for (;;) {
    const cage = newCode('cage');
    yield ['cage.opened', cage, {}];
    for (let i = 0; i < 40; i++) {
      const item = newCode('item');
      yield [
        'item.registered',
        item,
        {
          category: 1 + (i % 40),
          brand: 'Philips',
          condition: 'works',
          complete: true,
          weightKg: 1.5,
          weighed: false,
          photos: [],
          note: 'Werkt; snoer een beetje versleten.',
        },
      ];
      yield ['item.caged', item, { cage }];
    }
  }
}

/** A workshop phone's work: items received and inspected. */
function* shopWork(): Generator<Work, never> {
  for (;;) {
    const item = newCode('item');
    yield ['item.received', item, {}];
    yield ['item.inspected', item, { visual: 'ok', complete: true }];
  }
}

/** The device's next 1–3 events, stamped by its own clock. */
function nextBatch(d: FleetDevice): BewaarEvent[] {
  const n = 1 + Math.floor(d.random() * 3);
  const events: BewaarEvent[] = [];
  for (let i = 0; i < n; i++) {
    const [type, subject, data] = d.next.next().value;
    const now = Date.now();
    d.clock =
      now > d.clock.ms ? { ms: now, counter: 0 } : { ...d.clock, counter: d.clock.counter + 1 };
    events.push({
      id: uuidv7(),
      type,
      subject,
      hlc: formatHlc(d.clock.ms, d.clock.counter, d.node),
      device: d.device,
      actor: d.roster[Math.floor(d.random() * d.roster.length)] ?? '',
      site: d.site,
      data,
    } as BewaarEvent);
  }
  return events;
}

interface PullTail {
  events: number;
  cursor: string;
  more: boolean;
}

/** What the generator needs of a pull's answer — `{"events":[…],"cursor":"…","more":…}`, as
 * the server writes it — without parsing the events it would throw away: a page of ~75 events
 * took JSON.parse ~80 µs and this ~25 µs (here), CPU the generator would take from the servers
 * it shares the cores with. Events are counted by their one `"hlc"` key (the generated events
 * carry no such text elsewhere). An answer of another shape is parsed whole. */
function pullTail(text: string): PullTail {
  const tail = /\],"cursor":("(?:[^"\\]|\\.)*"),"more":(true|false)\}$/.exec(text.slice(-120));
  if (tail?.[1] === undefined) {
    const whole = JSON.parse(text) as { events: unknown[]; cursor: string; more: boolean };
    return { events: whole.events.length, cursor: whole.cursor, more: whole.more };
  }
  let events = 0;
  for (let at = text.indexOf('"hlc":"'); at >= 0; at = text.indexOf('"hlc":"', at + 7)) events++;
  return { events, cursor: JSON.parse(tail[1]) as string, more: tail[2] === 'true' };
}

/** Regions, sites, rosters and one one-time enrollment code per device, written straight into
 * the database as the admin CLI does. Device i belongs to region i mod tenants. */
async function writeDirectory(url: string, options: FlandersOptions) {
  const store = createStore({ kind: 'postgres', url });
  try {
    const sites: { id: string; kind: 'park' | 'shop'; tenantId: string }[][] = [];
    for (let t = 0; t < options.tenants; t++) {
      const tenant = await createTenant(store.db, `Regio ${t + 1} (bench)`);
      const own: { id: string; kind: 'park' | 'shop'; tenantId: string }[] = [];
      for (let s = 0; s < PARKS + SHOPS; s++) {
        const kind = s < PARKS ? 'park' : 'shop';
        const site = await createSite(store.db, {
          tenantId: tenant.id,
          name: `${kind === 'park' ? 'Recyclagepark' : 'Kringwinkel'} ${t + 1}.${s + 1}`,
          kind,
        });
        for (let p = 0; p < ROSTER; p++) {
          await createPerson(store.db, {
            tenantId: tenant.id,
            name: `Persoon ${t + 1}.${s + 1}.${p + 1}`,
            role: kind === 'park' ? 'attendant' : 'technician',
            sites: [site.id],
          });
        }
        own.push({ id: site.id, kind, tenantId: tenant.id });
      }
      sites.push(own);
    }
    const codes: { code: string; shop: boolean }[] = [];
    for (let i = 0; i < options.devices; i++) {
      const own = sites[i % options.tenants] ?? [];
      const site = own[Math.floor(i / options.tenants) % own.length];
      if (!site) throw new Error('no site');
      const code = await createEnrollmentCode(store.db, {
        tenantId: site.tenantId,
        siteId: site.id,
        code: randomEnrollmentCode(),
        expiresAt: new Date(Date.now() + 3_600_000),
      });
      codes.push({ code: code.code, shop: site.kind === 'shop' });
    }
    return codes;
  } finally {
    await store.close();
  }
}

async function enrollAll(
  codes: { code: string; shop: boolean }[],
  servers: ServerProc[],
): Promise<FleetDevice[]> {
  const devices = new Array<FleetDevice>(codes.length);
  let next = 0;
  // 20 at a time, as the field's devices would never all enroll in one second.
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      for (let i = next++; i < codes.length; i = next++) {
        const { code, shop } = codes[i] ?? { code: '', shop: false };
        const base = servers[i % servers.length]?.base ?? '';
        const agent = new http.Agent({
          keepAlive: true,
          maxSockets: 1,
          localAddress: newAddress(),
        });
        const res = await request({ agent }, base, 'POST', '/api/v1/devices/enroll', undefined, {
          code,
          name: `fleet-${i}`,
        });
        if (res.status !== 200)
          throw new Error(`enroll ${res.status}: ${JSON.stringify(res.json)}`);
        const body = res.json as {
          token: string;
          device: { id: string };
          site: { id: string };
          people: { id: string }[];
        };
        devices[i] = {
          base,
          shop,
          agent,
          token: body.token,
          device: body.device.id,
          site: body.site.id,
          roster: body.people.map((p) => p.id),
          node: randomBytes(8).toString('hex'),
          cursor: null,
          clock: { ms: 0, counter: 0 },
          random: seededRandom(i + 1),
          next: shop ? shopWork() : parkWork(),
        };
      }
    }),
  );
  return devices;
}

/** The servers' own timing of each request: fastify logs the method and URL when a request comes
 * in and its responseTime when it is answered, under one reqId. Only requests answered after
 * `fromMs` (epoch ms) count. */
function serverTimes(logFiles: string[], fromMs: number, toMs: number) {
  const byKind: Record<'push' | 'pull', number[]> = { push: [], pull: [] };
  for (const file of logFiles) {
    const urls = new Map<string, string>();
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as {
        time?: number;
        reqId?: string;
        req?: { url?: string };
        responseTime?: number;
      };
      if (entry.reqId === undefined) continue;
      if (entry.req?.url !== undefined) urls.set(entry.reqId, entry.req.url);
      else if (entry.responseTime !== undefined && entry.time !== undefined) {
        const url = urls.get(entry.reqId) ?? '';
        urls.delete(entry.reqId);
        if (entry.time < fromMs || entry.time > toMs) continue;
        if (url.startsWith('/api/v1/sync/push')) byKind.push.push(entry.responseTime);
        else if (url.startsWith('/api/v1/sync/pull')) byKind.pull.push(entry.responseTime);
      }
    }
  }
  return { push: stats(byKind.push), pull: stats(byKind.pull) };
}

const cpuOf = (pids: number[]) => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);

async function runFleet(
  devices: FleetDevice[],
  servers: ServerProc[],
  options: FlandersOptions,
  logFiles: string[],
): Promise<
  Omit<
    FlandersRow,
    'sitesPerTenant' | 'enrollSeconds' | keyof FlandersOptions | 'store' | 'servers'
  >
> {
  const { paceMs, seconds } = options;
  const warmupMs = paceMs;
  const t0 = performance.now();
  const start = t0 + warmupMs;
  const deadline = start + seconds * 1000;
  const latencies: Record<'push' | 'pull', number[]> = { push: [], pull: [] };
  const perSecondLatencies: number[][] = Array.from({ length: seconds }, () => []);
  const warmupLatencies: number[] = [];
  const late: number[] = [];
  let overran = 0;
  let errors = 0;
  let rejectedEvents = 0;
  let firstError: string | undefined;
  let rounds = 0;
  let eventsPushed = 0;
  let eventsPulled = 0;
  const fail = (text: string) => {
    if (errors++ === 0) firstError = text;
  };

  const delay = monitorEventLoopDelay({ resolution: 10 });
  let elu0 = performance.eventLoopUtilization();
  let cpu0 = { servers: 0, postgres: 0, generator: process.cpuUsage() };
  const warmedUp = new Promise<void>((resolve) =>
    setTimeout(() => {
      cpu0 = {
        servers: cpuOf(servers.map((s) => s.pid)),
        postgres: postgresCpu(PG_PORT),
        generator: process.cpuUsage(),
      };
      elu0 = performance.eventLoopUtilization();
      delay.enable();
      resolve();
    }, warmupMs),
  );

  /** Times one request; its latency counts where it started (warm-up or measured). */
  const timed = async (
    kind: 'push' | 'pull',
    d: FleetDevice,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    parse?: (text: string) => unknown,
  ): Promise<unknown> => {
    const t = performance.now();
    try {
      const res = await request(d, d.base, method, path, d.token, body, parse);
      const ms = performance.now() - t;
      if (t < start) warmupLatencies.push(ms);
      else if (t < deadline) {
        latencies[kind].push(ms);
        perSecondLatencies[Math.floor((t - start) / 1000)]?.push(ms);
      }
      if (res.status < 200 || res.status > 299) {
        if (t >= start && t < deadline) fail(`${kind} ${res.status}: ${JSON.stringify(res.json)}`);
        return null;
      }
      return res.json;
    } catch (error) {
      if (t >= start && t < deadline) fail(`${kind}: ${String(error)}`);
      return null;
    }
  };

  await Promise.all(
    devices.map(async (d, i) => {
      // Spread over the first period, then once a period on a fixed plan.
      let planned = t0 + (i / devices.length) * paceMs;
      for (;;) {
        const wait = planned - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const begun = performance.now();
        if (begun >= deadline) break;
        // A round belongs to the part its plan put it in (one that overran the warm-up is not
        // counted in the measured part).
        const measured = planned >= start;
        if (measured) {
          if (wait > 0) late.push(begun - planned);
          else overran++;
          rounds++;
        }
        const events = nextBatch(d);
        const pushed = (await timed('push', d, 'POST', '/api/v1/sync/push', { events })) as {
          rejected?: unknown[];
        } | null;
        if (pushed !== null && measured) {
          eventsPushed += events.length;
          const refused = pushed.rejected?.length ?? 0;
          if (refused > 0) {
            rejectedEvents += refused;
            if (firstError === undefined)
              firstError = `rejected: ${JSON.stringify(pushed.rejected?.[0])}`;
          }
        }
        // Pull from the cursor until the region has nothing newer (pages of 1000, as the app).
        for (let page = 0; page < 20; page++) {
          const query = new URLSearchParams({ limit: '1000' });
          if (d.cursor !== null) query.set('after', d.cursor);
          const pulled = (await timed(
            'pull',
            d,
            'GET',
            `/api/v1/sync/pull?${query.toString()}`,
            undefined,
            pullTail,
          )) as PullTail | null;
          if (pulled === null) break;
          d.cursor = pulled.cursor;
          if (measured) eventsPulled += pulled.events;
          if (!pulled.more) break;
        }
        planned += paceMs;
      }
    }),
  );
  await warmedUp;
  const end = performance.now();
  delay.disable();
  const wall = (end - start) / 1000;
  const elu = performance.eventLoopUtilization(elu0);
  const gen = process.cpuUsage(cpu0.generator);
  const cpu = {
    servers: (cpuOf(servers.map((s) => s.pid)) - cpu0.servers) / wall,
    postgres: (postgresCpu(PG_PORT) - cpu0.postgres) / wall,
    generator: (gen.user + gen.system) / 1e6 / wall,
  };
  for (const d of devices) d.agent.destroy();
  // Let the servers write their last log lines.
  await new Promise((r) => setTimeout(r, 500));
  const epoch = performance.timeOrigin;
  const ns = (n: number) => n / 1e6 - 10;
  const lateSorted = late.sort((a, b) => a - b);
  const requests = latencies.push.length + latencies.pull.length;
  return {
    warmup: {
      seconds: warmupMs / 1000,
      requests: warmupLatencies.length,
      p99: percentile(
        warmupLatencies.sort((a, b) => a - b),
        99,
      ),
    },
    rounds: { done: rounds, expected: Math.round((devices.length * seconds * 1000) / paceMs) },
    requestsPerS: requests / seconds,
    eventsPushed,
    eventsPulled,
    all: stats([...latencies.push, ...latencies.pull]),
    perSecond: perSecondLatencies.map((list) => {
      const l = stats(list);
      return { requests: l.count, p99: Math.round(l.p99 * 10) / 10 };
    }),
    push: stats(latencies.push),
    pull: stats(latencies.pull),
    errors,
    rejectedEvents,
    ...(firstError === undefined ? {} : { firstError }),
    serverSide: serverTimes(logFiles, epoch + start, epoch + deadline),
    cpu,
    generator: {
      loopDelay: {
        p50: Math.max(0, ns(delay.percentile(50))),
        p99: Math.max(0, ns(delay.percentile(99))),
        max: Math.max(0, ns(delay.max)),
      },
      utilization: elu.utilization,
      overran,
      timerLate: {
        p50: percentile(lateSorted, 50),
        p99: percentile(lateSorted, 99),
        max: lateSorted.at(-1) ?? NaN,
      },
    },
  };
}

/** Starts PostgreSQL and two servers on it, writes the directory, enrolls the fleet through the
 * API, runs it, and stops everything. */
/** Where PostgreSQL's connections to the database were, sampled every 50 ms: a share of the
 * samples per state and wait (`active Lock:advisory`, `idle in transaction Client:ClientRead`,
 * …) and, for the active ones, per statement (its first 60 characters). A probe, for finding
 * where the time goes; the row does not report it. */
function sampleActivity(url: string): () => Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  const counts = new Map<string, number>();
  let samples = 0;
  const state = { running: true };
  const done = (async () => {
    await client.connect();
    while (state.running) {
      const { rows } = await client.query<{
        state: string | null;
        wait: string | null;
        query: string;
      }>(
        `select state, wait_event_type || ':' || wait_event as wait, query
           from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
            and backend_type = 'client backend'`,
      );
      samples++;
      for (const r of rows) {
        const key = `${r.state ?? '?'} ${r.wait ?? 'cpu'}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        if (r.state === 'active') {
          const q = `  ${r.query.replace(/\s+/g, ' ').slice(0, 60)}`;
          counts.set(q, (counts.get(q) ?? 0) + 1);
        }
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    await client.end();
  })();
  return async () => {
    state.running = false;
    await done;
    return Object.fromEntries(
      [...counts.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => [k, Math.round((n / samples) * 100) / 100]),
    );
  };
}

/** Probes for finding where the time goes (not part of the recorded row): Node flags for the
 * servers (`--cpu-prof --cpu-prof-dir=…`), and PostgreSQL's connections sampled. */
export interface FlandersProbe {
  serverNodeArgs?: string[];
  activity?: boolean;
}

export async function benchLoadFlanders(
  options: FlandersOptions,
  probe: FlandersProbe = {},
): Promise<FlandersRow & { activity?: Record<string, number> }> {
  const dir = mkdtempSync(join(tmpdir(), 'bewaar-flanders-'));
  const postgres = await startPostgres(PG_PORT);
  const servers: ServerProc[] = [];
  try {
    await postgres.createDatabase('flanders');
    const env = { DATABASE_URL: postgres.url('flanders'), BEWAAR_DATA_DIR: join(dir, 'data') };
    const logFiles = PORTS.map((port) => join(dir, `server-${port}.log`));
    // One after the other: the first seeds the demo season, the second finds it there.
    for (const [i, port] of PORTS.entries()) {
      servers.push(await startServerProc(port, env, probe.serverNodeArgs ?? [], logFiles[i]));
    }
    const codes = await writeDirectory(postgres.url('flanders'), options);
    const t = performance.now();
    const devices = await enrollAll(codes, servers);
    const enrollSeconds = (performance.now() - t) / 1000;
    const activity = probe.activity === true ? sampleActivity(postgres.url('flanders')) : undefined;
    const row = await runFleet(devices, servers, options, logFiles);
    return {
      ...(activity === undefined ? {} : { activity: await activity() }),
      store: 'PostgreSQL',
      servers: servers.length,
      ...options,
      sitesPerTenant: { parks: PARKS, shops: SHOPS },
      enrollSeconds,
      ...row,
    };
  } finally {
    for (const s of servers) await s.stop();
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function loadFlandersMarkdown(r: FlandersRow): string {
  const f = (n: number, d = 1) => n.toFixed(d);
  const lat = (l: Latency) =>
    `${l.count} | ${f(l.p50)} ms | ${f(l.p95)} ms | ${f(l.p99)} ms | ${f(l.max)} ms`;
  const met = r.all.p99 < 100 && r.errors === 0 && r.rejectedEvents === 0;
  return `| requests | count | p50 | p95 | p99 | max | server's own time p50 / p99 |
|---|---|---|---|---|---|---|
| all | ${lat(r.all)} | — |
| push (1–3 events) | ${lat(r.push)} | ${f(r.serverSide.push.p50)} / ${f(r.serverSide.push.p99)} ms |
| pull (from the device's cursor) | ${lat(r.pull)} | ${f(r.serverSide.pull.p50)} / ${f(r.serverSide.pull.p99)} ms |

${r.devices} devices in ${r.tenants} regions (each ${r.sitesPerTenant.parks} parks and ${r.sitesPerTenant.shops} shops, ${ROSTER} people on each roster; each device enrolled through the API with its own one-time code: ${f(r.enrollSeconds)} s for all), each syncing once every ${f(r.paceMs / 1000, 0)} s, on ${r.servers} server processes over one PostgreSQL 18 (embedded), devices split round robin between them. ${r.seconds} s measured after ${f(r.warmup.seconds, 0)} s of warm-up (${r.warmup.requests} requests, p99 ${f(r.warmup.p99)} ms). Rounds: ${r.rounds.done} of ${r.rounds.expected} planned; ${f(r.requestsPerS, 0)} requests/s; ${r.eventsPushed} events pushed, ${r.eventsPulled} pulled. Errors (non-2xx or network): ${r.errors}; events refused: ${r.rejectedEvents}${r.firstError === undefined ? '' : ` (first: ${r.firstError.slice(0, 200)})`}. Seconds whose requests had a p99 over 100 ms: ${r.perSecond.filter((x) => x.p99 > 100).length} of ${r.perSecond.length} (the slowest second's p99: ${f(Math.max(...r.perSecond.map((x) => x.p99)))} ms).

CPU over the measured part (cores): servers ${f(r.cpu.servers, 2)}, PostgreSQL ${f(r.cpu.postgres, 2)}, load generator ${f(r.cpu.generator, 2)}. Whether the load generator kept up: its event loop's delay p50 ${f(r.generator.loopDelay.p50)} ms, p99 ${f(r.generator.loopDelay.p99)} ms, max ${f(r.generator.loopDelay.max)} ms; loop busy ${f(r.generator.utilization * 100, 0)} % of the time; a round's timer fired late by p50 ${f(r.generator.timerLate.p50)} ms, p99 ${f(r.generator.timerLate.p99)} ms, max ${f(r.generator.timerLate.max)} ms; ${r.generator.overran} of ${r.rounds.done} rounds started behind their plan because the device's previous round was still waiting for the server.

Target: p99 < 100 ms and no errors: p99 ${f(r.all.p99)} ms, ${r.errors} errors, ${r.rejectedEvents} refused: **${met ? 'met' : 'missed'}**.`;
}
