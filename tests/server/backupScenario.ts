// The backup round trip the backup tests run on each store: a seeded region with devices, photos,
// label sheets and an audit log; a backup by the admin CLI (a real process) while a device keeps
// pushing; a restore by the CLI into an empty store; a new server on it that every device syncs
// on with, without enrolling again.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { generateCode } from '../../src/domain/index';
import type { BewaarEvent } from '../../src/domain/index';
import { buildApp } from '../../server/app';
import { DEMO } from '../../server/demo';
import type { Store } from '../../server/store/createStore';
import { event, registration, senderOf } from './events';
import { TENANT_B, bearer, enroll, signIn } from './harness';
import type { Enrolled, Harness } from './harness';

const exec = promisify(execFile);

/** `npx tsx server/cli.ts …`, as `npm run admin -- …` runs it; its parsed JSON. */
export async function admin(env: NodeJS.ProcessEnv, ...args: string[]): Promise<unknown> {
  const { stdout } = await exec('npx', ['tsx', 'server/cli.ts', ...args], {
    env: { ...process.env, DATABASE_URL: '', ...env },
  });
  return JSON.parse(stdout) as unknown;
}

export const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
/** A JPEG as the server sees one: the magic bytes, then data it does not decode. */
export const jpeg = (size: number): Buffer =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size)]);

interface PushResult {
  accepted: string[];
  duplicate: string[];
  rejected: unknown[];
}

interface Pulled {
  events: BewaarEvent[];
  cursor: string;
  more: boolean;
}

type App = Harness['app'];

async function push(app: App, token: string, events: BewaarEvent[]): Promise<PushResult> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/sync/push',
    headers: bearer(token),
    payload: { events },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PushResult>();
}

async function putPhoto(app: App, token: string, bytes: Buffer): Promise<void> {
  const res = await app.inject({
    method: 'PUT',
    url: `/api/v1/photos/${sha(bytes)}`,
    headers: { ...bearer(token), 'content-type': 'image/jpeg' },
    payload: bytes,
  });
  expect(res.statusCode, res.body).toBe(201);
}

