// The item projection follows the event log: a push only stores its events, and the projector
// folds what was stored since the projection's position — in the background a moment after
// pushes (pushes arriving meanwhile are folded together), and on the spot before any read of the
// projection, so a reader never sees it behind the log and a push never waits for it. Each
// catch-up runs under the tenant's lock, the lock pushes take, so the events it reads are all
// the tenant has up to its last seq; the position commits with the rows it covers. Every server
// on one store can do it: the position is in the store, not in a server.
import type { Kysely } from 'kysely';
import { rebuildItems, reprojectSubjects, tenantSeq } from './itemProjection';
import type { Store } from './store/createStore';
import type { Schema } from './store/schema';

type Db = Kysely<Schema>;

/** How long after a push its tenant's background catch-up starts. */
const AFTER_PUSH_MS = 50;

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

/** Folds the tenant's events stored since the projection's position into it; returns how many
 * events that was (0, after two indexed reads, when it is up to date). */
export async function catchUpItems(store: Store, tenantId: string): Promise<number> {
  const [head, projected] = await Promise.all([
    tenantSeq(store.db, tenantId),
    projectedSeq(store.db, tenantId),
  ]);
  if (head <= projected) return 0;
  return store.withTenantLock(tenantId, async (trx) => {
    const from = await projectedSeq(trx, tenantId);
    const rows = await trx
      .selectFrom('events')
      .select(['seq', 'subject'])
      .where('tenant_id', '=', tenantId)
      .where('seq', '>', from)
      .orderBy('seq')
      .execute();
    const last = rows.at(-1);
    if (!last) return 0;
    await reprojectSubjects(
      trx,
      tenantId,
      rows.map((row) => row.subject),
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
  running: Promise<void> | null;
  /** A push arrived while a catch-up ran: run another after it. */
  again: boolean;
}

export interface Projector {
  /** A push stored events of this tenant: catch its projection up soon. */
  afterPush: (tenantId: string) => void;
  /** Stops scheduling and waits for a catch-up that is running. */
  close: () => Promise<void>;
}

/** The background half: one pending or running catch-up per tenant at a time. A catch-up that
 * fails is logged; the next read or push of the tenant catches up again. */
export function createProjector(store: Store): Projector {
  const follows = new Map<string, Follow>();
  let closed = false;

  function run(tenantId: string, follow: Follow): void {
    follow.timer = null;
    follow.running = catchUpItems(store, tenantId)
      .then(
        () => undefined,
        (error: unknown) => {
          if (!closed) console.error('projection catch-up failed; the next read retries', error);
        },
      )
      .finally(() => {
        follow.running = null;
        if (follow.again) {
          follow.again = false;
          afterPush(tenantId);
        }
      });
  }

  function afterPush(tenantId: string): void {
    if (closed) return;
    let follow = follows.get(tenantId);
    if (!follow) {
      follow = { timer: null, running: null, again: false };
      follows.set(tenantId, follow);
    }
    if (follow.running) follow.again = true;
    else if (!follow.timer) {
      const scheduled = follow;
      follow.timer = setTimeout(() => {
        run(tenantId, scheduled);
      }, AFTER_PUSH_MS);
      follow.timer.unref();
    }
  }

  return {
    afterPush,
    async close() {
      closed = true;
      for (const follow of follows.values()) if (follow.timer) clearTimeout(follow.timer);
      await Promise.all([...follows.values()].flatMap((f) => (f.running ? [f.running] : [])));
    },
  };
}
