// The item projection follows the event log: a push only stores its events, and the projector
// folds what was stored since the projection's position — in the background once a tenant's
// pushes and pulls pause (at most a couple of seconds behind during a long burst), and on the
// spot before any read of the projection, so a reader never sees it behind the log (a push waits
// at most for one small chunk of it). Each catch-up runs under the tenant's lock, the lock pushes
// take, so the events it reads are all the tenant has up to its last seq; the position commits
// with the rows it covers. Every server on one store can do it: the position is in the store, not in a
// server.
import type { Kysely } from 'kysely';
import { rebuildItems, reprojectSubjects, tenantSeq } from './itemProjection';
import type { Store } from './store/createStore';
import type { Schema } from './store/schema';

type Db = Kysely<Schema>;

/** The background catch-up waits for a tenant's pushes to pause this long: a device sending a
 * week of work sends batch after batch, and a catch-up between them takes the lock each next
 * batch needs. */
const QUIET_MS = 150;
/** …but never lets the projection fall further behind than this during a long burst. */
const MAX_LAG_MS = 2_000;
/** Events folded per lock hold in the background. Small: on SQLite a fold never yields to the
 * network until it is done, so a chunk of 2,000 held every request up for a tenth of a second
 * (server p99 under load); between chunks, pushes and pulls take their turn. */
const BACKGROUND_CHUNK = 250;

/** When the background catch-up should start: after the quiet time since the latest push, but
 * no later than the maximum lag after the first push it has not folded yet. */
export function catchUpDelay(
  now: number,
  firstPendingAt: number,
  quietMs = QUIET_MS,
  maxLagMs = MAX_LAG_MS,
): number {
  return Math.max(0, Math.min(quietMs, firstPendingAt + maxLagMs - now));
}

async function projectedSeq(db: Db, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('projections')
    .select('seq')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

async function recordPosition(db: Db, tenantId: string, seq: number): Promise<void> {
  await db
    .insertInto('projections')
    .values({ tenant_id: tenantId, seq })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ seq }))
    .execute();
}

/** Folds the tenant's events stored since the projection's position into it — at most `limit`
 * of them, the oldest — and returns how many that was (0, after two indexed reads, when it is up
 * to date). */
export async function catchUpItems(
  store: Store,
  tenantId: string,
  limit = Number.POSITIVE_INFINITY,
): Promise<number> {
  const [head, projected] = await Promise.all([
    tenantSeq(store.db, tenantId),
    projectedSeq(store.db, tenantId),
  ]);
  if (head <= projected) return 0;
  return store.withTenantLock(tenantId, async (trx) => {
    const from = await projectedSeq(trx, tenantId);
    let query = trx
      .selectFrom('events')
      .select(['seq', 'subject'])
      .where('tenant_id', '=', tenantId)
      .where('seq', '>', from)
      .orderBy('seq');
    if (Number.isFinite(limit)) query = query.limit(limit);
    const rows = await query.execute();
    const last = rows.at(-1);
    if (!last) return 0;
    // Stamped with the last position of this catch-up, not the head: a chunked catch-up
    // commits several times, and each commit's rows must sort after the previous one's.
    await reprojectSubjects(
      trx,
      tenantId,
      rows.map((row) => row.subject),
      Number(last.seq),
    );
    await recordPosition(trx, tenantId, Number(last.seq));
    return rows.length;
  });
}

/** Catches up every tenant's projection (before a read that spans tenants). */
export async function catchUpAll(store: Store): Promise<number> {
  const tenants = await store.db.selectFrom('tenants').select('id').execute();
  let folded = 0;
  for (const { id } of tenants) folded += await catchUpItems(store, id);
  return folded;
}

/** Rebuilds the projection of every tenant (or one) from the whole log and records it as up to
 * date. */