/** Pulls every page after `cursor`: the ids in order and the last cursor. */
async function pullAll(
  app: App,
  token: string,
  cursor = '0',
): Promise<{ ids: string[]; cursor: string }> {
  const ids: string[] = [];
  for (;;) {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/sync/pull?after=${cursor}`,
      headers: bearer(token),
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<Pulled>();
    ids.push(...page.events.map((e) => e.id));
    cursor = page.cursor;
    if (!page.more) return { ids, cursor };
  }
}

/** A registration with a photo: the photo uploaded, then both events pushed. */
async function itemWithPhoto(app: App, device: Enrolled, code: string): Promise<BewaarEvent[]> {
  const bytes = jpeg(20_000 + Math.floor(Math.random() * 20_000));
  await putPhoto(app, device.token, bytes);
  const events = [
    registration(senderOf(device), code),
    event(senderOf(device), 'item.photo-added', code, { photo: sha(bytes) }),
  ];
  const result = await push(app, device.token, events);
  expect(result.accepted).toHaveLength(2);
  return events;
}

/** A fresh random item code, outside the label sheets (code() of a counter can repeat one: its
 * I, L, O and U all become X). */
function freshCode(): string {
  return generateCode('item', (n) => randomBytes(n));
}

interface Rows {
  [table: string]: Record<string, unknown>[];
}

/** The tables a restore must bring back as they were (no writer touched them during the backup). */
const STILL_TABLES = [
  'tenants',
  'sites',
  'people',
  'roster',
  'tokens',
  'enrollment_codes',
  'label_batches',
  'label_codes',
  'audit_log',
] as const;

async function snapshot(store: Store): Promise<Rows> {
  const rows: Rows = {};
  for (const table of STILL_TABLES) {
    const list: Record<string, unknown>[] = await store.db.selectFrom(table).selectAll().execute();
    rows[table] = list;
    list.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return rows;
}

async function eventRows(store: Store) {
  return (
    await store.db.selectFrom('events').select(['seq', 'id', 'tenant_id']).orderBy('seq').execute()
  ).map((r) => ({ seq: Number(r.seq), id: r.id, tenant: r.tenant_id }));
}

async function photoRows(store: Store) {
  const rows = await store.db.selectFrom('photos').selectAll().execute();
  return new Map(rows.map((r) => [`${r.tenant_id}/${r.sha256}`, Buffer.from(r.bytes)]));
}

export interface RoundTripSetup {
  /** The seeded server whose store the CLI backs up. */
  source: Harness;
  /** The CLI's environment for the source store (BEWAAR_DATA_DIR or DATABASE_URL). */
  sourceEnv: NodeJS.ProcessEnv;
  /** The CLI's environment for an empty target store, and how to open it afterwards. */
  targetEnv: NodeJS.ProcessEnv;
  openTarget: () => Store;
  backupFile: string;
}

/** Runs the round trip; see the file's head. */
export async function backupRoundTrip(setup: RoundTripSetup): Promise<void> {
  const { app } = setup.source;
  const park = await enroll(app, 'DEMO-NOORD', 'Tablet Noord');
  const early = await enroll(app, 'DEMO-ZUID', 'Tablet Zuid');
  const late = await enroll(app, 'DEMO-WINKEL', 'Gsm werkplaats');
  const parkB = await enroll(app, TENANT_B.parkCode, 'Tablet B');
  const coordinator = await signIn(app, DEMO.coordinator.username, DEMO.coordinator.password);
  const sheet = await app.inject({
    method: 'POST',
    url: '/api/v1/admin/labels',
    headers: bearer(coordinator),
    payload: { kind: 'item', count: 12 },
  });
  expect(sheet.statusCode, sheet.body).toBe(201);
  const labels = sheet.json<{ codes: string[] }>().codes;

  // Before the backup: items with photos in both regions, some on the sheet's labels.
  const pushedByPark: BewaarEvent[] = [];
  for (const label of labels.slice(0, 8))
    pushedByPark.push(...(await itemWithPhoto(app, park, label)));
  for (let i = 0; i < 4; i++) await itemWithPhoto(app, parkB, freshCode());
  const seen = await pullAll(app, early.token);

  // A device keeps pushing (an item, every third one with a photo) while the CLI backs up.
  const writer = { running: true };
  let pushes = 0;
  let pushesDuringBackup = -1;
  const writing = (async () => {
    while (writer.running) {
      const item = freshCode();
      const events =
        pushes % 3 === 0
          ? await itemWithPhoto(app, park, item)
          : [registration(senderOf(park), item)];
      if (pushes % 3 !== 0) expect((await push(app, park.token, events)).accepted).toHaveLength(1);
      pushedByPark.push(...events);
      pushes += 1;
    }
  })();
  // Waits until the writer has pushed `count` times; a writer that failed fails the wait.
  const pushed = async (count: number) => {
    while (pushes < count) await Promise.race([writing, new Promise((r) => setTimeout(r, 10))]);
  };
  await pushed(3);
  const beforeBackup = pushes;
  let report: { rows: Record<string, number> };
  try {
    report = (await admin(setup.sourceEnv, 'backup', setup.backupFile)) as typeof report;
    pushesDuringBackup = pushes - beforeBackup;
    const afterBackup = pushes;
    await pushed(afterBackup + 3);
  } finally {
    writer.running = false;
    await writing;
  }
  expect(pushesDuringBackup).toBeGreaterThan(0);

  const original = await eventRows(setup.source.store);
  const originalPhotos = await photoRows(setup.source.store);
  const still = await snapshot(setup.source.store);
  const far = await pullAll(app, late.token); // a device that saw more than the backup holds

  const restored = (await admin(setup.targetEnv, 'restore', setup.backupFile)) as {
    rows: Record<string, number>;
  };
  expect(restored.rows).toEqual(report.rows);
  const store = setup.openTarget();
  await store.migrate();
  const next = await buildApp({ store, demo: true, rateLimit: { max: 10_000 } });
  try {
    // One moment's copy: exactly the events up to some position, pushes after it missing.
    const copied = await eventRows(store);
    const head = copied.at(-1)?.seq ?? 0;
    expect(copied).toEqual(original.filter((e) => e.seq <= head));
    expect(copied.length).toBeGreaterThan(seen.ids.length);
    expect(copied.length).toBeLessThan(original.length);
    expect(copied.length).toBe(report.rows.events);
    const photos = await photoRows(store);
    expect(photos.size).toBe(report.rows.photos);
    for (const [key, bytes] of photos) expect(originalPhotos.get(key)?.equals(bytes)).toBe(true);
    expect(await snapshot(store)).toEqual(still);
    const owners = await store.db.selectFrom('subject_owners').select('subject').execute();
    const owned = new Set(owners.map((o) => o.subject));
    for (const label of labels) expect(owned.has(label)).toBe(true);
    const inCopy = new Set(copied.map((e) => e.id));
    const subjects = pushedByPark.filter((e) => inCopy.has(e.id)).map((e) => e.subject);
    for (const subject of subjects) expect(owned.has(subject)).toBe(true);

    // Photos come back through the API, byte for byte.
    for (const e of pushedByPark.filter((p) => inCopy.has(p.id) && p.type === 'item.photo-added')) {
      const hash = (e.data as { photo: string }).photo;
      const res = await next.inject({
        method: 'GET',
        url: `/api/v1/photos/${hash}`,
        headers: bearer(park.token),
      });
      expect(res.statusCode).toBe(200);
      expect(
        res.rawPayload.equals(originalPhotos.get(`${DEMO.tenant.id}/${hash}`) ?? Buffer.alloc(0)),
      ).toBe(true);
    }

    // The device that pulled before the backup gets exactly what it had not seen, in order.
    const demoIds = copied.filter((e) => e.tenant === DEMO.tenant.id).map((e) => e.id);
    const rest = await pullAll(next, early.token, seen.cursor);
    expect([...seen.ids, ...rest.ids]).toEqual(demoIds);

    // Resent events are duplicates, never second rows; the ones the backup missed come in again.
    const copiedPushes = pushedByPark.filter((e) => inCopy.has(e.id));
    const again = await push(next, park.token, copiedPushes.slice(0, 400));
    expect(again.duplicate).toHaveLength(Math.min(400, copiedPushes.length));
    expect(again.accepted).toEqual([]);
    expect((await eventRows(store)).length).toBe(copied.length);
    const missed = pushedByPark.filter((e) => !inCopy.has(e.id) && e.type === 'item.registered');
    expect((await push(next, park.token, missed)).accepted).toHaveLength(missed.length);

    // The devices sync on with their tokens: both the one behind and the one that was ahead of
    // the backup pull what is stored now.
    const fresh = registration(senderOf(parkB), freshCode());
    expect((await push(next, parkB.token, [fresh])).accepted).toEqual([fresh.id]);
    const news = registration(senderOf(park), freshCode());
    expect((await push(next, park.token, [news])).accepted).toEqual([news.id]);
    const behind = await pullAll(next, early.token, rest.cursor);
    expect(behind.ids).toEqual([...missed.map((e) => e.id), news.id]);
    // The missed events come again to the device that was ahead (it has them: same id, no harm).
    const ahead = await pullAll(next, late.token, far.cursor);
    expect(ahead.ids).toEqual(behind.ids);
  } finally {
    await next.close();
    await store.close();
  }
}
