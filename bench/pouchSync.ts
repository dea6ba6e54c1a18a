// Bewaar's sync beside PouchDB/CouchDB-style replication, on equal work: the same events (a park's,
// built by the bench's generator and checked by the domain), each also a PouchDB document whose
// `_id` starts with its subject (`<subject>:<event id>`, so an item's history is an `allDocs`
// range) and whose other fields are the event's. Three rows, each saying what it includes:
//
// (a) wire — HTTP and server only, the pulled documents kept in a Map on both sides. Bewaar: its
//     own HTTP client (src/sync/api.ts) pushes in batches of 500 and pulls pages of 1000, against
//     the real server on SQLite and on PostgreSQL. PouchDB: express-pouchdb over leveldb, the
//     replication protocol's legs by hand — `_revs_diff` + `_bulk_docs` (new_edits=false) per
//     batch of 500 up, `_changes?include_docs=true` pages of 1000 down. No client database.
// (b) replicator — each client as its users run it, in Node, client storage in memory on both
//     sides. Bewaar: the sync engine (src/sync/engine.ts) over its IndexedDB storage on
//     fake-indexeddb (one device pushes its outbox, a fresh one pulls everything and folds it).
//     PouchDB: `PouchDB.replicate` from a memory database to the server, then from the server into
//     a fresh memory database.
// (c) Chromium — a fresh device (new on-disk profile) until everything is stored (Bewaar: events
//     and projections, first round done; PouchDB: docs readable by id), and until an item's
//     history is read (Bewaar: its card on the work screen; PouchDB: an allDocs range).
//
// Runs are interleaved (Bewaar, PouchDB, Bewaar, PouchDB…). express-pouchdb gzips its answers and
// Bewaar's server does not: PouchDB is measured both ways, gzip off (as Bewaar) and on (as
// shipped), and the targets are judged against the faster of the two.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import PouchDB, { type PouchDoc } from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { v7 as uuidv7 } from 'uuid';
import { validateEvent, type BewaarEvent } from '../src/domain';
import { openBewaarDb, type BewaarDexie } from '../src/storage';
import { appendToLog, logTables } from '../src/storage/log';
import { projectionTables, reproject } from '../src/storage/projections';
import { createApi } from '../src/sync/api';
import { syncOnce } from '../src/sync/engine';
import type { StoreConfig } from '../server/store/createStore';
import { startPostgres } from '../tests/support/postgres';
import { bundle, launchFreshProfile, PORT, spread, type Spread } from './lib';
import { storedInPage } from './freshDevice';
import { scanOnce } from './scanToCard';
import { enroll, parkEvents, startServer } from './syncServer';

PouchDB.plugin(memoryAdapter);

/** Bewaar's server listens on PORT, express-pouchdb on the next one. */
const BEWAAR_PORT = PORT;
const POUCH_PORT = PORT + 1;
const POSTGRES_PORT = Number(process.env.BENCH_POSTGRES_PORT ?? 54401);

/** Row (a): the same batch sizes on both sides. */
const WIRE_PUSH = 500;
const WIRE_PULL = 1000;
/** Row (b) and (c): the sync engine's own sizes (syncOnce's defaults), PouchDB given the same. */
const ENGINE_PUSH = 200;
const ENGINE_PULL = 1000;

type Who = Awaited<ReturnType<typeof enroll>>;

/** Ids of the right form for the template events; each run sends them as its own device. */
const templateWho = (): Who => ({ token: '', device: uuidv7(), actor: uuidv7(), site: uuidv7() });

/** `n` realistic events for `who`, each checked by the domain's validator. */
export function benchEvents(who: Who, n: number): BewaarEvent[] {
  return parkEvents(who, Math.ceil(n / 2))
    .slice(0, n)
    .map((e) => {
      const checked = validateEvent(e);
      if (!checked.ok) throw new Error(`invalid bench event: ${JSON.stringify(checked.issues)}`);
      return checked.event;
    });
}

/** The same events as sent by another enrolled device (same payloads, its own ids for the
 * device, person and site the server checks against the token). */