export async function rebuildProjection(store: Store, onlyTenant?: string): Promise<number> {
  const written = await rebuildItems(store.db, onlyTenant);
  const tenants =
    onlyTenant === undefined
      ? (await store.db.selectFrom('tenants').select('id').execute()).map((t) => t.id)
      : [onlyTenant];
  for (const tenantId of tenants)
    await recordPosition(store.db, tenantId, await tenantSeq(store.db, tenantId));
  return written;
}

interface Follow {
  timer: NodeJS.Timeout | null;
  /** When the first push not yet folded (nor being folded) arrived. */
  firstPendingAt: number;
  running: Promise<void> | null;
  /** A push arrived while a catch-up ran: run another after it. */
  again: boolean;
}

export interface Projector {
  /** A push stored events of this tenant: catch its projection up soon. */
  afterPush: (tenantId: string) => void;
  /** A device of this tenant pulled: a catch-up waiting to start waits for the pulls to pause
   * too (never past the maximum lag), so a device pulling the log page after page does not
   * share the server with the fold (probe, 6 alternating runs on PostgreSQL: a fresh device's
   * pull of 10,000 events just after they were pushed, median 0.16 s instead of 0.21 s).
   * Nothing is scheduled when nothing waits. */
  afterPull: (tenantId: string) => void;
  /** Stops scheduling and waits for a catch-up that is running. */
  close: () => Promise<void>;
}

/** The background half: one pending or running catch-up per tenant at a time. A catch-up that
 * fails is logged; the next read or push of the tenant catches up again. */
export function createProjector(
  store: Store,
  timing: { quietMs: number; maxLagMs: number } = { quietMs: QUIET_MS, maxLagMs: MAX_LAG_MS },
): Projector {
  const follows = new Map<string, Follow>();
  let closed = false;

  async function foldInChunks(tenantId: string): Promise<void> {
    while (!closed && (await catchUpItems(store, tenantId, BACKGROUND_CHUNK)) === BACKGROUND_CHUNK)
      await new Promise((resolve) => setImmediate(resolve));
  }

  function run(tenantId: string, follow: Follow): void {
    follow.timer = null;
    follow.running = foldInChunks(tenantId)
      .then(
        () => undefined,
        (error: unknown) => {
          if (!closed) console.error('projection catch-up failed; the next read retries', error);
        },
      )
      .finally(() => {
        follow.running = null;
        if (follow.again && !closed) {
          follow.again = false;
          schedule(tenantId, follow);
        }
      });
  }

  function schedule(tenantId: string, follow: Follow): void {
    if (follow.timer) clearTimeout(follow.timer);
    follow.timer = setTimeout(
      () => {
        run(tenantId, follow);
      },
      catchUpDelay(Date.now(), follow.firstPendingAt, timing.quietMs, timing.maxLagMs),
    );
    follow.timer.unref();
  }

  function afterPush(tenantId: string): void {
    if (closed) return;
    let follow = follows.get(tenantId);
    if (!follow) {
      follow = { timer: null, firstPendingAt: 0, running: null, again: false };
      follows.set(tenantId, follow);
    }
    // The first push since the last catch-up began starts the clock of the maximum lag.
    const pendingAlready = follow.timer !== null || follow.again;
    if (!pendingAlready) follow.firstPendingAt = Date.now();
    if (follow.running) follow.again = true;
    else schedule(tenantId, follow);
  }

  function afterPull(tenantId: string): void {
    const follow = follows.get(tenantId);
    if (closed || !follow?.timer) return;
    // Past the maximum lag the catch-up is due now: a pull must not keep moving it along.
    if (Date.now() >= follow.firstPendingAt + timing.maxLagMs) return;
    schedule(tenantId, follow);
  }

  return {
    afterPush,
    afterPull,
    async close() {
      closed = true;
      for (const follow of follows.values()) if (follow.timer) clearTimeout(follow.timer);
      await Promise.all([...follows.values()].flatMap((f) => (f.running ? [f.running] : [])));
    },
  };
}