function as(who: Who, events: readonly BewaarEvent[]): BewaarEvent[] {
  return events.map((e) => ({ ...e, device: who.device, actor: who.actor, site: who.site }));
}

/** Each event as a PouchDB document: `_id` subject-prefixed, the event's fields as they are. */
const asDocs = (events: readonly BewaarEvent[]): PouchDoc[] =>
  events.map((e) => ({ _id: `${e.subject}:${e.id}`, ...e }));

/** …with a first revision, as a replicator sends them (`_bulk_docs` with new_edits=false). */
const withRevs = (docs: readonly PouchDoc[]): (PouchDoc & { _rev: string })[] =>
  docs.map((d) => ({ ...d, _rev: `1-${createHash('md5').update(d._id).digest('hex')}` }));

export interface PushPull {
  pushMs: number;
  pullMs: number;
}

async function pushAll(base: string, token: string, events: readonly BewaarEvent[]) {
  const api = createApi({ baseUrl: base, token });
  for (let i = 0; i < events.length; i += WIRE_PUSH) {
    const result = await api.push(events.slice(i, i + WIRE_PUSH));
    if (result.rejected.length > 0)
      throw new Error(`rejected: ${JSON.stringify(result.rejected[0])}`);
  }
}

// ---- servers ---------------------------------------------------------------------------------

/** The servers come back on the same port run after run: a moment for this process's HTTP client
 * to see that the old server closed its keep-alive connections, or the next run's first request
 * goes out on one of them. */
const closedOnClient = () => new Promise((done) => setTimeout(done, 100));

/** Bewaar's server on its port; `stop` also waits for the client to see it gone. */
async function startBewaar(config: StoreConfig, staticDir?: string) {
  const server = await startServer(config, staticDir, BEWAAR_PORT);
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await closedOnClient();
    },
  };
}

/** express 4 + express-pouchdb over leveldb in a temp dir, on loopback; `files` are served as
 * they are (the Chromium page and its script, same origin as the database). `gzip` switches
 * express-pouchdb's compression for the requests that follow: off, every request is answered as
 * if it had asked for `identity`. */
export async function startPouchServer(files: Record<string, { type: string; body: string }> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bewaar-pouch-'));
  const ServerPouch = PouchDB.defaults({ prefix: `${dir}/` });
  const app = express();
  const state = { gzip: false };
  app.use('/db', (req, _res, next) => {
    if (!state.gzip) req.headers['accept-encoding'] = 'identity';
    next();
  });
  app.use(
    '/db',
    expressPouchDB(ServerPouch, {
      mode: 'minimumForPouchDB',
      inMemoryConfig: true,
      logPath: join(dir, 'log.txt'),
    }),
  );
  for (const [path, file] of Object.entries(files)) {
    app.get(path, (_req, res) => {
      res.setHeader('content-type', file.type);
      res.end(file.body);
    });
  }
  const server = await new Promise<Server>((done) => {
    const s = app.listen(POUCH_PORT, '127.0.0.1', () => {
      done(s);
    });
  });
  const base = `http://127.0.0.1:${String(POUCH_PORT)}`;
  const db = `${base}/db/bench`;
  const created = await fetch(db, { method: 'PUT' });
  if (!created.ok) throw new Error(`PouchDB server: PUT ${String(created.status)}`);
  return {
    base,
    db,
    gzip: (on: boolean) => {
      state.gzip = on;
    },
    stop: async () => {
      // Destroying the database through the server closes its leveldb files.
      await fetch(db, { method: 'DELETE' }).catch(() => undefined);
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      rmSync(dir, { recursive: true, force: true });
      await closedOnClient();
    },
  };
}

async function json<T>(url: string, body?: unknown): Promise<T> {
  const res = await fetch(
    url,
    body === undefined
      ? {}
      : {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
  );
  if (!res.ok) throw new Error(`${url}: ${String(res.status)} ${await res.text()}`);
  return (await res.json()) as T;
}

// ---- (a) wire --------------------------------------------------------------------------------

/** Bewaar over the wire: a fresh store, push everything, a newly enrolled device pulls it all
 * into a Map. The server's background fold of the pushed events runs between the two, untimed
 * (PouchDB's server builds nothing of the kind here). */
export async function bewaarWire(
  config: StoreConfig,
  template: readonly BewaarEvent[],
): Promise<PushPull> {
  const server = await startBewaar(config);
  try {
    const tablet = await enroll(server.base, 'DEMO-NOORD', 'bench-tablet');
    const events = as(tablet, template);
    const t0 = performance.now();
    await pushAll(server.base, tablet.token, events);
    const pushMs = performance.now() - t0;
    await server.settle();
    const fresh = await enroll(server.base, 'DEMO-WINKEL', 'bench-fresh');
    const api = createApi({ baseUrl: server.base, token: fresh.token });
    const received = new Map<string, unknown>();
    const t1 = performance.now();
    let cursor: string | null = null;
    for (;;) {
      const page = await api.pull(cursor, WIRE_PULL);
      for (const e of page.events) received.set((e as { id: string }).id, e);
      if (!page.more || page.cursor === cursor) break;
      cursor = page.cursor;
    }
    const pullMs = performance.now() - t1;
    if (received.size !== events.length)
      throw new Error(`pulled ${String(received.size)} of ${String(events.length)}`);
    return { pushMs, pullMs };
  } finally {
    await server.stop();
  }
}

/** PouchDB over the wire: a fresh express-pouchdb database; per batch the replicator's two
 * requests up (`_revs_diff`, then `_bulk_docs` of the missing with new_edits=false), then
 * `_changes?include_docs=true` pages down into a Map. No client database, no checkpoints. */
export async function pouchWire(
  docs: readonly (PouchDoc & { _rev: string })[],
  gzip: boolean,
): Promise<PushPull> {
  const server = await startPouchServer();
  server.gzip(gzip);
  try {
    const t0 = performance.now();
    for (let i = 0; i < docs.length; i += WIRE_PUSH) {
      const batch = docs.slice(i, i + WIRE_PUSH);
      const diff = await json<Record<string, { missing: string[] } | undefined>>(
        `${server.db}/_revs_diff`,
        Object.fromEntries(batch.map((d) => [d._id, [d._rev]])),
      );
      const missing = batch.filter((d) => diff[d._id]?.missing.includes(d._rev));
      if (missing.length > 0)
        await json(`${server.db}/_bulk_docs`, { docs: missing, new_edits: false });
    }
    const pushMs = performance.now() - t0;
    const { doc_count } = await json<{ doc_count: number }>(server.db);
    if (doc_count !== docs.length)
      throw new Error(`pushed ${String(doc_count)} of ${String(docs.length)}`);
    const received = new Map<string, unknown>();
    const t1 = performance.now();
    let since: string | number = 0;
    for (;;) {
      const page: { results: { id: string; doc: unknown }[]; last_seq: string | number } =
        await json(
          `${server.db}/_changes?include_docs=true&limit=${String(WIRE_PULL)}&since=${encodeURIComponent(String(since))}`,
        );
      for (const change of page.results) received.set(change.id, change.doc);
      if (page.results.length < WIRE_PULL) break;
      since = page.last_seq;
    }
    const pullMs = performance.now() - t1;
    if (received.size !== docs.length)
      throw new Error(`pulled ${String(received.size)} of ${String(docs.length)}`);
    return { pushMs, pullMs };
  } finally {
    await server.stop();
  }
}

// ---- (b) replicator --------------------------------------------------------------------------

let deviceCounter = 0;
/** A device database of the app's own storage, on fake-indexeddb (in memory, as PouchDB's memory
 * adapter on the other side). */
const nodeDevice = (): BewaarDexie =>
  openBewaarDb(`bench-device-${String(deviceCounter++)}`, {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });

/** Puts `events` on a device as if recorded there: in the log (pages of 1000), in the outbox,
 * folded into the projections. Untimed set-up. */
async function recordedOn(db: BewaarDexie, events: readonly BewaarEvent[]) {
  await db.transaction('rw', [...logTables(db), db.outbox, ...projectionTables(db)], async () => {
    for (let i = 0; i < events.length; i += 1000) {
      const page = events.slice(i, i + 1000);
      await appendToLog(db, page);
      await db.outbox.bulkAdd(page.map((event) => ({ id: event.id, queuedAt: 0, event })));
    }
    await reproject(db, new Set(events.map((e) => e.subject)));
  });
}

/** Bewaar's sync engine: a device holding every event in its outbox runs a round (the push is
 * timed until its first pull request: the round then pulls the tenant's log, its own events
 * included, untimed); then a fresh device's first round pulls, stores and folds everything. */
export async function bewaarReplicator(
  file: string,
  template: readonly BewaarEvent[],
): Promise<PushPull> {
  const server = await startBewaar({ kind: 'sqlite', file });
  const tablet = nodeDevice();
  const phone = nodeDevice();
  try {
    const who = await enroll(server.base, 'DEMO-NOORD', 'bench-tablet');
    const events = as(who, template);
    await recordedOn(tablet, events);
    const api = createApi({ baseUrl: server.base, token: who.token });
    let pushedAt = NaN;
    const timed = {
      ...api,
      pull: (after: string | null, limit: number) => {
        if (Number.isNaN(pushedAt)) pushedAt = performance.now();
        return api.pull(after, limit);
      },
    };
    const t0 = performance.now();
    const pushed = await syncOnce({
      db: tablet,
      api: timed,
      node: '00000000000000a1',
      now: Date.now,
    });
    const pushMs = pushedAt - t0;
    if (pushed.pushed !== events.length)
      throw new Error(`pushed ${String(pushed.pushed)} of ${String(events.length)}`);
    await server.settle();
    const fresh = await enroll(server.base, 'DEMO-WINKEL', 'bench-fresh');
    const t1 = performance.now();
    const pulled = await syncOnce({
      db: phone,
      api: createApi({ baseUrl: server.base, token: fresh.token }),
      node: '00000000000000a2',
      now: Date.now,
    });
    const pullMs = performance.now() - t1;
    if (pulled.pulled !== events.length)
      throw new Error(`pulled ${String(pulled.pulled)} of ${String(events.length)}`);
    return { pushMs, pullMs };
  } finally {
    await tablet.delete();
    await phone.delete();
    await server.stop();
  }
}

let dbCounter = 0;
/** A Node PouchDB (memory adapter) holding `docs`. */
async function memoryDb(docs: readonly PouchDoc[]) {
  const db = new PouchDB(`bench-${String(dbCounter++)}`, { adapter: 'memory' });
  for (let i = 0; i < docs.length; i += 5000) await db.bulkDocs(docs.slice(i, i + 5000));
  return db;
}

/** PouchDB's replicator: from a memory database holding every document to a fresh server, then
 * from the server into a fresh memory database; the engine's batch sizes. */
export async function pouchReplicator(docs: readonly PouchDoc[], gzip: boolean): Promise<PushPull> {
  const server = await startPouchServer();
  server.gzip(gzip);
  const local = await memoryDb(docs);
  const fresh = await memoryDb([]);
  const remote = new PouchDB(server.db);
  try {
    const t0 = performance.now();
    const pushed = await PouchDB.replicate(local, remote, { batch_size: ENGINE_PUSH });
    const pushMs = performance.now() - t0;
    if (pushed.docs_written !== docs.length)
      throw new Error(`pushed ${String(pushed.docs_written)} of ${String(docs.length)}`);
    const t1 = performance.now();
    await PouchDB.replicate(remote, fresh, { batch_size: ENGINE_PULL });
    const pullMs = performance.now() - t1;
    const { doc_count } = await fresh.info();
    if (doc_count !== docs.length)
      throw new Error(`pulled ${String(doc_count)} of ${String(docs.length)}`);
    return { pushMs, pullMs };
  } finally {
    await remote.close();
    await local.destroy();
    await fresh.destroy();
    await server.stop();
  }
}

// ---- rows ------------------------------------------------------------------------------------

export interface NodeRow {
  system: string;
  events: number;
  push: Spread;
  pull: Spread;
  total: Spread;
}

const nodeRow = (system: string, events: number, runs: readonly PushPull[]): NodeRow => ({
  system,
  events,
  push: spread(runs.map((r) => r.pushMs)),
  pull: spread(runs.map((r) => r.pullMs)),
  total: spread(runs.map((r) => r.pushMs + r.pullMs)),
});

export const SYSTEMS = {
  bewaarSqlite: 'Bewaar, SQLite',
  bewaarPostgres: 'Bewaar, PostgreSQL',
  bewaarEngine: 'Bewaar sync engine, fake-indexeddb (server on SQLite)',
  pouchOff: 'PouchDB, gzip off',
  pouchOn: 'PouchDB, gzip on (as shipped)',
  bewaarChromium: 'Bewaar (the PWA)',
  bewaarHttp: 'Bewaar, HTTP pull alone in the page (diagnostic: nothing stored)',
} as const;

/** Collects each system's runs in the order they ran, and logs each. */
function collector(events: number) {
  const runs = new Map<string, PushPull[]>();
  return {
    add(system: string, r: PushPull) {
      runs.set(system, [...(runs.get(system) ?? []), r]);
      console.info(
        `  ${String(events)} ${system}: push ${r.pushMs.toFixed(0)} ms, pull ${r.pullMs.toFixed(0)} ms`,
      );
    },
    rows: () => [...runs].map(([system, r]) => nodeRow(system, events, r)),
  };
}

/** Row (a), `runs` times, interleaved: Bewaar SQLite, PouchDB gzip off, Bewaar PostgreSQL,
 * PouchDB gzip on. */
export async function benchWire(n: number, runs: number): Promise<NodeRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bewaar-pouchcmp-'));
  const pg = await startPostgres(POSTGRES_PORT);
  try {
    const template = benchEvents(templateWho(), n);
    const docs = withRevs(asDocs(template));
    // One untimed round of each first, a tenth of the size: code paths compiled, both sides.
    const warm = Math.ceil(n / 10);
    await bewaarWire({ kind: 'sqlite', file: join(dir, 'warm.sqlite') }, template.slice(0, warm));
    await pg.createDatabase('pouchcmp_warm');
    await bewaarWire({ kind: 'postgres', url: pg.url('pouchcmp_warm') }, template.slice(0, warm));
    await pouchWire(docs.slice(0, warm), false);
    await pouchWire(docs.slice(0, warm), true);
    const c = collector(n);
    for (let run = 0; run < runs; run++) {
      const file = join(dir, `wire-${String(run)}.sqlite`);
      c.add(SYSTEMS.bewaarSqlite, await bewaarWire({ kind: 'sqlite', file }, template));
      rmSync(file, { force: true });
      c.add(SYSTEMS.pouchOff, await pouchWire(docs, false));
      const database = `pouchcmp_${String(run)}`;
      await pg.createDatabase(database);
      c.add(
        SYSTEMS.bewaarPostgres,
        await bewaarWire({ kind: 'postgres', url: pg.url(database) }, template),
      );
      c.add(SYSTEMS.pouchOn, await pouchWire(docs, true));
    }
    return c.rows();
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Row (b), `runs` times, interleaved: Bewaar's engine, then PouchDB gzip off and on (in turn
 * first). */
export async function benchReplicator(n: number, runs: number): Promise<NodeRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bewaar-pouchrep-'));
  try {
    const template = benchEvents(templateWho(), n);
    const docs = asDocs(template);
    const warm = Math.ceil(n / 10);
    await bewaarReplicator(join(dir, 'warm.sqlite'), template.slice(0, warm));
    await pouchReplicator(docs.slice(0, warm), false);
    await pouchReplicator(docs.slice(0, warm), true);
    const c = collector(n);
    for (let run = 0; run < runs; run++) {
      const file = join(dir, `rep-${String(run)}.sqlite`);
      c.add(SYSTEMS.bewaarEngine, await bewaarReplicator(file, template));
      rmSync(file, { force: true });
      for (const gzip of run % 2 === 0 ? [false, true] : [true, false])
        c.add(gzip ? SYSTEMS.pouchOn : SYSTEMS.pouchOff, await pouchReplicator(docs, gzip));
    }
    return c.rows();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ChromiumRow {
  system: string;
  events: number;
  /** Bewaar: tap on "Inschrijven" → events and projections stored, round done. PouchDB: start of
   * replication → every doc stored (allDocs counts them). */
  stored: Spread;
  /** …and one item's history read (Bewaar: its card; PouchDB: an allDocs range). */
  history: Spread | null;
}

/** The Chromium page for PouchDB: pouchdb-browser bundled with its page script. */
async function pouchPageFiles() {
  return {
    '/': {
      type: 'text/html; charset=utf-8',
      body: '<!doctype html><meta charset="utf-8"><title>pouch</title><script type="module" src="/pouch.js"></script>',
    },
    '/pouch.js': {
      type: 'text/javascript; charset=utf-8',
      body: await bundle('./browser/pouchPage.ts'),
    },
  };
}

/** Row (c): both servers seeded with the same events, then `runs` rounds of: a fresh Bewaar
 * device, a fresh PouchDB device with gzip off, another with gzip on. Needs a build in dist/. */
export async function benchChromium(n: number, runs: number): Promise<ChromiumRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bewaar-pouchcmp-fresh-'));
  const bewaar = await startBewaar(
    { kind: 'sqlite', file: join(dir, 'fresh.sqlite') },
    resolve('dist'),
  );
  const pouch = await startPouchServer(await pouchPageFiles());
  try {
    const tablet = await enroll(bewaar.base, 'DEMO-NOORD', 'bench-seed');
    const events = as(tablet, benchEvents(templateWho(), n));
    await pushAll(bewaar.base, tablet.token, events);
    await bewaar.settle();
    const docs = asDocs(events);
    const seed = await memoryDb(docs);
    const seeded = await PouchDB.replicate(seed, pouch.db, { batch_size: WIRE_PUSH });
    await seed.destroy();
    if (seeded.docs_written !== docs.length) throw new Error('PouchDB seed incomplete');
    const itemCodes = [...new Set(events.map((e) => e.subject).filter((s) => s.startsWith('BW')))];
    // One item from the middle of the log, read by both.
    const item = itemCodes[Math.floor(itemCodes.length / 2)] ?? '';
    const itemEvents = events.filter((e) => e.subject === item).length;

    const times = new Map<string, { stored: number[]; history: number[] }>();
    const add = (system: string, stored: number, history: number) => {
      const t = times.get(system) ?? { stored: [], history: [] };
      t.stored.push(stored);
      t.history.push(history);
      times.set(system, t);
      console.info(
        `  ${String(n)} ${system}, Chromium: stored ${stored.toFixed(0)} ms, history ${history.toFixed(0)} ms`,
      );
    };
    for (let run = 0; run < runs; run++) {
      let profile = await launchFreshProfile();
      try {
        const page = await profile.context.newPage();
        await page.goto(bewaar.base);
        await page.getByLabel('Inschrijvingscode').fill('DEMO-WINKEL');
        await page.getByLabel('Naam van dit toestel').fill(`Bench ${String(run)}`);
        // Both ends are taken in the page, as PouchDB's are: the tap's click event, and the
        // page's own poll of IndexedDB (every 25 ms) seeing everything stored.
        await page.evaluate(`document.addEventListener('click', (e) => {
          if (e.target.closest('button')?.textContent.includes('Inschrijven')) window.benchTap ??= Date.now();
        }, true)`);
        const done = storedInPage(page, events.length, itemCodes.length);
        await page.getByRole('button', { name: 'Inschrijven' }).click();
        await page.getByRole('button', { name: 'T-01' }).click();
        const stored = (await done) - (await page.evaluate<number>('window.benchTap'));
        add(SYSTEMS.bewaarChromium, stored, stored + (await scanOnce(page, item)));
      } finally {
        await profile.close();
      }
      for (const gzip of [false, true]) {
        pouch.gzip(gzip);
        profile = await launchFreshProfile();
        try {
          const page = await profile.context.newPage();
          await page.goto(pouch.base);
          await page.waitForFunction(() => window.benchPouchPull !== undefined);
          const r = await page.evaluate(
            async ([db, count, batch, subject, subjectEvents]) => {
              const pull = window.benchPouchPull;
              if (!pull) throw new Error('page not ready');
              return pull(db, count, batch, subject, subjectEvents);
            },
            [pouch.db, events.length, ENGINE_PULL, item, itemEvents] as const,
          );
          add(gzip ? SYSTEMS.pouchOn : SYSTEMS.pouchOff, r.storedMs, r.historyMs);
        } finally {
          await profile.close();
        }
      }
    }

    // Diagnostic: the same pull over HTTP alone in the page (fetch + JSON, nothing stored), to
    // tell the network and server share from the device's own work (IndexedDB, fold).
    const reader = await enroll(bewaar.base, 'DEMO-WINKEL', 'bench-http-only');
    const httpOnly: number[] = [];
    const profile = await launchFreshProfile();
    try {
      const page = await profile.context.newPage();
      await page.goto(`${bewaar.base}/api/v1/health`);
      for (let run = 0; run < runs; run++) {
        const r = await page.evaluate(async (token) => {
          const t0 = performance.now();
          let cursor: string | null = null;
          let count = 0;
          for (;;) {
            const query = new URLSearchParams({ limit: '1000' });
            if (cursor !== null) query.set('after', cursor);
            const res = await fetch(`/api/v1/sync/pull?${query.toString()}`, {
              headers: { authorization: `Bearer ${token}` },
            });
            const body = (await res.json()) as { events: unknown[]; cursor: string; more: boolean };
            count += body.events.length;
            if (!body.more) break;
            cursor = body.cursor;
          }
          return { count, ms: performance.now() - t0 };
        }, reader.token);
        if (r.count !== events.length) throw new Error(`http-only pulled ${String(r.count)}`);
        httpOnly.push(r.ms);
      }
    } finally {
      await profile.close();
    }
    return [
      ...[...times].map(([system, t]) => ({
        system,
        events: events.length,
        stored: spread(t.stored),
        history: spread(t.history),
      })),
      {
        system: SYSTEMS.bewaarHttp,
        events: events.length,
        stored: spread(httpOnly),
        history: null,
      },
    ];
  } finally {
    await pouch.stop();
    await bewaar.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- the tables ------------------------------------------------------------------------------

const ms = (s: Spread) => `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
const times = (x: number) => `${x.toFixed(1)}×`;
const isPouch = (system: string) => system.startsWith('PouchDB');

/** The faster PouchDB row by `time`. */
function fastestPouch<T extends { system: string }>(rows: readonly T[], time: (r: T) => number) {
  return rows
    .filter((r) => isPouch(r.system))
    .reduce<T | undefined>((a, b) => (a === undefined || time(b) < time(a) ? b : a), undefined);
}

/** "3.4×: met" or "2.8×: missed by 0.2× (Bewaar would need 812 ms instead of 870 ms)". */
function verdict(pouchMs: number, bewaarMs: number, target: number) {
  const x = pouchMs / bewaarMs;
  if (x >= target) return `${times(x)}: **met**`;
  const needed = pouchMs / target;
  return `${times(x)}: **missed** by ${(target - x).toFixed(1)}× (Bewaar would need ${needed.toFixed(0)} ms instead of ${bewaarMs.toFixed(0)} ms, ${((1 - needed / bewaarMs) * 100).toFixed(0)} % less)`;
}

export interface PouchSyncResult {
  events: number;
  runs: number;
  wire: NodeRow[];
  replicator: NodeRow[];
  chromium: ChromiumRow[];
}

function nodeTable(rows: readonly NodeRow[], bewaarSystems: readonly string[]): string[] {
  const bewaar = bewaarSystems.map((s) => rows.find((r) => r.system === s));
  const lines = [
    `| system | push | pull | push + pull | ${bewaarSystems.map((s) => `PouchDB ÷ ${s}`).join(' | ')} |`,
    `|---|---|---|---|${bewaarSystems.map(() => '---|').join('')}`,
  ];
  for (const r of rows) {
    const ratios = bewaar.map((b) =>
      isPouch(r.system) && b ? times(r.total.median / b.total.median) : '—',
    );
    lines.push(
      `| ${r.system} | ${ms(r.push)} | ${ms(r.pull)} | ${ms(r.total)} | ${ratios.join(' | ')} |`,
    );
  }
  return lines;
}

/** The three tables and the verdicts; ratios are PouchDB ÷ Bewaar (higher = Bewaar faster). */
export function pouchSyncMarkdown(r: PouchSyncResult): string {
  const lines: string[] = [];
  lines.push(
    `**(a) Wire: HTTP and server only**, ${String(r.events)} events, pulled documents kept in a Map on both sides (median of ${String(r.runs)} runs, min–max)`,
    '',
    ...nodeTable(r.wire, [SYSTEMS.bewaarSqlite, SYSTEMS.bewaarPostgres]),
    '',
    `**(b) Replicator: each sync client as its users run it**, in Node, client storage in memory (Bewaar: its IndexedDB storage on fake-indexeddb; PouchDB: the memory adapter), ${String(r.events)} events`,
    '',
    ...nodeTable(r.replicator, [SYSTEMS.bewaarEngine]),
    '',
    `**(c) Chromium: a fresh device**, ${String(r.events)} events, a new on-disk profile per run`,
    '',
    "| system | all stored (Bewaar: events and projections, round done; PouchDB: docs readable by id) | PouchDB ÷ Bewaar | + one item's history read | PouchDB ÷ Bewaar |",
    '|---|---|---|---|---|',
  );
  const chromeBewaar = r.chromium.find((x) => x.system === SYSTEMS.bewaarChromium);
  for (const row of r.chromium) {
    const ratio = (pouch: Spread | null, bewaar: Spread | null | undefined) =>
      isPouch(row.system) && pouch && bewaar ? times(pouch.median / bewaar.median) : '—';
    lines.push(
      `| ${row.system} | ${ms(row.stored)} | ${ratio(row.stored, chromeBewaar?.stored)} | ${row.history ? ms(row.history) : '—'} | ${ratio(row.history, chromeBewaar?.history)} |`,
    );
  }
  const sqlite = r.wire.find((x) => x.system === SYSTEMS.bewaarSqlite);
  const pg = r.wire.find((x) => x.system === SYSTEMS.bewaarPostgres);
  const wirePouch = fastestPouch(r.wire, (x) => x.total.median);
  const storedPouch = fastestPouch(r.chromium, (x) => x.stored.median);
  const historyPouch = fastestPouch(r.chromium, (x) => x.history?.median ?? Infinity);
  lines.push('', 'Targets, each against the faster of the two PouchDB rows:');
  if (sqlite && pg && wirePouch)
    lines.push(
      `- (a) wire ≥ 3× (push + pull; ${wirePouch.system}): SQLite ${verdict(wirePouch.total.median, sqlite.total.median, 3)}; PostgreSQL ${verdict(wirePouch.total.median, pg.total.median, 3)}.`,
    );
  if (chromeBewaar?.history && storedPouch && historyPouch?.history)
    lines.push(
      `- (c) Chromium "stored" ≥ 5× (${storedPouch.system}): ${verdict(storedPouch.stored.median, chromeBewaar.stored.median, 5)}.`,
      `- (c) Chromium "history readable" ≥ 5× (${historyPouch.system}): ${verdict(historyPouch.history.median, chromeBewaar.history.median, 5)}.`,
    );
  return lines.join('\n');
}

/** Which parts to run: BENCH_POUCH_PARTS (comma-separated `wire,replicator,chromium`), else all. */
export function pouchParts(): Set<string> {
  return new Set(
    (process.env.BENCH_POUCH_PARTS ?? 'wire,replicator,chromium').split(',').filter(Boolean),
  );
}
